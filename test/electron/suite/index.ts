// The extension-host test entry (extensionTestsPath): VS Code calls run() inside the host.
// test/electron/run.mjs bundles this file; mocha and vscode stay external.
import Mocha from "mocha";
import { defineTests } from "./extension.suite";

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: true, reporter: "spec" });
  mocha.suite.emit("pre-require", globalThis, "extension.suite", mocha);
  defineTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
