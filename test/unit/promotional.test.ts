// Promotional language (guide: `promotional`): puffery and unverifiable superlatives in the
// release's own voice. Not inside named people's quotes, not inside boilerplate; headings are
// flagged for promotional phrases only.
import { strict as assert } from "node:assert";
import { release, paragraphs, DATELINE, HEADLINE } from "../helpers/joinLines";
import { analyze, flags, flagsOver } from "../helpers/engine";

const promo = (text: string) => flags(analyze(text), "promotional");

describe("promotional: flagged in the release's own voice", () => {
  const cases: [string, string][] = [
    ["Acme, a leading provider of networking equipment, today announced a new router.", "leading provider"],
    ["The new router is revolutionary for small offices.", "revolutionary"],
    ["The router offers state-of-the-art security for small offices.", "state-of-the-art"],
    ["Acme sells the most innovative router on the market.", "most innovative"],
    ["Acme delivers world-class support to its customers.", "world-class"],
    ["The router brings cutting-edge encryption to small offices.", "cutting-edge"],
    ["Acme offers unparalleled reliability at a low price.", "unparalleled"],
    ["Acme bringt einen bahnbrechenden Router für kleine Büros auf den Markt.", "bahnbrechenden"],
  ];
  for (const [sentence, phrase] of cases) {
    it(`“${phrase}” is flagged, on the phrase (not the sentence), as information`, () => {
      const r = analyze(release(sentence));
      const f = flagsOver(r, "promotional", phrase);
      assert.equal(f.length, 1, `not flagged: ${phrase}`);
      assert.ok(f[0].text.length <= 40 && f[0].text !== sentence, `the range is a sentence, not a phrase: ${JSON.stringify(f[0].text)}`);
      assert.equal(f[0].finding.severity, "information");
    });
  }

  it("in the headline: “Acme Launches Revolutionary Router”", () => {
    const text = paragraphs("Acme Launches Revolutionary Router for Small Offices", DATELINE, "Acme today announced a new router.");
    assert.equal(flagsOver(analyze(text), "promotional", "Revolutionary").length, 1);
  });
});

describe("promotional: not flagged", () => {
  it("inside a named person's quote", () => {
    const text = release("“This is the most innovative router we have ever built,” said Jane Doe, chief executive officer of Acme.");
    assert.deepEqual(promo(text).map((f) => f.text), []);
  });

  it("in a sentence attributed to a named person", () => {
    assert.deepEqual(promo(release("Jane Doe said the router offers unparalleled reliability.")).map((f) => f.text), []);
  });

  it("inside an About section", () => {
    const text = paragraphs(HEADLINE, DATELINE, "About Acme", "Acme Corp. is a leading provider of innovative, world-class networking solutions.");
    assert.deepEqual(promo(text).map((f) => f.text), []);
  });

  it("neutral description of the product", () => {
    assert.deepEqual(promo(release("Acme today announced a new router for small offices. It ships in May at $199.")).map((f) => f.text), []);
  });

  it("“leading” as a verb: “Jane Doe will be leading the new team”", () => {
    assert.deepEqual(promo(release("Jane Doe will be leading the new sales team in Madrid.")).map((f) => f.text), []);
  });
});
