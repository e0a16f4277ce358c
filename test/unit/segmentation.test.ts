// Sentences and lines of scraped text (guide: input "often scraped"): abbreviations,
// initials, decimals, quotes spanning sentences, hard-wrapped lines, CRLF, BOM and Markdown
// leftovers are normal input; offsets must map back to the document as given.
import { strict as assert } from "node:assert";
import { joinLines, joinLinesWith, paragraphs, release, HEADLINE, DATELINE } from "../helpers/joinLines";
import { analyze, attributionAt, flags, lineOf, outlineNames } from "../helpers/engine";

/** Sentence texts of the release's body paragraph(s). */
function sentences(...body: string[]): string[] {
  const r = analyze(release(...body));
  const bodyStart = release().length;
  return r.model.sentences.filter((s) => s.start > bodyStart).map((s) => s.text.replace(/\s+/g, " "));
}

describe("segmentation: sentence ends", () => {
  const cases: [string, string, string[]][] = [
    ["U.S. inside a sentence", "The U.S. economy grew in 2025. Prices rose.", ["The U.S. economy grew in 2025.", "Prices rose."]],
    ["Feb. in a date", "On Feb. 6, 2026, Xi met Putin. They talked for an hour.", ["On Feb. 6, 2026, Xi met Putin.", "They talked for an hour."]],
    ["Inc. inside a sentence", "Shares of Acme Inc. rose on Monday. Trading was heavy.", ["Shares of Acme Inc. rose on Monday.", "Trading was heavy."]],
    ["Dr. before a name", "Dr. Jane Doe joined Acme. She leads research.", ["Dr. Jane Doe joined Acme.", "She leads research."]],
    ["No. before a number", "The router is ranked No. 1 in Europe. It ships soon.", ["The router is ranked No. 1 in Europe.", "It ships soon."]],
    ["initials", "J. R. Smith joined Acme in May. He leads sales.", ["J. R. Smith joined Acme in May.", "He leads sales."]],
    ["decimals", "Revenue was $3.5 billion. Profit rose 2.5%.", ["Revenue was $3.5 billion.", "Profit rose 2.5%."]],
    ["e.g. inside a sentence", "Small routers, e.g. the X1, are popular. They are cheap.", ["Small routers, e.g. the X1, are popular.", "They are cheap."]],
    ["question and exclamation", "Why now? Because demand is strong! The router ships in May.", ["Why now?", "Because demand is strong!", "The router ships in May."]],
    ["a closing quote after the stop", "“Growth is strong.” The router ships in May.", ["“Growth is strong.”", "The router ships in May."]],
  ];
  for (const [what, body, want] of cases) it(what, () => assert.deepEqual(sentences(body), want));

  it("Markdown list items are separate sentences [engine gap: “1. Housing costs” splits after “1.” into two sentences]", () => {
    assert.deepEqual(sentences("1. Housing costs\n2. Consumer debt\n3. Job losses"), ["1. Housing costs", "2. Consumer debt", "3. Job losses"]);
  });

  it("a sentence hard-wrapped over lines stays one sentence", () => {
    const body = [
      "The same-day engagements came as global tensions remained high, with a",
      "military clash on the brink and the last remaining nuclear arms control",
      "treaty set to expire on February 5. The talks lasted an hour.",
    ].join("\n");
    assert.deepEqual(sentences(body), [
      "The same-day engagements came as global tensions remained high, with a military clash on the brink and the last remaining nuclear arms control treaty set to expire on February 5.",
      "The talks lasted an hour.",
    ]);
  });

  it("a claim hard-wrapped over lines is one finding from its first line to its last", () => {
    const text = release([
      "The same-day engagements came as global tensions remained high, with a",
      "military clash on the brink and the last remaining nuclear arms control",
      "treaty set to expire on February 5. The talks lasted an hour.",
    ].join("\n"));
    const f = flags(analyze(text), "unattributed-claim");
    assert.equal(f.length, 1);
    assert.equal(f[0].line, 5);
    assert.equal(f[0].endLine, 7);
    assert.ok(f[0].text.endsWith("on February 5."));
  });

  it("a quote spanning sentences keeps its speaker for every sentence in it", () => {
    const r = analyze(release("“We are thrilled. Demand is growing. This is big,” said Jane Doe, chief executive officer of Acme. The router ships in May."));
    for (const s of ["We are thrilled", "Demand is growing", "This is big"]) assert.equal(attributionAt(r, s)?.source, "Jane Doe", s);
    assert.deepEqual(flags(r, "unattributed-claim"), []);
  });
});

describe("segmentation: line endings, BOM and Markdown leftovers", () => {
  const lines = [
    HEADLINE,
    "",
    DATELINE,
    "",
    "Demand for secure routers is growing across Europe. Experts say the global market will reach $50 billion by 2030.",
    "",
    "About Acme",
    "Acme Corp. makes routers for small offices.",
    "",
    "###",
  ];
  const summary = (text: string) => flags(analyze(text)).map((f) => `${f.code} L${f.line}-${f.endLine} ${f.text.replace(/\r\n/g, "\n")}`);

  it("CRLF: the same findings on the same lines, with ranges on the same text", () => {
    const lf = summary(joinLines(...lines));
    assert.ok(lf.length >= 5, `too few findings to compare: ${lf.join(" | ")}`);
    assert.deepEqual(summary(joinLinesWith("\r\n", ...lines)), lf);
  });

  it("CR-only line ends: the same findings", () => {
    assert.deepEqual(summary(joinLinesWith("\r", ...lines)).map((s) => s.replace(/\r/g, "\n")), summary(joinLines(...lines)));
  });

  it("a BOM: the same findings, offsets shifted by one, headline without the BOM", () => {
    const plain = joinLines(...lines);
    const bom = "\uFEFF" + plain;
    const a = analyze(plain).findings;
    const r = analyze(bom);
    assert.deepEqual(r.findings.map((f) => [f.code, f.start - 1, f.end - 1]), a.map((f) => [f.code, f.start, f.end]));
    assert.equal(r.outline[0].name, HEADLINE);
  });

  it("CRLF: boilerplate blocks still cover whole lines (no stray \\r inside or outside)", () => {
    const text = joinLinesWith("\r\n", ...lines);
    for (const f of flags(analyze(text), "boilerplate")) {
      assert.ok(!f.text.endsWith("\r"), "a block ends with \\r");
      assert.ok(f.finding.end === text.length || text[f.finding.end] === "\r", "a block ends mid-line");
    }
  });

  it("Markdown: “**Headline**” and “## Section” are read without their marks", () => {
    const text = paragraphs("**Acme Unveils a New Router for Small Offices**", DATELINE, "## Pricing and availability", "The router ships in May at $199.");
    const r = analyze(text);
    assert.equal(r.outline[0].name, "Acme Unveils a New Router for Small Offices");
    assert.ok(outlineNames(r).includes("Pricing and availability"), outlineNames(r).join(" | "));
  });

  it("Markdown: a `\\$` escape is money, and an inline [text](url) link does not make a links line", () => {
    const text = release("Experts say the global router market will reach \\$50 billion by 2030, as [Acme](https://acme.example) reported.");
    const r = analyze(text);
    assert.deepEqual(flags(r, "boilerplate"), []);
    assert.equal(r.model.figures[0]?.value, 50e9);
  });

  it("finding lines are the editor's lines (1-based) in a CRLF document", () => {
    const text = joinLinesWith("\r\n", ...lines);
    const f = flags(analyze(text), "vague-attribution");
    assert.deepEqual(f.map((x) => x.line), [5]);
    assert.equal(lineOf(text, text.indexOf("###")), 10);
  });
});
