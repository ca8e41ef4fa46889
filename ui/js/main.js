// Boots the UI and wires the feature modules together through small DOM
// events (see events.js). Reloads everything in place when the notes
// folder changes on disk.
import { getTimeline, on } from './api.js';
import { refreshBookmarks } from './bookmarks.js';
import { renderCommands } from './commands.js';
import { status } from './dom.js';
import { emit, listen } from './events.js';
import { initKeys } from './keys.js';
import { initProgress } from './progress.js';
import { currentId, lastOpened, openSection } from './reader.js';
import { currentQuery, indexReady, initSearch, rerun, setTimeline } from './search.js';
import { markCurrent, renderSections } from './sections.js';
import { initTimeline, renderTimeline } from './timeline.js';
import { initSettings } from './settings.js';
import { initViews } from './views.js';

async function load() {
  const timeline = await getTimeline();
  renderSections(timeline);
  renderTimeline(timeline);
  setTimeline(timeline);
  await renderCommands();
  await refreshBookmarks();
  return timeline;
}

async function boot() {
  initViews();
  initSearch();
  initTimeline();
  initKeys();
  initSettings();
  initProgress();
  listen('open', async ({ id, query }) => {
    if (await openSection(id, query ?? currentQuery())) markCurrent(id);
  });
  on('index-ready', indexReady);
  on('bookmarks-changed', refreshBookmarks);
  on('open-section', (id) => emit('open', { id }));
  on('index-failed', (message) => status(`Search is unavailable: ${message}`));
  on('notes-changed', async (change) => {
    await load();
    const id = currentId();
    if (id && await openSection(id, currentQuery(), { keepScroll: true })) markCurrent(id);
    rerun();
    status(change.ok ? 'Notes updated' : `Notes updated; search index: ${change.message}`);
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
