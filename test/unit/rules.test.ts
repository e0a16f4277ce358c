// The rule registry: one rule per finding code, each documented, and each rule's own
// examples behave as documented when they stand in a release's body.
import { strict as assert } from "node:assert";
import { paragraphs, HEADLINE, DATELINE } from "../helpers/joinLines";
import { analyze, RULES } from "../../server/src/analysis/index";
import { RULE_CODES, ruleFor } from "../../server/src/rules/registry";

const ALL_CODES = ["boilerplate", "promotional", "unattributed-claim", "vague-attribution", "unattributed-figure"];

describe("rule registry", () => {
  it("has exactly one rule per finding code of the guide", () => {
    assert.deepEqual([...RULE_CODES].sort(), [...ALL_CODES].sort());
    for (const c of ALL_CODES) assert.equal(ruleFor(c)?.code, c);
  });

  it("default severities follow the guide's table", () => {
    assert.equal(ruleFor("boilerplate")?.defaultSeverity, "information");
    assert.equal(ruleFor("promotional")?.defaultSeverity, "information");
    assert.equal(ruleFor("unattributed-claim")?.defaultSeverity, "warning");
    assert.equal(ruleFor("vague-attribution")?.defaultSeverity, "warning");
    assert.equal(ruleFor("unattributed-figure")?.defaultSeverity, "warning");
  });

  it("every rule has a title, a description, an anchor and examples", () => {
    for (const r of RULES) {
      assert.ok(r.title && r.description.length > 20 && r.anchor, r.code);
      assert.ok(r.examples.flagged && r.examples.notFlagged, r.code);
    }
  });

  // Examples may end with an editor's note in parentheses: "(the issuer's own results)".
  const strip = (s: string) => s.replace(/\s*\((?:the|a|an) [^)]*\)\s*$/i, "").replace(/\s*…\s*$/, " today announced a new service.");
  for (const rule of RULES) {
    it(`${rule.code}: its “flagged” example is flagged and its “not flagged” example is not`, () => {
      const flagged = analyze(paragraphs(HEADLINE, DATELINE, strip(rule.examples.flagged)));
      assert.ok(flagged.findings.some((f) => f.code === rule.code), `not flagged: ${rule.examples.flagged}`);
      const clean = analyze(paragraphs(HEADLINE, DATELINE, strip(rule.examples.notFlagged)));
      assert.deepEqual(clean.findings.filter((f) => f.code === rule.code).map((f) => clean.model.text.slice(f.start, f.end)), [], `flagged: ${rule.examples.notFlagged}`);
    });
  }
});
