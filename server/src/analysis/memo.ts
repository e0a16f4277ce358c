// Results of pure per-line and per-sentence steps, kept between analyses of one document so
// that re-analysis after an edit recomputes them only for the text the edit changed. Keys are
// the text itself and values hold no document offsets (callers rebase them), so an entry is
// valid wherever its text moves. Each analysis ends with `settle()`, which drops the entries
// it did not use: the memo holds about one version of the document.
//
// Every key is first interned: the memo keeps one copy of each text and looks values up by
// that copy. A string sliced from the document keeps the whole document alive in V8, so keys
// and values made from slices would pin every version the memo has seen. Interning also makes
// lookups cheap: a caller that keeps the interned string (a paragraph's text, the sentences
// split from it) finds each of its steps by reference, where a fresh slice is compared with
// the key character by character once per step.

interface Entry {
  value: unknown;
  /** The analysis that last used the entry. */
  used: number;
}

export class AnalysisMemo {
  private readonly steps = new Map<string, Map<string, Entry>>();
  /** Each text's interned copy (also the map's key), and the analysis that last used it. */
  private readonly interned = new Map<string, { text: string; used: number }>();
  private fingerprint = "";
  private generation = 0;
  /** Results reused rather than computed (the tests check that re-analysis reuses). */
  hits = 0;

  /** Starts an analysis with options of this fingerprint (what the memoised steps depend on): a change forgets everything. */
  begin(fingerprint: string): void {
    this.generation++;
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.steps.clear();
    this.interned.clear();
  }

  /** The memo's own copy of `text` (equal to it, not a slice of anything larger): keep it to look `text` up by reference. */
  intern(text: string): string {
    let i = this.interned.get(text);
    if (!i) {
      const own = ownCopy(text);
      this.interned.set(own, (i = { text: own, used: this.generation }));
    } else i.used = this.generation;
    return i.text;
  }

  /**
   * The value of `compute(text)` for this step and text, computed at most once while it is in
   * use. `compute` is given the interned text and must read that, not the caller's (see above).
   */
  get<T>(step: string, text: string, compute: (text: string) => T): T {
    let entries = this.steps.get(step);
    if (!entries) this.steps.set(step, (entries = new Map()));
    const key = this.intern(text);
    const entry = entries.get(key);
    if (entry) {
      entry.used = this.generation;
      this.hits++;
      return entry.value as T;
    }
    const value = compute(key);
    entries.set(key, { value, used: this.generation });
    return value;
  }

  /** How many results are kept, over all steps. */
  size(): number {
    let n = 0;
    for (const entries of this.steps.values()) n += entries.size;
    return n;
  }

  /** Ends an analysis: what it used is kept for the next, the rest is dropped. */
  settle(): void {
    for (const [step, entries] of this.steps) {
      for (const [text, entry] of entries) if (entry.used !== this.generation) entries.delete(text);
      if (!entries.size) this.steps.delete(step);
    }
    for (const [text, i] of this.interned) if (i.used !== this.generation) this.interned.delete(text);
  }
}

/** The text in a string of its own, not a slice of a larger one (V8 copies on flattening the concatenation). */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}
