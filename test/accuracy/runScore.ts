// Drives a language server over real LSP stdio and scores it on folders of NAME.txt +
// NAME.gold.json, as ../shared/eval/score.mjs does: didOpen each release as plaintext,
// collect its diagnostics (pushed or pulled), its document symbols and a hover where each
// of its first 40 findings starts.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { LspClient, hoverText, type Diagnostic, type DocumentSymbol, type Hover } from "../helpers/lspClient";
import type { Gold } from "../helpers/fixtures";
import { scoreDocument, summarize, type DocScore, type Summary } from "./scoring";

export const ROOT = resolve(__dirname, "../..");
export const DEFAULT_SERVER = "node server/out/server.js --stdio";

export interface ScoreRun {
  summary: Summary;
  perDoc: DocScore[];
  /** Documents the server failed on (no diagnostics, a request error). */
  errors: string[];
}

export interface ScoreOptions {
  serverCmd?: string;
  /** Working directory of the server command (the project root). */
  cwd?: string;
  onDocument?: (d: DocScore) => void;
}

export async function scoreDirs(dirs: string[], opts: ScoreOptions = {}): Promise<ScoreRun> {
  const cwd = opts.cwd ?? ROOT;
  const lsp = new LspClient(opts.serverCmd ?? DEFAULT_SERVER, cwd);
  const errors: string[] = [];
  const perDoc: DocScore[] = [];
  const latencies: number[] = [];
  const hovers = { asked: 0, answered: 0 };
  let version = 1;
  try {
    await lsp.initialize(cwd);
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
        const file = resolve(dir, name);
        const goldPath = file.replace(/\.txt$/, ".gold.json");
        if (!existsSync(goldPath)) continue;
        const text = readFileSync(file, "utf8");
        const gold = JSON.parse(readFileSync(goldPath, "utf8")) as Gold;
        const uri = pathToFileURL(file).href;
        const t0 = performance.now();
        let diags: Diagnostic[];
        try {
          diags = await lsp.open(uri, text, version++);
        } catch (e) {
          diags = [];
          errors.push(`${name}: ${(e as Error).message}`);
        }
        latencies.push(performance.now() - t0);
        let symbols: DocumentSymbol[] = [];
        try {
          symbols = (await lsp.request<DocumentSymbol[] | null>("textDocument/documentSymbol", { textDocument: { uri } })) ?? [];
        } catch (e) {
          errors.push(`${name}: documentSymbol: ${(e as Error).message}`);
        }
        for (const d of diags.slice(0, 40)) {
          hovers.asked++;
          try {
            const h = await lsp.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: d.range.start }, 5000);
            if (hoverText(h).trim().length > 10) hovers.answered++;
          } catch { /* counted as missing */ }
        }
        lsp.close(uri);
        const score = scoreDocument(name, text, gold, diags, symbols);
        perDoc.push(score);
        opts.onDocument?.(score);
      }
    }
  } finally {
    await lsp.shutdown();
  }
  if (lsp.exited && lsp.exited.code !== 0 && lsp.exited.code !== null) errors.push(`server exited with ${lsp.exited.code}: ${lsp.stderrTail.slice(-500)}`);
  return { summary: summarize(perDoc, hovers, latencies, lsp.pull), perDoc, errors };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds server/out when it is missing or older than server/src; returns what it did. */
export function ensureBuilt(root = ROOT): "fresh" | "built" {
  const out = join(root, "server/out/server.js");
  if (existsSync(out) && statSync(out).mtimeMs >= newestMtime(join(root, "server/src"))) return "fresh";
  const r = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed (node esbuild.mjs):\n${r.stderr || r.stdout}`);
  return "built";
}
