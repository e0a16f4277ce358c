// The one list of rules: it feeds the engine, the diagnostic codes, hovers, settings and
// the README's rule list.
import type { FindingCode } from "../analysis/types";
import type { Rule } from "./rule";
import { boilerplateRule } from "./boilerplate";
import { promotionalRule } from "./promotional";
import { unattributedClaimRule } from "./unattributedClaim";
import { vagueAttributionRule } from "./vagueAttribution";
import { unattributedFigureRule } from "./unattributedFigure";

export const RULES: readonly Rule[] = [boilerplateRule, promotionalRule, unattributedClaimRule, vagueAttributionRule, unattributedFigureRule];

export const RULE_CODES: readonly FindingCode[] = RULES.map((r) => r.code);

export function ruleFor(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

/** Where a rule is documented; the diagnostic's codeDescription links here. */
export const DOCS_BASE = "https://github.com/press-release-annotator/press-release-annotator/blob/main/README.md";
export function ruleDocsUrl(rule: Rule): string {
  return `${DOCS_BASE}#${rule.anchor}`;
}
