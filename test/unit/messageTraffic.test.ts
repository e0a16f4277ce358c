// MessageTraffic (server/src/lsp/messageTraffic.ts) on a real vscode-jsonrpc connection: after
// the thread was held, whenQuiet waits until every request that came in meanwhile is answered,
// not for a fixed number of turns; with nothing waiting it goes on at once; a flood that never
// stops does not hold it past its cap.
import { strict as assert } from "node:assert";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-languageserver/node";
import { MessageTraffic } from "../../server/src/lsp/messageTraffic";

const frame = (id: number) => {
  const body = JSON.stringify({ jsonrpc: "2.0", id, method: "ping", params: {} });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};

describe("MessageTraffic: waiting until no request is left unanswered", () => {
  let input: PassThrough;
  let connection: MessageConnection;
  let traffic: MessageTraffic;
  let answered: number;
  beforeEach(() => {
    input = new PassThrough();
    traffic = new MessageTraffic();
    answered = 0;
    connection = createMessageConnection(traffic.watching(new StreamMessageReader(input)), new StreamMessageWriter(new PassThrough().resume()), undefined, { messageStrategy: traffic.strategy });
    connection.onRequest("ping", () => ++answered);
    connection.listen();
  });
  afterEach(() => connection.dispose());

  const quiet = (capMs: number) => new Promise<number>((resolve) => traffic.whenQuiet(() => resolve(answered), capMs));

  it("forty requests received while the thread was held are all answered first", async () => {
    input.write(Array.from({ length: 40 }, (_, i) => frame(i + 1)).join(""));
    // The connection hands over one message per turn: a fixed wait of a few turns answers a few.
    assert.equal(await quiet(10000), 40);
  });

  it("requests that keep arriving for a while, one every other turn, are answered too", async () => {
    let sent = 0;
    const send = () => {
      input.write(frame(++sent));
      if (sent < 30) setImmediate(() => setImmediate(send));
    };
    send();
    assert.equal(await quiet(10000), 30);
  });

  it("with nothing waiting, goes on within three turns", async () => {
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    await quiet(10000);
    counting = false;
    assert.ok(turns <= 3, `${turns} turns`);
  });

  it("a flood that never stops is cut off at the cap", async () => {
    let flooding = true;
    const flood = () => {
      input.write(frame(1));
      if (flooding) setImmediate(flood);
    };
    flood();
    const started = performance.now();
    await quiet(50);
    const waited = performance.now() - started;
    flooding = false;
    assert.ok(waited >= 50, `went on after ${waited} ms, before the cap`);
    assert.ok(waited < 2000, `went on after ${waited} ms: the cap did not hold`);
    assert.ok(answered > 0);
  });
});

describe("MessageTraffic: requests that came over a socket while the thread was held", () => {
  it("are all answered before whenQuiet goes on (the reader hands them over one per turn, after the first)", async () => {
    const where = path.join(tmpdir(), `pra-traffic-${process.pid}.sock`);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(where, resolve));
    const accepted = new Promise<Socket>((resolve) => server.once("connection", resolve));
    const client = connect(where);
    await new Promise<void>((resolve) => client.once("connect", resolve));
    const socket = await accepted;
    const traffic = new MessageTraffic();
    let answered = 0;
    const connection = createMessageConnection(traffic.watching(new StreamMessageReader(socket)), new StreamMessageWriter(socket), undefined, { messageStrategy: traffic.strategy });
    connection.onRequest("ping", () => ++answered);
    connection.listen();
    client.resume(); // the answers
    try {
      client.write(Array.from({ length: 40 }, (_, i) => frame(i + 1)).join(""));
      // Held, as by an analysis: the bytes wait in the socket until the next poll phase reads them.
      const until = performance.now() + 100;
      while (performance.now() < until);
      assert.equal(await new Promise<number>((resolve) => traffic.whenQuiet(() => resolve(answered), 10000)), 40);
    } finally {
      connection.dispose();
      client.destroy();
      socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
