// The server's connection to its client, over the transport its command line names. Every
// transport gets the same reader wrapper (invalidMessages.ts), so what is not a message is
// answered whichever way the client connected; createConnection's own argument handling
// would give socket and pipe clients a reader without it.
import { format } from "node:util";
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type MessageReader,
  type MessageWriter,
} from "vscode-languageserver/node";
import { jsonEncoder } from "./jsonEncoder";
import { answeringInvalidMessages } from "./invalidMessages";
import { FrameResync } from "./frameResync";
import type { MessageTraffic } from "./messageTraffic";

export type Transport = { kind: "stdio" } | { kind: "ipc" } | { kind: "socket"; port: number } | { kind: "pipe"; name: string };

const TRANSPORT_USAGE = "start the server with --stdio, --node-ipc, --socket=PORT or --pipe=NAME";

/**
 * The transport named by the arguments, read as vscode-languageserver reads them (the first
 * one given wins; "--socket=PORT" or "--socket PORT", likewise "--pipe"), or a reason why none
 * is usable.
 */
export function transportOf(argv: readonly string[]): Transport | { error: string } {
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i]);
    if (flag === "--stdio") return { kind: "stdio" };
    if (flag === "--node-ipc") return { kind: "ipc" };
    if (flag === "--socket" || flag === "--pipe") {
      const value = inline ?? argv[i + 1];
      if (flag === "--pipe") return value ? { kind: "pipe", name: value } : { error: "--pipe needs the name of the client's pipe" };
      const port = Number(value);
      return Number.isInteger(port) && port > 0 && port < 65536 ? { kind: "socket", port } : { error: `--socket needs a port number from 1 to 65535, not ${JSON.stringify(value ?? "")}` };
    }
  }
  return { error: `no transport given: ${TRANSPORT_USAGE}` };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

/** The connection over `transport`, its messages counted by `traffic`. */
export function connectionOver(transport: Transport, traffic: MessageTraffic): Connection {
  const connect = (reader: MessageReader, writer: MessageWriter): Connection =>
    createConnection(ProposedFeatures.all, traffic.watching(answeringInvalidMessages(reader, writer)), writer, { messageStrategy: traffic.strategy });
  switch (transport.kind) {
    case "stdio":
      return stdioConnection(connect);
    case "ipc":
      return connect(new IPCMessageReader(process), new IPCMessageWriter(process));
    case "socket":
      // The client listens on the port and the server connects to it, as VS Code's TransportKind.socket expects.
      return connect(...createServerSocketTransport(transport.port));
    case "pipe":
      return connect(...createServerPipeTransport(transport.name));
  }
}

/**
 * Over stdio, with our JSON encoder (see jsonEncoder.ts). As createConnection does for
 * `--stdio`, console output goes to the client's log instead of into the protocol stream.
 */
function stdioConnection(connect: (reader: MessageReader, writer: MessageWriter) => Connection): Connection {
  // Frames with an unreadable header are skipped, not left to misalign every later one (see frameResync.ts).
  const input = process.stdin.pipe(new FrameResync((why) => process.stderr.write(`press-release-annotator: ${why}\n`)));
  const c = connect(new StreamMessageReader(input), new StreamMessageWriter(process.stdout, { charset: "utf-8", contentTypeEncoder: jsonEncoder }));
  // As console itself formats its arguments (util.format: errors with their stack, no throw on cycles).
  console.log = console.info = console.debug = (...args: unknown[]) => c.console.log(format(...args));
  console.warn = (...args: unknown[]) => c.console.warn(format(...args));
  console.error = (...args: unknown[]) => c.console.error(format(...args));
  return c;
}
