// The Timeline view: the course as a vertical track whose segment heights
// follow the durations, with cumulative time labels, kinds in color, and
// the current search's hits lit up; below it, the notes without durations
// (a Markdown vault) by day, each saying where its date came from.
import { bookmarkMarks } from './bookmarks.js';
import { el, formatDuration, Marks } from './dom.js';
import { emit, listen } from './events.js';

const PX_PER_MINUTE = 6;
const MIN_PX = 22;
const panel = () => document.getElementById('panel-timeline');
const hits = new Marks((item, on) => item.classList.toggle('hit', on));
const current = new Marks((item, on) => item.classList.toggle('current', on));
const bookmarked = bookmarkMarks();

/** Renders the timeline. */
export function renderTimeline(timeline) {
  const items = timeline.sections.filter((s) => s.timed).map((s) => {
    const minutes = (s.duration_seconds ?? 0) / 60;
    const item = el('li', {
      class: `timeline-item kind-${s.kind}`, 'data-testid': 'timeline-item', tabindex: '0',
      dataset: { id: s.id }, title: `${s.title} — ${s.kind.replace('_', ' ')}`,
    },
    el('span', { class: 'at' }, formatDuration(s.start_seconds)),
    el('span', { class: 'bar' }),
    el('span', { class: 'label' },
      el('span', { class: 'num' }, s.number ?? '·'), ' ', s.title,
      el('span', { class: 'dur' }, s.duration_seconds == null ? '' : formatDuration(s.duration_seconds))));
    item.style.minHeight = `${Math.max(MIN_PX, Math.round(minutes * PX_PER_MINUTE))}px`;
    item.addEventListener('click', () => emit('open', { id: s.id }));
    item.addEventListener('keydown', (e) => onKey(e, item));
    return item;
  });
  const byId = new Map(items.map((item) => [item.dataset.id, item]));
  hits.reset(byId);
  current.reset(byId);
  bookmarked.reset(byId);
  const legend = el('div', { class: 'legend' },
    ['lecture', 'demo', 'practice_test', 'solution', 'other'].map((k) =>
      el('span', { class: `chip kind-${k}` }, k.replace('_', ' '))));
  const track = items.length === 0 ? [] : [
    legend,
    el('ol', { class: 'timeline', 'data-testid': 'timeline' }, items),
    el('div', { class: 'timeline-end' }, `${formatDuration(timeline.total_seconds)} in all`)];
  panel().replaceChildren(...track, ...dayList(timeline.days));
}

const BASIS = { front_matter: 'date in front matter', file_name: 'date in file name', modified: 'file modified' };

/** The notes without durations, grouped by day, newest first. */
function dayList(days) {
  if (days.length === 0) return [];
  return [
    el('h2', { class: 'days-title' }, 'Notes by date'),
    el('ol', { class: 'days', 'data-testid': 'days' }, days.map((day) =>
      el('li', { class: 'day' },
        el('h3', { class: 'day-date' }, day.date),
        el('ul', {}, day.notes.map((n) => {
          const item = el('li', {
            class: 'day-item', 'data-testid': 'day-item', tabindex: '0', dataset: { id: n.id },
          },
          el('span', { class: 'title' }, n.title),
          el('span', { class: 'file' }, n.file),
          el('span', { class: 'basis', title: 'where the date came from' }, BASIS[n.basis]));
          item.addEventListener('click', () => emit('open', { id: n.id }));
          item.addEventListener('keydown', (e) => onKey(e, item));
          return item;
        }))))),
  ];
}

function onKey(e, item) {
  const step = { ArrowDown: 'nextElementSibling', ArrowUp: 'previousElementSibling' }[e.key];
  if (step && item[step]) {
    item[step].focus();
    e.preventDefault();
  } else if (e.key === 'Enter') {
    emit('open', { id: item.dataset.id });
  }
}

/** Lights up search hits and marks the open section. */
export function initTimeline() {
  listen('results', ({ ids }) => {
    panel().querySelector('.timeline')?.classList.toggle('searching', ids.length > 0);
    hits.set(ids);
  });
  listen('open', ({ id }) => current.set([id]));
}
