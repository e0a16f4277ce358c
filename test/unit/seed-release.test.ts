// The guide's worked examples on the seed release (CGTN via PR Newswire, republished by
// Immediapress): what is flagged, what is not, the outline and the hovers.
import { strict as assert } from "node:assert";
import { loadFixture } from "../helpers/fixtures";
import { analyze, attributionAt, boilerplateLines, figureAt, flags, flagsOver, hoverOver, lineOf, offsetOf, outlineNames } from "../helpers/engine";
import type { AnalysisResult } from "../../server/src/analysis/index";

const SEED = "cgtn-xi-putin-trump";

describe("seed release (cgtn-xi-putin-trump.txt): the guide's worked examples", () => {
  let text: string;
  let r: AnalysisResult;
  before(() => {
    text = loadFixture(SEED).text;
    r = analyze(text);
  });
  const sentenceFrom = (start: string, end: string) => {
    const a = offsetOf(text, start);
    const b = text.indexOf(end, a) + end.length;
    return text.slice(a, b);
  };

  describe("boilerplate", () => {
    it("line 9 “COMUNICATO STAMPA - CONTENUTO PROMOZIONALE” is a wire-header block of that one line", () => {
      const f = flags(r, "boilerplate").filter((x) => x.line <= 9 && x.endLine >= 9);
      assert.equal(f.length, 1);
      assert.equal(f[0].kind, "wire-header");
      assert.equal(f[0].text.trim(), "COMUNICATO STAMPA - CONTENUTO PROMOZIONALE");
    });

    it("the distribution marks and republisher wrapper are blocks of their kinds", () => {
      const lines = boilerplateLines(r);
      assert.equal(lines.get(7), "republisher-meta", "Descrizione");
      assert.equal(lines.get(69), "wire-footer", "View original content:<…>");
      assert.equal(lines.get(71), "copyright", "Copyright 2026 PR Newswire. All Rights Reserved.");
      assert.equal(lines.get(73), "disclaimer", "the Italian disclaimer");
      assert.equal(lines.get(67), "links", "a line that is only a link");
      for (const l of [77, 79, 81, 83, 85, 87, 89, 91, 93]) assert.equal(lines.get(l), "republisher-meta", `line ${l} (Categoria / Tag / Data di creazione / Autore / default watermark)`);
      assert.ok(["republisher-meta", "links"].includes(lines.get(75) ?? ""), "line 75, the republisher's link");
    });

    it("no news line is boilerplate (headline, dateline, body, section headings)", () => {
      const lines = boilerplateLines(r);
      for (const l of [5, 11, 13, 15, 17, 23, 37, 53, 55, 59, 61, 63, 65]) assert.ok(!lines.has(l), `line ${l} marked ${lines.get(l)}`);
    });

    it("boilerplate findings cover whole lines", () => {
      for (const f of flags(r, "boilerplate")) {
        const { start, end } = f.finding;
        assert.ok(start === 0 || /[\r\n]/.test(text[start - 1]), `starts mid-line: ${JSON.stringify(f.text.slice(0, 30))}`);
        assert.ok(end === text.length || /[\r\n]/.test(text[end]), `ends mid-line: ${JSON.stringify(f.text.slice(-30))}`);
      }
    });

    it("nothing else is flagged inside a boilerplate block", () => {
      const blocks = flags(r, "boilerplate").map((b) => b.finding);
      const inside = r.findings.filter((f) => f.code !== "boilerplate" && blocks.some((b) => b.start <= f.start && f.start < b.end));
      assert.deepEqual(inside.map((f) => `${f.code} L${lineOf(text, f.start)}`), []);
    });
  });

  describe("vague attribution and figures", () => {
    it("“according to analysis” (line 15) is a vague-attribution on exactly that phrase", () => {
      const f = flagsOver(r, "vague-attribution", "according to analysis");
      assert.equal(f.length, 1);
      assert.equal(f[0].text, "according to analysis");
      assert.equal(f[0].line, 15);
    });

    it("“Official data shows” (line 23) is a vague-attribution on exactly that phrase", () => {
      const f = flagsOver(r, "vague-attribution", "Official data shows");
      assert.equal(f.length, 1);
      assert.equal(f[0].text, "Official data shows");
    });

    it("“$228.1 billion” and “$200 billion” are unattributed figures (a vague source is no source)", () => {
      const got = flags(r, "unattributed-figure").filter((f) => f.line === 23).map((f) => f.text.replace(/\\\$/g, "$"));
      assert.deepEqual(got, ["$228.1 billion", "$200 billion"]);
    });

    it("“$228.1 billion” normalises to 228,100,000,000 USD with no source", () => {
      const fig = figureAt(r, "228.1 billion");
      assert.ok(fig, "figure not recognised");
      assert.equal(fig.kind, "money");
      assert.equal(fig.value, 228_100_000_000);
      assert.equal(fig.currency, "USD");
      assert.equal(fig.normalised, "228,100,000,000 USD");
      assert.equal(fig.source, undefined);
      assert.equal(figureAt(r, "200 billion")?.value, 200_000_000_000);
    });

    it("the hover on “$228.1 billion” gives its normalised value and says no source is named", () => {
      const h = hoverOver(r, "228.1 billion");
      assert.match(h, /228,100,000,000 USD/);
      assert.match(h, /unattributed-figure/);
      assert.match(h, /none|no (?:named )?source/i);
    });

    it("“for three consecutive years” and “in 2025” are not figures", () => {
      assert.equal(figureAt(r, "three consecutive years"), undefined);
      assert.equal(figureAt(r, "2025, exceeding"), undefined);
    });

    it("line 23 carries exactly the vague cue and the two figures: nothing on “…, Xi said.”", () => {
      const got = r.findings.filter((f) => lineOf(text, f.start) === 23).map((f) => `${f.code}:${text.slice(f.start, f.end).replace(/\\\$/g, "$")}`);
      assert.deepEqual(got.sort(), ["unattributed-figure:$200 billion", "unattributed-figure:$228.1 billion", "vague-attribution:Official data shows"]);
    });
  });

  describe("attribution", () => {
    it("“Economic and trade exchanges sustained robust development, Xi said.” is attributed to Xi Jinping by “said”", () => {
      const a = attributionAt(r, "Economic and trade exchanges");
      assert.ok(a, "no attribution");
      assert.equal(a.source, "Xi Jinping");
      assert.equal(a.cue, "said");
      assert.equal(text.slice(a.start, a.end), "Economic and trade exchanges sustained robust development, Xi said.");
      assert.deepEqual(r.findings.filter((f) => f.start >= a.start && f.start < a.end), []);
    });

    it("the hover on that sentence names Xi Jinping and the cue", () => {
      const h = hoverOver(r, "Economic and trade exchanges");
      assert.match(h, /Xi Jinping/);
      assert.match(h, /said/);
    });

    it("“Putin responded positively, saying …” is attributed to Vladimir Putin", () => {
      assert.equal(attributionAt(r, "Putin responded positively")?.source, "Vladimir Putin");
    });

    it("“Trump responded that …” is attributed to Donald Trump and nothing in it is flagged", () => {
      const a = attributionAt(r, "Trump responded that");
      assert.equal(a?.source, "Donald Trump");
      assert.deepEqual(r.findings.filter((f) => a && f.start >= a.start && f.start < a.end).map((f) => f.code), []);
    });

    it("“Wang Yiwei, a professor at Renmin University of China, told CGTN that …” is Wang Yiwei's, not a claim", () => {
      const a = attributionAt(r, "Wang Yiwei, a professor");
      assert.equal(a?.source, "Wang Yiwei");
      assert.equal(a?.cue, "told");
      assert.deepEqual(flagsOver(r, "unattributed-claim", "reflect its efforts"), []);
    });

    it("“He said as the old international order …” resolves to Wang Yiwei", () => {
      assert.equal(attributionAt(r, "He said as the old international order")?.source, "Wang Yiwei");
      assert.deepEqual(flagsOver(r, "unattributed-claim", "increasing erosion"), []);
    });

    it("“He said both sides have their own concerns” (after “Xi said …”) resolves to Xi Jinping", () => {
      assert.equal(attributionAt(r, "He said both sides")?.source, "Xi Jinping");
    });

    it("“Wang said more Western countries are increasingly seeking …” and “Wang added …” are Wang Yiwei's", () => {
      assert.equal(attributionAt(r, "Wang said more Western")?.source, "Wang Yiwei");
      assert.equal(attributionAt(r, "Wang added that")?.source, "Wang Yiwei");
      assert.deepEqual(flagsOver(r, "unattributed-claim", "increasingly seeking"), []);
    });
  });

  describe("unattributed claims", () => {
    it("the “remained high” sentence (line 55) is one unattributed-claim over the whole sentence", () => {
      const f = flagsOver(r, "unattributed-claim", "global tensions remained high");
      assert.equal(f.length, 1);
      assert.equal(f[0].line, 55);
      assert.equal(f[0].text, sentenceFrom("The same-day engagements came as", "set to expire on February 5."));
    });

    it("“Meanwhile, uncertainty persists …” (line 57) is an unattributed-claim", () => {
      const f = flagsOver(r, "unattributed-claim", "uncertainty persists");
      assert.equal(f.length, 1);
      assert.equal(f[0].line, 57);
    });

    it("headings are not claims: the headline and “China-Russia talks underscore strategic coordination”", () => {
      assert.deepEqual(r.findings.filter((f) => [5, 17, 37, 53].includes(lineOf(text, f.start)) && f.code !== "promotional").map((f) => f.code), []);
    });

    it("plain reports of what happened are not claims (line 13: who met whom, when)", () => {
      assert.deepEqual(r.findings.filter((f) => lineOf(text, f.start) === 13), []);
    });
  });

  describe("not flagged: ordinals and numbers inside names and titles", () => {
    for (const phrase of ["80th anniversary", "15th Five-Year Plan period (2026-2030)", "250th anniversary", "World War II"]) {
      it(`“${phrase}”: no finding and no figure`, () => {
        const from = offsetOf(text, phrase);
        const to = from + phrase.length;
        assert.deepEqual(r.findings.filter((f) => f.start < to && from < f.end).map((f) => f.code), []);
        assert.equal(figureAt(r, phrase), undefined);
      });
    }
  });

  describe("outline", () => {
    it("the headline", () => {
      assert.equal(r.model.headline?.text.trim(), "CGTN: Xi Jinping's same-day calls with Putin and Trump underscore China's role in global stability");
      assert.equal(r.outline[0].kind, "headline");
    });

    it("the dateline: line 11, BEIJING, Feb. 6, 2026, PRNewswire", () => {
      const d = r.model.dateline;
      assert.ok(d, "no dateline");
      assert.equal(d.line + 1, 11);
      assert.equal(d.place, "BEIJING");
      assert.equal(d.date, "Feb. 6, 2026");
      assert.equal(d.wire, "PRNewswire");
      const node = r.outline.find((n) => n.kind === "dateline");
      assert.ok(node && lineOf(text, node.selection.start) === 11);
    });

    it("the three section headings, in order, as children of the body", () => {
      const want = ["China-Russia talks underscore strategic coordination", "Xi-Trump call stresses mutual respect, difference management", "China injects certainty amid rising global tensions"];
      assert.deepEqual(r.model.sections.map((s) => s.title), want);
      const body = r.outline.find((n) => n.kind === "body");
      assert.deepEqual(body?.children.filter((c) => c.kind === "section").map((c) => c.name), want);
    });

    it("the speakers: Xi Jinping, Vladimir Putin, Donald Trump, Wang Yiwei [engine gap: Xi Jinping is taken for the issuer (from the dateline lead), so he is no speaker]", () => {
      const names = outlineNames(r);
      for (const s of ["Xi Jinping", "Vladimir Putin", "Donald Trump", "Wang Yiwei"]) assert.ok(names.includes(s), `${s} not in the outline`);
      assert.deepEqual(r.model.speakers.map((s) => s.name).sort(), ["Donald Trump", "Vladimir Putin", "Wang Yiwei", "Xi Jinping"]);
    });

    it("the top level in document order: headline, dateline, body, sources, boilerplate", () => {
      assert.deepEqual(r.outline.map((n) => n.kind), ["headline", "dateline", "body", "sources", "boilerplate-group"]);
    });
  });
});
