// The Sections panel: every section, grouped by file, in course order.
import { bookmarkMarks } from './bookmarks.js';
import { el, formatDuration, Marks } from './dom.js';
import { emit } from './events.js';

const panel = () => document.getElementById('panel-sections');
const current = new Marks((item, on) => {
  item.classList.toggle('current', on);
  if (on) item.setAttribute('aria-selected', 'true');
  else item.removeAttribute('aria-selected');
});
const bookmarked = bookmarkMarks();

/** Renders the list from the timeline; clicking an item emits `pilgi:open`. */
export function renderSections(timeline) {
  const byFile = new Map();
  for (const s of timeline.sections) {
    if (!byFile.has(s.file)) byFile.set(s.file, []);
    byFile.get(s.file).push(s);
  }
  const byId = new Map();
  const groups = [...byFile].map(([file, sections]) =>
    el('section', { class: 'file-group' },
      el('h2', { class: 'file-name' }, file),
      el('ol', { class: 'section-list' }, sections.map((s) => {
        const item = sectionItem(s);
        byId.set(s.id, item);
        return item;
      }))));
  current.reset(byId);
  bookmarked.reset(byId);
  panel().replaceChildren(...groups);
}

function sectionItem(s) {
  const item = el('li', {
    class: `section-item kind-${s.kind}`, 'data-testid': 'section-item', role: 'option',
    tabindex: '0', dataset: { id: s.id },
  },
  el('span', { class: 'num' }, s.number ?? '·'),
  el('span', { class: 'title' }, s.title),
  el('span', { class: 'dur' }, s.duration_seconds == null ? '' : formatDuration(s.duration_seconds)));
  const open = () => emit('open', { id: s.id });
  item.addEventListener('click', open);
  item.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
  return item;
}

/** Marks the open section in the list. */
export function markCurrent(id) {
  current.set([id]);
}
