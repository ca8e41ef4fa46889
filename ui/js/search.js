// Search as you type: owns the search box and the results panel.
// IME-safe: results are searched on `input` (composition included) but a
// partial syllable never empties the list, and Enter/arrows do nothing while
// a composition is open. Sets the QUERY and RESULTS state (store.js).
import { search } from './api.js';
import { composing, el, formatDuration, listScroll, status } from './dom.js';
import { EVENTS, emit, listen } from './events.js';
import { t } from './i18n.js';
import { KeyedList, setText } from './keyed_list.js';
import { latest } from './latest.js';
import { measure, measurePainted } from './perf.js';
import { Selection } from './selection.js';
import { sameSnippet, snippetFragment } from './snippet.js';
import { STATE, get, set, subscribe } from './store.js';

// Rows per keystroke: a screenful and a half. Each row costs a snippet in the
// backend and layout here, on every keystroke; refining the query beats
// scrolling a long list.
const SHOWN = 20;

const input = () => document.getElementById('search');
const panel = () => document.getElementById('panel-results');

let seq = 0;
// An IME composition is open in the box.
let inComposition = false;
let pendingIndex = false;
let onlyBookmarked = false;
let lastResults = null;
// The results panel's kept parts (resultsPanel).
let panelParts = null;
// When the oldest keystroke not yet sent to a search happened (for the
// `pilgi:keystroke-to-results` performance measure the benchmarks read): a
// run answers the keystrokes typed before it started; keystrokes typed
// while it is in flight wait for the next run and are measured there.
let typedAt = null;

/** Runs the current query again (after notes changed or the index got ready). */
export function rerun() {
  if (input().value.trim()) run(input().value);
}

/** Wires the search box. */
export function initSearch() {
  const box = input();
  box.addEventListener('compositionstart', () => { inComposition = true; });
  box.addEventListener('compositionend', () => { inComposition = false; typed(); });
  box.addEventListener('input', typed);
  box.addEventListener('keydown', onKey);
  subscribe(STATE.BOOKMARKS, (bookmarks) => {
    if (!panelParts) return;
    for (const row of panelParts.selection.rows) row.classList.toggle('bookmarked', bookmarks.has(row.dataset.id));
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
  measure('keystroke-to-list', start);
  measurePainted('keystroke-to-results', start);
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
    measure('search-ipc', asked);
  } catch (e) {
    if (mine !== seq) return;
    pendingIndex = e.kind === 'indexing';
    status(pendingIndex ? t('search-indexing') : e.message);
    return;
  }
  if (mine !== seq) return; // a newer keystroke already asked
  if (inComposition && results.hits.length === 0 && panel().querySelector('.result-item')) return;
  set(STATE.QUERY, query);
  const shown = performance.now();
  show(results);
  panel().dataset.query = query;
  measure('results-dom', shown);
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
  const bookmarks = get(STATE.BOOKMARKS);
  const hits = onlyBookmarked ? results.hits.filter((h) => bookmarks.has(h.id)) : results.hits;
  const parts = resultsPanel();
  setText(parts.count, t('search-count', { count: hits.length }));
  setText(parts.interpretation, results.interpretations.length
    ? t('search-interpretation', { terms: results.interpretations.join(', ') }) : '');
  parts.interpretation.hidden = !results.interpretations.length;
  showPartial(parts.partial, results.partial);
  const rows = parts.rows.render(hits);
  // The lists' test contract: the list's size, each row's place.
  parts.list.dataset.count = String(rows.length);
  rows.forEach((row, i) => { if (row.dataset.index !== String(i)) row.dataset.index = String(i); });
  parts.selection.show(rows);
  emit(EVENTS.VIEW, { view: 'results' });
  set(STATE.RESULTS, { query: results.query, ids: hits.map((h) => h.id) });
  status(hits.length ? t('search-keys') : t('search-nothing', { query: results.query }));
}

/** Says when the results come from an index still being built (its
 *  checkpoints: `partial` counts what they hold); the query runs again
 *  once the index is whole. */
function showPartial(box, partial) {
  box.hidden = !partial;
  if (!partial) return;
  pendingIndex = true;
  setText(box, t('search-partial', { indexed: partial.sections_indexed, total: partial.sections_total }));
}

/** The results panel's parts, built on first use and kept: a keystroke
 *  updates them rather than rebuilding the panel. */
function resultsPanel() {
  if (panelParts) return panelParts;
  const filter = el('label', { class: 'only-bookmarked' },
    el('input', { type: 'checkbox', 'data-testid': 'only-bookmarked' }), ' ', t('search-only-bookmarked'));
  filter.querySelector('input').addEventListener('change', (e) => {
    onlyBookmarked = e.target.checked;
    show(lastResults);
  });
  const count = el('span');
  const interpretation = el('span', { class: 'interpretation', 'data-testid': 'interpretation', hidden: true });
  const partial = el('span', { class: 'partial', 'data-testid': 'partial', hidden: true });
  const list = el('ol', { class: 'result-list', role: 'listbox' });
  panel().replaceChildren(
    el('div', { class: 'results-head' }, count, filter, interpretation, partial), list);
  const scroll = listScroll(panel());
  panelParts = {
    count,
    interpretation,
    partial,
    list,
    selection: new Selection(scroll),
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
    panelParts.selection.pick(item);
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
  item.classList.toggle('bookmarked', get(STATE.BOOKMARKS).has(hit.id));
}

function open() {
  const item = panelParts?.selection.current;
  if (item) emit(EVENTS.OPEN, { id: item.dataset.id, query: get(STATE.QUERY) });
}

function onKey(e) {
  if (composing(e) || panelParts?.selection.key(e)) return;
  if (e.key === 'Enter') {
    const text = input().value.trim();
    if (text && text !== get(STATE.QUERY)) run(text).then(open);
    else open();
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
  set(STATE.QUERY, '');
  panelParts?.selection.show(panelParts.rows.render([]));
  delete panel().dataset.query;
  set(STATE.RESULTS, { query: '', ids: [] });
  emit(EVENTS.VIEW, { view: 'back' });
}
