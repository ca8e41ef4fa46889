// The only module that talks to the Rust side. One function per command;
// errors come back normalized as { kind, message }.

const tauri = window.__TAURI__;

async function call(command, args) {
  try {
    return await tauri.core.invoke(command, args);
  } catch (e) {
    throw typeof e === 'object' && e && e.kind ? e : { kind: 'error', message: String(e) };
  }
}

export const getTimeline = () => call('get_timeline');
export const getSection = (id, query) => call('get_section', { id, query: query || null });
export const search = (query, limit) => call('search', { query, limit });
export const listCommands = (query) => call('list_commands', { query: query || null });
export const copyText = (text) => call('copy_text', { text });

/** Subscribes to a backend event; resolves to the unsubscribe function. */
export const on = (event, handler) => tauri.event.listen(event, (e) => handler(e.payload));
export const listBookmarks = () => call('list_bookmarks');
export const toggleBookmark = (id) => call('toggle_bookmark', { id });
export const saveBookmark = (id, label, note) => call('save_bookmark', { id, label, note });
export const removeBookmark = (id) => call('remove_bookmark', { id });
export const acceptSuggestion = (id) => call('accept_suggestion', { id });
export const dismissSuggestion = (id) => call('dismiss_suggestion', { id });
export const hideLookup = () => call('hide_lookup');
export const openInMain = (id) => call('open_in_main', { id });
export const getSettings = () => call('get_settings');
export const chooseNotesFolder = () => call('choose_notes_folder');
export const useBundledNotes = () => call('use_bundled_notes');
export const setLookupShortcut = (shortcut) => call('set_lookup_shortcut', { shortcut });
