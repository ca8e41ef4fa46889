// Where each row of a virtual list sits (virtual_list.js): arithmetic over
// known row heights, no DOM, so it is tested under Node
// (ui/tests/list_layout.test.js).

/** Where each row of a list of known heights sits. */
export class Layout {
  /** `heights[i]` is row i's height in pixels. */
  constructor(heights) {
    this.tops = new Float64Array(heights.length + 1);
    heights.forEach((h, i) => { this.tops[i + 1] = this.tops[i] + h; });
  }

  get count() { return this.tops.length - 1; }

  get total() { return this.tops[this.count]; }

  top(i) { return this.tops[i]; }

  height(i) { return this.tops[i + 1] - this.tops[i]; }

  /** The row at `y` (clamped to the list). */
  indexAt(y) {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tops[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** The rows `[start, end)` that meet `[top - margin, top + view + margin)`. */
  range(top, view, margin) {
    if (this.count === 0 || view <= 0) return [0, 0];
    const start = this.indexAt(Math.max(0, top - margin));
    const end = this.indexAt(top + view + margin) + 1;
    return [start, Math.min(end, this.count)];
  }

  /** Where to scroll so row `i` is in view, moving as little as possible
   *  (a row taller than the view shows its top); `null`: it already is. */
  scrollFor(i, top, view) {
    const rowTop = this.top(i);
    const rowBottom = rowTop + this.height(i);
    let to = top;
    if (rowTop < top) to = rowTop;
    else if (rowBottom > top + view) to = Math.min(rowTop, rowBottom - view);
    return to === top ? null : to;
  }
}
