// Analysis options (settings the language server passes through): severities, extra
// puffery words and reporting verbs, allowed phrases, ignored findings, issuer names and
// cancellation.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { release } from "../helpers/joinLines";
import { analyze, flags } from "../helpers/engine";
import { AnalysisCancelled, ignoreKey } from "../../server/src/analysis/index";

const TEXT = release(
  "Acme offers unparalleled reliability. Demand for secure routers is growing across Europe.",
  "Experts say the global router market will reach $50 billion by 2030.",
);

describe("analysis options", () => {
  it("severity: “off” removes a rule's findings; a level replaces the default", () => {
    const base = analyze(TEXT);
    assert.ok(flags(base, "unattributed-claim").length > 0);
    const off = analyze(TEXT, { severity: { "unattributed-claim": "off" } });
    assert.deepEqual(flags(off, "unattributed-claim"), []);
    assert.equal(flags(off, "vague-attribution").length, flags(base, "vague-attribution").length);
    const err = analyze(TEXT, { severity: { "vague-attribution": "error" } });
    assert.ok(flags(err, "vague-attribution").every((f) => f.finding.severity === "error"));
  });

  it("pufferyWords: extra words are promotional", () => {
    const text = release("Acme offers a supercalifragilistic router for small offices.");
    assert.deepEqual(flags(analyze(text), "promotional"), []);
    assert.deepEqual(flags(analyze(text, { pufferyWords: ["supercalifragilistic"] }), "promotional").map((f) => f.text), ["supercalifragilistic"]);
  });

  it("allowedPhrases: findings whose text contains an allowed phrase are dropped (case-insensitive)", () => {
    const r = analyze(TEXT, { allowedPhrases: ["UNPARALLELED"] });
    assert.deepEqual(flags(r, "promotional"), []);
    assert.ok(flags(r, "unattributed-claim").length > 0);
  });

  it("ignoredFindings: a finding remembered by code and text is dropped, others stay", () => {
    const key = ignoreKey("vague-attribution", "Experts say");
    const r = analyze(TEXT, { ignoredFindings: [key] });
    assert.deepEqual(flags(r, "vague-attribution"), []);
    assert.ok(flags(r, "unattributed-figure").length > 0);
  });

  it("an ignore key is the flagged text with white space runs made one space, trimmed, its first 200 characters, however long the text (2,000 generated texts)", () => {
    const naive = (code: string, t: string) => `${code}:${t.replace(/\s+/g, " ").trim().slice(0, 200)}`;
    const piece = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(" ", "\n\n", "\t \r\n", "\u00a0\u2028", " ".repeat(300), "\n".repeat(3000), "ab ".repeat(60), "x".repeat(170)), fc.string({ unit: fc.constantFrom("a", " ", "\n", "\u3000"), maxLength: 900 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const t = pieces.join("");
      assert.equal(ignoreKey("boilerplate", t), naive("boilerplate", t));
    }), { numRuns: 2000 });
  });

  it("reportingVerbs: an extra verb attributes a sentence", () => {
    const text = release("Demand for secure routers is growing across Europe, Jane Doe opined.");
    assert.equal(flags(analyze(text), "unattributed-claim").length, 1);
    assert.deepEqual(flags(analyze(text, { reportingVerbs: ["opined"] }), "unattributed-claim"), []);
  });

  it("issuerNames: the configured issuer's product facts are its own (first-party, sourced to it)", () => {
    const text = release("Zenbox's new router is three times faster than its predecessor.");
    const r = analyze(text, { issuerNames: ["Zenbox"] });
    assert.deepEqual(flags(r, "unattributed-figure"), []);
    assert.equal(r.model.figures[0]?.source, "Zenbox");
    assert.ok(r.model.issuers.includes("Zenbox"));
  });

  it("isCancelled: the engine throws AnalysisCancelled", () => {
    assert.throws(() => analyze(TEXT, { isCancelled: () => true }), AnalysisCancelled);
  });

  // One sentence of cues, one paragraph of lines, one sentence of figures: each a single stage
  // item that used to run to its end (a second for 250 KB of "said") before the next poll.
  const LONG_STAGES: [string, string][] = [
    ["one sentence of 20,000 cues", "said ".repeat(20000)],
    ["one paragraph of 20,000 lines", "Short line of text here\n".repeat(20000)],
    ["one sentence of 5,000 figures", "$1,000 (AB), 2% (Source: BLS), ".repeat(5000)],
  ];
  for (const [name, text] of LONG_STAGES) {
    it(`isCancelled is polled inside a long stage (${name}), and a cancellation there stops the analysis`, () => {
      let polls = 0;
      analyze(text, { isCancelled: () => (polls++, false) });
      assert.ok(polls > 100, `polled ${polls} times`);
      let after = 0;
      let asked = 0;
      assert.throws(() => analyze(text, { isCancelled: () => ++asked > 20 && ++after > 0 }), AnalysisCancelled);
      assert.equal(after, 1, "it stops at the first poll that says so");
      assert.ok(asked < polls, `stopped after ${asked} of ${polls} polls`);
    });
  }

  it("the same text and options give the same findings (no hidden state between runs)", () => {
    const a = analyze(TEXT, { pufferyWords: ["zzz"] }).findings;
    analyze(release("Something else entirely, Jane Doe said."), { reportingVerbs: ["opined"] });
    assert.deepEqual(analyze(TEXT, { pufferyWords: ["zzz"] }).findings, a);
  });
});
