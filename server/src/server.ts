// Entry point: a language server over stdio (`--stdio`) or IPC (from the VS Code client).
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startService } from "./lsp/service";

const connection = createConnection(ProposedFeatures.all);
startService(connection);
connection.listen();
