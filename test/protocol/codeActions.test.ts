// Code actions over the protocol: the quick fixes (insert a source placeholder, ignore this
// finding, disable the rule), the source action, and none for clients without literals.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { FIXTURES, FULL_CAPABILITIES, TestClient } from "./client";

const SEED_TEXT = readFileSync(path.join(FIXTURES, "cgtn-xi-putin-trump.txt"), "utf8");
const URI = "file:///ws/seed.txt";
const codeOf = (d: Diagnostic) => String(d.code);

async function actionsAt(c: TestClient, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
}

/** Applies a code action's edit (documentChanges or changes) to the text. */
function apply(text: string, action: CodeAction): string {
  const edits: TextEdit[] = [];
  const e = action.edit!;
  if (e.documentChanges) for (const dc of e.documentChanges) if ("edits" in dc) edits.push(...(dc.edits as TextEdit[]));
  if (e.changes) for (const list of Object.values(e.changes)) edits.push(...list);
  return TextDocument.applyEdits(TextDocument.create(URI, "plaintext", 1, text), edits);
}

describe("protocol: code actions", function () {
  this.timeout(30000);
  let c: TestClient;
  let diags: Diagnostic[];
  before(async () => {
    c = await TestClient.start({ settings: { placeholder: "[source?]" } });
    diags = (await c.open(URI, SEED_TEXT)).diagnostics;
  });
  after(async () => {
    await c?.stop();
  });

  it("an unattributed figure gets the three quick fixes, the placeholder first and preferred", async () => {
    const fig = diags.find((d) => codeOf(d) === "unattributed-figure")!;
    const actions = await actionsAt(c, fig);
    assert.deepEqual(actions.map((a) => a.title), ["Insert source placeholder", "Ignore this finding", "Disable rule 'unattributed-figure' in this workspace"]);
    for (const a of actions) {
      assert.equal(a.kind, "quickfix");
      assert.deepEqual(a.diagnostics, [fig]);
    }
    assert.equal(actions[0].isPreferred, true);
    const edited = apply(SEED_TEXT, actions[0]);
    assert.match(edited.split("\n")[22], /\\\$228\.1 billion \[source\?\] in 2025/);
    const dc = actions[0].edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(dc.textDocument.version, 1, "versioned edit");
  });

  it("the placeholder goes before a claim sentence's closing punctuation", async () => {
    const claim = diags.find((d) => codeOf(d) === "unattributed-claim" && d.range.start.line === 54)!;
    assert.ok(claim, "the claim on line 55");
    const [insert] = await actionsAt(c, claim);
    assert.equal(insert.title, "Insert source placeholder");
    const line = apply(SEED_TEXT, insert).split("\n")[54];
    assert.match(line, / \[source\?\]\.$/);
  });

  it("Ignore this finding invokes the client command with the finding's ignore key", async () => {
    const vague = diags.find((d) => codeOf(d) === "vague-attribution")!;
    const actions = await actionsAt(c, vague);
    assert.deepEqual(actions.map((a) => a.title), ["Ignore this finding", "Disable rule 'vague-attribution' in this workspace"], "no placeholder for vague attributions");
    const ignore = actions[0];
    assert.equal(ignore.command?.command, "pressRelease.ignoreFinding");
    const key = ignore.command?.arguments?.[0] as string;
    assert.equal(key, "vague-attribution:according to analysis");
    // What the client command does: append the key to pressRelease.ignoredFindings.
    const next = c.waitDiagnostics(URI, (d) => d.length === diags.length - 1);
    await c.configure({ ignoredFindings: [key] });
    const after = await next;
    assert.ok(!after.diagnostics.some((d) => codeOf(d) === "vague-attribution" && d.range.start.line === vague.range.start.line && d.range.start.character === vague.range.start.character));
  });

  it("Disable rule invokes the client command with the code; severity off removes the rule", async () => {
    const boiler = diags.find((d) => codeOf(d) === "boilerplate")!;
    const actions = await actionsAt(c, boiler);
    const disable = actions.find((a) => a.title === "Disable rule 'boilerplate' in this workspace")!;
    assert.equal(disable.command?.command, "pressRelease.disableRule");
    assert.deepEqual(disable.command?.arguments, ["boilerplate"]);
    const next = c.waitDiagnostics(URI, (d) => d.length > 0 && !d.some((x) => codeOf(x) === "boilerplate"));
    await c.configure({ severity: { boilerplate: "off" } });
    await next;
    await c.configure({});
    await c.waitDiagnostics(URI, (d) => d.some((x) => codeOf(x) === "boilerplate"));
  });

  it("a custom placeholder setting is used", async () => {
    await c.configure({ placeholder: "(citation needed)" });
    const p = await c.waitDiagnostics(URI, () => true, 10000, true);
    const fig = p.diagnostics.find((d) => codeOf(d) === "unattributed-figure")!;
    const [insert] = await actionsAt(c, fig);
    assert.match(apply(SEED_TEXT, insert).split("\n")[22], /billion \(citation needed\) in 2025/);
    await c.configure({});
  });

  it("no placeholder is offered when one already follows", async () => {
    const fig = diags.find((d) => codeOf(d) === "unattributed-figure")!;
    const [insert] = await actionsAt(c, fig);
    const edited = apply(SEED_TEXT, insert);
    const uri2 = "file:///ws/seed-edited.txt";
    const p = await c.open(uri2, edited);
    const fig2 = p.diagnostics.find((d) => codeOf(d) === "unattributed-figure" && d.range.start.line === 22 && d.range.start.character === fig.range.start.character);
    if (!fig2) return; // the engine may now count the figure as sourced: nothing to offer either way
    const actions = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: uri2 }, range: fig2.range, context: { diagnostics: [fig2] } });
    assert.ok(!actions.some((a) => a.title === "Insert source placeholder"));
  });

  it("the source action copies the release without boilerplate, only when asked for", async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const none = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: URI }, range, context: { diagnostics: [] } });
    assert.deepEqual(none, []);
    const source = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: URI }, range, context: { diagnostics: [], only: ["source"] } });
    assert.equal(source.length, 1);
    assert.equal(source[0].title, "Copy release without boilerplate");
    assert.equal(source[0].kind, "source.pressRelease.copyWithoutBoilerplate");
    assert.deepEqual(source[0].command, { title: "Copy release without boilerplate", command: "pressRelease.copyWithoutBoilerplate", arguments: [URI] });
    const onlyFixes = await actionsAt(c, diags[0], ["quickfix"]);
    assert.ok(onlyFixes.every((a) => a.kind === "quickfix"));
  });

  it("with several findings under the cursor, each fix names its rule", async () => {
    const vague = diags.find((d) => codeOf(d) === "vague-attribution")!;
    const claim: Diagnostic = { ...vague, code: "unattributed-claim", range: { start: { line: vague.range.start.line, character: 0 }, end: vague.range.end } };
    const actions = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: URI }, range: vague.range, context: { diagnostics: [claim, vague] } });
    assert.deepEqual(actions.map((a) => a.title), [
      "Insert source placeholder (unattributed-claim)",
      "Ignore this finding (unattributed-claim)",
      "Ignore this finding (vague-attribution)",
      "Disable rule 'unattributed-claim' in this workspace",
      "Disable rule 'vague-attribution' in this workspace",
    ]);
  });

  it("the same diagnostic sent a hundred times gets its fixes once", async () => {
    const fig = diags.find((d) => codeOf(d) === "unattributed-figure")!;
    const actions = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: URI }, range: fig.range, context: { diagnostics: Array(100).fill(fig) } });
    assert.deepEqual(actions.map((a) => a.title), (await actionsAt(c, fig)).map((a) => a.title));
    assert.equal(actions.length, 3);
  });

  it("diagnostics from other sources get no actions", async () => {
    const foreign: Diagnostic = { range: diags[0].range, message: "spelling", source: "cSpell", code: "unknown-word" };
    assert.deepEqual(await actionsAt(c, foreign), []);
  });
});

describe("protocol: code actions need code action literals", function () {
  this.timeout(30000);
  it("a client without codeActionLiteralSupport gets no code action provider", async () => {
    const caps = structuredClone(FULL_CAPABILITIES);
    delete caps.textDocument!.codeAction;
    const c = await TestClient.start({ capabilities: caps });
    try {
      assert.equal(c.init.capabilities.codeActionProvider, undefined);
      const diags = (await c.open(URI, SEED_TEXT)).diagnostics;
      const actions = await c.request<CodeAction[] | null>("textDocument/codeAction", { textDocument: { uri: URI }, range: diags[0].range, context: { diagnostics: [diags[0]] } }).catch(() => null);
      assert.ok(!actions || actions.length === 0);
    } finally {
      await c.stop();
    }
  });

  it("a client without documentChanges gets plain changes", async () => {
    const caps = structuredClone(FULL_CAPABILITIES);
    caps.workspace!.workspaceEdit = {};
    const c = await TestClient.start({ capabilities: caps });
    try {
      const diags = (await c.open(URI, SEED_TEXT)).diagnostics;
      const fig = diags.find((d) => codeOf(d) === "unattributed-figure")!;
      const [insert] = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: URI }, range: fig.range, context: { diagnostics: [fig] } });
      assert.ok(insert.edit?.changes?.[URI]);
      assert.equal(insert.edit?.documentChanges, undefined);
    } finally {
      await c.stop();
    }
  });
});
