// How the release is built: headline, sub-headline, dateline (place, date, wire) and the
// section headings of the body.
import type { Dateline, Line, Paragraph, Section } from "./types";
import { clean } from "./text";
import { isWhitespace } from "./charClass";
import { firstReached } from "./sorted";

const MONTHS =
  "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?|" +
  "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|" +
  "Januar|Februar|März|Juni|Juli|Oktober|Dezember|" +
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|" +
  "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|" +
  "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)";
const WEEKDAY = "(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)";
/** A date as datelines write it: "Feb. 6, 2026", "6 February 2026", "13 de agosto de 2026", "15. November 2023", "September 2025" (a day is one or two digits: not the first two of a year). */
export const DATE = new RegExp(
  `${WEEKDAY}?(?:${MONTHS}\\s+\\d{1,2}(?!\\d)(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\.?\\s+(?:de\\s+)?${MONTHS}(?:\\s+(?:de\\s+)?\\d{4})?|${MONTHS}\\s+\\d{4})`,
  "i",
);
// eslint-disable-next-line regexp/no-super-linear-backtracking -- only the first 160 characters of a line are searched
const WIRE = /\/\s*([^/\n]{2,40}?)\s*\/|\(\s*((?:GLOBE NEWSWIRE|BUSINESS WIRE|NEWMEDIAWIRE|NOTICIAS NEWSWIRE|Newsworthy\.ai|ACCESSWIRE|PRNewswire|EINPresswire|The INTERNET|ots|pts|APA-OTS|dpa-AFX|AFP|Reuters|IRW-PRESS|PRWEB|EQS|Cision)[^)]*)\)|[-–—]{1,2}\(([A-Z ]+WIRE)\)[-–—]{1,2}|--\(\)--/i;
const PLACE = /^(?:[\p{Lu}][\p{L}.'’ -]{1,40}?)(?:,\s*[\p{L}.]{2,20}){0,2}(?=\s*(?:,|—|–|-{1,2}|\/|\(|\s[-–—]))/u;

export function findDateline(paragraphs: Paragraph[], lines: Line[], bodyStart: number): Dateline | undefined {
  const limit = Math.min(paragraphs.length, bodyStart + 12);
  // A bare date line ("Jan. 25, 2005") is the dateline only when no place-led one follows.
  let dateOnlyCandidate: Dateline | undefined;
  for (let k = bodyStart; k < limit; k++) {
    const p = paragraphs[k];
    if (p.boilerplate) continue;
    const line = lines[p.firstLine];
    const s = clean(line.text).replace(/^\*\*|\*\*$/g, "");
    const head = s.slice(0, 160);
    const dateM = DATE.exec(head);
    const wireM = WIRE.exec(head);
    const placeM = PLACE.exec(head);
    const placeIsCaps = placeM && /^[\p{Lu}\s.,'’-]{3,}$/u.test(placeM[0].split(",")[0]);
    const dateOnly = dateM && dateM.index === 0 && s.length < 40;
    const dateFirst = dateM && dateM.index === 0 && wireM;
    const placeThenDate = placeM && dateM && dateM.index <= placeM[0].length + 8;
    const placeThenWire = placeM && wireM && wireM.index <= placeM[0].length + 8;
    const capsPlaceDash = placeIsCaps && /^[^a-z]{3,40}?\s[—–-]{1,2}\s/u.test(head);
    // "(NewMediaWire) - January 29, 2025 - DALLAS —": the wire first.
    const wireThenDate = wireM && wireM.index === 0 && dateM && dateM.index <= wireM[0].length + 6;
    // "Paris le 2 juillet 2008", "Wiesbaden, den 4. April 2008"
    const placeLeDate = dateM && /^[\p{Lu}][\p{L}'’-]{1,30},?\s(?:le|den|el|il|em)\s/u.test(head) && dateM.index < 45;
    if (dateOnly || dateFirst || placeThenDate || placeThenWire || capsPlaceDash || wireThenDate || placeLeDate) {
      const offset = line.text.indexOf(s.slice(0, 10));
      const start = line.start + Math.max(0, offset);
      const endInLine = wireM ? wireM.index + wireM[0].length : dateM ? dateM.index + dateM[0].length : (placeM?.[0].length ?? 0);
      const found: Dateline = {
        start,
        end: Math.min(line.end, start + endInLine),
        line: line.index,
        place: dateOnly || dateFirst || wireThenDate ? undefined : placeLeDate ? head.split(/[,\s]/)[0] : placeM?.[0].trim(),
        date: dateM?.[0].trim(),
        wire: wireM ? (wireM[1] ?? wireM[2] ?? wireM[3] ?? "").trim() || undefined : undefined,
      };
      if (!dateOnly) return found;
      dateOnlyCandidate ??= found;
    } else if (dateOnlyCandidate && s.length > 200) {
      break; // the body has begun
    }
  }
  return dateOnlyCandidate;
}

/** A heading: one short line, no closing stop, not a list item or a quote. */
export function looksLikeHeading(p: Paragraph): boolean {
  if (p.firstLine !== p.lastLine) {
    // A headline hard-wrapped over two lines.
    if (p.lastLine - p.firstLine > 1) return false;
  }
  // Over 160 visible characters, with at most 8 heading marks ("######", "**") dropped below, it is too long.
  if (p.text.length > 168 && visibleLength(p.text, 169) > 168) return false;
  const s = clean(p.text.replace(/\s+/g, " ")).replace(/^#{1,6}\s*|^\*\*|\*\*$/g, "");
  if (s.length < 3 || s.length > 160) return false;
  // eslint-disable-next-line regexp/no-super-linear-move -- `s` is at most 160 characters here
  const bare = s.replace(/["”’»)\]*]+$/, "");
  if (/[.,;:!]$/.test(bare) && !/\b(?:Inc|Corp|Co|Ltd)\.$/.test(bare)) return false;
  if (/\b(?:said|says|told|added)\b/.test(s) && /["“”]/.test(s)) return false;
  if (/^["“‘]/.test(s)) return false;
  if (/^(?:\d+[.)]|[-*•])\s/.test(s)) return false;
  if (!/^[\p{Lu}\d¿¡]/u.test(s)) return false;
  if (/\|/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 24) return false;
  // A sentence without its stop is not a heading: headings are short or in title case.
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  if (words.length > 12 && capitalised < words.length * 0.5 && /\b(?:is|are|was|were|will|has|have|had|be|ist|sind|est|sont|es|son|è|sono|é|são)\b/i.test(s)) return false;
  return true;
}

/** Characters that are neither whitespace nor the zero-width ones `clean` removes, counted up to `cap`. */
function visibleLength(s: string, cap: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n < cap; i++) {
    const c = s.charCodeAt(i);
    if (!isWhitespace(c) && !(c >= 0x200b && c <= 0x200d) && c !== 0x2060) n++;
  }
  return n;
}

export function headingTitle(p: Paragraph): string {
  return clean(p.text.replace(/\s+/g, " ")).replace(/^#{1,6}\s*|^\*\*|\*\*$/g, "").trim();
}

/** Headline: the first non-stock paragraph; sub-headline: a second heading before the dateline. */
export function findHeadlines(paragraphs: Paragraph[], datelineLine: number | undefined): { headline?: Paragraph; subheadline?: Paragraph } {
  let headline: Paragraph | undefined;
  let subheadline: Paragraph | undefined;
  for (const p of paragraphs) {
    if (datelineLine !== undefined && p.firstLine >= datelineLine) break;
    if (p.boilerplate) continue;
    const s = headingTitle(p);
    if (!headline) {
      if (s.length >= 12 && s.length <= 300 && !/^(?:by|von|par|por|di)\s/i.test(s)) headline = p;
      continue;
    }
    // A sub-headline is a short deck, not the lead paragraph of a release without a dateline.
    // Without a dateline after it, only a heading-shaped paragraph is a deck.
    const stopless = !/[.!?]["”]?$/.test(s);
    const deck = datelineLine !== undefined ? s.length <= 160 || (s.length <= 300 && stopless) : (p.heading || stopless) && s.length <= 300;
    if (!subheadline && s.length >= 20 && deck && !DATE.test(s.slice(0, 30))) subheadline = p;
    break;
  }
  return { headline, subheadline };
}

export function findSections(paragraphs: Paragraph[], bodyStart: number): Section[] {
  const sections: Section[] = [];
  for (let k = bodyStart; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    if (p.boilerplate || !p.heading) continue;
    // A heading needs body text after it.
    const next = paragraphs[k + 1];
    if (!next || next.boilerplate) continue;
    // Three short lines in a row are a list, not headings; a phone or an e-mail is contact data.
    const isHead = (q: Paragraph | undefined) => !!q && q.heading && !q.boilerplate;
    if ((isHead(paragraphs[k - 1]) && isHead(next)) || (isHead(next) && isHead(paragraphs[k + 2])) || (isHead(paragraphs[k - 1]) && isHead(paragraphs[k - 2]))) continue;
    if (/@|\d{3}[\s.)-]{1,2}\d{3}[\s.-]\d{3,4}/.test(p.text)) continue;
    sections.push({ title: headingTitle(p), line: p.firstLine, start: p.start, end: p.end, paragraphs: [] });
  }
  // Each section owns the paragraphs up to the next one (paragraphs are in line order).
  for (let s = 0; s < sections.length; s++) {
    const from = sections[s].line;
    const to = s + 1 < sections.length ? sections[s + 1].line : Infinity;
    for (let k = firstReached(paragraphs.length, (i) => paragraphs[i].firstLine > from); k < paragraphs.length && paragraphs[k].firstLine < to; k++) {
      const p = paragraphs[k];
      if (!p.boilerplate) {
        sections[s].paragraphs.push(p.index);
        sections[s].end = Math.max(sections[s].end, p.end);
      }
    }
  }
  return sections;
}
