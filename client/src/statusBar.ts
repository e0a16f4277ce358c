// The status bar scorecard of the active release: "Release: 7 findings · 25% boilerplate ·
// 60% figures sourced". Refreshed when the editor or its diagnostics change; clicking it
// opens the report.
import type { Disposable, TextDocument } from "vscode";
import { languages, MarkdownString, StatusBarAlignment, window } from "vscode";
import type { ServerLink } from "./deferredClient";
import { Commands, ScorecardRequest, type DocumentParams, type Scorecard as ScorecardData } from "../../server/src/protocol";

const LANGUAGES = new Set(["plaintext", "press-release"]);

export class Scorecard implements Disposable {
  private readonly item = window.createStatusBarItem("pressRelease.scorecard", StatusBarAlignment.Left, 10);
  private readonly subscriptions: Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** The last release shown, so commands run from the report or the panel know which one. */
  lastRelease: TextDocument | undefined;

  constructor(private readonly client: ServerLink) {
    this.item.name = "Press Release Scorecard";
    this.item.command = Commands.showReport;
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor(() => this.refresh()),
      languages.onDidChangeDiagnostics((e) => {
        const doc = window.activeTextEditor?.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.refresh();
      }),
    );
  }

  /** Asks the server for the active document's scorecard (debounced). */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 50);
  }

  private async update(): Promise<void> {
    const doc = window.activeTextEditor?.document;
    const generation = ++this.generation;
    if (!doc || !LANGUAGES.has(doc.languageId) || !this.client.isRunning()) {
      if (doc) this.item.hide(); // keep the last release's card while a report or panel has focus
      return;
    }
    let card: ScorecardData | null;
    try {
      card = await this.client.sendRequest<ScorecardData | null>(ScorecardRequest, { uri: doc.uri.toString() } satisfies DocumentParams);
    } catch {
      card = null;
    }
    if (generation !== this.generation) return; // a newer refresh is on its way
    if (!card) {
      this.item.hide();
      return;
    }
    this.lastRelease = doc;
    this.item.text = card.label;
    this.item.tooltip = new MarkdownString(card.tooltip);
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
