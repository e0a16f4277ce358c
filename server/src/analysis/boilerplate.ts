// Finds stock text that is not news: wire marks, About sections, safe harbor, contacts,
// disclaimers, republisher page furniture and link lines, in the languages releases are
// republished in. Works on whole lines: each non-blank line is classified, then section
// starters ("About X", "Forward-Looking Statements", "Media Contact") extend over the
// paragraphs that follow until the stock text ends.
import type { BoilerplateBlock, BoilerplateKind, Line } from "./types";
import { clean, isBlank } from "./text";

interface LineClass {
  kind: BoilerplateKind;
  /** A starter opens a block that goes on over the following lines. */
  starter?: boolean;
  evidence: string;
}

const URL = String.raw`(?:https?:\/\/|www\.)[^\s<>()\]]+`;
const ONLY_LINKS = new RegExp(
  String.raw`^(?:(?:!?\[[^\]]*\]\([^)]*\)|<${URL}>|${URL}|[|•·,;:\-–—*]|\s)+)$`,
  "i",
);
const HAS_URL = new RegExp(URL, "i");

// Wire and distribution marks at the top of a release.
const WIRE_HEADER: RegExp[] = [
  /^for immediate release\b/i,
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
  /^-\s*(?:30|0|ende|fin|fine|end)\s*-$/i,
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
  /\b(?:übernimmt|übernehmen) keine (?:haftung|verantwortung|gewähr)\b/i,
  /\bnão (?:se )?responsabiliza\b/i,
  /\b(?:is|are) not responsible for\b/i,
  /\bdisclaimer\b/i,
  /^note to investors\b/i,
  /\bterms of use and disclaimers\b/i,
  /\bis not yet authorized for use\b/i,
  /\bcannot guarantee\b.*\b(?:packages|binaries|accuracy)\b/i,
  /\bmakes these packages available\b/i,
  /\bthis (?:press release|content) (?:is|was) (?:not )?(?:paid|sponsored)\b/i,
];

const ABOUT_HEADING =
  /^(?:#{1,6}\s*)?(?:\*\*)?(?:about|über|ueber|à propos d[e’']|a propos d[e’']|acerca de|sobre|informazioni su|chi è|chi siamo|about the)\b/i;
const SAFE_HARBOR_HEADING =
  /^(?:#{1,6}\s*)?(?:\*\*)?(?:(?:cautionary (?:note|statement)s?(?: regarding)?\s*)?forward[- ]looking (?:statements?|information)|safe harbou?r|cautionary (?:note|statement)s?|zukunftsgerichtete aussagen|déclarations prospectives|declaraciones prospectivas|dichiarazioni previsionali|declarações prospectivas)\b/i;
const SAFE_HARBOR_TEXT =
  /\bforward[- ]looking statements?\b|\bprivate securities litigation reform act\b|\bsafe harbou?r\b|\bzukunftsgerichtete aussagen\b|\bdéclarations prospectives\b|\bdeclaraciones (?:a futuro|prospectivas)\b/i;
const CONTACT_HEADING =
  /^(?:#{1,6}\s*)?(?:\*\*)?\/?(?:(?:media|press|investor|investors|news media|company|corporate|public relations|pr)(?: relations)?\s*(?:contacts?|inquiries|enquiries)|contacts?(?: details| information| info)?|contacto(?:s)?(?: de prensa)?|kontakt(?:e)?|pressekontakt|medienkontakt|contact presse|contatti?(?: stampa)?|contato|press contacts?|investor relations(?: contact)?|corporate communications|for (?:further|more) information,? (?:please )?contact)\b/i;
const REPUBLISHER_META: RegExp[] = [
  /^(?:descrizione|categoria|categorie|tag|tags|data di creazione|autore|default watermark|etichette|schlagwörter|kategorie|autor|etiquetas|categoría|catégorie|mots-clés)\s*:?$/i,
  /^checkad$/i,
  /^<PAGE>$/,
  /^investor home$/i,
  /^press releases$/i,
  /^\[original\/source press release\]/i,
  /^!\[[^\]]*\]\([^)]*\)\s*$/,
  /^\[newsramp\.com/i,
  /^\[reddit post\]/i,
  /\bas your preferred (?:news )?source on google\b/i,
  /^the post .+ appeared first on\b/i,
  /^(?:share|teilen|condividi|compartir|partager)\s*(?:this|on|:|$)/i,
  /^(?:kommentare|comments|commenti|comentarios)\b.{0,20}$/i,
  /^(?:read more|mehr lesen|leggi anche|lee también|lire aussi)\s*:?$/i,
];
const LINKS_TEXT: RegExp[] = [
  /^(?:for (?:more|further|additional) information(?: about [^,]{1,80})?,? (?:please )?visit|visit:?\s|to (?:view|read|obtain|learn)[^.]{0,120}(?:visit|go to)|para (?:obtener )?más información|pour plus d'informations|weitere informationen|per maggiori informazioni|para mais informações)\b/i,
  /^note to editors:.*\bvisit\b/i,
  /\b(?:are|is) available (?:in|on|at) the company[’']s (?:newsroom|website)\b/i,
  /^(?:website|web site|\/web site):/i,
  /^\[(?:website|twitter|x|linkedin|facebook|telegram|discord|medium)\]\(/i,
];

function matchAny(patterns: RegExp[], s: string): RegExpExecArray | null {
  for (const p of patterns) {
    const m = p.exec(s);
    if (m) return m;
  }
  return null;
}

const PHONE = /(?:\+?\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+|\b\w+ (?:at|\[at\]) [\w-]+(?:\.| dot )\w+\b/i;

/** Classifies one line on its own, or null when it is not stock text by itself. */
export function classifyLine(raw: string): LineClass | null {
  const s = clean(raw).replace(/^\*\*(.*)\*\*$/, "$1");
  if (!s) return null;
  let m: RegExpExecArray | null;
  if ((m = matchAny(REPUBLISHER_META, s))) return { kind: "republisher-meta", evidence: m[0] };
  if ((m = matchAny(WIRE_HEADER, s)) && s.length < 200) return { kind: "wire-header", evidence: m[0] };
  if (/^comunicato stampa\b.*:/i.test(s) && DISCLAIMER[0].test(s)) return { kind: "disclaimer", evidence: "non sono responsabili" };
  if ((m = matchAny(WIRE_FOOTER, s)) && s.length < 300) return { kind: "wire-footer", evidence: m[0] };
  if ((m = matchAny(COPYRIGHT, s)) && s.length < 400) return { kind: "copyright", evidence: m[0] };
  if ((m = matchAny(DISCLAIMER, s))) return { kind: "disclaimer", evidence: m[0] };
  if ((m = SAFE_HARBOR_HEADING.exec(s)) && (s.length < 80 || SAFE_HARBOR_TEXT.test(s)))
    return { kind: "safe-harbor", starter: s.length < 80, evidence: m[0] };
  if (/\bforward[- ]looking statements?\b/i.test(s) && /\b(?:within the meaning|securities|risks? and uncertainties|safe harbou?r|undue reliance)\b/i.test(s))
    return { kind: "safe-harbor", evidence: "forward-looking statements" };
  if ((m = CONTACT_HEADING.exec(s)) && (s.length < 60 || EMAIL.test(s) || PHONE.test(s)))
    return { kind: "contact", starter: true, evidence: m[0] };
  if ((m = ABOUT_HEADING.exec(s)) && isAboutHeading(s)) return { kind: "about", starter: true, evidence: m[0] };
  if (ONLY_LINKS.test(s) && HAS_URL.test(s)) return { kind: "links", evidence: s.slice(0, 60) };
  if ((m = matchAny(LINKS_TEXT, s)) && s.length < 400) return { kind: "links", evidence: m[0] };
  return null;
}

/** "About Acme" as a heading, or "About Acme: Acme is …" / "About AcmeAcme is …" run in. */
function isAboutHeading(s: string): boolean {
  const rest = s.replace(ABOUT_HEADING, "").trim();
  if (!rest) return false;
  if (s.length <= 90 && !/[.!?]$/.test(s) && /^[\p{Lu}\d[(]/u.test(rest)) return true;
  // Run-in: a capitalised name, then the company description.
  return /^[\p{Lu}\d[(][^.]{0,80}?(?::|\b(?:is|was|are|ist|est|es|è|é)\b|[a-z.®™)][A-Z])/u.test(rest) && /\b(?:is|was|are|ist|est|es|è|é|has|hat|a|an|founded|gegründet|fondée|fundada)\b/i.test(rest);
}

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

export function findBoilerplate(lines: Line[]): BoilerplateBlock[] {
  const classes: (LineClass | null)[] = lines.map((l) => (isBlank(l.text) ? null : classifyLine(l.text)));
  const kinds: (BoilerplateKind | null)[] = classes.map((c) => c?.kind ?? null);
  const evidence: string[] = classes.map((c) => c?.evidence ?? "");
  const nonBlank = lines.filter((l) => !isBlank(l.text)).map((l) => l.index);

  // Extend starters over the lines that carry their stock text on.
  for (let k = 0; k < nonBlank.length; k++) {
    const i = nonBlank[k];
    const c = classes[i];
    if (!c?.starter) continue;
    for (let j = k + 1; j < nonBlank.length; j++) {
      const li = nonBlank[j];
      const s = clean(lines[li].text);
      if (classes[li]) break; // another stock line or starter takes over
      if (c.kind === "contact") {
        if (!isContactLine(s)) break;
      } else if (c.kind === "about") {
        // An About section runs over its prose paragraphs; a heading ends it.
        if (isHeadingLike(s) && j > k + 1) break;
      } else if (c.kind === "safe-harbor") {
        if (isHeadingLike(s) && !/^\(?[a-z\d]{1,3}[).]/i.test(s)) break;
      }
      kinds[li] = c.kind;
      evidence[li] = c.evidence;
    }
  }

  // Republisher tail: after a horizontal rule near the end, everything is page furniture
  // when what follows is links, images and short lines.
  const n = nonBlank.length;
  let rulesTried = 0; // bounded so a document of rules stays linear
  for (let k = Math.floor(n * 0.4); k < n && rulesTried < 8; k++) {
    const i = nonBlank[k];
    const s = clean(lines[i].text);
    const isRule = /^(?:-{3,}|_{3,}|\*(?:\s*\*){2,})$/.test(s);
    const postedFirst = /^the post .+ appeared first on\b/i.test(s);
    if (!isRule && !postedFirst) continue;
    rulesTried++;
    const rest = nonBlank.slice(k + 1);
    const furniture = rest.every((li) => {
      const t = clean(lines[li].text);
      return t.length < 200 && (HAS_URL.test(t) || t.length < 40 || kinds[li] !== null);
    });
    if (furniture || postedFirst) {
      for (const li of [i, ...rest]) {
        kinds[li] = "republisher-meta";
        evidence[li] ||= isRule ? "page furniture after a rule" : s.slice(0, 60);
      }
      break;
    }
  }

  // Short unclassified lines between two lines of the same kind belong to the block
  // (the values under "Categoria", "Autore" and the like).
  for (let k = 1; k + 1 < nonBlank.length; k++) {
    const i = nonBlank[k];
    if (kinds[i]) continue;
    const prev = kinds[nonBlank[k - 1]];
    const s = clean(lines[i].text);
    if (prev !== "republisher-meta" && prev !== "contact") continue;
    let next: BoilerplateKind | null = null;
    for (let j = k + 1; j < nonBlank.length && j <= k + 2; j++) {
      if (kinds[nonBlank[j]]) { next = kinds[nonBlank[j]]; break; }
      if (clean(lines[nonBlank[j]].text).length >= 40) break;
    }
    if (next === prev && s.length < 40) {
      kinds[i] = prev;
      evidence[i] = evidence[nonBlank[k - 1]];
    }
  }

  // Merge consecutive lines of one kind into blocks (blank lines between them join).
  const blocks: BoilerplateBlock[] = [];
  for (let k = 0; k < nonBlank.length; k++) {
    const i = nonBlank[k];
    const kind = kinds[i];
    if (!kind) continue;
    const last = blocks[blocks.length - 1];
    const prevNonBlank = nonBlank[k - 1];
    if (last && last.kind === kind && last.lastLine === prevNonBlank) {
      last.lastLine = i;
      last.end = lines[i].end;
    } else {
      blocks.push({ kind, firstLine: i, lastLine: i, start: lines[i].start, end: lines[i].end, evidence: evidence[i] });
    }
  }
  return blocks;
}
