// Snippets come from the index as escaped text with <mark> only. We still
// rebuild them from a parsed tree keeping nothing but text and <mark>, so
// a bug upstream can never inject markup here.

/** Returns a fragment with the snippet's text and <mark> elements only. */
export function snippetFragment(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
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
  walk(doc.body, out);
  return out;
}

/** Parses sanitized renderer HTML into nodes (no scripts run: DOMParser
 *  documents are inert, and the backend already sanitized with ammonia). */
export function parseFragment(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  out.append(...doc.body.childNodes);
  return out;
}
