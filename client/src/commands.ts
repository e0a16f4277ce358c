// The extension's commands. The ones code actions invoke write workspace settings, which the
// server reads back (as LTeX does for hidden false positives).
import type { Disposable, TextDocument } from "vscode";
import { commands, ConfigurationTarget, env, Uri, window, workspace } from "vscode";
import type { ServerLink } from "./deferredClient";
import { AnalyzeWorkspaceRequest, Commands, TextWithoutBoilerplateRequest, type AnalyzeWorkspaceResult, type DocumentParams, type TextResult } from "../../server/src/protocol";
import type { ReportProvider } from "./report";
import type { Scorecard } from "./statusBar";

const SECTION = "pressRelease";

/** Workspace settings when a folder is open, user settings otherwise. */
function target(): ConfigurationTarget {
  return workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
}

/** The value of a setting at the target only (not merged with defaults or other scopes). */
function valueAt<T>(key: string, t: ConfigurationTarget): T | undefined {
  const i = workspace.getConfiguration(SECTION).inspect<T>(key);
  return t === ConfigurationTarget.Workspace ? i?.workspaceValue : i?.globalValue;
}

export async function ignoreFinding(key: unknown): Promise<void> {
  if (typeof key !== "string" || !key) return;
  const t = target();
  const current = valueAt<string[]>("ignoredFindings", t) ?? [];
  if (!current.includes(key)) await workspace.getConfiguration(SECTION).update("ignoredFindings", [...current, key], t);
}

export async function disableRule(code: unknown): Promise<void> {
  if (typeof code !== "string" || !code) return;
  const t = target();
  const current = valueAt<Record<string, string>>("severity", t) ?? {};
  await workspace.getConfiguration(SECTION).update("severity", { ...current, [code]: "off" }, t);
}

export function registerCommands(client: ServerLink, reports: ReportProvider, scorecard: Scorecard): Disposable[] {
  /** The release a command applies to: its argument, the active editor, or the last release shown. */
  const releaseOf = (arg: unknown): Uri | undefined => {
    if (arg instanceof Uri) return arg;
    if (typeof arg === "string" && arg) return Uri.parse(arg);
    const doc: TextDocument | undefined = window.activeTextEditor?.document;
    if (doc && (doc.languageId === "plaintext" || doc.languageId === "press-release")) return doc.uri;
    return scorecard.lastRelease?.uri;
  };
  const noRelease = () => void window.showWarningMessage("Press Release: open a press release (a .txt file) first.");

  return [
    commands.registerCommand(Commands.showReport, async (arg?: unknown) => {
      const uri = releaseOf(arg);
      if (!uri) return noRelease();
      await reports.show(uri);
    }),
    commands.registerCommand(Commands.copyWithoutBoilerplate, async (arg?: unknown) => {
      const uri = releaseOf(arg);
      if (!uri) return noRelease();
      const r = await client.sendRequest<TextResult>(TextWithoutBoilerplateRequest, { uri: uri.toString() } satisfies DocumentParams);
      await env.clipboard.writeText(r.text);
      void window.showInformationMessage(`Copied the release without boilerplate (${r.text.split(/\r?\n/).filter(Boolean).length} lines).`);
    }),
    commands.registerCommand(Commands.analyzeWorkspace, async () => {
      let r: AnalyzeWorkspaceResult;
      try {
        r = await client.sendRequest<AnalyzeWorkspaceResult>(AnalyzeWorkspaceRequest, {});
      } catch (e) {
        return void window.showErrorMessage(`Press Release: Analyse Workspace failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      const skipped = r.skipped ? `; ${r.skipped} skipped (the Press Release Annotator output lists them and why)` : "";
      void window.showInformationMessage(`${r.cancelled ? "Cancelled: " : ""}Analysed ${r.files} .txt files: ${r.releases} releases, ${r.findings} findings${skipped}. Open files keep their live findings.`);
    }),
    commands.registerCommand(Commands.ignoreFinding, ignoreFinding),
    commands.registerCommand(Commands.disableRule, disableRule),
  ];
}
