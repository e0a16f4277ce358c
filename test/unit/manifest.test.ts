// package.json must agree with the code: the settings schema is generated from the rule
// registry and the settings defaults (run with UPDATE_MANIFEST=1 to rewrite it), the commands
// are the client's, the language and grammar files exist, and the grammar highlights what it
// promises (tokenised with vscode-textmate and the real Oniguruma engine).
import { strict as assert } from "node:assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";
import { RULES } from "../../server/src/rules/registry";
import { configurationContribution } from "../../server/src/lsp/settingsSchema";
import { DEFAULT_SETTINGS, settingsFrom } from "../../server/src/lsp/settings";
import { Commands } from "../../server/src/protocol";

const ROOT = path.resolve(__dirname, "../..");
const PKG_PATH = path.join(ROOT, "package.json");
const read = () => JSON.parse(readFileSync(PKG_PATH, "utf8"));

describe("manifest (package.json) agrees with the code", () => {
  const pkg = read();
  const contributes = pkg.contributes;

  it("contributes.configuration is generated from the rule registry and the defaults", () => {
    const want = configurationContribution();
    const have = contributes.configuration;
    if (process.env.UPDATE_MANIFEST && JSON.stringify(have) !== JSON.stringify(want)) {
      const fresh = read();
      fresh.contributes.configuration = want;
      writeFileSync(PKG_PATH, JSON.stringify(fresh, null, 2) + "\n");
    }
    assert.deepEqual(have, want, "package.json drifted from the registry: run `UPDATE_MANIFEST=1 npx mocha test/unit/manifest.test.ts` and commit package.json");
  });

  it("every rule has a severity setting with its default level, and nothing else does", () => {
    const sev = contributes.configuration.properties["pressRelease.severity"];
    assert.deepEqual(Object.keys(sev.properties), RULES.map((r) => r.code));
    for (const r of RULES) {
      assert.equal(sev.properties[r.code].default, r.defaultSeverity);
      assert.equal(sev.default[r.code], r.defaultSeverity);
      assert.deepEqual(sev.properties[r.code].enum, ["error", "warning", "information", "hint", "off"]);
    }
  });

  it("every setting is one settingsFrom reads, with the same default", () => {
    const props = contributes.configuration.properties as Record<string, { default: unknown }>;
    const keys = Object.keys(props).map((k) => k.replace(/^pressRelease\./, ""));
    assert.deepEqual(keys.sort(), Object.keys(DEFAULT_SETTINGS).sort());
    const defaults: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) defaults[k.replace(/^pressRelease\./, "")] = v.default;
    const cleaned = settingsFrom(defaults);
    assert.deepEqual({ ...cleaned, severity: {} }, { ...DEFAULT_SETTINGS, severity: {} });
    assert.equal(props["pressRelease.maxDocumentSize"].default, 20971520);
    // With no settings, or settings that are not what they should be, every setting falls back
    // to that same default (an editor that sends none gets the 20 MB limit).
    assert.deepEqual(settingsFrom({}), DEFAULT_SETTINGS);
    assert.deepEqual(settingsFrom(null), DEFAULT_SETTINGS);
    assert.deepEqual(settingsFrom("not an object"), DEFAULT_SETTINGS);
    assert.equal(settingsFrom({ maxDocumentSize: "big" }).maxDocumentSize, 20971520);
    for (const [k, v] of Object.entries(props)) assert.ok((v as { markdownDescription?: string }).markdownDescription, `${k} is documented`);
  });

  it("the user-facing commands are contributed under the Press Release category", () => {
    const cmds = contributes.commands as { command: string; title: string; category: string }[];
    const byId = new Map(cmds.map((c) => [c.command, c]));
    assert.deepEqual(cmds.map((c) => c.command).sort(), Object.values(Commands).sort());
    assert.equal(`${byId.get(Commands.showReport)!.category}: ${byId.get(Commands.showReport)!.title}`, "Press Release: Show Report");
    assert.equal(`${byId.get(Commands.analyzeWorkspace)!.category}: ${byId.get(Commands.analyzeWorkspace)!.title}`, "Press Release: Analyse Workspace");
    const hidden = (contributes.menus.commandPalette as { command: string; when: string }[]).filter((m) => m.when === "false").map((m) => m.command);
    assert.deepEqual(hidden.sort(), [Commands.disableRule, Commands.ignoreFinding].sort(), "internal commands stay out of the palette");
  });

  it("activation, entry points and the language are wired", () => {
    assert.deepEqual(pkg.activationEvents, ["onLanguage:plaintext", "onLanguage:press-release"]);
    assert.equal(pkg.main, "./client/out/extension.js");
    assert.equal(pkg.bin["press-release-annotate"], "./server/out/cli.js");
    const build = readFileSync(path.join(ROOT, "esbuild.mjs"), "utf8");
    for (const out of ["client/out/extension.js", "server/out/server.js", "server/out/cli.js"]) assert.ok(build.includes(out), `esbuild builds ${out}`);
    const lang = contributes.languages.find((l: { id: string }) => l.id === "press-release");
    assert.deepEqual(lang.extensions, [".release.txt", ".pr.txt"]);
    assert.ok(existsSync(path.join(ROOT, lang.configuration)));
    const grammar = contributes.grammars.find((g: { language: string }) => g.language === "press-release");
    assert.equal(grammar.scopeName, "text.press-release");
    assert.ok(existsSync(path.join(ROOT, grammar.path)));
    const lc = JSON.parse(readFileSync(path.join(ROOT, lang.configuration), "utf8"));
    assert.ok(Array.isArray(lc.brackets) && Array.isArray(lc.autoClosingPairs));
    assert.doesNotThrow(() => new RegExp(lc.wordPattern.pattern, lc.wordPattern.flags));
  });

  it("scripts annotate and package run the built CLI and vsce without dependencies", () => {
    assert.equal(pkg.scripts.annotate, "node server/out/cli.js");
    assert.match(pkg.scripts.package, /vsce package --no-dependencies/);
    const ignore = readFileSync(path.join(ROOT, ".vscodeignore"), "utf8");
    assert.match(ignore, /^\*\*$/m, ".vscodeignore starts from nothing and lists what ships");
    // Bundles loaded at run time by path (the language client after activation, the analysis
    // worker for large documents) are built and ship with the extension.
    const build = readFileSync(path.join(ROOT, "esbuild.mjs"), "utf8");
    for (const out of ["client/out/extension.js", "client/out/languageClient.js", "server/out/server.js", "server/out/analysisWorker.js", "server/out/cli.js"]) {
      assert.ok(build.includes(`outfile: "${out}"`), `esbuild builds ${out}`);
      assert.match(ignore, new RegExp(`^!${out.replace(/[.]/g, "\\.")}$`, "m"), `${out} ships in the .vsix`);
    }
  });
});

describe("TextMate grammar (syntaxes/press-release.tmLanguage.json)", () => {
  let grammar: vsctm.IGrammar;
  before(async () => {
    const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => (scope === "text.press-release" ? vsctm.parseRawGrammar(readFileSync(path.join(ROOT, "syntaxes/press-release.tmLanguage.json"), "utf8"), "press-release.tmLanguage.json") : null),
    });
    grammar = (await registry.loadGrammar("text.press-release"))!;
  });

  /** The text of every token whose scopes include one ending in `.press-release` and containing `scope`. */
  function tokens(lines: string[], scope: string): string[] {
    let state = vsctm.INITIAL;
    const out: string[] = [];
    for (const line of lines) {
      const r = grammar.tokenizeLine(line, state);
      let run = "";
      for (const t of r.tokens) {
        const hit = t.scopes.some((s) => s.includes(scope) && s.endsWith(".press-release"));
        if (hit) run += line.slice(t.startIndex, t.endIndex);
        else if (run) {
          out.push(run);
          run = "";
        }
      }
      if (run) out.push(run);
      state = r.ruleStack;
    }
    return out;
  }

  it("dateline: place and date", () => {
    const line = ["BEIJING, Feb. 6, 2026 /PRNewswire/ - Chinese President Xi Jinping held talks."];
    assert.deepEqual(tokens(line, "dateline.place"), ["BEIJING"]);
    assert.deepEqual(tokens(line, "constant.other.date"), ["Feb. 6, 2026"]);
    assert.deepEqual(tokens(["SAN FRANCISCO, Calif., March 3, 2025 (BUSINESS WIRE) -- Acme"], "dateline.place"), ["SAN FRANCISCO, Calif."]);
    assert.deepEqual(tokens(["The talks, held Feb. 6, 2026, went well."], "dateline"), []);
  });

  it("wire marks and end marks", () => {
    assert.deepEqual(tokens(["BEIJING, Feb. 6, 2026 /PRNewswire/ - text"], "wire-mark"), ["/PRNewswire/"]);
    assert.deepEqual(tokens(["TORONTO, Jan. 5, 2025 (GLOBE NEWSWIRE) -- text"], "wire-mark"), ["(GLOBE NEWSWIRE)"]);
    assert.deepEqual(tokens(["FOR IMMEDIATE RELEASE"], "wire-mark"), ["FOR IMMEDIATE RELEASE"]);
    assert.deepEqual(tokens(["View original content:<https://x.example/a>"], "wire-mark"), ["View original content:"]);
    assert.deepEqual(tokens(["###"], "end-mark"), ["###"]);
    assert.deepEqual(tokens(["  -30-  "], "end-mark"), ["-30-"]);
    assert.deepEqual(tokens(["Item ### three"], "end-mark"), []);
  });

  it("quotes, also hard-wrapped, ending at a blank line when unclosed", () => {
    assert.deepEqual(tokens(["“We are proud,” said Jane Doe."], "string.quoted"), ["“We are proud,”"]);
    assert.deepEqual(tokens(['He said "this matters" today.'], "string.quoted"), ['"this matters"']);
    assert.deepEqual(tokens(["“We grew", "fast,” she said."], "string.quoted"), ["“We grew", "fast,”"]);
    const unclosed = tokens(["“An unclosed quote", "", "Next paragraph."], "string.quoted");
    assert.deepEqual(unclosed, ["“An unclosed quote"]);
    assert.deepEqual(tokens(['5" screen'], "string.quoted"), []);
  });

  it("figures: money and percentages, with scraped \\$ escapes", () => {
    const line = ["Trade reached \\$228.1 billion in 2025, up 45% and 3.5 percent; US$3 million or €1.2bn or 5 million euros."];
    assert.deepEqual(tokens(line, "numeric.money"), ["\\$228.1 billion", "US$3 million", "€1.2bn", "5 million euros"]);
    assert.deepEqual(tokens(line, "numeric.percent"), ["45%", "3.5 percent"]);
    assert.deepEqual(tokens(["in 2025, the 80th anniversary"], "numeric"), []);
  });

  it("URLs (bare, <…>, [text](url)) and e-mail addresses", () => {
    assert.deepEqual(tokens(["See https://acme.example/a_(b). Or <https://x.example/p?q=1>."], "link"), ["https://acme.example/a_(b)", "https://x.example/p?q=1"]);
    assert.deepEqual(tokens(["[acme/pr](https://acme.example/pr) www.acme.example,"], "link"), ["https://acme.example/pr", "www.acme.example"]);
    assert.deepEqual(tokens(["Contact press@acme.example."], "link.email"), ["press@acme.example"]);
  });
});
