// Keyboard first: `/` or Ctrl+K search from anywhere, `c` copies a command,
// `b` bookmarks the open section, `[` `]` previous/next section, Alt+1…4
// switch views, Ctrl+, opens the settings. Keys typed into a
// text field are left alone (and so is anything during IME composition).
import { emit } from './events.js';
import { copyFocusedCommand, step, toggleCurrentBookmark } from './reader.js';
import { openSettings } from './settings.js';

const VIEWS = ['sections', 'timeline', 'bookmarks', 'commands'];

function typing(e) {
  const t = e.target;
  return t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t.isContentEditable;
}

/** Installs the global key handler. */
export function initKeys() {
  document.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return;
    const search = document.getElementById('search');
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      search.focus();
      search.select();
      e.preventDefault();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === ',') {
      openSettings();
      e.preventDefault();
      return;
    }
    if (e.altKey && /^[1-4]$/.test(e.key)) {
      emit('view', { view: VIEWS[Number(e.key) - 1] });
      e.preventDefault();
      return;
    }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    const actions = {
      '/': () => { search.focus(); search.select(); },
      c: copyFocusedCommand,
      b: toggleCurrentBookmark,
      '[': () => step('prev'),
      ']': () => step('next'),
    };
    const action = actions[e.key];
    if (action) {
      action();
      e.preventDefault();
    }
  });
}
