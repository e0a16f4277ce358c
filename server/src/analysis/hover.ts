// Hover text at an offset: the findings there (what, why, fix), who a sentence or quote is
// attributed to and by which cue, and a figure's normalised value and source.
import type { AnalysisResult, Finding, ReleaseModel } from "./types";

/** What a hover reads of the model: the text, and the figures, attributions and quotes, each list in the model's order. */
export type HoverSources = Pick<ReleaseModel, "text" | "figures" | "attributions" | "quotes">;

export interface HoverText {
  markdown: string;
  start: number;
  end: number;
}

export function hoverAt(result: AnalysisResult, offset: number): HoverText | undefined {
  return hoverFrom(result.findings, result.model, offset);
}

/**
 * The hover at `offset` from the findings and those parts of the model. The lists may be cut
 * down to the items around the offset (see lsp/hoverIndex.ts), as long as they keep their order.
 */
export function hoverFrom(findings: Finding[], model: HoverSources, offset: number): HoverText | undefined {
  const parts: string[] = [];
  let start = offset;
  let end = offset;
  const widen = (s: number, e: number) => {
    if (start === offset && end === offset) {
      start = s;
      end = e;
    } else {
      start = Math.min(start, s);
      end = Math.max(end, e);
    }
  };
  const at = (s: number, e: number) => s <= offset && offset < Math.max(e, s + 1);
  for (const f of findings) {
    if (!at(f.start, f.end)) continue;
    parts.push(`**${f.code}**${f.data?.kind ? ` (${f.data.kind})` : ""}: ${f.explanation.what}\n\n*Why:* ${f.explanation.why}\n\n*Fix:* ${f.explanation.fix}`);
    widen(f.start, f.end);
  }
  const fig = model.figures.find((x) => at(x.start, x.end));
  if (fig) {
    const src = fig.source
      ? fig.firstParty
        ? `the issuer (${fig.source}): its own fact`
        : `${fig.source} (${fig.sourceVia ?? "cue"})`
      : `none named${fig.likelySource ? `; the release cites ${fig.likelySource} elsewhere` : ""}`;
    parts.push(`**Figure** \`${fig.text.replace(/\\\$/g, "$")}\`: ${fig.normalised}\n\n*Source:* ${src}`);
    widen(fig.start, fig.end);
  }
  const att = model.attributions.find((a) => at(a.start, a.end));
  if (att) {
    const how = att.via === "cue" ? `cue “${model.text.slice(att.cueSpan.start, att.cueSpan.end)}”` : att.via === "quote" ? "quotation" : att.via === "pronoun" ? `pronoun resolved to the last named speaker (“${model.text.slice(att.cueSpan.start, att.cueSpan.end)}”)` : att.via === "continuation" ? "continuation of the paragraph's named speaker" : "issuer";
    parts.push(`**Attributed to** ${att.source} (${att.sourceType}), by ${how}.`);
    widen(att.start, att.end);
  } else {
    const q = model.quotes.find((x) => at(x.start, x.end));
    if (q) {
      parts.push(q.speaker ? `**Quote** by ${q.speaker}.` : "**Quote** with no named speaker.");
      widen(q.start, q.end);
    }
  }
  if (!parts.length) return undefined;
  return { markdown: parts.join("\n\n---\n\n"), start, end };
}
