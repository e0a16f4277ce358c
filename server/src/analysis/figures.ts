// Recognises figures (money, percentages, counts, multiples, shares, ranks), normalises
// them, and tells them apart from dates, ordinals in names, list numbers, phones, tickers
// and versions.
import type { Figure, FigureKind, Span, Tick } from "./types";
import { execAll } from "./text";
import { FirstWords, StartScan, startsInTokens, type Start } from "./startScan";
import type { Tokens } from "./phrases";
import { firstReached } from "./sorted";
import { foldCase } from "./charClass";

export interface RawFigure extends Span {
  text: string;
  kind: FigureKind;
  value: number;
  valueTo?: number;
  currency?: string;
  unit?: string;
  normalised: string;
}

const NUM = String.raw`\d{1,3}(?:[,.\u00A0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const SPELLED =
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?";
const SCALE = String.raw`(?:trillion|billion|thousand|bn|mn|mil(?:\.|lones|ioni|liards?|liarden|lionen|lions?)?|mio\.?|mrd\.?|md|miliardi|milhões|bilhões|[MBKT](?![\p{L}]))`;
const CUR_PREFIX = String.raw`(?:US\s?\\?\$|C\\?\$|A\\?\$|R\\?\$|HK\\?\$|S\\?\$|NZ\\?\$|\\?\$|€|£|¥|₹|Ps\.\s?|USD\s?|EUR\s?|GBP\s?|CHF\s?|JPY\s?|CNY\s?|RMB\s?|MXN\s?)`;
const CUR_SUFFIX = String.raw`(?:\s?(?:d['’]\s?|de\s|di\s)?(?:Md€|M€|€|euros?|dollars?|dólares|USD|EUR|GBP|pesos|yuan|yen|pounds|francs))`;
const RANGE = String.raw`(?:\s?(?:-|–|—|to|bis|à|a)\s?)`;

const MONEY = new RegExp(
  String.raw`${CUR_PREFIX}\s?(?:${NUM})(?:${RANGE}${CUR_PREFIX}?(?:${NUM}))?(?:\s?${SCALE})?\+?|(?<![\p{L}\d.,])(?:${NUM})(?:\s?${SCALE})?${CUR_SUFFIX}(?![\p{L}])`,
  "giu",
);
const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?:${NUM}|${SPELLED})(?:\s?%|\s?(?:-|–|to)\s?(?:${NUM})\s?%|(?:${RANGE}(?:${NUM}))?\s?(?:%|percent(?:age points?)?|per cent|Prozent(?:punkte)?|por ciento|pour cent|per cento|pontos percentuais|pp)(?![\p{L}]))`,
  "giu",
);
const MULTIPLE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?<!\d)|(?!\d))(?:(?:nearly|almost|about|more than|over|roughly)\s+)?(?:twice|double|triple|quadruple|(?:${NUM}|${SPELLED})(?:\s?-?\s?fold|\s?x(?![\p{L}])|\s+times))(?![\p{L}-])`,
  "giu",
);
const SHARE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?<!\d)|(?!\d))(?:(?:nearly|almost|about|more than|over|roughly|around|less than|at least)\s+)?(?:(?:${NUM}|${SPELLED})\s+(?:in|out of)\s+(?:${NUM}|${SPELLED})(?![\p{L}\d])|(?:a|one)[- ](?:third|quarter|fifth|half)(?:\s+of)?|(?:half|(?:the\s+)?majority)\s+of|two[- ]thirds|three[- ]quarters)`,
  "giu",
);
const RANK = new RegExp(
  String.raw`(?<![\p{L}])(?:(?<!\d)|(?!\d))(?:(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)[- ](?:largest|biggest|leading|highest|lowest|worst|best|most|fastest|greatest)|(?:ranked|ranking)\s+(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth))(?![\p{L}])`,
  "giu",
);
const COUNT_NOUNS =
  "people|persons|adults|children|kids|americans|residents|households|families|workers|employees|jobs|job losses|deaths|fatalities|injuries|lives|cases|patients|consumers|customers|users|companies|businesses|firms|cities|countries|states|nations|students|women|men|homes|units|tons|tonnes|vehicles|visitors|respondents|participants|shoppers|subscribers|members|locations|stores|victims|individuals|citizens|voters|farmers|schools|hospitals|reviews|downloads|transactions|organizations|organisations|startups|parents|veterans|seniors|youth|babies|births|suicides|infections|doctors|nurses|teachers|communities|clients|partners|projects|installations|devices|barrels|acres|homeowners|renters|borrowers|investors|developers|experts";
const COUNT_NOUN_AT_END = new RegExp(`(?:${COUNT_NOUNS})$`);
const COUNT = new RegExp(
  String.raw`(?<![\p{L}\d.,$€£])(?:(?:more than|over|nearly|almost|about|around|roughly|approximately|at least|some|up to|less than|fewer than)\s+)?(?:(?:${NUM})(?:\s?${SCALE})?|(?:tens|hundreds|thousands|millions|billions)\s+of(?:\s+(?:thousands|millions))?(?:\s+of)?|${SPELLED}\s+(?:thousand|million|billion))\s+(?:[\p{Ll}-]+\s+){0,2}(?:${COUNT_NOUNS}|[\p{Lu}][\p{Ll}]+(?:ans|enos|ers|ians|ese))(?![\p{L}])`,
  "gu",
);
const SCALED = new RegExp(String.raw`(?<![\p{L}\d.,$€£])(?:${NUM})\s?(?:trillion|billion|million|milliards?|millones|Mio\.|Mrd\.)(?![\p{L}])`, "gu");

// Where each pattern can start (see startScan.ts): a digit, or one of these words.
const SPELLED_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"];
const QUALIFIERS = ["more", "over", "nearly", "almost", "about", "around", "roughly", "approximately", "at", "some", "up", "less", "fewer"];
const ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

// What each pattern needs somewhere (StartScan's `needs`): a run of letters, read from the
// starts the scans share, in place of a regex over the sentence per pattern. Each is true for
// every run a match needs, and for more (a run that opens with a word, in any case).
const NUMBER_WORDS = new FirstWords(SPELLED_WORDS);
const SHARE_WORDS = new FirstWords(["third", "quarter", "fifth", "half", "majority"]);
const RANK_WORDS = new FirstWords(["largest", "biggest", "leading", "highest", "lowest", "worst", "best", "most", "fastest", "greatest", "rank"]);
const MULTIPLE_WORDS = new FirstWords(["twice", "double", "triple", "quadruple", "fold", "x", "times"]);
const COUNT_NOUN_WORDS = new FirstWords(COUNT_NOUNS.split("|").map((n) => n.split(" ")[0]));

/** A digit, or a run of letters that opens with a number word: what a number of SHARE can be read from. */
const numberAt = (text: string, s: Start | undefined) => !!s && (s.end === s.at || NUMBER_WORDS.opensAt(text, s.at, s.end, s));

/** Is the run text[at, end) the ASCII word `w` (lower case), in any case? ("in" and "out" have no other case forms.) */
function isWord(text: string, at: number, end: number, w: string): boolean {
  if (end - at !== w.length) return false;
  for (let i = 0; i < w.length; i++) if ((text.charCodeAt(at + i) | 32) !== w.charCodeAt(i)) return false;
  return true;
}

/**
 * A share: "a third", "half of", "the majority of", "two-thirds" (a run opening with one of
 * SHARE_WORDS), or "3 in 10", "one out of five": "in" or "out" between numbers.
 */
function shareAt(text: string, starts: Start[], k: number): boolean {
  const s = starts[k];
  if (SHARE_WORDS.opensAt(text, s.at, s.end, s)) return true;
  if (!isWord(text, s.at, s.end, "in") && !isWord(text, s.at, s.end, "out")) return false;
  return numberAt(text, starts[k - 1]) && (numberAt(text, starts[k + 1]) || numberAt(text, starts[k + 2]));
}

const rankAt = (text: string, starts: Start[], k: number) => RANK_WORDS.opensAt(text, starts[k].at, starts[k].end, starts[k]);

/** "twice", "3x", "two-fold", or a number word with "fold" or "x" run into it ("twofold", "twox"). */
function multipleAt(text: string, starts: Start[], k: number): boolean {
  const s = starts[k];
  if (MULTIPLE_WORDS.opensAt(text, s.at, s.end, s)) return true;
  if (!NUMBER_WORDS.opensAt(text, s.at, s.end, s)) return false;
  const run = foldCase(text.slice(s.at, s.end));
  return run.includes("fold") || run.endsWith("x");
}

/** A count noun ("job" for "job losses"), or a capitalised word ending like "Americans", "Mexicanos", "Japanese". */
function countNounAt(text: string, starts: Start[], k: number): boolean {
  const { at, end } = starts[k];
  return COUNT_NOUN_WORDS.opensAt(text, at, end, starts[k]) || (end - at >= 5 && demonymEnd(text, end));
}

/** Does a run ending at `end` end like "Americans", "Mexicanos", "Berliners" or "Japanese"? Read from its last letter first. */
function demonymEnd(text: string, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 101) return text.endsWith("ese", end); // e
  return last === 115 && (text.endsWith("ans", end) || text.endsWith("ers", end) || text.endsWith("enos", end)); // s
}

export const FIGURE_SCANS = {
  percent: new StartScan(PERCENT, SPELLED_WORDS),
  share: new StartScan(SHARE, [...QUALIFIERS, ...SPELLED_WORDS, "a", "one", "half", "the", "majority", "two", "three"], true, shareAt),
  rank: new StartScan(RANK, [...ORDINALS, "ranked", "ranking"], true, rankAt),
  multiple: new StartScan(MULTIPLE, [...QUALIFIERS, ...SPELLED_WORDS, "twice", "double", "triple", "quadruple"], true, multipleAt),
  count: new StartScan(COUNT, [...QUALIFIERS, ...SPELLED_WORDS, "tens", "hundreds", "thousands", "millions", "billions"], true, countNounAt),
};
/** The patterns themselves, for tests that compare the scans with them. */
export const FIGURE_PATTERNS = { percent: PERCENT, share: SHARE, rank: RANK, multiple: MULTIPLE, count: COUNT };

const SCALES: [RegExp, number][] = [
  [/^(?:trillion|t)$/i, 1e12],
  [/^(?:billion|bn|b|milliards?|miliardi|mrd\.?|md|mil millones|bilhões|milliarden)$/i, 1e9],
  [/^(?:mn|m|mil|mio\.?|millones|milioni|millions?|milhões|millionen)$/i, 1e6],
  [/^(?:thousand|k)$/i, 1e3],
];
const CURRENCIES: [RegExp, string][] = [
  [/US\s?\\?\$|USD|dollars?|\\?\$/i, "USD"],
  [/€|EUR|Md€|M€/i, "EUR"],
  [/£|GBP|pounds/i, "GBP"],
  [/¥|JPY|yen/i, "JPY"],
  [/CNY|RMB|yuan/i, "CNY"],
  [/Ps\.|MXN|pesos/i, "MXN"],
  [/R\\?\$/i, "BRL"],
  [/C\\?\$/i, "CAD"],
  [/A\\?\$/i, "AUD"],
  [/CHF|francs/i, "CHF"],
  [/₹/i, "INR"],
];
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, a: 1, half: 0.5,
  third: 1 / 3, quarter: 0.25, fifth: 0.2, tens: 10, hundreds: 100, thousands: 1000, millions: 1e6, billions: 1e9,
};

/** Parses "1,699,128", "228.1", "40,6" (decimal comma), "1.234.567" (dot groups). */
export function parseNumber(s: string): number {
  const t = s.replace(/[\u00A0 ]/g, "");
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  if (/^\d+,\d{1,2}$/.test(t)) return Number(t.replace(",", "."));
  return Number(t.replace(/,/g, ""));
}

function spelledValue(s: string): number | undefined {
  const parts = s.toLowerCase().split("-");
  let v = 0;
  for (const p of parts) {
    const n = WORD_NUMBERS[p];
    if (n === undefined) return undefined;
    v += n;
  }
  return v;
}

// toLocaleString builds a formatter per call; these are the same formatters, built once.
const INT_FORMAT = new Intl.NumberFormat("en-US");
const DEC_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
const fmt = (n: number) => (Number.isInteger(n) ? formatInteger(n) : DEC_FORMAT.format(Number(n.toPrecision(12))));

/**
 * INT_FORMAT.format(n) for an integer: digits grouped by threes with commas. Below 1e21 (where
 * String(n) has no exponent) the grouping is done here; Intl's formatter is slow per call,
 * and most figures are integers.
 */
export function formatInteger(n: number): string {
  if (!(Math.abs(n) < 1e21) || Object.is(n, -0)) return INT_FORMAT.format(n);
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return n < 0 ? "-" + out : out;
}

function scaleOf(s: string): number {
  const m = /(trillion|billion|thousand|milliards?|miliardi|millones|milioni|millions?|bn|mn|mio\.?|mrd\.?|Md€|M€|md|mil|[MBKT])(?![\p{L}])/iu.exec(s);
  if (!m) return 1;
  if (/^Md€$/i.test(m[1])) return 1e9;
  if (/^M€$/i.test(m[1])) return 1e6;
  for (const [re, v] of SCALES) if (re.test(m[1])) return v;
  return 1;
}

function currencyOf(s: string): string | undefined {
  for (const [re, c] of CURRENCIES) if (re.test(s)) return c;
  return undefined;
}

const NUM_ALL = new RegExp(NUM, "g");
const SPELLED_ALL = new RegExp(SPELLED, "gi");

function numbersIn(s: string): number[] {
  const out: number[] = [];
  for (const m of execAll(NUM_ALL, s)) out.push(parseNumber(m[0]));
  if (!out.length) {
    for (const m of execAll(SPELLED_ALL, s)) {
      const v = spelledValue(m[0]);
      if (v !== undefined) out.push(v);
    }
  }
  return out;
}

// Every pattern above needs a digit, or one of these words after a non-letter: a cheap test
// that lets most sentences skip the seven scans.
// Without a right boundary a word also stands for the longer ones it opens ("six" for "sixty",
// "sixth"; "ten" for "tens", "tenth").
const HINT_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|twice|double|triple|quadruple|third|quarter|fifth|half|majority|second|ninth|twelfth|rank|thousands|millions|billions";
export const FIGURE_HINT = new RegExp(String.raw`\d|(?<!\p{L})(?:${HINT_WORDS})`, "iu");
const HINT_FIRST_WORDS = new FirstWords(HINT_WORDS.split("|"));
/** What makes the tokens unable to answer for FIGURE_HINT: a number other than an ASCII digit, or a letter that folds to ASCII. */
const NOT_BY_TOKENS = /[\p{N}\u017F\u212A]/u;

/**
 * FIGURE_HINT.test(text), answered from the text's words where it can be: a text without digits
 * (of any script), "ſ" or the Kelvin sign has its runs of letters exactly at its tokens, and a
 * hint word can only open one of them. The regex tries its lookbehind at every character and
 * cost a microsecond a sentence.
 */
export function hasFigureHint(text: string, tokens: Tokens): boolean {
  if (tokens.asciiDigit) return true;
  if (!tokens.ascii && NOT_BY_TOKENS.test(text)) return FIGURE_HINT.test(text);
  for (let i = 0; i < tokens.length; i++) if (HINT_FIRST_WORDS.opensAt(text, tokens.start(i), tokens.end(i))) return true;
  return false;
}

// Literals each pattern cannot match without: a sentence without them skips the scan. Under the
// patterns' i and u flags "ſ" also matches "s" and the Kelvin sign "k"; these hints spell that
// out ([sſ], [k\u212A]) so that they can drop the u flag, under which they took 1.7 times as long.
export const MONEY_HINT = /[$€£¥₹]|p[sſ]\.|u[sſ]d|eur|gbp|chf|jpy|cny|rmb|mxn|dollar|pe[sſ]o|yuan|yen|pound|franc/i;
const PERCENT_HINT = /%|percent|per cent|prozent|por ciento|pour cent|pontos percentuais|pp/iu;
const SCALED_HINT = /illion|milliard|millones|Mio\.|Mrd\./u;

/** All figure candidates in a stretch of text (with its tokens); offsets relative to `base`. `tick` runs once per match (see Tick). */
export function scanFigures(text: string, base: number, tokens: Tokens, tick: Tick = () => {}): RawFigure[] {
  if (!hasFigureHint(text, tokens)) return [];
  /** Sorted by start, never overlapping: the first pattern to claim a stretch keeps it. */
  let found: RawFigure[] = [];
  /** The current pattern's figures that overlap none found before it (its matches never overlap one another). */
  let taken: RawFigure[] = [];
  const add = (m: RegExpExecArray | RegExpMatchArray, kind: FigureKind) => {
    tick();
    const start = base + (m.index ?? 0);
    const end = start + m[0].length;
    const at = firstEndingAfter(found, start);
    if (at < found.length && found[at].start < end) return; // overlaps a figure already found
    const raw = m[0];
    const nums = numbersIn(raw);
    let value = nums[0] ?? NaN;
    let valueTo = nums.length > 1 && kind !== "count" ? nums[1] : undefined;
    let currency: string | undefined;
    let unit: string | undefined;
    let normalised: string;
    switch (kind) {
      case "money": {
        const scale = scaleOf(raw.replace(/^\D*\d[\d.,\s]*/, (x) => x.replace(/[MBKT]$/, "")));
        value *= scale;
        if (valueTo !== undefined) valueTo *= scale;
        currency = currencyOf(raw) ?? "USD";
        normalised = `${fmt(value)}${valueTo !== undefined ? `–${fmt(valueTo)}` : ""} ${currency}`;
        break;
      }
      case "percent":
        if (Number.isNaN(value)) value = spelledValue(raw.split(/\s/)[0]) ?? NaN;
        unit = /points?|pp|punkte|pontos/i.test(raw) ? "pp" : "%";
        normalised = `${fmt(value)}${valueTo !== undefined ? `–${fmt(valueTo)}` : ""}${unit === "pp" ? " percentage points" : "%"}`;
        break;
      case "multiple": {
        // eslint-disable-next-line regexp/no-super-linear-move -- `raw` is one figure match, its spaces single
        const w = /twice|double/i.test(raw) ? 2 : /triple/i.test(raw) ? 3 : /quadruple/i.test(raw) ? 4 : (nums[0] ?? spelledValue(raw.replace(/\s*(?:times|x|-?fold).*$/i, "").split(/\s/).pop() ?? "") ?? NaN);
        value = w;
        valueTo = undefined;
        normalised = `×${fmt(value)}`;
        break;
      }
      case "growth":
        normalised = raw;
        break;
      default: {
        // counts and shares
        const lower = raw.toLowerCase();
        if (/\b(?:in|out of)\b/.test(lower)) {
          // eslint-disable-next-line regexp/no-super-linear-move -- `lower` is one figure match
          const parts = lower.replace(/^(?:nearly|almost|about|more than|over|roughly|around|less than|at least)\s+/, "").split(/\s+(?:in|out of)\s+/);
          const a = numbersIn(parts[0])[0] ?? spelledValue(parts[0]) ?? NaN;
          const b = numbersIn(parts[1] ?? "")[0] ?? spelledValue(parts[1] ?? "") ?? NaN;
          value = (100 * a) / b;
          valueTo = undefined;
          unit = "share";
          normalised = `${fmt(Math.round(value * 10) / 10)}% (${a} in ${b})`;
          kind = "percent";
        } else if (/third|quarter|fifth|half|majority/.test(lower)) {
          value = /two[- ]thirds/.test(lower) ? 66.7 : /three[- ]quarters/.test(lower) ? 75 : /third/.test(lower) ? 33.3 : /quarter/.test(lower) ? 25 : /fifth/.test(lower) ? 20 : 50;
          unit = "share";
          normalised = /majority/.test(lower) ? "> 50%" : `${value}%`;
          kind = "percent";
        } else if (/largest|biggest|leading|highest|lowest|worst|best|most|fastest|greatest|ranked|ranking/.test(lower)) {
          value = numbersIn(lower)[0] ?? spelledValue(lower.match(/second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth/)?.[0] ?? "") ?? NaN;
          if (Number.isNaN(value)) value = ({ second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 } as Record<string, number>)[lower.match(/second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth/)?.[0] ?? ""] ?? NaN;
          unit = "rank";
          normalised = `rank ${value}`;
        } else {
          const vague = /^(tens|hundreds|thousands|millions|billions)\s+of/.exec(lower);
          // eslint-disable-next-line regexp/no-super-linear-move -- `raw` is one figure match
          value = vague ? WORD_NUMBERS[vague[1]] * (/of\s+(thousands)/.test(lower) ? 1e3 : /of\s+(millions)/.test(lower) ? 1e6 : 1) : value * scaleOf(raw.replace(/[\p{L}\s]+$/u, (x) => (/(?:trillion|billion|million|thousand)/i.test(x) ? x : "")));
          const spelledScale = /^(\w+(?:-\w+)?)\s+(thousand|million|billion)/.exec(lower);
          // Only spelled numbers ("two million"); digits ("21 million") were scaled above.
          const spelledNumber = spelledScale ? spelledValue(spelledScale[1]) : undefined;
          if (spelledScale && spelledNumber !== undefined) value = spelledNumber * scaleOf(spelledScale[2]);
          const last = raw.split(/\s+/).pop() ?? "";
          // A scale word already multiplied the value: "700 million" is 700,000,000, not "700,000,000 million".
          unit = COUNT_NOUN_AT_END.exec(lower)?.[0] ?? (/^(?:trillion|billion|million|thousand|milliards?|millones|mio\.?|mrd\.?)$/i.test(last) ? undefined : last);
          normalised = `${vague ? "≥ " : ""}${fmt(value)} ${unit ?? ""}`.trim();
        }
      }
    }
    taken.push({ start, end, text: raw, kind, value, valueTo, currency, unit, normalised });
  };
  /** Each pattern's matches, left to right, then merged with those found before (one pass, not an insertion per figure). */
  const scan = (matches: RegExpExecArray[], kind: FigureKind) => {
    for (const m of matches) add(m, kind);
    if (taken.length) found = mergeByStart(found, taken);
    taken = [];
  };
  if (MONEY_HINT.test(text)) scan(execAll(MONEY, text), "money");
  const starts = startsInTokens(text, tokens);
  if (PERCENT_HINT.test(text)) scan(FIGURE_SCANS.percent.exec(text, starts), "percent");
  scan(FIGURE_SCANS.share.exec(text, starts), "count");
  scan(FIGURE_SCANS.rank.exec(text, starts), "count");
  scan(FIGURE_SCANS.multiple.exec(text, starts), "multiple");
  scan(FIGURE_SCANS.count.exec(text, starts), "count");
  if (SCALED_HINT.test(text)) scan(execAll(SCALED, text), "count");
  return found.filter((f) => !isNotAFigure(text, f.start - base, f.end - base, f));
}

/** Two lists of figures sorted by start, as one. */
function mergeByStart(a: RawFigure[], b: RawFigure[]): RawFigure[] {
  if (!a.length) return b;
  const out: RawFigure[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].start <= b[j].start ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * In figures sorted by start that never overlap (so their ends are sorted too), the index of the
 * first that ends after `start`: the only one a figure from `start` on can overlap first. The
 * patterns run one after another, so a figure can land anywhere among those found; a scan of
 * them all per figure was quadratic in a sentence of thousands of figures.
 */
const firstEndingAfter = (found: RawFigure[], start: number) => firstReached(found.length, (i) => found[i].end > start);

/** Dates, years, versions, phones, tickers, list numbers and codes are not statistics. */
function isNotAFigure(text: string, from: number, to: number, f: RawFigure): boolean {
  const before = text.slice(Math.max(0, from - 30), from);
  const after = text.slice(to, to + 20);
  const raw = f.text;
  if (/[\p{L}\d_/@-]$/u.test(before) && !/[$€£¥]/.test(raw[0]) && !/^(?:more|over|nearly|about|almost|around|roughly|a|one|half|the|twice|double|triple|tens|hundreds|thousands|millions)\b/i.test(raw)) {
    // glued to letters or a code: "GEO-CM04S1", "COVID-19", "v1.5", "4Q05"
    if (/[\p{L}\d_/@]$/u.test(before) || /-$/.test(before)) return true;
  }
  if (/^[\p{L}\d]/u.test(after) && f.kind !== "count") return true;
  if (/(?:https?:\/\/|www\.)\S*$/.test(before)) return true;
  if (/\b(?:version|release|v\.?|rule|section|item|article|form|exhibit|no\.|number|phone|tel\.?|fax)\s*$/i.test(before)) return true;
  if (/^\s*(?:-rc\d|\.\d)/.test(after)) return true;
  if (f.kind === "count" && /^\d{4}$/.test(raw.split(/\s/)[0]) && /^(?:19|20)\d\d$/.test(raw.split(/\s/)[0])) return true;
  return false;
}

export type { Figure };
