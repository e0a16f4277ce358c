#!/usr/bin/env node
// `npm run test:electron`: runs test/electron/suite inside a real VS Code (Extension
// Development Host) with @vscode/test-electron, on the fixture workspace test/fixtures/releases.
//
// VS Code comes from .vscode-test (downloaded there on first run, reused offline after),
// or VSCODE_EXECUTABLE=/path/to/code; VSCODE_VERSION picks a version (default: the newest
// cached copy, else "stable"). On Linux without a display it re-runs itself under xvfb-run.
// Exit 0 when the suite passes; 1 when it fails; 2 when VS Code cannot be had or started.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { runTests } from "@vscode/test-electron";
import { CACHE, ROOT, cachedVersions, onPath, unavailableReason } from "./vscode.mjs";

if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.PRA_UNDER_XVFB && onPath("xvfb-run")) {
  const r = spawnSync("xvfb-run", ["-a", process.execPath, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, PRA_UNDER_XVFB: "1" } });
  process.exit(r.status ?? 2);
}

const reason = await unavailableReason();
if (reason) {
  console.error(`test:electron: cannot run VS Code here: ${reason}`);
  process.exit(2);
}

// The suite runs in the extension host as CommonJS; vscode and mocha come from the host and node_modules.
const outDir = join(CACHE, "electron-suite");
mkdirSync(outDir, { recursive: true });
await esbuild.build({
  entryPoints: [join(ROOT, "test/electron/suite/index.ts")],
  outfile: join(outDir, "index.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: true,
  external: ["vscode", "mocha"],
  nodePaths: [join(ROOT, "node_modules")],
  logLevel: "warning",
});

const cached = cachedVersions()[0];
const launchArgs = [
  join(ROOT, "test/fixtures/releases"),
  "--disable-extensions",
  "--disable-workspace-trust",
  "--skip-welcome",
  "--skip-release-notes",
  "--disable-gpu",
  `--user-data-dir=${join(CACHE, "user-data")}`,
  `--extensions-dir=${join(CACHE, "extensions")}`,
];
if (process.getuid?.() === 0) launchArgs.push("--no-sandbox");

try {
  await runTests({
    cachePath: CACHE,
    version: process.env.VSCODE_VERSION ?? cached?.version ?? "stable",
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(outDir, "index.js"),
    extensionTestsEnv: { NODE_PATH: join(ROOT, "node_modules") },
    launchArgs,
    timeout: 30_000,
  });
  process.exit(0);
} catch (e) {
  console.error(`test:electron: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(e && typeof e === "object" && "code" in e && typeof e.code === "number" ? 1 : 2);
}
