// The reader's cards: the cloze cards the open section's definition lines
// offer (`[kubelet] : …`, `term : …`, `A vs B`, `name = value`), each made
// or deleted with one click. Nothing is made without that click; a card
// made is a review item of its own (review.js).
import { addCard, removeCard, sectionCards } from './api.js';
import { el, status } from './dom.js';
import { t } from './i18n.js';

/** The cards box of section `id`, or null when it offers none. */
export async function cardsBox(id) {
  let offers;
  try {
    offers = await sectionCards(id);
  } catch (e) {
    status(e.message);
    return null;
  }
  if (!offers.length) return null;
  const box = el('details', { class: 'cards', 'data-testid': 'cards' });
  draw(box, id, offers);
  return box;
}

function draw(box, id, offers) {
  const made = offers.filter((o) => o.card).length;
  box.replaceChildren(
    el('summary', {}, t('cards-summary', { offered: offers.length, made })),
    el('ul', {}, offers.map((o) => offer(box, id, o))));
}

function offer(box, id, o) {
  const button = el('button', {
    type: 'button', class: `small${o.card ? ' ghost' : ''}`, 'data-testid': o.card ? 'card-remove' : 'card-add',
  }, o.card ? t('card-remove') : t('card-add'));
  const item = el('li', { 'data-testid': 'card-offer', dataset: { made: String(Boolean(o.card)) } },
    el('span', { class: 'front' }, o.front),
    el('span', { class: 'back' }, `→ ${o.back}`),
    button);
  button.addEventListener('click', async () => {
    const at = [...box.querySelectorAll('li')].indexOf(item);
    try {
      if (o.card) await removeCard(o.card);
      else await addCard(id, o.front, o.back);
      status(o.card ? t('status-card-removed') : t('status-card-made'));
      draw(box, id, await sectionCards(id));
      box.querySelectorAll('li button')[at]?.focus();
    } catch (e) {
      status(e.message);
    }
  });
  return item;
}
