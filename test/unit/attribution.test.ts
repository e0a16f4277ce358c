// Attribution (guide: "Attribution"): reporting cues with named subjects, appositives,
// quotes before and after the cue, continuations and pronouns, other languages, and
// organisations and documents as sources. An attributed claim is not flagged.
import { strict as assert } from "node:assert";
import { release } from "../helpers/joinLines";
import { analyze, attributionAt, flags, flagsOver } from "../helpers/engine";

/** Asserts the sentence holding `needle` is attributed to `source` and carries no claim finding. */
function expectAttributed(text: string, needle: string, source: string | RegExp) {
  const r = analyze(text);
  const a = attributionAt(r, needle);
  assert.ok(a, `no attribution for the sentence with ${JSON.stringify(needle)}`);
  if (typeof source === "string") assert.equal(a.source, source);
  else assert.match(a.source, source);
  assert.deepEqual(flagsOver(r, "unattributed-claim", needle).map((f) => f.text), [], "an attributed sentence is not an unattributed claim");
  return { r, a };
}

describe("attribution: reporting cues with a named subject", () => {
  it("“…, Xi Jinping said.” at the end", () =>
    expectAttributed(release("The talks underscore growing coordination between the two countries, Xi Jinping said."), "The talks underscore", "Xi Jinping"));

  it("“X said …” at the start", () =>
    expectAttributed(release("Jane Doe said demand for secure routers is growing rapidly across Europe."), "demand for secure routers", "Jane Doe"));

  it("“…, said Jane Doe, chief executive officer of Acme.” (cue before the name, title after)", () => {
    const { a } = expectAttributed(release("The deal reflects growing demand for secure networks, said Jane Doe, chief executive officer of Acme."), "The deal reflects", "Jane Doe");
    assert.equal(a.cue, "said");
    assert.equal(a.sourceType, "person");
  });

  it("titles before the name are not part of it: “Chinese President Xi Jinping said …”", () =>
    expectAttributed(release("Chinese President Xi Jinping said the talks underscore growing coordination."), "the talks underscore", "Xi Jinping"));

  it("an appositive between name and cue: “Wang Yiwei, a professor at Renmin University of China, told CGTN that …”", () =>
    expectAttributed(
      release("Wang Yiwei, a professor at Renmin University of China, told CGTN that the talks reflect growing coordination among major powers."),
      "the talks reflect",
      "Wang Yiwei",
    ));

  it("a participle cue: “Jane Doe welcomed the decision, noting that demand is growing.”", () =>
    expectAttributed(release("Jane Doe welcomed the decision, noting that demand for secure routers is growing."), "demand for secure routers", "Jane Doe"));

  it("other cues of the guide: stressed, noted, added, emphasized, reiterated, highlighted", () => {
    for (const cue of ["stressed", "noted", "added", "emphasized", "reiterated", "highlighted"])
      expectAttributed(release(`Jane Doe ${cue} that demand for secure routers is growing rapidly.`), "demand for secure routers", "Jane Doe");
  });

  it("a short mention resolves to the full name given earlier: “Doe said …”", () =>
    expectAttributed(
      release("Jane Doe, chief executive officer of Acme, opened the event in Berlin on Tuesday.", "Doe said demand for secure routers is growing across Europe."),
      "Doe said",
      "Jane Doe",
    ));
});

describe("attribution: quotes", () => {
  it("a quote before the cue: “…,” said Jane Doe, chief executive officer of Acme.", () => {
    const { r } = expectAttributed(
      release("“Demand for secure routers is growing faster than ever,” said Jane Doe, chief executive officer of Acme."),
      "Demand for secure routers",
      "Jane Doe",
    );
    assert.equal(r.model.quotes.find((q) => q.text.startsWith("Demand"))?.speaker, "Jane Doe");
  });

  it("a quote after the cue: Jane Doe said: “…”", () =>
    expectAttributed(release("Jane Doe, chief executive officer of Acme, said: “Demand for secure routers is growing faster than ever.”"), "Demand for secure routers", "Jane Doe"));

  it("a quote with the speaker named right after it: “…,” Doe said.", () =>
    expectAttributed(
      release("Jane Doe is chief executive officer of Acme.", "“Demand for secure routers is growing faster than ever,” Doe said."),
      "Demand for secure routers",
      "Jane Doe",
    ));

  it("a quote spanning two sentences: both are the speaker's", () => {
    const text = release("“Demand for secure routers is growing. Prices remain high for small offices,” said Jane Doe, chief executive officer of Acme.");
    expectAttributed(text, "Demand for secure routers", "Jane Doe");
    expectAttributed(text, "Prices remain high", "Jane Doe");
  });

  it("a quote running over two paragraphs (no closing mark on the first) stays the speaker's", () => {
    const text = release(
      "Jane Doe, chief executive officer of Acme, said: “We built this router for small offices, which have been underserved by the industry for years.",
      "“Demand for secure routers is growing faster than ever, and we are ready for it.”",
    );
    expectAttributed(text, "Demand for secure routers", "Jane Doe");
  });
});

describe("attribution: continuation and pronouns", () => {
  it("“She added …” in the same paragraph resolves to the last named person", () =>
    expectAttributed(
      release("Jane Doe, chief executive officer of Acme, said the launch went well. She added that demand for secure routers is growing across Europe."),
      "She added",
      "Jane Doe",
    ));

  it("“He said …” opening the next paragraph resolves to the last named person (the seed's Wang Yiwei case)", () =>
    expectAttributed(
      release("Wang Yiwei, a professor at Renmin University of China, told CGTN that the talks went well.", "He said the old international order faces increasing erosion."),
      "He said",
      "Wang Yiwei",
    ));

  it("“Wang added …” resolves to Wang Yiwei", () =>
    expectAttributed(
      release("Wang Yiwei, a professor at Renmin University of China, told CGTN that the talks went well.", "Wang added that more countries are increasingly seeking stability."),
      "Wang added",
      "Wang Yiwei",
    ));

  it("a source named in another paragraph does not carry over to a cue-less claim", () => {
    const r = analyze(release("Jane Doe, chief executive officer of Acme, said the launch went well.", "Demand for secure routers is growing across Europe."));
    assert.equal(flagsOver(r, "unattributed-claim", "Demand for secure routers").length, 1);
  });
});

describe("attribution: other languages", () => {
  it("German: „…“, sagte Hans Müller, Geschäftsführer der Acme GmbH.", () =>
    expectAttributed(release("„Die Nachfrage nach sicheren Routern wächst zunehmend“, sagte Hans Müller, Geschäftsführer der Acme GmbH."), "Die Nachfrage", "Hans Müller"));

  it("German: Laut dem Statistischen Bundesamt … [engine gap: “Laut dem …”: the article after the cue hides the source (no attribution)]", () =>
    expectAttributed(release("Laut dem Statistischen Bundesamt wächst die Nachfrage nach Routern zunehmend."), "wächst die Nachfrage", /Bundesamt/));

  it("French: « … », a déclaré Marie Dupont, directrice générale d'Acme.", () =>
    expectAttributed(release("« La demande de routeurs sécurisés est de plus en plus forte », a déclaré Marie Dupont, directrice générale d'Acme."), "La demande", "Marie Dupont"));

  it("French: Selon l'Insee, … [engine gap: “Selon l'Insee”: the elided article l' hides the source (no attribution)]", () =>
    expectAttributed(release("Selon l'Insee, la demande de routeurs est de plus en plus forte en France."), "la demande de routeurs", /Insee/));

  it("Spanish: …, dijo Juan Pérez, director de Acme. [engine gap: “…, dijo NAME”: the source is taken from before the cue (“Europa”)]", () =>
    expectAttributed(release("La demanda de routers seguros crece cada vez más en Europa, dijo Juan Pérez, director de Acme."), "La demanda", "Juan Pérez"));

  it("Spanish: Según el Instituto Nacional de Estadística, … [engine gap: “Según el …”: the article after the cue hides the source (no attribution)]", () =>
    expectAttributed(release("Según el Instituto Nacional de Estadística, la demanda de routers crece cada vez más."), "la demanda de routers", /Instituto Nacional de Estad[ií]stica/));
});

describe("attribution: organisations and documents as sources", () => {
  it("“…, according to Gartner.” names an organisation", () =>
    expectAttributed(release("Demand for secure routers is growing rapidly, according to Gartner."), "Demand for secure routers", "Gartner"));

  it("“according to Grand View Research” names a firm", () =>
    expectAttributed(release("The global router market is expected to grow rapidly, according to Grand View Research."), "The global router market", /Grand View Research/));

  it("“the survey found” after the survey is named is a document source, not a vague cue", () => {
    const text = release("Acme surveyed 2,000 U.S. adults in January for its Router Habits Survey.", "The survey found that demand for secure routers is growing among small offices.");
    const r = analyze(text);
    assert.ok(attributionAt(r, "The survey found"), "no attribution");
    assert.deepEqual(flags(r, "vague-attribution"), []);
    assert.deepEqual(flagsOver(r, "unattributed-claim", "The survey found"), []);
  });

  it("the issuer as a named subject: “Acme said demand is growing” is attributed", () =>
    expectAttributed(release("Acme said demand for secure routers is growing across Europe."), "demand for secure routers", /Acme/));
});
