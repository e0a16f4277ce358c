// Who stands behind each sentence: reporting cues with named subjects, quotes and their
// speakers, continuations and pronouns within a paragraph, documents and organisations
// as sources, and vague cues that name nobody.
import type { Attribution, Paragraph, Quote, Sentence, Span, Speaker, Tick } from "./types";
import { PhraseSet, vocabularyNumber, type Tokens } from "./phrases";
import type { AnalysisMemo } from "./memo";
import { alternation, DOCUMENT_VERBS, PARTICIPLE_CUES, REPORTING_VERBS, SOURCE_PREPOSITIONS, VAGUE_PHRASES, VAGUE_SUBJECTS } from "./lexicon";
import { classSuffixStart, isWhitespace, letterOrSpaceAt } from "./charClass";
import { LookbehindFirst } from "./lookbehindFirst";
import { isNameLike, isOrganisation, nameAtEnd, nameAtStart, resolveName, stripTitles } from "./names";

export interface VagueCue extends Span {
  cue: string;
  sentence: number;
}

/** What the attribution pass learns about each sentence. */
export interface SentenceVoice {
  attribution?: Attribution;
  vague: VagueCue[];
  /** Share of the sentence inside quotation marks (0..1). */
  quoted: number;
}

export interface AttributionResult {
  voices: SentenceVoice[];
  attributions: Attribution[];
  quotes: Quote[];
  speakers: Speaker[];
}

const CONTINUES_SPEECH = /^[“"‘]|^(?:he|she|they)\s+(?:also|further|then)\b/i;
const BY_VERBS = ["conducted", "commissioned", "published", "released", "carried out", "fielded", "compiled", "collected"];
/** "by", whose word number tells a sentence worth the CONDUCTED_BY scan. */
const BY = vocabularyNumber("by");
export const CONDUCTED_BY = new LookbehindFirst(new RegExp(String.raw`(?<![\p{L}])(?:survey|study|poll|report|analysis|research|data|census)\s+(?:[\p{Ll}-]+\s+)?(?:${BY_VERBS.join("|")})\s+by\s+(?:the\s+)?([\p{Lu}][^,;:.()]{1,80})`, "u"));
const STRONG_PREPOSITION = /^(?:according\s+to|as\s+per|laut|zufolge|selon|d['’]après|según|de\s+acuerdo\s+con|secondo|stando\s+a|segundo|de\s+acordo\s+com)$/i;
const PRONOUN = /(?<![\p{L}])(he|she|they|er|sie|il|elle|él|ella|lui|lei|ele|ela)\s*$/iu;
const FIRST_PERSON = /(?<![\p{L}])(?:i|we)\s*$/iu;
// VERB_CHAIN and ADVERBS run on `before`, at most 220 characters before a cue. ADVERBS lists no
// "-ly" word: [\p{Ll}]+ly covers them, and two ways to read one word made it exponential.
// eslint-disable-next-line regexp/no-super-linear-move -- bounded input (≤ 220 characters)
const VERB_CHAIN = /\s+[\p{Ll}]+ed\s+and\s*$/u;
// eslint-disable-next-line regexp/no-super-linear-move -- bounded input (≤ 220 characters)
const ADVERBS = /(?:\s+(?:also|further|later|then|again|once again|today|earlier|has|have|had|would|will|both|[\p{Ll}]+ly))+\s*$/iu;
/** An appositive after a name: "Wang Yiwei, a professor at Renmin University of China, told". */
const APPOSITIVE_START = /^(?:a|an|the|who|which|our|its|his|her|chief|senior|former|co-founder|founder|president|ceo|head|director|professor)\b|^[\p{L}][\p{L}.'’-]*\s+(?:of|at|for|and|des|der|von|de|del|du|di|da)\b/iu;
const APPOSITIVE_TITLE = /\b(?:CEO|CFO|COO|CTO|President|Officer|Director|Founder|Co-Founder|Chairman|Chairwoman|Chair|Professor|Manager|Secretary|Minister|Head|Partner|Lead|Analyst|Economist|VP|Vice|Executive|Scientist|Researcher|Author|Editor|Spokesperson|Mayor|Governor|Senator|Councilmember|PhD|MD)\b/;

/** Drops the appositive before a cue, segment by segment (no regex over the whole tail). */
function stripAppositive(before: string): string {
  // eslint-disable-next-line regexp/no-super-linear-move -- `before` is at most 220 characters
  let rest = before.replace(/,?\s*$/, "");
  for (let k = 0; k < 2; k++) {
    const comma = rest.lastIndexOf(",");
    if (comma < 0) break;
    const segment = rest.slice(comma + 1).trim();
    if (segment.length > 140 || /[;:"“”]/.test(segment) || !(APPOSITIVE_START.test(segment) || APPOSITIVE_TITLE.test(segment))) break;
    // "…, Council President John Poe, and Councilmember Ann Loe": a titled person is a list item, not an appositive.
    const tail = nameAtEnd(segment);
    if (tail && !isOrganisation(tail) && stripTitles(tail).split(/\s+/).length >= 2 && !/^(?:a|an|the)\s/i.test(segment)) break;
    rest = rest.slice(0, comma);
  }
  return rest;
}
const DOC_SUBJECT = /(?<![\p{L}])(?:the|this|our|that|these|their|its)\s+(?:(?:new|latest|annual|full|recent|\d{4}|national|global)\s+)*(?:survey|study|report|research|analysis|findings|data|poll|paper|index|review)s?\s*$/iu;
const VAGUE_SUBJECT_AT_END = new RegExp(`(?<![\\p{L}])(?:(?:the|a|an|some|many|most|several|independent|other|leading|top)\\s+)?(?:${alternation(VAGUE_SUBJECTS)})\\s*$`, "iu");
const THE_COMPANY = /(?<![\p{L}])the\s+(?:company|firm|group|organi[sz]ation|agency|department|ministry|foundation|association)\s*$/iu;
/** The patterns subjectOf tries on the letters and whitespace that end `before` only (for tests that check they match there as on the whole). */
export const LETTERS_AT_END = { ADVERBS, VERB_CHAIN, PRONOUN, FIRST_PERSON, THE_COMPANY, VAGUE_SUBJECT_AT_END };

export interface AttributionOptions {
  reportingVerbs?: string[];
  fullNames: string[];
  issuers: string[];
  memo?: AnalysisMemo;
  /** A sentence's tokens (from the memo when there is one). */
  tokens: (s: Sentence) => Tokens;
  /** Once per sentence and per cue: polls for cancellation. */
  tick?: Tick;
}

interface CueHit {
  source?: string;
  sourceType?: Attribution["sourceType"];
  vague?: boolean;
  pronoun?: boolean;
  cue: string;
  cueSpan: Span;
  /** Start of the vague phrase ("Official data shows" starts at "Official"). */
  phraseStart: number;
  /** Further people in a list subject ("Mayor Karen Bass, Council President X and Y emphasized"). */
  others?: string[];
}

// The cue lists are matched by tokens (see phrases.ts); built once per set of extra reporting verbs.
type CueSets = Record<"verbs" | "participles" | "preps" | "docVerbs" | "vaguePhrases", PhraseSet>;
let cueCache: { key: string; sets: CueSets } | undefined;
function cueSets(extraVerbs: string[]): CueSets {
  const key = JSON.stringify(extraVerbs);
  if (cueCache?.key !== key) {
    const sets = {
      verbs: new PhraseSet([...REPORTING_VERBS, ...extraVerbs]),
      participles: new PhraseSet(PARTICIPLE_CUES),
      preps: new PhraseSet(SOURCE_PREPOSITIONS),
      docVerbs: new PhraseSet(DOCUMENT_VERBS),
      vaguePhrases: new PhraseSet(VAGUE_PHRASES),
    };
    cueCache = { key, sets };
  }
  return cueCache.sets;
}

/**
 * Spans kept so far, asked whether any meets [start, end) exactly as
 * `spans.some((v) => v.start < end && start < v.end)` would. A list while short; past 32 spans
 * (a sentence made of thousands of cues) a Fenwick tree of the furthest end by start, so the
 * check stays logarithmic instead of making the sentence quadratic.
 */
function spanSet(lo: number, hi: number) {
  const list: Span[] = [];
  const size = hi - lo + 2;
  let tree: Float64Array | undefined;
  let linearOnly = false;
  const put = (t: Float64Array, start: number, end: number) => {
    for (let i = start - lo + 1; i < size; i += i & -i) t[i] = Math.max(t[i], end);
  };
  return {
    meets(start: number, end: number): boolean {
      if (!tree) return list.some((v) => v.start < end && start < v.end);
      let furthest = -Infinity; // the furthest end among spans starting before `end`
      for (let i = Math.min(end - lo, size - 1); i > 0; i -= i & -i) furthest = Math.max(furthest, tree[i]);
      return start < furthest;
    },
    add(start: number, end: number): void {
      if (tree) return put(tree, start, end);
      list.push({ start, end });
      if (start < lo || start > hi) linearOnly = true;
      if (list.length > 32 && !linearOnly) {
        tree = new Float64Array(size).fill(-Infinity);
        for (const v of list) put(tree, v.start, v.end);
      }
    },
  };
}

export function attribute(paragraphs: Paragraph[], sentences: Sentence[], text: string, opts: AttributionOptions): AttributionResult {
  const tick = opts.tick ?? (() => {});
  const cues = cueSets(opts.reportingVerbs ?? []);
  const voices: SentenceVoice[] = sentences.map(() => ({ vague: [], quoted: 0 }));
  const attributions: Attribution[] = [];
  const quotes: Quote[] = [];
  const speakerMap = new Map<string, Speaker>();
  const firstSentence = new Map<number, number>();
  sentences.forEach((s, i) => { if (!firstSentence.has(s.paragraph)) firstSentence.set(s.paragraph, i); });

  // Resolving a short name compares it with every full name: once per name and set of full names.
  const resolved = new Map<string, string>();
  const resolveStep = `resolve${opts.fullNames.join("\u0002")}`;
  const resolve = (name: string) => {
    let full = resolved.get(name);
    if (full === undefined) {
      const compute = (n: string) => resolveName(n, opts.fullNames);
      resolved.set(name, (full = opts.memo ? opts.memo.get(resolveStep, name, compute) : compute(name)));
    }
    return full;
  };
  const typeOf = (name: string): Attribution["sourceType"] =>
    opts.issuers.some((i) => i && (name.includes(i) || i.includes(name))) ? "issuer" : isOrganisation(name) ? "organisation" : "person";
  const addSpeaker = (name: string, span: Span) => {
    let s = speakerMap.get(name);
    if (!s) speakerMap.set(name, (s = { name, statements: [], firstMention: span }));
    s.statements.push(span);
  };

  let lastPersonPrevParagraph: string | undefined;
  for (const p of paragraphs) {
    const first = firstSentence.get(p.index);
    if (first === undefined) continue;
    if (p.boilerplate || p.heading) continue;
    let lastNamed: { source: string; sourceType: Attribution["sourceType"] } | undefined;
    let lastDocument: string | undefined;
    const paraQuotes = opts.memo ? quotesFromMemo(opts.memo, p) : findQuotes(p);
    for (let si = first; si < sentences.length && sentences[si].paragraph === p.index; si++) {
      const s = sentences[si];
      const voice = voices[si];
      const inQuote = paraQuotes.reduce((n, q) => n + Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start)), 0);
      voice.quoted = inQuote / Math.max(1, s.end - s.start);
      tick();
      const hits = opts.memo ? cuesFromMemo(opts.memo, s, cues, paraQuotes, opts.tokens, tick) : findCues(s, cues, paraQuotes, opts.tokens(s), tick);
      let kept: ReturnType<typeof spanSet> | undefined; // made for sentences with a vague cue only
      for (const h of hits) {
        // Two paths can find the same vague cue ("Sources said"): keep one finding per span.
        if (h.vague && !(kept ??= spanSet(s.start, s.end)).meets(h.phraseStart, h.cueSpan.end)) {
          voice.vague.push({ start: h.phraseStart, end: h.cueSpan.end, cue: text.slice(h.phraseStart, h.cueSpan.end), sentence: si });
          kept.add(h.phraseStart, h.cueSpan.end);
        }
      }
      const named = hits.find((h) => h.source);
      const pronoun = hits.find((h) => h.pronoun);
      let att: Attribution | undefined;
      if (named?.source) {
        // Organisations keep their full name ("National Bureau of Statistics"); people resolve to theirs.
        const source = named.sourceType === "document" || isOrganisation(named.source) ? named.source : resolve(named.source);
        const sourceType = named.sourceType === "document" ? "document" : typeOf(source);
        att = { start: s.start, end: s.end, source, sourceType, cue: named.cue, cueSpan: named.cueSpan, via: "cue", sentence: si };
        if (sourceType !== "document") lastNamed = { source, sourceType };
        else lastDocument = source;
      } else if (pronoun) {
        const who = lastNamed?.source ?? lastDocument ?? lastPersonPrevParagraph;
        if (who) att = { start: s.start, end: s.end, source: who, sourceType: who === lastDocument ? "document" : typeOf(who), cue: pronoun.cue, cueSpan: pronoun.cueSpan, via: "pronoun", sentence: si };
      } else if (lastNamed && !voice.vague.length && CONTINUES_SPEECH.test(s.text)) {
        // "Also, …" / "In addition, …" right after a named speaker carries the same speech on.
        att = { start: s.start, end: s.end, source: lastNamed.source, sourceType: lastNamed.sourceType, cue: "continuation", cueSpan: { start: s.start, end: s.start }, via: "continuation", sentence: si };
      }
      if (att) {
        voice.attribution = att;
        attributions.push(att);
        if (att.sourceType === "person") addSpeaker(att.source, s);
        for (const other of named?.others ?? []) addSpeaker(resolve(other), s);
      }
    }
    // Quotes: the speaker of the sentence that holds or follows the quote.
    for (const q of paraQuotes) {
      let speaker: string | undefined;
      for (let si = first; si < sentences.length && sentences[si].paragraph === p.index; si++) {
        const s = sentences[si];
        const a = voices[si].attribution;
        if (a && a.via !== "continuation" && s.end >= q.end - 1 && s.start <= q.end + 2) { speaker = a.source; break; }
        if (a && s.start >= q.end) { speaker = a.source; break; }
      }
      if (!speaker) {
        for (let si = first; si < sentences.length && sentences[si].paragraph === p.index && sentences[si].end <= q.start; si++)
          speaker = voices[si].attribution?.source ?? speaker;
        speaker ??= q.start - p.start < 3 ? lastPersonPrevParagraph : undefined;
      }
      quotes.push({ start: q.start, end: q.end, text: q.text, speaker });
      if (!speaker) continue;
      // Every sentence inside the quote is the speaker's.
      for (let si = first; si < sentences.length && sentences[si].paragraph === p.index; si++) {
        const s = sentences[si];
        if (s.start >= q.start - 2 && s.end <= q.end + 2 && !voices[si].attribution) {
          const att: Attribution = { start: s.start, end: s.end, source: speaker, sourceType: typeOf(speaker), cue: "quotation", cueSpan: { start: q.start, end: q.start + 1 }, via: "quote", sentence: si };
          voices[si].attribution = att;
          attributions.push(att);
        }
      }
    }
    for (let si = first; si < sentences.length && sentences[si].paragraph === p.index; si++) {
      const a = voices[si].attribution;
      if (a?.sourceType === "person") lastPersonPrevParagraph = a.source;
    }
  }
  const speakers = [...speakerMap.values()].filter((s) => s.name.split(/\s+/).length <= 5);
  return { voices, attributions, quotes, speakers };
}

/**
 * Quoted spans of a paragraph. Scraped text mixes straight and curly marks ("… ” or „ … “),
 * so quotes are read as a stream: a mark that opens a word opens a quote, a mark that
 * ends a word closes it. A quote left open runs to the end of the paragraph.
 */
export function findQuotes(p: Paragraph): Quote[] {
  const out: Quote[] = [];
  const t = p.text;
  let open = -1;
  let german = false;
  // From one quotation mark to the next by a native scan: most characters are none of them.
  QUOTE_MARK.lastIndex = 0;
  for (let mark = QUOTE_MARK.exec(t); mark && out.length < MAX_QUOTES; mark = QUOTE_MARK.exec(t)) {
    const i = mark.index;
    const c = t[i];
    const prev = t[i - 1] ?? " ";
    const next = t[i + 1] ?? " ";
    const opensWord = /[\s([:—–-]/.test(prev) || i === 0;
    const closesWord = /[\s.,;:!?)\]—–-]/.test(next) || i === t.length - 1;
    if (open < 0) {
      if (c === "„" || c === "«" || c === "“" || (c === '"' && opensWord && !/\s/.test(next))) {
        open = i;
        german = c === "„";
      }
    } else if (c === "”" || c === "»" || (c === "“" && german) || (c === '"' && closesWord) || (c === "“" && closesWord && !opensWord)) {
      const inner = t.slice(open + 1, i);
      if (whitespaceRuns(inner, 2) >= 2) out.push({ start: p.start + open, end: p.start + i + 1, text: inner });
      open = -1;
    }
  }
  if (open >= 0 && t.length - open > 40) out.push({ start: p.start + open, end: p.end, text: t.slice(open + 1) });
  return out;
}

const MAX_QUOTES = 500;
const QUOTE_MARK = /["“”«»„]/g;

/** The runs of whitespace in s, counted up to `enough`: s.split(/\s+/).length - 1 when fewer. */
function whitespaceRuns(s: string, enough: number): number {
  let runs = 0;
  for (let i = 0; i < s.length && runs < enough; i++) {
    if (!isWhitespace(s.charCodeAt(i))) continue;
    runs++;
    while (i + 1 < s.length && isWhitespace(s.charCodeAt(i + 1))) i++;
  }
  return runs;
}

/** A paragraph's quotes from the memo, moved to where the paragraph stands. */
function quotesFromMemo(memo: AnalysisMemo, p: Paragraph): Quote[] {
  const relative = memo.get("quotes", p.text, (t) => findQuotes({ ...p, text: t, start: 0, end: t.length }));
  return relative.map((q) => ({ ...q, start: q.start + p.start, end: q.end + p.start }));
}

/**
 * A sentence's cues from the memo. They depend on its text and on the quotes that overlap it,
 * so both make the key; spans are kept relative to the sentence and moved to where it stands.
 */
function cuesFromMemo(memo: AnalysisMemo, s: Sentence, cues: CueSets, quotes: Quote[], tokens: (s: Sentence) => Tokens, tick: Tick): CueHit[] {
  const local = quotes.filter((q) => q.start < s.end && s.start < q.end).map((q) => ({ start: q.start - s.start, end: q.end - s.start, text: "" }));
  // Where quotes lie in the sentence is part of the step's name; the key is the sentence's text.
  const step = local.length ? `cues@${local.map((q) => `${q.start},${q.end}`).join(";")}` : "cues";
  const relative = memo.get(step, s.text, (t) => findCues({ ...s, text: t, start: 0, end: t.length }, cues, local, tokens(s), tick));
  const by = s.start;
  return relative.map((h) => ({ ...h, cueSpan: { start: h.cueSpan.start + by, end: h.cueSpan.end + by }, phraseStart: h.phraseStart + by }));
}

function findCues(s: Sentence, cues: CueSets, quotes: Quote[], tokens: Tokens, tick: Tick): CueHit[] {
  const hits: CueHit[] = [];
  const t = s.text;
  // Asked once for every cue found: the tick goes here.
  const inQuote = (i: number) => {
    tick();
    return quotes.some((q) => q.start < s.start + i && s.start + i < q.end - 1);
  };
  const cueSpan = (i: number, len: number): Span => ({ start: s.start + i, end: s.start + i + len });
  // "according to X" and friends: the source follows.
  for (const m of cues.preps.matches(t, tokens)) {
    if (inQuote(m.index)) continue;
    const cue = m.text;
    if (/^per$/i.test(cue) && !/^\s+[\p{Lu}]/u.test(t.slice(m.index + 3))) continue; // "per share"
    const after = t.slice(m.index + cue.length).replace(/^\s+/, "");
    const objText = after.slice(0, 123).split(/[,;:.!?()]|\s[-–—]\s/)[0].slice(0, 120); // 123: a 3-character stop at 119 still counts
    const named = namedInPhrase(objText);
    if (named) hits.push({ source: named.name, sourceType: named.type, cue, cueSpan: cueSpan(m.index, cue.length), phraseStart: s.start + m.index });
    // Only the classic attribution cues name nobody when their object is no name
    // ("according to analysis"); "data from 97 patients" is not an attribution at all.
    else if (STRONG_PREPOSITION.test(cue)) hits.push({ vague: true, cue, cueSpan: cueSpan(m.index, cue.length + (t.length - m.index - cue.length - after.length) + firstThreeWords(objText).length), phraseStart: s.start + m.index });
  }
  // "X said", "said X", "X, a professor at Y, told"
  for (const m of cues.verbs.matches(t, tokens)) {
    if (inQuote(m.index)) continue;
    const cue = m.text;
    if (/^\p{Lu}/u.test(cue)) continue; // "Emphasizes" in a title-case headline, "Continued growth …"
    if (/^so$/i.test(cue) && !/,\s*so\s+[\p{Lu}]/u.test(t.slice(Math.max(0, m.index - 3), m.index + 5))) continue;
    const hit = subjectOf(t, m.index, cue.length);
    // Every field named, not spread: a spread of subjectOf's several result shapes was this loop's slowest line.
    if (hit) hits.push({ source: hit.source, sourceType: hit.sourceType, vague: hit.vague, pronoun: hit.pronoun, others: hit.others, cue, cueSpan: cueSpan(m.index, cue.length), phraseStart: s.start + (hit.vague ? hit.phraseOffset : m.index) });
  }
  // "…, saying" — the clause subject speaks.
  let sentenceSubject: [string | undefined] | undefined;
  for (const m of cues.participles.matches(t, tokens)) {
    if (inQuote(m.index) || !t.slice(0, m.index).trimEnd().endsWith(",")) continue; // as !/,\s*$/.test(…), in constant time
    const subject = (sentenceSubject ??= [nameAtStart(t.replace(/^[^\p{L}]+/u, ""))])[0];
    if (subject) hits.push({ source: stripTitles(subject), sourceType: "person", cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
  }
  // "The survey found", "CDC data shows", "New research shows"
  // The sentence's named subject, worked out once: read again for every "… and found", a
  // sentence opening with a long run of capitalised words took time quadratic in its length.
  let namedSubject: [{ name: string; type: Attribution["sourceType"] } | undefined] | undefined;
  for (const m of cues.docVerbs.matches(t, tokens)) {
    if (inQuote(m.index)) continue;
    const before = t.slice(Math.max(0, m.index - 80), m.index);
    const vague = VAGUE_SUBJECT_AT_END.exec(before);
    const doc = DOC_SUBJECT.exec(before);
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- `before` is at most 80 characters
    const byName = /(?:research|study|survey|report|analysis|data|poll)\s+(?:\w+\s+)?by\s+(?:the\s+)?([^,;:]{2,80}?)[®™]?\s*$/iu.exec(before.replace(/[\u200B-\u200D]/g, ""));
    const pronounDoc = /(?:^|[.;]\s*|\s)(?:it|they)\s*(?:also\s+)?$/i.test(before);
    if (/(?:^|\s)(?:we|our (?:team|research|survey|study|analysis|data))\s*(?:also\s+)?$/i.test(before)) {
      hits.push({ source: "the issuer", sourceType: "issuer", cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
      continue;
    }
    const team = /(?<![\p{L}])(?:the|our|its|their)\s+(?:research\s+)?(?:researchers|authors|scientists|team|investigators)\s*(?:also\s+)?$/iu.exec(before);
    if (team) {
      hits.push({ source: team[0].trim(), sourceType: "document", cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
      continue;
    }
    // "X has tracked … since 2000 and found": the sentence's named subject carries the cue.
    if (/\band\s*$/.test(before)) {
      const subject = (namedSubject ??= [sentenceNamedSubject(t)])[0];
      if (subject) {
        hits.push({ source: subject.name, sourceType: subject.type, cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
        continue;
      }
    }
    const published = /(?:research|study|report|survey|paper|article|analysis|data|findings)\s+(?:published|released|presented)\s+(?:in|by)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}&'’.-]*\s?){1,6})/u.exec(before);
    if (published) {
      hits.push({ source: published[1].trim(), sourceType: "document", cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
      continue;
    }
    // eslint-disable-next-line regexp/no-super-linear-move -- `before` is at most 80 characters
    const name = nameAtEnd(before.replace(/\s+(?:data|survey|study|report|research|analysis|statistics|figures)\s*$/i, ""));
    if (byName && nameAtStart(byName[1].replace(/[®™]/g, ""))) {
      hits.push({ source: nameAtStart(byName[1].replace(/[®™]/g, "")) as string, sourceType: "document", cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
      continue;
    }
    if (pronounDoc) {
      hits.push({ pronoun: true, cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
      continue;
    }
    const phraseStart = (x: RegExpExecArray) => s.start + Math.max(0, m.index - 80) + x.index + (x[0].length - x[0].trimStart().length);
    if (doc) hits.push({ source: doc[0].trim(), sourceType: "document", cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: phraseStart(doc) });
    else if (name && /(?:data|survey|study|report|research|analysis|statistics|figures)\s*$/i.test(before) && !/^(?:new|recent|official|a|an)$/i.test(name))
      hits.push({ source: name, sourceType: "document", cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
    else if (vague) hits.push({ vague: true, cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: phraseStart(vague) });
  }
  // "In a survey conducted by the Annenberg Public Policy Center, …": the named study speaks.
  for (const m of tokens.has(BY) ? CONDUCTED_BY.all(t) : []) {
    if (inQuote(m.index)) continue;
    const name = nameAtStart(m[1]);
    // eslint-disable-next-line regexp/no-super-linear-move -- one cue match (" by " plus at most 80 characters of name)
    if (name) hits.push({ source: name, sourceType: "document", cue: m[0].split(/\s+by\s+/)[0] + " by", cueSpan: cueSpan(m.index, m[0].length), phraseStart: s.start + m.index });
  }
  for (const m of cues.vaguePhrases.matches(t, tokens)) {
    if (inQuote(m.index)) continue;
    hits.push({ vague: true, cue: m.text, cueSpan: cueSpan(m.index, m.text.length), phraseStart: s.start + m.index });
  }
  return hits;
}

/** The name a sentence opens with, when it can carry a cue ("Acme has tracked … and found"). */
function sentenceNamedSubject(t: string): { name: string; type: Attribution["sourceType"] } | undefined {
  const subject = nameAtStart(t);
  if (!subject || !isNameLike(subject) || /^(?:The|This|These|It|In|On|At|For)$/.test(subject)) return undefined;
  return { name: subject, type: isOrganisation(subject) ? "organisation" : "person" };
}

/** The people of a list subject, in order: "A, Council President B, and Councilmembers C and D". */
const ROLE_PREFIX = /^(?:[\p{L}.'’-]+\s+){0,4}$/u;
const LIST_SEPARATOR = /,|\s(?:and|und|et|y|e)\s/;

function listedNames(subject: string): string[] {
  if (!LIST_SEPARATOR.test(subject)) return [];
  // eslint-disable-next-line regexp/no-super-linear-move -- the subject is cut from `before`, at most 220 characters
  const parts = subject.split(/\s*,\s*(?:and\s+)?|\s+(?:and|und|et|y|e)\s+/);
  const names: string[] = [];
  for (let i = parts.length - 1; i >= 0 && names.length < 12; i--) {
    const part = parts[i].trim();
    const n = nameAtEnd(part);
    // Each item must be a name, optionally after a title or a lower-case role ("psychiatrists").
    if (!n || !part.endsWith(n) || !ROLE_PREFIX.test(part.slice(0, part.length - n.length))) break;
    const clean = stripTitles(n);
    if (isOrganisation(clean) || clean.split(/\s+/).length > 4) break;
    names.unshift(clean);
  }
  return names;
}

/** The name a cue introduces after itself, past a lower-case role ("first author Khan Shahzada"). */
function nameAfterCue(after: string): string | undefined {
  const t = after.replace(/^\s+/, "");
  // "said Help at Home Chief Compliance and Ethics Officer Marisol Castro": the name after the last title.
  const phrase = /^[^,;:!?"“”]{0,160}/.exec(t)?.[0].replace(/(?<=\p{L}{2})\.\s.*$/u, "") ?? "";
  const titled = /^(?:.*\s)?(?:CEO|CFO|COO|CTO|President|Officer|Director|Founder|Chairman|Chairwoman|Chair|Professor|Manager|Secretary|Minister|Mayor|Governor|Senator|Partner|Head|Lead|VP|Dr\.?|Prof\.?)\s+((?:[\p{Lu}][\p{L}'’.-]*\s?){1,4})/u.exec(phrase);
  if (titled) {
    const n = nameAtStart(titled[1].trim());
    if (n && !isOrganisation(n)) return n;
  }
  const direct = nameAtStart(t);
  if (direct && !isOrganisation(direct)) return direct;
  // "the CEO of Olympic Transport, Fernando Paez": the person after the comma.
  const afterComma = /^[^,.;:"“”]{3,90},\s*/.exec(t);
  if (afterComma) {
    const n = nameAtStart(t.slice(afterComma[0].length));
    if (n && !isOrganisation(n) && n.split(/\s+/).length >= 2) return n;
  }
  if (direct) return direct;
  const role = /^(?:[\p{Ll}][\p{L}'’-]*\s+){1,4}(?=[\p{Lu}])/u.exec(t);
  if (role) {
    const n = nameAtStart(t.slice(role[0].length));
    if (n && !isOrganisation(n)) return n;
  }
  const comma = /^[^,.;:"“”]{3,90},\s*/.exec(t);
  if (comma) return nameAtStart(t.slice(comma[0].length));
  return undefined;
}

const FIRST_THREE_WORDS = /^(?:\S+\s*){0,3}/;
function firstThreeWords(s: string): string {
  return (FIRST_THREE_WORDS.exec(s)?.[0] ?? "").trimEnd();
}

/** A named source inside a phrase ("the National Bureau of Statistics", "Grand View Research"). */
function namedInPhrase(phrase: string): { name: string; type: Attribution["sourceType"] } | undefined {
  // Articles after the cue hide the name: "laut dem Statistischen Bundesamt", "selon l'Insee", "según el INE".
  const stripped = phrase
    .replace(/^(?:the|a|an|data from|figures from|a report by|a study by|a survey by|research by|analysis by|estimates by|data by|dem|der|den|des|die|das|le|la|les|el|los|las|lo|il|gli|i|os|as|o)\s+/iu, "")
    .replace(/^(?:l|d)['’]/iu, "")
    // "the findings of a Boston Consulting Group study", "a report from the CDC"
    .replace(/^(?:(?:the\s+)?(?:latest\s+|new\s+|recent\s+)?(?:findings|results|data|analysis|report|study|survey|research|estimates|figures|numbers)\s+(?:of|from|by|in)\s+)(?:(?:a|an|the|its)\s+)?(?:(?:new|recent|latest|\d{4})\s+)?/iu, "");
  const name = nameAtStart(stripped) ?? nameAtStart(stripped.replace(/^[\p{Ll}\s-]+(?:by|from|of)\s+(?:the\s+)?/u, ""));
  if (!name || !isNameLike(name)) return undefined;
  const clean = name.replace(/[’']s$/, "");
  // "Simon-Kucher's annual report": a document; a single token is an organisation, not a person.
  const document = /^[’']s\s/.test(stripped.slice(name.length)) || /[’']s$/.test(name);
  const type = document ? "document" : isOrganisation(clean) || !/\s/.test(clean) ? "organisation" : "person";
  return { name: clean, type };
}

// "… in/of/from (the) [up to three capitalised words] NAME" at the end: the name is governed by
// the preposition, not a subject. Read in two steps: the name at the end (with "'s" or "’"),
// then these patterns on what comes before it. A pattern with the name in it, compiled once
// per name, cost a release of thousands of speakers most of its analysis.
const GOVERNING = String.raw`(?:^|\s)(?:[Ii]n|[Oo]f|[Ff]rom|[Aa]t|[Tt]o|[Ff]or|[Ww]ith|[Oo]n|[Bb]y|[Ii]nto|[Aa]cross|[Tt]hroughout|[Tt]han|[Ll]ike)\s+(?:[Tt]he\s+)?(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}`;
const GOVERNING_END = new RegExp(`${GOVERNING}$`, "u");
/** Also with "Capitalised," right before the name ("in Beijing, Wang"). */
const GOVERNING_END_OR_COMMA = new RegExp(String.raw`${GOVERNING}(?:[\p{Lu}][\p{L}.'’-]*,\s+)?$`, "u");
const POSSESSIVE_ENDS = ["", "’", "'", "s", "’s", "'s"];

/**
 * Whether `text` (without trailing whitespace) ends in `name` governed by a preposition: the
 * regex GOVERNING + (plain ? "" : "(?:Capitalised,\s+)?") + name + "[’']?s?\s*$" (the name's
 * spaces any run of whitespace), without compiling one per name.
 */
export function isGoverned(text: string, name: string, plain: boolean): boolean {
  const words = name.split(" ");
  const before = plain ? GOVERNING_END : GOVERNING_END_OR_COMMA;
  for (const possessive of POSSESSIVE_ENDS) {
    if (!text.endsWith(possessive)) continue;
    const start = wordsEndingAt(text, text.length - possessive.length, words);
    if (start >= 0 && before.test(text.slice(0, start))) return true;
  }
  return false;
}

/** Where `words`, whitespace between them, stand in `text` ending at `end`; -1 when they do not. */
function wordsEndingAt(text: string, end: number, words: string[]): number {
  let i = end;
  for (let w = words.length - 1; w >= 0; w--) {
    const word = words[w];
    if (i < word.length || !text.startsWith(word, i - word.length)) return -1;
    i -= word.length;
    if (w === 0) break;
    const wordEnd = i;
    while (i > 0 && isWhitespace(text.charCodeAt(i - 1))) i--;
    if (i === wordEnd) return -1;
  }
  return i;
}

/** The subject of a reporting verb at `at` in sentence text `t`. */
function subjectOf(t: string, at: number, len: number): (Omit<CueHit, "cue" | "cueSpan" | "phraseStart"> & { phraseOffset: number }) | undefined {
  let before = t.slice(Math.max(0, at - 220), at);
  const offsetBase = Math.max(0, at - 220);
  // After a quote: “…,” said X / “…,” X said
  const after = t.slice(at + len);
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- `before` is at most 220 characters
  if (/[”"’»]\s*,?\s*$|,\s*[”"’»]\s*$/.test(before)) {
    const n = nameAfterCue(after);
    if (n) return { source: stripTitles(n.replace(/,.*/, "")), sourceType: "person", phraseOffset: at };
  }
  if (/\S,\s*$/.test(before)) {
    // "…, dijo Juan Pérez, director de Acme.": the name right after the cue speaks.
    const n = nameAtStart(after.replace(/^\s+/, ""));
    if (n && !isOrganisation(n)) return { source: stripTitles(n), sourceType: "person", phraseOffset: at };
  }
  // The next six patterns match letters and whitespace only, up to the end of `before`: each is
  // tried on the run of those after its last other character (the lookbehinds ask for a
  // non-letter, which that character is), the same matches at a fraction of the cost.
  const cut = classSuffixStart(before, letterOrSpaceAt);
  const tail = before.slice(cut).replace(ADVERBS, "").replace(VERB_CHAIN, "").replace(ADVERBS, "");
  before = before.slice(0, cut) + tail;
  const pron = PRONOUN.exec(tail);
  if (pron) return { pronoun: true, phraseOffset: at };
  if (FIRST_PERSON.test(tail)) return { source: "the issuer", sourceType: "issuer", phraseOffset: at };
  if (THE_COMPANY.test(tail)) return { source: "the company", sourceType: "issuer", phraseOffset: at };
  const vague = VAGUE_SUBJECT_AT_END.exec(tail);
  if (vague) return { vague: true, phraseOffset: offsetBase + cut + vague.index + (vague[0].length - vague[0].trimStart().length) };
  // "Wang Yiwei, a professor at Renmin University of China, told"
  const noAppositive = stripAppositive(before);
  // eslint-disable-next-line regexp/no-super-linear-move -- cut from `before`, at most 220 characters
  const name = nameAtEnd(noAppositive.replace(/\s+$/, ""));
  // eslint-disable-next-line regexp/no-super-linear-move -- cut from `before`, at most 220 characters
  const governed = name && isGoverned(noAppositive.replace(/\s+$/, ""), name, /\s/.test(name) || !/,\s*$/.test(before));
  if (name && !governed && /\S\s*$/.test(noAppositive)) {
    // eslint-disable-next-line regexp/no-super-linear-move -- cut from `before`, at most 220 characters
    const others = listedNames(noAppositive.replace(/\s+$/, ""));
    return { source: stripTitles(name), sourceType: "person", phraseOffset: at, others: others.length > 1 ? others.slice(0, -1) : undefined };
  }
  // "…, said Tim Cook, Apple's CEO." / "…, Xi said." / "…, dijo el director ejecutivo de X, Fernando Paez."
  if (/,\s*$/.test(before) || /^\s*$/.test(before)) {
    const n = nameAfterCue(after);
    if (n && !/^(?:The|This|That|It)$/.test(n)) return { source: stripTitles(n), sourceType: "person", phraseOffset: at };
  }
  return undefined;
}
