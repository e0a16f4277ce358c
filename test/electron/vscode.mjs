// Where VS Code for @vscode/test-electron comes from, and whether it can run here: a copy
// cached in .vscode-test, or the network to download one, plus a display (or xvfb-run) on
// Linux. Shared by run.mjs and electron.test.ts; everything here is quick (no long timeouts).
import { existsSync, readdirSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { lookup } from "node:dns/promises";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const CACHE = join(ROOT, ".vscode-test");
export const DOWNLOAD_HOST = "update.code.visualstudio.com";

/** Cached VS Code installs in .vscode-test ("vscode-linux-x64-1.96.0"), newest first. */
export function cachedVersions() {
  if (!existsSync(CACHE)) return [];
  return readdirSync(CACHE, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^vscode-/.test(e.name))
    .map((e) => ({ dir: join(CACHE, e.name), version: /-(\d+\.\d+\.\d+|insiders)$/.exec(e.name)?.[1] }))
    .filter((v) => v.version)
    .sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }));
}

export function onPath(cmd) {
  return (process.env.PATH ?? "").split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

/** Resolves true when the download host's name resolves within `ms`. */
export async function reachable(host = DOWNLOAD_HOST, ms = 1500) {
  let timer;
  const timeout = new Promise((res) => { timer = setTimeout(() => res(false), ms); });
  try {
    return await Promise.race([lookup(host).then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why the extension-host suite cannot run here (one line), or undefined when it can. */
export async function unavailableReason() {
  if (process.env.PRA_ELECTRON === "skip") return "disabled by PRA_ELECTRON=skip";
  const reasons = [];
  if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !onPath("xvfb-run"))
    reasons.push("no display (DISPLAY unset, no xvfb-run)");
  if (!cachedVersions().length && !process.env.VSCODE_EXECUTABLE && !(await reachable()))
    reasons.push(`no VS Code cached in .vscode-test and ${DOWNLOAD_HOST} unreachable`);
  return reasons.length ? reasons.join("; ") : undefined;
}
