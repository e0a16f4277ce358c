// Entry point: a language server over the transport its command line names (see transports.ts).
import { startService } from "./lsp/service";
import { connectionOver, transportOf } from "./lsp/transports";
import { compileRegexesOnFirstRun } from "./regexTiering";

const transport = transportOf(process.argv.slice(2));
if ("error" in transport) {
  process.stderr.write(`press-release-annotator language server: ${transport.error}\n`);
  process.exit(2);
}
compileRegexesOnFirstRun();
const connection = connectionOver(transport);
startService(connection);
connection.listen();
