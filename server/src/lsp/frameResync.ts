// The stdio stream as vscode-jsonrpc reads it, with frames whose header cannot be read taken
// out. Its reader, given a header without a usable Content-Length (missing, not a number,
// negative, lines ended by LF alone), reports an error and goes on reading the rest as if it
// were aligned: every later message was lost and the server sat silent, alive, for good. Here
// a bad header is reported and the stream skips to the next "Content-Length:", where the next
// frame starts. Well-formed frames pass through as they came (bodies are not copied).
import { Transform, type TransformCallback } from "node:stream";

const HEADER_END = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = "content-length:";
const HYPHEN = 0x2d;

/** Where "Content-Length:" (any case) starts in `b`, or -1: found by its hyphen, a native byte search, with no copy of `b`. */
function contentLengthAt(b: Buffer): number {
  for (let i = b.indexOf(HYPHEN, 7); i >= 0; i = b.indexOf(HYPHEN, i + 1)) {
    if (i + 8 > b.length) return -1;
    if (b.toString("latin1", i - 7, i + 8).toLowerCase() === CONTENT_LENGTH) return i - 7;
  }
  return -1;
}
/** Past this many bytes with no end of the header block, the bytes are not a header. */
const MAX_HEADER_BYTES = 8192;
/** A body no string can hold (V8's longest is about 2^29 characters): waiting for it would swallow every later message. */
const MAX_BODY_BYTES = 2 ** 31;

/** The body length a header block (latin1, without its final CRLF CRLF) gives, or why it gives none. */
export function contentLengthOf(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) return `a header line without ":" (${JSON.stringify(line.slice(0, 60))})`;
    // The name as vscode-jsonrpc reads it: not trimmed (" Content-Length" is another header to it).
    if (line.slice(0, colon).toLowerCase() !== "content-length") continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `Content-Length is not a number of bytes (${JSON.stringify(value.slice(0, 60))})`;
    length = Number(value);
    if (length > MAX_BODY_BYTES) return `Content-Length of ${value} bytes, more than any message can hold`;
  }
  return length ?? "a header without Content-Length";
}

export class FrameResync extends Transform {
  /** Bytes of a header block not complete yet (or, while skipping, not searched yet). */
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current body still to pass through. */
  private body = 0;
  /** After a bad header: looking for the next "Content-Length:". */
  private skipping = false;
  private reportedAt = -Infinity;
  private unreported = 0;

  constructor(private readonly report: (why: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data: Buffer = chunk;
    while (data.length) {
      if (this.body > 0) {
        const n = Math.min(this.body, data.length);
        this.push(data.subarray(0, n));
        this.body -= n;
        data = data.subarray(n);
        continue;
      }
      this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
      data = this.readHeader();
    }
    done();
  }

  /** Reads what `pending` holds: a header passed on (the bytes after it returned), or kept until more comes. */
  private readHeader(): Buffer {
    const none = Buffer.alloc(0);
    if (this.skipping) {
      const at = contentLengthAt(this.pending);
      if (at < 0) {
        // Keep only what could be the start of "Content-Length:" cut by the chunk's end.
        this.pending = this.pending.subarray(Math.max(0, this.pending.length - CONTENT_LENGTH.length + 1));
        return none;
      }
      this.skipping = false;
      this.pending = this.pending.subarray(at);
    }
    const end = this.pending.indexOf(HEADER_END);
    if (end < 0) {
      if (this.pending.length > MAX_HEADER_BYTES) this.skipFrom(`no end of the header in ${this.pending.length} bytes`);
      return this.skipping ? this.takePending() : none;
    }
    const length = contentLengthOf(this.pending.subarray(0, end).toString("latin1"));
    if (typeof length === "string") {
      this.skipFrom(length);
      return this.takePending();
    }
    this.push(this.pending.subarray(0, end + HEADER_END.length));
    this.body = length;
    return this.takePending(end + HEADER_END.length);
  }

  private skipFrom(why: string): void {
    // One line a second at most: a client sending nothing but bad frames does not flood the log.
    const now = Date.now();
    if (now - this.reportedAt >= 1000) {
      const more = this.unreported ? ` (and ${this.unreported} more since the last report)` : "";
      this.report(`a message with a header that cannot be read was skipped: ${why}${more}`);
      this.reportedAt = now;
      this.unreported = 0;
    } else this.unreported++;
    this.skipping = true;
    // The search for the next frame starts after the bad header's first byte.
    this.pending = this.pending.subarray(1);
  }

  private takePending(from = 0): Buffer {
    const rest = this.pending.subarray(from);
    this.pending = Buffer.alloc(0);
    return rest;
  }
}
