// A cheap guess at the body's language from function-word counts; enough to pick lexicons
// and to say in the report which language was read.
const MARKERS: Record<string, RegExp> = {
  en: /\b(?:the|and|of|to|with|that|is|for)\b/g,
  de: /\b(?:der|die|das|und|mit|für|ist|nicht|auf)\b/g,
  fr: /\b(?:le|la|les|et|des|du|pour|est|une|dans)\b/g,
  es: /\b(?:el|los|las|y|del|para|con|una|por|que)\b/g,
  it: /\b(?:il|della|che|per|con|una|sono|dei|nel)\b/g,
  pt: /\b(?:o|os|as|do|da|para|com|uma|não|que)\b/g,
};

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20000).toLowerCase();
  let best = "en";
  let bestCount = 0;
  for (const [lang, re] of Object.entries(MARKERS)) {
    const n = sample.match(re)?.length ?? 0;
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return best;
}
