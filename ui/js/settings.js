// The settings sheet: which notes folder is open (chosen in a native
// dialog on the Rust side; no path is typed or sent from here), the
// quick-lookup shortcut and the exam date the review schedule respects.
// Opened with the gear button or Ctrl+,.
import { chooseNotesFolder, copyText, getSettings, setExamDate, setLookupShortcut, useBundledNotes } from './api.js';
import { composing, el } from './dom.js';

const sheet = () => document.getElementById('settings');
let returnFocus = null;

/** Wires the gear button and the sheet's keys. */
export function initSettings() {
  document.getElementById('open-settings').addEventListener('click', openSettings);
  sheet().addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeSettings();
      e.preventDefault();
      e.stopPropagation();
    }
  });
  sheet().addEventListener('click', (e) => {
    if (e.target === sheet()) closeSettings();
  });
}

/** Shows the sheet with what is in effect now. */
export async function openSettings() {
  returnFocus = document.activeElement;
  draw(await getSettings(), '');
  sheet().hidden = false;
  sheet().querySelector('button').focus();
}

function closeSettings() {
  sheet().hidden = true;
  returnFocus?.focus();
}

/** The lookup shortcut as this desktop delivers it (`lookup_mechanism`):
 *  a key Pilgi grabs itself (X11: typed and saved here), a key the desktop
 *  holds (the Wayland portal: described, changed in the desktop's
 *  settings), or none (the command to bind in the desktop's settings). The
 *  command is shown in all three: any desktop can bind it. */
function lookupShortcut(settings, input, save) {
  const command = settings.lookup_command;
  const copy = el('button', { type: 'button', 'data-testid': 'copy-bind-command' }, 'Copy');
  copy.addEventListener('click', () => copyText(command).then(() => { copy.textContent = 'Copied'; }, () => {}));
  const bind = el('div', { class: 'row' }, el('code', { class: 'path', 'data-testid': 'bind-command' }, command), copy);
  const where = el('p', { class: 'hint' },
    'GNOME: Settings › Keyboard › View and Customize Shortcuts › Custom Shortcuts. ',
    'KDE: System Settings › Shortcuts › Add New › Command or Script.');
  switch (settings.lookup_mechanism) {
    case 'x11':
      return [el('div', { class: 'row' }, input, save),
        el('p', { class: 'hint' }, 'Works from any app, e.g. Ctrl+Shift+K or Alt+Space. Or bind a key to this command yourself:'),
        bind];
    case 'portal':
      return [el('p', { 'data-testid': 'shortcut-portal' },
        settings.lookup_shortcut
          ? ['Registered with your desktop: ', el('kbd', {}, settings.lookup_shortcut), '. Change it in the desktop’s keyboard settings.']
          : 'Waiting for your desktop to confirm the shortcut…'),
      el('p', { class: 'hint' }, 'Or bind a key to this command:'), bind];
    default:
      return [el('p', { 'data-testid': 'shortcut-manual' },
        'Pilgi holds no global shortcut on this desktop. Bind a key to this command in its keyboard settings:'),
      bind, where,
      settings.shortcut_error ? el('p', { class: 'hint', 'data-testid': 'shortcut-why' }, `Why: ${settings.shortcut_error}`) : null];
  }
}

/** Draws the sheet; `typed` is a shortcut the user typed that was refused
 *  (kept in the box to be fixed, with the one still in effect named). */
function draw(settings, message, kind = 'error', typed = null) {
  const folder = el('button', { type: 'button', 'data-testid': 'choose-notes' }, 'Choose folder…');
  const bundled = el('button', { type: 'button', 'data-testid': 'use-bundled', disabled: settings.bundled },
    'Use the bundled notes');
  const shortcut = el('input', {
    type: 'text', value: typed ?? settings.lookup_shortcut ?? '', 'data-testid': 'shortcut-input', spellcheck: 'false',
    'aria-label': 'Lookup shortcut', placeholder: 'Ctrl+Shift+K',
  });
  const save = el('button', { type: 'button', 'data-testid': 'shortcut-save' }, 'Save');
  const exam = el('input', {
    type: 'date', value: settings.exam_date ?? '', 'data-testid': 'exam-date', 'aria-label': 'Exam date',
  });
  const saveExam = el('button', { type: 'button', 'data-testid': 'exam-save' }, 'Save');
  const close = el('button', { type: 'button', class: 'close', 'data-testid': 'close-settings' }, 'Done');
  // Only a key Pilgi grabs can fail on a user's action; the other
  // mechanisms say why within their own section.
  const error = settings.lookup_mechanism === 'x11' ? settings.shortcut_error ?? '' : '';
  sheet().replaceChildren(el('div', { class: 'sheet' },
    el('h2', {}, 'Settings'),
    el('h3', {}, 'Notes folder'),
    el('p', { class: 'path', 'data-testid': 'notes-dir' }, settings.notes_dir,
      settings.bundled ? el('span', { class: 'tag' }, 'bundled') : null),
    settings.env_override
      ? el('p', { class: 'hint' }, 'PILGI_NOTES is set, so Pilgi opens that folder at launch whatever is chosen here.')
      : null,
    el('div', { class: 'row' }, folder, bundled),
    el('p', { class: 'hint' }, 'Pilgi only reads this folder; bookmarks live in your data folder.'),
    el('h3', {}, 'Quick lookup shortcut'),
    ...lookupShortcut(settings, shortcut, save),
    el('h3', {}, 'Exam date'),
    el('div', { class: 'row' }, exam, saveExam),
    el('p', { class: 'hint' }, 'Reviews are scheduled before it, never on or after it. Leave it empty for none.'),
    el('p', { class: message ? kind : 'error', 'data-testid': 'settings-message', role: 'alert' }, message || error),
    el('div', { class: 'row end' }, close)));
  folder.addEventListener('click', () => act(chooseNotesFolder, true));
  bundled.addEventListener('click', () => act(useBundledNotes, true));
  const saveShortcut = () => act(() => setLookupShortcut(shortcut.value), false, shortcut.value);
  save.addEventListener('click', saveShortcut);
  shortcut.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !composing(e)) saveShortcut();
  });
  saveExam.addEventListener('click', () => act(() => setExamDate(exam.value), false));
  close.addEventListener('click', closeSettings);

  async function act(call, reloads, typed = null) {
    try {
      const next = await call();
      if (!next) return; // dialog cancelled
      if (reloads) window.location.reload(); // another folder: start fresh
      else draw(next, 'Saved.', 'ok');
    } catch (e) {
      // Asked again: what is in effect now, not when the sheet opened.
      const now = await getSettings().catch(() => settings);
      const kept = typed !== null && now.lookup_shortcut ? ` ${now.lookup_shortcut} still works.` : '';
      draw(now, e.message + kept, 'error', typed);
      if (typed !== null) sheet().querySelector('[data-testid="shortcut-input"]').focus();
    }
  }
}
