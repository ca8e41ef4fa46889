// Boots the UI and wires the feature modules together through small DOM
// events (see events.js). Reloads everything in place when the notes
// folder changes on disk.
import { APP_EVENTS, getTimeline, on } from './api.js';
import { refreshBookmarks } from './bookmarks.js';
import { renderCommands } from './commands.js';
import { status } from './dom.js';
import { EVENTS, emit, listen } from './events.js';
import { initKeys } from './keys.js';
import { initProgress } from './progress.js';
import { currentId, lastOpened, openSection } from './reader.js';
import { currentQuery, indexReady, initSearch, rerun } from './search.js';
import { markCurrent, renderSections } from './sections.js';
import { initTimeline, renderTimeline } from './timeline.js';
import { initSettings } from './settings.js';
import { initViews } from './views.js';

/** Loads the notes into every view. Each step is measured for the
 *  benchmarks (`pilgi:load-*`). */
async function load() {
  const step = async (name, work) => {
    const start = performance.now();
    const done = await work();
    performance.measure(`pilgi:load-${name}`, { start });
    return done;
  };
  const timeline = await step('timeline', getTimeline);
  await step('lists', () => {
    renderSections(timeline);
    renderTimeline(timeline);
  });
  await step('commands', renderCommands);
  await step('bookmarks', refreshBookmarks);
  return timeline;
}

async function boot() {
  initViews();
  initSearch();
  initTimeline();
  initKeys();
  initSettings();
  initProgress();
  listen(EVENTS.OPEN, async ({ id, query }) => {
    if (await openSection(id, query ?? currentQuery())) markCurrent(id);
  });
  on(APP_EVENTS.INDEX_READY, indexReady);
  on(APP_EVENTS.BOOKMARKS_CHANGED, refreshBookmarks);
  on(APP_EVENTS.OPEN_SECTION, (id) => emit(EVENTS.OPEN, { id }));
  on(APP_EVENTS.INDEX_FAILED, (message) => status(`Search is unavailable: ${message}`));
  on(APP_EVENTS.NOTES_CHANGED, async () => {
    await load();
    const id = currentId();
    if (id && await openSection(id, currentQuery(), { keepScroll: true })) markCurrent(id);
    status('Notes updated');
    // For the benchmarks: when the window had caught up with the edit.
    requestAnimationFrame(() => setTimeout(() => performance.mark('pilgi:notes-updated')));
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
    if (last && timeline.sections.some((s) => s.id === last)) {
      await openSection(last);
      markCurrent(last);
    }
    document.body.dataset.ready = 'true';
  } catch (e) {
    status(`Could not load notes: ${e.message}`);
  }
}

boot();
