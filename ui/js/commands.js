// The Commands view: every shell command in the notes, grouped by section,
// filtered as you type with the same analysis as the section search
// (so `taint`, `테인트` or `ㅅ먀ㅜㅅ` all find `k taint …`), each with a
// copy button.
import { listCommands } from './api.js';
import { copy } from './copy.js';
import { el, status } from './dom.js';
import { emit } from './events.js';
import { latest } from './latest.js';

const panel = () => document.getElementById('panel-commands');
let filter = null;
let seq = 0;

/** Builds the view (once) and shows the commands for the current filter. */
export async function renderCommands() {
  if (!filter) {
    filter = el('input', {
      class: 'filter', type: 'text', role: 'searchbox', placeholder: 'Filter commands · 명령어 찾기', 'aria-label': 'Filter commands',
      'data-testid': 'command-filter',
    });
    const redraw = latest(draw);
    filter.addEventListener('input', redraw);
    filter.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && filter.value && !e.isComposing) {
        filter.value = '';
        redraw();
        e.preventDefault();
      }
    });
    panel().replaceChildren(filter, el('div', { class: 'command-groups' }));
  }
  await draw();
}

async function draw() {
  const mine = ++seq;
  let hits;
  try {
    hits = await listCommands(filter.value.trim());
  } catch (e) {
    status(e.message);
    return;
  }
  if (mine !== seq) return; // a newer keystroke already asked
  const bySection = new Map();
  for (const hit of hits) {
    const id = hit.command.section;
    if (!bySection.has(id)) bySection.set(id, { hit, commands: [] });
    bySection.get(id).commands.push(hit.command);
  }
  const groups = [...bySection].map(([id, { hit, commands }]) => {
    const heading = el('button', { class: 'group-title', type: 'button' },
      `${hit.section_number == null ? '' : `${hit.section_number}. `}${hit.section_title}`);
    heading.addEventListener('click', () => emit('open', { id }));
    return el('section', { class: 'command-group' }, heading, commands.map(commandItem));
  });
  panel().querySelector('.command-groups').replaceChildren(
    ...(groups.length ? groups : [el('p', { class: 'hint' }, 'No command matches.')]));
}

function commandItem(c) {
  const button = el('button', {
    class: 'copy', type: 'button', 'data-testid': 'copy-command', 'aria-label': `Copy ${c.command}`,
  }, 'copy');
  button.addEventListener('click', () => copy(c.command, button));
  return el('div', { class: 'command-item', 'data-testid': 'command-item', tabindex: '0', dataset: { command: c.command } },
    el('code', {}, c.command),
    button,
    c.context ? el('div', { class: 'context' }, c.context) : null);
}
