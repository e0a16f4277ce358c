// Reading releases from disk (server/src/files.ts), as the CLI and Analyse Workspace do: the
// size limit counts characters, whatever the encoding; UTF-16 needs its byte-order mark; a
// walk tells of the names it cannot use and the folders it cannot list.
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { decodeText, expandGlob, readText, walk, type Skipped } from "../../server/src/files";

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

describe("walking folders: names that are not UTF-8, folders that cannot be listed", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pra-walk-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // Names as bytes: Linux takes any, and old archives bring Latin-1 ones ("café" with é as 0xE9).
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));
  writeFileSync(path.join(dir, "ok.txt"), "A release.");
  writeFileSync(bytes(dir, "/caf", [0xe9], ".txt"), "A release.");
  writeFileSync(bytes(dir, "/caf", [0xe9], ".md"), "Not a .txt file: not wanted, not told of.");
  mkdirSync(bytes(dir, "/d", [0xe9], "p"));
  writeFileSync(bytes(dir, "/d", [0xe9], "p/inside.txt"), "A release.");
  mkdirSync(path.join(dir, "sub"));
  writeFileSync(path.join(dir, "sub/caf\u00e9.txt"), "A release with a UTF-8 name.");
  writeFileSync(path.join(dir, "sub/\ufeffmark.txt"), "A release whose name opens with U+FEFF: part of the name, not a byte-order mark to drop.");

  const walked = async (root: string, exclude: string[] = []) => {
    const skipped: Skipped[] = [];
    const files: string[] = [];
    for await (const f of walk(root, { exclude, onSkip: (s) => skipped.push(s) })) files.push(path.relative(dir, f));
    return { files, skipped: skipped.map((s) => ({ ...s, path: path.relative(dir, s.path) })) };
  };

  it("yields the files it can open, and tells of a file and a folder whose names are not UTF-8, bytes shown as \\xHH", async () => {
    const { files, skipped } = await walked(dir);
    assert.deepEqual(files, ["ok.txt", path.join("sub", "caf\u00e9.txt"), path.join("sub", "\ufeffmark.txt")]);
    assert.deepEqual(skipped, [
      { path: "caf\\xE9.txt", folder: false, reason: "its name is not valid UTF-8 text; rename the file to analyse it" },
      { path: "d\\xE9p", folder: true, reason: "its name is not valid UTF-8 text; rename the folder to search it" },
    ]);
  });

  it("an excluded path is not told of", async () => {
    assert.deepEqual((await walked(dir, ["d*", "caf*"])).skipped, []);
  });

  it("a folder that cannot be listed is told of with the reason", async () => {
    const { files, skipped } = await walked(path.join(dir, "ok.txt"));
    assert.deepEqual(files, []);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0].reason, /^cannot list this folder \(ENOTDIR\); exclude it to skip it$/);
    assert.equal(skipped[0].code, "ENOTDIR");
  });

  it("a glob tells of the unusable files it matches and the folders it reaches, not of others", async () => {
    const told = async (pattern: string) => {
      const skipped: string[] = [];
      await expandGlob(pattern, dir, [], (s) => skipped.push(path.relative(dir, s.path)));
      return skipped;
    };
    assert.deepEqual(await told("*.txt"), ["caf\\xE9.txt"]);
    assert.deepEqual(await told("*.md"), ["caf\\xE9.md"]);
    assert.deepEqual(await told("*/*.txt"), ["d\\xE9p"]);
    assert.deepEqual(await told("**/*.txt"), ["caf\\xE9.txt", "d\\xE9p"]);
    assert.deepEqual(await told("s*/*.txt"), [], "the folder is not one the pattern reaches");
    assert.deepEqual(await told("{sub,x}/*.txt"), []);
    assert.deepEqual(await told("d*/*.txt"), ["d\\xE9p"]);
    assert.deepEqual(await told("missing/**/*.txt"), [], "a base folder that does not exist matches nothing, as before");
  });
});
