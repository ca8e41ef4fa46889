// Search as you type: owns the search box and the results panel.
// IME-safe: results are searched on `input` (composition included) but a
// partial syllable never empties the list, and Enter/arrows do nothing while
// a composition is open (WebKit reports keyCode 229 without isComposing).
import { search } from './api.js';
import { bookmarkOf } from './bookmarks.js';
import { el, formatDuration, listScroll, status } from './dom.js';
import { EVENTS, emit, listen } from './events.js';
import { KeyedList, setText } from './keyed_list.js';
import { latest } from './latest.js';
import { sameSnippet, snippetFragment } from './snippet.js';

// Rows per keystroke: a screenful and a half. Each row costs a snippet in the
// backend and layout here, on every keystroke; refining the query beats
// scrolling a long list.
const SHOWN = 20;

const input = () => document.getElementById('search');
const panel = () => document.getElementById('panel-results');

let seq = 0;
let selected = -1;
let composing = false;
let lastQuery = '';
let pendingIndex = false;
let onlyBookmarked = false;
let lastResults = null;
let rows = [];
// The results panel's kept parts (resultsPanel).
let panelParts = null;
// When the oldest keystroke not yet sent to a search happened (for the
// `pilgi:keystroke-to-results` performance measure the benchmarks read): a
// run answers the keystrokes typed before it started; keystrokes typed
// while it is in flight wait for the next run and are measured there.
let typedAt = null;

/** The text currently searched for (the reader marks it). */
export const currentQuery = () => lastQuery;

/** Runs the current query again (after notes changed or the index got ready). */
export function rerun() {
  if (input().value.trim()) run(input().value);
}

/** Wires the search box. */
export function initSearch() {
  const box = input();
  box.addEventListener('compositionstart', () => { composing = true; });
  box.addEventListener('compositionend', () => { composing = false; typed(); });
  box.addEventListener('input', typed);
  box.addEventListener('keydown', onKey);
  listen(EVENTS.BOOKMARKS, ({ ids }) => {
    const on = new Set(ids);
    for (const row of rows) row.classList.toggle('bookmarked', on.has(row.dataset.id));
  });
  listen(EVENTS.SEARCH, ({ text }) => {
    box.value = text;
    box.focus();
    run(text);
  });
}

const runLatest = latest(() => run(input().value));

function typed() {
  typedAt ??= performance.now();
  runLatest();
}

/** Records how long the oldest keystroke a run answers waited for its list
 *  to be built, and for the frame that shows it to be rendered (the task
 *  after that frame). */
function measureTyping(start) {
  if (start === null) return;
  performance.measure('pilgi:keystroke-to-list', { start });
  requestAnimationFrame(() => setTimeout(() => performance.measure('pilgi:keystroke-to-results', { start })));
}

async function run(text) {
  const query = text.trim();
  const mine = ++seq;
  const since = typedAt;
  typedAt = null;
  if (!query) {
    clear();
    return;
  }
  let results;
  const asked = performance.now();
  try {
    results = await search(query, SHOWN);
    performance.measure('pilgi:search-ipc', { start: asked });
  } catch (e) {
    if (mine !== seq) return;
    pendingIndex = e.kind === 'indexing';
    status(pendingIndex ? 'Indexing your notes…' : e.message);
    return;
  }
  if (mine !== seq) return; // a newer keystroke already asked
  if (composing && results.hits.length === 0 && panel().querySelector('.result-item')) return;
  lastQuery = query;
  const shown = performance.now();
  show(results);
  panel().dataset.query = query;
  performance.measure('pilgi:results-dom', { start: shown });
  measureTyping(since);
}

/** Called when the index becomes ready: runs a query typed meanwhile. */
export function indexReady() {
  if (pendingIndex) {
    pendingIndex = false;
    rerun();
  }
}

function show(results) {
  lastResults = results;
  const hits = onlyBookmarked ? results.hits.filter((h) => bookmarkOf(h.id)) : results.hits;
  const parts = resultsPanel();
  setText(parts.count, hits.length ? `${hits.length} result${hits.length > 1 ? 's' : ''}` : 'No results');
  setText(parts.interpretation, results.interpretations.length
    ? `showing results for ${results.interpretations.join(', ')}` : '');
  parts.interpretation.hidden = !results.interpretations.length;
  rows = parts.rows.render(hits);
  // The lists' test contract: the list's size, each row's place.
  parts.list.dataset.count = String(rows.length);
  rows.forEach((row, i) => { if (row.dataset.index !== String(i)) row.dataset.index = String(i); });
  selected = rows.length ? 0 : -1;
  parts.scroll.toTop();
  highlight(false);
  emit(EVENTS.VIEW, { view: 'results' });
  emit(EVENTS.RESULTS, { query: results.query, ids: hits.map((h) => h.id) });
  status(hits.length ? '↑↓ to choose, Enter to open, Esc to clear' : `Nothing matches “${results.query}”`);
}

/** The results panel's parts, built on first use and kept: a keystroke
 *  updates them rather than rebuilding the panel. */
function resultsPanel() {
  if (panelParts) return panelParts;
  const filter = el('label', { class: 'only-bookmarked' },
    el('input', { type: 'checkbox', 'data-testid': 'only-bookmarked' }), ' ★ only');
  filter.querySelector('input').addEventListener('change', (e) => {
    onlyBookmarked = e.target.checked;
    show(lastResults);
  });
  const count = el('span');
  const interpretation = el('span', { class: 'interpretation', 'data-testid': 'interpretation', hidden: true });
  const list = el('ol', { class: 'result-list', role: 'listbox' });
  panel().replaceChildren(el('div', { class: 'results-head' }, count, filter, interpretation), list);
  panelParts = {
    count,
    interpretation,
    list,
    scroll: listScroll(panel()),
    rows: new KeyedList(list, { key: (hit) => hit.id, create: resultItem, update: updateResultItem }),
  };
  return panelParts;
}

function resultItem(hit) {
  const item = el('li', {
    class: 'result-item', 'data-testid': 'result-item', role: 'option', dataset: { id: hit.id },
  },
  el('div', { class: 'result-title' },
    el('span', { class: 'num' }), el('span', { class: 'title' }), el('span', { class: 'dur' })),
  el('div', { class: 'result-path', 'data-testid': 'result-path' }),
  el('div', { class: 'snippet' }, snippetFragment(hit.snippet)));
  fillResultTitle(item, hit);
  item.addEventListener('click', () => {
    selected = rows.indexOf(item);
    highlight(false);
    open();
  });
  return item;
}

function updateResultItem(item, hit, previous) {
  fillResultTitle(item, hit);
  if (!sameSnippet(hit.snippet, previous.snippet)) {
    item.querySelector('.snippet').replaceChildren(snippetFragment(hit.snippet));
  }
}

/** Number, title, duration and bookmark mark: they change with the notes
 *  and bookmarks, not with the query. */
function fillResultTitle(item, hit) {
  const [num, title, dur] = item.firstChild.children;
  setText(num, hit.number ?? '·');
  setText(title, hit.title);
  setText(dur, hit.duration_seconds != null ? formatDuration(hit.duration_seconds) : '');
  // Where a heading section sits: its note and the headings above it.
  const path = item.children[1];
  const trail = hit.path?.length ? [hit.file, ...hit.path].join(' › ') : '';
  setText(path, trail);
  path.hidden = !trail;
  item.classList.toggle('bookmarked', Boolean(bookmarkOf(hit.id)));
}

/** Marks the selected row; `reveal` scrolls it into view (arrow keys). */
function highlight(reveal) {
  rows.forEach((item, i) => {
    item.classList.toggle('selected', i === selected);
    if (i === selected) {
      item.setAttribute('aria-selected', 'true');
      if (reveal) panelParts.scroll.reveal(item);
    } else item.removeAttribute('aria-selected');
  });
}

function open() {
  const item = rows[selected];
  if (item) emit(EVENTS.OPEN, { id: item.dataset.id, query: lastQuery });
}

function onKey(e) {
  if (e.isComposing || e.keyCode === 229) return;
  const n = rows.length;
  if (e.key === 'ArrowDown' && n) {
    selected = (selected + 1) % n;
    highlight(true);
    e.preventDefault();
  } else if (e.key === 'ArrowUp' && n) {
    selected = (selected - 1 + n) % n;
    highlight(true);
    e.preventDefault();
  } else if (e.key === 'Enter') {
    if (input().value.trim() && input().value.trim() !== lastQuery) {
      run(input().value).then(open);
    } else open();
    e.preventDefault();
  } else if (e.key === 'Escape') {
    input().value = '';
    clear();
    e.preventDefault();
  }
}

function clear() {
  seq++;
  typedAt = null;
  lastQuery = '';
  selected = -1;
  rows = panelParts ? panelParts.rows.render([]) : [];
  delete panel().dataset.query;
  emit(EVENTS.RESULTS, { query: '', ids: [] });
  emit(EVENTS.VIEW, { view: 'back' });
}
