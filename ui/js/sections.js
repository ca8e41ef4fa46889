// The Sections panel: the notes folder as a tree (folders, then files that
// open into their heading outline), every section in course order, drawn
// as a window of the whole tree (virtual_list.js). A filter narrows it to
// the sections bookmarked as confusing and not yet retained (study.js).
import { bookmarkMarks } from './bookmarks.js';
import { el, formatDuration, Marks } from './dom.js';
import { EVENTS, emit } from './events.js';
import { t } from './i18n.js';
import { STATE, get, subscribe } from './store.js';
import { needsWork, studyMarks } from './study.js';
import { VirtualList } from './virtual_list.js';

// Row heights in pixels (app.css lays each kind out to fit).
const HEIGHT = { folder: 30, file: 30, section: 30 };
// A big vault starts folded: files open on click (or when a section of
// theirs is opened); a few files start open.
const FOLD_ABOVE = 12;

const current = new Marks((row, on) => {
  row.classList.toggle('current', on);
  if (on) row.setAttribute('aria-selected', 'true');
  else row.removeAttribute('aria-selected');
});
const bookmarked = bookmarkMarks();
let list = null;
// The sections of each file, in course order, and which files are open.
let byFile = new Map();
let byId = new Map();
let openFiles = null;
// Whether only the confusing, not yet retained sections are shown.
let filtering = false;
let filter = null;

/** Renders the tree from the timeline; opening a section emits `pilgi:open`. */
export function renderSections(timeline) {
  list ??= createList();
  byFile = new Map();
  byId = new Map(timeline.sections.map((s) => [s.id, s]));
  for (const s of timeline.sections) {
    if (!byFile.has(s.file)) byFile.set(s.file, []);
    byFile.get(s.file).push(s);
  }
  // Kept across reloads (an edited note does not fold the tree).
  openFiles ??= new Set(byFile.size <= FOLD_ABOVE ? byFile.keys() : []);
  list.show(rows());
}

function createList() {
  const l = new VirtualList({
    height: (row) => HEIGHT[row.kind],
    render: renderRow,
    key: (row) => (row.kind === 'section' ? row.s.id : undefined),
    text: (row) => row.title,
    activate: (row) => (row.kind === 'section' ? open(row.s.id) : toggle(row)),
    keys: onKey,
    role: 'tree',
    label: t('sections-list'),
    testid: 'sections',
    className: 'tree',
  });
  filter = el('button', {
    type: 'button', class: 'small ghost filter', 'data-testid': 'filter-needs-work', 'aria-pressed': 'false',
    title: t('sections-filter-title'),
  });
  filter.addEventListener('click', () => {
    filtering = !filtering;
    filter.setAttribute('aria-pressed', String(filtering));
    list.show(rows());
  });
  document.getElementById('panel-sections').replaceChildren(el('div', { class: 'list-tools' }, filter), l.element);
  current.attach((id) => l.elementOf(id));
  bookmarked.attach((id) => l.elementOf(id));
  return l;
}

/** The tree as rows: folder, its files, each open file's sections (with
 *  the filter on, only the files holding a section left to work on, open). */
function rows() {
  const study = get(STATE.STUDY);
  const left = filtering ? (s) => needsWork(study.get(s.id)) : () => true;
  const shownFiles = new Map();
  for (const [file, sections] of byFile) {
    const shown = filtering ? sections.filter(left) : sections;
    if (shown.length) shownFiles.set(file, shown);
  }
  const count = [...study.values()].filter(needsWork).length;
  filter.textContent = t('sections-filter', { count });
  // Nothing to narrow to: a click would only blank the tree.
  filter.disabled = count === 0 && !filtering;
  const out = [];
  const folders = new Map();
  for (const file of shownFiles.keys()) {
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    if (!folders.has(dir)) folders.set(dir, []);
    folders.get(dir).push(file);
  }
  let folderAt = 0;
  for (const [dir, files] of folders) {
    if (dir) out.push({ kind: 'folder', title: `${dir}/`, level: 1, pos: ++folderAt, size: folders.size });
    const fileLevel = dir ? 2 : 1;
    files.forEach((file, k) => {
      const sections = shownFiles.get(file);
      const isOpen = filtering || openFiles.has(file);
      out.push({
        kind: 'file', file, title: file.slice(file.lastIndexOf('/') + 1), count: sections.length,
        open: isOpen, level: fileLevel, pos: k + 1, size: files.length,
      });
      if (isOpen) {
        sections.forEach((s, j) => out.push({
          kind: 'section', s, title: s.title, file, level: fileLevel + 1, pos: j + 1, size: sections.length,
        }));
      }
    });
  }
  return out;
}

function renderRow(row) {
  const tree = {
    role: 'treeitem', 'aria-level': String(row.level),
    'aria-posinset': String(row.pos), 'aria-setsize': String(row.size),
  };
  if (row.kind === 'folder') {
    return el('div', { class: 'tree-row folder-name', ...tree, title: row.title }, row.title);
  }
  if (row.kind === 'file') {
    const item = el('div', {
      class: 'tree-row file-name', ...tree, 'aria-expanded': String(row.open), dataset: { file: row.file },
      title: row.file,
    },
    el('span', { class: 'twisty', 'aria-hidden': 'true' }, row.open ? '▾' : '▸'),
    el('span', { class: 'title' }, row.title),
    el('span', { class: 'count' }, String(row.count)));
    item.addEventListener('click', () => toggle(row));
    return item;
  }
  const { s } = row;
  const item = el('div', {
    class: `tree-row section-item kind-${s.kind}`, 'data-testid': 'section-item', ...tree,
    dataset: { id: s.id }, title: s.title,
  },
  el('span', { class: 'num' }, s.number ?? '·'),
  el('span', { class: 'title' }, s.title),
  el('span', { class: 'dur' }, s.duration_seconds == null ? '' : formatDuration(s.duration_seconds)),
  studyMarks(get(STATE.STUDY).get(s.id)));
  // A heading's place in its note's outline.
  if (s.level > 1) item.style.paddingLeft = `${11 + (s.level - 1) * 14}px`;
  item.addEventListener('click', () => open(s.id));
  current.paint(item, s.id);
  bookmarked.paint(item, s.id);
  return item;
}

const open = (id) => emit(EVENTS.OPEN, { id });

/** Opens or folds a file's outline, keeping the focus on its row. */
function toggle(row, to = !row.open) {
  if (row.kind !== 'file' || row.open === to) return;
  if (to) openFiles.add(row.file);
  else openFiles.delete(row.file);
  list.show(rows());
}

/** The tree's keys: → opens a file (or steps into it), ← folds it (or
 *  steps out of a section to its file), Space toggles. */
function onKey(e, row) {
  if (row.kind === 'file' && (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === ' ')) {
    toggle(row, e.key === ' ' ? !row.open : e.key === 'ArrowRight');
    return true;
  }
  if (row.kind === 'section' && e.key === 'ArrowLeft') {
    list.focus(list.indexWhere((r) => r.kind === 'file' && r.file === row.file));
    return true;
  }
  return false;
}

/** Marks the open section in the tree, opening its file and scrolling it
 *  into view. */
function markCurrent(id) {
  current.set([id]);
  const section = byId.get(id);
  if (!section) return;
  if (!openFiles.has(section.file)) {
    openFiles.add(section.file);
    list.show(rows());
  }
  list.reveal(list.indexWhere((r) => r.kind === 'section' && r.s.id === id));
}

subscribe(STATE.OPEN, (id) => { if (list) markCurrent(id); });
subscribe(STATE.STUDY, () => list?.show(rows()));
