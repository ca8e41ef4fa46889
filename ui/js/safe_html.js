// The reader's HTML, sanitized by the backend (ammonia), into nodes.
// Parsing goes through one <template>: its content belongs to an inert
// document (no scripts run, nothing loads), like DOMParser's, but without
// creating a whole document per call. The renderer's own words (copy
// buttons, a refused image) are said in the user's language (i18n.js).
import { localize } from './i18n.js';

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
  localize(out);
  return out;
}
