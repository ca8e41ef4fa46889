// A list that changes a little at a time (search results per keystroke, the
// lookup window): one element per key, kept across renders and patched in
// place, so a keystroke pays for the rows that changed. Rebuilding all 20
// result rows cost ~4 of a keystroke's ~6.5 ms of DOM work here, in new
// elements, in tearing down the old ones and in laying everything out again
// (BENCHMARKS.md, "Keystroke → results").

export class KeyedList {
  /** `key(item)` names an item across renders; `create(item)` makes its
   *  element; `update(element, item, previous)` patches a kept one. */
  constructor(list, { key, create, update }) {
    this.list = list;
    this.key = key;
    this.create = create;
    this.update = update;
    this.kept = new Map();
  }

  /** Shows `items` in order; returns their elements. */
  render(items) {
    const next = new Map();
    const elements = items.map((item) => {
      const key = unique(this.key(item), next);
      const kept = this.kept.get(key);
      if (kept) this.update(kept.element, item, kept.item);
      const element = kept ? kept.element : this.create(item);
      next.set(key, { element, item });
      return element;
    });
    for (const [key, { element }] of this.kept) if (!next.has(key)) element.remove();
    elements.forEach((element, i) => {
      const there = this.list.children[i] ?? null;
      if (there !== element) this.list.insertBefore(element, there);
    });
    this.kept = next;
    return elements;
  }
}

/** The same key twice in one render (a command listed twice) gets a suffix,
 *  so each occurrence keeps an element of its own. */
function unique(key, taken) {
  let k = key;
  for (let n = 1; taken.has(k); n++) k = `${key}\u0000${n}`;
  return k;
}

/** Sets a node's text only when it changed (an unchanged text node is not
 *  laid out again). */
export function setText(node, text) {
  const t = String(text);
  if (node.textContent !== t) node.textContent = t;
}
