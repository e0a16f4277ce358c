// Attributions to nobody in particular: "according to analysis", "experts say", "official data shows".
import type { Rule } from "./rule";

export const vagueAttributionRule: Rule = {
  code: "vague-attribution",
  title: "Vague attribution",
  description: "A reporting cue whose source is nobody in particular: “according to analysis”, “experts say”, “official data shows”, “studies show”.",
  defaultSeverity: "warning",
  anchor: "vague-attribution",
  examples: { flagged: "Official data shows that trade reached $228.1 billion.", notFlagged: "According to the National Bureau of Statistics, trade reached $228.1 billion." },
  check({ model, voices }) {
    const out: ReturnType<Rule["check"]> = [];
    voices.forEach((v, si) => {
      if (model.paragraphs[model.sentences[si].paragraph].boilerplate) return;
      for (const c of v.vague) {
        out.push({
          code: "vague-attribution",
          start: c.start,
          end: c.end,
          message: `Vague attribution: “${c.cue}” names no source.`,
          explanation: {
            what: "An attribution to nobody in particular.",
            why: `“${c.cue}” sounds sourced, but names no person, organisation or document a reader could check.`,
            fix: "Name the source (“according to the National Bureau of Statistics”) or drop the attribution.",
          },
        });
      }
    });
    return out;
  },
};
