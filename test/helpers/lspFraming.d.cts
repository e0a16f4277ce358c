// Types of lspFraming.cjs.
/** One message as bytes: header and UTF-8 JSON body ("jsonrpc": "2.0" added). */
export declare function frame(msg: Record<string, unknown>): Buffer;
/** Takes the byte stream in whatever chunks it comes and gives back the whole messages. */
export declare class MessageReader {
  push(chunk: Buffer): Record<string, any>[];
}
