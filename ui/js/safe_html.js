// The reader's HTML, sanitized by the backend (ammonia), into nodes.
// Parsing goes through one <template>: its content belongs to an inert
// document (no scripts run, nothing loads), like DOMParser's, but without
// creating a whole document per call.

const inert = document.createElement('template');

function parse(html) {
  inert.innerHTML = html;
  return inert.content;
}

/** Parses sanitized renderer HTML into nodes (inert until inserted, and the
 *  backend already sanitized it with ammonia). */
export function parseFragment(html) {
  const out = document.createDocumentFragment();
  out.append(...parse(html).childNodes);
  return out;
}
