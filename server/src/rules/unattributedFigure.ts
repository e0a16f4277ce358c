// Statistics about the world (markets, populations, surveys) with no named source in their
// sentence or attributed context. The issuer's own facts are first-party and not flagged.
import type { Rule } from "./rule";

export const unattributedFigureRule: Rule = {
  code: "unattributed-figure",
  title: "Unattributed figure",
  description: "A statistic about the world (a market, an industry, a population, trade, a survey: money, percentage, count, multiple, rank) with no named source in its sentence or attributed context.",
  defaultSeverity: "warning",
  anchor: "unattributed-figure",
  examples: { flagged: "The global cannabis market is projected to reach $89 billion by 2024.", notFlagged: "Net sales were $4.6 billion, up 1 percent. (the issuer's own results)" },
  check({ model }) {
    return model.figures
      .filter((f) => !f.source)
      .map((f) => ({
        code: "unattributed-figure" as const,
        start: f.start,
        end: f.end,
        message: `Unattributed figure: ${f.text.replace(/\\\$/g, "$")} (${f.normalised}) has no named source.`,
        data: { normalised: f.normalised, likelySource: f.likelySource },
        explanation: {
          what: `A ${f.kind === "money" ? "money figure" : f.kind === "percent" ? "percentage" : f.kind === "multiple" ? "multiple" : "count"} about the world: ${f.normalised}.`,
          why: `Neither its sentence nor its paragraph names who measured it${f.likelySource ? ` (the release cites “${f.likelySource}” elsewhere; it may be the source)` : ""}.`,
          fix: "Name the source in the same sentence (“according to …”), or check it before reporting it.",
        },
      }));
  },
};
