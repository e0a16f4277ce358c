// The CLI run as a process (the built server/out/cli.js): text, JSON, SARIF and Markdown
// output; folders and globs; --fail-on exit codes; bad input as one-line errors with exit 2.
import { strict as assert } from "node:assert";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { RULES } from "../../server/src/rules/registry";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "server/out/cli.js");
const FIXTURES = path.join(ROOT, "test/fixtures/releases");
const SEED = path.join(FIXTURES, "cgtn-xi-putin-trump.txt");
const SEED_TEXT = readFileSync(SEED, "utf8");
const NOTES = "Shopping list for the weekend\n\n- milk, eggs, two loaves of bread\n- 3 apples\n\nCall Anna on Saturday about the bike.\n";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], options: { cwd?: string; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, input: options.input, encoding: "utf8", maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
interface JsonFinding {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  kind?: string;
}
interface JsonFile {
  file: string;
  findings: JsonFinding[];
  outline: { name: string; kind: string; children: unknown[] }[];
  summary?: { findings: number };
}

describe("CLI: press-release-annotate", function () {
  this.timeout(60000);
  let tmp: string;
  const file = (rel: string, content: string | Buffer) => {
    const p = path.join(tmp, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  };
  before(() => {
    assert.ok(existsSync(CLI), `${CLI} missing: run npm run build`);
    tmp = mkdtempSync(path.join(tmpdir(), "pr-cli-"));
    file("releases/seed.txt", SEED_TEXT);
    file("releases/nested/apple.txt", readFileSync(path.join(FIXTURES, "apple-q1-fy2024-results.txt")));
    file("releases/notes.txt", NOTES);
    file("releases/readme.md", SEED_TEXT);
    file("releases/node_modules/pkg/x.txt", SEED_TEXT);
    file("releases/drafts/old.txt", SEED_TEXT);
    file("empty-dir/readme.md", "x");
    file("bad/binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    file("bad/latin1.txt", Buffer.from("Communiqu\xe9 de presse: caf\xe9", "latin1"));
    file("bad/empty.txt", "");
    file("bad/blank.txt", "\n  \n\t\n");
    // The seed release as Windows tools save it: UTF-16 with a byte-order mark, little- and big-endian.
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_TEXT, "utf16le")]);
    file("utf16/seed-le.txt", le);
    file("utf16/seed-be.txt", Buffer.from(le).swap16());
    file("bad/utf16-odd.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Acme said", "utf16le"), Buffer.from([0x41])]));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe("text report", () => {
    it("lists findings as line:col severity code message, the outline, and a summary line", () => {
      const r = run([SEED]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, "");
      const lines = r.stdout.split("\n");
      assert.equal(lines[0], SEED);
      assert.ok(lines.some((l) => /^ {2}9:1 +information +boilerplate \(wire-header\) +Boilerplate/.test(l)), "the wire header on line 9");
      assert.ok(lines.some((l) => /^ {2}23:\d+ +warning +unattributed-figure +.*228\.1 billion/.test(l)), "the figure on line 23");
      assert.ok(lines.includes("  Outline:"));
      assert.ok(lines.some((l) => /^ {2}• CGTN: Xi Jinping's same-day calls .*\(headline\) {2}\[5\]$/.test(l)), "headline with its line");
      assert.ok(lines.some((l) => /^ {4}└ China-Russia talks underscore strategic coordination/.test(l)), "a section under the body");
      const summary = lines.find((l) => l.startsWith(`${SEED}: `));
      assert.match(summary ?? "", /^.*: \d+ findings \(\d+ warning, \d+ information\) · \d+% boilerplate · \d+% figures sourced: .*\d+ boilerplate/);
    });

    it("one summary line per file and a total for several files", () => {
      const r = run([path.join(tmp, "releases")]);
      assert.equal(r.status, 0, r.stderr);
      const summaries = r.stdout.split("\n").filter((l) => /^\S.*\.txt: (\d+ findings?|not a press release)/.test(l));
      assert.equal(summaries.length, 4, summaries.join("\n"));
      assert.match(r.stdout.trimEnd().split("\n").pop()!, /^4 files analysed, \d+ findings$/);
    });

    it("--help prints usage with the exit codes", () => {
      const r = run(["--help"]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^usage: press-release-annotate/);
      assert.match(r.stdout, /exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
    });

    it("reads standard input as -", () => {
      const r = run(["-", "--format", "json"], { input: SEED_TEXT });
      assert.equal(r.status, 0, r.stderr);
      const [entry] = JSON.parse(r.stdout) as JsonFile[];
      assert.equal(entry.file, "-");
      assert.ok(entry.findings.length > 5);
    });
  });

  describe("JSON", () => {
    it("is an array of { file, findings: [{ code, severity, message, range }], outline }", () => {
      const r = run(["--format", "json", SEED]);
      assert.equal(r.status, 0, r.stderr);
      const parsed = JSON.parse(r.stdout) as JsonFile[];
      assert.equal(parsed.length, 1);
      const [entry] = parsed;
      assert.equal(entry.file, SEED);
      assert.ok(entry.findings.length > 5);
      const codes = new Set(RULES.map((x) => x.code));
      for (const f of entry.findings) {
        assert.ok(codes.has(f.code as never), f.code);
        assert.match(f.severity, /^(error|warning|information|hint)$/);
        assert.ok(f.message);
        assert.ok(Number.isInteger(f.range.start.line) && Number.isInteger(f.range.end.character));
      }
      const fig = entry.findings.find((f) => f.code === "unattributed-figure")!;
      const line = SEED_TEXT.split("\n")[fig.range.start.line];
      assert.equal(fig.range.start.line, 22, "0-based lines, as LSP");
      assert.equal(line.slice(fig.range.start.character, fig.range.end.character), "\\$228.1 billion");
      assert.equal(entry.findings.find((f) => f.code === "boilerplate" && f.range.start.line === 8)?.kind, "wire-header");
      assert.ok(entry.outline.some((n) => n.kind === "headline"));
      assert.equal(entry.summary?.findings, entry.findings.length);
    });

    it("the same flags give the same findings in every format", () => {
      const json = JSON.parse(run(["-f", "json", SEED]).stdout) as JsonFile[];
      const sarif = JSON.parse(run(["-f", "sarif", SEED]).stdout);
      assert.equal(sarif.runs[0].results.length, json[0].findings.length);
      const text = run([SEED]).stdout;
      assert.ok(text.includes(`${SEED}: ${json[0].findings.length} findings`));
    });
  });

  describe("SARIF 2.1.0", () => {
    it("is a valid log: driver rules from the registry, results with ruleId, level, message and a 1-based region", () => {
      const r = run(["--format", "sarif", path.relative(ROOT, SEED)]);
      assert.equal(r.status, 0, r.stderr);
      const log = JSON.parse(r.stdout);
      assert.equal(log.version, "2.1.0");
      assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
      assert.equal(log.runs.length, 1);
      const run0 = log.runs[0];
      const driver = run0.tool.driver;
      assert.equal(typeof driver.name, "string");
      assert.deepEqual(driver.rules.map((x: { id: string }) => x.id), RULES.map((x) => x.code));
      for (const rule of driver.rules) {
        assert.match(rule.helpUri, /^https:\/\/.+#/);
        assert.ok(rule.shortDescription.text && rule.fullDescription.text);
        assert.match(rule.defaultConfiguration.level, /^(error|warning|note|none)$/);
        assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
      }
      const json = (JSON.parse(run(["-f", "json", SEED]).stdout) as JsonFile[])[0];
      assert.equal(run0.results.length, json.findings.length);
      run0.results.forEach((res: any, i: number) => {
        assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
        assert.match(res.level, /^(error|warning|note)$/);
        assert.ok(res.message.text);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, "test/fixtures/releases/cgtn-xi-putin-trump.txt");
        assert.equal(loc.artifactLocation.uriBaseId, "%SRCROOT%");
        const f = json.findings[i];
        assert.deepEqual(
          [loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn],
          [f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1],
        );
        assert.equal(res.ruleId, f.code);
      });
      assert.equal(run0.columnKind, "utf16CodeUnits");
      assert.match(run0.originalUriBaseIds["%SRCROOT%"].uri, /^file:\/\/.*\/$/);
      assert.equal(run0.invocations[0].executionSuccessful, true);
      const warning = run0.results.find((x: any) => x.ruleId === "unattributed-figure");
      assert.equal(warning.level, "warning");
      assert.equal(run0.results.find((x: any) => x.ruleId === "boilerplate").level, "note");
    });

    it("unreadable inputs become tool execution notifications (and exit 2)", () => {
      const r = run(["-f", "sarif", SEED, path.join(tmp, "bad/binary.txt")]);
      assert.equal(r.status, 2);
      const log = JSON.parse(r.stdout);
      const inv = log.runs[0].invocations[0];
      assert.equal(inv.executionSuccessful, false);
      assert.equal(inv.toolExecutionNotifications.length, 1);
      assert.match(inv.toolExecutionNotifications[0].message.text, /binary/);
      assert.ok(log.runs[0].results.length > 0, "the good file's results are still there");
    });
  });

  describe("Markdown report", () => {
    it("--format markdown prints the report", () => {
      const r = run(["--format", "markdown", SEED]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^# Press release report: /);
      for (const h of ["## Findings by kind", "## Figures", "## Speakers", "## Outline"]) assert.ok(r.stdout.includes(h));
    });
  });

  describe("folders and globs", () => {
    it("a folder is searched for .txt files, skipping node_modules and --exclude", () => {
      const r = run(["-f", "json", "--exclude", "**/drafts/**", "releases"], { cwd: tmp });
      assert.equal(r.status, 0, r.stderr);
      const files = (JSON.parse(r.stdout) as JsonFile[]).map((e) => e.file);
      assert.deepEqual(files, [path.join("releases", "nested/apple.txt"), path.join("releases", "notes.txt"), path.join("releases", "seed.txt")]);
    });

    it("a quoted glob is expanded by the CLI", () => {
      const r = run(["-f", "json", "releases/**/*.txt"], { cwd: tmp });
      assert.equal(r.status, 0, r.stderr);
      const files = (JSON.parse(r.stdout) as JsonFile[]).map((e) => e.file).sort();
      assert.deepEqual(files, ["releases/drafts/old.txt", "releases/nested/apple.txt", "releases/notes.txt", "releases/seed.txt"]);
    });

    it("--enable auto skips what does not look like a release", () => {
      const r = run(["-f", "json", "--enable", "auto", "releases/seed.txt", "releases/notes.txt"], { cwd: tmp });
      assert.equal(r.status, 0, r.stderr);
      const [seed, notes] = JSON.parse(r.stdout) as (JsonFile & { skipped?: string })[];
      assert.ok(seed.findings.length > 0);
      assert.equal(notes.skipped, "not-a-release");
      assert.match(run(["--enable", "auto", "releases/notes.txt"], { cwd: tmp }).stdout, /notes\.txt: not a press release/);
    });

    it("a file or folder whose name is not UTF-8 is named on stderr (bytes as \\xHH) with what to do, exit 2; the rest is analysed", () => {
      const dir = mkdtempSync(path.join(tmpdir(), "pra-cli-names-"));
      try {
        writeFileSync(path.join(dir, "seed.txt"), SEED_TEXT);
        writeFileSync(Buffer.concat([Buffer.from(dir + "/caf"), Buffer.from([0xe9]), Buffer.from(".txt")]), SEED_TEXT);
        mkdirSync(Buffer.concat([Buffer.from(dir + "/d"), Buffer.from([0xe9]), Buffer.from("p")]));
        const r = run(["-f", "json", "."], { cwd: dir });
        assert.equal(r.status, 2, r.stderr);
        assert.deepEqual((JSON.parse(r.stdout) as JsonFile[]).filter((e) => e.findings).map((e) => e.file), ["seed.txt"]);
        assert.match(r.stderr, /caf\\xE9\.txt: its name is not valid UTF-8 text; rename the file to analyse it/);
        assert.match(r.stderr, /d\\xE9p: its name is not valid UTF-8 text; rename the folder to search it/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("a file named twice is analysed once", () => {
      const r = run(["-f", "json", "releases/seed.txt", "./releases/seed.txt", "releases"], { cwd: tmp });
      const files = (JSON.parse(r.stdout) as JsonFile[]).map((e) => e.file);
      assert.equal(files.filter((f) => f.endsWith("seed.txt")).length, 1);
    });
  });

  describe("--fail-on and exit codes", () => {
    it("no --fail-on: exit 0 even with findings", () => {
      assert.equal(run([SEED]).status, 0);
    });
    it("--fail-on warning: exit 1 when a warning is found", () => {
      assert.equal(run(["--fail-on", "warning", SEED]).status, 1);
      assert.equal(run(["--fail-on=information", SEED]).status, 1);
    });
    it("--fail-on error: exit 0 when nothing is an error, 1 once a rule is raised to error", () => {
      assert.equal(run(["--fail-on", "error", SEED]).status, 0);
      assert.equal(run(["--fail-on", "error", "--severity", "unattributed-figure=error", SEED]).status, 1);
    });
    it("--severity CODE=off drops the rule", () => {
      const entry = (JSON.parse(run(["-f", "json", "--severity", "boilerplate=off", SEED]).stdout) as JsonFile[])[0];
      assert.ok(!entry.findings.some((f) => f.code === "boilerplate"));
    });
    it("a clean file exits 0 with --fail-on hint", () => {
      const clean = file("clean.txt", "Acme Corp. today announced the Widget 2.\n\nThe Widget 2 ships in March, Acme said.\n");
      const r = run(["--fail-on", "hint", "--severity", "boilerplate=off", clean]);
      const entry = (JSON.parse(run(["-f", "json", clean]).stdout) as JsonFile[])[0];
      assert.equal(r.status, entry.findings.length ? 1 : 0);
    });
  });

  describe("bad input: one line on stderr, exit 2", () => {
    const cases: [string, () => string, RegExp][] = [
      ["a missing file", () => path.join(tmp, "nope.txt"), /nope\.txt: no such file$/],
      ["a binary file", () => path.join(tmp, "bad/binary.txt"), /binary\.txt: binary file/],
      ["invalid UTF-8", () => path.join(tmp, "bad/latin1.txt"), /latin1\.txt: not valid UTF-8 text$/],
      ["UTF-16 cut off mid-character", () => path.join(tmp, "bad/utf16-odd.txt"), /utf16-odd\.txt: not valid UTF-16LE text/],
      ["an empty file", () => path.join(tmp, "bad/empty.txt"), /empty\.txt: empty file$/],
      ["a blank file", () => path.join(tmp, "bad/blank.txt"), /blank\.txt: empty file$/],
      ["a folder without .txt files", () => path.join(tmp, "empty-dir"), /empty-dir: no \.txt files in this folder$/],
      ["a glob matching nothing", () => path.join(tmp, "releases/*.nothing"), /no files match this pattern$/],
    ];
    for (const [what, arg, message] of cases) {
      it(what, () => {
        const r = run([arg()]);
        assert.equal(r.status, 2, r.stdout + r.stderr);
        const lines = r.stderr.trimEnd().split("\n");
        assert.equal(lines.length, 1, r.stderr);
        assert.match(lines[0], /^press-release-annotate: /);
        assert.match(lines[0], message);
        assert.ok(!/at \w+ \(/.test(r.stderr), "no stack trace");
      });
    }

    it("UTF-16 with a byte-order mark (either order) is read as text: the findings of the UTF-8 release", () => {
      const utf8 = run(["-f", "json", SEED]);
      const findings = (r: Run) => (JSON.parse(r.stdout) as JsonFile[]).map((f) => f.findings);
      for (const name of ["seed-le.txt", "seed-be.txt"]) {
        const r = run(["-f", "json", path.join(tmp, "utf16", name)]);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(findings(r), findings(utf8), name);
      }
    });

    it("good files are still reported when another input is bad; JSON stays parseable", () => {
      const r = run(["-f", "json", SEED, path.join(tmp, "nope.txt")]);
      assert.equal(r.status, 2);
      assert.equal((JSON.parse(r.stdout) as JsonFile[]).length, 1);
      assert.equal(r.stderr.trim().split("\n").length, 1);
    });

    it("bad options exit 2 with a usage hint", () => {
      for (const args of [["--format", "xml", SEED], ["--fail-on", "severe", SEED], ["--bogus", SEED], ["--severity", "nope=off", SEED], []]) {
        const r = run(args);
        assert.equal(r.status, 2, args.join(" "));
        assert.match(r.stderr, /^press-release-annotate: .+\nusage: /);
      }
    });
  });

  it("standard input opened on a folder (`- < dir`): exit 2, saying so (it read as an empty file)", () => {
    const fd = openSync(ROOT, "r");
    try {
      const r = spawnSync(process.execPath, [CLI, "-"], { cwd: ROOT, stdio: [fd, "pipe", "pipe"], encoding: "utf8" });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^press-release-annotate: -: standard input is a folder, not a file$/m);
    } finally {
      closeSync(fd);
    }
  });

  it("a glob or --exclude pattern picomatch cannot use (over 65,536 characters) exits 2 with a message, not an internal error", () => {
    for (const args of [["--exclude", "a".repeat(70000), "test/fixtures/releases"], ["test/fixtures/" + "*".repeat(70000)]]) {
      const r = run(args);
      assert.equal(r.status, 2, r.stderr.slice(0, 300));
      assert.match(r.stderr, /^press-release-annotate: cannot use the glob pattern .*\(70000 characters\)/);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, "no stack trace");
    }
  });

  it("a reader that stops early (`| head`): no stack trace, and the exit code still says what the run found", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pra-pipe-"));
    try {
      // Forty copies of the seed release: far more output than one pipe buffer.
      for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `r${i}.release.txt`), SEED_TEXT);
      const child = spawn(process.execPath, [CLI, "--fail-on", "warning", dir], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d));
      child.stdout.once("data", () => child.stdout.destroy()); // read the first chunk, then close the pipe
      const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
      assert.equal(stderr, "");
      assert.equal(status, run(["--fail-on", "warning", SEED]).status, "the exit code of the same run read to the end");
      assert.equal(status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

