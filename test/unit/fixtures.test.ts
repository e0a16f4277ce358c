// The engine on every real release in test/fixtures/releases: it must not crash, its
// offsets must map back to the document (also as CRLF and with a BOM), boilerplate blocks
// must be whole lines, nothing else may be flagged inside them or (except puffery) in
// headings, every finding must have a hover, and the outline must nest. The gold files are
// checked too, so a fixture and its gold cannot drift apart. Accuracy itself is the gate's
// business (test/accuracy).
import { strict as assert } from "node:assert";
import { fixtureNames, loadFixture, type Fixture } from "../helpers/fixtures";
import { analyze, hoverAt, lineOf } from "../helpers/engine";
import type { AnalysisResult, OutlineNode } from "../../server/src/analysis/index";

const CODES = new Set(["boilerplate", "promotional", "unattributed-claim", "vague-attribution", "unattributed-figure"]);
const KINDS = new Set(["wire-header", "wire-footer", "copyright", "disclaimer", "about", "safe-harbor", "contact", "republisher-meta", "links"]);
const norm = (s: string) => s.replace(/\\\$/g, "$").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

describe("fixtures: the real releases and their gold files", () => {
  const names = fixtureNames();

  it("there are at least 41 fixtures, each with a gold file, including the seed", () => {
    assert.ok(names.length >= 41, `${names.length} fixtures`);
    assert.ok(names.includes("cgtn-xi-putin-trump.txt"));
  });

  for (const name of names) {
    it(`${name}: gold lines exist and quoted text stands on its line`, () => {
      const { text, gold } = loadFixture(name);
      const lines = text.split(/\r?\n/).map(norm);
      const onLine = (n: number, piece: string, what: string) => {
        assert.ok(Number.isInteger(n) && n >= 1 && n <= lines.length, `${what}: line ${n} out of range`);
        assert.ok(lines[n - 1].includes(norm(piece)), `${what}: ${JSON.stringify(piece)} not on line ${n}`);
      };
      for (const b of gold.boilerplate ?? []) {
        assert.ok(b.start >= 1 && b.end <= lines.length && b.start <= b.end, `boilerplate ${b.start}-${b.end}`);
        assert.ok(KINDS.has(b.kind), `boilerplate kind ${b.kind}`);
      }
      for (const f of gold.figures ?? []) onLine(f.line, f.text, "figure");
      for (const c of gold.claims ?? []) onLine(c.line, c.quote, "claim");
      for (const p of gold.promotional ?? []) onLine(p.line, p.quote, "promotional");
      assert.ok(gold.outline?.headline, "outline.headline missing");
    });
  }
});

function checkResult(f: Fixture, r: AnalysisResult) {
  const { text } = f;
  const blocks = r.findings.filter((x) => x.code === "boilerplate");
  // The headline and section headings (a long lead paragraph may be read as a sub-headline: not counted here).
  const headings = r.model.paragraphs.filter((p) => p.heading || p === r.model.headline);
  let prev = -1;
  for (const x of r.findings) {
    const where = `${x.code} L${lineOf(text, x.start)} ${JSON.stringify(text.slice(x.start, x.end).slice(0, 50))}`;
    assert.ok(CODES.has(x.code), where);
    assert.ok(0 <= x.start && x.start < x.end && x.end <= text.length, `bad range: ${where}`);
    assert.ok(x.start >= prev, `not sorted: ${where}`);
    prev = x.start;
    assert.ok(x.message.length > 0 && x.explanation.what && x.explanation.why && x.explanation.fix, `no message or explanation: ${where}`);
    if (x.code === "boilerplate") {
      assert.ok(KINDS.has(String(x.data?.kind)), `boilerplate kind ${x.data?.kind}`);
      assert.ok(x.start === 0 || /[\r\n]/.test(text[x.start - 1]) || /^[\s\uFEFF]*$/.test(text.slice(text.lastIndexOf("\n", x.start - 1) + 1, x.start)), `starts mid-line: ${where}`);
      assert.ok(x.end === text.length || /[\r\n]/.test(text[x.end]) || /^[ \t]*$/.test(text.slice(x.end, (text.slice(x.end).search(/[\r\n]/) + 1 || text.length - x.end + 1) - 1 + x.end)), `ends mid-line: ${where}`);
      continue;
    }
    assert.ok(!blocks.some((b) => b.start <= x.start && x.start < b.end), `inside boilerplate: ${where}`);
    if (x.code !== "promotional") assert.ok(!headings.some((p) => p.start <= x.start && x.start < p.end), `in a heading: ${where}`);
    if (x.code === "unattributed-figure") {
      const fig = r.model.figures.find((g) => g.start === x.start && g.end === x.end);
      assert.ok(fig, `no figure behind ${where}`);
      assert.equal(fig.source, undefined, where);
      assert.ok(Number.isFinite(fig.value) && fig.normalised, `figure value: ${where}`);
    }
    const h = hoverAt(r, x.start);
    assert.ok(h && h.markdown.trim().length > 10, `no hover: ${where}`);
  }
  const walk = (n: OutlineNode, parent?: OutlineNode) => {
    assert.ok(n.name.trim(), `an outline node without a name (${n.kind})`);
    assert.ok(0 <= n.span.start && n.span.start <= n.span.end && n.span.end <= text.length, `outline ${n.kind} ${n.name}: bad span`);
    assert.ok(n.span.start <= n.selection.start && n.selection.end <= n.span.end, `outline ${n.kind} ${n.name}: selection outside span`);
    if (parent) assert.ok(parent.span.start <= n.span.start && n.span.end <= parent.span.end, `outline ${n.kind} ${n.name} outside ${parent.kind} ${parent.name}`);
    for (const c of n.children) walk(c, n);
  };
  for (const n of r.outline) walk(n);
}

describe("fixtures: engine invariants on every real release", function () {
  this.timeout(60_000);
  for (const name of fixtureNames()) {
    describe(name, () => {
      let f: Fixture;
      let r: AnalysisResult;
      before(() => {
        f = loadFixture(name);
        r = analyze(f.text);
      });

      it("ranges, kinds, boilerplate lines, nothing inside boilerplate or headings, hovers, outline nesting", () => checkResult(f, r));

      it("as CRLF: the same findings on the same lines", () => {
        const lf = f.text.replace(/\r\n?/g, "\n");
        const crlf = lf.replace(/\n/g, "\r\n");
        const key = (t: string, x: AnalysisResult["findings"][number]) => `${x.code} L${lineOf(t, x.start)} ${t.slice(x.start, x.end).replace(/\r\n/g, "\n")}`;
        const a = analyze(lf).findings.map((x) => key(lf, x));
        const rc = analyze(crlf);
        assert.deepEqual(rc.findings.map((x) => key(crlf, x)), a);
        checkResult({ ...f, text: crlf }, rc);
      });

      it("with a BOM: the same findings on the same lines and text (one character later)", () => {
        const bom = "\uFEFF" + f.text;
        const rb = analyze(bom);
        const key = (t: string, x: AnalysisResult["findings"][number]) => `${x.code} L${lineOf(t, x.start)}-${lineOf(t, x.end)} ${t.slice(x.start, x.end).replace(/^\uFEFF/, "")}`;
        assert.deepEqual(rb.findings.map((x) => key(bom, x)), r.findings.map((x) => key(f.text, x)));
        // Only a block of whole lines may take the BOM in; anything else moves by exactly one.
        rb.findings.forEach((x, i) => {
          if (x.code !== "boilerplate" || x.start !== 0) assert.equal(x.start, r.findings[i].start + 1, `${x.code} at ${x.start}`);
        });
      });
    });
  }
});
