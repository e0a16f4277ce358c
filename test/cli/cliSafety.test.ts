// The CLI, run as a process on a hostile release (and on one large enough for its worker, if it
// uses one), reads the file it is given and nothing else: no network, no linked file, no
// process, no eval. It is started with the same trapping preload as the server's safety test.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { HOSTILE, MARK, TrapPreload } from "../helpers/safetyTrap";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "server/out/cli.js");

describe("CLI: safety (reads the file it is given, follows no link, runs nothing)", function () {
  this.timeout(60000);
  let traps: TrapPreload;
  before(() => (traps = new TrapPreload()));
  after(() => traps.remove());

  it("annotates hostile releases, small and large, in every output format, and no trap fires", () => {
    const small = path.join(traps.dir, "hostile.txt");
    const large = path.join(traps.dir, "hostile-large.txt");
    // Without its NUL: a file with one the CLI refuses as binary, unread (the CLI tests cover that).
    const text = HOSTILE.replaceAll("\u0000", "");
    writeFileSync(small, text);
    writeFileSync(large, Array.from({ length: Math.ceil(300_000 / text.length) }, () => text).join("\n\n"));
    for (const format of ["text", "json", "sarif", "markdown"]) {
      const r = spawnSync(process.execPath, [CLI, "--format", format, small, large], { cwd: traps.dir, env: traps.env(), encoding: "utf8", maxBuffer: 64 << 20 });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(-500)}`);
      assert.match(r.stdout, /hostile/, `the ${format} output names the files`);
    }
    assert.match(traps.text(), /^armed \d+ thread 0$/m, "the CLI process loaded the traps");
    assert.deepEqual(traps.trapped(), [], "trapped calls in the CLI");
    assert.ok(!existsSync(`/tmp/${MARK}`), "nothing was created from the document's commands");
  });
});
