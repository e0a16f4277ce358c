// The VS Code client: starts the language server and wires the editor UI to it: commands,
// the status bar scorecard and the report view. Analysis stays on the server.
import * as path from "node:path";
import type { ExtensionContext } from "vscode";
import { workspace } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { registerCommands } from "./commands";
import { ReportProvider } from "./report";
import { Scorecard } from "./statusBar";

let client: LanguageClient | undefined;

/** The documents the server analyses. */
export const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "plaintext" },
  { scheme: "untitled", language: "plaintext" },
  { scheme: "file", language: "press-release" },
  { scheme: "untitled", language: "press-release" },
];

export async function activate(context: ExtensionContext): Promise<void> {
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
  const c = (client = new LanguageClient("pressRelease", "Press Release Annotator", serverOptions, clientOptions));
  const reports = new ReportProvider(c);
  const scorecard = new Scorecard(c);
  context.subscriptions.push(reports.register(), scorecard, ...registerCommands(c, reports, scorecard));
  await c.start();
  scorecard.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
