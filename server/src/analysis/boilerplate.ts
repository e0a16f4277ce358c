// Finds stock text that is not news: wire marks, About sections, safe harbor, contacts,
// disclaimers, republisher page furniture and link lines, in the languages releases are
// republished in. Works on whole lines: each non-blank line is classified, then section
// starters ("About X", "Forward-Looking Statements", "Media Contact") extend over the
// paragraphs that follow until the stock text ends.
import type { BoilerplateBlock, BoilerplateKind, Line } from "./types";
import { clean, isBlank, urlPrefixAt } from "./text";
import { isWhitespace } from "./charClass";

export interface LineClass {
  kind: BoilerplateKind;
  /** A starter opens a block that goes on over the following lines. */
  starter?: boolean;
  evidence: string;
}

const URL = String.raw`(?:https?:\/\/|www\.)[^\s<>()\]]+`;

/** Is the code unit one of [|•·,;:\-–—*\/]? */
function isSeparator(c: number): boolean {
  return c === 124 || c === 0x2022 || c === 0xb7 || c === 44 || c === 59 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014 || c === 42 || c === 47;
}

/** Can the code unit stand in a URL's body ([^\s<>()\]])? */
function isUrlBody(c: number): boolean {
  return !(c === 60 || c === 62 || c === 40 || c === 41 || c === 93 || isWhitespace(c));
}


/**
 * Whether a line is only links, separators and spaces: what the regex
 * /^(?:(?:!?\[[^\]]*\]\([^)]*\)|<URL>|URL|[|•·,;:\-–—*\/]|\s)+)$/i accepts (URL being
 * (?:https?:\/\/|www\.)[^\s<>()\]]+), in linear time: that regex backtracks exponentially on
 * glued links ("http://ahttp://a…!"). Reachability over positions, one token at a time.
 */
export function onlyLinks(s: string): boolean {
  const n = s.length;
  if (!n) return false;
  const c0 = s.charCodeAt(0);
  if (!isWhitespace(c0) && !isSeparator(c0) && c0 !== 91 && c0 !== 33 && c0 !== 60 && !urlPrefixAt(s, 0)) return false; // no token starts the line
  // End of the run of URL-body characters from i, next "]" and next ")" at or after i: built on
  // first use, as most lines fail on their first character.
  let tables: { runEnd: Int32Array; nextClose: Int32Array; nextParen: Int32Array } | undefined;
  const table = () => {
    if (tables) return tables;
    tables = { runEnd: new Int32Array(n + 1), nextClose: new Int32Array(n + 1), nextParen: new Int32Array(n + 1) };
    const { runEnd, nextClose, nextParen } = tables;
    runEnd[n] = n;
    nextClose[n] = -1;
    nextParen[n] = -1;
    for (let i = n - 1; i >= 0; i--) {
      runEnd[i] = isUrlBody(s.charCodeAt(i)) ? runEnd[i + 1] : i;
      nextClose[i] = s[i] === "]" ? i : nextClose[i + 1];
      nextParen[i] = s[i] === ")" ? i : nextParen[i + 1];
    }
    return tables;
  };
  const reach = new Uint8Array(n + 1);
  let furthest = 0; // the furthest position marked reachable
  const mark = (i: number) => {
    reach[i] = 1;
    if (i > furthest) furthest = i;
  };
  mark(0);
  const pending: [number, number][] = []; // a URL's body from a to b: every end in (a, b] is reachable
  let cover = -1;
  for (let i = 0; i <= n; i++) {
    for (let k = pending.length - 1; k >= 0; k--) {
      if (pending[k][0] < i) {
        cover = Math.max(cover, pending[k][1]);
        pending.splice(k, 1);
      }
    }
    if (i <= cover) reach[i] = 1;
    else if (i > furthest && !pending.length) return false; // nothing reaches i, nor anything after it
    if (!reach[i] || i === n) continue;
    const c = s.charCodeAt(i);
    if (isWhitespace(c) || isSeparator(c)) mark(i + 1);
    const open = c === 33 && s.charCodeAt(i + 1) === 91 ? i + 1 : c === 91 ? i : -1; // ![text](url), [text](url)
    if (open >= 0) {
      const { nextClose, nextParen } = table();
      const close = nextClose[open + 1];
      if (close >= 0 && s[close + 1] === "(" && nextParen[close + 2] >= 0) mark(nextParen[close + 2] + 1);
    }
    if (c === 60) {
      const p = urlPrefixAt(s, i + 1); // <url>
      const end = p ? table().runEnd[i + 1 + p] : -1;
      if (p && end > i + 1 + p && s[end] === ">") mark(end + 1);
    }
    const p = urlPrefixAt(s, i); // url
    if (p && table().runEnd[i + p] > i + p) pending.push([i + p, table().runEnd[i + p]]);
  }
  return reach[n] === 1;
}
const HAS_URL = new RegExp(URL, "i");
const DOMAIN = /\b[\w-]+\.(?:com|org|net|io|ai|gov|edu|co|de|fr|es|it|eu)\b/i;
/** What DOMAIN cannot match without: a cheap scan for "." first, as DOMAIN tries [\w-]+ from every word character. */
const DOMAIN_END = /\.(?:com|org|net|io|ai|gov|edu|co|de|fr|es|it|eu)\b/i;
/** Sentences that send the reader to a web site rather than tell news. */
const WEB_POINTER = /\b(?:posted on its web ?site|available (?:at|on) (?:its |the )?(?:web ?site|www\.|https?:)|provides information for investors on its|(?:visit|see) (?:our|its|the company[’']s) (?:web ?site|newsroom)|can be found (?:at|on)|is available on (?:the )?(?:company[’']s )?web ?site|webcast (?:will be|is) available)\b/i;
const POSTED_FIRST = /^the post .+ (?:appeared first|first appeared) on\b/i;

// Wire and distribution marks at the top of a release.
const WIRE_HEADER: RegExp[] = [
  /^for immediate release\b/i,
  /^(?:news|news release|press release|media release|media advisory|pressemitteilung|presseinformation|communiqué(?: de presse)?|comunicado(?: de prensa)?|nota de prensa|comunicato stampa)$/i,
  /^(?:comunicato stampa|communiqu[ée] de presse|pressemitteilung|nota de prensa|comunicado de prensa)\b.*(?:promozionale|contenuto|$)/i,
  /^-{1,3}\s*news direct\s*-{1,3}$/i,
  /^exhibit\s+\d+(?:\.\d+)?$/i,
  /^dateline\b/i,
  /^\(?(?:PRNewsFoto|Photo|Logo)\b.*\)$/,
  /\(PRNewsFoto\/[^)]*\)\s*$/,
  /^\[?indicate by check mark\b/i,
  /^\[?if [“"]?yes[”"]? is marked\b/i,
  /^(?:for release|embargoed until)\b/i,
];

// Distribution marks at the end.
const WIRE_FOOTER: RegExp[] = [
  /^#{3,}$/,
  /^-\s*(?:30|0|ende|fin|fine|end)\s*-(?:\s|$)/i,
  /^view (?:original|source) (?:content|version)\b/i,
  /^view the original release\b/i,
  /^(?:original|source) (?:content|version) (?:on|at|from)\b/i,
  /^SOURCE\s+[A-Z][\w.&,' -]*/,
  /^source:\s*\S.{0,80}$/i,
  /^(?:logo|photo|video|multimedia|image)\s*[-:–]\s*(?:https?:|<|\[|link)/i,
  /^(?:download|downloads)\s*:/i,
  /^press release:\s*written by\b/i,
  /^\(S\)$/,
  /^SU:\s/,
  /^\/?\s*(?:CO|ST|IN|SU):\s/,
  /^\*{3,}$/,
];

const COPYRIGHT: RegExp[] = [
  /^(?:copyright|©|\(c\))\s/i,
  /\ball rights reserved\b/i,
  /^cc[- ]by(?:[- ]sa|[- ]nd|[- ]nc)*\b/i,
  /^trademarks? notices?\b/i,
  /\bare (?:registered )?trademarks of\b/i,
  /^tous droits réservés|^alle rechte vorbehalten|^todos los derechos reservados|^tutti i diritti riservati/i,
];

const DISCLAIMER: RegExp[] = [
  /\bnon sono responsabili\b/i,
  /\bno (?:se )?(?:hace|hacen) responsables?\b/i,
  /\bne (?:sont|peut être tenu) (?:pas )?responsables?\b/i,
  /(?<![\p{L}])(?:übernimmt|übernehmen) keine (?:haftung|verantwortung|gewähr)(?![\p{L}])/iu,
  /\bnão (?:se )?responsabiliza\b/i,
  /\b(?:is|are) not responsible for\b/i,
  /\bdisclaimer\b/i,
  /^note to investors\b/i,
  /\bterms of use and disclaimers\b/i,
  /\bis not yet authorized for use\b/i,
  /\bcannot guarantee\b.*\b(?:packages|binaries|accuracy)\b/i,
  /\bmakes these packages available\b/i,
  /\bthis (?:press release|content) (?:is|was) (?:not )?(?:paid|sponsored)\b/i,
  /\b(?:contains|is) sponsored content\b|\bnot intended (?:to be|as) (?:investment|investing|financial|legal|tax) advice\b|\bpaid (?:marketing|advertising) agreement\b|\bpriority is source transparency\b|\bdoes not (?:constitute|represent) (?:an offer|investment advice)\b|\bfor informational purposes only\b/i,
];

const ABOUT_HEADING =
  /^(?:#{1,6}\s*)?(?:\*\*)?(?:about|über|ueber|à propos d[e’']|a propos d[e’']|acerca de|sobre|informazioni su|chi è|chi siamo|about the)\b/i;
const DISCLOSURES_HEADING = /^(?:#{1,6}\s*)?(?:\*\*)?(?:important )?(?:disclosures?|legal notice|disclaimers?|haftungsausschluss|aviso legal|avertissement|mentions légales|note legali)(?: (?:&|and) definitions)?:?(?:\*\*)?$/i;
const SAFE_HARBOR_HEADING =
  /^(?:#{1,6}\s*)?(?:\*\*)?(?:(?:cautionary (?:note|statement)s?(?: regarding)?\s*)?forward[- ]looking (?:statements?|information)|safe harbou?r|cautionary (?:note|statement)s?|zukunftsgerichtete aussagen|déclarations prospectives|declaraciones prospectivas|dichiarazioni previsionali|declarações prospectivas)\b/i;
const SAFE_HARBOR_TEXT =
  /\bforward[- ]looking statements?\b|\bprivate securities litigation reform act\b|\bsafe harbou?r\b|\bzukunftsgerichtete aussagen\b|\bdéclarations prospectives\b|\bdeclaraciones (?:a futuro|prospectivas)\b/i;
const CONTACT_HEADING =
  /^(?:#{1,6}\s*)?(?:\*\*)?\/?(?:(?:media|press|investor|investors|news media|company|corporate|public relations|pr)(?: relations)?\s*(?:contacts?|inquiries|enquiries)|contacts?(?: details| information| info)?|contacto(?:s)?(?: de prensa)?|kontakt(?:e)?|pressekontakt|medienkontakt|contact presse|contatti?(?: stampa)?|contato|investor relations(?: contact)?|corporate communications|for (?:further|more) information,? (?:please )?contact|for (?:media|press|public|investor) (?:inquiries|enquiries|information)|direct:|main office:|pressestelle|presse(?:kontakt)?:|ufficio stampa|assessoria de imprensa)(?:\b|(?=[\p{Lu}]))/iu;
const REPUBLISHER_META: RegExp[] = [
  /^(?:descrizione|categoria|categorie|tag|tags|data di creazione|autore|default watermark|etichette|schlagwörter|kategorie|autor|etiquetas|categoría|catégorie|mots-clés)\s*:?$/i,
  /^checkad$/i,
  // Page chrome of wires and aggregators, top and tail.
  /^(?:submit (?:a )?(?:press )?release|news search|show (?:all posts|full article)|you just read:?|distribution channels:?|we use cookies\b|get the .{1,40} app\b|meet our app|\(registrieren\)|geschrieben am\b|published on\b|posted (?:on|by|in)\b|print(?: this)?(?: article| page)?$|e-?mail (?:this|to a friend)|back to (?:top|news|press releases)|related (?:news|articles|posts)|more (?:news|from)\b|follow us\b|subscribe\b|sign up\b|log ?in$|home$|newsroom$|press room$|media center$)/i,
  /^<PAGE>$/,
  /^investor home$/i,
  /^press releases$/i,
  /^\[original\/source press release\]/i,
  /^!\[[^\]]*\]\([^)]*\)\s*$/,
  /^\[newsramp\.com/i,
  /^\[reddit post\]/i,
  /\bas your preferred (?:news )?source on google\b/i,
  /^the post .+ (?:appeared first|first appeared) on\b/i,
  /^(?:share|teilen|condividi|compartir|partager)\s*(?:this|on|:|$)/i,
  /^(?:kommentare|comments|commenti|comentarios)\b.{0,20}$/i,
  /^(?:read more|mehr lesen|leggi anche|lee también|lire aussi)\s*:?$/i,
];
const LINKS_TEXT: RegExp[] = [
  /^(?:featured )?(?:photo|image|picture)s? (?:by|courtesy of|credit)\b.{0,120}$/i,
  /^originally published (?:on|at|by)\b/i,
  /^(?:additional )?resources:?$/i,
  /^(?:for (?:more|further|additional) information(?: about [^,]{1,80})?,? (?:please )?visit|visit:?\s|to (?:view|read|obtain|learn)[^.]{0,120}(?:visit|go to)|para (?:obtener )?más información|pour plus d'informations|weitere informationen|per maggiori informazioni|para mais informações)\b/i,
  /^note to editors:.*\bvisit\b/i,
  /\b(?:are|is) available (?:in|on|at) the company[’']s (?:newsroom|website)\b/i,
  /^(?:website|web site|\/web site):/i,
  /^\[(?:website|twitter|x|linkedin|facebook|telegram|discord|medium)\]\(/i,
  /^[^.:]{2,60}:\s*(?:link|hier|here|aquí|ici|qui)$/i,
];

/**
 * Per pattern list: one regex matching where any of its patterns without the u flag does
 * (case-insensitive: a superset), so a line none of them can match skips them in one call.
 * Patterns with the u flag are not in it (their syntax differs) and always run.
 */
const GATES = new Map<RegExp[], RegExp | null>();
function gateOf(patterns: RegExp[]): RegExp | null {
  const plain = patterns.filter((p) => !p.unicode);
  return plain.length ? new RegExp(plain.map((p) => `(?:${p.source})`).join("|"), "i") : null;
}

/** The match of the first pattern of the list that matches, as trying each in turn would give it. */
function matchAny(patterns: RegExp[], s: string): RegExpExecArray | null {
  let gate = GATES.get(patterns);
  if (gate === undefined) GATES.set(patterns, (gate = gateOf(patterns)));
  const plainMayMatch = !gate || gate.test(s);
  for (const p of patterns) {
    if (!plainMayMatch && !p.unicode) continue;
    const m = p.exec(s);
    if (m) return m;
  }
  return null;
}

const PHONE = /(?:\+?\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}/;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|\b\w+ (?:at|\[at\]) [\w-]+(?:\.| dot )\w+\b/i;

/** Classifies one line on its own, or null when it is not stock text by itself. */
export function classifyLine(raw: string): LineClass | null {
  const cleaned = clean(raw);
  const s = cleaned.startsWith("**") ? cleaned.replace(/^\*\*(.*)\*\*$/, "$1") : cleaned;
  if (!s) return null;
  let m: RegExpExecArray | null;
  if ((m = matchAny(REPUBLISHER_META, s))) return { kind: "republisher-meta", evidence: m[0] };
  if (/^[*•·]+$/.test(s)) return { kind: "republisher-meta", evidence: "empty list item" };
  // A navigation bar flattened into one line: "UC HomeAbout UCNewsEvents".
  if (s.length < 150 && !/[.!?,;]/.test(s) && (s.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) >= 3) return { kind: "republisher-meta", evidence: "navigation" };
  // Length conditions first: they are cheap and rule out most prose lines.
  if ((s.length < 200 || s.startsWith("[")) && (m = matchAny(WIRE_HEADER, s))) return { kind: "wire-header", evidence: m[0] };
  if (/^comunicato stampa\b.*:/i.test(s) && DISCLAIMER[0].test(s)) return { kind: "disclaimer", evidence: "non sono responsabili" };
  if (s.length < 300 && (m = matchAny(WIRE_FOOTER, s))) return { kind: "wire-footer", evidence: m[0] };
  if ((s.length < 400 || /^trademarks?\b/i.test(s)) && (m = matchAny(COPYRIGHT, s))) return { kind: "copyright", evidence: m[0] };
  if ((m = matchAny(DISCLAIMER, s))) return { kind: "disclaimer", evidence: m[0] };
  if ((m = SAFE_HARBOR_HEADING.exec(s)) && (s.length < 80 || SAFE_HARBOR_TEXT.test(s)))
    return { kind: "safe-harbor", starter: s.length < 80, evidence: m[0] };
  if (/\bforward[- ]looking (?:statements?|information)\b/i.test(s) && /\b(?:within the meaning|securities|risks? and uncertainties|safe harbou?r|undue reliance|differ materially)\b/i.test(s))
    return { kind: "safe-harbor", evidence: "forward-looking statements" };
  if (s.length < 80 && (m = DISCLOSURES_HEADING.exec(s))) return { kind: "disclaimer", starter: true, evidence: m[0] };
  if ((m = CONTACT_HEADING.exec(s)) && (s.length < 60 || EMAIL.test(s) || PHONE.test(s) || /\b(?:e-?mail|tel|phone)\b/i.test(s)))
    return { kind: "contact", starter: true, evidence: m[0] };
  if ((m = ABOUT_HEADING.exec(s)) && isAboutHeading(s)) return { kind: "about", starter: true, evidence: m[0] };
  if (onlyLinks(s) && HAS_URL.test(s)) return { kind: "links", evidence: s.slice(0, 60) };
  if (s.length < 400 && (m = matchAny(LINKS_TEXT, s))) return { kind: "links", evidence: m[0] };
  // eslint-disable-next-line regexp/no-super-linear-move -- only lines under 600 characters get here
  if (s.length < 600 && (HAS_URL.test(s) || (DOMAIN_END.test(s) && DOMAIN.test(s))) && WEB_POINTER.test(s) && !/\d+(?:\.\d+)?\s?(?:%|percent|million|billion)/i.test(s))
    return { kind: "links", evidence: WEB_POINTER.exec(s)?.[0] ?? "web site" };
  return null;
}

/** "About Acme" as a heading, or "About Acme: Acme is …" / "About AcmeAcme is …" run in. */
function isAboutHeading(s: string): boolean {
  // "About the American Heart Association": the article does not make it prose.
  const rest = s.replace(ABOUT_HEADING, "").trim().replace(/^(?:the|la|le|les|l['’]|der|die|das|el|los|il|lo|o|a)\s+/i, "");
  if (!rest) return false;
  const words = s.split(/\s+/).length;
  // "About 200 guests attended" means approximately.
  if (/^\d/.test(rest)) return false;
  // Heading form: "About Acme", "Über kevin.", "About D-Wave Quantum Inc."
  const headingEnd = !/[!?,;]$/.test(s) && (!/\.$/.test(s) || words <= 4 || /\b(?:Inc|Corp|Co|Ltd|LLC|S\.A|AG|N\.V)\.$/.test(s));
  if (s.length <= 90 && words <= 10 && headingEnd && (/^[\p{Lu}[(]/u.test(rest) || words <= 4)) return true;
  if (!/^[\p{Lu}[(]/u.test(rest)) return false;
  // Run-in: "About Acme: Acme is …", "About AcmeAcme is …", "Acerca de X. Con sede en …"
  const head = rest.slice(0, 250);
  return /^[^:]{1,150}:\s/.test(head) || RUN_IN_DESCRIPTION.test(head);
}
const RUN_IN_DESCRIPTION = /\b(?:is|are|was|ist|est|es|è|é)\s+(?:a|an|the|one|un|una|une|ein|eine|la|el|il|uno|um|uma|o)\b|\b(?:was|were)\s+(?:officially\s+)?(?:created|founded|established|formed)\b|\b(?:founded|headquartered|based in|con sede|fundad[ao]|gegründet|fondée|basée|sede)\b/i;

/** Lines that carry on a contact block: short, and names, phones, e-mails, sites. */
function isContactLine(s: string): boolean {
  if (s.length > 160) return false;
  if (EMAIL.test(s) || PHONE.test(s) || HAS_URL.test(s)) return true;
  if (/[.!?]["”]?$/.test(s) && s.split(/\s+/).length > 8) return false;
  return s.length < 70 && s.split(/\s+/).length <= 9;
}

/** Prose that reads like a body paragraph, ending a block that extends. */
function isHeadingLike(s: string): boolean {
  return s.length < 100 && !/[.!?:;,]$/.test(s) && /^[\p{Lu}\d]/u.test(s);
}

const TICKER_DESCRIPTION = /\((?:NYSE|NASDAQ|Nasdaq|OTC\w*|TSXV?|AMEX|LSE|BMV|ASX|Euronext|Xetra)\s*:\s*[\w.]+\)\s+(?:is|ist|est|es)\s+(?:a|an|the)\b/;
const PAGE_MARK = /^<PAGE>$|^-\s*\d+\s*-$|^page \d+/i;
// Tested on lines without their trailing whitespace (a match ends on a visible character), where
// it cannot backtrack quadratically.
// eslint-disable-next-line regexp/no-super-linear-backtracking -- see above
const TABULAR = /\S\s{3,}\S.*\s{3,}\S|\d\s{3,}[\d$(]/;
const single = (u: Unit) => u.lines.length === 1;
const blankGap = (a: Unit, b: Unit) => b.lines[0] - a.lines[a.lines.length - 1] - 1;

/** Hard-wrapped prose: every line but the last is long and runs on into the next. */
function isWrapped(u: Unit, lines: Line[]): boolean {
  const body = u.lines.slice(0, -1).map((i) => lines[i].text.trimEnd());
  const runOn = body.filter((t) => t.length >= 50 && /[\p{L},;\-–(]$/u.test(t)).length;
  return runOn >= Math.max(1, Math.ceil(body.length * 0.6));
}

/** A unit of classification: a paragraph (run of non-blank lines). */
interface Unit {
  lines: number[];
  text: string;
}

function unitsOf(lines: Line[], cleanLine: (line: number) => string): Unit[] {
  const units: Unit[] = [];
  let cur: number[] = [];
  const flush = () => {
    if (cur.length) units.push({ lines: cur, text: cur.map(cleanLine).join(" ") });
    cur = [];
  };
  for (const l of lines) {
    if (isBlank(l.text)) flush();
    else cur.push(l.index);
  }
  flush();
  return units;
}

/** Lines of a republisher's tail: links, pickups, images, short labels, bullets. */
function isFurniture(t: string, alreadyStock: boolean): boolean {
  if (alreadyStock || t.length < 40) return true;
  if (/^pickup\b/i.test(t)) return true;
  return HAS_URL.test(t) && withoutLinks(t).trim().length < 60;
}

/**
 * The text without Markdown links and URLs: t.replace(/!?\[[^\]]*\]\([^)]*\)|<?URL>?/gi, "")
 * (URL as above), by one scan. That regex rescans to the next "]" from every "[", quadratic on
 * a line of unclosed brackets.
 */
export function withoutLinks(t: string): string {
  const n = t.length;
  const nextClose = new Int32Array(n + 1);
  const nextParen = new Int32Array(n + 1);
  nextClose[n] = nextParen[n] = -1;
  for (let i = n - 1; i >= 0; i--) {
    nextClose[i] = t[i] === "]" ? i : nextClose[i + 1];
    nextParen[i] = t[i] === ")" ? i : nextParen[i + 1];
  }
  const urlEnd = (i: number) => {
    const p = urlPrefixAt(t, i);
    let j = i + p;
    while (p && j < n && isUrlBody(t.charCodeAt(j))) j++;
    return p && j > i + p ? j : -1;
  };
  let out = "";
  let kept = 0;
  for (let i = 0; i < n; ) {
    let end = -1;
    const open = t[i] === "!" && t[i + 1] === "[" ? i + 1 : t[i] === "[" ? i : -1;
    if (open >= 0) {
      const close = nextClose[open + 1];
      if (close >= 0 && t[close + 1] === "(" && nextParen[close + 2] >= 0) end = nextParen[close + 2] + 1;
    }
    if (end < 0) {
      const u = t[i] === "<" ? urlEnd(i + 1) : -1;
      end = u >= 0 ? u : urlEnd(i);
      if (end >= 0 && t[end] === ">") end++;
    }
    if (end < 0) {
      i++;
      continue;
    }
    out += t.slice(kept, i);
    kept = i = end;
  }
  return out + t.slice(kept);
}

/** `classify` is classifyLine, or a memoised version of it. */
export function findBoilerplate(lines: Line[], classify: (line: string) => LineClass | null = classifyLine): BoilerplateBlock[] {
  // Each line cleaned once: the passes below read most lines' cleaned text more than once.
  const cleaned: (string | undefined)[] = [];
  const cleanLine = (i: number) => (cleaned[i] ??= clean(lines[i].text));
  const units = unitsOf(lines, cleanLine);
  const kinds: (BoilerplateKind | null)[] = lines.map(() => null);
  const evidence: string[] = lines.map(() => "");
  const starter: boolean[] = lines.map(() => false);
  const set = (i: number, c: LineClass) => {
    kinds[i] = c.kind;
    evidence[i] = c.evidence;
    starter[i] = !!c.starter;
  };

  // 1. Classify each paragraph as a whole (hard-wrapped prose), then its lines one by one.
  for (const u of units) {
    if (u.lines.length > 1 && isWrapped(u, lines)) {
      // Hard-wrapped prose is one unit: its lines mean nothing on their own.
      const whole = classify(u.text);
      const first = classify(lines[u.lines[0]].text);
      if (whole && !whole.starter) for (const i of u.lines) set(i, { ...whole, starter: false });
      else if (first?.starter) set(u.lines[0], first);
      continue;
    }
    for (const i of u.lines) {
      const c = classify(lines[i].text);
      if (c) set(i, c);
    }
  }

  // 1b. An About section without its heading: the company description right after an
  //     end mark ("###", "- ende -"), or a description of the form "Acme (NYSE: ACME) is a …"
  //     in the back half of the release.
  for (let k = 1; k < units.length; k++) {
    const u = units[k];
    if (u.lines.some((i) => kinds[i])) continue;
    const prevEnd = units[k - 1].lines.every((i) => kinds[i] === "wire-footer");
    const t = u.text.slice(0, 300);
    if ((prevEnd && /^[\p{Lu}\d][^.]{0,80}?\b(?:is|ist|est|es|è|é)\s+(?:a|an|the|one|ein|eine|un|une|una|uno|um|uma)\b/u.test(t)) ||
        (k >= units.length / 2 && TICKER_DESCRIPTION.test(t))) {
      set(u.lines[0], { kind: "about", starter: true, evidence: "company description" });
    }
  }

  // 2. Starters extend: over the rest of their own paragraph, then over following
  //    paragraphs until the stock text ends (another stock line, a heading, prose).
  const tailFrom = Math.floor(units.length * 0.6);
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    const at = u.lines.findIndex((i) => starter[i]);
    if (at < 0) continue;
    const head = u.lines[at];
    const kind = kinds[head] as BoilerplateKind;
    const carry = (i: number) => {
      kinds[i] = kind;
      evidence[i] = evidence[head];
    };
    const continues = (t: string, single: boolean, firstAfter: boolean): boolean => {
      if (kind === "contact") return isContactLine(t);
      if (kind === "about") return !(single && isHeadingLike(t) && !firstAfter && k < tailFrom);
      return !(single && isHeadingLike(t) && !/^\(?[a-z\d]{1,3}[).]/i.test(t)); // safe harbor
    };
    for (const i of u.lines.slice(at + 1)) {
      if (kinds[i]) break;
      if (!continues(cleanLine(i), true, true) && kind === "contact") break;
      carry(i);
    }
    for (let j = k + 1; j < units.length; j++) {
      const next = units[j];
      if (next.lines.some((i) => kinds[i])) {
        // A page mark inside stock text, or more of the same kind, does not end it. A starter of
        // the same kind there walks on by itself, at least as far (its first paragraph after
        // it counts as first, and it stands later): walking on from here as well made a run of
        // n starters ("About X" after "About X" …) cost n² steps.
        if (next.lines.every((i) => kinds[i] === kind || PAGE_MARK.test(cleanLine(i)))) {
          // (Its walk starts at its first starter, which may be a page mark of another kind.)
          const first = next.lines.find((i) => starter[i]);
          if (first !== undefined && kinds[first] === kind) break;
          continue;
        }
        break;
      }
      if ((kind === "contact" || kind === "about") && blankGap(units[j - 1], next) > 1) break;
      if (kind === "about" && (TABULAR.test(lines[next.lines[0]].text.trimEnd()) || (next.text.length < 120 && !/\p{Ll}/u.test(next.text)))) break;
      const isSingle = single(next);
      if (kind === "contact") {
        if (!next.lines.every((i) => isContactLine(cleanLine(i)))) break;
      } else if (!continues(next.text, isSingle, j === k + 1)) break;
      for (const i of next.lines) carry(i);
    }
  }

  // 3. Republisher tail: after a horizontal rule or "The post … appeared first on",
  //    everything left is page furniture when it is links, images and short lines.
  const nonBlank: number[] = [];
  for (const u of units) for (const i of u.lines) nonBlank.push(i);
  let rulesTried = 0; // bounded so a document of rules stays linear
  for (let k = 1; k < nonBlank.length && rulesTried < 8; k++) {
    const i = nonBlank[k];
    const s = cleanLine(i);
    const isRule = /^(?:-{3,}|_{3,}|\*(?:\s*\*){2,})$/.test(s);
    const postedFirst = POSTED_FIRST.test(s);
    if (!isRule && !postedFirst) continue;
    rulesTried++;
    const rest = nonBlank.slice(k + 1);
    if (postedFirst || (rest.length && rest.every((li) => isFurniture(cleanLine(li), kinds[li] !== null)))) {
      for (const li of [i, ...rest]) {
        kinds[li] = "republisher-meta";
        evidence[li] ||= isRule ? "page furniture after a rule" : s.slice(0, 60);
      }
      break;
    }
  }

  // 4. Short unclassified lines between two lines of the same kind belong to the block
  //    (the values under "Categoria", "Autore" and the like).
  for (let k = 1; k + 1 < nonBlank.length; k++) {
    const i = nonBlank[k];
    if (kinds[i]) continue;
    const prev = kinds[nonBlank[k - 1]];
    if (prev !== "republisher-meta" && prev !== "contact") continue;
    if (cleanLine(i).length >= 40) continue;
    let next: BoilerplateKind | null = null;
    for (let j = k + 1; j < nonBlank.length && j <= k + 2; j++) {
      if (kinds[nonBlank[j]]) { next = kinds[nonBlank[j]]; break; }
      if (cleanLine(nonBlank[j]).length >= 40) break;
    }
    if (next === prev) {
      kinds[i] = prev;
      evidence[i] = evidence[nonBlank[k - 1]];
    }
  }

  // 5. Merge consecutive lines of one kind into blocks (blank lines between them join).
  const blocks: BoilerplateBlock[] = [];
  for (let k = 0; k < nonBlank.length; k++) {
    const i = nonBlank[k];
    const kind = kinds[i];
    if (!kind) continue;
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind && last.lastLine === nonBlank[k - 1]) {
      last.lastLine = i;
      last.end = lines[i].end;
    } else {
      blocks.push({ kind, firstLine: i, lastLine: i, start: lines[i].start, end: lines[i].end, evidence: evidence[i] });
    }
  }
  return blocks;
}
