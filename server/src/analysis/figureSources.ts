// Decides whose each figure is: a named source in its sentence or attributed context, the
// issuer's own fact (first-party), or nobody (a world statistic without a source).
import type { Figure, ReleaseModel, Sentence } from "./types";
import type { Tokens } from "./phrases";
import type { SentenceVoice } from "./attribution";
import { scanFigures, type RawFigure } from "./figures";
import type { AnalysisMemo } from "./memo";
import { isOrganisation } from "./names";
import { LookbehindFirst } from "./lookbehindFirst";

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

/** "compound annual growth rate (CAGR)": the parenthesis spells out the words before it. */
function definesAcronym(before: string, inner: string): boolean {
  if (!/^[A-Z][A-Za-z&]{1,7}$/.test(inner)) return false;
  const letters = inner.replace(/[^A-Za-z]/g, "").toLowerCase();
  const words = before.trim().split(/[\s-]+/).slice(-letters.length - 2);
  const initials = words.map((w) => w[0]?.toLowerCase() ?? "").join("");
  return initials.includes(letters.slice(0, Math.max(2, letters.length - 1)));
}
const ISSUER_PRONOUNS = /\b(?:we|our|the company|the firm|the group|la compañía|la empresa|l'entreprise|la société|das unternehmen)\b/i;

export function findFigures(model: ReleaseModel, voices: SentenceVoice[], tokens: (s: Sentence) => Tokens, memo?: AnalysisMemo): Figure[] {
  const figures: Figure[] = [];
  const resultsRelease = RESULTS_RELEASE.test(model.headline?.text ?? "") || RESULTS_RELEASE.test(model.text.slice(0, 1500));
  const issuerRe = model.issuers.length
    ? new RegExp(model.issuers.map((i) => i.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i")
    : null;
  // What figuresInContext depends on besides the sentence: part of the memo step's name.
  const step = `figures${resultsRelease ? 1 : 0}${model.issuers.join("\u0002")}`;
  let lastDocSource: string | undefined;
  for (let si = 0; si < model.sentences.length; si++) {
    const s = model.sentences[si];
    const p = model.paragraphs[s.paragraph];
    const voice = voices[si];
    const a = voice.attribution;
    if (a && (a.sourceType === "document" || a.sourceType === "organisation")) lastDocSource = a.source;
    if (p.boilerplate || p.heading || p === model.headline || p === model.subheadline || model.stockSentences.has(si)) continue;
    const context = memo ? memo.get(step, s.text, (t) => figuresInContext(t, tokens(s), issuerRe, resultsRelease)) : figuresInContext(s.text, tokens(s), issuerRe, resultsRelease);
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
function figuresInContext(text: string, tokens: Tokens, issuerRe: RegExp | null, resultsRelease: boolean): { figure: RawFigure; paren?: string; firstPartyWithoutSource: boolean }[] {
  const raws = scanFigures(text, 0, tokens);
  if (!raws.length) return [];
  // Each context test runs only when a decision below needs it (they are sentence-long scans).
  let mentionsIssuer: boolean | undefined;
  let firstPartyWords: boolean | undefined;
  let worldWords: boolean | undefined;
  const issuerMentioned = () => (mentionsIssuer ??= (issuerRe?.test(text) ?? false) || ISSUER_PRONOUNS.test(text));
  return raws.map((r) => {
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
    return { figure: r, paren: parenthesisSource(text, r.start, r.end), firstPartyWithoutSource: firstParty };
  });
}

/** A source in parentheses right after the figure or closing its sentence: "(Experian)", "(Source: BLS)". */
function parenthesisSource(sentence: string, from: number, to: number): string | undefined {
  if (!sentence.includes("(")) return undefined; // most sentences: no scan
  for (const m of sentence.matchAll(PAREN_SOURCE)) {
    const idx = m.index ?? 0;
    const inner = m[1].trim();
    const near = idx >= to && idx - to < 80;
    const closing = /^[\s.;,]*$/.test(sentence.slice(idx + m[0].length));
    if (!near && !closing) continue;
    if (idx < from) continue;
    const follows = sentence.slice(idx + m[0].length);
    if (!/^\s*(?:[.,;:)\]]|$|and\b|while\b|but\b)/.test(follows)) continue;
    if (NOT_SOURCES.test(inner) || definesAcronym(sentence.slice(0, idx), inner)) continue;
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- `inner` is at most 100 characters (PAREN_SOURCE)
    if (/^(?:sources?:)/i.test(m[0].slice(1)) || (/^[\p{Lu}]/u.test(inner) && (isOrganisation(inner) || /&|\b(?:Bank|Bureau|Reserve|Census|Survey|Report)\b/.test(inner) || /^(?:[\p{Lu}][\p{L}.'’-]*\s?){1,5}$/u.test(inner)) && !/\d{3,}/.test(inner)))
      return inner.replace(/^sources?:\s*/i, "");
  }
  return undefined;
}
