// Tiny DOM helpers shared by the feature modules.

/** Creates an element with attributes and children (strings become text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) node.append(c);
  }
  return node;
}

/** `528` → `8:48`, `10567` → `2:56:07`. */
export function formatDuration(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return (h ? `${h}:` : '') + `${mm}:${String(s).padStart(2, '0')}`;
}

/** Scrolling for a list redrawn on every keystroke: `toTop()` scrolls `box`
 *  back only when it is scrolled (reading `scrollTop` would force a layout
 *  on every keystroke), `reveal(item)` scrolls a row into view (arrow keys)
 *  and remembers it at once (its scroll event may come after the next
 *  redraw). */
export function listScroll(box) {
  let scrolled = false;
  box.addEventListener('scroll', () => { scrolled = box.scrollTop > 0; }, { passive: true });
  return {
    toTop() {
      if (scrolled) box.scrollTop = 0;
    },
    reveal(item) {
      item.scrollIntoView({ block: 'nearest' });
      scrolled = true;
    },
  };
}

/** Announces something in the status line. */
export function status(text) {
  document.getElementById('status').textContent = text;
}

/** Which rows of a long list (thousands of sections) carry a mark, such as
 *  "hit" or "current". The list draws only a window of its rows: a row
 *  drawn later gets its marks from `paint`, and `set(ids)` calls
 *  `apply(row, on)` only for the drawn rows whose mark changes, so a
 *  keystroke costs its hits, not the whole list. */
export class Marks {
  constructor(apply) {
    this.apply = apply;
    this.on = new Set();
    this.find = () => null;
  }

  /** Where marked rows are drawn: `find(id)` gives the row drawn for `id`,
   *  or null. */
  attach(find) {
    this.find = find;
  }

  has(id) {
    return this.on.has(id);
  }

  /** Marks a row as it is drawn. */
  paint(row, id) {
    if (this.on.has(id)) this.apply(row, true);
  }

  set(ids) {
    const next = new Set(ids);
    for (const id of this.on) if (!next.has(id)) this.#apply(id, false);
    for (const id of next) if (!this.on.has(id)) this.#apply(id, true);
    this.on = next;
  }

  #apply(id, on) {
    const row = this.find(id);
    if (row) this.apply(row, on);
  }
}

/** Whether a key event belongs to an IME composition (a Hangul syllable
 *  being typed): such keys are the IME's, never a command. WebKit reports
 *  keyCode 229 without `isComposing`. */
export const composing = (e) => e.isComposing || e.keyCode === 229;
