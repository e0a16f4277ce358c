// Stock text that is not news, one finding per block, with its kind in data.kind.
import type { BoilerplateKind } from "../analysis/types";
import type { Rule } from "./rule";

const KIND_LABEL: Record<BoilerplateKind, string> = {
  "wire-header": "wire header",
  "wire-footer": "wire footer",
  copyright: "copyright notice",
  disclaimer: "disclaimer",
  about: "About section",
  "safe-harbor": "safe-harbor (forward-looking statements) text",
  contact: "contact block",
  "republisher-meta": "republisher page furniture",
  links: "links line",
};

export const boilerplateRule: Rule = {
  code: "boilerplate",
  title: "Boilerplate",
  description: "Stock text that is not news: wire headers and footers, About sections, safe-harbor text, disclaimers, contacts, republisher page furniture and link lines.",
  defaultSeverity: "information",
  anchor: "boilerplate",
  examples: { flagged: "Copyright 2026 PR Newswire. All Rights Reserved.", notFlagged: "Xi said the China-Russia Cultural Year concluded successfully." },
  check({ model }) {
    return model.boilerplate.map((b) => ({
      code: "boilerplate",
      start: b.start,
      end: b.end,
      message: `Boilerplate: ${KIND_LABEL[b.kind]} (${b.lastLine - b.firstLine + 1} line${b.lastLine > b.firstLine ? "s" : ""}).`,
      data: { kind: b.kind },
      explanation: {
        what: `This block is ${KIND_LABEL[b.kind]}: stock text the issuer or distributor adds to every release.`,
        why: `Recognised by “${b.evidence.trim().slice(0, 80)}”.`,
        fix: "Skip it when reading for news; leave it out when quoting or republishing the release.",
      },
    }));
  },
};
