// Hand-written scans that stand in for a regular expression or a map lookup on hot paths
// (names.ts, language.ts, figures.ts, text.ts, attribution.ts, links.ts). Each must give exactly
// what the simple version gives:
// checked against it on the fixtures and on generated text full of near-misses.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { closeEnough, closeFullName, multiWordChunks, NAME_AT_END, NAME_CHUNK, nameCharAt, stripTitles } from "../../server/src/analysis/names";
import { isGoverned, LETTERS_AT_END } from "../../server/src/analysis/attribution";
import { classSuffixStart, letterOrSpaceAt } from "../../server/src/analysis/charClass";
import { FIGURE_HINT, formatInteger, hasFigureHint, MONEY_HINT } from "../../server/src/analysis/figures";
import { tokenize } from "../../server/src/analysis/phrases";
import { alternation, TITLE_WORDS } from "../../server/src/analysis/lexicon";
import { detectLanguage, MARKERS } from "../../server/src/analysis/language";
import { execAll, markdownLinkTexts } from "../../server/src/analysis/text";
import { onlyLinks, withoutLinks } from "../../server/src/analysis/boilerplate";
import { findLinks, markdownLinks, MAX_LINKS, trimBare } from "../../server/src/lsp/links";
import { AnalysisMemo, analyze, buildModel } from "../../server/src/analysis/index";
import { fixtureNames, loadFixture } from "../helpers/fixtures";

/** The chunks of more than one word, as the regex finds them. */
const chunksByRegex = (s: string) => execAll(NAME_CHUNK, s).filter((m) => /\s/.test(m[0])).map((m) => [m.index, m[0]]);
const chunksByScan = (s: string) => multiWordChunks(s).map((m) => [m.index, m.text]);

/** The language guess as first written: every word of the sample sliced and looked up in the marker lists. */
function languageByMap(text: string): string {
  const counts = new Map<string, number>();
  for (const m of text.slice(0, 20000).toLowerCase().matchAll(/[\p{L}\p{N}_]+/gu))
    for (const [lang, words] of Object.entries(MARKERS)) if (words.includes(m[0])) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  let best = "en";
  let bestCount = 0;
  for (const lang of Object.keys(MARKERS)) if ((counts.get(lang) ?? 0) > bestCount) [best, bestCount] = [lang, counts.get(lang) ?? 0];
  return best;
}

/** stripTitles as first written: every replacement tried on every chunk. */
function stripTitlesByRegex(chunk: string): string {
  const cleaned = chunk
    .replace(/,?(?<!\s)\s+(?:PhD|Ph\.D\.?|MD|M\.D\.?|MBA|CPA|Esq\.?|Jr\.?|Sr\.?|II|III)\.?$/u, "")
    .replace(/[’']s$/, "")
    .replace(/(?<=\p{L}{2})[.,;:]$/u, "");
  const words = cleaned.split(/\s+/).filter(Boolean);
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) if (TITLE_WORDS.has(words[i].toLowerCase().replace(/[,.]$/, ""))) last = i;
  return words.slice(last + 1).join(" ");
}

/** The figure hints as first written, with the i and u flags (under which "ſ" is an "s" and the Kelvin sign a "k"). */
const HINTS_WITH_U: [string, (s: string) => boolean, RegExp][] = [
  ["money", (s) => MONEY_HINT.test(s), /[$€£¥₹]|ps\.|usd|eur|gbp|chf|jpy|cny|rmb|mxn|dollar|peso|yuan|yen|pound|franc/iu],
];

const noisy = (pieces: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(" ", "", "  ", "\n", "\u00A0", "\uFEFF", "\u2003", "-", ".", ",")), { maxLength: 30 }).map((p) => p.map(([a, b]) => a + b).join(""));

describe("hand-written scans equal what they replace", function () {
  this.timeout(120000);

  it("name chunks of two words or more: the regex's, on every sentence of the fixtures", () => {
    for (const name of fixtureNames()) for (const s of buildModel(loadFixture(name).text).sentences) assert.deepStrictEqual(chunksByScan(s.text), chunksByRegex(s.text), s.text);
  });

  it("name chunks on generated text: capitals, connectors, marks, surrogate pairs and lone halves", () => {
    const pieces = ["A", "Ab", "É", "ß", "a", "de", "der", "&", "of", "for", "fore", "van", "von", "bin", "Bin", "zu", "DE", ".", "-", "'", "’", "𝐀", "𝐚", "\uD835", "\uDC00", "\u0301", "Mc", "X", "1", ","];
    fc.assert(fc.property(noisy(pieces), (s) => assert.deepStrictEqual(chunksByScan(s), chunksByRegex(s), JSON.stringify(s))), { numRuns: 5000, seed: 6 });
  });

  it("the language guess: the map lookup's, on the fixtures and on generated text", () => {
    for (const name of fixtureNames()) assert.equal(detectLanguage(loadFixture(name).text), languageByMap(loadFixture(name).text), name);
    const pieces = ["the", "THE", "die", "Die", "für", "FÜR", "não", "NÃO", "o", "y", "e", "della", "nicht", "nichts", "the_", "_the", "İO", "ſo", "le", "la", "les", "3", "é", "中", "𝐀", "\uD800", "que", "para"];
    fc.assert(fc.property(noisy(pieces), (s) => assert.equal(detectLanguage(s), languageByMap(s), JSON.stringify(s))), { numRuns: 5000, seed: 6 });
  });

  it("the model's language, worked out when first read, is the guess on the analysed text (also once the model's text is gone, and with a memo)", () => {
    const texts = fixtureNames().map((n) => loadFixture(n).text);
    const languages = new Set<string>();
    for (const text of texts) {
      const expected = detectLanguage(text);
      languages.add(expected);
      const model = analyze(text).model;
      model.text = ""; // as the analysis worker does before sending the model
      assert.equal(model.language, expected);
      assert.equal(analyze(text, { memo: new AnalysisMemo() }).model.language, expected);
      assert.equal(JSON.parse(JSON.stringify(model)).language, expected, "copies carry it");
    }
    assert.ok(languages.size >= 3, `several languages among the releases: ${[...languages].join(", ")}`);
  });

  it("the figure hint from tokens: the regex's, on every sentence of the fixtures and on generated text", () => {
    for (const name of fixtureNames()) for (const s of buildModel(loadFixture(name).text).sentences) assert.equal(hasFigureHint(s.text, tokenize(s.text)), FIGURE_HINT.test(s.text), s.text);
    // Near-misses: hint words inside words, after numbers of other scripts, with letters that fold to ASCII.
    const pieces = ["ten", "TEN", "Ten", "often", "tens", "one", "someone", "ſix", "ſecond", "Kelvin", "\u212Aelvin", "rank", "RANK", "ran", "½", "²", "٣", "Ⅻ", "é", "éten", "4", "x", "half", "ha", "th", "billions", "𝐀", "\uD800", "majority", "hundred"];
    fc.assert(fc.property(noisy(pieces), (s) => assert.equal(hasFigureHint(s, tokenize(s)), FIGURE_HINT.test(s), JSON.stringify(s))), { numRuns: 5000, seed: 6 });
  });

  it("the figure hints without the u flag: the same as with it, on generated text", () => {
    const pieces = ["usd", "uſd", "USD", "ps.", "pſ.", "peso", "peſo", "eur", "€", "$", "larges", "largeſt", "ranK", "ran\u212A", "best", "beſt", "most", " in ", " out of ", "\u00A0in\u2003", "third", "half", "s", "k", "K"];
    for (const [name, hint, withU] of HINTS_WITH_U)
      fc.assert(fc.property(noisy(pieces), (s) => assert.equal(hint(s), withU.test(s), `${name}: ${JSON.stringify(s)}`)), { numRuns: 3000, seed: 6 });
  });

  it("integers formatted as Intl's en-US formatter does, from 0 and -0 to beyond 1e21", () => {
    const intl = new Intl.NumberFormat("en-US");
    for (const n of [0, -0, 1, -1, 999, 1000, -1000, 123456789, 2 ** 53, -(2 ** 53), 1e20, 99e19, 1e21, -1e21, 1e300]) assert.equal(formatInteger(n), intl.format(n), String(n));
    const integers = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.maxSafeInteger(), fc.double({ min: -1e23, max: 1e23, noNaN: true }).map(Math.round));
    fc.assert(fc.property(integers, (n) => assert.equal(formatInteger(n), intl.format(n), String(n))), { numRuns: 10000, seed: 6 });
  });

  it("titles stripped as the regex version strips them, on every name chunk of the fixtures and on generated chunks", () => {
    for (const name of fixtureNames())
      for (const s of buildModel(loadFixture(name).text).sentences) for (const m of multiWordChunks(s.text)) assert.equal(stripTitles(m.text), stripTitlesByRegex(m.text), m.text);
    const pieces = ["Jane", "Doe", "PhD", "Ph.D.", "M.D", "MD", "MBA", "Esq", "Jr.", "Sr", "II", "III", "CEO", "President,", "Chief", "Officer.", "’s", "'s", "s", "x", ",", ".", ";", ":", "É", "𝐀", "D", "A", "q", "r", "I"];
    fc.assert(fc.property(noisy(pieces), (s) => assert.equal(stripTitles(s), stripTitlesByRegex(s), JSON.stringify(s))), { numRuns: 5000, seed: 6 });
  });

  it("patterns anchored at the end match on the run of their characters that ends the text as on the whole text", () => {
    const cases: [string, RegExp, (t: string, i: number) => number][] = [
      ...Object.entries(LETTERS_AT_END).map(([name, re]): [string, RegExp, (t: string, i: number) => number] => [name, re, letterOrSpaceAt]),
      ["NAME_AT_END", NAME_AT_END, nameCharAt],
    ];
    // Where each match starts and what it is, on the whole and on the suffix (moved back).
    const whole = (re: RegExp, s: string) => re.exec(s)?.map((g) => g ?? null).concat(String(re.exec(s)?.index));
    const onSuffix = (re: RegExp, s: string, inClass: (t: string, i: number) => number) => {
      const cut = classSuffixStart(s, inClass);
      const m = re.exec(s.slice(cut));
      return m?.map((g) => g ?? null).concat(String(m.index + cut));
    };
    const before = (s: string) => [s, s.slice(-220)];
    for (const name of fixtureNames())
      for (const sentence of buildModel(loadFixture(name).text).sentences)
        for (let at = sentence.text.indexOf(" ", 1); at > 0; at = sentence.text.indexOf(" ", at + 1))
          for (const s of before(sentence.text.slice(0, at)))
            for (const [label, re, inClass] of cases) assert.deepEqual(onSuffix(re, s, inClass), whole(re, s), `${label}: ${JSON.stringify(s)}`);
    const pieces = ["he", "She", "they", "él", "ſhe", "we", "I", "also", "then", "quickly", "Quickly", "once again", "the company", "The Company", "analysts", "data", "experts", "sources", "said and", "noted", "ed and", "Jane", "Doe", "de", "of", "&", "O’Brien", "Smith's", "St.", "Jr.", "1", ",", "(", "“", "-", "𝐀", "\uD835", "\u0301", "\u00A0"];
    for (const [label, re, inClass] of cases)
      fc.assert(fc.property(noisy(pieces), (s) => assert.deepEqual(onSuffix(re, s, inClass), whole(re, s), `${label}: ${JSON.stringify(s)}`)), { numRuns: 3000, seed: 6 });
  });

  it("link texts for Markdown links: what the regex replace gives, on generated text of brackets, parentheses and words", () => {
    const pieces = ["[", "]", "(", ")", "](", "a", "Acme", "http://x.co", "\n", " ", "!", "[]", "()"];
    fc.assert(fc.property(noisy(pieces), (s) => assert.equal(markdownLinkTexts(s), s.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1"), JSON.stringify(s))), { numRuns: 20000, seed: 6 });
  });

  it("link lines: onlyLinks and withoutLinks give what their regexes give, on generated text of links, separators and near-misses", () => {
    const URL = String.raw`(?:https?:\/\/|www\.)[^\s<>()\]]+`;
    // Exponential on glued links, hence the short inputs (at most 12 pieces).
    const ONLY_LINKS = new RegExp(String.raw`^(?:(?:!?\[[^\]]*\]\([^)]*\)|<${URL}>|${URL}|[|•·,;:\-–—*/]|\s)+)$`, "i");
    const LINKS = new RegExp(String.raw`!?\[[^\]]*\]\([^)]*\)|<?${URL}>?`, "gi");
    const pieces = ["http://a.co", "HTTPS://b", "https:/", "htt", "www.x", "WWW.", "ww.", "<", ">", "[", "]", "(", ")", "](", "!", "|", "•", "·", ",", ";", ":", "-", "–", "—", "*", "/", "a", "Read", "\uFEFF", "\u00A0", "\t", "\u2028", "]\u0000"];
    const short = fc.array(fc.constantFrom(...pieces, " ", ""), { maxLength: 12 }).map((p) => p.join(""));
    fc.assert(
      fc.property(short, (s) => {
        assert.equal(onlyLinks(s), ONLY_LINKS.test(s), `onlyLinks ${JSON.stringify(s)}`);
        assert.equal(withoutLinks(s), s.replace(LINKS, ""), `withoutLinks ${JSON.stringify(s)}`);
      }),
      { numRuns: 30000, seed: 6 },
    );
  });

  it("a name governed by a preposition: what a regex compiled for that name says, on generated endings", () => {
    // The regex as it was compiled once per name.
    const byRegex = (text: string, name: string, plain: boolean) =>
      new RegExp(`(?:^|\\s)(?:[Ii]n|[Oo]f|[Ff]rom|[Aa]t|[Tt]o|[Ff]or|[Ww]ith|[Oo]n|[Bb]y|[Ii]nto|[Aa]cross|[Tt]hroughout|[Tt]han|[Ll]ike)\\s+(?:[Tt]he\\s+)?(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){0,3}${plain ? "" : String.raw`(?:[\p{Lu}][\p{L}.'’-]*,\s+)?`}${alternation([name])}[’']?s?\\s*$`, "u").test(text);
    const names = ["Wang", "Jane Doe", "Acme Corp.", "Li", "O’Brien", "St. John", "Jones", "Jone"];
    const pieces = ["in", "In", "of", "from", "the", "The", "Beijing", "Beijing,", "New", "York", "said", "Wang", "Jane", "Doe", "Acme", "Corp.", "Li", "O’Brien", "St.", "John", "Jones", "Jone", "s", "’s", "'s", "’", ",", "than", "like"];
    const spaces = fc.constantFrom(" ", "  ", "\u00A0", "\t", "\u2003");
    const text = fc.array(fc.tuple(fc.constantFrom(...pieces), spaces), { maxLength: 9 }).map((p) => p.map(([a, b]) => a + b).join("").replace(/\s+$/, ""));
    fc.assert(
      fc.property(text, fc.constantFrom(...names), fc.boolean(), (t, name, plain) => assert.equal(isGoverned(t, name, plain), byRegex(t, name, plain), JSON.stringify([t, name, plain]))),
      { numRuns: 30000, seed: 6 },
    );
    // Most generated endings say no: make sure both answers come up.
    assert.ok(isGoverned("talks in Beijing, Wang", "Wang", false) && !isGoverned("talks in Beijing, Wang", "Wang", true));
    assert.ok(isGoverned("a letter from the Acme  Corp.’s", "Acme Corp.", true));
  });

  it("a short name close to a full name's last word: through the index, the first in list order, as a scan of the list finds it", () => {
    const last = (f: string) => f.split(/\s+/).pop() ?? "";
    const word = fc.stringMatching(/^[A-Z][a-z]{4,8}$/);
    const list = fc.uniqueArray(fc.tuple(word, word).map(([a, b]) => `${a} ${b}`), { minLength: 33, maxLength: 80 });
    fc.assert(
      fc.property(list, fc.nat(), fc.array(fc.tuple(fc.constantFrom("replace", "delete", "insert"), fc.nat()), { maxLength: 3 }), (fullNames, pick, edits) => {
        // A short name made from one of the last words by a few edits anywhere, so that hits come up.
        let name = last(fullNames[pick % fullNames.length]);
        for (const [op, at] of edits) {
          const i = at % (name.length + 1);
          name = name.slice(0, i) + (op === "delete" ? "" : "x") + name.slice(op === "insert" ? i : i + 1);
        }
        assert.equal(closeFullName(name, fullNames), fullNames.find((f) => closeEnough(last(f), name)), JSON.stringify([name, fullNames]));
      }),
      { numRuns: 2000, seed: 6 },
    );
  });

  it("Markdown links: the regex's matches, on generated text of glued, broken and spaced links", () => {
    // The regex the scan stands in for.
    const MARKDOWN_LINK = /\[([^\]\n]{0,500})\]\(\s*<?((?:https?:\/\/|www\.)[^\s)>]+)>?\s*\)/gi;
    const byRegex = (t: string) => [...t.matchAll(MARKDOWN_LINK)].map((m) => ({ start: m.index, end: m.index + m[0].length, url: m[2] }));
    const pieces = ["[", "]", "(", ")", "](", "<", ">", "a", "Acme", "http://x.co", "HTTPS://", "www.", "http", "\n", " ", "\t", "\u00A0", "/", "a".repeat(498)];
    fc.assert(fc.property(noisy(pieces), (t) => assert.deepEqual(markdownLinks(t), byRegex(t), JSON.stringify(t))), { numRuns: 20000, seed: 6 });
  });

  it("a bare URL's trailing punctuation and unbalanced parentheses: trimmed as by counting them again after every step", () => {
    const TRAILING = new Set([...".,;:!?'\"*_]}"]);
    // Escaped by a backslash ("\_" in scraped Markdown): part of the URL.
    const escapedLast = (s: string) => (/\\*$/.exec(s.slice(0, -1))?.[0].length ?? 0) % 2 === 1;
    const byRecount = (s: string) => {
      for (;;) {
        const before = s;
        while (s && TRAILING.has(s[s.length - 1]) && !escapedLast(s)) s = s.slice(0, -1);
        if (s.endsWith(")") && (s.match(/\(/g) ?? []).length < (s.match(/\)/g) ?? []).length) s = s.slice(0, -1);
        if (s === before) return s;
      }
    };
    const url = fc.array(fc.constantFrom("http://a.co/", "(", ")", ".", ",", "!", "]", "}", "x", "_", "*", "\\", "\\_"), { maxLength: 20 }).map((p) => p.join(""));
    fc.assert(fc.property(url, (u) => assert.equal(trimBare(u), byRecount(u), JSON.stringify(u))), { numRuns: 20000, seed: 6 });
  });

  it("a bare URL ending in an escaped underscore (scraped Markdown's \\_) keeps it: the link and its target", () => {
    const text = "see https://a.com/\\_x\\_ for more";
    assert.deepEqual(findLinks(text).map((l) => [text.slice(l.start, l.end), l.target]), [["https://a.com/\\_x\\_", "https://a.com/_x_"]]);
  });

  it("links past MAX_LINKS are not offered: the first MAX_LINKS of the document, in order", () => {
    const text = Array.from({ length: MAX_LINKS + 500 }, (_, i) => (i % 3 === 0 ? `[x](https://a.co/${i}) ` : i % 3 === 1 ? `<https://b.co/${i}> ` : `https://c.co/${i} `)).join("");
    const links = findLinks(text);
    assert.equal(links.length, MAX_LINKS);
    assert.deepEqual(links.map((l) => l.target), Array.from({ length: MAX_LINKS }, (_, i) => `https://${"abc"[i % 3]}.co/${i}`));
  });
});

