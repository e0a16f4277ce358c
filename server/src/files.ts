// Reading releases from disk and walking folders for them, shared by the CLI and the
// server's "Analyse Workspace". Node-only; the engine never imports this.
import { readFile, readdir, stat } from "node:fs/promises";
import * as path from "node:path";
import picomatch from "picomatch";

/** A file that cannot be analysed, with a one-line reason. */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16le = new TextDecoder("utf-16le", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });

/**
 * Decodes bytes as text: UTF-8, or UTF-16 when a byte-order mark says so (Windows tools save
 * releases that way; its NUL bytes made them "binary"). Refuses binary data and invalid text.
 */
export function decodeText(buf: Uint8Array): string {
  const utf16 = buf[0] === 0xff && buf[1] === 0xfe ? utf16le : buf[0] === 0xfe && buf[1] === 0xff ? utf16be : undefined;
  if (utf16) {
    let text: string;
    try {
      text = utf16.decode(buf);
    } catch {
      throw new UnreadableFile(`not valid ${utf16.encoding.toUpperCase()} text (it opens with that byte-order mark)`);
    }
    if (text.includes("\0")) throw new UnreadableFile("binary file (contains NUL characters)"); // UTF-32 opens with the same mark
    return text;
  }
  if (buf.includes(0)) throw new UnreadableFile("binary file (contains NUL bytes)");
  try {
    return utf8.decode(buf);
  } catch {
    throw new UnreadableFile("not valid UTF-8 text");
  }
}

/**
 * Reads a file as text (see decodeText); throws UnreadableFile with a one-line reason. `maxSize`
 * counts characters (UTF-16 code units, as the editor does): a file of more than three bytes a
 * character cannot be under it in any encoding read here, and is not read at all.
 */
export async function readText(file: string, maxSize = Number.MAX_SAFE_INTEGER): Promise<string> {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFile(code === "ENOENT" ? `no such file${file.includes("\uFFFD") ? " (the name as given is not valid UTF-8 text: if the file exists, rename it)" : ""}` : code === "EACCES" ? "permission denied" : `cannot read (${code ?? String(e)})`);
  }
  if (st.isDirectory()) throw new UnreadableFile("is a directory");
  if (!st.isFile()) throw new UnreadableFile("not a regular file");
  const tooLarge = (characters: string) => new UnreadableFile(`too large (${characters} characters, over the limit of ${maxSize})`);
  if (st.size > 3 * maxSize) throw tooLarge(`at least ${Math.ceil(st.size / 3)}`);
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFile(code === "EACCES" ? "permission denied" : `cannot read (${code ?? String(e)})`);
  }
  const text = decodeText(buf);
  if (text.length > maxSize) throw tooLarge(String(text.length));
  return text;
}

/** A glob pattern that cannot be used (picomatch refuses patterns over 65,536 characters). */
export class BadPattern extends Error {}

/** picomatch's matcher, or BadPattern saying which pattern it refused and why. */
function compiled(patterns: string | string[], options: picomatch.PicomatchOptions): picomatch.Matcher {
  try {
    return picomatch(patterns, options);
  } catch (e) {
    // The pattern refused, on its own: not the others compiled with it.
    const refused = [patterns].flat().find((p) => !isUsablePattern(p, options)) ?? String(patterns);
    const shown = refused.length > 60 ? `${refused.slice(0, 60)}… (${refused.length} characters)` : refused;
    throw new BadPattern(`cannot use the glob pattern ${shown}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Whether picomatch takes the pattern (it refuses patterns over 65,536 characters). */
export function isUsablePattern(pattern: string, options: picomatch.PicomatchOptions = {}): boolean {
  try {
    picomatch(pattern, options);
    return true;
  } catch {
    return false;
  }
}

/** A matcher for glob patterns against slash-separated paths relative to a root. */
export function globMatcher(patterns: readonly string[]): (relative: string) => boolean {
  const usable = patterns.map((p) => p.trim()).filter(Boolean);
  if (!usable.length) return () => false;
  const m = compiled(usable, { dot: true });
  return (rel) => m(rel.split(path.sep).join("/"));
}

/** The patterns of a `files.exclude`-style object whose value is `true`. */
export function enabledPatterns(value: unknown): string[] {
  if (!value || typeof value !== "object") return [];
  return Object.entries(value as Record<string, unknown>).filter(([, v]) => v === true).map(([k]) => k);
}

export interface WalkOptions {
  /** Globs relative to the root; a matching folder is not entered. */
  exclude?: readonly string[];
  /** File name endings to yield (default `.txt`). */
  extensions?: readonly string[];
  /** Polled between folders; stop walking when it returns true. */
  isCancelled?: () => boolean;
  /** Told of each folder that cannot be listed, and each folder or wanted file whose name cannot be used (see walk). */
  onSkip?: (skipped: Skipped) => void;
}

export interface Skipped {
  /** The path, with bytes of its name that are not UTF-8 written as \xHH. */
  path: string;
  folder: boolean;
  reason: string;
  /** The error code when a folder could not be listed ("ENOENT", "EACCES", …). */
  code?: string;
}

/** Names keep a leading U+FEFF: it is part of the name, not a byte-order mark to drop. */
const utf8Name = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * A name read as bytes: the text it spells, or undefined when it is not UTF-8 (a name from an
 * old archive in Latin-1, say). Files are named by text paths here (the CLI's arguments and
 * output, the editor's URIs), and such a name read as text has U+FFFD where the bytes were: the
 * path no longer names the file.
 */
function nameOf(bytes: Buffer): string | undefined {
  try {
    return utf8Name.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A name that is not UTF-8, for people: printable ASCII as it is, every other byte as \xHH. */
const escapedName = (bytes: Buffer) => Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("");

/**
 * Yields the matching files under root (sorted, depth-first), skipping excluded paths. What it
 * cannot search or read (a folder it may not list, a name that is not UTF-8) is told to
 * `onSkip`, not dropped without a word.
 */
export async function* walk(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const excluded = globMatcher(options.exclude ?? []);
  const exts = (options.extensions ?? [".txt"]).map((e) => e.toLowerCase());
  const stack = [root];
  while (stack.length) {
    if (options.isCancelled?.()) return;
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: "buffer" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      options.onSkip?.({ path: dir, folder: true, code, reason: `cannot list this folder (${code === "EACCES" ? "permission denied" : (code ?? String(e))}); exclude it to skip it` });
      continue;
    }
    const named = entries.map((e) => {
      const name = nameOf(e.name);
      return { e, name, shown: name ?? escapedName(e.name) };
    });
    named.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
    const subdirs: string[] = [];
    for (const { e, name, shown } of named) {
      const full = path.join(dir, shown);
      if (excluded(path.relative(root, full))) continue;
      const folder = e.isDirectory();
      if (!folder && !(e.isFile() && exts.some((x) => shown.toLowerCase().endsWith(x)))) continue;
      if (name === undefined) options.onSkip?.({ path: full, folder, reason: `its name is not valid UTF-8 text; rename the ${folder ? "folder to search" : "file to analyse"} it` });
      else if (folder) subdirs.push(full);
      else yield full;
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
}

/** True when the argument is a glob pattern rather than a path. */
export function isGlob(arg: string): boolean {
  return picomatch.scan(arg).isGlob;
}

/**
 * Expands a glob pattern (relative to cwd, or absolute) into the matching files. `onSkip` hears
 * of the wanted files that cannot be used, and of the folders that cannot be searched where the
 * pattern reaches; a base folder that does not exist just matches nothing.
 */
export async function expandGlob(pattern: string, cwd: string, exclude: readonly string[] = [], onSkip?: (skipped: Skipped) => void): Promise<string[]> {
  const scan = picomatch.scan(pattern.split(path.sep).join("/"));
  const base = path.resolve(cwd, scan.base || ".");
  const match = compiled(scan.glob, { dot: false });
  const relative = (f: string) => path.relative(base, f).split(path.sep).join("/");
  const reachesFolder = foldersReached(scan.glob);
  const reached = (s: Skipped) => (s.path === base ? s.code !== "ENOENT" : s.folder ? reachesFolder(relative(s.path)) : match(relative(s.path)));
  const out: string[] = [];
  // Walk every file under the static base; the glob decides which ones count.
  for await (const f of walk(base, { exclude, extensions: [""], onSkip: onSkip && ((s) => reached(s) && onSkip(s)) })) {
    if (match(relative(f))) out.push(f);
  }
  return out;
}

/**
 * Whether a glob (slash-separated, relative) can match a file inside a folder: the folder's
 * path matches the glob's first segments, or runs past a `**` whose segments before it match.
 */
function foldersReached(glob: string): (folder: string) => boolean {
  const segments = glob.split("/");
  const star = segments.findIndex((s) => s.includes("**"));
  // A folder can stand for any segment but the last (the file's), or up to the first "**".
  const deepest = star < 0 ? segments.length - 1 : star;
  const prefix = segments.slice(0, deepest).map((_, i) => compiled(segments.slice(0, i + 1).join("/"), { dot: false }));
  return (folder) => {
    const parts = folder.split("/");
    if (parts.length <= deepest) return prefix[parts.length - 1](folder);
    return star >= 0 && (star === 0 || prefix[star - 1](parts.slice(0, star).join("/")));
  };
}
