// Property-based robustness of the engine (issue 6): over 10,000 generated documents (random
// Unicode, lone surrogates, control characters, NUL, very long tokens and lines, CRLF/CR/LF
// mixes, BOM, Markdown leftovers, pieces of real releases), `analyze` never throws, every
// range it reports (findings, outline, the model's parts, hovers) lies inside the document, and
// the same input gives the same output, also through a memo as the server analyses.
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { analyze, AnalysisMemo, hoverAt, type AnalysisResult, type OutlineNode } from "../../server/src/analysis/index";

const FIXTURES = path.resolve(__dirname, "../fixtures/releases");
const RELEASE_LINES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .flatMap((f) => readFileSync(path.join(FIXTURES, f), "utf8").split(/\r?\n/))
  .filter((l) => l.trim());

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const lineBreak = fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\u2028", "\u0085");
const markdown = fc.constantFrom(
  "\\$", "**", "__", "# ", "## ", "1. ", "- ", "* ", "---", "***", "> ", "`", "```", "[text](https://example.com)",
  "![image](https://example.com/a.png)", "<https://example.com/x>", "| a | b |", "\\*", "\\_", "&amp;", "&nbsp;", "<br>",
);
const pressy = fc.constantFrom(
  "said", "according to", "experts say", "Official data shows", "“", "”", "\"", "«", "»", "„", "$228.1 billion", "12%", "three times",
  "1,234,567", "About Acme", "Media Contact", "FOR IMMEDIATE RELEASE", "###", "-30-", "SOURCE Acme Corp", "Copyright 2026", "Inc.",
  "U.S.", "Dr.", "e.g.", "No. 1", "BEIJING, Feb. 6, 2026 /PRNewswire/ --", "the leading", "underscores", "https://a.b/c", "a@b.co",
);
const longToken = fc
  .tuple(fc.constantFrom("a", "A", "9", ".", "-", " ", "\"", "“", "$", ",", "\t", "\u00A0", "\uFEFF", "x y ", "Word "), fc.integer({ min: 200, max: 6000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)));
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...RELEASE_LINES) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: lineBreak },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: control },
  { weight: 1, arbitrary: fc.constant("\u0000") },
  { weight: 1, arbitrary: fc.constant("\uFEFF") },
  { weight: 2, arbitrary: markdown },
  { weight: 3, arbitrary: pressy },
  { weight: 1, arbitrary: fc.constantFrom(" ", "  ", "\t", "\u00A0", "\u200B") },
);
/** A document: pieces joined by spaces or line breaks, sometimes with a BOM and a very long token. */
const documentArb = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(piece, fc.constantFrom(" ", "", "\n", "\r\n", "\r", "\n\n")), { maxLength: 60 }),
    fc.option(longToken, { freq: 12 }),
    fc.nat(),
  )
  .map(([bom, parts, long, at]) => {
    const pieces = parts.map(([p, sep]) => p + sep);
    if (long !== null) pieces.splice(at % (pieces.length + 1), 0, long);
    return (bom ? "\uFEFF" : "") + pieces.join("");
  });

function checkRanges(text: string, r: AnalysisResult): void {
  const inside = (what: string, start: number, end: number) => {
    assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: non-integer range ${start}..${end}`);
    assert.ok(0 <= start && start <= end && end <= text.length, `${what}: range ${start}..${end} outside 0..${text.length}`);
  };
  for (const f of r.findings) {
    inside(`finding ${f.code}`, f.start, f.end);
    assert.equal(typeof f.message, "string");
  }
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      inside(`outline ${n.kind} "${n.name.slice(0, 30)}"`, n.span.start, n.span.end);
      inside(`outline selection ${n.kind}`, n.selection.start, n.selection.end);
      assert.equal(typeof n.name, "string");
      walk(n.children);
    }
  };
  walk(r.outline);
  const m = r.model;
  for (const fig of m.figures) inside("figure", fig.start, fig.end);
  for (const q of m.quotes) inside("quote", q.start, q.end);
  for (const s of m.sentences) inside("sentence", s.start, s.end);
  for (const l of m.lines) inside("line", l.start, l.end);
  for (const p of m.paragraphs) inside("paragraph", p.start, p.end);
  for (const b of m.boilerplate) inside(`boilerplate ${b.kind}`, b.start, b.end);
  for (const sec of m.sections) inside("section", sec.start, sec.end);
  for (const a of m.attributions) {
    inside("attribution", a.start, a.end);
    inside("attribution cue", a.cueSpan.start, a.cueSpan.end);
  }
  if (m.dateline) inside("dateline", m.dateline.start, m.dateline.end);
  // Hovers where the editor is likely to ask: the ends of the text, and where each finding and figure starts.
  const offsets = [0, text.length >> 1, text.length, ...r.findings.map((f) => f.start), ...m.figures.map((f) => f.start)];
  for (const offset of offsets) {
    const h = hoverAt(r, offset);
    if (h) inside(`hover at ${offset}`, h.start, h.end);
  }
}

/** Everything a caller gets: findings, outline and the model (hovers, the report and the copy read it). */
const visible = (r: AnalysisResult) => JSON.stringify({ findings: r.findings, outline: r.outline, model: r.model });

describe("robustness: engine properties over generated documents", function () {
  this.timeout(180000);

  it("never throws, keeps every range inside the document, and is deterministic (10,000 documents)", () => {
    const started = Date.now();
    let count = 0;
    fc.assert(
      fc.property(documentArb, (text) => {
        const first = analyze(text);
        checkRanges(text, first);
        assert.equal(visible(analyze(text)), visible(first), "same input, same output");
        // The server's path, every tenth document: a memo, filled by one analysis and read by the next.
        if (++count % 10 === 0) {
          const memo = new AnalysisMemo();
          assert.equal(visible(analyze(text, { memo })), visible(first), "with a memo, the same output");
          assert.equal(visible(analyze(text, { memo })), visible(first), "from a filled memo, the same output");
        }
      }),
      { numRuns: 10000, seed: 20260206, endOnFailure: true },
    );
    // Keeps the suite's budget honest: the whole property run should stay well under a minute.
    assert.ok(Date.now() - started < 120000, `took ${Date.now() - started} ms`);
  });

  it("also holds with every option set, on 1,000 more documents", () => {
    const options = {
      pufferyWords: ["amazing", "best-ever deal"],
      reportingVerbs: ["quipped", "wrote in"],
      issuerNames: ["Acme Corp"],
      allowedPhrases: ["leading"],
      ignoredFindings: ["promotional:innovative"],
      severity: { promotional: "hint", "unattributed-claim": "off" } as const,
    };
    fc.assert(
      fc.property(documentArb, (text) => {
        const first = analyze(text, options);
        checkRanges(text, first);
        assert.equal(visible(analyze(text, options)), visible(first));
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
