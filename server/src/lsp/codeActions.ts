// Code actions: quick fixes for the press-release diagnostics in the request's context, and
// the source action "Copy release without boilerplate". Commands named here are registered
// by the client, which owns the workspace settings (as LTeX does for hidden false positives).
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from "vscode-languageserver";
import { CodeActionKind } from "vscode-languageserver";
import { ignoreKey } from "../analysis/index";
import { Commands, COPY_WITHOUT_BOILERPLATE_KIND } from "../protocol";
import { SOURCE } from "./convert";

export interface CodeActionOptions {
  placeholder: string;
  /** The client applies versioned `documentChanges`. */
  documentChanges: boolean;
}

const PLACEHOLDER_CODES = new Set(["unattributed-claim", "unattributed-figure"]);

/**
 * Where a source placeholder goes for a flagged span: right after a figure; for a claim
 * sentence, before its closing punctuation (and closing quotes or brackets).
 */
export function placeholderOffset(text: string, start: number, end: number, code: string): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  if (code === "unattributed-claim") {
    let p = e;
    while (p > start && /["'”’)\]]/.test(text[p - 1])) p--;
    if (p > start && /[.!?;:]/.test(text[p - 1])) {
      p--;
      while (p > start && /[.!?]/.test(text[p - 1])) p--; // "…?!" stays together
      return p;
    }
  }
  return e;
}

function edit(doc: TextDocument, offset: number, insert: string, o: CodeActionOptions): WorkspaceEdit {
  const pos = doc.positionAt(offset);
  const textEdit = { range: { start: pos, end: pos }, newText: insert };
  return o.documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: [textEdit] }] }
    : { changes: { [doc.uri]: [textEdit] } };
}

const wants = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + "."));

export function codeActions(doc: TextDocument, params: CodeActionParams, o: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const text = doc.getText();
  if (wants(only, CodeActionKind.QuickFix)) {
    const ruleSeen = new Set<string>();
    // A diagnostic of an older version may lie past the end of this one: it gets no fixes.
    const inDocument = (d: Diagnostic) => d.range.start.line < doc.lineCount && d.range.end.line < doc.lineCount;
    // The same diagnostic twice (a client may send it so) gets its fixes once.
    const distinct = new Set<string>();
    const once = (d: Diagnostic) => {
      const key = JSON.stringify([d.code, d.range.start, d.range.end]);
      return !distinct.has(key) && !!distinct.add(key);
    };
    const ours = params.context.diagnostics.filter((d): d is Diagnostic & { code: string } => d.source === SOURCE && typeof d.code === "string" && d.code !== "too-large" && d.code !== "too-many" && inDocument(d) && once(d));
    // With several findings under the cursor, say which one each fix is for.
    const several = new Set(ours.map((d) => d.code)).size > 1;
    const which = (code: string) => (several ? ` (${code})` : "");
    for (const d of ours) {
      const start = doc.offsetAt(d.range.start);
      const end = doc.offsetAt(d.range.end);
      if (end <= start) continue;
      const flagged = text.slice(start, end);
      if (PLACEHOLDER_CODES.has(d.code)) {
        const at = placeholderOffset(text, start, end, d.code);
        if (!text.slice(at).trimStart().startsWith(o.placeholder)) {
          actions.push({ title: `Insert source placeholder${which(d.code)}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit(doc, at, ` ${o.placeholder}`, o) });
        }
      }
      actions.push(ignoreAction(d, ignoreKey(d.code, flagged), which(d.code)));
      if (!ruleSeen.has(d.code)) {
        ruleSeen.add(d.code);
        actions.push({
          title: `Disable rule '${d.code}' in this workspace`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title: `Disable rule '${d.code}' in this workspace`, command: Commands.disableRule, arguments: [d.code] },
        });
      }
    }
    // Ignore actions after placeholders, rule switches last: the menu reads from the mildest fix.
    actions.sort((a, b) => rank(a) - rank(b));
  }
  if (only?.some((k) => COPY_WITHOUT_BOILERPLATE_KIND === k || COPY_WITHOUT_BOILERPLATE_KIND.startsWith(k + "."))) {
    actions.push(copyAction(doc.uri));
  }
  return actions;
}

const rank = (a: CodeAction) => (a.edit ? 0 : a.command?.command === Commands.ignoreFinding ? 1 : 2);

function ignoreAction(d: Diagnostic, key: string, suffix: string): CodeAction {
  return {
    title: `Ignore this finding${suffix}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title: "Ignore this finding", command: Commands.ignoreFinding, arguments: [key] },
  };
}

function copyAction(uri: string): CodeAction {
  return {
    title: "Copy release without boilerplate",
    kind: COPY_WITHOUT_BOILERPLATE_KIND,
    command: { title: "Copy release without boilerplate", command: Commands.copyWithoutBoilerplate, arguments: [uri] },
  };
}
