// The progress of reading and indexing a big notes folder (a first launch
// on a vault of thousands of notes takes seconds): a bar above the status
// line, from the backend's `index-progress` events, gone once search is
// ready. The element keeps the last stage it showed (`data-stage`).
import { APP_EVENTS, getProgress, on } from './api.js';

const STAGE = { reading: 'Reading notes', indexing: 'Indexing', saving: 'Saving the index' };

/** Subscribes to the backend's progress (and shows where it is now). */
export function initProgress() {
  const box = document.getElementById('progress');
  const fill = box.querySelector('.progress-fill');
  const text = box.querySelector('.progress-text');
  const show = (p) => {
    const sections = p.sections_total ? `${p.sections_done} / ${p.sections_total} sections`
      : `${p.sections_done} sections`;
    const share = p.files_total ? p.files_done / p.files_total : 0;
    box.hidden = false;
    box.dataset.stage = p.stage;
    box.setAttribute('aria-valuenow', String(Math.round(share * 100)));
    box.setAttribute('aria-valuetext', `${STAGE[p.stage]}: ${p.files_done} of ${p.files_total} files`);
    fill.style.width = `${(share * 100).toFixed(1)}%`;
    text.textContent = p.stage === 'saving' ? `${STAGE.saving} · ${sections}…`
      : `${STAGE[p.stage]} · ${p.files_done} / ${p.files_total} files · ${sections} · ${p.file}`;
    text.title = p.file;
  };
  on(APP_EVENTS.INDEX_PROGRESS, show);
  const done = () => { box.hidden = true; };
  on(APP_EVENTS.INDEX_READY, done);
  on(APP_EVENTS.INDEX_FAILED, done);
  // The work may have started before this page listened.
  getProgress().then((p) => p && show(p), () => {});
}
