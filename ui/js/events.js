// The small events the feature modules talk through (no shared globals):
//   pilgi:open     { id, query? }   open a section in the reader
//   pilgi:search   { text }         put text in the search box and search
//   pilgi:results  { query, ids }   the current search's hits (timeline overlay)
//   pilgi:view     { view }         switch the sidebar view
//   pilgi:refresh  {}               notes changed on disk

/** Fires an app event. */
export function emit(name, detail = {}) {
  document.dispatchEvent(new CustomEvent(`pilgi:${name}`, { detail }));
}

/** Listens to an app event. */
export function listen(name, handler) {
  document.addEventListener(`pilgi:${name}`, (e) => handler(e.detail));
}
