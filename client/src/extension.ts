// The VS Code client: starts the language server and wires the editor UI to it: commands,
// the status bar scorecard and the report view. Analysis stays on the server.
import * as path from "node:path";
import type { ExtensionContext } from "vscode";
import { window, workspace } from "vscode";
import type { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { DeferredClient } from "./deferredClient";
import { registerCommands } from "./commands";
import { ReportProvider } from "./report";
import { Scorecard } from "./statusBar";

let link: DeferredClient | undefined;

/** The documents the server analyses. */
export const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "plaintext" },
  { scheme: "untitled", language: "plaintext" },
  { scheme: "file", language: "press-release" },
  { scheme: "untitled", language: "press-release" },
];

function createClient(context: ExtensionContext): LanguageClient {
  // Required here, not imported at the top: see deferredClient.ts. A separate bundle (esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LanguageClient: Client, TransportKind } = require("./languageClient.js") as typeof import("./languageClientModule");
  const module = context.asAbsolutePath(path.join("server", "out", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: "pressRelease" },
    initializationOptions: { settings: workspace.getConfiguration("pressRelease") },
  };
  return new Client("pressRelease", "Press Release Annotator", serverOptions, clientOptions);
}

export function activate(context: ExtensionContext): void {
  const l = (link = new DeferredClient(() => createClient(context)));
  const reports = new ReportProvider(l);
  const scorecard = new Scorecard(l);
  context.subscriptions.push(reports.register(), scorecard, ...registerCommands(l, reports, scorecard));
  // After activation returns: load the language client and start the server (about 200 ms).
  const starting = setImmediate(() =>
    l.start().then(
      () => scorecard.refresh(),
      (e: unknown) => void window.showErrorMessage(`Press Release Annotator: the language server did not start: ${e instanceof Error ? e.message : String(e)}`),
    ),
  );
  context.subscriptions.push({ dispose: () => clearImmediate(starting) });
}

export async function deactivate(): Promise<void> {
  await link?.stop();
}
