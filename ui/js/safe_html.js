// Snippets come from the index as escaped text with <mark> only. We still
// rebuild them from a parsed tree keeping nothing but text and <mark>, so
// a bug upstream can never inject markup here.
//
// Parsing goes through one <template>: its content belongs to an inert
// document (no scripts run, nothing loads), like DOMParser's, but without
// creating a whole document per call (a list of snippets per keystroke).

const inert = document.createElement('template');

function parse(html) {
  inert.innerHTML = html;
  return inert.content;
}

/** Returns a fragment with the snippet's text and <mark> elements only. */
export function snippetFragment(html) {
  const out = document.createDocumentFragment();
  const walk = (node, into) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into.append(child.textContent);
      else if (child.nodeName === 'MARK') {
        const m = document.createElement('mark');
        m.textContent = child.textContent;
        into.append(m);
      } else walk(child, into);
    }
  };
  walk(parse(html), out);
  return out;
}

/** Parses sanitized renderer HTML into nodes (inert until inserted, and the
 *  backend already sanitized it with ammonia). */
export function parseFragment(html) {
  const out = document.createDocumentFragment();
  out.append(...parse(html).childNodes);
  return out;
}
