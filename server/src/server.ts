// Entry point: a language server over stdio (`--stdio`) or IPC (from the VS Code client).
import { format } from "node:util";
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from "vscode-languageserver/node";
import { startService } from "./lsp/service";
import { jsonEncoder } from "./lsp/jsonEncoder";
import { answeringInvalidMessages } from "./lsp/invalidMessages";
import { compileRegexesOnFirstRun } from "./regexTiering";

compileRegexesOnFirstRun();
const connection = process.argv.includes("--stdio") ? stdioConnection() : process.argv.includes("--node-ipc") ? ipcConnection() : createConnection(ProposedFeatures.all);
startService(connection);
connection.listen();

/**
 * Over stdio, with our JSON encoder (see jsonEncoder.ts), and frames that are not messages
 * answered (see invalidMessages.ts). As createConnection does for `--stdio`, console output
 * goes to the client's log instead of into the protocol stream.
 */
function stdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout, { charset: "utf-8", contentTypeEncoder: jsonEncoder });
  const c = createConnection(ProposedFeatures.all, answeringInvalidMessages(new StreamMessageReader(process.stdin), writer), writer);
  // As console itself formats its arguments (util.format: errors with their stack, no throw on cycles).
  console.log = console.info = console.debug = (...args: unknown[]) => c.console.log(format(...args));
  console.warn = (...args: unknown[]) => c.console.warn(format(...args));
  console.error = (...args: unknown[]) => c.console.error(format(...args));
  return c;
}

/** Over Node's IPC channel (how VS Code starts the server), with messages that are not messages answered too. */
function ipcConnection(): Connection {
  const writer = new IPCMessageWriter(process);
  return createConnection(ProposedFeatures.all, answeringInvalidMessages(new IPCMessageReader(process), writer), writer);
}
