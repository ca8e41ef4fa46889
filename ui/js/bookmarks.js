// Bookmarks: the Bookmarks view (suggestions first, then by label), the
// star and editor on the open section, `b` to toggle, and the bookmarked
// marks on the other views (the BOOKMARKS state, store.js).
import {
  acceptSuggestion, dismissSuggestion, listBookmarks, removeBookmark, saveBookmark, toggleBookmark,
} from './api.js';
import { el, Marks, status } from './dom.js';
import { EVENTS, emit } from './events.js';
import { t } from './i18n.js';
import { labelName, sectionName } from './names.js';
import { STATE, get, set, subscribe } from './store.js';
import { VirtualList } from './virtual_list.js';

const LABELS = ['confusing', 'review', 'exam-tip'];
const panel = () => document.getElementById('panel-bookmarks');
// Row heights in pixels (app.css lays each kind out to fit; a memo shows
// two lines at most, a suggested line one).
const HEIGHT = { notice: 44, group: 34, suggestion: 92, bookmark: 76, memo: 38, empty: 44 };
let list = null;
// The last view drawn, as JSON: a change is announced by the backend and
// redrawn here too, and the notes reloading redraws it again; an unchanged
// view is not drawn twice.
let drawn = null;

/** Loads bookmarks and suggestions and, when they changed, redraws the
 *  view and sets the BOOKMARKS state. */
export async function refreshBookmarks() {
  let view;
  try {
    view = await listBookmarks();
  } catch (e) {
    drawn = null;
    showRows([{ kind: 'notice', text: e.message }]);
    return;
  }
  const json = JSON.stringify(view);
  if (json === drawn) return;
  drawn = json;
  set(STATE.BOOKMARKS, new Map(view.bookmarks.filter((b) => b.section).map((b) => [b.section.id, b])));
  showRows([
    ...view.notices.map((n) => ({ kind: 'notice', text: recovered(n) })),
    ...suggestionRows(view.suggestions),
    ...labelRows(view.bookmarks),
    ...(view.bookmarks.length ? []
      : [{ kind: 'empty', text: t('bookmarks-empty') }]),
  ]);
}

/** What a repair of the bookmarks file says (its reason comes from the
 *  Rust side, already in the interface's language). */
function recovered(n) {
  const said = n.restored_from_backup
    ? t('bookmarks-recovered-backup', { reason: n.reason })
    : t('bookmarks-recovered', { reason: n.reason });
  return n.set_aside ? `${said} ${t('bookmarks-set-aside', { file: n.set_aside })}` : said;
}

/** Shows the rows, drawn as a window of the whole list (a big vault can
 *  suggest thousands of sections). */
function showRows(rows) {
  if (!list) {
    list = new VirtualList({
      height: (row) => HEIGHT[row.kind] + (row.kind === 'bookmark' && row.b.memo ? HEIGHT.memo : 0),
      render: renderRow,
      focusable: (row) => row.kind === 'bookmark' || row.kind === 'suggestion',
      text: (row) => row.section?.title ?? '',
      activate: (row) => row.section && emit(EVENTS.OPEN, { id: row.section.id }),
      label: t('bookmarks-list'),
      testid: 'bookmarks',
    });
    panel().replaceChildren(list.element);
  }
  list.show(rows);
}

function suggestionRows(suggestions) {
  if (!suggestions.length) return [];
  return [
    { kind: 'group', title: t('bookmarks-suggested', { count: suggestions.length }) },
    ...suggestions.map((s) => ({ kind: 'suggestion', s, section: s.section })),
  ];
}

function labelRows(bookmarks) {
  const groups = new Map(LABELS.map((l) => [l, []]));
  for (const b of bookmarks) {
    if (!groups.has(b.label)) groups.set(b.label, []);
    groups.get(b.label).push(b);
  }
  return [...groups].filter(([, rows]) => rows.length).flatMap(([label, rows]) => [
    { kind: 'group', title: `${labelName(label)} (${rows.length})` },
    ...rows.map((b) => ({ kind: 'bookmark', b, section: b.section })),
  ]);
}

function renderRow(row) {
  switch (row.kind) {
    case 'group':
      return el('h2', { class: 'bm-group-title file-name', role: 'presentation' }, row.title);
    case 'suggestion':
      return suggestionItem(row.s);
    case 'bookmark':
      return bookmarkItem(row.b);
    default:
      return el('p', { class: row.kind === 'notice' ? 'notice' : 'hint', role: 'listitem' }, row.text);
  }
}

function suggestionItem(s) {
  const accept = el('button', { class: 'small', type: 'button', 'data-testid': 'accept-suggestion' }, t('bookmarks-accept'));
  const dismiss = el('button', { class: 'small ghost', type: 'button' }, t('bookmarks-dismiss'));
  accept.addEventListener('click', () => act(acceptSuggestion(s.section.id)));
  dismiss.addEventListener('click', () => act(dismissSuggestion(s.section.id)));
  return el('div', { class: 'bm-item suggestion', 'data-testid': 'suggestion', role: 'listitem' },
    sectionLine(s.section),
    el('q', { class: 'bm-line', title: s.line }, s.line),
    el('div', { class: 'bm-actions' }, accept, dismiss));
}

function sectionLine(section, fallbackTitle) {
  const line = el('button', { class: 'bm-title', type: 'button', disabled: !section },
    section ? sectionName(section.number, section.title) : fallbackTitle);
  if (section) line.addEventListener('click', () => emit(EVENTS.OPEN, { id: section.id }));
  return line;
}

function bookmarkItem(b) {
  const badge = b.status === 'ok' ? null : el('span', { class: `badge ${b.status}` }, statusName(b.status));
  const remove = el('button', {
    class: 'small ghost', type: 'button', 'aria-label': t('bookmarks-remove-label'),
  }, t('bookmarks-remove'));
  remove.addEventListener('click', () => act(removeBookmark(b.id)));
  return el('div', { class: 'bm-item', 'data-testid': 'bookmark-item', role: 'listitem', dataset: { id: b.section?.id ?? b.id } },
    el('div', { class: 'bm-head' }, sectionLine(b.section, b.anchor.title), badge),
    b.memo ? el('p', { class: 'bm-memo-text', title: b.memo }, b.memo) : null,
    el('div', { class: 'bm-actions' }, remove));
}

/** Where a bookmark stands now that its section moved or went. */
function statusName(status) {
  switch (status) {
    case 'moved': return t('bookmark-moved');
    case 'orphaned': return t('bookmark-orphaned');
    default: return status;
  }
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
  const b = get(STATE.BOOKMARKS).get(sectionId);
  const star = el('button', {
    class: `star${b ? ' on' : ''}`, type: 'button', 'data-testid': 'bookmark-toggle',
    'aria-pressed': String(Boolean(b)), title: t('bookmark-toggle-title'),
  }, b ? t('bookmark-on') : t('bookmark-off'));
  star.addEventListener('click', () => toggle(sectionId));
  if (!b) return el('div', { class: 'bm-controls' }, star);
  const label = el('select', { class: 'bm-label', 'aria-label': t('bookmark-label'), 'data-testid': 'bookmark-label' },
    [...new Set([...LABELS, b.label])].map((l) => el('option', { value: l, selected: l === b.label }, labelName(l))));
  const memo = el('textarea', {
    class: 'bm-memo', rows: '2', placeholder: t('bookmark-memo-placeholder'), 'aria-label': t('bookmark-memo'),
    'data-testid': 'bookmark-memo',
  });
  memo.value = b.memo;
  const save = () => act(saveBookmark(sectionId, label.value, memo.value));
  label.addEventListener('change', save);
  memo.addEventListener('change', save);
  return el('div', { class: 'bm-controls' }, star, label, memo);
}

/** Toggles the bookmark of a section (`b`). */
export async function toggle(sectionId) {
  try {
    const on = await toggleBookmark(sectionId);
    status(on ? t('status-bookmarked') : t('status-bookmark-removed'));
  } catch (e) {
    status(e.message);
  }
  await refreshBookmarks();
}

/** The bookmarked marks of a long list (Sections, Timeline), kept in step
 *  with the bookmarks: a change touches only the drawn rows whose mark
 *  changes. The list attaches its rows and paints each one it draws. */
export function bookmarkMarks() {
  const marks = new Marks((item, on) => item.classList.toggle('bookmarked', on));
  subscribe(STATE.BOOKMARKS, (bookmarks) => marks.set(bookmarks.keys()));
  return marks;
}
