// The analysis engine: text (and settings, and a cancellation check) in, a typed release
// model, findings and outline out. Pure: no editor or Node imports.
import type { AnalysisOptions, AnalysisResult, Finding, ReleaseModel, Sentence, Severity, Tick } from "./types";
import { AnalysisCancelled } from "./types";
import { splitLines } from "./text";
import { findParagraphs, splitSentences } from "./segment";
import { classifyLine, findBoilerplate } from "./boilerplate";
import { findDateline, findHeadlines, findSections, looksLikeHeading } from "./structure";
import { attribute } from "./attribution";
import { collectFullNames, fullNamesIn } from "./names";
import { tokenize, type Tokens } from "./phrases";
import { findIssuers } from "./issuers";
import { findFigures } from "./figureSources";
import { buildOutline } from "./outline";
import { detectLanguage } from "./language";
import { RULES } from "../rules/registry";

export * from "./types";
export { RULES } from "../rules/registry";
export { hoverAt } from "./hover";
export { AnalysisMemo } from "./memo";

export function analyze(text: string, options: AnalysisOptions = {}): AnalysisResult {
  const check = cancellationCheck(options);
  // One token cache for the model and the rules: each sentence is tokenised once.
  const tokens = tokensFor(options.memo);
  const model = buildModel(text, options, check, tokens);
  check();
  const findings = runRules(model, options, tokens, check);
  check();
  const outline = buildOutline(model);
  options.memo?.settle();
  return { model, findings, outline };
}

/** Throws AnalysisCancelled when the options' isCancelled says so. */
function cancellationCheck(options: AnalysisOptions): () => void {
  return () => {
    if (options.isCancelled?.()) throw new AnalysisCancelled();
  };
}

/** POLL_EVERY units of work between polls: a unit costs microseconds, a poll (a clock read) about as much as one. */
const POLL_EVERY = 64;

/** A Tick that runs `check` once every POLL_EVERY calls; nothing at all without isCancelled. */
function tickerFor(options: AnalysisOptions, check: () => void): Tick {
  if (!options.isCancelled) return () => {};
  let n = 0;
  return () => {
    if (++n % POLL_EVERY === 0) check();
  };
}

export function buildModel(text: string, options: AnalysisOptions = {}, check: () => void = cancellationCheck(options), tokens = tokensFor(options.memo)): ReleaseModel & { voices: ReturnType<typeof attribute>["voices"] } {
  const memo = options.memo;
  const tick = tickerFor(options, check);
  // The memoised steps depend on these options only; analyze() settles the memo at the end.
  memo?.begin(JSON.stringify([options.reportingVerbs ?? [], options.pufferyWords ?? []]));
  const lines = splitLines(text);
  // With a memo, texts are interned where they are made: every step keyed by a line, and a
  // one-line paragraph (which shares its line's string), then finds its value by reference.
  if (memo) for (const l of lines) l.text = memo.intern(l.text);
  const paragraphs = findParagraphs(text, lines);
  const classify = memo ? (line: string) => memo.get("line", line, classifyLine) : classifyLine;
  const boilerplate = findBoilerplate(lines, (line) => {
    tick();
    return classify(line);
  });
  check();
  // Mark paragraphs inside boilerplate blocks (a paragraph counts when its first line does).
  let b = 0;
  for (const p of paragraphs) {
    while (b < boilerplate.length && boilerplate[b].lastLine < p.firstLine) b++;
    const blk = boilerplate[b];
    if (blk && blk.firstLine <= p.firstLine && p.firstLine <= blk.lastLine) p.boilerplate = blk.kind;
  }
  for (const p of paragraphs) {
    // The memo's copy of the text (a one-line paragraph's is its line's already).
    if (memo) p.text = memo.intern(p.text);
    // A heading is judged on the paragraph's text and whether it spans one, two or more lines.
    const lineCount = Math.min(3, p.lastLine - p.firstLine + 1);
    p.heading = !p.boilerplate && (memo ? memo.get(`heading${lineCount}`, p.text, (t) => looksLikeHeading({ ...p, text: t })) : looksLikeHeading(p));
  }
  const firstContent = paragraphs.findIndex((p) => !p.boilerplate);
  const dateline = findDateline(paragraphs, lines, Math.max(0, firstContent));
  const { headline, subheadline } = findHeadlines(paragraphs, dateline?.line);
  if (dateline) {
    const dp = paragraphs.find((p) => p.firstLine <= dateline.line && dateline.line <= p.lastLine);
    if (dp) dp.heading = false;
  }
  const bodyStart = dateline
    ? paragraphs.findIndex((p) => p.firstLine >= dateline.line)
    : Math.max(0, paragraphs.indexOf(subheadline ?? headline ?? paragraphs[0]) + 1);
  const sections = findSections(paragraphs, Math.max(0, bodyStart));
  check();
  const sentences = [];
  for (const p of paragraphs) {
    tick();
    p.sentences = memo ? sentencesFromMemo(memo, p) : splitSentences(p);
    for (const s of p.sentences) sentences.push(s);
  }
  check();
  const issuers = findIssuers(text, lines, dateline, boilerplate, options.issuerNames, headline?.text.replace(/^#+\s*/, ""));
  const fullNames = collectFullNames(
    sentences.filter((s) => !paragraphs[s.paragraph].boilerplate).map((s) => s.text),
    (s) => {
      tick();
      return memo ? memo.get("names", s, fullNamesIn) : fullNamesIn(s);
    },
  );
  const { voices, attributions, quotes, speakers } = attribute(paragraphs, sentences, text, { reportingVerbs: options.reportingVerbs, fullNames, issuers, memo, tokens, tick });
  check();
  const model: ReleaseModel & { voices: typeof voices } = {
    text,
    lines,
    paragraphs,
    sentences,
    headline,
    subheadline,
    dateline,
    sections,
    boilerplate,
    quotes,
    speakers,
    attributions,
    figures: [],
    stockSentences: findRunInStock(paragraphs),
    issuers,
    language: "",
    voices,
  };
  // Only a few puffery checks read the language: without a memo it is worked out when first read.
  if (memo) model.language = memo.get("language", text.slice(0, 20000), detectLanguage);
  else languageOnFirstRead(model, text);
  model.figures = findFigures(model, voices, tokens, memo, tick);
  return model;
}

/** model.language as a property that guesses the language of `text` when first read (an enumerable value, for copies and JSON). */
function languageOnFirstRead(model: ReleaseModel, text: string): void {
  let language: string | undefined;
  Object.defineProperty(model, "language", { enumerable: true, get: () => (language ??= detectLanguage(text)) });
}

/** A paragraph's sentences from the memo: split once per paragraph text, wherever it stands. */
function sentencesFromMemo(memo: NonNullable<AnalysisOptions["memo"]>, p: ReleaseModel["paragraphs"][number]): Sentence[] {
  const single = p.firstLine === p.lastLine;
  // The sentences' texts are interned too: every per-sentence step then finds them by reference.
  const relative = memo.get(single ? "sentences-1" : "sentences-n", p.text, (t) =>
    splitSentences({ text: t, start: 0, index: 0, firstLine: 0, lastLine: single ? 0 : 1 }).map((s) => ({ ...s, text: memo.intern(s.text) })),
  );
  return relative.map((s) => ({ start: s.start + p.start, end: s.end + p.start, text: s.text, paragraph: p.index }));
}

/**
 * A sentence's tokens: from the memo when there is one, else made once per sentence object of
 * this analysis (a Map that lives as long as the analysis: cheaper than a WeakMap on every call).
 */
function tokensFor(memo: AnalysisOptions["memo"]): (s: Sentence) => Tokens {
  if (memo) return (s) => memo.get("tokens", s.text, tokenize);
  const made = new Map<Sentence, Tokens>();
  return (s) => {
    let t = made.get(s);
    if (!t) made.set(s, (t = tokenize(s.text)));
    return t;
  };
}

/**
 * Scraped releases often run the About section or the publisher's blurb into the last body
 * line. From such a sentence to the end of its paragraph the text is stock, not claims.
 */
const STOCK_OPENING = /^(?:#{1,6}\s*)?(?:\*\*)?(?:about|über|ueber|à propos|a propos|acerca|sobre|informazioni|chi |forward|safe harbou?r|cautionary|media|press|investor|contacts?\b|for (?:more|further|media|press|additional)|disclaimer|note to|this (?:press release|content|post)|important|kontakt|contacto|contatt|zukunftsgerichtete|déclarations|declaraciones|dichiarazioni|certain (?:statements|information))/i;

function findRunInStock(paragraphs: ReleaseModel["paragraphs"]): Set<number> {
  const out = new Set<number>();
  let index = 0;
  for (const p of paragraphs) {
    const first = index;
    index += p.sentences.length;
    if (p.boilerplate || p.sentences.length < 2) continue;
    let stock = false;
    p.sentences.forEach((s, k) => {
      // Only a sentence that opens like a stock section is worth classifying.
      if (!stock && k > 0 && STOCK_OPENING.test(s.text)) {
        const c = classifyLine(s.text);
        stock = !!c && (c.kind === "about" || c.kind === "safe-harbor" || c.kind === "contact" || c.kind === "disclaimer");
      }
      if (stock) out.add(first + k);
    });
  }
  return out;
}

const SEVERITY_ORDER: Severity[] = ["error", "warning", "information", "hint"];

function runRules(model: ReturnType<typeof buildModel>, options: AnalysisOptions, tokens: (s: Sentence) => Tokens, check: () => void): Finding[] {
  const findings: Finding[] = [];
  const allowed = (options.allowedPhrases ?? []).map((p) => p.toLowerCase()).filter(Boolean);
  const ignored = new Set(options.ignoredFindings ?? []);
  for (const rule of RULES) {
    check();
    const level = options.severity?.[rule.code] ?? rule.defaultSeverity;
    if (level === "off") continue;
    const severity = SEVERITY_ORDER.includes(level) ? level : rule.defaultSeverity;
    for (const f of rule.check({ model, voices: model.voices, options, tokens })) {
      if (allowed.length || ignored.size) {
        const flagged = model.text.slice(f.start, f.end);
        if (allowed.some((p) => flagged.toLowerCase().includes(p))) continue;
        if (ignored.has(ignoreKey(f.code, flagged))) continue;
      }
      findings.push({ code: f.code, start: f.start, end: f.end, message: f.message, explanation: f.explanation, data: f.data, severity });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The key by which a user's "ignore this finding" is remembered: code and flagged text, its
 * white space runs made one space, trimmed, the first 200 characters. Worked out on a growing
 * head of the text, not all of it: over a 900 KB boilerplate block the whole text took 65 ms,
 * at every code action the editor asks for with the cursor inside it.
 */
export function ignoreKey(code: string, flaggedText: string): string {
  for (let n = 512; ; n *= 4) {
    // The head's runs made one space are a prefix of the whole text's; past 200 characters, so are the key's.
    const head = flaggedText.slice(0, n).replace(/\s+/g, " ").trimStart();
    if (n >= flaggedText.length) return `${code}:${head.trimEnd().slice(0, 200)}`;
    if (head.length > 200) return `${code}:${head.slice(0, 200)}`;
  }
}
