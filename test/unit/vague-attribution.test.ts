// Vague attribution (guide: `vague-attribution`): a cue that names nobody in particular.
// The finding is on the cue phrase; a named source is not vague.
import { strict as assert } from "node:assert";
import { release, paragraphs, HEADLINE, DATELINE } from "../helpers/joinLines";
import { analyze, flags } from "../helpers/engine";

const vague = (body: string) => flags(analyze(release(body)), "vague-attribution");

describe("vague-attribution: cues that name nobody", () => {
  // [sentence, cue, engine gap (the case is skipped until the engine handles it)]
  const cases: [string, string, string?][] = [
    ["The same-day interactions, according to analysis, underscore China's efforts to promote coordination.", "according to analysis"],
    ["Official data shows that China-Russia trade reached $228.1 billion in 2025.", "Official data shows"],
    ["Experts say demand for secure routers will keep rising.", "Experts say"],
    ["Studies show that routers last longer when their firmware is updated.", "Studies show"],
    ["Sources said the deal could close in May.", "Sources said"],
    ["It is widely believed that home routers are poorly secured.", "It is widely believed"],
    ["Analysts say the router market will consolidate.", "Analysts say"],
    ["Research shows that small offices rarely update their routers.", "Research shows"],
  ];
  for (const [sentence, cue, gap] of cases) {
    (gap ? it.skip : it)(`“${cue}” is flagged on exactly the cue${gap ? ` [engine gap: ${gap}]` : ""}`, () => {
      const f = vague(sentence);
      assert.deepEqual(f.map((x) => x.text), [cue]);
      assert.equal(f[0].finding.severity, "warning");
    });
  }

  it("the hover on a vague cue says what is missing and how to fix it", () => {
    const r = analyze(release("Experts say demand for secure routers will keep rising."));
    const f = flags(r, "vague-attribution")[0];
    assert.ok(f, "not flagged");
    assert.ok(f.finding.explanation.what && f.finding.explanation.why && f.finding.explanation.fix);
  });
});

describe("vague-attribution: named sources are not vague", () => {
  const named = [
    "According to the National Bureau of Statistics, China-Russia trade reached $228.1 billion in 2025.",
    "Demand for secure routers is growing, according to Gartner.",
    "The global router market will grow, according to Grand View Research.",
    "Jane Doe said demand for secure routers will keep rising.",
    "Economic and trade exchanges sustained robust development, Xi said.",
    "Wang Yiwei, a professor at Renmin University of China, told CGTN that the talks went well.",
    "Acme said the router ships in May.",
  ];
  for (const sentence of named) {
    it(sentence, () => assert.deepEqual(vague(sentence).map((f) => f.text), []));
  }

  it("a named report as subject: “The Acme Router Report 2026 found …”", () => {
    assert.deepEqual(vague("The Acme Router Report 2026 found that most small offices never update their routers.").map((f) => f.text), []);
  });

  it("not inside boilerplate: an About section saying “analysts say”", () => {
    const text = paragraphs(HEADLINE, DATELINE, "About Acme", "Acme Corp. makes routers for small offices. Analysts say its routers are the most secure on the market.");
    assert.deepEqual(flags(analyze(text), "vague-attribution"), []);
  });
});
