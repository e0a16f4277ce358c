// Entry point: a language server over the transport its command line names (see transports.ts).
import { startService } from "./lsp/service";
import { connectionOver, transportOf } from "./lsp/transports";
import { MessageTraffic } from "./lsp/messageTraffic";
import { compileRegexesOnFirstRun } from "./regexTiering";

const transport = transportOf(process.argv.slice(2));
if ("error" in transport) {
  process.stderr.write(`press-release-annotator language server: ${transport.error}\n`);
  process.exit(2);
}
compileRegexesOnFirstRun();
const traffic = new MessageTraffic();
const connection = connectionOver(transport, traffic);
startService(connection, traffic);
connection.listen();
