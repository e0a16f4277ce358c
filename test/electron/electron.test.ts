// Picked up by `npm test`: runs the extension-host suite (test/electron/run.mjs) in a real
// VS Code when one can be had here, and otherwise skips at once with a one-line reason
// (no cached VS Code in .vscode-test and no network, or no display).
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(__dirname, "../..");

describe("VS Code extension host (@vscode/test-electron)", function () {
  this.timeout(20 * 60_000);

  it("activates, publishes diagnostics, hovers and outlines the seed release inside VS Code", async function () {
    const { unavailableReason } = (await import(pathToFileURL(join(__dirname, "vscode.mjs")).href)) as { unavailableReason: () => Promise<string | undefined> };
    const reason = await unavailableReason();
    if (reason) {
      if (this.test) this.test.title += ` (skipped: ${reason})`;
      this.skip();
    }
    const r = spawnSync(process.execPath, [join(ROOT, "test/electron/run.mjs")], { cwd: ROOT, stdio: "inherit", timeout: 18 * 60_000 });
    assert.equal(r.status, 0, `test/electron/run.mjs exited with ${r.status ?? r.signal}`);
  });
});
