// The Review view: the review items due now, one at a time, keyboard first.
// A bookmark's prompt is the heading, the memo and the first summary line;
// a card's is its line with the hidden part as [?]. Space shows the answer
// (the card's hidden part, and the section in the reader), 1–4 grade
// Again / Hard / Good / Easy and the next item follows. The tab shows how
// many are due.
import { gradeReview, reviewQueue } from './api.js';
import { el, status } from './dom.js';
import { EVENTS, emit } from './events.js';
import { sectionName } from './names.js';

const GRADES = [['again', 'Again'], ['hard', 'Hard'], ['good', 'Good'], ['easy', 'Easy']];
const panel = () => document.getElementById('panel-review');
const tab = () => document.querySelector('[data-testid="nav-review"]');
// The first items due now, how many are due in all, and whether the first
// one's answer is shown.
let due = [];
let dueCount = 0;
let revealed = false;

/** Loads the queue and redraws the view and the tab's count. */
export async function refreshReview() {
  let queue;
  try {
    queue = await reviewQueue();
  } catch (e) {
    panel().replaceChildren(el('p', { class: 'notice' }, e.message));
    return;
  }
  const first = due[0]?.id;
  due = queue.due;
  dueCount = queue.due_count;
  if (due[0]?.id !== first) revealed = false;
  const count = tab().querySelector('.count');
  count.textContent = dueCount ? String(dueCount) : '';
  tab().dataset.count = String(dueCount);
  panel().replaceChildren(due.length ? card(due[0]) : empty(queue));
}

/** The local time of a stored one, as `21:38` today or `12-03 09:00`. */
function when(iso) {
  const t = new Date(iso);
  const today = t.toDateString() === new Date().toDateString();
  const hm = t.toTimeString().slice(0, 5);
  return today ? hm : `${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')} ${hm}`;
}

function empty(queue) {
  const text = queue.next
    ? `Nothing due now. Next review at ${when(queue.next)}${queue.later_today ? ` (${queue.later_today} more today)` : ''}.`
    : 'Nothing to review. Bookmark a section as confusing or review (b), or make cards of its definitions in the reader, to add it.';
  return el('p', { class: 'hint', 'data-testid': 'review-empty' }, text);
}

function card(item) {
  const s = item.section;
  const show = el('button', { class: 'small', type: 'button', 'data-testid': 'review-show' }, 'Show (Space)');
  show.addEventListener('click', reveal);
  const grades = el('div', { class: 'review-grades' }, GRADES.map(([grade, name], i) => {
    const b = el('button', {
      class: 'small', type: 'button', 'data-testid': `grade-${grade}`, disabled: !revealed,
    }, `${i + 1} ${name}`);
    b.addEventListener('click', () => grade(grade));
    return b;
  }));
  const name = sectionName(s.number, s.title);
  const prompt = item.cloze
    ? [el('p', { class: 'review-path' }, `Card · ${name}`),
      el('p', { class: 'review-cloze', 'data-testid': 'review-cloze' }, item.cloze.front),
      el('p', { class: 'review-answer', 'data-testid': 'review-answer', hidden: !revealed }, item.cloze.back)]
    : [el('h2', {}, name),
      s.path?.length ? el('p', { class: 'review-path' }, [s.file, ...s.path].join(' › ')) : null,
      item.memo ? el('p', { class: 'review-memo' }, item.memo) : null,
      item.prompt ? el('blockquote', {}, item.prompt) : null];
  return el('div', { class: 'review-card', 'data-testid': 'review-item', dataset: { id: item.id } },
    el('p', { class: 'review-count' }, `${dueCount} due now`),
    prompt,
    el('div', { class: 'review-actions' }, show, grades));
}

function reveal() {
  const item = due[0];
  if (!item) return;
  revealed = true;
  emit(EVENTS.OPEN, { id: item.section.id });
  for (const b of panel().querySelectorAll('.review-grades button')) b.disabled = false;
  const answer = panel().querySelector('.review-answer');
  if (answer) answer.hidden = false;
}

async function grade(name) {
  const item = due[0];
  if (!item || !revealed) return;
  try {
    const done = await gradeReview(item.id, name);
    status(`${GRADES.find(([g]) => g === name)[1]} · next review ${when(done.due)}`);
  } catch (e) {
    status(e.message);
  }
  revealed = false;
  await refreshReview();
}

/** The Review view's keys while it is shown: Space shows, 1–4 grade.
 *  Returns whether the key was one of them. */
export function reviewKey(key) {
  if (panel().hidden) return false;
  if (key === ' ') reveal();
  else if (/^[1-4]$/.test(key)) grade(GRADES[Number(key) - 1][0]);
  else return false;
  return true;
}
