// The quick-lookup window (global shortcut): one box, commands first then
// sections. Enter copies the chosen command and hides the window, or opens
// the chosen section in the main window; Esc hides. IME-safe like the main
// search box. Speaks the app's language, and reloads when it changes.
import { APP_EVENTS, copyText, hideLookup, listCommands, on, openInMain, search } from './api.js';
import { composing, el, listScroll, status } from './dom.js';
import { followLanguage, keyHints, loadLanguage, t } from './i18n.js';
import { KeyedList, setText } from './keyed_list.js';
import { latest } from './latest.js';
import { sectionName } from './names.js';
import { Selection } from './selection.js';
import { sameSnippet, snippetFragment } from './snippet.js';

const COMMANDS = 6;
const SECTIONS = 6;
const box = document.getElementById('lookup-input');
const list = document.getElementById('lookup-results');
let seq = 0;

const rows = new KeyedList(list, {
  key: (item) => `${item.kind}\u0000${item.key}`,
  create: (item) => kinds[item.kind].create(item),
  update: (row, item, previous) => kinds[item.kind].update(row, item, previous),
});
const selection = new Selection(listScroll(list));

async function run() {
  const query = box.value.trim();
  const mine = ++seq;
  if (!query) {
    show([]);
    return;
  }
  const [commands, sections] = await Promise.all([
    listCommands(query).catch(() => []),
    search(query, SECTIONS).then((r) => r.hits, () => []),
  ]);
  if (mine !== seq) return;
  const items = [
    ...commands.slice(0, COMMANDS).map((hit) => ({
      kind: 'command', key: `${hit.command.section}\u0000${hit.command.text}`, hit,
    })),
    ...sections.map((hit) => ({ kind: 'section', key: hit.id, hit })),
  ];
  show(items.length ? items : [{ kind: 'hint', key: '', query }]);
}

/** Shows the rows (kept across keystrokes, see keyed_list.js) and selects
 *  the first. */
function show(items) {
  selection.show(rows.render(items).filter((row) => row.classList.contains('lookup-item')));
}

const where = (hit) => sectionName(hit.section.number, hit.section.title);
const titled = (hit) => sectionName(hit.number, hit.title);

/** How each kind of row is made and patched. */
const kinds = {
  command: {
    create: ({ hit }) => el('li', {
      class: 'lookup-item command', role: 'option', 'data-testid': 'lookup-command',
      dataset: { command: hit.command.text },
    }, el('code', {}, hit.command.text), el('span', { class: 'where' }, where(hit))),
    update: (row, { hit }) => setText(row.lastChild, where(hit)),
  },
  section: {
    create: ({ hit }) => el('li', {
      class: 'lookup-item section', role: 'option', 'data-testid': 'lookup-section', dataset: { id: hit.id },
    }, el('span', { class: 'title' }, titled(hit)), el('span', { class: 'snippet' }, snippetFragment(hit.snippet))),
    update: (row, { hit }, previous) => {
      setText(row.firstChild, titled(hit));
      if (!sameSnippet(hit.snippet, previous.hit.snippet)) row.lastChild.replaceChildren(snippetFragment(hit.snippet));
    },
  },
  hint: {
    create: ({ query }) => el('li', { class: 'hint' }, t('search-nothing', { query })),
    update: (row, { query }) => setText(row, t('search-nothing', { query })),
  },
};

async function choose(row) {
  if (!row) return;
  try {
    if (row.dataset.command) {
      await copyText(row.dataset.command);
      status(t('status-copied', { text: row.dataset.command }));
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
  if (composing(e) || selection.key(e)) return;
  if (e.key === 'Enter') {
    e.preventDefault();
    await run();
    choose(selection.current);
  } else if (e.key === 'Escape') {
    e.preventDefault();
    hideLookup();
  }
});
list.addEventListener('click', (e) => {
  const row = e.target.closest('.lookup-item');
  if (row) choose(row);
});
const ready = () => {
  box.focus();
  box.select();
};

/** The key hint under the list (the status line, until something is said). */
function showKeys() {
  document.getElementById('status').replaceChildren(keyHints('lookup-keys', {
    up: '↑', down: '↓', enter: t('key-enter'), esc: t('key-esc'),
  }));
}

await loadLanguage();
showKeys();
on(APP_EVENTS.LOOKUP_SHOWN, ready);
followLanguage();
window.addEventListener('focus', ready);
box.focus();
