// Hovers on a release the worker analysed, without reading its whole model on the server's
// thread. The worker cuts the figures, attributions and quotes into stretches of the document
// (HOVER_STRETCH characters each) and serialises each stretch on its own; a hover reads only
// the stretch under the cursor. Reading the whole model of a 10 MB release held the server
// for about 0.4 s on its first hover.
import { deserialize, serialize } from "node:v8";
import type { Finding, ReleaseModel } from "../analysis/types";
import { hoverFrom, type HoverSources, type HoverText } from "../analysis/hover";

export const HOVER_STRETCH = 1 << 16;

type Items = Omit<HoverSources, "text">;
interface Spanned {
  start: number;
  end: number;
}

/** Worker side: the hover items of each stretch, serialised; an item is in every stretch it covers. */
export function hoverStretches(model: ReleaseModel): Uint8Array[] {
  const count = Math.max(1, Math.ceil(model.text.length / HOVER_STRETCH));
  const stretches: Items[] = Array.from({ length: count }, () => ({ figures: [], attributions: [], quotes: [] }));
  const place = <T extends Spanned>(items: T[], list: (s: Items) => T[]) => {
    for (const item of items) {
      // A hover finds an item at offsets start … max(end, start + 1) - 1 (see hoverFrom).
      const last = Math.min(count - 1, Math.floor((Math.max(item.end, item.start + 1) - 1) / HOVER_STRETCH));
      for (let k = Math.max(0, Math.floor(item.start / HOVER_STRETCH)); k <= last; k++) list(stretches[k]).push(item);
    }
  };
  place(model.figures, (s) => s.figures);
  place(model.attributions, (s) => s.attributions);
  place(model.quotes, (s) => s.quotes);
  return stretches.map((s) => ownBuffer(serialize(s)));
}

/** A Buffer may be a view of a larger pool: a copy with a buffer of its own, to be transferred. */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
}

/** Server side: hovers from the worker's stretches, each read on first use. */
export class HoverIndex {
  private readonly read: (Items | undefined)[] = [];

  constructor(
    private readonly stretches: Uint8Array[],
    private readonly text: string,
    private readonly findings: Finding[],
  ) {}

  hoverAt(offset: number): HoverText | undefined {
    const k = Math.floor(offset / HOVER_STRETCH);
    const bytes = this.stretches[k];
    const items = bytes ? (this.read[k] ??= deserialize(bytes) as Items) : { figures: [], attributions: [], quotes: [] };
    return hoverFrom(this.findings, { text: this.text, ...items }, offset);
  }

  /** How many stretches have been read (for tests: a hover reads one). */
  get stretchesRead(): number {
    return this.read.filter(Boolean).length;
  }
}
