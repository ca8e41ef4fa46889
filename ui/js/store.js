// What the UI knows, in one place: the state several modules read. Each
// module sets what it owns and subscribes to what it shows; events
// (events.js) are left for requests to do something (open, search, switch
// view). Without it, state travelled as module-level variables behind
// imported getters and as events carrying copies.

/** Every piece of state, by name: a misspelt name throws. */
export const STATE = Object.freeze({
  /** The text searched for, trimmed ('' when the box is clear). */
  QUERY: 'query',
  /** The id of the section open in the reader, or null. */
  OPEN: 'open',
  /** Map of section id → its bookmark (`Listed`, see api.js). */
  BOOKMARKS: 'bookmarks',
  /** { query, ids }: the current search's hits, in order. */
  RESULTS: 'results',
  /** Map of section id → where it stands in the study (`Study`: opened,
   *  label, cards, reviews, retrievability, retained). */
  STUDY: 'study',
});

const initial = {
  query: '',
  open: null,
  bookmarks: new Map(),
  results: { query: '', ids: [] },
  study: new Map(),
};
const values = new Map(Object.entries(initial));
const subscribers = new Map(Object.keys(initial).map((name) => [name, new Set()]));

function checked(name) {
  if (!values.has(name)) throw new Error(`no such state: ${name}`);
  return name;
}

/** The current value of `name`. */
export const get = (name) => values.get(checked(name));

/** Sets `name` and tells its subscribers, unless the value is the same one. */
export function set(name, value) {
  if (values.get(checked(name)) === value) return;
  values.set(name, value);
  for (const handler of subscribers.get(name)) handler(value);
}

/** Calls `handler(value)` on every change of `name`. */
export function subscribe(name, handler) {
  subscribers.get(checked(name)).add(handler);
}
