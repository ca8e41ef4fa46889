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

/** Which items of a long list (thousands of sections) carry a mark, such as
 *  "hit" or "current": `set(ids)` calls `apply(item, on)` only for the items
 *  whose mark changes, so a keystroke costs its hits, not the whole list. */
export class Marks {
  constructor(apply) {
    this.apply = apply;
    this.byId = new Map();
    this.on = new Set();
  }

  /** Moves the marks onto freshly rendered items (the list was rebuilt
   *  after the notes changed; ids that are gone are skipped). */
  reset(byId) {
    this.byId = byId;
    for (const id of this.on) this.#apply(id, true);
  }

  set(ids) {
    const next = new Set(ids);
    for (const id of this.on) if (!next.has(id)) this.#apply(id, false);
    for (const id of next) if (!this.on.has(id)) this.#apply(id, true);
    this.on = next;
  }

  #apply(id, on) {
    const item = this.byId.get(id);
    if (item) this.apply(item, on);
  }
}
