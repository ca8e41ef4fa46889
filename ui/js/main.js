// Boots the UI and wires the feature modules together through small DOM
// events (see events.js). Redraws in place what changed when the notes
// folder changes on disk. Speaks the chosen language from the first frame
// (i18n.js), and a switch of language reloads the page keeping what the
// user had open.
import { APP_EVENTS, getTimeline, on } from './api.js';
import { refreshBookmarks } from './bookmarks.js';
import { renderCommands } from './commands.js';
import { status } from './dom.js';
import { EVENTS, emit, listen } from './events.js';
import { followLanguage, loadLanguage, t } from './i18n.js';
import { initKeys } from './keys.js';
import { initProgress } from './progress.js';
import { markPainted, measured } from './perf.js';
import { lastOpened, openSection, showEmpty } from './reader.js';
import { indexReady, initSearch, rerun } from './search.js';
import { refreshReview } from './review.js';
import { renderSections } from './sections.js';
import { refreshStudy } from './study.js';
import { STATE, get } from './store.js';
import { initTimeline, renderTimeline } from './timeline.js';
import { initSettings, openSettings, settingsOpen } from './settings.js';
import { currentView, initViews } from './views.js';

/** One step of loading, measured for the benchmarks (`pilgi:load-*`). */
const step = (name, work) => measured(`load-${name}`, work);

/** Loads the notes into every view. Each step is measured for the
 *  benchmarks (`pilgi:load-*`). */
async function load() {
  const timeline = await step('timeline', getTimeline);
  await step('study', refreshStudy);
  await step('lists', () => {
    renderSections(timeline);
    renderTimeline(timeline);
  });
  await step('commands', renderCommands);
  await step('bookmarks', refreshBookmarks);
  await step('review', refreshReview);
  return timeline;
}

/** Redraws what an edit changed (`change`: which of the views built from
 *  the notes' shape did): an edit of the text under a heading redraws none
 *  of them, only the open section (and the search, once the index has it). */
async function reload(change) {
  if (change.sections) {
    await load();
    return;
  }
  if (change.commands) await step('commands', renderCommands);
  if (change.suggestions) await step('bookmarks', refreshBookmarks);
}

// What a language switch's reload carries over (the open section is kept
// anyway, reader.js's lastOpened): the search, the view, the settings sheet.
const CARRIED = 'pilgi.carried';

/** Saves what the reload after a language switch puts back. */
function carry() {
  sessionStorage.setItem(CARRIED, JSON.stringify({
    query: document.getElementById('search').value, view: currentView(), settings: settingsOpen(),
  }));
}

/** What the page before this one carried over (once), or null. */
function carried() {
  const saved = sessionStorage.getItem(CARRIED);
  sessionStorage.removeItem(CARRIED);
  try {
    return saved ? JSON.parse(saved) : null;
  } catch {
    return null;
  }
}

async function boot() {
  await loadLanguage();
  const kept = carried();
  showEmpty();
  initViews();
  initSearch();
  initTimeline();
  initKeys();
  initSettings();
  initProgress();
  listen(EVENTS.OPEN, async ({ id, query }) => {
    await openSection(id, query ?? get(STATE.QUERY));
  });
  on(APP_EVENTS.SEARCH_READY, indexReady);
  on(APP_EVENTS.INDEX_READY, indexReady);
  on(APP_EVENTS.BOOKMARKS_CHANGED, () => {
    refreshBookmarks();
    refreshReview();
    refreshStudy();
  });
  on(APP_EVENTS.OPEN_SECTION, (id) => emit(EVENTS.OPEN, { id }));
  on(APP_EVENTS.INDEX_FAILED, (message) => status(t('status-search-unavailable', { message })));
  on(APP_EVENTS.NOTES_CHANGED, async (change) => {
    await reload(change);
    const id = get(STATE.OPEN);
    if (id) await openSection(id, get(STATE.QUERY), { keepScroll: true });
    status(t('status-notes-updated'));
    // For the benchmarks: when the window had caught up with the edit.
    markPainted('notes-updated');
  });
  // The index follows the notes a moment later: search again with it.
  on(APP_EVENTS.INDEX_SYNCED, (sync) => {
    rerun();
    if (!sync.ok) status(t('status-index-behind', { message: sync.message }));
  });
  followLanguage(carry);
  try {
    const timeline = await load();
    status(t('status-sections', { count: timeline.sections.length }));
    const last = lastOpened();
    if (last && timeline.sections.some((s) => s.id === last)) await openSection(last, kept?.query);
    if (kept) await restore(kept);
    document.body.dataset.ready = 'true';
  } catch (e) {
    status(t('status-load-failed', { message: e.message }));
  }
}

/** Puts back what a language switch carried over. */
async function restore({ query, view, settings }) {
  if (view) emit(EVENTS.VIEW, { view });
  if (query?.trim()) emit(EVENTS.SEARCH, { text: query });
  if (settings) await openSettings();
}

boot();
