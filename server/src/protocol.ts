// Custom protocol shared by the client and the server: command ids, request methods and
// their shapes. Plain constants and types only, so both bundles can import it without
// pulling in either side's library.

/** Commands the client registers (code actions invoke the internal ones). */
export const Commands = {
  showReport: "pressRelease.showReport",
  analyzeWorkspace: "pressRelease.analyzeWorkspace",
  copyWithoutBoilerplate: "pressRelease.copyWithoutBoilerplate",
  /** Internal: appends an ignore key to `pressRelease.ignoredFindings` (args: [key]). */
  ignoreFinding: "pressRelease.ignoreFinding",
  /** Internal: sets `pressRelease.severity.<code>` to `off` in the workspace (args: [code]). */
  disableRule: "pressRelease.disableRule",
} as const;

/** The code action kind of "Copy release without boilerplate". */
export const COPY_WITHOUT_BOILERPLATE_KIND = "source.pressRelease.copyWithoutBoilerplate";

export interface DocumentParams {
  uri: string;
}

/** The release's scorecard, shown in the status bar. */
export interface Scorecard {
  findings: number;
  /** Findings per code (every registry code present, zero when none). */
  byCode: Record<string, number>;
  /** Non-blank lines, and those inside boilerplate blocks. */
  lines: number;
  boilerplateLines: number;
  /** boilerplateLines / lines, 0..1. */
  boilerplateShare: number;
  figures: number;
  figuresSourced: number;
  /** figuresSourced / figures, 0..1; null when the release has no figures. */
  sourcedShare: number | null;
  speakers: number;
  /** Status bar text: "Release: 7 findings · 25% boilerplate · 60% figures sourced". */
  label: string;
  /** Markdown tooltip with the counts by finding. */
  tooltip: string;
}

/** `pressRelease/scorecard`: the scorecard of an open document, or null when it is not analysed as a release. */
export const ScorecardRequest = "pressRelease/scorecard";
/** `pressRelease/report`: the Markdown report of an open document (analysed even when it does not look like a release). */
export const ReportRequest = "pressRelease/report";
export interface ReportResult {
  markdown: string;
}
/** `pressRelease/textWithoutBoilerplate`: the document's text with its boilerplate blocks removed. */
export const TextWithoutBoilerplateRequest = "pressRelease/textWithoutBoilerplate";
export interface TextResult {
  text: string;
}
/** `pressRelease/analyzeWorkspace`: publishes diagnostics for every release in the workspace folders. */
export const AnalyzeWorkspaceRequest = "pressRelease/analyzeWorkspace";
export interface AnalyzeWorkspaceResult {
  /** .txt files looked at (after exclusions), including those skipped. */
  files: number;
  /** Of those, the ones analysed as releases (diagnostics published). */
  releases: number;
  findings: number;
  /** Files skipped as unreadable, binary or too large, and files and folders whose names are not UTF-8 or that cannot be listed (each is logged). */
  skipped: number;
  cancelled: boolean;
}
