// Whether a plaintext document reads like a press release, for `pressRelease.enable: auto`.
// A release has at least two of: a dateline, wire or distribution marks, stock sections
// (About, contacts, safe harbor), and reported speech.
import type { ReleaseModel } from "./types";

export interface ReleaseEvidence {
  isRelease: boolean;
  signals: string[];
}

export function releaseEvidence(model: ReleaseModel): ReleaseEvidence {
  const signals: string[] = [];
  if (model.dateline) signals.push("dateline");
  const kinds = new Set(model.boilerplate.map((b) => b.kind));
  for (const k of ["wire-header", "wire-footer", "about", "contact", "safe-harbor", "copyright", "disclaimer", "republisher-meta"] as const)
    if (kinds.has(k)) signals.push(k);
  if (model.attributions.some((a) => a.via === "cue" && a.sourceType !== "document")) signals.push("reported speech");
  const head = model.text.slice(0, 5000);
  if (/\b(?:press release|news release|announce[ds]?|today (?:announced|reported|unveiled|launched)|pressemitteilung|communiqué|comunicado|comunicato|annonce|a annoncé|anuncia|anunció|annuncia|gibt bekannt|kündigt)\b/i.test(head))
    signals.push("release wording");
  if (model.dateline?.wire || /PR ?Newswire|Business ?Wire|GLOBE NEWSWIRE|Regulatory News|ACCESSWIRE|EIN Presswire|NEWMEDIAWIRE|News Direct|24-7PressRelease|Newsworthy\.ai/i.test(head))
    signals.push("wire mark");
  return { isRelease: signals.length >= 2, signals };
}
