// The Commands view: every shell command in the notes, each once however
// many notes write it, filtered as you type with the same analysis as the
// section search (so `taint`, `테인트` or `ㅅ먀ㅜㅅ` all find `k taint …`).
// A row shows the command, a copy button, what the note said before it and
// its best section; "N places" unfolds the places it is written (the first
// hundred). Drawn as
// a window of the whole list (virtual_list.js); Enter or `c` copies.
import { listCommands } from './api.js';
import { copy } from './copy.js';
import { composing, el, status } from './dom.js';
import { EVENTS, emit } from './events.js';
import { t, ungrouped } from './i18n.js';
import { latest } from './latest.js';
import { sectionName } from './names.js';
import { VirtualList } from './virtual_list.js';

// Row geometry in pixels (app.css lays the rows out to fit): a command row
// is its code's lines (wrapped at the width of the list, monospace) plus
// the context and "where" lines; a place row is one line.
const LINE = 18;
const CHROME = 6 + 22 + 6 + 6; // padding above, the "where" line, padding below, gap
const PLACE = 26;
const CODE_INSET = 12 + 10 + 64; // the list's side margins, the row's padding, the copy button

const panel = () => document.getElementById('panel-commands');
let filter = null;
let hint = null;
let list = null;
let hits = [];
let unfolded = new Set();
let charWidth = 0;
let seq = 0;

/** Builds the view (once) and shows the commands for the current filter. */
export async function renderCommands() {
  if (!filter) build();
  await draw();
}

function build() {
  filter = el('input', {
    class: 'filter', type: 'text', role: 'searchbox', placeholder: t('commands-filter'),
    'aria-label': t('commands-filter'), 'data-testid': 'command-filter',
  });
  const redraw = latest(draw);
  filter.addEventListener('input', redraw);
  filter.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && filter.value && !composing(e)) {
      filter.value = '';
      redraw();
      e.preventDefault();
    } else if (e.key === 'ArrowDown' && !composing(e) && hits.length) {
      list.focus(0);
      e.preventDefault();
    }
  });
  hint = el('p', { class: 'hint', hidden: true }, t('commands-none'));
  list = new VirtualList({
    height,
    render: (row) => (row.place ? placeItem(row) : row.more ? moreItem(row) : commandItem(row.hit)),
    text: (row) => (row.place || row.more ? '' : row.hit.command.text),
    focusable: (row) => !row.more,
    activate: (row, i) => (row.place ? emit(EVENTS.OPEN, { id: row.place.section.id }) : copyRow(row, i)),
    widthChanged: () => { charWidth = 0; },
    label: t('commands-list'),
    testid: 'commands',
  });
  panel().replaceChildren(filter, hint, list.element);
}

async function draw() {
  const mine = ++seq;
  let found;
  try {
    found = await listCommands(filter.value.trim());
  } catch (e) {
    status(e.message);
    return;
  }
  if (mine !== seq) return; // a newer keystroke already asked
  hits = found;
  hint.hidden = hits.length > 0;
  list.show(rows());
}

/** Each command, followed by its places when it is unfolded. */
function rows() {
  const out = [];
  for (const hit of hits) {
    out.push({ hit });
    if (hit.uses > 1 && unfolded.has(hit.command.text)) {
      for (const place of hit.places) out.push({ place, hit });
      if (hit.uses > hit.places.length) out.push({ more: hit.uses - hit.places.length, hit });
    }
  }
  return out;
}

function height(row) {
  if (row.place || row.more) return PLACE;
  const c = row.hit.command;
  return CHROME + LINE * (codeLines(c.text) + (c.context ? 1 : 0));
}

/** How many lines the code takes, wrapped at the list's width (every
 *  character breaks, as in `word-break: break-all`; Hangul and other wide
 *  characters take two columns). */
function codeLines(text) {
  const columns = Math.max(10, Math.floor((list.element.clientWidth - CODE_INSET) / measureChar()));
  let lines = 0;
  for (const line of text.split('\n')) {
    let width = 0;
    for (const ch of line) width += ch.codePointAt(0) >= 0x1100 ? 2 : 1;
    lines += Math.max(1, Math.ceil(width / columns));
  }
  return lines;
}

/** The width of one character of the code font (measured once it shows). */
function measureChar() {
  if (charWidth) return charWidth;
  const probe = el('code', { class: 'probe' }, 'x'.repeat(100));
  list.element.append(probe);
  const w = probe.getBoundingClientRect().width / 100;
  probe.remove();
  if (w > 0) charWidth = w;
  return w || 7.5;
}

function commandItem(hit) {
  const c = hit.command;
  const button = el('button', {
    class: 'copy', type: 'button', 'data-testid': 'copy-command', 'aria-label': t('commands-copy-label', { command: c.text }),
    tabindex: '-1', dataset: { copy: c.text },
  }, t('copy-button'));
  button.addEventListener('click', () => copy(c.text, button));
  const where = el('button', { class: 'place-title', type: 'button', tabindex: '-1' },
    sectionName(hit.section.number, hit.section.title));
  where.addEventListener('click', () => emit(EVENTS.OPEN, { id: c.section }));
  const more = hit.uses > 1 ? placesToggle(hit) : null;
  return el('div', { class: 'command-item', 'data-testid': 'command-item', role: 'listitem', dataset: { command: c.text } },
    el('code', {}, c.text),
    button,
    c.context ? el('div', { class: 'context' }, c.context) : null,
    el('div', { class: 'where' }, where, more));
}

function placesToggle(hit) {
  const key = hit.command.text;
  const open = unfolded.has(key);
  const toggle = el('button', {
    class: 'places-toggle', type: 'button', tabindex: '-1', 'aria-expanded': String(open),
    'data-testid': 'command-places',
  }, `${t('commands-places', { count: ungrouped(hit.uses) })} ${open ? '▾' : '▸'}`);
  toggle.addEventListener('click', () => {
    if (open) unfolded.delete(key);
    else unfolded.add(key);
    list.show(rows());
  });
  return toggle;
}

function placeItem({ place }) {
  const item = el('div', { class: 'place-item', 'data-testid': 'command-place', role: 'listitem', title: place.context },
    el('span', { class: 'title' }, sectionName(place.section.number, place.section.title)),
    el('span', { class: 'file' }, `${place.section.file}:${place.line}`));
  item.addEventListener('click', () => emit(EVENTS.OPEN, { id: place.section.id }));
  return item;
}

function moreItem({ more }) {
  return el('div', { class: 'place-item more', role: 'listitem' }, t('commands-more', { count: ungrouped(more) }));
}

function copyRow(row, i) {
  copy(row.hit.command.text, list.element.querySelector(`[data-index="${i}"] button.copy`));
}
