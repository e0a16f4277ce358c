// Folding ranges, document links, the scorecard, the report and the boilerplate-free text,
// over the protocol.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { DocumentLink, FoldingRange } from "vscode-languageserver";
import { FIXTURES, TestClient } from "./client";
import type { Scorecard } from "../../server/src/protocol";

const SEED_TEXT = readFileSync(path.join(FIXTURES, "cgtn-xi-putin-trump.txt"), "utf8");
const URI = "file:///ws/cgtn-xi-putin-trump.txt";

const LINKS_TEXT = [
  "ACME LAUNCHES WIDGET",
  "",
  "SPRINGFIELD, Ill., March 3, 2025 /PRNewswire/ -- Acme Corp. today announced the Widget, said Jane Doe, CEO.",
  "",
  "Read more at https://acme.example/widget. Or see (https://acme.example/docs_(v2)) and www.acme.example/faq,",
  "View original content:<https://www.prnewswire.com/news-releases/acme-302\\_1.html>",
  "[acme/pr](https://acme.example/pr) and mail press@acme.example or ftp://files.acme.example/x",
  "",
  "SOURCE Acme Corp",
  "",
].join("\n");

describe("protocol: folding, links, scorecard, report", function () {
  this.timeout(30000);
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
    await c.open(URI, SEED_TEXT);
  });
  after(async () => {
    await c?.stop();
  });

  it("folding ranges cover multi-line boilerplate blocks (comment) and sections (region)", async () => {
    const ranges = await c.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: URI } });
    const meta = ranges.find((r) => r.kind === "comment" && r.startLine === 76);
    assert.ok(meta, `the republisher block at lines 77-93: ${JSON.stringify(ranges)}`);
    assert.ok(meta.endLine >= 88);
    const section = ranges.find((r) => r.kind === "region" && r.startLine === 16);
    assert.ok(section, "the section starting on line 17");
    assert.ok(section.endLine > 30 && section.endLine < 36, `section ends before the next heading: ${section.endLine}`);
    for (const r of ranges) assert.ok(r.endLine > r.startLine);
  });

  it("document links: bare URLs, <…>, [text](url) leftovers, www., escapes; never other schemes", async () => {
    const uri = "file:///ws/links.release.txt";
    await c.open(uri, LINKS_TEXT, "press-release");
    const links = await c.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri } });
    const lines = LINKS_TEXT.split("\n");
    const shown = links.map((l) => ({ text: lines[l.range.start.line].slice(l.range.start.character, l.range.end.character), target: l.target }));
    assert.deepEqual(shown, [
      { text: "https://acme.example/widget", target: "https://acme.example/widget" },
      { text: "https://acme.example/docs_(v2)", target: "https://acme.example/docs_(v2)" },
      { text: "www.acme.example/faq", target: "https://www.acme.example/faq" },
      { text: "https://www.prnewswire.com/news-releases/acme-302\\_1.html", target: "https://www.prnewswire.com/news-releases/acme-302_1.html" },
      { text: "[acme/pr](https://acme.example/pr)", target: "https://acme.example/pr" },
    ]);
  });

  it("links in the seed release include the View original content URL", async () => {
    const links = await c.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri: URI } });
    assert.ok(links.some((l) => l.range.start.line === 68 && l.target?.startsWith("https://www.prnewswire.co.uk/news-releases/")));
    assert.ok(links.some((l) => l.range.start.line === 74 && l.target === "https://www.immediapress.com/pr-newswire"));
  });

  it("pressRelease/scorecard counts findings, boilerplate share and sourced figures", async () => {
    const card = await c.request<Scorecard>("pressRelease/scorecard", { uri: URI });
    const diags = c.diagnostics.get(URI)!.diagnostics;
    assert.equal(card.findings, diags.length, "same count as the diagnostics");
    assert.equal(Object.values(card.byCode).reduce((a, b) => a + b, 0), card.findings);
    assert.ok(card.boilerplateShare > 0.1 && card.boilerplateShare < 0.6);
    assert.ok(card.figures >= 2);
    assert.match(card.label, /^Release: \d+ findings · \d+% boilerplate · \d+% figures sourced$/);
    assert.ok(card.label.startsWith(`Release: ${diags.length} findings`));
    assert.match(card.tooltip, /\| Unattributed figure \| \d+ \|/);
  });

  it("pressRelease/report is Markdown with findings by kind, figures, speakers and outline", async () => {
    const { markdown } = await c.request<{ markdown: string }>("pressRelease/report", { uri: URI });
    assert.match(markdown, /^# Press release report: cgtn-xi-putin-trump\.txt/);
    for (const h of ["## Scorecard", "## Findings by kind", "## Figures", "## Speakers", "## Outline"]) assert.ok(markdown.includes(h), h);
    assert.match(markdown, /\| 23 \| \\\$228\.1 billion \| 228,100,000,000 USD \| \*\*none\*\* \|/);
    assert.match(markdown, /### Wang Yiwei.*: \d+ statements/);
    assert.match(markdown, /### Unattributed figure \(`unattributed-figure`\): \d+/);
  });

  it("the report is made on request even for a note that is not a release", async () => {
    const uri = "file:///ws/notes.txt";
    await c.open(uri, "Shopping list\n\n- milk\n");
    assert.equal(await c.request("pressRelease/scorecard", { uri }), null);
    const { markdown } = await c.request<{ markdown: string }>("pressRelease/report", { uri });
    assert.match(markdown, /No findings|## Findings by kind/);
  });

  it("pressRelease/textWithoutBoilerplate drops the boilerplate blocks", async () => {
    const { text } = await c.request<{ text: string }>("pressRelease/textWithoutBoilerplate", { uri: URI });
    assert.ok(text.startsWith("CGTN: Xi Jinping's same-day calls"), text.slice(0, 80));
    assert.ok(!text.includes("COMUNICATO STAMPA"));
    assert.ok(!text.includes("Copyright 2026 PR Newswire"));
    assert.ok(!text.includes("default watermark"));
    assert.ok(text.includes("Official data shows that China-Russia trade reached"));
    assert.ok(!/\n\n\n/.test(text), "blank runs collapsed");
  });

  it("custom requests on unknown documents are errors", async () => {
    await assert.rejects(c.request("pressRelease/report", { uri: "file:///nope.txt" }));
    assert.equal(await c.request("pressRelease/scorecard", { uri: "file:///nope.txt" }), null);
  });
});
