// The sidebar: four tabbed views plus the search results, one visible at a
// time. Search results take over the sidebar while a query is active; Esc
// (the `back` view) returns to the tab that was open.
import { listen } from './events.js';

const TABS = ['sections', 'timeline', 'bookmarks', 'commands'];
let current = 'sections';

/** Wires the tab buttons and the `pilgi:view` event. */
export function initViews() {
  for (const button of document.querySelectorAll('.tabs [data-view]')) {
    button.addEventListener('click', () => show(button.dataset.view));
  }
  listen('view', ({ view }) => show(view === 'back' ? current : view));
}

/** Shows one view. */
export function show(view) {
  if (TABS.includes(view)) current = view;
  for (const panel of document.querySelectorAll('.sidebar .panel')) {
    panel.hidden = panel.id !== `panel-${view}`;
  }
  for (const button of document.querySelectorAll('.tabs [data-view]')) {
    button.setAttribute('aria-selected', String(button.dataset.view === view));
  }
}
