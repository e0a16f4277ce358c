// "Analyse Workspace" over the protocol: every release under the workspace folders gets
// diagnostics, files.exclude and pressRelease.exclude are respected, progress is reported.
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { FIXTURES, TestClient, fileUri } from "./client";
import { CancellationTokenSource, type Hover } from "vscode-languageserver-protocol";
import type { AnalyzeWorkspaceResult } from "../../server/src/protocol";
import { analyze } from "../../server/src/analysis/index";

const SEED_TEXT = readFileSync(path.join(FIXTURES, "cgtn-xi-putin-trump.txt"), "utf8");
const OTHER_TEXT = readFileSync(path.join(FIXTURES, "apple-q1-fy2024-results.txt"), "utf8");

describe("protocol: analyse workspace", function () {
  this.timeout(60000);
  let ws: string;
  let c: TestClient;
  const file = (rel: string, content: string | Buffer) => {
    const p = path.join(ws, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  };
  before(async () => {
    ws = mkdtempSync(path.join(tmpdir(), "pr-ws-"));
    file("news/seed.txt", SEED_TEXT);
    file("news/apple.txt", OTHER_TEXT);
    file("news/opened.txt", SEED_TEXT);
    file("notes.txt", "Shopping list\n\n- milk\n- eggs\n");
    file("drafts/old.txt", SEED_TEXT);
    file("hidden/secret.txt", SEED_TEXT);
    file("node_modules/pkg/readme.txt", SEED_TEXT);
    file("binary.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    file("latin1.txt", Buffer.from("Caf\xe9 cr\xe8me", "latin1"));
    file("readme.md", SEED_TEXT);
    writeFileSync(Buffer.concat([Buffer.from(path.join(ws, "news/caf")), Buffer.from([0xe9]), Buffer.from(".txt")]), SEED_TEXT); // a Latin-1 name: cannot be opened by a string path
    c = await TestClient.start({ workspaceFolders: [ws], settings: { exclude: ["drafts/**", "**/node_modules/**"] }, sections: { "files.exclude": { "**/hidden": true, "**/.git": true, "**/off": false } } });
  });
  after(async () => {
    await c?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it("publishes diagnostics for releases on disk, skipping excluded, open and unreadable files", async () => {
    const opened = fileUri(path.join(ws, "news/opened.txt"));
    const openDiags = await c.open(opened, SEED_TEXT + "\nA new line the disk does not have.\n");
    const before = c.published.length;
    const r = await c.request<AnalyzeWorkspaceResult>("pressRelease/analyzeWorkspace", {});
    assert.equal(r.cancelled, false);
    // seed, apple, opened, notes, binary, latin1, news/caf\xE9.txt (drafts/, hidden/, node_modules/ excluded; .md not a .txt)
    assert.equal(r.files, 7, JSON.stringify(r));
    assert.equal(r.releases, 2);
    assert.equal(r.skipped, 3, "binary, invalid UTF-8, and a name that is not UTF-8");
    for (const why of [/binary\.txt: binary file/, /latin1\.txt: not valid UTF-8 text/, /caf\\xE9\.txt: its name is not valid UTF-8 text/])
      assert.ok(c.logs.some((l) => /^Analyse Workspace skipped /.test(l) && why.test(l)), `logged: ${why}\n${c.logs.join("\n")}`);
    const published = c.published.slice(before);
    const uris = published.map((p) => p.uri).sort();
    assert.deepEqual(uris, [fileUri(path.join(ws, "news/apple.txt")), fileUri(path.join(ws, "news/seed.txt"))].sort());
    const seed = published.find((p) => p.uri.endsWith("/news/seed.txt"))!;
    assert.equal(seed.diagnostics.length, openDiags.diagnostics.length, "same findings as the editor shows for the same text");
    assert.equal(r.findings, published.reduce((n, p) => n + p.diagnostics.length, 0));
    assert.ok(!uris.some((u) => /drafts|hidden|node_modules|notes|binary|latin1|opened/.test(u)));
  });

  it("reports work-done progress: begin, report, end", async () => {
    assert.ok(c.serverRequests.includes("window/workDoneProgress/create"));
    const kinds = c.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], "begin");
    assert.equal(kinds[kinds.length - 1], "end");
    assert.ok(kinds.includes("report"));
    assert.equal(c.progress[0].value.title, "Analysing press releases");
    assert.ok(c.progress.some((p) => p.value.percentage === 100));
  });

  it("closing an open release restores its on-disk diagnostics", async () => {
    const opened = fileUri(path.join(ws, "news/opened.txt"));
    const r = await c.request<AnalyzeWorkspaceResult>("pressRelease/analyzeWorkspace", {});
    assert.equal(r.releases, 2);
    // The workspace run skipped it while open; it is not yet known from disk.
    const wait = c.waitDiagnostics(opened);
    await c.close(opened);
    const p = await wait;
    assert.equal(p.diagnostics.length, 0, "never analysed from disk: cleared");
    await c.request("pressRelease/analyzeWorkspace", {});
    const seedUri = fileUri(path.join(ws, "news/seed.txt"));
    await c.open(seedUri, SEED_TEXT);
    const restored = c.waitDiagnostics(seedUri);
    await c.close(seedUri);
    assert.ok((await restored).diagnostics.length > 0, "the disk version's findings come back");
  });

  it("a settings change re-analyses the files known from disk", async () => {
    const apple = fileUri(path.join(ws, "news/apple.txt"));
    const wait = c.waitDiagnostics(apple, (d) => d.length === 0);
    await c.configure({ enable: "never" });
    await wait;
    await c.configure({ exclude: ["drafts/**"] });
  });

  it("asks the client for the current workspace folders", async () => {
    c.workspaceFolders = [path.join(ws, "news")];
    const r = await c.request<AnalyzeWorkspaceResult>("pressRelease/analyzeWorkspace", {});
    assert.ok(c.serverRequests.includes("workspace/workspaceFolders"));
    assert.equal(r.files, 4, "seed, apple, opened.txt and caf\\xE9.txt (skipped by its name)");
    assert.equal(r.releases, 3, "seed, apple and the now closed opened.txt");
  });

  it("a glob pattern that cannot be used (over 65,536 characters), in pressRelease.exclude or files.exclude, is ignored with a warning; the others still apply", async () => {
    const huge = "*".repeat(70000);
    const c2 = await TestClient.start({ workspaceFolders: [ws], settings: { exclude: [huge, "drafts/**", "**/node_modules/**"] }, sections: { "files.exclude": { [huge]: true, "**/hidden": true } } });
    try {
      const r = await c2.request<AnalyzeWorkspaceResult>("pressRelease/analyzeWorkspace", {}); // failed with -32603
      assert.equal(r.files, 7, JSON.stringify(r));
      assert.ok(c2.logs.some((l) => /pressRelease\.exclude: 1 glob pattern that cannot be used \(over 65,536 characters\) ignored/.test(l)), c2.logs.join("\n"));
      assert.ok(c2.logs.some((l) => /files\.exclude: 1 glob pattern that cannot be used/.test(l)), c2.logs.join("\n"));
    } finally {
      await c2.stop();
    }
  });

  it("without workspace folders, nothing is analysed", async () => {
    const c2 = await TestClient.start();
    try {
      const r = await c2.request<AnalyzeWorkspaceResult>("pressRelease/analyzeWorkspace", {});
      assert.deepEqual(r, { files: 0, releases: 0, findings: 0, skipped: 0, cancelled: false });
    } finally {
      await c2.stop();
    }
  });
});

describe("protocol: analyse workspace with a large release on disk", function () {
  this.timeout(180000);
  let ws: string;
  let c: TestClient;
  let big = "";
  before(async () => {
    ws = mkdtempSync(path.join(tmpdir(), "pr-ws-big-"));
    const inputs = (await import(path.resolve(__dirname, "../bench/inputs.mjs"))) as { longRelease(size: number): string };
    big = inputs.longRelease(4 << 20);
    writeFileSync(path.join(ws, "big.txt"), big);
    c = await TestClient.start({ workspaceFolders: [ws] });
  });
  after(async () => {
    await c?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it("a 4 MB file is analysed off the server's thread: a hover is answered meanwhile, its findings are all counted", async () => {
    const seedUri = "file:///elsewhere/seed.txt";
    await c.open(seedUri, SEED_TEXT, "press-release");
    let doneAt = 0;
    const scan = c.request<AnalyzeWorkspaceResult>("pressRelease/analyzeWorkspace", {}).then((r) => ((doneAt = performance.now()), r));
    // Once the file has been read and its analysis started (it takes seconds), a hover on the
    // open release: on the server's own thread, that analysis would hold the hover until it ended.
    const bigUri = fileUri(path.join(ws, "big.txt"));
    while (!c.progress.some((p) => JSON.stringify(p).includes("big.txt")) && !doneAt) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100)); // the file has been read and its analysis started
    const h = await c.request<Hover | null>("textDocument/hover", { textDocument: { uri: seedUri }, position: { line: 22, character: 5 } });
    const hoverAt = performance.now();
    assert.ok(h, "the hover is answered");
    const r = await scan;
    assert.ok(hoverAt < doneAt, "the hover came before the workspace analysis ended: the server was not blocked");
    const expected = analyze(big).findings.length;
    assert.ok(expected > 1000, `a 4 MB release has more findings than maxProblems shows (${expected})`);
    assert.equal(r.findings, expected, "every finding is counted, also past maxProblems");
    const p = c.published.filter((x) => x.uri === bigUri).at(-1);
    assert.equal(p?.diagnostics.length, 1001, "the first 1,000 and the note");
    assert.equal(p?.diagnostics[1000].code, "too-many");
  });

  it("cancelling the request stops the analysis of the large file at once", async () => {
    const source = new CancellationTokenSource();
    const started = performance.now();
    const progressFrom = c.progress.length;
    const scan = c.connection.sendRequest<AnalyzeWorkspaceResult>("pressRelease/analyzeWorkspace", {}, source.token);
    while (!c.progress.slice(progressFrom).some((p) => JSON.stringify(p).includes("big.txt"))) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    source.cancel();
    const r = await scan;
    const took = performance.now() - started;
    assert.equal(r.cancelled, true, "the server answers that the analysis was cancelled");
    assert.equal(r.releases, 0, "the large file's analysis did not finish");
    // A full analysis of 4 MB takes seconds (the test above); a cancelled one ends within the polling interval and a stage.
    const full = performance.now();
    analyze(big);
    const analysisMs = performance.now() - full;
    assert.ok(took < analysisMs, `cancelled after ${took.toFixed(0)} ms, a full analysis takes ${analysisMs.toFixed(0)} ms`);
  });
});
