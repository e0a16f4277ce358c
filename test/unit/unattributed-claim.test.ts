// Unattributed claims (guide: `unattributed-claim`): evaluative, causal, predictive and trend
// assertions that no named source makes are flagged, one finding per sentence; plain reports
// of what happened are the news itself.
import { strict as assert } from "node:assert";
import { release, paragraphs, HEADLINE, DATELINE } from "../helpers/joinLines";
import { analyze, flags } from "../helpers/engine";

const claims = (...body: string[]) => flags(analyze(release(...body)), "unattributed-claim");

describe("unattributed-claim: flagged", () => {
  const cases: [string, string][] = [
    ["trend: remained high", "The same-day engagements came as global tensions remained high."],
    ["trend: persists", "Meanwhile, uncertainty persists over lingering geopolitical flashpoints."],
    ["trend: growing", "Demand for secure routers is growing across Europe."],
    ["trend: increasingly", "Small offices are increasingly targeted by attackers."],
    ["evaluative: underscores", "The agreement underscores Acme's role in the router industry."],
    ["evaluative: reflects", "The launch reflects the industry's shift toward secure hardware."],
    ["causal: driven by", "The chip shortage was driven by strong demand for consumer electronics."],
    ["predictive: is expected to", "Router prices are expected to fall sharply next year."],
  ];
  for (const [what, sentence] of cases) {
    it(`${what}: the whole sentence is one warning`, () => {
      const f = claims(sentence);
      assert.deepEqual(f.map((x) => x.text), [sentence]);
      assert.equal(f[0].finding.severity, "warning");
    });
  }

  it("only the claim sentence of a paragraph is flagged", () => {
    const f = claims("Acme opened an office in Madrid on Monday. Demand for secure routers is growing across Europe. The office has 40 staff.");
    assert.deepEqual(f.map((x) => x.text), ["Demand for secure routers is growing across Europe."]);
  });

  it("the hover gives what, why and a fix", () => {
    const r = analyze(release("Demand for secure routers is growing across Europe."));
    const f = flags(r, "unattributed-claim")[0];
    assert.ok(f);
    const { what, why, fix } = f.finding.explanation;
    assert.ok(what.length > 5 && why.length > 5 && fix.length > 5);
  });
});

describe("unattributed-claim: not flagged", () => {
  const news = [
    "Acme today announced a new router for small offices.",
    "Chinese President Xi Jinping held talks with Russian President Vladimir Putin on Wednesday.",
    "The router ships in May at a price of $199.",
    "Jane Doe joined Acme as chief financial officer in 2024.",
    "The two leaders met in Busan in October.",
    "Acme will present the router at the Mobile World Congress in Barcelona.",
  ];
  for (const sentence of news) {
    it(`plain news: “${sentence}”`, () => assert.deepEqual(claims(sentence).map((f) => f.text), []));
  }

  it("an attributed claim: “…, Xi said.”", () => {
    assert.deepEqual(claims("Economic and trade exchanges sustained robust development and growing trust, Xi said.").map((f) => f.text), []);
  });

  it("a claim in a named person's quote", () => {
    assert.deepEqual(claims("“Demand for secure routers is growing faster than ever,” said Jane Doe, chief executive officer of Acme.").map((f) => f.text), []);
  });

  it("a section heading with a claim word: “China-Russia talks underscore strategic coordination”", () => {
    assert.deepEqual(claims("China-Russia talks underscore strategic coordination", "Xi and Putin held a virtual meeting on Wednesday.").map((f) => f.text), []);
  });

  it("the headline, even with a claim word", () => {
    const text = paragraphs("Xi's same-day calls underscore China's growing role in global stability", DATELINE, "Xi held talks with Putin and Trump on Wednesday.");
    assert.deepEqual(flags(analyze(text), "unattributed-claim").map((f) => f.text), []);
  });

  it("inside boilerplate (an About section, safe-harbor text)", () => {
    const text = paragraphs(
      HEADLINE,
      DATELINE,
      "About Acme",
      "Acme Corp. is increasingly recognised as a leader in secure routers, driven by growing demand.",
      "Forward-Looking Statements",
      "This press release contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995. Results are expected to vary.",
    );
    assert.deepEqual(flags(analyze(text), "unattributed-claim").map((f) => f.text), []);
  });
});
