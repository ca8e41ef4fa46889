// The Commands view: every shell command in the notes, grouped by section,
// filterable as you type, each with a copy button.
import { listCommands } from './api.js';
import { copy } from './copy.js';
import { el } from './dom.js';
import { emit } from './events.js';

const panel = () => document.getElementById('panel-commands');
let all = [];

/** Loads (or reloads) the commands and renders them. */
export async function renderCommands(timeline) {
  all = await listCommands();
  const titles = new Map(timeline.sections.map((s) => [s.id, s]));
  const filter = el('input', {
    class: 'filter', type: 'search', placeholder: 'Filter commands', 'aria-label': 'Filter commands',
    'data-testid': 'command-filter',
  });
  const list = el('div', { class: 'command-groups' });
  const draw = () => list.replaceChildren(...groups(filter.value, titles));
  filter.addEventListener('input', draw);
  panel().replaceChildren(filter, list);
  draw();
}

function groups(text, titles) {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (c) => {
    const hay = `${c.command} ${c.context} ${c.tool}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  const bySection = new Map();
  for (const c of all.filter(matches)) {
    if (!bySection.has(c.section)) bySection.set(c.section, []);
    bySection.get(c.section).push(c);
  }
  return [...bySection].map(([id, commands]) => {
    const s = titles.get(id);
    const heading = el('button', { class: 'group-title', type: 'button' },
      s ? `${s.number == null ? '' : `${s.number}. `}${s.title}` : id);
    heading.addEventListener('click', () => emit('open', { id }));
    return el('section', { class: 'command-group' }, heading, commands.map(commandItem));
  });
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
