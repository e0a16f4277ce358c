#!/usr/bin/env node
// End-to-end tests of the packaged extension in a real VS Code (code-server in headless
// Chromium), driven the way a person would: open files, read the Problems panel, hover,
// open the Outline, ask for quick fixes, read the status bar, type.
//
// Usage: npm run test:e2e   (packages the .vsix first), or node test/e2e/run.mjs
// Env:   E2E_KEEP=1 keeps test/e2e/.work/ after a passing run; E2E_HEADED=1 shows the browser
//        (needs a display); E2E_VSIX=path uses another .vsix.
// Prints one PASS/FAIL line per check and "N passed, M failed"; exits 1 on any failure.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const CACHE = path.join(ROOT, ".cache/code-server");
const CODE_SERVER = path.join(CACHE, "prefix/node_modules/code-server/out/node/entry.js");
const SHOTS = path.join(HERE, "screenshots");
const WORK_ROOT = path.join(HERE, ".work");
/** Where check h leaves VS Code's activation time of the extension, for `npm run bench`. */
export const ACTIVATION = path.join(ROOT, ".cache/e2e-activation.json");
const FIXTURES = path.join(ROOT, "test/fixtures/releases");
const VSIX = path.resolve(process.env.E2E_VSIX || path.join(ROOT, "press-release-annotator.vsix"));
// The CLI of the same build as the extension: the copy inside the installed .vsix (set in
// main(); it is what `npm run package` just built as server/out/cli.js).
let CLI = path.join(ROOT, "server/out/cli.js");
const CHROMIUM = process.env.E2E_CHROMIUM || "/usr/bin/chromium";

const SEED = "cgtn-xi-putin-trump.txt";
const OTHER_RELEASES = ["apple-q1-fy2024-results.txt", "geovax-q1-2025-results.txt"];
const NOTES = "weekend-notes.txt";
const NOTES_TEXT = `Shopping list for the weekend

- milk, eggs, two loaves of bread
- 3 apples and a bag of oranges
- coffee (the good one, not the cheap one)
- batteries for the kitchen clock

Call Anna on Saturday about the bike.
Return the library books before Tuesday.
Remember: the plumber comes at 10 on Monday.
`;
const TYPED = "Analysts say the market is booming.";

const T = { short: 10_000, medium: 30_000, long: 90_000 };
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (...a) => console.log(`[e2e ${elapsed()}]`, ...a);

// ------------------------------------------------------------------ helpers

/** Polls fn until it returns a truthy value (returned) or the timeout passes (throws). */
export async function poll(what, fn, { timeout = T.medium, interval = 200 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail !== undefined ? ` (last: ${detail})` : ""}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The CLI's findings for a file: { count, byCode: {code: n}, findings, outline }. */
export function cliReport(file) {
  const out = execFileSync(process.execPath, [CLI, "--format", "json", file], { encoding: "utf8", maxBuffer: 64 << 20 });
  const parsed = JSON.parse(out);
  // Expected shape: [{ file, findings: [{code, severity, message, range}], outline }].
  const entries = Array.isArray(parsed) ? parsed : parsed && Array.isArray(parsed.files) ? parsed.files : [parsed];
  const entry = entries.find((e) => e && e.file && path.resolve(String(e.file)) === path.resolve(file)) ?? entries[0];
  if (!entry || !Array.isArray(entry.findings)) throw new Error(`unexpected CLI JSON shape: ${out.slice(0, 300)}`);
  const byCode = {};
  for (const f of entry.findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return { count: entry.findings.length, byCode, findings: entry.findings, outline: entry.outline ?? [], raw: entry };
}

const fmtCounts = (o) =>
  Object.keys(o)
    .sort()
    .map((k) => `${k}=${o[k]}`)
    .join(", ") || "(none)";

// ---------------------------------------------------------- code-server setup

// The setup script is idempotent: instant once installed (it still checks the apt packages).
function ensureCodeServer() {
  const installed = fs.existsSync(CODE_SERVER) && fs.existsSync(CACHE) && fs.readdirSync(CACHE).some((f) => f.startsWith(".installed-"));
  if (!installed) log("code-server not installed yet: running setup-code-server.sh (about 2 minutes)");
  const r = spawnSync("bash", [path.join(HERE, "setup-code-server.sh")], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("setup-code-server.sh failed");
}

export function makeWorkspace(work) {
  const ws = path.join(work, "workspace");
  fs.mkdirSync(ws, { recursive: true });
  for (const f of [SEED, ...OTHER_RELEASES]) fs.copyFileSync(path.join(FIXTURES, f), path.join(ws, f));
  fs.writeFileSync(path.join(ws, NOTES), NOTES_TEXT);
  return ws;
}

export function writeSettings(userDataDir) {
  const settings = {
    "workbench.startupEditor": "none",
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "git.enabled": false,
    "editor.hover.delay": 150,
    "editor.hover.sticky": true,
    "editor.minimap.enabled": false,
    // Typing a sentence must not be turned into something else by suggestions.
    "editor.quickSuggestions": { other: false, comments: false, strings: false },
    "editor.wordBasedSuggestions": "off",
    "editor.suggestOnTriggerCharacters": false,
    "editor.acceptSuggestionOnEnter": "off",
    "editor.lightbulb.enabled": "on",
    "outline.collapseItems": "alwaysExpand",
    "files.autoSave": "off",
    "window.restoreWindows": "none",
    "workbench.editor.enablePreview": false,
    "chat.commandCenter.enabled": false,
  };
  const dir = path.join(userDataDir, "User");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "settings.json"), JSON.stringify(settings, null, 2));
}

function codeServerEnv(work) {
  const env = { ...process.env };
  env.XDG_DATA_HOME = path.join(work, "xdg-data");
  env.XDG_CONFIG_HOME = path.join(work, "xdg-config");
  env.XDG_CACHE_HOME = path.join(work, "xdg-cache");
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.NODE_OPTIONS;
  return env;
}

function baseArgs(work) {
  return [
    "--config", path.join(work, "config.yaml"),
    "--user-data-dir", path.join(work, "user-data"),
    "--extensions-dir", path.join(work, "extensions"),
  ];
}

function installExtension(work) {
  log(`installing ${path.relative(ROOT, VSIX)}`);
  const r = spawnSync(process.execPath, [CODE_SERVER, ...baseArgs(work), "--install-extension", VSIX], {
    env: codeServerEnv(work),
    encoding: "utf8",
    timeout: 120_000,
  });
  fs.writeFileSync(path.join(work, "install-extension.log"), `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0 || !/successfully installed/i.test(`${r.stdout}${r.stderr}`)) {
    throw new Error(`--install-extension failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** Starts code-server in its own process group; returns { url, stop }. */
export async function startCodeServer(work, workspace) {
  const port = await freePort();
  fs.writeFileSync(path.join(work, "config.yaml"), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFd = fs.openSync(path.join(work, "code-server.log"), "a");
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER,
      ...baseArgs(work),
      "--bind-addr", `127.0.0.1:${port}`,
      "--auth", "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      workspace,
    ],
    { env: codeServerEnv(work), detached: true, stdio: ["ignore", logFd, logFd] },
  );
  fs.closeSync(logFd);
  let exited = null;
  child.on("exit", (code, signal) => (exited = { code, signal }));
  const stop = async () => {
    if (child.pid === undefined) return;
    for (const sig of ["SIGTERM", "SIGKILL"]) {
      try {
        process.kill(-child.pid, sig);
      } catch {
        return; // group already gone
      }
      const end = Date.now() + 5000;
      while (Date.now() < end) {
        try {
          process.kill(-child.pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  await poll(
    "code-server /healthz",
    async () => {
      if (exited) throw new Error(`code-server exited early: ${JSON.stringify(exited)}; see ${path.join(work, "code-server.log")}`);
      const res = await fetch(`${base}/healthz`).catch(() => null);
      return res && res.ok;
    },
    { timeout: T.long },
  );
  return { url: `${base}/?folder=${encodeURIComponent(workspace)}`, stop, pid: child.pid };
}

// Clean-up that must run on any exit path (process groups, browser).
const cleanups = [];
export async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error("cleanup:", e.message);
    }
  }
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, async () => {
    console.error(`received ${sig}: cleaning up`);
    await cleanup();
    process.exit(130);
  });
}

// ------------------------------------------------------------- workbench UI

export class Workbench {
  constructor(page) {
    this.page = page;
    this.shotNo = 0;
  }

  async shot(name) {
    this.shotNo += 1;
    const file = path.join(SHOTS, `${String(this.shotNo).padStart(2, "0")}-${name}.png`);
    await this.page.screenshot({ path: file }).catch((e) => log(`screenshot ${name} failed: ${e.message}`));
    return file;
  }

  async waitReady() {
    const p = this.page;
    await p.locator(".monaco-workbench").waitFor({ state: "visible", timeout: T.long });
    await p.locator("#workbench\\.parts\\.statusbar").waitFor({ state: "visible", timeout: T.long });
    // The explorer shows the workspace's files once the folder is open.
    await p.locator(`.explorer-folders-view .monaco-list-row[aria-label="${SEED}"]`).first().waitFor({ timeout: T.long });
  }

  /** Closes notifications toasts that may cover the panel or status bar. */
  async dismissNotifications() {
    const p = this.page;
    const toasts = p.locator(".notifications-toasts .notification-toast");
    if ((await toasts.count()) > 0) {
      await this.command("Notifications: Clear All Notifications").catch(() => {});
    }
  }

  async quickInput() {
    const w = this.page.locator(".quick-input-widget");
    await w.waitFor({ state: "visible", timeout: T.short });
    return w;
  }

  /** Runs a command through the command palette (F1), choosing the row whose label is `label`. */
  async command(label, { timeout = T.short } = {}) {
    const p = this.page;
    await p.keyboard.press("Escape");
    await p.keyboard.press("F1");
    const w = await this.quickInput();
    const input = w.locator("input.input");
    await input.fill(`>${label}`);
    const row = w.locator(".quick-input-list .monaco-list-row", {
      has: p.locator(".label-name", { hasText: new RegExp(`^${escapeRe(label)}$`) }),
    });
    await row.first().waitFor({ state: "visible", timeout });
    await row.first().click();
    await w.waitFor({ state: "hidden", timeout }).catch(() => {});
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(name) {
    const p = this.page;
    await p.keyboard.press("Escape");
    // The palette without its ">" is Quick Open (Ctrl+P): type the file name, take the focused match.
    await p.keyboard.press("F1");
    const w = await this.quickInput();
    await w.locator("input.input").fill(name);
    const row = w.locator(".quick-input-list .monaco-list-row.focused", {
      has: p.locator(".label-name", { hasText: new RegExp(`^${escapeRe(name)}$`) }),
    });
    // (the first file search of a session can take several seconds)
    await row.waitFor({ state: "visible", timeout: T.medium });
    await p.keyboard.press("Enter");
    await w.waitFor({ state: "hidden", timeout: T.short });
    await this.activeTab(name);
    await this.editor().locator(".view-lines").waitFor({ state: "visible", timeout: T.short });
    await this.focusEditor();
  }

  async activeTab(name) {
    await this.page
      .locator(`.tabs-container .tab.active[data-resource-name="${name}"], .tabs-container .tab.active[aria-label^="${name}"]`)
      .first()
      .waitFor({ state: "visible", timeout: T.short });
  }

  editor() {
    return this.page.locator(".editor-group-container.active .monaco-editor").first();
  }

  async focusEditor() {
    await this.command("View: Focus Active Editor Group").catch(() => {});
  }

  /** Ctrl+G-style navigation via the palette: "Go to Line/Column..." then "line:col". */
  async goTo(line, col = 1) {
    const p = this.page;
    await p.keyboard.press("Escape");
    await p.keyboard.press("F1");
    const w = await this.quickInput();
    await w.locator("input.input").fill(`:${line}:${col}`);
    await w.getByText(new RegExp(`line ${line}.*character ${col}`, "i")).first().waitFor({ timeout: T.short }).catch(() => {});
    await p.keyboard.press("Enter");
    await w.waitFor({ state: "hidden", timeout: T.short }).catch(() => {});
    await poll(`cursor at ${line}:${col}`, async () => (await this.cursorPosition()) === `${line}:${col}`, { timeout: T.short });
  }

  /** "Ln 23, Col 5" from the status bar → "23:5". */
  async cursorPosition() {
    const t = await this.page.locator("#status\\.editor\\.selection").innerText().catch(() => "");
    const m = /Ln (\d+), Col (\d+)/.exec(t);
    return m ? `${m[1]}:${m[2]}` : "";
  }

  /** All rows of a virtualised monaco list/tree, scrolling through it; returns their details. */
  async collectRows(container) {
    const p = this.page;
    const seen = new Map();
    const list = container.locator(".monaco-list").first();
    await list.waitFor({ state: "visible", timeout: T.short });
    const box = await list.boundingBox();
    const read = async () =>
      container.locator(".monaco-list-row").evaluateAll((rows) =>
        // (rows repeated in a tree's sticky-scroll header are copies: skip them)
        rows.filter((r) => !r.closest(".monaco-tree-sticky-container")).map((r) => {
          const q = (sel) => r.querySelector(sel)?.textContent?.trim() ?? "";
          return {
            index: Number(r.getAttribute("data-index")),
            isMarker: !!r.querySelector(".marker-message-details-container"),
            level: Number(r.getAttribute("aria-level") || 0),
            label: r.getAttribute("aria-label") || "",
            text: r.innerText.replace(/\s+/g, " ").trim(),
            name: q(".label-name"),
            description: q(".label-description"),
            // Problems panel marker rows
            message: q(".marker-message"),
            source: q(".marker-source"),
            code: q(".marker-code"),
            position: q(".marker-line"),
          };
        }),
      );
    // Scroll to the top first.
    if (box) {
      await p.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
      for (let i = 0; i < 50; i++) {
        const rows = await read();
        if (!rows.length || Math.min(...rows.map((r) => r.index)) === 0) break;
        await p.mouse.wheel(0, -2000);
      }
    }
    for (let i = 0; i < 100; i++) {
      const before = seen.size;
      for (const r of await read()) seen.set(r.index, r);
      if (!box) break;
      await p.mouse.wheel(0, Math.max(100, box.height * 0.8));
      const after = await read();
      const grew = after.some((r) => !seen.has(r.index));
      if (!grew && seen.size === before) break;
    }
    return [...seen.values()].sort((a, b) => a.index - b.index);
  }

  /** Expands or collapses a side bar view ("Explorer Section: workspace", "Outline Section"). */
  async setPaneExpanded(labelStart, expanded) {
    const header = this.page.locator(`.pane-header[aria-label^="${labelStart}"]`).first();
    await header.waitFor({ state: "visible", timeout: T.short });
    const isExpanded = async () => (await header.getAttribute("aria-expanded")) === "true";
    if ((await isExpanded()) !== expanded) {
      await header.click();
      await poll(`${labelStart} ${expanded ? "expanded" : "collapsed"}`, async () => (await isExpanded()) === expanded, { timeout: T.short });
    }
  }

  // ---- Problems panel

  problemsPanel() {
    return this.page.locator(".markers-panel").first();
  }

  async showProblems() {
    await this.command("View: Focus Problems (Errors, Warnings, Infos)").catch(async () => {
      await this.command("Problems: Focus on Problems View");
    });
    await this.problemsPanel().waitFor({ state: "visible", timeout: T.short });
  }

  /**
   * The Problems panel's markers, grouped by file: { [fileName]: [{source, code, message, line}] }.
   * Reads the tree's rows; file rows are at level 1 and markers below them.
   */
  async problems() {
    const panel = this.problemsPanel();
    if (!(await panel.isVisible())) await this.showProblems();
    // An empty Problems view shows a message instead of a tree.
    const rows = (await panel.locator(".monaco-list-row").count()) ? await this.collectRows(panel) : [];
    const byFile = {};
    let file = null;
    for (const r of rows) {
      if (!r.isMarker) {
        file = r.name;
        byFile[file] ??= [];
      } else if (file) {
        const m = /Ln (\d+), Col (\d+)/.exec(r.position);
        byFile[file].push({ source: r.source, code: r.code, message: r.message, line: m ? Number(m[1]) : undefined, col: m ? Number(m[2]) : undefined, text: r.text });
      }
    }
    return byFile;
  }
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ------------------------------------------------------------------- checks

const results = [];
async function check(name, wb, fn) {
  const started = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    console.log(`PASS ${name}${detail ? ` — ${detail}` : ""} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name} — ${e.message.split("\n").join("\n     ")} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } finally {
    if (wb) await wb.shot(name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60));
  }
}

function countByCode(markers) {
  const o = {};
  for (const m of markers) o[m.code] = (o[m.code] ?? 0) + 1;
  return o;
}

function sameCounts(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

async function seedMarkers(wb, expectedCount, { timeout = T.medium } = {}) {
  let last = [];
  await poll(
    `${expectedCount === undefined ? "some" : expectedCount} Problems rows for ${SEED}`,
    async () => {
      last = (await wb.problems())[SEED] ?? [];
      return expectedCount === undefined ? last.length > 0 : last.length === expectedCount;
    },
    { timeout },
  ).catch((e) => {
    throw new Error(`${e.message}; panel shows ${last.length}: ${fmtCounts(countByCode(last))}`);
  });
  return last;
}

async function runChecks(wb, workspace) {
  const p = wb.page;
  const seedPath = path.join(workspace, SEED);
  const seedText = fs.readFileSync(seedPath, "utf8");
  let expected;
  try {
    expected = cliReport(seedPath);
    log(`CLI on ${SEED}: ${expected.count} findings (${fmtCounts(expected.byCode)})`);
  } catch (e) {
    const msg = `the CLI failed on ${SEED}: ${e.message.split("\n").slice(0, 6).join("\n")}`;
    expected = new Proxy({}, { get: () => { throw new Error(msg); } });
  }

  // a. Problems panel vs the CLI.
  await check("a. Problems panel lists the seed release's findings, matching the CLI", wb, async () => {
    await wb.openFile(SEED);
    await wb.showProblems();
    const markers = await seedMarkers(wb, expected.count, { timeout: T.long }).catch(async (e) => {
      // Report per-code differences if the count never matched.
      const shown = (await wb.problems())[SEED] ?? [];
      throw new Error(`${e.message}\n CLI: ${fmtCounts(expected.byCode)}\n panel: ${fmtCounts(countByCode(shown))}`);
    });
    const shown = countByCode(markers);
    if (!sameCounts(shown, expected.byCode)) {
      throw new Error(`per-code counts differ\n CLI: ${fmtCounts(expected.byCode)}\n panel: ${fmtCounts(shown)}`);
    }
    const badSource = markers.filter((m) => m.source !== "press-release");
    if (badSource.length) throw new Error(`rows without source "press-release": ${badSource.map((m) => m.text).slice(0, 3).join(" | ")}`);
    const noCode = markers.filter((m) => !m.code);
    if (noCode.length) throw new Error(`rows without a code: ${noCode.map((m) => m.text).slice(0, 3).join(" | ")}`);
    // Each row sits where the CLI puts that finding: same code at the same [Ln, Col].
    const key = (code, line, col) => `${code}@${line}:${col}`;
    const want = expected.findings.map((f) => key(f.code, f.range.start.line + 1, f.range.start.character + 1)).sort();
    const got = markers.map((m) => key(m.code, m.line, m.col)).sort();
    const missing = want.filter((k, i, a) => a.slice(0, i + 1).filter((x) => x === k).length > got.filter((x) => x === k).length);
    const extra = got.filter((k, i, a) => a.slice(0, i + 1).filter((x) => x === k).length > want.filter((x) => x === k).length);
    if (missing.length || extra.length) throw new Error(`positions differ from the CLI: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
    return `${markers.length} rows (${fmtCounts(shown)}) at the CLI's positions, all from "press-release"`;
  });

  // b. Hover over an unattributed figure.
  const figLine = seedText.split(/\r?\n/).findIndex((l) => l.includes("228.1 billion")) + 1;
  const figCol = seedText.split(/\r?\n/)[figLine - 1].indexOf("228.1") + 1;
  await check("b. hovering the unattributed figure $228.1 billion explains it", wb, async () => {
    await wb.openFile(SEED);
    await wb.goTo(figLine, figCol);
    await p.keyboard.press("Escape");
    const target = await p.evaluate(
      ({ needle }) => {
        const lines = [...document.querySelectorAll(".editor-group-container.active .monaco-editor .view-lines .view-line")];
        for (const line of lines) {
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent.replace(/\u00a0/g, " ");
            const i = text.indexOf(needle);
            if (i >= 0) {
              const range = document.createRange();
              range.setStart(n, i + 1);
              range.setEnd(n, i + 3);
              const r = range.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
          }
        }
        return null;
      },
      { needle: "228.1" },
    );
    if (!target) throw new Error(`"228.1" not rendered in the editor`);
    await p.mouse.move(target.x - 30, target.y + 40);
    await p.mouse.move(target.x, target.y, { steps: 4 });
    const hover = p.locator(".monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content").filter({ hasText: /\S/ }).first();
    let text = "";
    await poll(
      "a hover with the figure's explanation",
      async () => {
        text = (await hover.innerText().catch(() => "")) || "";
        // The diagnostic's message plus the server's own hover (what/why/fix, the normalised figure).
        return /228,100,000,000/.test(text) && /unattributed/i.test(text) && /\bWhy\b|\bSource\b/.test(text);
      },
      { timeout: T.short },
    ).catch((e) => {
      throw new Error(`${e.message}; hover text: ${JSON.stringify(text.slice(0, 400))}`);
    });
    await wb.shot("hover-figure");
    return `hover: ${JSON.stringify(text.replace(/\s+/g, " ").slice(0, 160))}…`;
  });
  await p.mouse.move(5, 5);
  await p.keyboard.press("Escape");

  // c. Outline: the headline, sections and speakers that the fixture's gold file names.
  await check("c. Outline shows headline, sections and speakers", wb, async () => {
    const gold = JSON.parse(fs.readFileSync(path.join(FIXTURES, SEED.replace(/\.txt$/, ".gold.json")), "utf8")).outline;
    await wb.openFile(SEED);
    await wb.command("Explorer: Focus on Outline View");
    // Give the Outline the side bar's height: collapse the file list above it (re-opened below).
    await wb.setPaneExpanded("Explorer Section", false);
    const pane = p.locator(".pane-body.outline-pane").first();
    const wanted = [
      { what: "headline", name: gold.headline },
      ...gold.sections.map((name) => ({ what: "section", name })),
      ...gold.speakers.map((name) => ({ what: "speaker", name })),
    ];
    let rows = [];
    let missing = wanted;
    await poll(
      "outline entries",
      async () => {
        rows = await wb.collectRows(pane);
        // A speaker's row is named by the speaker (its detail counts statements); sections and
        // the headline by their text.
        missing = wanted.filter((w) => !rows.some((r) => (w.what === "speaker" ? r.name === w.name || r.name.startsWith(`${w.name} `) : r.name === w.name)));
        return rows.length > 0 && missing.length === 0;
      },
      { timeout: T.medium, interval: 500 },
    ).catch((e) => {
      let cli = "";
      try {
        const names = [];
        const walk = (ns) => ns.forEach((n) => (names.push(n.name), walk(n.children ?? [])));
        walk(cliReport(path.join(workspace, SEED)).outline);
        const cliMissing = missing.filter((m) => !names.some((n) => n === m.name || n.startsWith(`${m.name} `)));
        cli = `; the CLI's outline ${cliMissing.length ? "lacks them too" : "has them"}`;
      } catch {
        /* ignore */
      }
      throw new Error(
        `${rows.length ? `missing ${missing.map((m) => `${m.what} ${JSON.stringify(m.name)}`).join(", ")}${cli}` : e.message}\n rows: ${JSON.stringify(rows.map((r) => `${"  ".repeat(Math.max(0, r.level - 1))}${r.name}${r.description ? ` — ${r.description}` : ""}`))}`,
      );
    });
    return `${rows.length} rows incl. headline, ${gold.sections.length} sections, speakers ${gold.speakers.join(", ")}`;
  });
  await wb.setPaneExpanded("Explorer Section", true).catch(() => {});

  // d. Quick fix on a finding (the unattributed figure).
  await check("d. a quick fix is offered on a finding (Ctrl+.)", wb, async () => {
    await wb.openFile(SEED);
    await wb.goTo(figLine, figCol + 1);
    await p.keyboard.press("Control+.");
    const widget = p.locator(".action-widget").first();
    let items = [];
    await poll(
      "code actions",
      async () => {
        items = await p.locator(".action-widget .monaco-list-row").evaluateAll((rs) => rs.map((r) => (r.getAttribute("aria-label") || r.innerText).trim()));
        return items.length > 0 || (await p.locator(".monaco-editor-overlaymessage", { hasText: "No code actions available" }).count()) > 0;
      },
      { timeout: T.short },
    );
    await wb.shot("quick-fix-menu");
    await p.keyboard.press("Escape");
    const ours = items.filter((t) => /source|placeholder|ignore|attribut|finding|press/i.test(t));
    if (!ours.length) throw new Error(`no press-release quick fix offered; ${items.length ? `menu: ${JSON.stringify(items)}` : `the editor says "No code actions available"`}${(await widget.count()) ? "" : " (no action widget)"}`);
    return `offered: ${JSON.stringify(ours)}`;
  });

  // e. Status bar scorecard.
  await check('e. status bar shows the scorecard "Release: …"', wb, async () => {
    await wb.openFile(SEED);
    const item = p.locator("#workbench\\.parts\\.statusbar .statusbar-item").filter({ hasText: /^\s*Release:/ }).first();
    await item.waitFor({ state: "visible", timeout: T.short }).catch(async () => {
      const all = await p.locator("#workbench\\.parts\\.statusbar .statusbar-item").allInnerTexts();
      throw new Error(`no status bar item starting with "Release:"; items: ${JSON.stringify(all.map((s) => s.trim()).filter(Boolean))}`);
    });
    const text = (await item.innerText()).trim();
    const m = /(\d+)\s+findings?/.exec(text);
    if (m && Number(m[1]) !== expected.count) throw new Error(`status bar says ${m[1]} findings, CLI says ${expected.count}: ${JSON.stringify(text)}`);
    return JSON.stringify(text);
  });

  // f. A plaintext file that is not a release gets no findings (pressRelease.enable: auto).
  await check("f. a non-release plaintext file gets no findings", wb, async () => {
    await wb.openFile(NOTES);
    // Then open another release and wait for its findings: the server has seen the notes by then.
    const other = OTHER_RELEASES.find((f) => cliReport(path.join(workspace, f)).count > 0);
    if (!other) throw new Error(`none of ${OTHER_RELEASES.join(", ")} has CLI findings to sync on`);
    await wb.openFile(other);
    const otherCount = cliReport(path.join(workspace, other)).count;
    await wb.showProblems();
    await poll(`Problems rows for ${other}`, async () => ((await wb.problems())[other] ?? []).length === otherCount, { timeout: T.medium });
    await wb.openFile(NOTES);
    const lang = (await p.locator("#status\\.editor\\.mode").innerText().catch(() => "")).trim();
    const all = await wb.problems();
    const notes = all[NOTES] ?? [];
    if (notes.length) throw new Error(`${notes.length} findings on ${NOTES}: ${notes.map((m) => m.text).slice(0, 3).join(" | ")}`);
    const status = await p.locator("#workbench\\.parts\\.statusbar .statusbar-item").filter({ hasText: /^\s*Release:/ }).allInnerTexts();
    const statusFindings = status.map((s) => /(\d+)\s+findings?/.exec(s)).find(Boolean);
    if (statusFindings && Number(statusFindings[1]) > 0) throw new Error(`status bar shows ${JSON.stringify(status)} for ${NOTES}`);
    return `0 findings on ${NOTES} (language mode ${JSON.stringify(lang)}); ${other} has ${otherCount}`;
  });

  // g. Editing the release updates the findings.
  await check("g. typing a sentence into the release updates the findings", wb, async () => {
    await wb.openFile(SEED);
    await wb.showProblems();
    const before = (await seedMarkers(wb, expected.count)).length;
    await wb.openFile(SEED);
    await wb.goTo(figLine, 1);
    await p.keyboard.press("End");
    await p.keyboard.press("Enter");
    await p.keyboard.press("Enter");
    await p.keyboard.type(TYPED, { delay: 15 });
    // What the CLI says about the same edit.
    const lines = seedText.split("\n");
    lines.splice(figLine, 0, "", TYPED);
    const editedPath = path.join(path.dirname(workspace), `edited-${SEED}`);
    fs.writeFileSync(editedPath, lines.join("\n"));
    const after = cliReport(editedPath);
    await wb.showProblems();
    let now = [];
    await poll(
      "the Problems count to change",
      async () => {
        now = (await wb.problems())[SEED] ?? [];
        return now.length !== before && now.length === after.count;
      },
      { timeout: T.medium },
    ).catch((e) => {
      throw new Error(`${e.message}; before ${before}, now ${now.length} (${fmtCounts(countByCode(now))}), CLI on the edited text ${after.count} (${fmtCounts(after.byCode)})`);
    });
    const typedLine = figLine + 2;
    const onTyped = now.filter((m) => m.line === typedLine);
    return `${before} → ${now.length} findings (CLI on edited text: ${after.count}); on the new line ${typedLine}: ${onTyped.map((m) => m.code).join(", ") || "none"}`;
  });

  // h. VS Code's own measure of the activation (Developer: Show Running Extensions). Reported,
  //    not asserted (speed belongs to the benchmark): `npm run bench` reads it from ACTIVATION.
  await check("h. Running Extensions shows the extension's activation time", wb, async () => {
    await wb.command("Developer: Show Running Extensions", { timeout: T.medium });
    const row = p.locator(".runtime-extensions-editor .monaco-list-row", { hasText: "Press Release Annotator" });
    await row.first().waitFor({ state: "visible", timeout: T.medium });
    let text = "";
    await poll("an activation time in the row", async () => /\d+\s*ms/.test((text = (await row.first().innerText()).replace(/\s+/g, " "))), { timeout: T.medium });
    const ms = Number(/(\d+)\s*ms/.exec(text)?.[1]);
    fs.mkdirSync(path.dirname(ACTIVATION), { recursive: true });
    const commit = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout?.trim() || undefined;
    fs.writeFileSync(ACTIVATION, JSON.stringify({ activationMs: ms, row: text.slice(0, 200), measuredAt: new Date().toISOString(), commit }, null, 2) + "\n");
    await p.keyboard.press("Escape");
    return `${ms} ms (${text.slice(0, 120)})`;
  });
}

// --------------------------------------------------------------------- main

let currentWork;
async function main() {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.mkdirSync(WORK_ROOT, { recursive: true });
  // Remove earlier runs' folders, unless their run is still going (its pid is alive).
  for (const old of fs.readdirSync(WORK_ROOT).filter((d) => d.startsWith("run-"))) {
    let pid = 0;
    try {
      pid = Number(fs.readFileSync(path.join(WORK_ROOT, old, "pid"), "utf8").trim()) || 0;
    } catch {
      pid = 0;
    }
    let alive = false;
    try {
      alive = pid > 0 && pid !== process.pid && (process.kill(pid, 0), true);
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(path.join(WORK_ROOT, old), { recursive: true, force: true });
  }
  const work = (currentWork = fs.mkdtempSync(path.join(WORK_ROOT, "run-")));
  fs.writeFileSync(path.join(work, "pid"), String(process.pid));

  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} not found: run "npm run package" first (npm run test:e2e does)`);
  ensureCodeServer();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (setup-code-server.sh does)`);

  const workspace = makeWorkspace(work);
  writeSettings(path.join(work, "user-data"));
  installExtension(work);
  const extDir = fs.readdirSync(path.join(work, "extensions")).find((d) => d.startsWith("press-release-annotator."));
  if (extDir && fs.existsSync(path.join(work, "extensions", extDir, "server/out/cli.js"))) CLI = path.join(work, "extensions", extDir, "server/out/cli.js");
  log(`CLI for expected findings: ${path.relative(ROOT, CLI)}`);
  const server = await startCodeServer(work, workspace);
  log(`code-server up (pid ${server.pid}); workspace ${path.relative(ROOT, workspace)}`);

  const context = await chromium.launchPersistentContext(path.join(work, "chromium-profile"), {
    executablePath: CHROMIUM,
    headless: !process.env.E2E_HEADED,
    args: [
      ...(process.env.E2E_HEADED ? [] : ["--headless"]),
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1600, height: 1000 },
    // Keep Chromium's own config and crash-report folders inside the run's folder.
    env: { ...process.env, HOME: path.join(work, "chromium-home"), XDG_CONFIG_HOME: path.join(work, "chromium-home/.config"), XDG_CACHE_HOME: path.join(work, "chromium-home/.cache") },
  });
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(T.short);
  const consoleLog = fs.createWriteStream(path.join(work, "browser-console.log"));
  page.on("console", (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on("pageerror", (e) => consoleLog.write(`[pageerror] ${e.message}\n`));

  const wb = new Workbench(page);
  await page.goto(server.url, { waitUntil: "domcontentloaded", timeout: T.long });
  await check("workbench loads with the workspace and the extension installed", wb, async () => {
    await wb.waitReady();
    const ext = fs.readdirSync(path.join(work, "extensions")).filter((d) => d.startsWith("press-release-annotator."));
    if (!ext.length) throw new Error("extension not in the extensions dir");
    await wb.dismissNotifications();
    return ext.join(", ");
  });
  if (results.every((r) => r.ok)) await runChecks(wb, workspace);

  await cleanup();
  return work;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let work;
  try {
    await main();
  } catch (e) {
    results.push({ name: "setup", ok: false });
    console.log(`FAIL setup — ${e.stack || e.message}`);
  } finally {
    await cleanup();
  }
  work = currentWork;
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`screenshots in ${path.relative(ROOT, SHOTS)}/; logs in ${work ? path.relative(ROOT, work) : path.relative(ROOT, WORK_ROOT)}/`);
  if (work && !failed && !process.env.E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
