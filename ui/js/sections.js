// The Sections panel: the notes folder as a tree (folders, then files that
// open into their heading outline), every section in course order.
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
  // A big vault starts folded: files open on click (or when a section of
  // theirs is opened); a few files start open.
  const open = byFile.size <= FOLD_ABOVE;
  const groups = [];
  let folder = null;
  for (const [file, sections] of byFile) {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    if (dir !== folder && dir) groups.push(el('h2', { class: 'folder-name' }, `${dir}/`));
    folder = dir;
    groups.push(el('details', { class: 'file-group', open, dataset: { file } },
      el('summary', { class: 'file-name' }, file.slice(slash + 1),
        el('span', { class: 'count' }, String(sections.length))),
      el('ol', { class: 'section-list' }, sections.map((s) => {
        const item = sectionItem(s);
        byId.set(s.id, item);
        return item;
      }))));
  }
  current.reset(byId);
  bookmarked.reset(byId);
  panel().replaceChildren(...groups);
}

const FOLD_ABOVE = 12;

function sectionItem(s) {
  const item = el('li', {
    class: `section-item kind-${s.kind}`, 'data-testid': 'section-item', role: 'option',
    tabindex: '0', dataset: { id: s.id },
  },
  el('span', { class: 'num' }, s.number ?? '·'),
  el('span', { class: 'title' }, s.title),
  el('span', { class: 'dur' }, s.duration_seconds == null ? '' : formatDuration(s.duration_seconds)));
  // A heading's place in its note's outline.
  if (s.level > 1) item.style.paddingLeft = `${(s.level - 1) * 14}px`;
  const open = () => emit('open', { id: s.id });
  item.addEventListener('click', open);
  item.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
  return item;
}

/** Marks the open section in the list. */
export function markCurrent(id) {
  current.set([id]);
  const group = panel().querySelector(`.section-item[data-id="${CSS.escape(id)}"]`)?.closest('details');
  if (group) group.open = true;
}
