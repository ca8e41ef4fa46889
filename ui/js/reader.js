// The reader: one rendered section at a time, with the search terms marked,
// copy buttons on commands, clickable glossary terms and tags, and
// previous/next.
import { getSection } from './api.js';
import { bookmarkControls, bookmarkOf, toggle } from './bookmarks.js';
import { copy } from './copy.js';
import { el, formatDuration, status } from './dom.js';
import { emit, listen } from './events.js';
import { parseFragment } from './safe_html.js';

const reader = () => document.getElementById('reader');
const LAST_KEY = 'pilgi.lastSection';
let current = null;

/** The id of the open section, if any. */
export const currentId = () => current?.section.id ?? null;

/** Opens a section; `keepScroll` keeps the reader's position (live reload). */
export async function openSection(id, query, { keepScroll = false } = {}) {
  let view;
  try {
    view = await getSection(id, query);
  } catch (e) {
    status(e.message);
    return false;
  }
  const scroll = reader().scrollTop;
  current = view;
  const s = view.section;
  const header = el('header', { class: 'reader-head' },
    el('div', { class: 'meta' },
      el('span', { class: `kind kind-${s.kind}` }, s.kind.replace('_', ' ')),
      s.duration_seconds == null ? null : el('span', { class: 'dur' }, formatDuration(s.duration_seconds)),
      s.preview ? el('span', { class: 'preview' }, 'Preview') : null,
      el('span', { class: 'file' }, `${s.file}:${s.line_start}`)),
    el('h1', {}, s.number == null ? '' : el('span', { class: 'num' }, `${s.number}.`), ' ', s.title),
    bookmarkSlot(s.id));
  const body = el('div', { class: 'reader-body' }, parseFragment(view.html));
  const footer = el('footer', { class: 'reader-nav' },
    navButton(view.prev, '← Previous', 'prev'), navButton(view.next, 'Next →', 'next'));
  reader().replaceChildren(header, body, footer);
  reader().dataset.sectionId = s.id;
  wire(body);
  reader().scrollTop = keepScroll ? scroll : 0;
  localStorage.setItem(LAST_KEY, s.id);
  return true;
}

/** The star/editor slot of the reader header, remembering what it shows. */
function bookmarkSlot(id) {
  const b = bookmarkOf(id);
  return el('div', { class: 'bm-slot', dataset: { state: JSON.stringify(b ? [b.label, b.note] : null) } },
    bookmarkControls(id));
}

/** The section open when the app was last closed. */
export const lastOpened = () => localStorage.getItem(LAST_KEY);

function navButton(target, label, rel) {
  const b = el('button', { class: 'nav-btn', type: 'button', disabled: !target, rel }, label);
  b.addEventListener('click', () => target && emit('open', { id: target }));
  return b;
}

function wire(body) {
  for (const block of body.querySelectorAll('.command')) block.tabIndex = 0;
  body.addEventListener('click', (e) => {
    const button = e.target.closest('button.copy[data-copy]');
    if (button) {
      button.setAttribute('data-testid', 'copy-command');
      copy(button.dataset.copy, button);
      return;
    }
    const term = e.target.closest('[data-term], .tag');
    if (term) emit('search', { text: term.classList.contains('tag') ? term.textContent : term.textContent.trim() });
    // Links in notes never navigate the app away.
    if (e.target.closest('a')) e.preventDefault();
  });
  for (const b of body.querySelectorAll('button.copy[data-copy]')) b.setAttribute('data-testid', 'copy-command');
}

/** Copies the focused command, or the first one in the section (`c`). */
export function copyFocusedCommand() {
  const focused = document.activeElement?.closest?.('.command');
  const block = focused ?? reader().querySelector('.command');
  const button = block?.querySelector('button.copy[data-copy]');
  if (button) copy(button.dataset.copy, button);
  else status('No command in this section');
}

/** Toggles the open section's bookmark (`b`). */
export function toggleCurrentBookmark() {
  if (current) toggle(current.section.id);
}

// Bookmarks changed (here, in the CLI, anywhere): redraw the star/editor,
// but only when this section's bookmark really changed and the user is not
// typing in it (refreshes arrive more than once per change).
listen('bookmarks', () => {
  const slot = reader().querySelector('.bm-slot');
  if (!slot || !current || slot.contains(document.activeElement)) return;
  const b = bookmarkOf(current.section.id);
  const state = JSON.stringify(b ? [b.label, b.note] : null);
  if (slot.dataset.state !== state) {
    slot.dataset.state = state;
    slot.replaceChildren(bookmarkControls(current.section.id));
  }
});

/** Goes to the previous or next section (`[` / `]`). */
export function step(rel) {
  const target = rel === 'prev' ? current?.prev : current?.next;
  if (target) emit('open', { id: target });
}
