// The sidebar: five tabbed views plus the search results. Search results
// cover the open tab while a query is active; Esc (the `back` view) uncovers
// it again.
import { EVENTS, listen } from './events.js';
import { measurePainted } from './perf.js';

const TABS = ['sections', 'timeline', 'bookmarks', 'commands', 'review'];
let current = 'sections';
// Looked up once: a query over the whole document walks every section.
let tabButtons = [];

/** Wires the tab buttons and the `pilgi:view` event. */
export function initViews() {
  tabButtons = [...document.querySelectorAll('.tabs [data-view]')];
  for (const button of tabButtons) {
    button.addEventListener('click', () => {
      const start = performance.now();
      show(button.dataset.view);
      // For the benchmarks: click → the frame showing the view.
      measurePainted('view-switch', start);
    });
  }
  listen(EVENTS.VIEW, ({ view }) => show(view === 'back' ? current : view));
}

/** The tab shown (under the search results, if they cover it). */
export const currentView = () => current;

/** Shows one view. Search results cover the open tab rather than replace
 *  it: hiding a list of thousands of sections and showing it again costs
 *  hundreds of milliseconds, far more than a keystroke may take. */
export function show(view) {
  if (TABS.includes(view)) current = view;
  reveal(document.getElementById('panel-results'), view === 'results');
  for (const tab of TABS) reveal(document.getElementById(`panel-${tab}`), tab === current);
  for (const button of tabButtons) {
    const selected = String(button.dataset.view === view);
    if (button.getAttribute('aria-selected') !== selected) button.setAttribute('aria-selected', selected);
  }
}

function reveal(panel, shown) {
  if (panel.hidden === shown) panel.hidden = !shown;
}
