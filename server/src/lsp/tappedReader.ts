// A message reader whose every delivered message passes through a tap first: the layers over
// the transport's reader (invalidMessages.ts, messageTraffic.ts) each see messages this way.
import type { DataCallback, Message, MessageReader } from "vscode-languageserver/node";

/** `reader`, with `tap` deciding what reaches the connection (it calls `deliver`, or not). */
export function tappedReader(reader: MessageReader, tap: (msg: Message, deliver: DataCallback) => void): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen: (callback: DataCallback) => reader.listen((msg: Message) => tap(msg, callback)),
  };
}
