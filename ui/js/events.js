// The requests the feature modules make of each other (open this, search
// that, show that view), dispatched on the document as `pilgi:<name>`.
// What is (the query, the open section, the bookmarks, the hits) is state,
// in store.js; the events the Rust side sends are `APP_EVENTS` in api.js.

/** Every event, by name: a misspelt name throws instead of going unheard. */
export const EVENTS = Object.freeze({
  /** { id, query? }: open a section in the reader. */
  OPEN: 'open',
  /** { text }: put text in the search box and search. */
  SEARCH: 'search',
  /** { view }: switch the sidebar view ('back': to the one before). */
  VIEW: 'view',
});

const known = new Set(Object.values(EVENTS));

function checked(name) {
  if (!known.has(name)) throw new Error(`no such event: ${name}`);
  return `pilgi:${name}`;
}

/** Fires an app event. */
export function emit(name, detail = {}) {
  document.dispatchEvent(new CustomEvent(checked(name), { detail }));
}

/** Listens to an app event. */
export function listen(name, handler) {
  document.addEventListener(checked(name), (e) => handler(e.detail));
}
