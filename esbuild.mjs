// Bundles the client (vscode external) and the server, engine and CLI (self-contained).
// Type checking is separate (`npm run typecheck`), as in lsp-sample's esbuild setup.
import * as esbuild from "esbuild";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");
// esbuild's table has Node 20 without Unicode property escapes (\p{L}) in regexes, so it would turn
// every such literal into `new RegExp(…)`, built again on each call in the hot loops. Node 20
// has them (since Node 10).
const supported = { "regexp-unicode-property-escapes": true };
const common = { bundle: true, platform: "node", target: "node20", supported, format: "cjs", sourcemap: !production, minify: production, logLevel: "warning" };
const builds = [
  // The extension, and vscode-languageclient in a bundle of its own that it requires after activation.
  { ...common, entryPoints: ["client/src/extension.ts"], outfile: "client/out/extension.js", external: ["vscode", "./languageClient.js"] },
  { ...common, entryPoints: ["client/src/languageClientModule.ts"], outfile: "client/out/languageClient.js", external: ["vscode"] },
  { ...common, entryPoints: ["server/src/server.ts"], outfile: "server/out/server.js" },
  { ...common, entryPoints: ["server/src/analysisWorker.ts"], outfile: "server/out/analysisWorker.js" },
  { ...common, entryPoints: ["server/src/cli.ts"], outfile: "server/out/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { ...common, entryPoints: ["server/src/analysis/index.ts"], outfile: "server/out/engine.js" },
];
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
