// vscode-languageclient, bundled on its own (client/out/languageClient.js) and required by the
// extension after activation: the extension's own bundle stays small and loads in a few ms.
export { LanguageClient, TransportKind } from "vscode-languageclient/node";
