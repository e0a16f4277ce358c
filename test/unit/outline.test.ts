// The outline (guide: "Outline"): headline and sub-headline, dateline, body with section
// headings and their speakers, the sources with statement counts, and the boilerplate blocks.
import { strict as assert } from "node:assert";
import { paragraphs, DATELINE } from "../helpers/joinLines";
import { analyze, lineOf, outlineNames } from "../helpers/engine";
import type { OutlineNode } from "../../server/src/analysis/index";

const TEXT = paragraphs(
  "Acme Unveils a Router for Small Offices",
  "New model brings built-in security to offices with fewer than 50 staff",
  DATELINE,
  "Jane Doe, chief executive officer of Acme, said the launch went well.",
  "Pricing and availability",
  "The router ships in May at $199. “We expect strong demand in Europe,” said John Roe, head of sales at Acme.",
  "Roe added that the company would hire 20 people in Madrid.",
  "About Acme",
  "Acme Corp. makes networking equipment for small businesses.",
  "Media Contact:\nJane Smith\npress@acme.example",
);

describe("outline", () => {
  const r = analyze(TEXT);
  const find = (kind: OutlineNode["kind"], nodes = r.outline): OutlineNode[] =>
    nodes.flatMap((n) => [...(n.kind === kind ? [n] : []), ...find(kind, n.children)]);

  it("the headline, with the sub-headline as its child", () => {
    assert.equal(r.outline[0].kind, "headline");
    assert.equal(r.outline[0].name, "Acme Unveils a Router for Small Offices");
    assert.equal(r.outline[0].children[0]?.kind, "subheadline");
    assert.match(r.outline[0].children[0].name, /^New model brings built-in security/);
  });

  it("the dateline: its line, place, date and wire", () => {
    const d = r.model.dateline;
    assert.ok(d);
    assert.equal(d.line + 1, 5);
    assert.equal(d.place, "BERLIN");
    assert.equal(d.date, "March 3, 2026");
    assert.equal(d.wire, "PRNewswire");
    const node = find("dateline")[0];
    assert.match(node.name, /^BERLIN, March 3, 2026 \/PRNewswire\//);
  });

  it("the body holds the section heading, and the section holds its speakers", () => {
    const sections = find("section");
    assert.deepEqual(sections.map((s) => s.name), ["Pricing and availability"]);
    assert.deepEqual(sections[0].children.filter((c) => c.kind === "speaker").map((c) => c.name), ["John Roe"]);
  });

  it("the sources: every named speaker with a statement count", () => {
    const sources = find("sources")[0];
    assert.ok(sources, "no sources group");
    const byName = new Map(sources.children.map((c) => [c.name, c.detail ?? ""]));
    assert.deepEqual([...byName.keys()].sort(), ["Jane Doe", "John Roe"]);
    assert.match(byName.get("John Roe") ?? "", /^2 statements/);
    assert.match(byName.get("Jane Doe") ?? "", /^1 statement\b/);
  });

  it("the boilerplate blocks, each by kind", () => {
    const group = find("boilerplate-group")[0];
    assert.ok(group);
    assert.deepEqual(group.children.map((c) => c.name.split(":")[0]), ["about", "contact"]);
  });

  it("top-level nodes come in document order and every child lies inside its parent", () => {
    const starts = r.outline.map((n) => n.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const check = (n: OutlineNode) => {
      assert.ok(n.span.start <= n.selection.start && n.selection.end <= n.span.end, `${n.name}: selection outside its span`);
      for (const c of n.children) {
        if (n.kind !== "sources") assert.ok(n.span.start <= c.span.start && c.span.end <= n.span.end, `${c.name} outside ${n.name}`);
        check(c);
      }
    };
    r.outline.forEach(check);
  });

  it("speakers named by the headline or the About section are not sources", () => {
    assert.ok(!outlineNames(r).includes("Acme Unveils"), "headline words taken for a speaker");
    assert.ok(!find("source").some((s) => /Acme Corp/.test(s.name)));
  });
});

describe("outline: datelines of several wires and languages", () => {
  const cases: [string, string, string | undefined][] = [
    ["NEW YORK, Jan. 5, 2026 /PRNewswire/ -- Acme Corp. today announced a router.", "NEW YORK", "PRNewswire"],
    ["SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp. today announced a router.", "SAN FRANCISCO", "BUSINESS WIRE"],
    ["LONDON, Feb. 5, 2026 (GLOBE NEWSWIRE) -- Acme Corp. today announced a router.", "LONDON", "GLOBE NEWSWIRE"],
    ["MADRID, 13 de agosto de 2026 /PRNewswire/ -- Acme presentó hoy un router.", "MADRID", "PRNewswire"],
    ["BERLIN, 15. November 2023 -- Die Acme GmbH stellt heute einen Router vor.", "BERLIN", undefined],
  ];
  for (const [line, place, wire] of cases) {
    it(line.slice(0, 40), () => {
      const text = paragraphs("Acme Unveils a Router for Small Offices", line, "The router ships in May.");
      const r = analyze(text);
      assert.ok(r.model.dateline, "no dateline");
      assert.equal(lineOf(text, r.model.dateline.start), 3);
      assert.equal(r.model.dateline.place, place);
      if (wire) assert.equal(r.model.dateline.wire, wire);
      assert.equal(r.model.headline?.text, "Acme Unveils a Router for Small Offices");
    });
  }

  it("a month and a year: the year is not read as the day (“September 2025”, not “September 20”)", () => {
    for (const [line, date] of [
      ["Boston, MA – September 2025 – Holiday shoppers are expected to spend more.", "September 2025"],
      ["NEW YORK, Jan. 5, 2026 /PRNewswire/ -- Acme Corp. today announced a router.", "Jan. 5, 2026"],
      ["HOFFMAN ESTATES, Ill., July 22 /PRNewswire-FirstCall/ -- Sears reported results.", "July 22"],
    ]) {
      const r = analyze(paragraphs("Acme Unveils a Router for Small Offices", line, "The router ships in May."));
      assert.equal(r.model.dateline?.date, date, line);
    }
  });
});
