// Rewrites the README's generated rule list from the rule registry.
import { readFileSync, writeFileSync } from "node:fs";
import { RULES_END, RULES_START, rulesMarkdown } from "../server/src/rules/docs";

const readme = readFileSync("README.md", "utf8");
const a = readme.indexOf(RULES_START);
const b = readme.indexOf(RULES_END);
if (a < 0 || b < a) throw new Error("README.md has no generated rules block");
writeFileSync("README.md", readme.slice(0, a) + rulesMarkdown() + readme.slice(b + RULES_END.length));
console.log("README.md: rule list regenerated from the registry");
