// Puffery and unverifiable superlatives in the release's own voice (not in named people's
// quotes, not inside boilerplate).
import { PUFFERY } from "../analysis/lexicon";
import { PhraseSet, vocabularyNumber, type PhraseMatch, type Tokens } from "../analysis/phrases";
import type { Rule } from "./rule";
import { firstReached } from "../analysis/sorted";

const PRAISE = "efficient|attractive|capable|powerful|advanced|innovative|comprehensive|trusted|respected|admired|reliable|complete|popular|successful|prestigious|exciting|sophisticated|versatile|secure|sustainable|beautiful|delicious|luxurious|iconic|influential|recognized|recognised|experienced|talented|dynamic|cost-effective";
const SUPERLATIVE = String.raw`(?:one of )?the (?:(?:world|industry|nation|country|region|market)[’']s )?(?:(?:two |three )?most (?:${PRAISE})|best(?:-in-class)?|finest|greatest|premier|ultimate|highest[- ]quality|highest level|perfect) [\p{L}-]+`;
/** Uses of puffery words that are plain terms: "shares outstanding", "leading to", "comprehensive income". */
const PLAIN_USE = /^(?:outstanding\s+(?:shares|stock|balance|loans?|debt|notes|options|warrants|common|at|as of|borrowings)|leading (?:to|cause|causes|up|indicator|market|markets|region|regions|country|countries|exporter|importer|producer|segment|category)|(?:the )?best (?:practices?|ways?|of|argument|time|interests?|possible|available|efforts?|estimates?|guess)|(?:have|has|had|been) proven|proven to)\b|(?:shares|stock|options|warrants|balance|amounts?|loans?|debt|notes|borrowings|common)\s+(?:\w+\s+)?outstanding$/i;

/** "a leading …", "Acme's leading …", "Acme, leading provider of …" */
const LEADING_ADJECTIVE = /(?:(?:^|\s)(?:a|an|the|its|our|their|one of the)|['’]s|,|^)\s*(?:\([^)]{1,20}\)\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** "are leading efforts", "expertise leading teams": the verb. */
const LEADING_VERB = /\b(?:am|are|is|was|were|be|been|being|expertise|experience|charge|role|years|time|while|by|in|for)\s+$/i;
const LEADING_NOUN = /^\s+(?:[\p{L}-]+\s+)?(?:provider|company|supplier|manufacturer|developer|platform|brand|firm|maker|designer|retailer|distributor|producer|expert|authority|innovator|voice|player|organi[sz]ation|agency|partner|source|solution|destination)s?\b/iu;

/** The words a superlative phrase opens with ("the most …", "one of the …"). */
const THE = vocabularyNumber("the");
const ONE = vocabularyNumber("one");
/** Tried at a word's start before the word list, as the first branch of one alternation would be. */
const SUPERLATIVE_AT = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${SUPERLATIVE})(?![\\p{L}\\p{N}-])`, "iuy");

let cache: { key: string; words: PhraseSet } | undefined;
function wordList(extra: string[]): PhraseSet {
  const key = extra.join("\u0000");
  if (cache?.key !== key) cache = { key, words: new PhraseSet([...PUFFERY, ...extra], true) };
  return cache.words;
}

/** Puffery in a sentence, left to right and not overlapping: a superlative phrase, else a listed word. */
function pufferyIn(text: string, tokens: Tokens, words: PhraseSet): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  let from = 0;
  // Both kinds open with a vocabulary word ("the", "one", a listed word): only those are tried.
  for (const i of tokens.known()) {
    const at = tokens.start(i);
    if (at < from) continue;
    // A superlative phrase opens with the word "the" or "one" ("one of the"): only there is it tried.
    const word = tokens.word(i);
    let sup: RegExpExecArray | null = null;
    if (word === THE || word === ONE) {
      SUPERLATIVE_AT.lastIndex = at;
      sup = SUPERLATIVE_AT.exec(text);
    }
    const end = sup ? at + sup[0].length : words.endAt(text, tokens, i)?.end;
    if (end === undefined) continue;
    out.push({ index: at, text: text.slice(at, end), phrase: text.slice(at, end).toLowerCase() });
    from = end;
  }
  return out;
}

export const promotionalRule: Rule = {
  code: "promotional",
  title: "Promotional language",
  description: "Puffery and unverifiable superlatives in the release's own voice (“leading”, “innovative”, “the most comprehensive”). Quotes by named people and boilerplate are left alone.",
  defaultSeverity: "information",
  anchor: "promotional",
  examples: { flagged: "Help at Home, a leading national provider of in-home care, …", notFlagged: "“We are proud of this award,” said Jane Doe, CEO." },
  check({ model, voices, options, tokens }) {
    const words = wordList(options.pufferyWords ?? []);
    const out: ReturnType<Rule["check"]> = [];
    // Quotes by a named speaker, by start, with the furthest end so far: a phrase lies inside
    // one of them when the furthest end among those starting at or before it reaches its end.
    const spoken = model.quotes.filter((q) => q.speaker).sort((a, b) => a.start - b.start);
    const reach: number[] = [];
    for (const q of spoken) reach.push(Math.max(q.end, reach[reach.length - 1] ?? -Infinity));
    const inSpokenQuote = (start: number, end: number): boolean => {
      const after = firstReached(spoken.length, (k) => spoken[k].start > start);
      return after > 0 && reach[after - 1] >= end;
    };
    model.sentences.forEach((s, si) => {
      const p = model.paragraphs[s.paragraph];
      if (p.boilerplate || model.stockSentences.has(si)) return;
      const v = voices[si];
      // Named people's words are theirs to make; the rule is about the release's voice.
      // People's words are theirs; the issuer or a document in the subject does not make puffery checkable.
      if (v.attribution?.sourceType === "person") return;
      const found = options.memo ? options.memo.get("puffery", s.text, (t) => pufferyIn(t, tokens(s), words)) : pufferyIn(s.text, tokens(s), words);
      for (const m of found) {
        const start = s.start + m.index;
        const end = start + m.text.length;
        const around = s.text.slice(Math.max(0, m.index - 25), m.index + m.text.length + 25);
        if (PLAIN_USE.test(s.text.slice(m.index, m.index + m.text.length + 25)) || PLAIN_USE.test(s.text.slice(Math.max(0, m.index - 25), m.index + m.text.length))) continue;
        if (/\boutstanding\b/i.test(m.text) && /\b(?:shares|weighted|diluted|basic)\b/i.test(around)) continue;
        // Capitalised mid-sentence it is a name ("Pioneer"), except in headlines and headings.
        // (The language last: it is worked out on first use.)
        if (/^\p{Lu}\p{Ll}/u.test(m.text) && m.index > 0 && !p.heading && p !== model.headline && p !== model.subheadline && model.language !== "de") continue;
        // "leading" praises only as an adjective: "a leading provider", not "are leading efforts".
        if (/^leading$/i.test(m.text) && LEADING_VERB.test(s.text.slice(Math.max(0, m.index - 30), m.index))) continue;
        if (/^leading$/i.test(m.text) && !LEADING_ADJECTIVE.test(s.text.slice(Math.max(0, m.index - 40), m.index)) && !LEADING_NOUN.test(s.text.slice(m.index + m.text.length, m.index + m.text.length + 40))) continue;
        // False friends: French "premier" is "first".
        if (/^(?:premier|top)$/i.test(m.text) && model.language !== "en") continue;
        if (inSpokenQuote(start, end)) continue;
        out.push({
          code: "promotional",
          start,
          end,
          message: `Promotional: “${m.text}” is self-praise the reader cannot check.`,
          explanation: {
            what: "Puffery: an evaluative or superlative phrase in the release's own voice.",
            why: `“${m.text}” praises the issuer or its product without evidence or a named source.`,
            fix: "Replace it with a checkable fact (a figure, a ranking with its source) or drop it.",
          },
        });
      }
    });
    return out;
  },
};
