// The chosen row of a short list driven from a text box (the search results,
// the lookup window): ↑/↓ move the choice, wrapping, and the row is marked
// `.selected` with `aria-selected`. Long lists are virtual_list.js's.
import { composing } from './dom.js';

export class Selection {
  #rows = [];
  #index = -1;
  #scroll;

  /** `scroll` is the list's `listScroll`, to keep the chosen row in view. */
  constructor(scroll) {
    this.#scroll = scroll;
  }

  /** The rows shown now. */
  get rows() {
    return this.#rows;
  }

  /** The chosen row, or undefined. */
  get current() {
    return this.#rows[this.#index];
  }

  /** New rows: the first is chosen, the list scrolled back to the top. */
  show(rows) {
    this.#rows = rows;
    this.#scroll.toTop();
    this.#choose(rows.length ? 0 : -1, false);
  }

  /** Chooses `row` (a click). */
  pick(row) {
    this.#choose(this.#rows.indexOf(row), false);
  }

  /** Moves the choice on ↑/↓; returns whether the key did (and was eaten). */
  key(e) {
    const n = this.#rows.length;
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (composing(e) || !step || !n) return false;
    this.#choose((this.#index + step + n) % n, true);
    e.preventDefault();
    return true;
  }

  #choose(i, reveal) {
    this.#index = i;
    this.#rows.forEach((row, j) => {
      row.classList.toggle('selected', j === i);
      if (j !== i) row.removeAttribute('aria-selected');
      else {
        row.setAttribute('aria-selected', 'true');
        if (reveal) this.#scroll.reveal(row);
      }
    });
  }
}
