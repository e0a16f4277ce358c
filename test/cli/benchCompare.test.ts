// The build comparison of the speed work (test/bench/compare.mjs) run as a process: it must
// tell the same output from a changed one, since every speed change is taken on its word.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const COMPARE = path.join(ROOT, "test/bench/compare.mjs");
const ENGINE = path.join(ROOT, "server/out/engine.js");

function compare(...args: string[]) {
  const r = spawnSync(process.execPath, [COMPARE, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bench: comparing two builds of the engine", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), "pra-compare-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("the same build twice: the same output, exit 0, and a paired ratio of times taken in processes of their own", () => {
    const r = compare(ENGINE, ENGINE, "--rounds=2", "--passes=2");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /output of 43 documents: .*: the same/);
    const m = /fixtures, 2 rounds \(each build in a process of its own\): base ([\d.]+) ms, other ([\d.]+) ms; other ÷ base, median of the rounds: ([\d.]+)/.exec(r.stdout);
    assert.ok(m, r.stdout);
    const [base, other, ratio] = m.slice(1).map(Number);
    assert.ok(base > 0 && other > 0, "both builds were timed");
    // The same code: nothing but the machine's noise between them (wide bounds: two short passes a process).
    assert.ok(ratio > 0.2 && ratio < 5, `ratio ${ratio}`);
  });

  it("a build whose findings read differently: the documents that differ, exit 1", () => {
    const changed = path.join(dir, "engine.js");
    const source = readFileSync(ENGINE, "utf8");
    assert.ok(source.includes("Unattributed claim"), "the engine bundle names the rule");
    writeFileSync(changed, source.replaceAll("Unattributed claim", "Unattributed Claim"));
    const r = compare(ENGINE, changed, "--no-speed");
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /differs on \d+/);
    assert.match(r.stdout, /differs: cgtn-xi-putin-trump\.txt/);
    assert.doesNotMatch(r.stdout, /rounds/);
  });

  it("without a build to compare with: usage, exit 2", () => {
    const r = compare();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage: compare\.mjs BASE\.js/);
  });
});
