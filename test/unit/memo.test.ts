// The per-document memo (server/src/analysis/memo.ts) makes re-analysis after an edit cheap by
// reusing per-line and per-sentence results. It must never change a result: an analysis with a
// memo that has seen earlier versions equals a fresh analysis of the same text, for real
// releases under typing, pasting, deleting and moving paragraphs, and for generated documents.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { analyze, AnalysisMemo, type AnalysisOptions, type AnalysisResult } from "../../server/src/analysis/index";
import { fixtureNames, loadFixture } from "../helpers/fixtures";

/** Everything the engine reports, as comparable data. */
function summary(r: AnalysisResult): unknown {
  const m = r.model;
  return JSON.parse(JSON.stringify({
    findings: r.findings, outline: r.outline, voices: (m as { voices?: unknown }).voices, attributions: m.attributions, quotes: m.quotes, speakers: m.speakers, figures: m.figures,
    boilerplate: m.boilerplate, sentences: m.sentences, paragraphs: m.paragraphs.map((p) => ({ ...p, sentences: p.sentences.length })),
    headline: m.headline?.index, dateline: m.dateline, sections: m.sections, issuers: m.issuers, language: m.language, stock: [...m.stockSentences],
  }));
}

function assertSameAsFresh(text: string, memo: AnalysisMemo, options: AnalysisOptions = {}, what = ""): void {
  assert.deepStrictEqual(summary(analyze(text, { ...options, memo })), summary(analyze(text, options)), `memoised analysis differs from a fresh one ${what}`);
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("analysis memo: re-analysis equals fresh analysis", function () {
  this.timeout(120000);
  const fixtures = fixtureNames().map((n) => loadFixture(n));

  it("every fixture, analysed twice with one memo", () => {
    for (const f of fixtures) {
      const memo = new AnalysisMemo();
      analyze(f.text, { memo });
      assertSameAsFresh(f.text, memo, {}, `(${f.name}, unchanged)`);
      assert.ok(memo.hits > 0, "the second analysis reuses results");
    }
  });

  it("edits to real releases: typing, deleting, pasting, moving a paragraph", () => {
    const rand = random(6);
    for (const f of fixtures) {
      const memo = new AnalysisMemo();
      let text = f.text;
      analyze(text, { memo });
      for (let k = 0; k < 6; k++) {
        const at = Math.floor(rand() * (text.length + 1));
        const op = k % 4;
        if (op === 0) text = text.slice(0, at) + "x" + text.slice(at); // type a letter
        else if (op === 1) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 40)); // delete a run
        else if (op === 2) text = text.slice(0, at) + "\n\nAnalysts say revenue grew 12% because of “strong demand,” said Jane Doe.\n\n" + text.slice(at); // paste
        else {
          // move the first paragraph to the end: same paragraphs, every offset shifted
          const cut = text.indexOf("\n\n");
          if (cut > 0) text = text.slice(cut + 2) + "\n\n" + text.slice(0, cut);
        }
        assertSameAsFresh(text, memo, {}, `(${f.name}, edit ${k})`);
      }
    }
  });

  it("options that change the memoised steps (extra reporting verbs, puffery words) start it afresh", () => {
    const text = `${fixtures[0].text}\n\nDemand for the routers is growing fast, Jane Doe quipped. The summit of the range is high.\n`;
    const memo = new AnalysisMemo();
    const plain = summary(analyze(text, { memo }));
    const withVerb = summary(analyze(text, { memo, reportingVerbs: ["quipped"] }));
    assert.notDeepStrictEqual(withVerb, plain, "the extra reporting verb changes the analysis (else this test proves nothing)");
    assertSameAsFresh(text, memo, { reportingVerbs: ["quipped"] }, "with an extra reporting verb");
    const withPuffery = summary(analyze(text, { memo, pufferyWords: ["summit"] }));
    assert.notDeepStrictEqual(withPuffery, plain, "the extra puffery word changes the analysis");
    assertSameAsFresh(text, memo, { pufferyWords: ["summit"] }, "with an extra puffery word");
    assertSameAsFresh(text, memo, {}, "after removing them again");
  });

  it("a sentence whose figures depend on the issuer is judged again when the issuer changes", () => {
    // The same body sentence under two issuers: the figure is Acme's own only when Acme issues it.
    const release = (issuer: string) =>
      `${issuer} Reaches New Schools\n\nNEW YORK, Jan. 5, 2026 /PRNewswire/ -- ${issuer} Inc. today announced an expansion.\n\n` +
      "The Acme platform now reaches 12,000 schools in its first year of operation after a long pilot, a sign of a shift across the global education market.\n";
    const memo = new AnalysisMemo();
    const own = analyze(release("Acme"), { memo }).model.figures.map((f) => f.firstParty);
    const other = analyze(release("Globex"), { memo }).model.figures.map((f) => f.firstParty);
    assert.deepStrictEqual([own, other], [[true], [false]]);
    assertSameAsFresh(release("Acme"), memo);
  });

  it("generated documents: a memo carried across 300 unrelated documents changes nothing", () => {
    const memo = new AnalysisMemo();
    const lines = fixtures.flatMap((f) => f.text.split("\n")).filter((l) => l.trim());
    const doc = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 30 }), fc.constantFrom("\n", "\n\n", "\r\n", " “", "” ", "$5 million")), { maxLength: 40 }).map((p) => p.join("\n"));
    fc.assert(fc.property(doc, (text) => assertSameAsFresh(text, memo)), { numRuns: 300, seed: 6 });
  });

  it("does not keep old versions of the document alive (keys and values are copies, not slices)", () => {
    // A string sliced from the document pins the whole document in V8: a memo of slices held
    // one copy of the document per edit (+44 MB after 60 edits of this 480 KB release).
    require("node:v8").setFlagsFromString("--expose-gc");
    const gc = require("node:vm").runInNewContext("gc") as () => void;
    const base = fixtures.map((f) => f.text).join("\n\n");
    let text = base;
    while (text.length < 480_000) text += "\n\n" + base;
    const memo = new AnalysisMemo();
    analyze(text, { memo });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let v = 1; v <= 60; v++) {
      // A different paragraph each time: each version leaves entries that the next ones reuse.
      const at = Math.floor(((v * 0.618034) % 1) * text.length);
      text = text.slice(0, at) + "x" + text.slice(at);
      analyze(text, { memo });
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    assert.ok(grown < 10, `the heap grew by ${grown.toFixed(1)} MB over 60 edits`);
  });

  it("holds about one version of the document: entries an analysis did not use are dropped", () => {
    const memo = new AnalysisMemo();
    for (const f of fixtures.slice(0, 10)) analyze(f.text, { memo });
    const afterTen = memo.size();
    const single = new AnalysisMemo();
    analyze(fixtures[9].text, { memo: single });
    assert.equal(afterTen, single.size(), "only the last document's entries remain");
  });
});
