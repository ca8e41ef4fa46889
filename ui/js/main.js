// Boots the UI and wires the feature modules together through small DOM
// events (see events.js). Redraws in place what changed when the notes
// folder changes on disk.
import { APP_EVENTS, getTimeline, on } from './api.js';
import { refreshBookmarks } from './bookmarks.js';
import { renderCommands } from './commands.js';
import { status } from './dom.js';
import { EVENTS, emit, listen } from './events.js';
import { initKeys } from './keys.js';
import { initProgress } from './progress.js';
import { markPainted, measured } from './perf.js';
import { lastOpened, openSection } from './reader.js';
import { indexReady, initSearch, rerun } from './search.js';
import { refreshReview } from './review.js';
import { renderSections } from './sections.js';
import { refreshStudy } from './study.js';
import { STATE, get } from './store.js';
import { initTimeline, renderTimeline } from './timeline.js';
import { initSettings } from './settings.js';
import { initViews } from './views.js';

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

async function boot() {
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
  on(APP_EVENTS.INDEX_FAILED, (message) => status(`Search is unavailable: ${message}`));
  on(APP_EVENTS.NOTES_CHANGED, async (change) => {
    await reload(change);
    const id = get(STATE.OPEN);
    if (id) await openSection(id, get(STATE.QUERY), { keepScroll: true });
    status('Notes updated');
    // For the benchmarks: when the window had caught up with the edit.
    markPainted('notes-updated');
  });
  // The index follows the notes a moment later: search again with it.
  on(APP_EVENTS.INDEX_SYNCED, (sync) => {
    rerun();
    if (!sync.ok) status(`Notes updated; search index: ${sync.message}`);
  });
  try {
    const timeline = await load();
    status(`${timeline.sections.length} sections`);
    const last = lastOpened();
    if (last && timeline.sections.some((s) => s.id === last)) await openSection(last);
    document.body.dataset.ready = 'true';
  } catch (e) {
    status(`Could not load notes: ${e.message}`);
  }
}

boot();
