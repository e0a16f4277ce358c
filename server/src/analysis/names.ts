// Recognising names of people and organisations in prose, and resolving short mentions
// ("Xi", "Wang") to the full name the release gave earlier ("Xi Jinping", "Wang Yiwei").
import { TITLE_WORDS } from "./lexicon";
import { charClass, classSuffixStart, isAsciiLetter, isSurrogatePair, isWhitespace } from "./charClass";

const TOKEN = String.raw`[\p{Lu}][\p{L}\p{M}'’.\-]*`;
const CONNECTOR = String.raw`(?:de|van|von|der|den|da|di|du|al|bin|la|le|del|dos|das|zu|of|for|&)`;
/** A run of capitalised tokens, allowing lower-case connectors inside ("Bureau of Labor Statistics"). */
export const NAME_CHUNK = new RegExp(String.raw`${TOKEN}(?:\s+(?:${CONNECTOR}\s+)?${TOKEN})*`, "gu");
// eslint-disable-next-line regexp/no-super-linear-move -- nameAtEnd is only given text cut before a cue, at most 220 characters
export const NAME_AT_END = new RegExp(String.raw`(?:${TOKEN})(?:\s+(?:${CONNECTOR}\s+)?${TOKEN})*[’']?s?\s*$`, "u");
const NAME_AT_START = new RegExp(String.raw`^(?:${TOKEN})(?:\s+(?:${CONNECTOR}\s+)?${TOKEN})*`, "u");

const NOT_NAMES = new Set(
  (
    "the this that these those it its they we he she i in on at a an and but also as for with by from to of our their his her " +
    "today yesterday meanwhile however moreover furthermore additionally looking noting during against after before while when " +
    "there here what which who why how all each every some many most more other another such according if so then thus " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december " +
    "der die das er sie es wir ihr le la les il elle nous el ella ellos los las lo ele ela eles"
  ).split(" "),
);

export const ORG_WORDS =
  /\b(?:Inc|Corp|Corporation|Company|Co|Ltd|LLC|plc|Group|Holdings|Universit[äyé]|College|Institute|Department|Ministry|Bureau|Agency|Administration|Association|Council|Commission|Committee|Foundation|Center|Centre|Bank|Fund|Network|Partners|Capital|Research|Intelligence|Insights|Data|Statistics|Census|Office|Organization|Organisation|Board|Authority|Service|Services|Systems|Technologies|Labs|Laboratories|Media|News|Newswire|Times|Journal|Post|Reuters|Bloomberg|Newsweek|CDC|NCHS|BLS|IMF|OECD|WHO|UN|EU|Federal|National|Government|Project|Society|Academy|School|Hospital|Clinic|Health|Survey|Report|Study|Index|Exchange|Club|Team|Cafe|Magazine|Press|Instituto|Institut|Istituto|Ministerio|Ministère|Ministerium|Bundesamt|Bundesanstalt|Landesamt|Amt|Agentur|Agence|Agencia|Banco|Banque|Universidad|Università|Universidade|Comisión|Comité|Consejo|Conseil|Fundación|Fondation|Stiftung|Verband|Gesellschaft|Oficina|Statistik|Estadística|Statistique|Insee|GmbH|AG|SA|SpA|Srl|Ltda)\b/u;

/** Removes titles and roles around a name: "Chief People Officer Michelle Bonfilio." → "Michelle Bonfilio". */
export function stripTitles(chunk: string): string {
  // Each replacement runs only when the chunk ends in a character its match must end in (most
  // chunks end in none): a name is stripped many times over, and the regexes were most of it.
  let cleaned = chunk;
  if (SUFFIX_ENDS.includes(cleaned.charAt(cleaned.length - 1))) cleaned = cleaned.replace(/,?(?<!\s)\s+(?:PhD|Ph\.D\.?|MD|M\.D\.?|MBA|CPA|Esq\.?|Jr\.?|Sr\.?|II|III)\.?$/u, "");
  if (cleaned.endsWith("s")) cleaned = cleaned.replace(/[’']s$/, "");
  if (PUNCTUATION_ENDS.includes(cleaned.charAt(cleaned.length - 1))) cleaned = cleaned.replace(/(?<=\p{L}{2})[.,;:]$/u, "");
  const words = cleaned.split(/\s+/).filter(Boolean);
  // The name follows the last title word: "Council President Marqueece Harris-Dawson".
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i].toLowerCase();
    const end = w.charCodeAt(w.length - 1);
    if (TITLE_WORDS.has(end === 44 || end === 46 ? w.slice(0, -1) : w)) last = i; // without a final "," or "."
  }
  return words.slice(last + 1).join(" ");
}
/** The last characters of the suffixes stripTitles drops ("PhD", "M.D.", "Esq", "Jr", "III"), and of its stops. */
const SUFFIX_ENDS = "DAqrI.";
const PUNCTUATION_ENDS = ".,;:";

export function isNameLike(chunk: string): boolean {
  const words = chunk.split(/\s+/).filter(Boolean);
  if (!words.length) return false;
  // All-caps acronyms are names even when they spell a function word ("WHO", "IT").
  if (words.length === 1 && NOT_NAMES.has(words[0].toLowerCase()) && !/^[A-Z]{2,6}$/.test(words[0])) return false;
  if (words.some((w) => /^[\p{Lu}]/u.test(w) && (!NOT_NAMES.has(w.toLowerCase()) || /^[A-Z]{2,6}$/.test(w)) && !TITLE_WORDS.has(w.toLowerCase()))) return true;
  // Organisations made of common words ("Digital Commerce 360"), but not bare titles ("Chief Executive Officer").
  const capitalised = words.filter((w) => /^[\p{Lu}]/u.test(w));
  return capitalised.length >= 2 && !ROLE_END.test(words[words.length - 1]);
}

const ROLE_END = /^(?:officer|president|ceo|cfo|coo|cto|director|executive|chairman|chairwoman|chair|manager|secretary|minister|founder|head|partner|spokesperson|analyst|member|members|lead|leader)$/i;

export function isOrganisation(name: string): boolean {
  return ORG_WORDS.test(name) || /^[A-Z0-9&.]{2,8}$/.test(name);
}

/** The name standing right before a cue, or undefined. */
export function nameAtEnd(prefix: string): string | undefined {
  // A name's characters only, up to the end: tried on the run of those at the end (see classSuffixStart).
  const m = NAME_AT_END.exec(prefix.slice(classSuffixStart(prefix, nameCharAt)));
  if (!m) return undefined;
  let chunk = m[0].trim().replace(/[’']s?$/, "");
  // Drop sentence-initial function words captured by the capital rule ("The Company").
  const words = chunk.split(/\s+/);
  while (words.length && NOT_NAMES.has(words[0].toLowerCase())) words.shift();
  chunk = words.join(" ");
  if (!chunk || !isNameLike(chunk)) return undefined;
  return chunk;
}

/** The name at the start of a text ("said Tim Cook, CEO"), or undefined. */
export function nameAtStart(text: string): string | undefined {
  const m = NAME_AT_START.exec(text);
  if (!m) return undefined;
  const chunk = m[0].trim();
  if (!isNameLike(chunk)) return undefined;
  return chunk;
}

/**
 * Collects the full person names a release uses, so that a later surname-only mention can be
 * resolved. A full name is two to four capitalised tokens after titles are removed.
 */
export function collectFullNames(sentences: string[], namesIn: (sentence: string) => string[] = fullNamesIn): string[] {
  const names = new Set<string>();
  for (const s of sentences) for (const n of namesIn(s)) names.add(n);
  return [...names];
}

const upperAt = charClass(/\p{Lu}/u, (c) => c >= 65 && c <= 90);
const tokenCharAt = charClass(/[\p{L}\p{M}'’.-]/u, (c) => isAsciiLetter(c) || c === 39 || c === 45 || c === 46);
/** What NAME_AT_END can match: TOKEN's characters, whitespace and "&" (in connectors). */
export const nameCharAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  return c === 38 || isWhitespace(c) ? 1 : tokenCharAt(text, i);
};
const CONNECTORS = new Set(CONNECTOR.slice(3, -1).split("|"));

/** The end of the run of TOKEN characters from i. */
function tokenEnd(s: string, i: number): number {
  for (let w; i < s.length && (w = tokenCharAt(s, i)); ) i += w;
  return i;
}

/**
 * The NAME_CHUNK matches of more than one token, in order: what execAll(NAME_CHUNK, s) gives
 * with its one-word chunks left out ("The", "Acme": most chunks of a sentence), by a scan over
 * code units instead of the regex and a match array per capitalised word (the regex scan was
 * a twentieth of the analysis). fullNamesIn only wants chunks of two words or more.
 */
export function multiWordChunks(s: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    // Not a capital: the regex tries the next code point.
    const upper = c < 128 ? (c >= 65 && c <= 90 ? 1 : 0) : upperAt(s, i);
    if (!upper) {
      i += c >= 0xd800 && isSurrogatePair(s, i) ? 2 : 1;
      continue;
    }
    const start = i;
    let end = tokenEnd(s, i + upper);
    let words = 1;
    // Each further token: whitespace, an optional lower-case connector and whitespace, a capital.
    for (;;) {
      let j = end;
      while (j < n && isWhitespace(s.charCodeAt(j))) j++;
      if (j === end) break;
      if (upperAt(s, j)) {
        end = tokenEnd(s, j);
        words++;
        continue;
      }
      let k = j;
      while (k < n && k - j < 4 && !isWhitespace(s.charCodeAt(k))) k++;
      if (k === j || k === n || !isWhitespace(s.charCodeAt(k)) || !CONNECTORS.has(s.slice(j, k))) break;
      while (k < n && isWhitespace(s.charCodeAt(k))) k++;
      const w = upperAt(s, k);
      if (!w) break;
      end = tokenEnd(s, k + w);
      words++;
    }
    if (words > 1) out.push({ index: start, text: s.slice(start, end) });
    i = end;
  }
  return out;
}

/** The full personal names in one sentence, in order. */
export function fullNamesIn(s: string): string[] {
  const out: string[] = [];
  // One capitalised word (most chunks: "The", "Acme") can never make two words: only longer chunks are read.
  for (const m of multiWordChunks(s)) {
    const n = stripTitles(m.text).replace(/[,.]$/, "");
    const words = n.split(/\s+/);
    if (words.length < 2 || words.length > 4) continue;
    if (isOrganisation(n)) continue;
    if (words.some((w) => NOT_NAMES.has(w.toLowerCase()))) continue;
    if (!words.every((w) => /^[\p{Lu}][\p{Ll}\p{M}'’-]+\.?$|^[\p{Lu}]\.$/u.test(w))) continue;
    out.push(n);
  }
  return out;
}

/** Edit distance, bounded: enough to match "Shazda" to "Shahzada" (a typo in the release). */
export function closeEnough(a: string, b: string): boolean {
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 2) return false;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] <= 2;
}

/**
 * Every string made by deleting at most two characters of `w`. Two words within edit distance
 * two share one: an edit costs each side at most one deletion.
 */
function deletions(w: string): Set<string> {
  const out = new Set([w]);
  for (let i = 0; i < w.length; i++) {
    const one = w.slice(0, i) + w.slice(i + 1);
    out.add(one);
    for (let j = i; j < one.length; j++) out.add(one.slice(0, j) + one.slice(j + 1));
  }
  return out;
}

/** Up to this many full names, a short name is compared with each; past it, through the deletions index. */
const SCAN_LIMIT = 32;

interface NameIndex {
  byLast: Map<string, string[]>;
  byFirst: Map<string, string>;
  /** Positions in the list of the full names whose last word has this deletion (made on first use). */
  byDeletion?: Map<string, number[]>;
}

/** Full names by their last word (all, in list order) and by their first word (the first one). */
const nameIndex = new WeakMap<string[], NameIndex>();
function indexOf(fullNames: string[]): NameIndex {
  let index = nameIndex.get(fullNames);
  if (!index) {
    index = { byLast: new Map(), byFirst: new Map() };
    for (const f of fullNames) {
      const words = f.split(/\s+/);
      const last = words[words.length - 1];
      const list = index.byLast.get(last);
      if (list) list.push(f);
      else index.byLast.set(last, [f]);
      if (!index.byFirst.has(words[0])) index.byFirst.set(words[0], f);
    }
    nameIndex.set(fullNames, index);
  }
  return index;
}

/** Resolves "Xi" to "Xi Jinping" when the release named him in full. */
export function resolveName(short: string, fullNames: string[]): string {
  const name = stripTitles(short);
  const exact = resolveExact(name, fullNames);
  if (exact !== name || name.includes(" ")) return exact;
  return closeFullName(name, fullNames) ?? name;
}

/** The first full name whose last word is closeEnough to `name`. */
export function closeFullName(name: string, fullNames: string[]): string | undefined {
  const lastOf = (f: string) => f.split(/\s+/).pop() ?? "";
  if (fullNames.length <= SCAN_LIMIT) return fullNames.find((f) => closeEnough(lastOf(f), name));
  // Compared with each, a release of thousands of names and short mentions took time quadratic in its length.
  if (name.length < 6) return undefined; // closeEnough needs six letters
  const index = indexOf(fullNames);
  if (!index.byDeletion) {
    const byDeletion = new Map<string, number[]>();
    fullNames.forEach((f, k) => {
      const last = lastOf(f);
      if (last.length < 6) return;
      for (const d of deletions(last)) {
        const at = byDeletion.get(d);
        if (!at) byDeletion.set(d, [k]);
        else if (at[at.length - 1] !== k) at.push(k);
      }
    });
    index.byDeletion = byDeletion;
  }
  let first = Infinity;
  for (const d of deletions(name)) for (const k of index.byDeletion.get(d) ?? []) if (k < first && closeEnough(lastOf(fullNames[k]), name)) first = k;
  return first < Infinity ? fullNames[first] : undefined;
}

function resolveExact(name: string, fullNames: string[]): string {
  const { byLast, byFirst } = indexOf(fullNames);
  if (name.split(/\s+/).length > 1) {
    // A name ending in " Last" has Last as its last word: look among those only.
    const longer = byLast.get(name.split(/\s+/).pop() ?? "")?.find((f) => f !== name && f.endsWith(" " + name.split(/\s+/).pop()) && f.startsWith(name.split(/\s+/)[0]));
    return longer ?? name;
  }
  const hit = byLast.get(name)?.[0] ?? byFirst.get(name);
  return hit ?? name;
}
