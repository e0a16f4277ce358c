// Builds in-memory documents line by line, so tests can say which line a thing is on.

/** Joins lines with "\n" (or `eol`); `joinLines("a", "", "b")` is "a\n\nb". */
export function joinLines(...lines: string[]): string {
  return lines.join("\n");
}

/** Joins lines with a chosen line ending ("\r\n" for CRLF documents). */
export function joinLinesWith(eol: string, ...lines: string[]): string {
  return lines.join(eol);
}

/** Joins paragraphs with one blank line between them; each paragraph may be several lines. */
export function paragraphs(...paras: (string | string[])[]): string {
  return paras.map((p) => (Array.isArray(p) ? p.join("\n") : p)).join("\n\n");
}

export const HEADLINE = "Acme Publishes Its Annual Router Market Report";
export const DATELINE = "BERLIN, March 3, 2026 /PRNewswire/ -- Acme Corp. today published its annual report on the router market.";

/**
 * A small release: headline, dateline lead, then each body paragraph after a blank line, so
 * that the paragraphs under test are body text (not the headline). Body paragraph k starts on
 * line 5 + 2k.
 */
export function release(...body: string[]): string {
  return paragraphs(HEADLINE, DATELINE, ...body);
}
