// The only module that talks to the Rust side. One function per command;
// errors come back normalized as { kind, message }.
//
// It uses Tauri's IPC primitives directly (what @tauri-apps/api wraps)
// instead of `withGlobalTauri`: that injects the whole API bundle into every
// page, which cost 13 MiB per webview here for two functions we use.

const ipc = window.__TAURI_INTERNALS__;

async function call(command, args) {
  try {
    return await ipc.invoke(command, args);
  } catch (e) {
    throw typeof e === 'object' && e && e.kind ? e : { kind: 'error', message: String(e) };
  }
}

export const getTimeline = () => call('get_timeline');
export const getProgress = () => call('get_progress');
export const getSection = (id, query) => call('get_section', { id, query: query || null });
export const search = (query, limit) => call('search', { query, limit });
export const listCommands = (query) => call('list_commands', { query: query || null });
export const copyText = (text) => call('copy_text', { text });
export const openExternal = (url) => call('open_external', { url });

/** The events the Rust side sends (`src-tauri/events.rs`; a test there
 *  checks that both lists agree). */
export const APP_EVENTS = Object.freeze({
  INDEX_PROGRESS: 'index-progress',
  SEARCH_READY: 'search-ready',
  INDEX_READY: 'index-ready',
  INDEX_FAILED: 'index-failed',
  NOTES_CHANGED: 'notes-changed',
  INDEX_SYNCED: 'index-synced',
  BOOKMARKS_CHANGED: 'bookmarks-changed',
  LOOKUP_SHOWN: 'lookup-shown',
  OPEN_SECTION: 'open-section',
  LANGUAGE_CHANGED: 'language-changed',
});

const appEvents = new Set(Object.values(APP_EVENTS));

/** Subscribes to a backend event (for the page's lifetime). */
export const on = (event, handler) => {
  if (!appEvents.has(event)) throw new Error(`no such app event: ${event}`);
  return ipc.invoke('plugin:event|listen', {
    event, target: { kind: 'Any' }, handler: ipc.transformCallback((e) => handler(e.payload)),
  });
};
export const listBookmarks = () => call('list_bookmarks');
export const toggleBookmark = (id) => call('toggle_bookmark', { id });
export const saveBookmark = (id, label, memo) => call('save_bookmark', { id, label, memo });
export const removeBookmark = (id) => call('remove_bookmark', { id });
export const acceptSuggestion = (id) => call('accept_suggestion', { id });
export const dismissSuggestion = (id) => call('dismiss_suggestion', { id });
export const reviewQueue = () => call('review_queue');
export const gradeReview = (id, grade) => call('grade_review', { id, grade });
export const studyMap = () => call('study_map');
export const markOpened = (id) => call('mark_opened', { id });
export const sectionCards = (id) => call('section_cards', { id });
export const addCard = (id, front, back) => call('add_card', { id, front, back });
export const removeCard = (card) => call('remove_card', { card });
export const hideLookup = () => call('hide_lookup');
export const openInMain = (id) => call('open_in_main', { id });
export const getSettings = () => call('get_settings');
export const chooseNotesFolder = () => call('choose_notes_folder');
export const useBundledNotes = () => call('use_bundled_notes');
export const setLookupShortcut = (shortcut) => call('set_lookup_shortcut', { shortcut });
export const setExamDate = (date) => call('set_exam_date', { date });
/** The interface language: `{ lang, chosen, env_override, source }`
 *  (`source`: the UI's Fluent catalog in that language). */
export const getLanguage = () => call('get_language');
/** Chooses the interface language (`'ko'`, `'en'`, or `null` to follow
 *  the system); every window hears `language-changed`. */
export const setLanguage = (lang) => call('set_language', { lang });
