// JSON-RPC 2.0's answers to what is not a message (its section 5.1): a frame whose body is not
// JSON gets a parse error (-32700), and JSON that is neither a request, a notification nor a
// response gets an invalid-request error (-32600); the id is the message's own when it has a
// usable one, else null. vscode-jsonrpc only logs both and answers nothing, which leaves a
// client that sent one waiting for an answer that never comes.
import { ErrorCodes, type Message, type MessageReader, type MessageWriter, type ResponseMessage } from "vscode-languageserver/node";
import { tappedReader } from "./tappedReader";

/** Why a decoded message is not one the connection can handle, the id and code to answer with; undefined when it is fine. */
export function invalidMessage(msg: unknown): { id: string | number | null; why: string; code?: number } | undefined {
  if (msg === null || typeof msg !== "object") return { id: null, why: "the message is not a JSON object" };
  if (Array.isArray(msg)) return { id: null, why: "the message is a batch (a JSON array), which LSP does not use" };
  const m = msg as Record<string, unknown>;
  // A response (it has a result or an error): the connection matches it with the request it answers.
  if ("result" in m || "error" in m) return undefined;
  const id = typeof m.id === "string" || typeof m.id === "number" ? m.id : null;
  if (!("method" in m)) return { id, why: "the message has no method, nor a result or an error" };
  if (typeof m.method !== "string") return { id, why: "the message's method is not a string" };
  if (m.id !== undefined && id === null) return { id, why: "the message's id is neither a number nor a string" };
  // JSON-RPC's params are an object or an array, or left out. Null is left to shutdown (some
  // clients send it there); other requests read their params before any handler could check them.
  if (m.params !== undefined && (m.params === null ? m.id !== undefined && m.method !== "shutdown" : typeof m.params !== "object"))
    return m.params === null ? { id, why: "the request's params are null", code: ErrorCodes.InvalidParams } : { id, why: "the message's params are neither an object nor an array" };
  // The library reads an initialize's capabilities before the server's handler runs.
  if (m.method === "initialize" && m.id !== undefined) {
    const capabilities = typeof m.params === "object" && m.params !== null ? (m.params as Record<string, unknown>).capabilities : undefined;
    if (typeof capabilities !== "object" || capabilities === null) return { id, why: "initialize needs the client's capabilities (an object)", code: ErrorCodes.InvalidParams };
  }
  return undefined;
}

/** `reader`, with parse errors and invalid messages answered through `writer` instead of dropped. */
export function answeringInvalidMessages(reader: MessageReader, writer: MessageWriter): MessageReader {
  const answer = (id: string | number | null, code: number, message: string) => {
    const response: ResponseMessage = { jsonrpc: "2.0", id, error: { code, message } };
    writer.write(response).catch(() => undefined); // a closed stream: the connection reports that itself
  };
  const lifecycle = new Lifecycle();
  // The reader still reports the error: the connection logs it, as before.
  reader.onError((e) => {
    if (e instanceof SyntaxError) answer(null, ErrorCodes.ParseError, `Parse error: the message is not JSON (${e.message})`);
  });
  return tappedReader(reader, (msg, deliver) => {
    const invalid = invalidMessage(msg);
    if (!invalid) {
      const refused = lifecycle.refuses(msg);
      if (refused && refused.id !== undefined) answer(refused.id, refused.code, refused.message);
      return refused ? undefined : deliver(msg);
    }
    const code = invalid.code ?? ErrorCodes.InvalidRequest;
    answer(invalid.id, code, `${code === ErrorCodes.InvalidParams ? "Invalid params" : "Invalid request"}: ${invalid.why}.`);
    // An object without a method may still be a broken answer to one of the server's own
    // requests: the connection, told of it, rejects the request it has that id for.
    if (typeof msg === "object" && msg !== null && !Array.isArray(msg) && !("method" in msg)) deliver(msg);
  });
}

/**
 * LSP's order of a session: before `initialize` a request gets ServerNotInitialized and a
 * notification is dropped (except `exit`); after `shutdown` a request gets InvalidRequest and
 * a notification is dropped (except `exit`). The library served both.
 */
class Lifecycle {
  private phase: "new" | "serving" | "shut" = "new";

  /** How a valid message is refused (no id: dropped unanswered), or undefined when it goes on. */
  refuses(msg: Message): { id?: string | number; code: number; message: string } | undefined {
    const m = msg as { id?: string | number; method?: string };
    if (typeof m.method !== "string" || m.method === "exit") return undefined; // responses, and exit at any time
    const request = m.id !== undefined;
    if (this.phase === "new") {
      if (m.method === "initialize" && request) {
        this.phase = "serving";
        return undefined;
      }
      return { id: m.id, code: ErrorCodes.ServerNotInitialized, message: `Server not initialized: ${m.method} before initialize.` };
    }
    if (this.phase === "serving") {
      if (m.method === "shutdown" && request) this.phase = "shut";
      return undefined;
    }
    if (m.method === "shutdown" && request) return undefined;
    return { id: m.id, code: ErrorCodes.InvalidRequest, message: `Invalid request: ${m.method} after shutdown.` };
  }
}
