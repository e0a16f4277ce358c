// Reading releases from disk (server/src/files.ts), as the CLI and Analyse Workspace do: the
// size limit counts characters, whatever the encoding; UTF-16 needs its byte-order mark.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { decodeText, readText } from "../../server/src/files";

describe("reading releases from disk", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pra-files-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const text = "Acme said growth was strong. ".repeat(20); // 580 characters
  const utf16 = path.join(dir, "utf16.txt");
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])); // 1,162 bytes

  it("the size limit counts characters: a UTF-16 file of 580 characters (1,162 bytes) is under a limit of 1,000", async () => {
    assert.equal(await readText(utf16, 1000), text);
  });

  it("over the limit: refused, saying how many characters against what limit", async () => {
    await assert.rejects(readText(utf16, 500), /too large \(580 characters, over the limit of 500\)/);
    await assert.rejects(readText(utf16, 100), /too large \(at least 388 characters, over the limit of 100\)/);
  });

  it("UTF-32 opens with UTF-16's mark: its NUL characters make it binary", () => {
    const utf32 = Buffer.alloc(4 + 4 * 4);
    utf32.set([0xff, 0xfe, 0, 0]);
    "Acme".split("").forEach((c, i) => utf32.writeUInt32LE(c.charCodeAt(0), 4 + 4 * i));
    assert.throws(() => decodeText(utf32), /binary file \(contains NUL characters\)/);
  });
});
