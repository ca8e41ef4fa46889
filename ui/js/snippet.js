// A search hit's snippet arrives as spans of text, some marked (core's
// `index/snippet.rs`). They become text nodes and <mark> elements: note text
// is never parsed as markup, so nothing in a note can become an element here.

/** A fragment with the snippet's spans: text, and <mark> for matched words. */
export function snippetFragment(spans) {
  const out = document.createDocumentFragment();
  for (const { text, marked } of spans) {
    if (!marked) {
      out.append(text);
      continue;
    }
    const m = document.createElement('mark');
    m.textContent = text;
    out.append(m);
  }
  return out;
}

/** Whether two snippets show the same: a row kept across keystrokes is
 *  redrawn only when its snippet changed. */
export function sameSnippet(a, b) {
  return a.length === b.length
    && a.every((span, i) => span.text === b[i].text && !span.marked === !b[i].marked);
}
