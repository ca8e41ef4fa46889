// The quick-lookup window (global shortcut): one box, commands first then
// sections. Enter copies the chosen command and hides the window, or opens
// the chosen section in the main window; Esc hides. IME-safe like the main
// search box.
import { copyText, hideLookup, listCommands, on, openInMain, search } from './api.js';
import { el, status } from './dom.js';
import { latest } from './latest.js';
import { snippetFragment } from './safe_html.js';

const COMMANDS = 6;
const SECTIONS = 6;
const box = document.getElementById('lookup-input');
const list = document.getElementById('lookup-results');
let selected = -1;
let seq = 0;

async function run() {
  const query = box.value.trim();
  const mine = ++seq;
  if (!query) {
    list.replaceChildren();
    selected = -1;
    return;
  }
  const [commands, sections] = await Promise.all([
    listCommands(query).catch(() => []),
    search(query, SECTIONS).then((r) => r.hits, () => []),
  ]);
  if (mine !== seq) return;
  const rows = [
    ...commands.slice(0, COMMANDS).map(commandRow),
    ...sections.map(sectionRow),
  ];
  list.replaceChildren(...(rows.length ? rows : [el('li', { class: 'hint' }, `Nothing matches “${query}”`)]));
  select(rows.length ? 0 : -1);
}

function commandRow(hit) {
  const c = hit.command;
  return el('li', {
    class: 'lookup-item command', role: 'option', 'data-testid': 'lookup-command',
    dataset: { command: c.command },
  },
  el('code', {}, c.command),
  el('span', { class: 'where' }, `${hit.section_number == null ? '' : `${hit.section_number}. `}${hit.section_title}`));
}

function sectionRow(hit) {
  return el('li', {
    class: 'lookup-item section', role: 'option', 'data-testid': 'lookup-section', dataset: { id: hit.id },
  },
  el('span', { class: 'title' }, `${hit.number == null ? '' : `${hit.number}. `}${hit.title}`),
  el('span', { class: 'snippet' }, snippetFragment(hit.snippet)));
}

const rows = () => [...list.querySelectorAll('.lookup-item')];

function select(i) {
  selected = i;
  rows().forEach((row, j) => {
    row.classList.toggle('selected', j === i);
    if (j === i) row.scrollIntoView({ block: 'nearest' });
  });
}

async function choose(row) {
  if (!row) return;
  try {
    if (row.dataset.command) {
      await copyText(row.dataset.command);
      status(`Copied: ${row.dataset.command}`);
      await hideLookup();
    } else {
      await openInMain(row.dataset.id);
    }
  } catch (e) {
    status(e.message);
  }
}

box.addEventListener('input', latest(run));
box.addEventListener('keydown', async (e) => {
  if (e.isComposing || e.keyCode === 229) return;
  const n = rows().length;
  if (e.key === 'ArrowDown' && n) select((selected + 1) % n);
  else if (e.key === 'ArrowUp' && n) select((selected - 1 + n) % n);
  else if (e.key === 'Enter') {
    await run();
    choose(rows()[selected]);
  } else if (e.key === 'Escape') hideLookup();
  else return;
  e.preventDefault();
});
list.addEventListener('click', (e) => {
  const row = e.target.closest('.lookup-item');
  if (row) choose(row);
});
const ready = () => {
  box.focus();
  box.select();
};
on('lookup-shown', ready);
window.addEventListener('focus', ready);
box.focus();
