// Hovers (guide: "Hover"): on a finding, what it is, why and the fix; on an attributed
// sentence or quote, its source and cue; on a figure, its normalised value and its source.
import { strict as assert } from "node:assert";
import { release } from "../helpers/joinLines";
import { analyze, hoverAt, hoverOver, offsetOf } from "../helpers/engine";

describe("hover", () => {
  const text = release(
    "Experts say the global router market will reach $50 billion by 2030.",
    "“Demand for secure routers is growing faster than ever,” said Jane Doe, chief executive officer of Acme.",
    "The router ships in May at $199.",
    "The deal reflects growing demand for secure networks, according to Grand View Research.",
  );
  const r = analyze(text);

  it("on a finding: its code, what, why and fix", () => {
    const h = hoverOver(r, "Experts say");
    assert.match(h, /vague-attribution/);
    assert.match(h, /Why/);
    assert.match(h, /Fix/);
  });

  it("on an unattributed figure: the normalised value and no source", () => {
    const h = hoverOver(r, "$50 billion");
    assert.match(h, /50,000,000,000 USD/);
    assert.match(h, /none|no (?:named )?source/i);
  });

  it("on a quote: who said it", () => {
    assert.match(hoverOver(r, "Demand for secure routers", 0, 3), /Jane Doe/);
  });

  it("on an attributed sentence: the source and the cue", () => {
    const h = hoverOver(r, "The deal reflects");
    assert.match(h, /Grand View Research/);
    assert.match(h, /according to/i);
  });

  it("on the issuer's own figure: the issuer as its source", () => {
    assert.match(hoverOver(r, "$199"), /Acme/);
  });

  it("every finding has a hover at its start, and the hover's range contains that offset", () => {
    assert.ok(r.findings.length >= 2);
    for (const f of r.findings) {
      const h = hoverAt(r, f.start);
      assert.ok(h && h.markdown.length > 10, `no hover for ${f.code} at ${f.start}`);
      assert.ok(h.start <= f.start && f.start < Math.max(h.end, h.start + 1));
    }
  });

  it("no hover on plain text with nothing to say", () => {
    assert.equal(hoverAt(r, offsetOf(text, "Publishes")), undefined);
  });
});
