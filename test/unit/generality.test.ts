// Patterns added for releases the project has not seen (issue 3): each with what is flagged
// and what must not be. Hand-written cases, not fixture sentences.
import { strict as assert } from "node:assert";
import { analyze, attributionAt, boilerplateLines, figureAt, flagsOver, outlineNames } from "../helpers/engine";
import { paragraphs, release } from "../helpers/joinLines";

describe("generality: boilerplate without the usual markers", () => {
  it("page chrome and a flattened navigation bar at the top are republisher furniture", () => {
    const text = paragraphs("Submit Release", "HomeAboutNewsEventsContact", "Acme Opens a New Plant in Ohio", "DAYTON, Ohio, May 2, 2026 /PRNewswire/ -- Acme today opened a plant.");
    const lines = boilerplateLines(analyze(text));
    assert.equal(lines.get(1), "republisher-meta");
    assert.equal(lines.get(3), "republisher-meta");
    assert.ok(!lines.has(5), "the headline is not furniture");
  });

  it("sponsored content and not-investment-advice text is a disclaimer; prose about advice is not", () => {
    const r = analyze(release("The fund tracks the index.", "This post contains sponsored content and is not intended to be investment advice."));
    assert.ok([...boilerplateLines(r).values()].includes("disclaimer"));
    const body = analyze(release("Advisers say the new rules change how retirement advice is given."));
    assert.ok(![...boilerplateLines(body).values()].includes("disclaimer"));
  });

  it("“About the American Heart Association” heads an About section", () => {
    const text = release("The survey ran in May.", "About the American Heart Association", "The Association is a relentless force for longer, healthier lives.");
    const lines = boilerplateLines(analyze(text));
    const lineNo = (needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;
    assert.equal(lines.get(lineNo("About the American")), "about");
    assert.equal(lines.get(lineNo("The Association is")), "about");
    assert.ok(!lines.has(lineNo("The survey ran")));
  });

  it("media inquiries without a “Contact” heading are a contact block", () => {
    const r = analyze(release("The survey ran in May.", "For Media Inquiries: 214-706-1173"));
    assert.ok([...boilerplateLines(r).values()].includes("contact"));
  });

  it("a photo credit is a links line; a sentence about photos is not", () => {
    const r = analyze(release("The exhibit shows 40 photos of the river.", "Featured photo by Jane Roe on Unsplash."));
    const kinds = boilerplateLines(r);
    assert.equal([...kinds.values()].filter((k) => k === "links").length, 1);
  });
});

describe("generality: sources", () => {
  it("“as noted in” a named report attributes; “data from 97 patients” is no attribution at all", () => {
    const r = analyze(release("Mine supply fell 7% in 2024, as noted in the Silver Institute's World Silver Survey."));
    assert.deepEqual(flagsOver(r, "unattributed-figure", "7%"), []);
    const d = analyze(release("The trial collected data from 97 patients in four countries."));
    assert.deepEqual(flagsOver(d, "vague-attribution", "data from"), []);
  });

  it("an all-caps acronym is a name: “according to WHO”", () => {
    const r = analyze(release("Respiratory disease is the fourth largest cause of death worldwide, according to WHO."));
    assert.deepEqual(flagsOver(r, "vague-attribution", "according to WHO"), []);
    assert.match(attributionAt(r, "Respiratory")?.source ?? "", /WHO/);
  });

  it("“the findings of a Boston Consulting Group study” name their source", () => {
    const r = analyze(release("Broadband adoption lags in rural counties, according to the findings of a Boston Consulting Group study."));
    assert.match(attributionAt(r, "Broadband")?.source ?? "", /Boston Consulting Group/);
  });

  it("a survey conducted by a named organisation attributes the sentence's figures", () => {
    const r = analyze(release("In a survey conducted by the Annenberg Public Policy Center in 2023, four out of five adults chose December."));
    assert.deepEqual(flagsOver(r, "unattributed-figure", "four out of five"), []);
  });

  it("research published in a named journal is a document source", () => {
    const r = analyze(release("Research published in Pediatrics in 2024 revealed that prescriptions increased by 66.3% over six years."));
    assert.deepEqual(flagsOver(r, "unattributed-figure", "66.3%"), []);
  });

  it("a list subject makes every listed person a speaker", () => {
    const r = analyze(release("Mayor Jane Roe, Council President John Poe, and Councilmember Ann Loe emphasized the city's commitment to housing."));
    const names = outlineNames(r);
    for (const n of ["Jane Roe", "John Poe", "Ann Loe"]) assert.ok(names.includes(n), `${n} not in ${names.join(", ")}`);
  });

  it("a place after a comma is not a speaker: “… headquartered in Tokyo, Japan, announced …”", () => {
    const r = analyze(release("Acme Japan, a subsidiary headquartered in Tokyo, Japan, announced its US expansion."));
    assert.ok(!r.model.speakers.some((s) => s.name === "Japan"));
  });
});

describe("generality: figures", () => {
  it("a commodity is the world: “the metal price to $35” is unattributed", () => {
    const r = analyze(release("Analysts expect silver demand to push the metal price to $35 an ounce."));
    assert.ok(flagsOver(r, "unattributed-figure", "$35").length === 1);
  });

  it("French market words match with accents: “le marché … 4,8 milliards d’euros” is money and unattributed", () => {
    const r = analyze(release("Le marché des aliments pour animaux atteint 4,8 milliards d’euros en France."));
    const f = figureAt(r, "4,8 milliards");
    assert.equal(f?.currency, "EUR");
    assert.equal(f?.value, 4_800_000_000);
    assert.equal(flagsOver(r, "unattributed-figure", "4,8 milliards").length, 1);
  });

  it("a scale word is not repeated as the unit: “700 million ounces” is 700,000,000", () => {
    const f = figureAt(analyze(release("Mine supply fell to 700 million ounces last year.")), "700 million");
    assert.equal(f?.value, 700_000_000);
    assert.doesNotMatch(f?.normalised ?? "", /million/);
  });

  it("“US$ 8,279.32 million” with a space after the sign is money", () => {
    const f = figureAt(analyze(release("The global PCR market was worth US$ 8,279.32 million in 2022.")), "US$ 8,279.32 million");
    assert.equal(f?.kind, "money");
    assert.equal(f?.value, 8_279_320_000);
  });

  it("the issuer's results stay first-party in a results release", () => {
    const r = analyze(paragraphs("Acme Reports Second Quarter Results", "DAYTON, Ohio, July 2, 2026 /PRNewswire/ -- Acme today reported second quarter results.", "Net sales were $4.6 billion, up 3 percent in developed markets."));
    assert.deepEqual(flagsOver(r, "unattributed-figure", "$4.6 billion"), []);
    assert.deepEqual(flagsOver(r, "unattributed-figure", "3 percent"), []);
  });
});

describe("generality: claims and puffery in context", () => {
  it("literal uses of cue words are not claims", () => {
    for (const sentence of [
      "Hospital admissions due to respiratory disease are counted separately.",
      "The fund seeks results reflecting the performance of the Nasdaq-100 Index.",
      "Local donors have contributed $450,000 to the scholarship fund.",
    ]) {
      const r = analyze(release(sentence));
      assert.deepEqual(flagsOver(r, "unattributed-claim", sentence.slice(0, 20)), [], sentence);
    }
  });

  it("trend and causal cues in German, French, Spanish and Italian", () => {
    for (const [sentence, kind] of [
      ["Die Nachfrage nach Routern wächst in ganz Europa.", "trend"],
      ["Les ventes témoignent de la solidité du marché.", "evaluative"],
      ["La croissance, dynamisée par le numérique, se poursuit.", "causal"],
      ["Las ventas cayeron debido a la inflación.", "causal"],
      ["Il mercato è in crescita in tutta Italia.", "trend"],
    ] as const) {
      const f = flagsOver(analyze(release(sentence)), "unattributed-claim", sentence.slice(0, 12));
      assert.equal(f.length, 1, sentence);
      assert.equal(f[0].finding.data?.claimKind, kind, sentence);
    }
    // Attributed, the same cue is no claim: "…, sagte Anna Schmidt."
    assert.deepEqual(flagsOver(analyze(release("Die Nachfrage wächst in ganz Europa, sagte Anna Schmidt.")), "unattributed-claim", "Die Nachfrage"), []);
  });

  it("a causal claim in the release's voice is still flagged", () => {
    const r = analyze(release("Rising rents have led to record levels of homelessness in the region."));
    assert.equal(flagsOver(r, "unattributed-claim", "Rising rents").length, 1);
  });

  it("plain uses of “best” and rank facts with “leading” are not puffery; praise is", () => {
    for (const sentence of ["The guide lists the best practices for storing data.", "The USA was the leading market in 2022, followed by Germany."]) {
      assert.deepEqual(flagsOver(analyze(release(sentence)), "promotional", sentence.slice(0, 10)), [], sentence);
    }
    const praise = analyze(release("Acme makes the best routers and is a leading provider of secure networks."));
    assert.ok(flagsOver(praise, "promotional", "the best routers").length >= 1);
    assert.ok(flagsOver(praise, "promotional", "leading provider").length >= 1);
  });
});

describe("generality: structure", () => {
  it("datelines in wire-first order and in French", () => {
    const wire = analyze(paragraphs("Survey Shows Rising Confidence in CPR", "(NewMediaWire) - January 29, 2025 - DALLAS — The association today released a survey.", "More follows."));
    assert.equal(wire.model.dateline?.wire, "NewMediaWire");
    const fr = analyze(paragraphs("L'Argus publie une étude", "Paris le 2 juillet 2008 - L'Argus de la presse publie une étude.", "La suite."));
    assert.equal(fr.model.dateline?.place, "Paris");
  });

  it("three short lines in a row are a list, not section headings", () => {
    const r = analyze(release("The report covers three areas.", "Oncology", "Cardiology", "Neurology", "Each area is growing."));
    assert.deepEqual(r.model.sections.map((s) => s.title), []);
  });
});
