import { readFileSync } from "node:fs";
import { createLinter, loadTextlintrc } from "textlint";
const text = readFileSync("/work/main/test/fixtures/releases/a2-healthcare-us-expansion.txt", "utf8");
const descriptor = await loadTextlintrc({ configFilePath: new URL("./textlintrc.json", import.meta.url).pathname });
const linter = createLinter({ descriptor });
for (let i = 0; i < 4; i++) { const a = performance.now(); const r = await linter.lintText(text, "/virtual/release.txt"); console.log("textlint", r.messages.length, (performance.now() - a).toFixed(1)); }
const big = text.repeat(20);
for (let i = 0; i < 2; i++) { const a = performance.now(); const r = await linter.lintText(big, "/virtual/release.txt"); console.log("textlint 110KB", r.messages.length, (performance.now() - a).toFixed(1)); }
