// Boots the UI: loads the timeline, wires the views together through
// small DOM events (`pilgi:open` opens a section).
import { getTimeline } from './api.js';
import { status } from './dom.js';
import { openSection } from './reader.js';
import { markCurrent, renderSections } from './sections.js';

async function boot() {
  document.addEventListener('pilgi:open', async (e) => {
    await openSection(e.detail.id);
    markCurrent(e.detail.id);
  });
  try {
    const timeline = await getTimeline();
    renderSections(timeline);
    status(`${timeline.sections.length} sections`);
    document.body.dataset.ready = 'true';
  } catch (e) {
    status(`Could not load notes: ${e.message}`);
  }
}

boot();
