// Binary search over things kept in order (figures, parentheses, word starts, quotes, paragraphs).

/**
 * The first of `length` items in order for which `reached(i)` holds, or `length` when none
 * does: `reached` must be false up to some index and true from there on.
 */
export function firstReached(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
