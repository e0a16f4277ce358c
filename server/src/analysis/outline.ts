// The outline a reader navigates: headline, dateline, body sections with their speakers,
// the sources and the boilerplate blocks.
import type { OutlineNode, ReleaseModel, Span } from "./types";
import { headingTitle } from "./structure";

const node = (name: string, kind: OutlineNode["kind"], span: Span, detail?: string, children: OutlineNode[] = []): OutlineNode => ({
  name,
  kind,
  detail,
  span,
  selection: span,
  children,
});

export function buildOutline(m: ReleaseModel): OutlineNode[] {
  const out: OutlineNode[] = [];
  if (m.headline) {
    // The headline's range holds its sub-headline child; its selection is the headline itself.
    const h = node(headingTitle(m.headline), "headline", { start: m.headline.start, end: Math.max(m.headline.end, m.subheadline?.end ?? 0) }, "headline");
    h.selection = { start: m.headline.start, end: m.headline.end };
    if (m.subheadline) h.children.push(node(headingTitle(m.subheadline), "subheadline", m.subheadline, "sub-headline"));
    out.push(h);
  }
  if (m.dateline) {
    const d = m.dateline;
    const name = m.text.slice(d.start, d.end).replace(/\s+/g, " ").trim() || "Dateline";
    out.push(node(name, "dateline", d, [d.place, d.date, d.wire].filter(Boolean).join(" · ") || "dateline"));
  }
  // Speakers per paragraph, so that each section lists who speaks in it.
  const byParagraph = new Map<number, number[]>(); // paragraph → indices into m.attributions
  m.attributions.forEach((a, i) => {
    const p = m.sentences[a.sentence]?.paragraph;
    if (p === undefined) return;
    const list = byParagraph.get(p);
    if (list) list.push(i);
    else byParagraph.set(p, [i]);
  });
  const speakersOf = (paragraphs: number[]): OutlineNode[] => {
    const set = new Map<string, { span: Span; count: number }>();
    const picked: number[] = [];
    for (const p of new Set(paragraphs)) for (const i of byParagraph.get(p) ?? []) picked.push(i);
    for (const i of picked.sort((x, y) => x - y)) {
      const a = m.attributions[i];
      if (a.sourceType !== "person") continue;
      const e = set.get(a.source);
      if (e) e.count++;
      else set.set(a.source, { span: { start: a.start, end: a.end }, count: 1 });
    }
    return [...set].map(([name, e]) => node(name, "speaker", e.span, `${e.count} statement${e.count > 1 ? "s" : ""}`));
  };
  const bodyParas = m.paragraphs.filter((p) => !p.boilerplate && p !== m.headline && p !== m.subheadline).map((p) => p.index);
  if (bodyParas.length) {
    const first = m.paragraphs[bodyParas[0]];
    const last = m.paragraphs[bodyParas[bodyParas.length - 1]];
    const body = node("Body", "body", { start: first.start, end: last.end }, `${bodyParas.length} paragraphs`);
    const sectioned = new Set(m.sections.flatMap((s) => s.paragraphs));
    const sectionStarts = new Set(m.sections.map((s) => s.start));
    const lead = bodyParas.filter((i) => !sectioned.has(i) && !sectionStarts.has(m.paragraphs[i].start));
    body.children.push(...speakersOf(lead));
    for (const s of m.sections) {
      body.children.push(node(s.title, "section", s, `section · ${s.paragraphs.length} paragraphs`, speakersOf(s.paragraphs)));
    }
    out.push(body);
  }
  if (m.speakers.length) {
    const children = m.speakers.map((s) => node(s.name, "source", s.firstMention, `${s.statements.length} statement${s.statements.length > 1 ? "s" : ""}`));
    out.push(node("Sources", "sources", cover(children.map((c) => c.span)), `${m.speakers.length} named`, children));
  }
  if (m.boilerplate.length) {
    const b0 = m.boilerplate[0];
    const bl = m.boilerplate[m.boilerplate.length - 1];
    out.push(
      node("Boilerplate", "boilerplate-group", { start: b0.start, end: bl.end }, `${m.boilerplate.length} blocks`,
        m.boilerplate.map((b) => node(`${b.kind}: ${m.text.slice(b.start, Math.min(b.end, b.start + 60)).replace(/\s+/g, " ").trim()}`, "boilerplate", b, `lines ${b.firstLine + 1}–${b.lastLine + 1}`))),
    );
  }
  return out;
}

/** The smallest span holding every span given (a group's range contains its members). */
export function cover(spans: readonly Span[]): Span {
  let start = Infinity;
  let end = 0;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end };
}
