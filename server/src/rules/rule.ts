// The shared shape of every rule. A rule reads the release model (built once per analysis)
// and returns findings; its description doubles as documentation (README, hovers, settings).
import type { AnalysisOptions, Finding, FindingCode, ReleaseModel, Sentence, Severity } from "../analysis/types";
import type { SentenceVoice } from "../analysis/attribution";
import type { Tokens } from "../analysis/phrases";

export interface RuleContext {
  model: ReleaseModel;
  /** Per sentence (same index as model.sentences): its attribution, vague cues, quoted share. */
  voices: SentenceVoice[];
  options: AnalysisOptions;
  /** The words of a sentence (see analysis/phrases.ts), made once per analysis. */
  tokens(s: Sentence): Tokens;
}

export interface Rule {
  code: FindingCode;
  /** Short title, used in settings and the README. */
  title: string;
  /** What the rule flags and why, in one or two sentences. */
  description: string;
  defaultSeverity: Severity;
  /** A flagged example and one that must not be flagged, for the README. */
  examples: { flagged: string; notFlagged: string };
  /** Heading anchor of the rule's README section. */
  anchor: string;
  check(ctx: RuleContext): Omit<Finding, "severity">[];
}
