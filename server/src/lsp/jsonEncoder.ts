// The JSON encoder of the stdio transport. vscode-jsonrpc's own builds each message as one
// string, JSON.stringify(msg), and encodes it. A string over 128 KB (64K characters when any of
// them is outside Latin-1, as “curly quotes” in messages are) goes to V8's large-object space,
// fresh pages every time: about 0.8 ms on this project's 2-core VM for the diagnostics of a
// 100 KB release, sent after every keystroke (npm run bench). Large arrays are therefore
// written element by element, in chunks of at most CHUNK characters, straight into the bytes.
import type { ContentTypeEncoder } from "vscode-languageserver/node";

/** Characters per piece: well under the 64K two-byte characters of V8's large-object threshold. */
const CHUNK = 16384;
/** Arrays longer than this are written element by element. */
const LONG_ARRAY = 32;
/** How deep into plain objects to look for long arrays (message → params → diagnostics). */
const MAX_DEPTH = 3;

/** The UTF-8 bytes of JSON.stringify(value), built without one string of the whole. */
export function encodeJson(value: unknown): Uint8Array {
  const chunks: string[] = [];
  let current = "";
  const push = (s: string) => {
    if (current.length + s.length > CHUNK && current) {
      chunks.push(current);
      current = "";
    }
    current += s;
  };
  write(value, push, 0);
  chunks.push(current);
  let size = 0;
  for (const c of chunks) size += Buffer.byteLength(c, "utf8");
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const c of chunks) at += out.write(c, at, "utf8");
  return out;
}

function write(value: unknown, push: (s: string) => void, depth: number): void {
  if (Array.isArray(value) && value.length > LONG_ARRAY) {
    push("[");
    for (let i = 0; i < value.length; i++) {
      if (i) push(",");
      push(JSON.stringify(value[i]) ?? "null"); // as JSON.stringify writes undefined and functions in arrays
    }
    push("]");
  } else if (depth < MAX_DEPTH && isPlainObject(value)) {
    push("{");
    let first = true;
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (v === undefined || typeof v === "function" || typeof v === "symbol") continue; // left out, as JSON.stringify does
      push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      write(v, push, depth + 1);
    }
    push("}");
  } else {
    push(JSON.stringify(value) ?? "null");
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v) || typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export const jsonEncoder: ContentTypeEncoder = {
  name: "application/json",
  encode: (msg) => {
    try {
      return Promise.resolve(encodeJson(msg));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  },
};
