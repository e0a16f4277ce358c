// The LSP base protocol's framing (a Content-Length header, then the JSON body), shared by the
// test clients that talk to the server over stdio without vscode-jsonrpc: the accuracy
// client, the benchmark's client, and the protocol client's burst of edits in one write.
// CommonJS so that both the TypeScript tests and the plain-Node benchmark can load it.
"use strict";

/** One message as bytes. */
function frame(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...msg }), "utf8");
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]);
}

/** Takes the byte stream in whatever chunks it comes and gives back the whole messages. */
class MessageReader {
  constructor() {
    this.buf = Buffer.alloc(0);
  }

  push(chunk) {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out = [];
    for (;;) {
      const sep = this.buf.indexOf("\r\n\r\n");
      if (sep < 0) return out;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, sep).toString());
      if (!m) throw new Error("bad header from server");
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return out;
      out.push(JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString("utf8")));
      this.buf = this.buf.subarray(sep + 4 + len);
    }
  }
}

module.exports = { frame, MessageReader };
