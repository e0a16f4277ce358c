// press-release-annotate: the engine on files, folders and globs, as a readable report,
// JSON, SARIF or Markdown. Exit codes: 0 clean, 1 a finding at or above --fail-on, 2 bad input.
import { fstatSync } from "node:fs";
import { analyze } from "./analysis/index";
import { releaseEvidence } from "./analysis/detect";
import type { Severity } from "./analysis/types";
import { BadPattern, decodeText, readText, UnreadableFile } from "./files";
import { parseArgs, USAGE, type CliOptions } from "./cli/args";
import { resolveInputs } from "./cli/inputs";
import { toJson, toMarkdown, toSarif, toText, type Analysed } from "./cli/formats";
import { compileRegexesOnFirstRun } from "./regexTiering";

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function stdinIsFolder(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false; // no standard input at all: reading it says so
  }
}

async function readStdin(): Promise<string> {
  // Standard input opened on a folder (`- < dir`) reads as nothing: say what it is, not "empty file".
  if (stdinIsFolder()) throw new UnreadableFile("standard input is a folder, not a file");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return decodeText(Buffer.concat(chunks));
}

async function analyseInput(file: string, opts: CliOptions): Promise<Analysed> {
  const text = file === "-" ? await readStdin() : await readText(file);
  if (!text.replace(/[\s\uFEFF]+/g, "")) throw new UnreadableFile("empty file");
  const result = analyze(text, { severity: opts.severity });
  if (opts.enable === "auto" && !releaseEvidence(result.model).isRelease && !/\.(?:release|pr)\.txt$/i.test(file)) return { file, text, skipped: "not-a-release" };
  return { file, text, result };
}

export async function main(argv: string[], write: (s: string) => void = (s) => process.stdout.write(s), warn: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === "help") {
    write(USAGE);
    return 0;
  }
  if ("error" in opts) {
    warn(`press-release-annotate: ${opts.error}\n${USAGE.split("\n")[0]}\n(see --help)\n`);
    return 2;
  }
  const cwd = process.cwd();
  const errors: { file: string; message: string }[] = [];
  const analysed: Analysed[] = [];
  let inputs: Awaited<ReturnType<typeof resolveInputs>>;
  try {
    inputs = await resolveInputs(opts.inputs, opts.exclude, cwd);
  } catch (e) {
    if (!(e instanceof BadPattern)) throw e;
    warn(`press-release-annotate: ${e.message}\n`);
    return 2;
  }
  for (const input of inputs) {
    if ("error" in input) {
      errors.push({ file: input.file, message: input.error });
      warn(`press-release-annotate: ${input.file}: ${input.error}\n`);
      continue;
    }
    try {
      const a = await analyseInput(input.file, opts);
      analysed.push(a);
      if (opts.format === "text") write(toText(a) + "\n\n");
      else if (opts.format === "markdown") write(toMarkdown(a) + "\n");
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      errors.push({ file: input.file, message: e.message });
      warn(`press-release-annotate: ${input.file}: ${e.message}\n`);
    }
  }
  if (opts.format === "json") write(JSON.stringify(analysed.map(toJson), null, 2) + "\n");
  else if (opts.format === "sarif") write(JSON.stringify(toSarif(analysed, errors, cwd), null, 2) + "\n");
  else if (opts.format === "text" && analysed.length + errors.length > 1) {
    const total = analysed.reduce((n, a) => n + (a.result?.findings.length ?? 0), 0);
    write(`${analysed.length} file${analysed.length === 1 ? "" : "s"} analysed, ${total} finding${total === 1 ? "" : "s"}${errors.length ? `, ${errors.length} unreadable` : ""}\n`);
  }
  if (errors.length) return 2;
  const failOn = opts.failOn;
  if (failOn && analysed.some((a) => a.result?.findings.some((f) => RANK[f.severity] <= RANK[failOn]))) return 1;
  return 0;
}

if (require.main === module) {
  compileRegexesOnFirstRun();
  // A reader that stops early (`| head`) closes the pipe: what is left is not written, and the
  // exit code still says what the run found. Unhandled, the EPIPE ended the run with a stack
  // trace and exit code 1, which means a finding.
  let readerGone = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") readerGone = true;
    else {
      process.stderr.write(`press-release-annotate: cannot write the output: ${e.message}\n`);
      process.exit(3);
    }
  });
  const write = (s: string) => {
    if (!readerGone) process.stdout.write(s);
  };
  main(process.argv.slice(2), write).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`press-release-annotate: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
