// The settings sheet: which notes folder is open (chosen in a native
// dialog on the Rust side; no path is typed or sent from here), the
// quick-lookup shortcut, the exam date the review schedule respects and
// the interface language. Opened with the gear button or Ctrl+,.
import {
  chooseNotesFolder, copyText, getLanguage, getSettings, setExamDate, setLanguage, setLookupShortcut, useBundledNotes,
} from './api.js';
import { composing, el } from './dom.js';
import { t, withKeys } from './i18n.js';

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
  const [settings, language] = await Promise.all([getSettings(), getLanguage()]);
  draw({ ...settings, language }, '');
  sheet().hidden = false;
  sheet().querySelector('button').focus();
}

/** Whether the sheet is open (a language switch reopens it). */
export const settingsOpen = () => !sheet().hidden;

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
  const copy = el('button', { type: 'button', 'data-testid': 'copy-bind-command' }, t('settings-copy'));
  copy.addEventListener('click', () => copyText(command).then(() => { copy.textContent = t('settings-copied'); }, () => {}));
  const bind = el('div', { class: 'row' }, el('code', { class: 'path', 'data-testid': 'bind-command' }, command), copy);
  const where = el('p', { class: 'hint' }, t('settings-bind-gnome'), ' ', t('settings-bind-kde'));
  switch (settings.lookup_mechanism) {
    case 'x11':
      return [el('div', { class: 'row' }, input, save), el('p', { class: 'hint' }, t('settings-shortcut-x11')), bind];
    case 'portal':
      return [el('p', { 'data-testid': 'shortcut-portal' },
        settings.lookup_shortcut
          ? withKeys('settings-shortcut-portal', { shortcut: settings.lookup_shortcut })
          : t('settings-shortcut-portal-waiting')),
      el('p', { class: 'hint' }, t('settings-shortcut-portal-bind')), bind];
    default:
      return [el('p', { 'data-testid': 'shortcut-manual' }, t('settings-shortcut-manual')),
        bind, where,
        settings.shortcut_error
          ? el('p', { class: 'hint', 'data-testid': 'shortcut-why' }, t('settings-shortcut-why', { reason: settings.shortcut_error }))
          : null];
  }
}

/** The interface language: follow the system, or one chosen; each choice
 *  is written in its own language (`한국어`, `English`). The switch
 *  reloads every window (i18n.js's followLanguage); PILGI_LANG, when set,
 *  decides over any choice. */
function languageChoice(language, chosen) {
  const choices = [[null, 'system', t('settings-language-system')],
    ['ko', 'ko', t('language-ko')], ['en', 'en', t('language-en')]];
  const row = el('div', { class: 'row wrap', role: 'group', 'aria-label': t('settings-language') },
    choices.map(([value, name, text]) => {
      const button = el('button', {
        type: 'button', 'data-testid': `language-${name}`, 'aria-pressed': String(language.chosen === value),
        lang: value ?? false,
      }, text);
      button.addEventListener('click', () => chosen(value));
      return button;
    }));
  return [row, language.env_override ? el('p', { class: 'hint', 'data-testid': 'language-env' }, t('settings-language-env')) : null];
}

/** Draws the sheet; `typed` is a shortcut the user typed that was refused
 *  (kept in the box to be fixed, with the one still in effect named). */
function draw(settings, message, kind = 'error', typed = null) {
  const folder = el('button', { type: 'button', 'data-testid': 'choose-notes' }, t('settings-choose-folder'));
  const bundled = el('button', { type: 'button', 'data-testid': 'use-bundled', disabled: settings.bundled },
    t('settings-use-bundled'));
  const shortcut = el('input', {
    type: 'text', value: typed ?? settings.lookup_shortcut ?? '', 'data-testid': 'shortcut-input', spellcheck: 'false',
    'aria-label': t('settings-shortcut-label'), placeholder: t('settings-shortcut-placeholder'),
  });
  const save = el('button', { type: 'button', 'data-testid': 'shortcut-save' }, t('settings-save'));
  const exam = el('input', {
    type: 'date', value: settings.exam_date ?? '', 'data-testid': 'exam-date', 'aria-label': t('settings-exam'),
  });
  const saveExam = el('button', { type: 'button', 'data-testid': 'exam-save' }, t('settings-save'));
  const close = el('button', { type: 'button', class: 'close', 'data-testid': 'close-settings' }, t('settings-done'));
  // Only a key Pilgi grabs can fail on a user's action; the other
  // mechanisms say why within their own section.
  const error = settings.lookup_mechanism === 'x11' ? settings.shortcut_error ?? '' : '';
  sheet().replaceChildren(el('div', { class: 'sheet' },
    el('h2', {}, t('settings-title')),
    el('h3', {}, t('settings-notes')),
    el('p', { class: 'path', 'data-testid': 'notes-dir' }, settings.notes_dir,
      settings.bundled ? el('span', { class: 'tag' }, t('settings-bundled')) : null),
    settings.env_override ? el('p', { class: 'hint' }, t('settings-notes-env')) : null,
    el('div', { class: 'row wrap' }, folder, bundled),
    el('p', { class: 'hint' }, t('settings-notes-hint')),
    el('h3', {}, t('settings-shortcut')),
    ...lookupShortcut(settings, shortcut, save),
    el('h3', {}, t('settings-exam')),
    el('div', { class: 'row' }, exam, saveExam),
    el('p', { class: 'hint' }, t('settings-exam-hint')),
    el('h3', {}, t('settings-language')),
    ...languageChoice(settings.language, chooseLanguage),
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

  // Another language reloads the page (followLanguage); the same one
  // spoken, only the choice changed, is drawn here.
  async function chooseLanguage(lang) {
    await act(async () => ({ ...settings, language: await setLanguage(lang) }), false);
    sheet().querySelector('[data-testid^="language-"][aria-pressed="true"]')?.focus();
  }

  async function act(call, reloads, typed = null) {
    try {
      const next = await call();
      if (!next) return; // dialog cancelled
      if (reloads) window.location.reload(); // another folder: start fresh
      else draw({ language: settings.language, ...next }, t('settings-saved'), 'ok');
    } catch (e) {
      // Asked again: what is in effect now, not when the sheet opened.
      const now = { ...await getSettings().catch(() => settings), language: settings.language };
      const kept = typed !== null && now.lookup_shortcut ? ` ${t('settings-shortcut-kept', { shortcut: now.lookup_shortcut })}` : '';
      draw(now, e.message + kept, 'error', typed);
      if (typed !== null) sheet().querySelector('[data-testid="shortcut-input"]').focus();
    }
  }
}
