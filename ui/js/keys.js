// Keyboard first: `/` or Ctrl+K search from anywhere, `c` copies a command,
// `b` bookmarks the open section, `[` `]` previous/next section, Alt+1…5
// switch views (Space and 1–4 review in the Review view), Ctrl+, opens the settings. Keys typed into a
// text field are left alone (and so is anything during IME composition).
import { composing } from './dom.js';
import { EVENTS, emit } from './events.js';
import { copyFocusedCommand, step, toggleCurrentBookmark } from './reader.js';
import { reviewKey } from './review.js';
import { openSettings } from './settings.js';

const VIEWS = ['sections', 'timeline', 'bookmarks', 'commands', 'review'];

// The one-letter keys, also left alone by the lists' type-ahead.
const SHORTCUTS = {
  '/': () => {
    const search = document.getElementById('search');
    search.focus();
    search.select();
  },
  c: copyFocusedCommand,
  b: toggleCurrentBookmark,
  '[': () => step('prev'),
  ']': () => step('next'),
};

/** Whether `key` is one of the app's one-letter shortcuts. */
export const isShortcut = (key) => Object.hasOwn(SHORTCUTS, key);

function typing(e) {
  const t = e.target;
  return t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t.isContentEditable;
}

/** Installs the global key handler. */
export function initKeys() {
  document.addEventListener('keydown', (e) => {
    if (composing(e)) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      SHORTCUTS['/']();
      e.preventDefault();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === ',') {
      openSettings();
      e.preventDefault();
      return;
    }
    if (e.altKey && /^[1-5]$/.test(e.key)) {
      emit(EVENTS.VIEW, { view: VIEWS[Number(e.key) - 1] });
      e.preventDefault();
      return;
    }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (reviewKey(e.key)) {
      e.preventDefault();
      return;
    }
    const action = isShortcut(e.key) ? SHORTCUTS[e.key] : null;
    if (action) {
      action();
      e.preventDefault();
    }
  });
}
