// The reader: one section at a time, with previous/next.
import { getSection } from './api.js';
import { el, formatDuration, status } from './dom.js';

const reader = () => document.getElementById('reader');

/** Opens a section by id in the reader. */
export async function openSection(id) {
  let view;
  try {
    view = await getSection(id);
  } catch (e) {
    status(e.message);
    return;
  }
  const s = view.section;
  const nav = (target, label) => el('button', {
    class: 'nav-btn', disabled: !target, 'data-target': target ?? '',
  }, label);
  const header = el('header', { class: 'reader-head' },
    el('div', { class: 'meta' },
      el('span', { class: `kind kind-${s.kind}` }, s.kind.replace('_', ' ')),
      s.duration_seconds == null ? null : el('span', { class: 'dur' }, formatDuration(s.duration_seconds)),
      el('span', { class: 'file' }, `${s.file}:${s.line_start}`)),
    el('h1', {}, s.number == null ? '' : el('span', { class: 'num' }, `${s.number}.`), ' ', s.title));
  const body = el('pre', { class: 'plain-body' }, s.body);
  const footer = el('footer', { class: 'reader-nav' }, nav(view.prev, '← Previous'), nav(view.next, 'Next →'));
  footer.addEventListener('click', (e) => {
    const target = e.target.closest('button')?.dataset.target;
    if (target) document.dispatchEvent(new CustomEvent('pilgi:open', { detail: { id: target } }));
  });
  reader().replaceChildren(header, body, footer);
  reader().dataset.sectionId = s.id;
  reader().scrollTop = 0;
}
