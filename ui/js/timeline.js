// The Timeline view: the whole course as a vertical track whose segment
// heights follow the durations, with cumulative time labels, kinds in
// color, and the current search's hits lit up.
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
  const items = timeline.sections.map((s) => {
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
  panel().replaceChildren(
    legend,
    el('ol', { class: 'timeline', 'data-testid': 'timeline' }, items),
    el('div', { class: 'timeline-end' }, `${formatDuration(timeline.total_seconds)} in all`));
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
