// Decides whose each figure is: a named source in its sentence or attributed context, the
// issuer's own fact (first-party), or nobody (a world statistic without a source).
import type { Figure, ReleaseModel, Sentence, Tick } from "./types";
import type { Tokens } from "./phrases";
import type { SentenceVoice } from "./attribution";
import { scanFigures, type RawFigure } from "./figures";
import type { AnalysisMemo } from "./memo";
import { isOrganisation } from "./names";
import { LookbehindFirst } from "./lookbehindFirst";
import { isWhitespace } from "./charClass";
import { firstReached } from "./sorted";

const WORLD_CONTEXT = new RegExp(
  String.raw`(?<![\p{L}])(?:(?<!(?:developed|developing|emerging|international|domestic|key|core|all|our|its|new|end|certain|some)\s)markets?|industry|industries|global|globally|worldwide|world'?s?|nationwide|nation'?s|countries|americans|population|people|adults|children|consumers|households|economy|economic|trade|exports?|imports?|gdp|consumer spending|(?:consumer|household|national|personal|credit card|student|public) debt|deaths?|suicides?|poverty|job losses|workforce|workers|cities|demand|supply|production|reserves|patients|(?:unemployment|poverty|suicide|mortality|death|birth|inflation|adoption|participation|recovery|growth) rates?|metro|metropolitan|residents|angelenos|fatalities|injuries|lives|biotech|e-?commerce|jobs?|job destruction|market share|share of (?:the )?(?:market|world|global|u\.s\.)|cagr|projected to|expected to (?:reach|grow|double|triple)|by 20\d\d|leading cause|average american|u\.s\. adults|mercado|marché|markt|märkte|secteur|sector|sectors|branche|bedarf|nachfrage|commodit(?:y|ies)|metals?|silver|gold|copper|oil|ounces|mine supply|superannuation|pension funds|inflation|australians|canadians|europeans|britons|germans|français|deutschen|españoles|italiani|brasileiros|citizens|voters|shoppers|respondents|students|teachers|doctors|nurses|farmers|drivers|homeowners|renters)(?![\p{L}])`,
  "iu",
);
/** Earnings and results releases: their figures are the issuer's own unless they speak of the world. */
export const RESULTS_RELEASE = new LookbehindFirst(/(?<![\p{L}])(?:results|earnings|quarter|quarterly|fiscal|ebitda|net income|ergebnis(?:se)?|umsatz|résultats|chiffre d'affaires|resultados|risultati|financial results)(?![\p{L}])/iu);
const FIRST_PARTY_CONTEXT =
  /\b(?:revenues?|net (?:income|loss|sales|revenue)|earnings|eps|per (?:diluted |basic )?share|quarter|quarterly|fiscal|operating|cash|expenses|margin|ebitda|dividends?|shares|guidance|outlook|funding|financing|raised|raises|round|seed|series [a-e]|grants?|awarded|award(?:s|ed)?|price[ds]?|valuation|investment|contract|backlog|our|we|the company|company's|employees|customers|stores|offering|proceeds|loans?|program|programme|budget|funds|subscriptions?|bookings|gross profit|income|loss|sales|liquidity|assets|liabilities|debt reduction|capital expenditures?|buyback|repurchase|billings|orders|deliveries|headcount|users grew|recaudó|ingresos|chiffre d'affaires|umsatz)\b/i;
const PAREN_SOURCE = /\((?:sources?:\s*)?([^()]{2,100})\)/g;
const NOT_SOURCES = /^(?:CAGR|YoY|GAAP|EPS|EBITDA|USD|EUR|ARR|MRR|TAM|AI|B2B|B2C|IPO|R&D|KPI|ROI|est\.?|approx\.?)$/i;

/**
 * "compound annual growth rate (CAGR)": the parenthesis spells out the words before it.
 * `initialsBefore(n)`: the first characters of the last n words before it (see PartInitials).
 */
function definesAcronym(initialsBefore: (n: number) => string[], inner: string): boolean {
  if (!/^[A-Z][A-Za-z&]{1,7}$/.test(inner)) return false;
  const letters = inner.replace(/[^A-Za-z]/g, "").toLowerCase();
  const initials = initialsBefore(letters.length + 2)
    .map((c) => c.toLowerCase())
    .join("");
  return initials.includes(letters.slice(0, Math.max(2, letters.length - 1)));
}

const isPartSeparator = (c: number) => c === 45 /* - */ || isWhitespace(c);

/**
 * The first characters of the words of a text's beginnings, for any beginning: what
 * text.slice(0, at).trim().split(/[\s-]+/).map((w) => w[0] ?? "") gives. Where each word
 * starts is found once; splitting the text before each parenthesis of a sentence made the
 * parentheses cost the square of its length.
 */
export class PartInitials {
  /** Where each run of characters other than whitespace and "-" starts, in order. */
  private readonly starts: number[] = [];
  /** Where text.trim() starts. */
  private readonly first: number;

  constructor(private readonly text: string) {
    let first = 0;
    while (first < text.length && isWhitespace(text.charCodeAt(first))) first++;
    this.first = first;
    for (let k = first; k < text.length; k++) if (!isPartSeparator(text.charCodeAt(k)) && (k === 0 || isPartSeparator(text.charCodeAt(k - 1)))) this.starts.push(k);
  }

  /** text.slice(0, at).trim().split(/[\s-]+/).slice(-n).map((w) => w[0] ?? ""), for n ≥ 1. */
  lastBefore(at: number, n: number): string[] {
    const { text, first, starts } = this;
    let end = Math.min(at, text.length);
    while (end > first && isWhitespace(text.charCodeAt(end - 1))) end--;
    if (end <= first) return [""]; // "".split(…) is [""]
    // Read from the end: an empty word after a final "-", the words starting before `end`, an empty word before an initial "-".
    const out: string[] = [];
    if (text.charCodeAt(end - 1) === 45) out.push("");
    const before = firstReached(starts.length, (k) => starts[k] >= end);
    for (let k = before - 1; k >= 0 && out.length < n; k--) out.push(text[starts[k]]);
    if (out.length < n && text.charCodeAt(first) === 45) out.push("");
    return out.slice(0, n).reverse();
  }
}
const ISSUER_PRONOUNS = /\b(?:we|our|the company|the firm|the group|la compañía|la empresa|l'entreprise|la société|das unternehmen)\b/i;

/** `tick` runs once per sentence and once per figure candidate (see Tick). */
export function findFigures(model: ReleaseModel, voices: SentenceVoice[], tokens: (s: Sentence) => Tokens, memo?: AnalysisMemo, tick: Tick = () => {}): Figure[] {
  const figures: Figure[] = [];
  const resultsRelease = RESULTS_RELEASE.test(model.headline?.text ?? "") || RESULTS_RELEASE.test(model.text.slice(0, 1500));
  const issuerRe = model.issuers.length
    ? new RegExp(model.issuers.map((i) => i.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i")
    : null;
  // What figuresInContext depends on besides the sentence: part of the memo step's name.
  const step = `figures${resultsRelease ? 1 : 0}${model.issuers.join("\u0002")}`;
  let lastDocSource: string | undefined;
  for (let si = 0; si < model.sentences.length; si++) {
    tick();
    const s = model.sentences[si];
    const p = model.paragraphs[s.paragraph];
    const voice = voices[si];
    const a = voice.attribution;
    if (a && (a.sourceType === "document" || a.sourceType === "organisation")) lastDocSource = a.source;
    if (p.boilerplate || p.heading || p === model.headline || p === model.subheadline || model.stockSentences.has(si)) continue;
    const context = memo ? memo.get(step, s.text, (t) => figuresInContext(t, tokens(s), issuerRe, resultsRelease, tick)) : figuresInContext(s.text, tokens(s), issuerRe, resultsRelease, tick);
    for (const { figure, paren, firstPartyWithoutSource } of context) {
      const r = figure;
      let source: string | undefined;
      let sourceVia: Figure["sourceVia"];
      if (a && !voice.vague.length) {
        source = a.source;
        sourceVia = a.via;
      } else if (a && voice.vague.length && a.via === "cue") {
        source = a.source;
        sourceVia = a.via;
      }
      if (!source && paren) {
        source = paren;
        sourceVia = "cue";
      }
      let firstParty = false;
      if (!source) {
        firstParty = firstPartyWithoutSource;
        if (firstParty) {
          source = model.issuers[0] ?? "the issuer";
          sourceVia = "issuer";
        }
      }
      // Every field spelled out: one object shape for all figures (a spread here was the hottest line).
      figures.push({
        start: r.start + s.start, end: r.end + s.start, text: r.text, kind: r.kind, value: r.value, valueTo: r.valueTo, currency: r.currency, unit: r.unit,
        normalised: r.normalised, source, sourceVia, firstParty, likelySource: source ? undefined : lastDocSource, sentence: si,
      });
    }
  }
  return figures;
}

/**
 * The figures of one sentence (offsets in the sentence) with what its text alone says of them:
 * a source in parentheses, and whether the figure is the issuer's own when nobody is cited.
 */
function figuresInContext(text: string, tokens: Tokens, issuerRe: RegExp | null, resultsRelease: boolean, tick: Tick): { figure: RawFigure; paren?: string; firstPartyWithoutSource: boolean }[] {
  const raws = scanFigures(text, 0, tokens, tick);
  if (!raws.length) return [];
  // Each context test runs only when a decision below needs it (they are sentence-long scans).
  let mentionsIssuer: boolean | undefined;
  let firstPartyWords: boolean | undefined;
  let worldWords: boolean | undefined;
  const issuerMentioned = () => (mentionsIssuer ??= (issuerRe?.test(text) ?? false) || ISSUER_PRONOUNS.test(text));
  const parens = new ParenthesisSources(text);
  return raws.map((r) => {
    tick();
    const local = text.slice(Math.max(0, r.start - 60), r.end + 60);
    let localWorldValue: boolean | undefined;
    const localWorld = () => (localWorldValue ??= WORLD_CONTEXT.test(local));
    let firstParty = false;
    if (r.unit === "rank" || r.kind === "multiple") firstParty = issuerMentioned() && !localWorld();
    else if (issuerMentioned() && !localWorld()) firstParty = true;
    else if (FIRST_PARTY_CONTEXT.test(local) && !localWorld()) firstParty = true;
    // Without world context a figure is taken as the issuer's own: precision first.
    else if (!(worldWords ??= WORLD_CONTEXT.test(text)) && !(r.kind === "count" && r.unit && WORLD_CONTEXT.test(r.unit))) firstParty = true;
    else if (resultsRelease && (firstPartyWords ??= FIRST_PARTY_CONTEXT.test(text)) && !localWorld()) firstParty = true;
    return { figure: r, paren: parens.for(r.start, r.end), firstPartyWithoutSource: firstParty };
  });
}

interface Parenthesis {
  /** Where it opens and closes (after the ")"). */
  at: number;
  end: number;
  /** What PAREN_SOURCE matched, and its inner text trimmed. */
  match: string;
  inner: string;
  /** The source it names, once asked; null for none. */
  source?: string | null;
}

/**
 * The parentheses of one sentence that may name a source for its figures: "(Experian)",
 * "(Source: BLS)". Read once per sentence; each figure then looks only at those that can
 * apply to it, and what a parenthesis names is worked out once for all of them. Read again
 * for every figure, a sentence of thousands of figures took time quadratic in its length.
 */
class ParenthesisSources {
  private readonly parens: Parenthesis[] = [];
  /** The sentence's words' initials, once an acronym asks for them. */
  private initials: PartInitials | undefined;
  /** The last parenthesis, when only spaces and . ; , follow it (no other can "close" the sentence: the next one's "(" follows it). */
  private readonly closing: number = -1;

  constructor(private readonly sentence: string) {
    if (!sentence.includes("(")) return; // most sentences: no scan
    for (const m of sentence.matchAll(PAREN_SOURCE)) {
      const at = m.index ?? 0;
      this.parens.push({ at, end: at + m[0].length, match: m[0], inner: m[1].trim() });
    }
    const last = this.parens.length - 1;
    if (last >= 0 && /^[\s.;,]*$/.test(sentence.slice(this.parens[last].end))) this.closing = last;
  }

  /**
   * The source for the figure at [from, to): the first parenthesis, in the order of the text,
   * that opens at or after the figure's start and either opens within 80 characters after its
   * end or closes the sentence, and that names a source.
   */
  for(from: number, to: number): string | undefined {
    const { parens, closing } = this;
    if (!parens.length) return undefined;
    const closingAt = closing >= 0 ? parens[closing].at : -1;
    // The closing one, when it opens before the figure's end (inside the figure): it comes first.
    if (closingAt >= from && closingAt < to) return this.sourceOf(closing);
    let k = firstOpeningAt(parens, to);
    for (; k < parens.length && parens[k].at - to < 80; k++) {
      const named = this.sourceOf(k);
      if (named !== undefined) return named;
    }
    // The closing one, when it is further than that.
    return closing >= k ? this.sourceOf(closing) : undefined;
  }

  private sourceOf(k: number): string | undefined {
    const p = this.parens[k];
    if (p.source === undefined) p.source = this.names(p) ?? null;
    return p.source ?? undefined;
  }

  private names({ at, end, match, inner }: Parenthesis): string | undefined {
    const follows = this.sentence.slice(end);
    if (!/^\s*(?:[.,;:)\]]|$|and\b|while\b|but\b)/.test(follows)) return undefined;
    if (NOT_SOURCES.test(inner) || definesAcronym((n) => (this.initials ??= new PartInitials(this.sentence)).lastBefore(at, n), inner)) return undefined;
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- `inner` is at most 100 characters (PAREN_SOURCE)
    if (/^(?:sources?:)/i.test(match.slice(1)) || (/^[\p{Lu}]/u.test(inner) && (isOrganisation(inner) || /&|\b(?:Bank|Bureau|Reserve|Census|Survey|Report)\b/.test(inner) || /^(?:[\p{Lu}][\p{L}.'’-]*\s?){1,5}$/u.test(inner)) && !/\d{3,}/.test(inner)))
      return inner.replace(/^sources?:\s*/i, "");
    return undefined;
  }
}

/** In parentheses sorted by where they open, the index of the first that opens at or after `at`. */
const firstOpeningAt = (parens: Parenthesis[], at: number) => firstReached(parens.length, (k) => parens[k].at >= at);
