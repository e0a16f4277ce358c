// Figures (guide: `unattributed-figure`, "What is NOT flagged"): what the engine recognises
// as a figure and how it normalises it, what it must not take for one, and when a figure
// about the world is flagged for want of a named source.
import { strict as assert } from "node:assert";
import { release } from "../helpers/joinLines";
import fc from "fast-check";
import { analyze, figureAt, flags, flagsOver, hoverOver, offsetOf } from "../helpers/engine";
import { PartInitials } from "../../server/src/analysis/figureSources";

/** The figure recognised at `needle` in a release whose body is `sentence`. */
function recognised(sentence: string, needle: string) {
  const r = analyze(release(sentence));
  return figureAt(r, needle);
}

describe("figures: recognition and normalised values", () => {
  // [sentence, figure, value, currency, engine gap (the case is skipped until the engine handles it)]
  const money: [string, string, number, string, string?][] = [
    ["China-Russia trade reached $228.1 billion in 2025.", "$228.1 billion", 228_100_000_000, "USD"],
    ["China-Russia trade reached \\$228.1 billion in 2025.", "\\$228.1 billion", 228_100_000_000, "USD"],
    ["The global market was worth US$5 million in 2025.", "US$5 million", 5_000_000, "USD"],
    ["The global market was worth USD 3.5 billion in 2025.", "USD 3.5 billion", 3_500_000_000, "USD"],
    ["The European market was worth €40 million in 2025.", "€40 million", 40_000_000, "EUR"],
    ["Mexican retail sales reached Ps. 1,234 million in 2005.", "Ps. 1,234 million", 1_234_000_000, "MXN"],
    ["The global market was worth $4.5bn in 2025.", "$4.5bn", 4_500_000_000, "USD"],
    ["The market grew to $1,699,128 in 2025.", "$1,699,128", 1_699_128, "USD"],
    ["Der deutsche Markt erreichte 2025 ein Volumen von 12 Mio. Euro.", "12 Mio. Euro", 12_000_000, "EUR"],
    ["Der deutsche Markt erreichte 2025 ein Volumen von 2,5 Mrd. Euro.", "2,5 Mrd. Euro", 2_500_000_000, "EUR"],
    ["Le marché français a atteint 3 milliards d'euros en 2025.", "3 milliards d'euros", 3_000_000_000, "EUR"],
  ];
  for (const [sentence, needle, value, currency, gap] of money) {
    (gap ? it.skip : it)(`money: “${needle}” → ${value.toLocaleString("en-US")} ${currency}${gap ? ` [engine gap: ${gap}]` : ""}`, () => {
      const f = recognised(sentence, needle);
      assert.ok(f, "not recognised");
      assert.equal(f.kind, "money");
      assert.equal(f.value, value);
      assert.equal(f.currency, currency);
      assert.equal(f.normalised, `${value.toLocaleString("en-US")} ${currency}`);
    });
  }

  it("money range: “$5-7 billion” → 5,000,000,000 to 7,000,000,000 USD", () => {
    const f = recognised("The global market will be worth $5-7 billion by 2030.", "$5-7 billion");
    assert.ok(f);
    assert.equal(f.value, 5e9);
    assert.equal(f.valueTo, 7e9);
    assert.equal(f.currency, "USD");
  });

  const percents: [string, string, number][] = [
    ["Online sales rose 45% across the industry in 2025.", "45%", 45],
    ["Online sales rose 45 percent across the industry in 2025.", "45 percent", 45],
    ["Online sales rose 12.5 per cent across the industry in 2025.", "12.5 per cent", 12.5],
    ["Der Onlinehandel der Branche wuchs 2025 um 3,5 Prozent.", "3,5 Prozent", 3.5],
  ];
  for (const [sentence, needle, value] of percents) {
    it(`percent: “${needle}” → ${value}%`, () => {
      const f = recognised(sentence, needle);
      assert.ok(f, "not recognised");
      assert.equal(f.kind, "percent");
      assert.equal(f.value, value);
      assert.notEqual(f.unit, "pp");
    });
  }

  it("percent range: “5-7%” → 5 to 7", () => {
    const f = recognised("Industry sales are expected to grow 5-7% a year.", "5-7%");
    assert.ok(f);
    assert.equal(f.kind, "percent");
    assert.equal(f.value, 5);
    assert.equal(f.valueTo, 7);
  });

  it("percentage points: “2 percentage points” is a percent in pp", () => {
    const f = recognised("The national unemployment rate fell 2 percentage points in 2025.", "2 percentage points");
    assert.ok(f);
    assert.equal(f.kind, "percent");
    assert.equal(f.value, 2);
    assert.equal(f.unit, "pp");
    assert.match(f.normalised, /percentage points/);
  });

  it("counts with a noun: “3.5 million people”, “1,200 jobs”", () => {
    const a = recognised("More than 3.5 million people in the U.S. live with epilepsy.", "3.5 million people");
    assert.ok(a);
    assert.equal(a.kind, "count");
    assert.equal(a.value, 3_500_000);
    const b = recognised("The industry cut 1,200 jobs nationwide in 2025.", "1,200 jobs");
    assert.ok(b);
    assert.equal(b.kind, "count");
    assert.equal(b.value, 1200);
  });

  const multiples: [string, string, number][] = [
    ["The global router market is three times larger than in 2015.", "three times", 3],
    ["The global router market is 2x larger than in 2015.", "2x", 2],
    ["The global router market is twice as large as in 2015.", "twice", 2],
    ["The global router market grew 5-fold since 2015.", "5-fold", 5],
  ];
  for (const [sentence, needle, value] of multiples) {
    it(`multiple: “${needle}” → ×${value}`, () => {
      const f = recognised(sentence, needle);
      assert.ok(f, "not recognised");
      assert.equal(f.kind, "multiple");
      assert.equal(f.value, value);
    });
  }
});

describe("figures: what is NOT a figure", () => {
  // Each sentence speaks about the world, so a number taken for a figure would be flagged.
  const cases: [string, string, string][] = [
    ["a date", "On Feb. 6, 2026, the global router market reached a new high.", "Feb. 6, 2026"],
    ["a year", "The global router market reached a new high in 2025.", "2025"],
    ["a time", "The national trade figures are published at 10:30 a.m. ET on Fridays.", "10:30"],
    ["a duration", "Global router demand has grown for three consecutive years.", "three consecutive years"],
    ["a duration in months", "Global router demand has grown over the past 12 months.", "12 months"],
    ["an ordinal in a name", "The country marked the 80th anniversary of the victory with a national holiday.", "80th anniversary"],
    ["a plan's ordinal and years", "The national economy enters its 15th Five-Year Plan period (2026-2030) this year.", "15th Five-Year Plan period (2026-2030)"],
    ["Roman numerals in a name", "Super Bowl XLV drew the largest national television audience of the year.", "Super Bowl XLV"],
    ["a rule number", "The national exchange approved the issue under Nasdaq Rule 5635 last week.", "Nasdaq Rule 5635"],
    ["a group's name", "G20 countries account for most of the world's trade.", "G20"],
    ["a disease name", "COVID-19 changed the global router market for good.", "COVID-19"],
    ["a phone number", "Consumers across the country can call +1 (555) 123-4567 for help.", "+1 (555) 123-4567"],
    ["a ticker", "Bowlero (NYSE: BOWL) runs bowling centers across the country.", "NYSE: BOWL"],
    ["a version number", "The global developer community released version 2.5 of the router firmware.", "version 2.5"],
    ["a short version", "The global developer community released v1.5 of the firmware.", "v1.5"],
    ["a URL", "The national data are published at https://stats.example.gov/2025/10/report-50 every month.", "https://stats.example.gov/2025/10/report-50"],
    ["an e-mail address", "Consumers across the country can write to help2025@acme.example for advice.", "help2025@acme.example"],
    ["a postal code", "The national association moved to Hauptstraße 5, 10115 Berlin.", "10115 Berlin"],
    // A share is a percentage, and a percentage glued to letters is a code (as "5%off"), not a figure.
    ["a share glued to the word after it", "Some two-thirdsof voters nationwide agree.", "two-thirds"],
    // The money pattern finds "USD 5 million" inside "XUSD 5 million": the code is glued to a letter.
    ["a currency code glued to the letters before it", "The global token market holds XUSD 5 million in reserves.", "USD 5 million"],
  ];
  for (const [what, sentence, needle] of cases) {
    it(`${what}: “${needle}”`, () => {
      const r = analyze(release(sentence));
      assert.equal(figureAt(r, needle), undefined, `recognised as a figure: ${JSON.stringify(figureAt(r, needle)?.text)}`);
      assert.deepEqual(flagsOver(r, "unattributed-figure", needle).map((f) => f.text), []);
    });
  }

  it("list numbering: “1. item” lines", () => {
    const r = analyze(release("The national survey covered three topics:", "1. Housing costs across the country\n2. Consumer debt nationwide\n3. Job losses in the industry"));
    for (const n of ["1.", "2.", "3."]) assert.equal(figureAt(r, `${n} `), undefined, n);
  });
});

describe("figures: unattributed-figure (a world statistic with no named source)", () => {
  it("a market forecast with no source is flagged, on the figure only, as a warning", () => {
    const text = release("The global smart-home market is projected to reach $50 billion by 2030.");
    const f = flags(analyze(text), "unattributed-figure");
    assert.deepEqual(f.map((x) => x.text), ["$50 billion"]);
    assert.equal(f[0].finding.severity, "warning");
  });

  it("“according to Grand View Research” attributes it: not flagged, and the figure's source is the firm", () => {
    const r = analyze(release("The global smart-home market is projected to reach $50 billion by 2030, according to Grand View Research."));
    assert.deepEqual(flags(r, "unattributed-figure"), []);
    assert.match(figureAt(r, "$50 billion")?.source ?? "", /Grand View Research/);
  });

  it("“according to the National Bureau of Statistics” at the start attributes it [engine gap: the source is cut to “Statistics” (title words stripped from an organisation's name)]", () => {
    const r = analyze(release("According to the National Bureau of Statistics, China-Russia trade reached $228.1 billion in 2025."));
    assert.deepEqual(flags(r, "unattributed-figure"), []);
    assert.match(figureAt(r, "$228.1 billion")?.source ?? "", /National Bureau of Statistics/);
  });

  it("a vague source is no source: “Experts say … $50 billion” is flagged twice", () => {
    const r = analyze(release("Experts say the global smart-home market will reach $50 billion by 2030."));
    assert.deepEqual(flags(r, "unattributed-figure").map((f) => f.text), ["$50 billion"]);
    assert.deepEqual(flags(r, "vague-attribution").map((f) => f.text), ["Experts say"]);
  });

  it("a named person's quote attributes it", () => {
    const r = analyze(release("“The global router market will reach $50 billion by 2030,” said Jane Doe, chief economist at Acme Research."));
    assert.deepEqual(flags(r, "unattributed-figure"), []);
  });

  it("“The survey found that 62% of U.S. adults …” (a document as source) is not flagged", () => {
    const r = analyze(release("Acme surveyed 2,000 U.S. adults in January for its Router Habits Survey.", "The survey found that 62% of U.S. adults reset their router at least once a month."));
    assert.deepEqual(flagsOver(r, "unattributed-figure", "62%"), []);
  });

  it("a source in parentheses after the figure attributes it: “(U.S. Census Bureau)”", () => {
    const r = analyze(release("The U.S. population grew 0.5% in 2025 (U.S. Census Bureau)."));
    assert.deepEqual(flags(r, "unattributed-figure"), []);
  });

  it("each figure takes the parenthesis meant for it: the one just after it, or the one closing the sentence", () => {
    const text = release("The market grew 12% in 2025 (Statista), while 40% of adults now shop online and 3% pay cash, according to surveys of many kinds over the whole of the year (Pew Research Center).");
    const r = analyze(text);
    const source = (needle: string) => r.model.figures.find((f) => f.start === offsetOf(text, needle))?.source;
    assert.equal(source("12%"), "Statista");
    assert.equal(source("40%"), "Pew Research Center", "too far from (Statista) before it; the closing parenthesis applies");
    assert.equal(source("3%"), "Pew Research Center");
  });

  it("an acronym spelled out before it is not a source: “compound annual growth rate (CAGR)”", () => {
    const r = analyze(release("The global market will grow at a compound annual growth rate of 9% (CAGR) through 2030."));
    assert.ok(r.model.figures.some((f) => f.text === "9%" && f.source !== "CAGR"));
  });

  it("PartInitials gives the initials of text.slice(0, at).trim().split(/[\\s-]+/), the last n of them", () => {
    const text = fc.array(fc.constantFrom("a", "B", " ", "-", "\t", "\n", "\u00a0", "\u3000", "\u0085", "x-y", "--", "é", "(AB)"), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 1, max: 12 }), (t, seed, n) => {
        const at = seed % (t.length + 1);
        const expected = t.slice(0, at).trim().split(/[\s-]+/).slice(-n).map((w) => w[0] ?? "");
        assert.deepEqual(new PartInitials(t).lastBefore(at, n), expected);
      }),
      { numRuns: 5000 },
    );
  });

  it("a source named in another paragraph does not carry over; the hover still explains the figure", () => {
    const text = release("Acme Research published its annual Router Market Study on Tuesday.", "The global router market grew 12% in 2025.");
    const r = analyze(text);
    assert.deepEqual(flags(r, "unattributed-figure").map((f) => f.text), ["12%"]);
    assert.match(hoverOver(r, "12%"), /12%/);
  });

  it("a population count with no source is flagged", () => {
    const r = analyze(release("More than 3.5 million people in the U.S. live with epilepsy."));
    assert.deepEqual(flags(r, "unattributed-figure").map((f) => f.text.replace(/^More than /, "")), ["3.5 million people"]);
  });

  it("the issuer's own results are first-party: not flagged, and the hover names the issuer", () => {
    const text = release("Acme reported revenue of $12.4 million for the quarter, up 8% from a year earlier.");
    const r = analyze(text);
    assert.deepEqual(flags(r, "unattributed-figure"), []);
    assert.ok(figureAt(r, "$12.4 million")?.source, "the figure has no source");
    assert.match(hoverOver(r, "$12.4 million"), /Acme/);
  });

  it("the issuer's own prices and deal terms are first-party", () => {
    const r = analyze(release("The router costs $199 and Acme will ship 10,000 units to retailers in May.", "Acme acquired Beta Networks for $30 million in cash."));
    assert.deepEqual(flags(r, "unattributed-figure"), []);
  });

  it("figures in a heading are not flagged", () => {
    const text = release("Market outlook: $50 billion by 2030", "The global router market is projected to grow, according to Grand View Research.");
    const r = analyze(text);
    assert.deepEqual(flagsOver(r, "unattributed-figure", "$50 billion"), []);
  });

  it("the flagged range is the figure as it stands (a `\\$` escape is included, nothing more)", () => {
    const text = release("China-Russia trade reached \\$228.1 billion in 2025.");
    const f = flags(analyze(text), "unattributed-figure");
    assert.equal(f.length, 1);
    assert.equal(f[0].finding.start, offsetOf(text, "\\$228.1 billion"));
    assert.equal(f[0].text, "\\$228.1 billion");
  });
});
