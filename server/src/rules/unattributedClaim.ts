// Evaluative, causal, predictive and trend assertions in the release's own voice that no
// named source makes. Plain reports of what happened are the news itself.
import { CLAIM_CUES } from "../analysis/lexicon";
import { PhraseSet } from "../analysis/phrases";
import type { Rule } from "./rule";

/** Claim cues, not touching a hyphen ("well-established" is one cue, "self-reflects" none). */
const CUES = new PhraseSet(CLAIM_CUES, true);

const KIND: [RegExp, string][] = [
  [/due to|driven by|drive|led to|\bled\b|lead|result|contribut|caused|because|thanks to|fuel|trigger|impacted|affected|forced|exacerbat|ensure|enable|minimi|reduce|improve|enhance|shaped|dynamis|porté|grâce|raison|debido|gracias|devido|causa di|grazie|trainato|attribut|disrupt/i, "causal"],
  [/expected|projected|set to|set for|poised|could|will|likely|wird/i, "predictive"],
  [/remain|persist|growing|increasing|rising|continu|surg|soar|declin|accelerat|trend|grown|become|evolved|becoming|normal|rise|sigue|contin|cada vez|zunehmend|wachsend|de plus en plus|sempre più|steig|wächst|wachsen|gesunken|verstärkt|nimmt zu|nehmen zu|en aumento|in crescita|em crescimento|reste très/i, "trend"],
];

const LITERAL_USE = /\b(?:deaths|cases|admissions|hospitali[sz]ations|fatalities|injuries|illnesses|losses|visits) due to\b|\breflect(?:s|ing)? the performance of\b|\bit is (?:crucial|essential|important|critical) to (?:note|acknowledge|remember|understand|consider)\b/i;
const OWN_RESULTS = /\b(?:revenues?|expenses?|charges?|depreciation|income|margins?|sales|earnings|profit|cash|costs?|eps|per share|ebitda|loss)\b/i;

export const unattributedClaimRule: Rule = {
  code: "unattributed-claim",
  title: "Unattributed claim",
  description: "An evaluative, causal, predictive or trend assertion (“underscores”, “reflects”, “remained high”, “growing”, “due to”) in the release's own voice that no named source makes. Plain reports of what happened are not claims.",
  defaultSeverity: "warning",
  anchor: "unattributed-claim",
  examples: { flagged: "The same-day engagements came as global tensions remained high.", notFlagged: "Economic and trade exchanges sustained robust development, Xi said." },
  check({ model, voices, options, tokens }) {
    const out: ReturnType<Rule["check"]> = [];
    const ownFigures = new Set(model.figures.filter((f) => f.firstParty).map((f) => f.sentence));
    model.sentences.forEach((s, si) => {
      const p = model.paragraphs[s.paragraph];
      if (p.boilerplate || p.heading) return;
      const v = voices[si];
      if (v.attribution || v.quoted > 0.5) return;
      const m = options.memo ? options.memo.get("claim-cue", s.text, (t) => CUES.first(t, tokens(s)) ?? null) : CUES.first(s.text, tokens(s));
      if (!m || !/\p{Ll}/u.test(m.text)) return; // "SIGNIFICANT ITEMS" is a table heading
      const kind = KIND.find(([re]) => re.test(m.text))?.[1] ?? "evaluative";
      // The issuer explaining its own results ("expenses rose due to …") reports its own facts.
      if (kind !== "evaluative" && ownFigures.has(si) && OWN_RESULTS.test(s.text)) return;
      if (model.stockSentences.has(si)) return;
      // Literal uses: "deaths due to respiratory disease" names a category; "reflecting the
      // performance of the Nasdaq-100 Index" describes a fund; "it is crucial to note" hedges.
      if (LITERAL_USE.test(s.text.slice(Math.max(0, m.index - 30), m.index + m.text.length + 30))) return;
      // "Investors have contributed $3 million": a donation or an investment, not a cause.
      if (/^contribut/i.test(m.text.split(/\s+/).pop() ?? "") || /contribut/i.test(m.text)) {
        if (/[$€£]\s?\d|\b(?:round|funding|financing|donations?|campaign|fund)\b/i.test(s.text)) return;
      }
      out.push({
        code: "unattributed-claim",
        start: s.start,
        end: s.end,
        message: `Unattributed claim (${kind}): “${m.text}” asserts more than what happened, and no named source makes it.`,
        data: { cue: m.text, claimKind: kind },
        explanation: {
          what: `A ${kind} assertion in the release's own voice.`,
          why: `The cue “${m.text}” makes this a judgement, not a report of what happened, and the sentence names no person, organisation or document behind it.`,
          fix: "Attribute it to a named source (“…, said Jane Doe, CEO”), support it with a sourced figure, or report only what happened.",
        },
      });
    });
    return out;
  },
};
