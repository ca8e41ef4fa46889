// The progress of reading and indexing a big notes folder (a first launch
// on a vault of thousands of notes takes seconds): a bar above the status
// line, from the backend's `index-progress` events, gone once search is
// ready. The element keeps the last stage it showed (`data-stage`).
import { APP_EVENTS, getProgress, on } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';

/** What the backend is doing, as the bar says it. */
function stageName(stage) {
  switch (stage) {
    case 'reading': return t('progress-reading');
    case 'indexing': return t('progress-indexing');
    default: return t('progress-saving');
  }
}

/** Subscribes to the backend's progress (and shows where it is now). */
export function initProgress() {
  const box = document.getElementById('progress');
  const fill = box.querySelector('.progress-fill');
  const text = box.querySelector('.progress-text');
  const show = (p) => {
    const sections = p.sections_total
      ? t('progress-sections-of', { done: p.sections_done, total: p.sections_total })
      : t('progress-sections', { count: p.sections_done });
    const stage = stageName(p.stage);
    const share = p.files_total ? p.files_done / p.files_total : 0;
    box.hidden = false;
    box.dataset.stage = p.stage;
    box.setAttribute('aria-valuenow', String(Math.round(share * 100)));
    box.setAttribute('aria-valuetext', t('progress-value', { stage, done: p.files_done, total: p.files_total }));
    fill.style.width = `${(share * 100).toFixed(1)}%`;
    // The counts wrap if they must; the file's path (the user's, and long)
    // is cut to its line.
    if (p.stage === 'saving') text.replaceChildren(`${stage} · ${sections}…`);
    else {
      text.replaceChildren([stage, t('progress-files', { done: p.files_done, total: p.files_total }), sections].join(' · '),
        el('span', { class: 'progress-file', title: p.file }, p.file));
    }
  };
  on(APP_EVENTS.INDEX_PROGRESS, show);
  const done = () => { box.hidden = true; };
  on(APP_EVENTS.INDEX_READY, done);
  on(APP_EVENTS.INDEX_FAILED, done);
  // The work may have started before this page listened.
  getProgress().then((p) => p && show(p), () => {});
}
