// Lint for the extension's TypeScript (server and client): typescript-eslint with type
// information for promise safety, and eslint-plugin-regexp so that no regular expression in
// the engine can backtrack super-linearly on a hostile document (issue 6).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import regexp from "eslint-plugin-regexp";

export default tseslint.config(
  { ignores: ["**/out/**", "node_modules/**", ".cache/**", ".vscode-test/**", "test/**", "**/*.mjs", "**/*.js"] },
  {
    files: ["server/src/**/*.ts", "client/src/**/*.ts"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { regexp },
    rules: {
      // Promise safety and equality.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      eqeqeq: ["error", "always"],
      // Regular expressions: linear time on any input.
      "regexp/no-super-linear-backtracking": ["error", { report: "certain" }],
      "regexp/no-super-linear-move": ["error", { report: "certain", ignoreSticky: true, ignorePartial: true }],
      "regexp/no-misleading-capturing-group": "error",
      "regexp/no-useless-lazy": "warn",
      "regexp/no-dupe-disjunctions": "warn",
      // The code base uses `void x` to mark deliberately unused parameters kept for API shape.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
