import { readFileSync } from "node:fs";
import { TextlintKernel } from "@textlint/kernel";
import textPluginMod from "@textlint/textlint-plugin-text";
import wgRuleMod from "textlint-rule-write-good";
const textPlugin = textPluginMod.default ?? textPluginMod;
const wgRule = wgRuleMod.default ?? wgRuleMod;
const text = readFileSync("/work/main/test/fixtures/releases/a2-healthcare-us-expansion.txt", "utf8");
const kernel = new TextlintKernel();
for (let i = 0; i < 4; i++) {
const a = performance.now();
const r = await kernel.lintText(text, { ext: ".txt", filePath: "/x.txt", plugins: [{ pluginId: "text", plugin: textPlugin }], rules: [{ ruleId: "write-good", rule: wgRule }] });
console.log("textlint", r.messages.length, (performance.now() - a).toFixed(1));
}
import wgm from "write-good";
const wg = wgm.default ?? wgm;
const big = text.repeat(20);
for (let i = 0; i < 3; i++) { const a = performance.now(); const s = wg(big); console.log("wg 110KB", s.length, (performance.now() - a).toFixed(1)); }
