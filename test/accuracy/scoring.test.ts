// The gate's scoring follows the guide's definitions; these cases pin them down on tiny
// documents so that a change to scoring.ts that would drift from score.mjs fails here.
import { strict as assert } from "node:assert";
import type { Diagnostic, DocumentSymbol } from "../helpers/lspClient";
import { joinLines } from "../helpers/joinLines";
import { belowFloors, covers, formatTable, prf, scoreDocument, spans, summarize } from "./scoring";

const diag = (code: string, sl: number, sc: number, el: number, ec: number): Diagnostic => ({
  range: { start: { line: sl, character: sc }, end: { line: el, character: ec } },
  code,
  message: code,
});
const sym = (name: string, line: number, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol => {
  const r = { start: { line, character: 0 }, end: { line, character: 1 } };
  return { name, detail, kind: 1, range: r, selectionRange: r, children };
};

describe("accuracy scoring (guide definitions, as score.mjs)", () => {
  it("prf: precision, recall and F1, with 1 for empty denominators", () => {
    assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), { precision: 1, recall: 1, f1: 1, tp: 0, fp: 0, fn: 0 });
    const s = prf({ tp: 3, fp: 1, fn: 2 });
    assert.equal(s.precision, 0.75);
    assert.equal(s.recall, 0.6);
    assert.ok(Math.abs(s.f1 - (2 * 0.75 * 0.6) / 1.35) < 1e-12);
    assert.equal(prf({ tp: 0, fp: 2, fn: 2 }).f1, 0);
  });

  it("covers: overlap on a line, across multi-line ranges, half-open ends", () => {
    const d = diag("x", 2, 5, 4, 3);
    assert.ok(covers(d, 2, 0, 6));
    assert.ok(!covers(d, 2, 0, 5), "ends at the diagnostic's start: no overlap");
    assert.ok(covers(d, 3, 100, 200), "a middle line is covered whole");
    assert.ok(covers(d, 4, 2, 10));
    assert.ok(!covers(d, 4, 3, 10), "starts at the diagnostic's end: no overlap");
    assert.ok(!covers(d, 1, 0, 100));
  });

  it("spans: every occurrence, `\\$` read as `$`, the whole line when the piece is absent", () => {
    assert.deepEqual(spans("a b a", "a"), [[0, 1], [4, 5]]);
    assert.deepEqual(spans("reached \\$228.1 billion", "\\$228.1 billion"), [[8, 23]]);
    assert.deepEqual(spans("reached \\$228.1 billion", "$228.1 billion"), [[9, 23]], "found in the raw line, after the backslash");
    assert.deepEqual(spans("reached $228.1 billion", "\\$228.1 billion"), [[8, 22]], "an escaped piece found in the plain line");
    assert.deepEqual(spans("nothing here", "zzz"), [[0, 12]]);
  });

  it("boilerplate: non-blank lines; optional blocks count neither way; an end at column 0 excludes its line", () => {
    const text = joinLines("Head", "", "About Acme", "Acme makes things.", "", "###", "tail", "x");
    const gold = { boilerplate: [{ start: 3, end: 6, kind: "about" }, { start: 7, end: 7, kind: "links", optional: true }] };
    // lines (0-based): 2 About, 3 prose, 4 blank, 5 ###, 6 tail
    const diags = [diag("boilerplate", 2, 0, 4, 0), diag("boilerplate", 6, 0, 7, 1), diag("promotional", 0, 0, 0, 4)];
    const s = scoreDocument("t", text, gold, diags, []);
    // got: 2, 3 (line 4 excluded by column-0 end), 7 (lines 6 optional, not counted); gold: 2, 3, 5
    assert.deepEqual(s.boilerplate, { tp: 2, fp: 1, fn: 1 });
  });

  it("figures: unattributed gold figures are recall; a diagnostic on an attributed figure is a false positive", () => {
    const text = joinLines("Trade reached \\$228.1 billion and \\$200 billion.", "Four initiatives, Acme said.");
    const gold = {
      figures: [
        { line: 1, text: "$228.1 billion", attributed: false },
        { line: 1, text: "$200 billion", attributed: false },
        { line: 2, text: "Four initiatives", attributed: true },
      ],
    };
    const s = scoreDocument("t", text, gold, [diag("unattributed-figure", 0, 14, 0, 29), diag("unattributed-figure", 1, 0, 1, 4)], []);
    assert.deepEqual(s.figures, { tp: 1, fp: 1, fn: 1 });
  });

  it("claims: unattributed-claim and vague-attribution both count; optional gold neither; overlap with the quote", () => {
    const text = joinLines("The deal, according to analysis, underscores growth.", "Tensions remained high.", "Maybe a claim.");
    const gold = {
      claims: [
        { line: 1, quote: "according to analysis", kind: "vague" },
        { line: 2, quote: "remained high", kind: "unattributed" },
        { line: 3, quote: "Maybe a claim", kind: "unattributed", optional: true },
      ],
    };
    const diags = [
      diag("vague-attribution", 0, 10, 0, 31),
      diag("unattributed-claim", 0, 0, 0, 53), // covers the same gold claim: used, not a false positive
      diag("unattributed-claim", 1, 0, 1, 8), // "Tensions" does not overlap "remained high"
      diag("unattributed-claim", 2, 0, 2, 14), // optional: neither
    ];
    const s = scoreDocument("t", text, gold, diags, []);
    assert.deepEqual(s.claims, { tp: 1, fp: 1, fn: 1 });
  });

  it("promotional: matched like claims, with promotional diagnostics only", () => {
    const text = "Acme, a leading provider of routers, today announced a new router.";
    const gold = { promotional: [{ line: 1, quote: "leading provider" }] };
    assert.deepEqual(scoreDocument("t", text, gold, [diag("unattributed-claim", 0, 8, 0, 15)], []).promotional, { tp: 0, fp: 0, fn: 1 });
    assert.deepEqual(scoreDocument("t", text, gold, [diag("promotional", 0, 8, 0, 15), diag("promotional", 0, 55, 0, 60)], []).promotional, { tp: 1, fp: 1, fn: 0 });
  });

  it("outline: names and details searched at any depth; a name of ≥ 80% of the wanted text counts; dateline by line", () => {
    const text = joinLines("Acme launches router", "", "BERLIN, Feb. 6, 2026 /PRNewswire/ - Acme today...");
    const gold = { outline: { headline: "Acme launches router", dateline_line: 3, sections: ["Market outlook"], speakers: ["Jane Doe", "John Roe"] } };
    const symbols = [
      sym("Acme launches route", 0), // 19/20 chars: found
      sym("BERLIN, Feb. 6, 2026 /PRNewswire/", 2),
      sym("Body", 2, [sym("Market  Outlook", 3)]),
      sym("Sources", 2, [sym("Doe", 3, [], "Jane Doe · 2 statements")]),
    ];
    const s = scoreDocument("t", text, gold, [], symbols);
    assert.deepEqual(s.outline, { headline: true, dateline: true });
    assert.deepEqual(s.outlineCounts, { headline: [1, 1], dateline: [1, 1], sections: [1, 1], speakers: [1, 2] });
    const none = scoreDocument("t", text, gold, [], [sym("Acme", 1)]);
    assert.deepEqual(none.outline, { headline: false, dateline: false });
  });

  it("summarize, formatTable and belowFloors", () => {
    const text = "Tensions remained high.";
    const d = scoreDocument("t", text, { claims: [{ line: 1, quote: "remained high", kind: "unattributed" }] }, [diag("unattributed-claim", 0, 0, 0, 23)], []);
    const s = summarize([d, d], { asked: 4, answered: 3 }, [5, 1, 3], false);
    assert.equal(s.documents, 2);
    assert.deepEqual([s.claims.tp, s.claims.fp, s.claims.fn], [2, 0, 0]);
    assert.equal(s.hover_coverage, 0.75);
    assert.equal(s.outline.headline, null);
    assert.deepEqual(s.open_to_diagnostics_ms, { median: 3, p95: 5 });
    const table = formatTable(s);
    assert.equal(table[2], "claims       P 100.0%  R 100.0%  F1 100.0%  (tp 2 fp 0 fn 0)");
    assert.equal(table[5], "hover        75.0% of findings have a hover");
    assert.deepEqual(belowFloors(s, { _comment: "x", "claims.f1": 0.5, hover_coverage: 1, "outline.headline": 0.9, "nope.f1": 0.1 }).map((b) => b.metric), [
      "hover_coverage",
      "outline.headline",
      "nope.f1",
    ]);
  });
});
