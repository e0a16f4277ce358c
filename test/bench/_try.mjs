import { readFileSync } from "node:fs";
const text = readFileSync("/work/main/test/fixtures/releases/a2-healthcare-us-expansion.txt", "utf8");
const t0 = performance.now();
const { LocalLinter } = await import("harper.js"); const { binaryInlined: binary } = await import("harper.js/binaryInlined");
const linter = new LocalLinter({ binary });
await linter.setup();
const t1 = performance.now();
console.log("setup", (t1 - t0).toFixed(0), "len", text.length);
for (let i = 0; i < 3; i++) { const a = performance.now(); const lints = await linter.lint(text); console.log("lint", lints.length, (performance.now() - a).toFixed(0)); }
const a = performance.now(); const l2 = await linter.lint(text + text); console.log("lint x2", l2.length, (performance.now() - a).toFixed(0));
