// The Timeline view: the course as a vertical track whose segment heights
// follow the durations, with cumulative time labels, kinds in color, and
// the current search's hits lit up; below it, the notes without durations
// (a Markdown vault) by day, each saying where its date came from. Each
// row carries its study marks (study.js): the timeline is a study map. One
// list of rows of known height, drawn as a window (virtual_list.js).
import { bookmarkMarks } from './bookmarks.js';
import { el, formatDuration, Marks } from './dom.js';
import { EVENTS, emit } from './events.js';
import { duration, t } from './i18n.js';
import { kindName } from './names.js';
import { STATE, get, subscribe } from './store.js';
import { studyMarks } from './study.js';
import { VirtualList } from './virtual_list.js';

const PX_PER_MINUTE = 6;
const MIN_PX = 22;
const KINDS = ['lecture', 'demo', 'practice_test', 'solution', 'other'];
// Heights in pixels of the rows that are not a timed section.
const HEIGHT = { legend: 36, end: 36, days: 44, day: 32, note: 26 };

const hits = new Marks((row, on) => row.classList.toggle('hit', on));
const current = new Marks((row, on) => row.classList.toggle('current', on));
const bookmarked = bookmarkMarks();
let list = null;
let shown = [];

/** Renders the timeline. */
export function renderTimeline(timeline) {
  if (!list) {
    list = new VirtualList({
      height: (row) => row.height,
      render: renderRow,
      key: (row) => row.id,
      focusable: (row) => row.id !== undefined,
      text: (row) => row.title ?? '',
      activate: (row) => emit(EVENTS.OPEN, { id: row.id }),
      label: t('timeline-list'),
      testid: 'timeline',
      className: 'timeline',
    });
    document.getElementById('panel-timeline').replaceChildren(list.element);
    for (const marks of [hits, current, bookmarked]) marks.attach((id) => list.elementOf(id));
  }
  shown = rows(timeline);
  list.show(shown);
}

/** The course track (legend, timed sections, total), then the notes by day. */
function rows(timeline) {
  const out = [];
  const timed = timeline.sections.filter((s) => s.timed);
  if (timed.length) {
    out.push({ kind: 'legend', height: HEIGHT.legend });
    for (const s of timed) {
      const minutes = (s.duration_seconds ?? 0) / 60;
      out.push({
        kind: 'section', s, id: s.id, title: s.title,
        height: Math.max(MIN_PX, Math.round(minutes * PX_PER_MINUTE)),
      });
    }
    out.push({ kind: 'end', total: timeline.total_seconds, height: HEIGHT.end });
  }
  if (timeline.days.length) {
    out.push({ kind: 'days', height: HEIGHT.days });
    for (const day of timeline.days) {
      out.push({ kind: 'day', date: day.date, height: HEIGHT.day });
      for (const n of day.notes) out.push({ kind: 'note', n, id: n.id, title: n.title, height: HEIGHT.note });
    }
  }
  return out;
}

function renderRow(row) {
  switch (row.kind) {
    case 'legend':
      return el('div', { class: 'legend', role: 'presentation' },
        KINDS.map((k) => el('span', { class: `chip kind-${k}` }, kindName(k))));
    case 'end':
      return el('div', { class: 'timeline-end', role: 'listitem' }, t('timeline-total', { duration: duration(row.total) }));
    case 'days':
      return el('h2', { class: 'days-title' }, t('timeline-by-date'));
    case 'day':
      return el('h3', { class: 'day-date' }, row.date);
    case 'note':
      return dayItem(row.n);
    default:
      return timelineItem(row.s);
  }
}

function timelineItem(s) {
  const item = el('div', {
    class: `timeline-item kind-${s.kind}`, 'data-testid': 'timeline-item', role: 'listitem',
    dataset: { id: s.id }, title: `${s.title} — ${kindName(s.kind)}`,
  },
  el('span', { class: 'at' }, formatDuration(s.start_seconds)),
  el('span', { class: 'bar' }),
  el('span', { class: 'label' },
    el('span', { class: 'num' }, s.number ?? '·'), ' ', s.title,
    el('span', { class: 'dur' }, s.duration_seconds == null ? '' : formatDuration(s.duration_seconds))),
  studyMarks(get(STATE.STUDY).get(s.id)));
  item.addEventListener('click', () => emit(EVENTS.OPEN, { id: s.id }));
  for (const marks of [hits, current, bookmarked]) marks.paint(item, s.id);
  return item;
}

function dayItem(n) {
  const item = el('div', {
    class: 'day-item', 'data-testid': 'day-item', role: 'listitem', dataset: { id: n.id },
  },
  el('span', { class: 'title' }, n.title),
  el('span', { class: 'file' }, n.file),
  el('span', { class: 'basis', title: t('timeline-basis-title') }, basisName(n.basis)),
  studyMarks(get(STATE.STUDY).get(n.id)));
  item.addEventListener('click', () => emit(EVENTS.OPEN, { id: n.id }));
  current.paint(item, n.id);
  return item;
}

/** Where a note's date came from. */
function basisName(basis) {
  switch (basis) {
    case 'front_matter': return t('timeline-basis-front-matter');
    case 'file_name': return t('timeline-basis-file-name');
    default: return t('timeline-basis-modified');
  }
}

/** Lights up search hits and marks the open section. */
export function initTimeline() {
  subscribe(STATE.RESULTS, ({ ids }) => {
    list?.element.classList.toggle('searching', ids.length > 0);
    hits.set(ids);
  });
  subscribe(STATE.OPEN, (id) => current.set([id]));
  // Rare (a first open, a grade): the drawn window is drawn again.
  subscribe(STATE.STUDY, () => list?.show(shown));
}
