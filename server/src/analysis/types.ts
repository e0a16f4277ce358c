// Typed results of the analysis engine. Offsets are UTF-16 code-unit indices into the
// analysed text (JavaScript string indices), end exclusive; the LSP layer turns them into
// positions. Nothing here imports an editor or Node API.
import type { AnalysisMemo } from "./memo";

/** A half-open range of the text, [start, end). */
export interface Span {
  start: number;
  end: number;
}

export type Severity = "error" | "warning" | "information" | "hint";
/** A severity, or `off` to drop the finding. */
export type SeverityLevel = Severity | "off";

export type FindingCode =
  | "boilerplate"
  | "promotional"
  | "unattributed-claim"
  | "vague-attribution"
  | "unattributed-figure";

export type BoilerplateKind =
  | "wire-header"
  | "wire-footer"
  | "copyright"
  | "disclaimer"
  | "about"
  | "safe-harbor"
  | "contact"
  | "republisher-meta"
  | "links";

export interface Line extends Span {
  /** 0-based line number. */
  index: number;
  text: string;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph that holds the sentence. */
  paragraph: number;
}

export interface Paragraph extends Span {
  index: number;
  firstLine: number;
  lastLine: number;
  text: string;
  sentences: Sentence[];
  /** True when the paragraph is a heading (headline, sub-headline, section heading). */
  heading: boolean;
  /** Set when the paragraph lies inside a boilerplate block. */
  boilerplate?: BoilerplateKind;
}

export interface BoilerplateBlock extends Span {
  kind: BoilerplateKind;
  firstLine: number;
  lastLine: number;
  /** The line text or phrase that made the block stock text. */
  evidence: string;
}

export interface Dateline extends Span {
  line: number;
  place?: string;
  date?: string;
  wire?: string;
}

export interface Section extends Span {
  title: string;
  line: number;
  /** Paragraph indices of the section's body. */
  paragraphs: number[];
}

/** Who stands behind a sentence or quote, and by which cue. */
export interface Attribution extends Span {
  /** Canonical name of the source: a person, organisation or document. */
  source: string;
  sourceType: "person" | "organisation" | "document" | "issuer";
  /** The reporting cue as it stands in the text ("said", "according to", "told"). */
  cue: string;
  cueSpan: Span;
  /** How the source was resolved. */
  via: "cue" | "quote" | "continuation" | "pronoun" | "issuer";
  /** The sentence (or quote) span the attribution covers. */
  sentence: number;
}

export interface Quote extends Span {
  text: string;
  speaker?: string;
}

export interface Speaker {
  name: string;
  /** Title or appositive ("a professor at Renmin University of China"). */
  role?: string;
  /** Spans of the statements attributed to the speaker. */
  statements: Span[];
  firstMention: Span;
}

export type FigureKind = "money" | "percent" | "count" | "multiple" | "growth";

export interface Figure extends Span {
  text: string;
  kind: FigureKind;
  /** Normalised value: money in units of currency, percent as the number of percent. */
  value: number;
  /** ISO-like currency code for money ("USD", "EUR", "MXN", …). */
  currency?: string;
  /** Unit noun for counts ("people", "jobs") or "pp" for percentage points. */
  unit?: string;
  /** Upper bound of a range ("5-7%"). */
  valueTo?: number;
  /** Human-readable normalised form ("228,100,000,000 USD"). */
  normalised: string;
  /** Who stands behind the figure, if anyone. */
  source?: string;
  sourceVia?: Attribution["via"] | "issuer";
  /** True when the figure is the issuer's own fact (results, prices, deal terms). */
  firstParty: boolean;
  /** A source named elsewhere in the release that may be the figure's origin. */
  likelySource?: string;
  sentence: number;
}

export interface ReleaseModel {
  text: string;
  lines: Line[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  headline?: Paragraph;
  subheadline?: Paragraph;
  dateline?: Dateline;
  sections: Section[];
  boilerplate: BoilerplateBlock[];
  quotes: Quote[];
  speakers: Speaker[];
  attributions: Attribution[];
  figures: Figure[];
  /** Names the release speaks as (the issuer), from the dateline, About and settings. */
  issuers: string[];
  /** Sentences of run-in stock text inside a body paragraph ("… About Acme Acme is …"). */
  stockSentences: Set<number>;
  /** Language of the body, as a best guess ("en", "de", "fr", "es", "it", "pt"). */
  language: string;
}

/** What a hover explains about a finding. */
export interface Explanation {
  what: string;
  why: string;
  fix: string;
}

export interface Finding extends Span {
  code: FindingCode;
  severity: Severity;
  message: string;
  explanation: Explanation;
  data?: { kind?: BoilerplateKind; [key: string]: unknown };
}

export type EnableMode = "auto" | "always" | "never";

export interface AnalysisOptions {
  /** Severity per finding code; `off` removes the rule. */
  severity?: Partial<Record<FindingCode, SeverityLevel>>;
  /** Extra puffery words or phrases (lower case). */
  pufferyWords?: string[];
  /** Phrases never flagged (case-insensitive substring of the flagged text). */
  allowedPhrases?: string[];
  /** Extra reporting verbs ("cautioned"). */
  reportingVerbs?: string[];
  /** Names of the issuer, whose own facts are first-party. */
  issuerNames?: string[];
  /** Texts of findings the user chose to ignore ("code:text"). */
  ignoredFindings?: string[];
  /**
   * Polled between stages, and inside the long ones every few dozen lines, sentences, cues or
   * figures (see Tick); when it returns true the engine throws `AnalysisCancelled`.
   */
  isCancelled?: () => boolean;
  /**
   * Kept by the caller between analyses of one document (the server keeps one per open
   * document): per-line and per-sentence results are reused for text an edit left alone.
   */
  memo?: AnalysisMemo;
}

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: "headline" | "subheadline" | "dateline" | "body" | "section" | "paragraph" | "speaker" | "quote" | "sources" | "source" | "boilerplate-group" | "boilerplate";
  span: Span;
  /** The part to reveal when the node is selected (inside span). */
  selection: Span;
  children: OutlineNode[];
}

export interface AnalysisResult {
  model: ReleaseModel;
  findings: Finding[];
  outline: OutlineNode[];
}

/**
 * Called once per unit of work inside a stage (a line classified, a sentence, a cue, a
 * figure): every so many calls it polls `isCancelled`. A stage can be one sentence of a
 * quarter of a megabyte, so polling between stages alone left a cancelled analysis running
 * for up to a second.
 */
export type Tick = () => void;

export class AnalysisCancelled extends Error {
  constructor() {
    super("analysis cancelled");
    this.name = "AnalysisCancelled";
  }
}
