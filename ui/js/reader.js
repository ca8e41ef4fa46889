// The reader: one rendered section at a time, with the search terms marked,
// copy buttons on commands, clickable glossary terms and tags, and
// previous/next. A Markdown section is shown in its whole note, scrolled to
// and lit up, with the note's outline and the notes that link to it; links
// between notes open here, links to the web in the browser, never in the
// window.
import { getSection, openExternal } from './api.js';
import { bookmarkControls, toggle } from './bookmarks.js';
import { cardsBox } from './cards.js';
import { copy } from './copy.js';
import { el, formatDuration, status } from './dom.js';
import { EVENTS, emit } from './events.js';
import { keyHints, t, withKeys } from './i18n.js';
import { kindName } from './names.js';
import { parseFragment } from './safe_html.js';
import { STATE, get, set, subscribe } from './store.js';
import { opened } from './study.js';

const reader = () => document.getElementById('reader');
const LAST_KEY = 'pilgi.lastSection';
let current = null;
// The latest open asked for wins: an earlier one that answers later (a
// bigger note, or a live reload's re-open) must not replace it.
let latestOpen = 0;

/** Opens a section (and sets the OPEN state); `keepScroll` keeps the
 *  reader's position (live reload). */
export async function openSection(id, query, { keepScroll = false } = {}) {
  const ticket = ++latestOpen;
  let view;
  try {
    view = await getSection(id, query);
  } catch (e) {
    if (ticket === latestOpen) status(e.message);
    return false;
  }
  if (ticket !== latestOpen) return false;
  const scroll = reader().scrollTop;
  current = view;
  const s = view.section;
  const header = el('header', { class: 'reader-head' },
    el('div', { class: 'meta' },
      el('span', { class: `kind kind-${s.kind}` }, kindName(view.whole_note ? 'note' : s.kind)),
      s.duration_seconds == null ? null : el('span', { class: 'dur' }, formatDuration(s.duration_seconds)),
      s.preview ? el('span', { class: 'preview' }, t('reader-preview')) : null,
      el('span', { class: 'file' }, `${s.file}:${s.line_start}`)),
    trail(view),
    view.warnings.length
      ? el('p', { class: 'note-warnings', 'data-testid': 'note-warnings' }, view.warnings.join(' · '))
      : null,
    el('h1', {}, s.number == null ? '' : el('span', { class: 'num' }, `${s.number}.`), ' ', view.whole_note ? view.note_title : s.title),
    bookmarkSlot(s.id));
  const body = el('div', { class: 'reader-body' }, parseFragment(view.html));
  const footer = el('footer', { class: 'reader-nav' },
    navButton(view.prev, t('reader-previous'), 'prev'), navButton(view.next, t('reader-next'), 'next'));
  const cards = el('div', { class: 'cards-slot' });
  reader().replaceChildren(...[header, cards, outline(view), body, backlinks(view), footer].filter(Boolean));
  reader().dataset.sectionId = s.id;
  cardsBox(s.id).then((box) => {
    if (box && current === view) cards.replaceChildren(box);
  });
  opened(s.id);
  wire(body);
  // A note that opens with its `# Title`: the header already says it.
  const opening = view.whole_note ? body.querySelector('section[data-level="1"]:first-child > h1:first-child') : null;
  if (opening && opening.textContent.trim() === view.note_title.trim()) opening.hidden = true;
  const target = view.whole_note ? body.querySelector(`[data-section-id="${CSS.escape(s.id)}"]`) : null;
  if (target) target.classList.add('current-section');
  if (keepScroll) reader().scrollTop = scroll;
  else if (target && target !== body.querySelector('[data-section-id]')) target.scrollIntoView({ block: 'start' });
  else reader().scrollTop = 0;
  localStorage.setItem(LAST_KEY, s.id);
  set(STATE.OPEN, s.id);
  return true;
}

/** Where the open heading sits in its note (`디플로이먼트 › 롤백`). */
function trail(view) {
  const s = view.section;
  const parts = [view.note_title, ...(s.path ?? []), s.title].filter((t, i, all) => i === 0 || t !== all[i - 1]);
  if (!view.whole_note || parts.length < 2) return null;
  return el('p', { class: 'trail', 'data-testid': 'reader-trail' }, parts.join(' › '));
}

/** A Markdown note's headings, the open one marked, each opening its
 *  section. */
function outline(view) {
  if (!view.whole_note || view.outline.length < 2) return null;
  return el('details', { class: 'outline', 'data-testid': 'outline', open: view.outline.length <= 30 },
    el('summary', {}, t('reader-outline', { count: view.outline.length })),
    el('ol', {}, view.outline.map((h) => {
      const item = el('li', { class: h.id === view.section.id ? 'current' : '' }, noteLink(h.id, h.title));
      item.style.paddingLeft = `${Math.max(0, h.level - 1) * 12}px`;
      return item;
    })));
}

/** The sections of other notes that link to this one. */
function backlinks(view) {
  if (!view.backlinks.length) return null;
  return el('section', { class: 'backlinks', 'data-testid': 'backlinks' },
    el('h2', {}, t('reader-backlinks', { count: view.backlinks.length })),
    el('ul', {}, view.backlinks.map((b) => el('li', {}, noteLink(b.id, b.title), ' ', el('span', { class: 'file' }, b.file)))));
}

function noteLink(id, title) {
  const a = el('a', { class: 'note-link', href: '#', dataset: { target: id } }, title);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    emit(EVENTS.OPEN, { id });
  });
  return a;
}

/** The star/editor slot of the reader header, remembering what it shows. */
function bookmarkSlot(id) {
  const b = get(STATE.BOOKMARKS).get(id);
  return el('div', { class: 'bm-slot', dataset: { state: JSON.stringify(b ? [b.label, b.memo] : null) } },
    bookmarkControls(id));
}

/** The reader before a section is open: how to start, and the keys. */
export function showEmpty() {
  reader().replaceChildren(el('div', { class: 'empty' },
    el('p', {}, withKeys('reader-empty-start', { slash: '/' })),
    el('p', { class: 'keys' }, keyHints('reader-empty-keys', {
      up: '↑', down: '↓', enter: t('key-enter'), esc: t('key-esc'), copy: 'c', prev: '[', next: ']',
      alt: t('key-alt'), first: '1', last: '5',
    }))));
}

/** The section open when the app was last closed. */
export const lastOpened = () => localStorage.getItem(LAST_KEY);

function navButton(target, label, rel) {
  const b = el('button', { class: 'nav-btn', type: 'button', disabled: !target, rel }, label);
  b.addEventListener('click', () => target && emit(EVENTS.OPEN, { id: target }));
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
    if (term) emit(EVENTS.SEARCH, { text: term.classList.contains('tag') ? term.textContent : term.textContent.trim() });
    // Links in notes never navigate the app away: a note link opens its
    // section here, a web link the system browser.
    const link = e.target.closest('a');
    if (!link) return;
    e.preventDefault();
    if (link.dataset.target) emit(EVENTS.OPEN, { id: link.dataset.target });
    else if (link.dataset.footnote) document.getElementById(link.dataset.footnote)?.scrollIntoView({ block: 'center' });
    else if (link.dataset.external) openExternal(link.dataset.external).catch((err) => status(err.message));
    else if (link.classList.contains('unresolved')) status(link.title || t('reader-link-unresolved'));
  });
  // An image the app will not serve (too large, gone) shows its alt text.
  for (const img of body.querySelectorAll('img')) {
    img.addEventListener('error', () => {
      img.replaceWith(el('span', { class: 'image-refused', title: t('reader-image-refused') }, img.alt || t('reader-image')));
    }, { once: true });
  }
  for (const b of body.querySelectorAll('button.copy[data-copy]')) b.setAttribute('data-testid', 'copy-command');
}

/** Copies the focused command (in the reader or the Commands view), or
 *  the first one in the open section (`c`). */
export function copyFocusedCommand() {
  const focused = document.activeElement?.closest?.('.command, .command-item');
  const block = focused ?? reader().querySelector('.command');
  const button = block?.querySelector('button.copy[data-copy]');
  if (button) copy(button.dataset.copy, button);
  else status(t('reader-no-command'));
}

/** Toggles the open section's bookmark (`b`). */
export function toggleCurrentBookmark() {
  if (current) toggle(current.section.id);
}

// Bookmarks changed (here, in the CLI, anywhere): redraw the star/editor
// when this section's bookmark really changed, unless the user is typing
// its memo (a redraw would take the text box away mid-word). A click on the
// star itself leaves the focus on it: the new star takes it over.
subscribe(STATE.BOOKMARKS, (bookmarks) => {
  const slot = reader().querySelector('.bm-slot');
  if (!slot || !current) return;
  const focused = slot.contains(document.activeElement) ? document.activeElement : null;
  if (focused?.matches('textarea')) return;
  const b = bookmarks.get(current.section.id);
  const state = JSON.stringify(b ? [b.label, b.memo] : null);
  if (slot.dataset.state !== state) {
    slot.dataset.state = state;
    slot.replaceChildren(bookmarkControls(current.section.id));
    if (focused) slot.querySelector(`[data-testid="${focused.dataset.testid}"]`)?.focus();
  }
});

/** Goes to the previous or next section (`[` / `]`). */
export function step(rel) {
  const target = rel === 'prev' ? current?.prev : current?.next;
  if (target) emit(EVENTS.OPEN, { id: target });
}
