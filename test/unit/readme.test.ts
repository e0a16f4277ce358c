// The README's first lines are the newcomer's two commands, and its rule list matches the
// registry (the list is generated: `npm run docs:rules`).
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { rulesMarkdown } from "../../server/src/rules/docs";
import { RULES } from "../../server/src/rules/registry";

const readme = readFileSync("README.md", "utf8");

describe("README", () => {
  it("opens with the two commands a newcomer runs", () => {
    const commands = readme.split("\n").filter((l) => l.startsWith("npm ")).slice(0, 2);
    assert.deepEqual(commands, ["npm ci && npm run annotate -- test/fixtures/releases/cgtn-xi-putin-trump.txt", "npm test"]);
    assert.ok(readme.indexOf("npm test") < 600, "the commands come first");
    assert.ok(existsSync("test/fixtures/releases/cgtn-xi-putin-trump.txt"));
  });

  it("lists every rule as the registry describes it", () => {
    assert.ok(readme.includes(rulesMarkdown()), "README rule list is stale: run npm run docs:rules");
    for (const r of RULES) assert.ok(readme.includes(`### ${r.code}`), r.code);
  });
});
