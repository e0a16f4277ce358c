// The accuracy gate: the BUILT language server (server/out/server.js, rebuilt here when
// older than server/src) driven over real LSP stdio on test/fixtures/releases, scored as
// ../shared/eval/score.mjs scores it, and held to the floors in floors.json.
// `npm run score` prints the same table; `npm run score -- --verbose` lists misses and extras.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURE_DIR, fixtureNames } from "../helpers/fixtures";
import { ensureBuilt, scoreDirs, type ScoreRun } from "./runScore";
import { formatTable, metric } from "./scoring";

const floors = JSON.parse(readFileSync(join(__dirname, "floors.json"), "utf8")) as Record<string, unknown>;
const floorEntries = Object.entries(floors).filter((e): e is [string, number] => !e[0].startsWith("_") && typeof e[1] === "number");

describe("accuracy gate: built server over LSP stdio on test/fixtures/releases", function () {
  this.timeout(300_000);
  let run: ScoreRun | undefined;
  let failure: Error | undefined;

  before(async function () {
    try {
      ensureBuilt();
      run = await scoreDirs([FIXTURE_DIR]);
      console.log(formatTable(run.summary).map((l) => `      ${l}`).join("\n"));
    } catch (e) {
      failure = e as Error;
    }
  });

  const scored = (): ScoreRun => {
    if (failure) throw failure;
    assert.ok(run, "the scorer did not run");
    return run;
  };

  it("scores every fixture with its gold file, without server errors", () => {
    const r = scored();
    assert.equal(r.summary.documents, fixtureNames().length);
    assert.ok(r.summary.documents >= 41, `only ${r.summary.documents} fixtures with gold`);
    assert.deepEqual(r.errors, []);
  });

  it("produces findings on the fixtures (a silent server is not a pass)", () => {
    const r = scored();
    const silent = r.perDoc.filter((d) => d.diagnostics === 0).map((d) => d.name);
    assert.ok(silent.length < r.perDoc.length / 4, `no diagnostics on ${silent.length} documents: ${silent.join(", ")}`);
  });

  for (const [key, floor] of floorEntries) {
    it(`${key} ≥ ${floor}`, () => {
      const value = metric(scored().summary, key);
      assert.equal(typeof value, "number", `${key} is not in the summary (typo in floors.json?)`);
      assert.ok((value as number) >= floor - 1e-9, `${key} = ${(value as number).toFixed(3)} is below its floor ${floor}`);
    });
  }
});
