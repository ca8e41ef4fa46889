// The page's language: loaded once at boot (before anything is drawn, so no
// text ever shows in the wrong language), said through `t(id, args)`, and
// followed when the user switches (the page reloads itself in the new one).
// The only module that knows Fluent is l10n.js; this one adds the page:
// the IPC, `<html lang>`, and the elements the HTML marks for filling.
import { APP_EVENTS, getLanguage, on } from './api.js';
import { el } from './dom.js';
import { Localizer } from './l10n.js';

export { particle, ungrouped } from './l10n.js';

let current = new Localizer('en', '');

/** Asks the Rust side which language to speak and its catalog, sets
 *  `<html lang>` (app.css's `:lang(ko)` typography follows it) and fills
 *  the page's marked elements. Returns what `getLanguage` said. */
export async function loadLanguage() {
  let said;
  try {
    said = await getLanguage();
  } catch (e) {
    // Without a catalog every text shows its id: ugly, but the app works.
    console.error(e);
    said = { lang: 'en', chosen: null, env_override: false, source: '' };
  }
  current = new Localizer(said.lang, said.source);
  for (const error of current.errors) console.error(error);
  document.documentElement.lang = said.lang;
  localize(document);
  return said;
}

/** The text of catalog message `id` (`args`: its placeholders); a missing
 *  id is said as the id. */
export const t = (id, args) => current.t(id, args);

/** The language spoken now, `'ko'` or `'en'`. */
export const lang = () => current.lang;

/** A duration in prose (`2 h 56 min`, `2시간 56분`). */
export const duration = (seconds) => current.duration(seconds);

/** A date or time in prose (`Intl.DateTimeFormat` options). */
export const date = (value, options) => current.date(value, options);

// The attributes `data-l10n-attrs` may name: words a person reads, never
// one that runs or loads something.
const WORDS = new Set(['placeholder', 'title', 'aria-label']);

/** Fills the elements under `root` that the HTML marks: `data-l10n="id"`
 *  sets the text to the message's value (when it has one) and
 *  `data-l10n-attrs="placeholder aria-label"` those attributes from the
 *  message's `.placeholder` and `.aria-label`. The pages mark their
 *  elements so, and the renderer its copy buttons and refused images. */
export function localize(root) {
  for (const node of root.querySelectorAll('[data-l10n]')) {
    const id = node.dataset.l10n;
    const message = current.message(id);
    if (!message) {
      node.textContent = id;
      continue;
    }
    if (message.value !== null) node.textContent = message.value;
    for (const name of (node.dataset.l10nAttrs ?? '').split(/\s+/).filter((a) => WORDS.has(a))) {
      node.setAttribute(name, message.attributes[name] ?? `${id}.${name}`);
    }
  }
}

// Private-use characters stand for the keys while the message is formatted.
const KEY = /\uE000(\d+)\uE001/;

/** Message `id` as text with keyboard keys: `keys` maps each placeholder to
 *  a key's name, drawn as `<kbd>` (`{ $enter } open` → <kbd>Enter</kbd>
 *  open), in whatever order the language puts them. */
export function withKeys(id, keys) {
  const names = Object.keys(keys);
  const args = Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE001`]));
  const out = document.createDocumentFragment();
  const parts = t(id, args).split(KEY);
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) out.append(part);
      return;
    }
    out.append(el('kbd', {}, keys[names[Number(part)]]));
  });
  return out;
}

// What parts a line of key hints in the catalogs.
const HINTS = ' · ';

/** A line of key hints (`{ $enter } open · { $esc } clear`): withKeys, with
 *  each hint kept whole on its line (`.key-hint`), so a narrow window
 *  breaks the line between hints, never inside one. */
export function keyHints(id, keys) {
  const out = document.createDocumentFragment();
  let hint = null;
  const add = (node) => {
    hint ??= out.appendChild(el('span', { class: 'key-hint' }));
    hint.append(node);
  };
  for (const node of [...withKeys(id, keys).childNodes]) {
    if (node.nodeType !== Node.TEXT_NODE) {
      add(node);
      continue;
    }
    node.data.split(HINTS).forEach((text, i) => {
      if (i > 0) {
        out.append(HINTS);
        hint = null;
      }
      if (text) add(text);
    });
  }
  return out;
}

/** Reloads the page when the user switches to another language (every
 *  window hears it); `keep()` first saves what the page will want back. */
export function followLanguage(keep = () => {}) {
  on(APP_EVENTS.LANGUAGE_CHANGED, ({ lang: next }) => {
    if (next === current.lang) return;
    keep();
    window.location.reload();
  });
}
