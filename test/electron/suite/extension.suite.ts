// Runs inside VS Code's extension host (bundled and launched by test/electron/run.mjs): the
// extension activates on a plaintext release, its language server publishes diagnostics for
// the seed release, and hover and document symbols answer through the editor's own commands.
import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as vscode from "vscode";

export const EXTENSION_ID = "press-release-annotator.press-release-annotator";
const SEED = "cgtn-xi-putin-trump.txt";

async function poll<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === "object" ? d.code.value : d.code ?? "");
const hoverText = (hs: vscode.Hover[]) =>
  hs.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : "value" in c ? c.value : ""))).join("\n");

function flattenSymbols(symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[]): string[] {
  const out: string[] = [];
  const walk = (s: vscode.DocumentSymbol | vscode.SymbolInformation) => {
    out.push(`${s.name} ${"detail" in s ? s.detail : ""}`.trim());
    if ("children" in s) s.children.forEach(walk);
  };
  symbols.forEach(walk);
  return out;
}

export function defineTests(): void {
  describe("Press Release Annotator in VS Code", () => {
    let doc: vscode.TextDocument;
    let diagnostics: vscode.Diagnostic[];

    before(async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, "no workspace folder open");
      doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder.uri.fsPath, SEED)));
      await vscode.window.showTextDocument(doc);
    });

    it("the seed release opens as plaintext and activates the extension", async () => {
      assert.equal(doc.languageId, "plaintext");
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is not installed in the extension host`);
      await poll("activation", () => ext.isActive || undefined);
    });

    it("publishes the guide's findings for the seed release", async () => {
      diagnostics = await poll("diagnostics", () => {
        const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === "press-release");
        return ds.length ? ds : undefined;
      });
      const at = (code: string) => diagnostics.filter((d) => codeOf(d) === code);
      assert.ok(at("boilerplate").some((d) => d.range.start.line <= 8 && d.range.end.line >= 8), "line 9 is not boilerplate");
      assert.ok(at("vague-attribution").some((d) => doc.getText(d.range) === "according to analysis"), "“according to analysis” not flagged");
      const figures = at("unattributed-figure").map((d) => doc.getText(d.range).replace(/\\\$/g, "$"));
      assert.ok(figures.includes("$228.1 billion"), `figures: ${figures.join(", ")}`);
      const claim = at("unattributed-claim").find((d) => doc.getText(d.range).includes("remained high"));
      assert.ok(claim, "the “remained high” sentence is not flagged");
      assert.equal(claim.severity, vscode.DiagnosticSeverity.Warning);
      const xiSaid = doc.getText().indexOf("Economic and trade exchanges sustained robust development, Xi said.");
      const xiRange = new vscode.Range(doc.positionAt(xiSaid), doc.positionAt(xiSaid + 60));
      assert.ok(!diagnostics.some((d) => d.range.intersection(xiRange) && !d.range.intersection(xiRange)?.isEmpty), "“…, Xi said.” is flagged");
    });

    it("hovers on a figure with its normalised value", async () => {
      const offset = doc.getText().indexOf("228.1 billion");
      const hovers = await poll("a hover", async () => {
        const hs = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, doc.positionAt(offset));
        return hs?.length ? hs : undefined;
      });
      assert.match(hoverText(hovers), /228,100,000,000 USD/);
    });

    it("outlines headline, sections and speakers as document symbols", async () => {
      const symbols = await poll("document symbols", async () => {
        const s = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>("vscode.executeDocumentSymbolProvider", doc.uri);
        return s?.length ? s : undefined;
      });
      const names = flattenSymbols(symbols);
      for (const want of [
        "CGTN: Xi Jinping's same-day calls with Putin and Trump underscore China's role in global stability",
        "China-Russia talks underscore strategic coordination",
        "China injects certainty amid rising global tensions",
        "Vladimir Putin",
        "Wang Yiwei",
      ])
        assert.ok(names.some((n) => n.includes(want)), `${want} not among ${names.length} symbols`);
    });

    // Issue 4's UI, through the editor's own provider commands.
    it("offers the quick fixes on an unattributed figure", async () => {
      const offset = doc.getText().indexOf("228.1 billion");
      const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + 5));
      const actions = await poll("code actions", async () => {
        const a = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", doc.uri, range, vscode.CodeActionKind.QuickFix.value);
        return a?.length ? a : undefined;
      });
      const titles = actions.map((a) => a.title);
      for (const want of ["Insert source placeholder", "Ignore this finding"]) assert.ok(titles.some((t) => t.startsWith(want)), `${want} not in ${titles.join(" | ")}`);
    });

    it("folds boilerplate blocks and sections, and links URLs", async () => {
      const folds = await poll("folding ranges", async () => {
        const f = await vscode.commands.executeCommand<vscode.FoldingRange[]>("vscode.executeFoldingRangeProvider", doc.uri);
        return f?.length ? f : undefined;
      });
      assert.ok(folds.some((f) => f.start <= 76 && f.end >= 90), "the republisher furniture (lines 77–93) does not fold");
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>("vscode.executeLinkProvider", doc.uri);
      assert.ok(links.some((l) => l.target?.toString().includes("prnewswire.co.uk")), "the View original content link is missing");
    });

    it("contributes its commands", async () => {
      const all = await vscode.commands.getCommands(true);
      for (const c of ["pressRelease.showReport", "pressRelease.analyzeWorkspace", "pressRelease.copyWithoutBoilerplate"]) assert.ok(all.includes(c), c);
    });
  });
}
