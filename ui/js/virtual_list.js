// Long lists (every section of a 100k-section vault, every command) drawn
// as a window: only the rows in view, plus a margin, are in the DOM, inside
// a box as tall as the whole list. At 10k sections the whole-list views
// held ~185k elements and took 1.2–1.9 s to show (BENCHMARKS.md).
//
// Row heights are known before a row is drawn: each view says how tall a
// row of each kind is (a timeline row, its duration) and the row is drawn
// exactly that tall. So no row is ever measured, nothing jumps while
// scrolling, and any row's place is known without drawing it — which is
// what the keys (arrows, Page Up/Down, Home/End, type-ahead) and "reveal
// the open section" need to work across the whole list.
import { composing } from './dom.js';
import { isShortcut } from './keys.js';
import { Layout } from './list_layout.js';

// The keys that leave a control inside a row for the next row.
const LEAVING = { ArrowDown: true, ArrowUp: true, PageDown: true, PageUp: true };

/** A scrolling list of rows drawn as a window of the whole.
 *
 *  - `height(row)`: the row's height in pixels (the row is drawn that tall);
 *  - `render(row, index)`: a new element for the row;
 *  - `key(row)`: a name for the row (an id), to find its element
 *    ([`VirtualList.elementOf`]); optional;
 *  - `focusable(row)`: whether the keys stop on it (default: all rows);
 *  - `activate(row, index)`: Enter on a row;
 *  - `text(row)`: what type-ahead matches (default: the row's text);
 *  - `keys(event, row, index)`: a view's own keys for a row (return true
 *    when handled), tried before the list's;
 *  - `widthChanged()`: the list's width changed and `height` may give new
 *    answers (the rows are laid out again);
 *  - `role`, `label`, `testid`, `className`: the list element's ARIA role
 *    and label, `data-testid` and extra class.
 *
 *  The list element carries `data-count` (rows in the whole list) and each
 *  row `data-index` (its place) and `aria-posinset`/`aria-setsize` unless
 *  the view set its own (a tree's are per level). */
export class VirtualList {
  constructor(options) {
    this.options = {
      focusable: () => true, text: (row) => String(row.title ?? ''), keys: () => false, key: null, ...options,
    };
    this.rows = [];
    this.layout = new Layout([]);
    this.drawn = new Map(); // index → element
    this.byKey = new Map(); // key → element, for the rows drawn
    this.active = 0; // the row the keys move from
    this.view = 0;
    this.typed = '';
    this.typedAt = 0;
    this.box = document.createElement('div');
    this.box.className = `vlist ${options.className ?? ''}`.trim();
    this.box.setAttribute('role', options.role ?? 'list');
    if (options.label) this.box.setAttribute('aria-label', options.label);
    if (options.testid) this.box.dataset.testid = options.testid;
    this.inner = document.createElement('div');
    this.inner.className = 'vlist-rows';
    this.box.append(this.inner);
    this.box.addEventListener('scroll', () => this.#draw(), { passive: true });
    this.box.addEventListener('keydown', (e) => this.#onKey(e));
    this.box.addEventListener('focusin', (e) => {
      const row = e.target.closest?.('[data-index]');
      if (row && row.parentElement === this.inner) this.#setActive(Number(row.dataset.index));
    });
    // A hidden list has no height: it draws when it is shown (or resized),
    // before that frame is painted. Rows whose height follows the width
    // (wrapped text) are laid out again when the width changes.
    this.width = 0;
    new ResizeObserver(() => {
      this.view = this.box.clientHeight;
      const width = this.box.clientWidth;
      if (width !== this.width && this.width && this.options.widthChanged) {
        this.width = width;
        this.options.widthChanged();
        this.show(this.rows);
        return;
      }
      this.width = width;
      this.#draw();
    }).observe(this.box);
  }

  /** The element to put in the page (the scrolling box). */
  get element() { return this.box; }

  /** Replaces the rows, keeping the scroll position; every drawn row is
   *  drawn again. The row the keys move from stays the same row (found by
   *  its key when it has one: rows may have been added above it), and if
   *  it had the focus it keeps it without scrolling to it: new rows (a
   *  reload, the study marks arriving) must not undo a `reveal` made
   *  meanwhile, such as the tree showing the section just opened. */
  show(rows) {
    const focused = this.inner.contains(document.activeElement);
    const key = this.options.key;
    const was = this.rows[this.active];
    const named = was === undefined || !key ? undefined : key(was);
    this.rows = rows;
    this.layout = new Layout(rows.map((r) => this.options.height(r)));
    this.inner.style.height = `${this.layout.total}px`;
    this.box.dataset.count = String(rows.length);
    const same = named === undefined ? -1 : rows.findIndex((r) => key(r) === named);
    this.active = same >= 0 ? same : Math.min(this.active, Math.max(0, rows.length - 1));
    for (const element of this.drawn.values()) element.remove();
    this.drawn.clear();
    this.byKey.clear();
    this.#draw();
    if (focused && rows.length) {
      // Drawn even out of view, as #draw keeps a focused row.
      if (!this.drawn.has(this.active)) this.inner.append(this.#row(this.active));
      this.drawn.get(this.active).focus({ preventScroll: true });
    }
  }

  /** The drawn element of the row named `key`, if it is drawn. */
  elementOf(key) { return this.byKey.get(key) ?? null; }

  /** The first row for which `test(row)` holds, or -1. */
  indexWhere(test) { return this.rows.findIndex(test); }

  /** Scrolls row `i` into view (as little as needed) and draws it. */
  reveal(i) {
    if (i < 0 || i >= this.rows.length) return;
    const to = this.layout.scrollFor(i, this.box.scrollTop, this.view || this.box.clientHeight);
    if (to !== null) this.box.scrollTop = to;
    this.#draw();
  }

  /** Reveals row `i` and gives it the keyboard focus. */
  focus(i) {
    if (i < 0 || i >= this.rows.length) return;
    this.#setActive(i);
    this.reveal(i);
    this.drawn.get(i)?.focus({ preventScroll: true });
  }

  #setActive(i) {
    if (i === this.active) return;
    this.drawn.get(this.active)?.setAttribute('tabindex', '-1');
    this.active = i;
    this.drawn.get(i)?.setAttribute('tabindex', '0');
  }

  /** Draws the rows in view plus a margin of a screen each way, and takes
   *  away the others (but the focused one, which keeps the focus). */
  #draw() {
    // Just shown, the list may draw before its resize callback has said
    // how tall it is: then ask the layout. A hidden list keeps the rows it
    // has (showing the tab again then only paints them).
    const view = this.view || (this.view = this.box.clientHeight);
    if (view === 0) return;
    const [start, end] = this.layout.range(this.box.scrollTop, view, Math.max(view, 200));
    for (const [i, element] of this.drawn) {
      if ((i < start || i >= end) && element !== document.activeElement) {
        element.remove();
        this.drawn.delete(i);
        const key = this.options.key?.(this.rows[i]);
        if (key !== undefined && this.byKey.get(key) === element) this.byKey.delete(key);
      }
    }
    const fresh = [];
    for (let i = start; i < end; i++) if (!this.drawn.has(i)) fresh.push(this.#row(i));
    if (fresh.length) this.inner.append(...fresh);
  }

  #row(i) {
    const row = this.rows[i];
    const element = this.options.render(row, i);
    element.dataset.index = String(i);
    element.style.position = 'absolute';
    element.style.top = `${this.layout.top(i)}px`;
    element.style.height = `${this.layout.height(i)}px`;
    if (!element.hasAttribute('aria-posinset')) {
      element.setAttribute('aria-posinset', String(i + 1));
      element.setAttribute('aria-setsize', String(this.rows.length));
    }
    if (this.options.focusable(row)) element.setAttribute('tabindex', i === this.active ? '0' : '-1');
    this.drawn.set(i, element);
    const key = this.options.key?.(row);
    if (key !== undefined) this.byKey.set(key, element);
    return element;
  }

  #onKey(e) {
    if (composing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    const at = e.target.closest?.('[data-index]');
    if (!at || at.parentElement !== this.inner) return;
    const i = Number(at.dataset.index);
    // Keys typed on a control inside a row (a button, a field) are its own,
    // but the arrows that leave it.
    const onRow = e.target === at;
    if (!onRow && !Object.hasOwn(LEAVING, e.key)) return;
    if (onRow && this.options.keys(e, this.rows[i], i)) {
      e.preventDefault();
      return;
    }
    const page = Math.max(1, Math.floor(this.view / this.layout.height(i)) - 1);
    const to = {
      ArrowDown: () => this.#step(i, 1, 1),
      ArrowUp: () => this.#step(i, -1, 1),
      PageDown: () => this.#step(i, 1, page),
      PageUp: () => this.#step(i, -1, page),
      Home: () => this.#step(-1, 1, 1),
      End: () => this.#step(this.rows.length, -1, 1),
    }[e.key];
    if (to) {
      const target = to();
      if (target >= 0) this.focus(target);
      e.preventDefault();
    } else if (e.key === 'Enter' && this.options.activate) {
      this.options.activate(this.rows[i], i);
      e.preventDefault();
    } else if (e.key.length === 1 && e.key !== ' ' && this.#typeAhead(e.key, i)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  /** The focusable row `count` steps from `i` in direction `dir` (or the
   *  last focusable one before the end), -1 for none. */
  #step(i, dir, count) {
    let found = -1;
    let left = count;
    for (let j = i + dir; j >= 0 && j < this.rows.length && left > 0; j += dir) {
      if (this.options.focusable(this.rows[j])) {
        found = j;
        left -= 1;
      }
    }
    return found;
  }

  /** Moves to the next row whose text starts with what was typed in the
   *  last second. The app's one-letter shortcuts (`b`, `c`, `/` …) start
   *  no type-ahead, and a key that matches nothing is left to the page. */
  #typeAhead(key, i) {
    const now = performance.now();
    const before = now - this.typedAt < 1000 ? this.typed : '';
    if (!before && isShortcut(key)) return false;
    const typed = before + key.toLowerCase();
    const { text } = this.options;
    const n = this.rows.length;
    // A new search starts after the current row; a longer one may stay on it.
    const from = typed.length > 1 ? i : i + 1;
    for (let k = 0; k < n; k++) {
      const j = (from + k) % n;
      const row = this.rows[j];
      if (this.options.focusable(row) && text(row).toLowerCase().startsWith(typed)) {
        this.typed = typed;
        this.typedAt = now;
        this.focus(j);
        return true;
      }
    }
    return false;
  }
}
