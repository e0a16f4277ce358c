// Who put the release out: the name that opens the lead after the dateline, the "About X"
// headings, the "SOURCE X" footer, and the user's settings. Their own facts are first-party.
import type { BoilerplateBlock, Dateline, Line } from "./types";
import { nameAtStart, stripTitles } from "./names";
import { clean, markdownLinkTexts } from "./text";

const SUFFIX = /(?<![,\s])[,\s]+(?:Inc\.?|Corp\.?|Corporation|Co\.?|Ltd\.?|LLC|plc|S\.A\.(?: de C\.V\.)?|AG|GmbH|SE|N\.V\.)$/i;

/** The lead names the issuer when it announces something: "Acme (NYSE: ACME) today announced …". */
const ANNOUNCING = /^.{0,200}?\b(?:today|announce[ds]?|report(?:s|ed)|launch(?:es|ed)|unveil(?:s|ed)|introduce[ds]|name[ds]|appoint(?:s|ed)|release[ds]|publish(?:es|ed)|welcome[ds]|is pleased|is proud|has (?:been )?(?:named|selected|awarded)|gibt bekannt|annonce|anuncia|annuncia)\b|\((?:NYSE|NASDAQ|Nasdaq|OTC\w*|TSXV?|AMEX|LSE|BMV|ASX|Euronext)\s*:/;

export function findIssuers(text: string, lines: Line[], dateline: Dateline | undefined, blocks: BoilerplateBlock[], configured: string[] = [], headline?: string): string[] {
  const names: string[] = [...configured];
  // "CGTN: Xi Jinping's …": a short name before a colon opening the headline is the issuer.
  const byline = headline && /^([\p{Lu}][\p{L}\d&.'’ -]{1,40}?)\s*:\s/u.exec(headline);
  if (byline && byline[1].split(/\s+/).length <= 4) names.push(byline[1]);
  if (dateline) {
    const lead = text.slice(dateline.end, Math.min(text.length, lines[dateline.line].end)).replace(/^[\s\-–—:)(]+/, "").replace(/^(?:\/?[A-Za-z0-9 .-]{2,30}\/\s*[-–—]*\s*)/, "");
    const n = nameAtStart(lead.replace(/[®™]/g, ""));
    // The announcing verb belongs to the name's own clause; a titled person is not the issuer.
    if (n && n.split(/\s+/).length <= 6 && ANNOUNCING.test(lead.slice(0, n.length + 100)) && stripTitles(n).split(/\s+/).length === n.split(/\s+/).length) names.push(n);
  }
  for (const b of blocks) {
    const first = clean(lines[b.firstLine].text);
    if (b.kind === "about") {
      // eslint-disable-next-line regexp/no-super-linear-backtracking -- anchored at the start (one attempt, {2,60})
      const m = /^(?:about|über|à propos d[e’']|acerca de|sobre|informazioni su)\s+(?:the\s+)?([^:.\n]{2,60}?)(?:\s*[:]|\s*$|(?=\s[\p{Lu}][\p{Ll}]+\s(?:is|was|ist|est|es|è)\b))/iu.exec(markdownLinkTexts(first));
      if (m) names.push(m[1].replace(/[®™]/g, "").trim());
    }
    if (b.kind === "wire-footer") {
      const m = /^SOURCE:?\s+(.{2,60})$/i.exec(first);
      if (m) names.push(m[1].trim());
    }
  }
  const out = new Set<string>();
  for (const n of names) {
    if (/^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\b/.test(n)) continue;
    const base = n.replace(SUFFIX, "").trim();
    if (base.length < 2) continue;
    out.add(base);
    const firstWord = base.split(/\s+/)[0];
    if (firstWord.length >= 4 && firstWord !== base && /^[\p{Lu}]/u.test(firstWord)) out.add(firstWord);
  }
  return [...out];
}
