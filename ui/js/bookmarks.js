// Bookmarks: the Bookmarks view (suggestions first, then by label), the
// star and editor on the open section, `b` to toggle, and the bookmarked
// marks on the other views (via the `pilgi:bookmarks` event).
import {
  acceptSuggestion, dismissSuggestion, listBookmarks, removeBookmark, saveBookmark, toggleBookmark,
} from './api.js';
import { el, Marks, status } from './dom.js';
import { emit, listen } from './events.js';

const LABELS = ['confusing', 'review', 'exam-tip'];
const panel = () => document.getElementById('panel-bookmarks');
let byId = new Map();

/** The bookmark on a section, if any. */
export const bookmarkOf = (id) => byId.get(id);

/** Loads bookmarks and suggestions, redraws the view, tells the others. */
export async function refreshBookmarks() {
  let view;
  try {
    view = await listBookmarks();
  } catch (e) {
    panel().replaceChildren(el('p', { class: 'hint' }, e.message));
    return;
  }
  byId = new Map(view.bookmarks.filter((b) => b.section).map((b) => [b.section.id, b]));
  const parts = [
    ...view.notices.map((n) => el('p', { class: 'notice' },
      `Bookmarks were recovered${n.restored_from_backup ? ' from the backup' : ''}: ${n.reason}`
      + (n.set_aside ? ` (the damaged file is kept as ${n.set_aside})` : ''))),
    suggestionsBlock(view.suggestions),
    ...labelGroups(view.bookmarks),
    view.bookmarks.length ? null
      : el('p', { class: 'hint' }, 'No bookmarks yet. Press b on a section you found confusing.'),
  ];
  panel().replaceChildren(...parts.filter(Boolean));
  emit('bookmarks', { ids: [...byId.keys()] });
}

function suggestionsBlock(suggestions) {
  if (!suggestions.length) return null;
  return el('section', { class: 'bm-group suggestions' },
    el('h2', { class: 'file-name' }, `Suggested (${suggestions.length})`),
    suggestions.map((s) => {
      const accept = el('button', { class: 'small', type: 'button', 'data-testid': 'accept-suggestion' }, 'Bookmark');
      const dismiss = el('button', { class: 'small ghost', type: 'button' }, 'Dismiss');
      accept.addEventListener('click', () => act(acceptSuggestion(s.section.id)));
      dismiss.addEventListener('click', () => act(dismissSuggestion(s.section.id)));
      const item = el('div', { class: 'bm-item suggestion', 'data-testid': 'suggestion' },
        sectionLine(s.section),
        el('q', { class: 'bm-line' }, s.line),
        el('div', { class: 'bm-actions' }, accept, dismiss));
      return item;
    }));
}

function labelGroups(bookmarks) {
  const groups = new Map(LABELS.map((l) => [l, []]));
  for (const b of bookmarks) {
    if (!groups.has(b.label)) groups.set(b.label, []);
    groups.get(b.label).push(b);
  }
  return [...groups].filter(([, list]) => list.length).map(([label, list]) =>
    el('section', { class: 'bm-group' },
      el('h2', { class: 'file-name' }, `${label} (${list.length})`),
      list.map(bookmarkItem)));
}

function sectionLine(section, fallbackTitle) {
  const line = el('button', { class: 'bm-title', type: 'button', disabled: !section },
    section ? `${section.number == null ? '' : `${section.number}. `}${section.title}` : fallbackTitle);
  if (section) line.addEventListener('click', () => emit('open', { id: section.id }));
  return line;
}

function bookmarkItem(b) {
  const badge = b.status === 'ok' ? null : el('span', { class: `badge ${b.status}` }, b.status);
  const remove = el('button', { class: 'small ghost', type: 'button', 'aria-label': 'Remove bookmark' }, 'Remove');
  remove.addEventListener('click', () => act(removeBookmark(b.id)));
  return el('div', { class: 'bm-item', 'data-testid': 'bookmark-item', dataset: { id: b.section?.id ?? b.id } },
    el('div', { class: 'bm-head' }, sectionLine(b.section, b.anchor.title), badge),
    b.note ? el('p', { class: 'bm-note' }, b.note) : null,
    el('div', { class: 'bm-actions' }, remove));
}

async function act(promise) {
  try {
    await promise;
  } catch (e) {
    status(e.message);
  }
  // The backend also announces the change; redrawing here keeps the view
  // in step even if that event is missed.
  await refreshBookmarks();
}

/** The star and the label/memo editor for the open section. */
export function bookmarkControls(sectionId) {
  const b = bookmarkOf(sectionId);
  const star = el('button', {
    class: `star${b ? ' on' : ''}`, type: 'button', 'data-testid': 'bookmark-toggle',
    'aria-pressed': String(Boolean(b)), title: 'Bookmark this section (b)',
  }, b ? '★ Bookmarked' : '☆ Bookmark');
  star.addEventListener('click', () => toggle(sectionId));
  if (!b) return el('div', { class: 'bm-controls' }, star);
  const label = el('select', { class: 'bm-label', 'aria-label': 'Label', 'data-testid': 'bookmark-label' },
    [...new Set([...LABELS, b.label])].map((l) => el('option', { value: l, selected: l === b.label }, l)));
  const memo = el('textarea', {
    class: 'bm-memo', rows: '2', placeholder: '메모 · why was this confusing?', 'aria-label': 'Memo',
    'data-testid': 'bookmark-memo',
  });
  memo.value = b.note;
  const save = () => act(saveBookmark(sectionId, label.value, memo.value));
  label.addEventListener('change', save);
  memo.addEventListener('change', save);
  return el('div', { class: 'bm-controls' }, star, label, memo);
}

/** Toggles the bookmark of a section (`b`). */
export async function toggle(sectionId) {
  try {
    const on = await toggleBookmark(sectionId);
    status(on ? 'Bookmarked' : 'Bookmark removed');
  } catch (e) {
    status(e.message);
  }
  await refreshBookmarks();
}

/** The bookmarked marks of a long list (Sections, Timeline), kept in step
 *  with the bookmarks: a change touches only the rows whose mark changes,
 *  not every row of every list (tens of thousands at 10k sections). The
 *  list calls `reset(rowsById)` each time it renders. */
export function bookmarkMarks() {
  const marks = new Marks((item, on) => item.classList.toggle('bookmarked', on));
  listen('bookmarks', ({ ids }) => marks.set(ids));
  return marks;
}
