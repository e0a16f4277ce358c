// The report of a release as a read-only virtual Markdown document, rendered by VS Code's
// Markdown preview beside the release. The server writes the Markdown.
import type { Disposable, TextDocumentContentProvider } from "vscode";
import { commands, EventEmitter, Uri, workspace } from "vscode";
import type { ServerLink } from "./deferredClient";
import { ReportRequest, type DocumentParams, type ReportResult } from "../../server/src/protocol";

export const REPORT_SCHEME = "press-release-report";

export class ReportProvider implements TextDocumentContentProvider {
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: ServerLink) {}

  register(): Disposable {
    return workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);
  }

  /** The report's URI for a release: its name, with the release's URI in the query. */
  static uriFor(release: Uri): Uri {
    const name = release.path.split("/").pop() || "release";
    return Uri.from({ scheme: REPORT_SCHEME, path: `/${name} report.md`, query: release.toString() });
  }

  async provideTextDocumentContent(uri: Uri): Promise<string> {
    try {
      const r = await this.client.sendRequest<ReportResult>(ReportRequest, { uri: uri.query } satisfies DocumentParams);
      return r.markdown;
    } catch (e) {
      return `# Press release report\n\nThe report could not be made: ${e instanceof Error ? e.message : String(e)}\n`;
    }
  }

  /** Opens (or refreshes) the release's report in a Markdown preview to the side. */
  async show(release: Uri): Promise<void> {
    const uri = ReportProvider.uriFor(release);
    this.changed.fire(uri);
    await commands.executeCommand("markdown.showPreviewToSide", uri);
  }
}
