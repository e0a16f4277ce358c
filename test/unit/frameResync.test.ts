// The stdio framing guard (server/src/lsp/frameResync.ts): well-formed frames pass through
// byte for byte however the stream is cut into chunks; a frame whose header cannot be read is
// dropped with its body, reported, and the frames after it pass through.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { contentLengthOf, FrameResync } from "../../server/src/lsp/frameResync";

/** What FrameResync makes of `bytes` fed in the given chunk sizes, and what it reported. */
function through(bytes: Buffer, cuts: number[]): { out: Buffer; reports: string[] } {
  const reports: string[] = [];
  const t = new FrameResync((why) => reports.push(why));
  const out: Buffer[] = [];
  t.on("data", (b: Buffer) => out.push(b));
  let at = 0;
  for (const n of cuts) {
    if (at >= bytes.length) break;
    t.write(bytes.subarray(at, at + n));
    at += n;
  }
  if (at < bytes.length) t.write(bytes.subarray(at));
  return { out: Buffer.concat(out), reports };
}

const frameOf = (body: string) => {
  const b = Buffer.from(body, "utf8");
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
};

// Bodies: any text, but not one that itself says "Content-Length:" (the guard resynchronises on it).
const body = fc.string({ unit: "binary", maxLength: 300 }).filter((s) => !/content-length:/i.test(s));
const cuts = fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 200 });
const BAD_HEADERS = [
  "Content-Type: text/plain\r\n\r\n",
  "Content-Length: abc\r\n\r\n",
  "Content-Length: -5\r\n\r\n",
  "Content-Length: 12\n\n",
  "Content-Length 12\r\n\r\n",
  "Content-Length: 99999999999\r\n\r\n",
];

describe("frame guard on the server's stdin", () => {
  it("well-formed frames pass through unchanged, however the stream is cut (2,000 runs)", () => {
    fc.assert(
      fc.property(fc.array(body, { maxLength: 8 }), cuts, (bodies, sizes) => {
        const bytes = Buffer.concat(bodies.map(frameOf));
        const { out, reports } = through(bytes, sizes);
        assert.ok(out.equals(bytes));
        assert.deepEqual(reports, []);
      }),
      { numRuns: 2000 },
    );
  });

  it("a frame with an unreadable header is dropped with its body and reported; the frames around it pass through (2,000 runs)", () => {
    fc.assert(
      fc.property(fc.array(body, { maxLength: 4 }), fc.constantFrom(...BAD_HEADERS), body, fc.array(body, { minLength: 1, maxLength: 4 }), cuts, (before, bad, orphan, after, sizes) => {
        const good = (bs: string[]) => Buffer.concat(bs.map(frameOf));
        const bytes = Buffer.concat([good(before), Buffer.from(bad + orphan, "utf8"), good(after)]);
        const { out, reports } = through(bytes, sizes);
        assert.ok(out.equals(Buffer.concat([good(before), good(after)])), `got ${JSON.stringify(out.toString("latin1").slice(0, 200))}`);
        assert.equal(reports.length, 1, reports.join("; "));
      }),
      { numRuns: 2000 },
    );
  });

  it("bytes that never end a header are dropped as they come, not held until a frame follows", () => {
    const reports: string[] = [];
    const t = new FrameResync((why) => reports.push(why));
    const out: Buffer[] = [];
    t.on("data", (b: Buffer) => out.push(b));
    for (let i = 0; i < 64; i++) t.write(Buffer.from("x".repeat(1023) + "\n")); // 64 KB of one line after another, no CRLF CRLF
    assert.equal(reports.length, 1, "told once, while the bytes were still coming");
    assert.match(reports[0], /no end of the header in \d+ bytes/);
    t.write(frameOf('{"jsonrpc":"2.0","method":"exit"}'));
    assert.equal(Buffer.concat(out).toString(), frameOf('{"jsonrpc":"2.0","method":"exit"}').toString(), "the next frame passes whole");
  });

  it("reads a header's Content-Length as the protocol spells it, and says why one is unusable", () => {
    assert.equal(contentLengthOf("Content-Length: 42"), 42);
    assert.equal(contentLengthOf("content-length:7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8"), 7);
    assert.match(String(contentLengthOf("Content-Type: x")), /without Content-Length/);
    assert.match(String(contentLengthOf("Content-Length: 4x")), /not a number/);
    assert.match(String(contentLengthOf("Content-Length 4")), /without ":"/);
    assert.match(String(contentLengthOf("Content-Length: 99999999999")), /more than any message/);
  });
});
