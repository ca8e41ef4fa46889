// The Review view: the review items due now, one at a time, keyboard first.
// A bookmark's prompt is the heading, the memo and the first summary line;
// a card's is its line with the hidden part as [?]. Space shows the answer
// (the card's hidden part, and the section in the reader), 1–4 grade
// Again / Hard / Good / Easy and the next item follows. The tab shows how
// many are due.
import { gradeReview, reviewQueue } from './api.js';
import { el, status } from './dom.js';
import { EVENTS, emit } from './events.js';
import { date, t } from './i18n.js';
import { sectionName } from './names.js';

// The grades, in the order of their keys 1–4.
const GRADES = ['again', 'hard', 'good', 'easy'];
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

/** A grade as the interface says it. */
function gradeName(grade) {
  switch (grade) {
    case 'again': return t('grade-again');
    case 'hard': return t('grade-hard');
    case 'good': return t('grade-good');
    default: return t('grade-easy');
  }
}

// When a review is due, on the 24-hour clock in either language.
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DAY_TIME = { month: 'short', day: 'numeric', ...TIME };

/** The local time of a stored one: `21:38` today, else with its day
 *  (`Dec 3, 09:00`, `12월 3일 09:00`). */
function when(iso) {
  const today = new Date(iso).toDateString() === new Date().toDateString();
  return date(iso, today ? TIME : DAY_TIME);
}

function empty(queue) {
  let text = t('review-nothing');
  if (queue.next && queue.later_today) text = t('review-next-more', { when: when(queue.next), count: queue.later_today });
  else if (queue.next) text = t('review-next', { when: when(queue.next) });
  return el('p', { class: 'hint', 'data-testid': 'review-empty' }, text);
}

function card(item) {
  const s = item.section;
  const show = el('button', { class: 'small', type: 'button', 'data-testid': 'review-show' }, t('review-show'));
  show.addEventListener('click', reveal);
  const grades = el('div', { class: 'review-grades' }, GRADES.map((which, i) => {
    const b = el('button', {
      class: 'small', type: 'button', 'data-testid': `grade-${which}`, disabled: !revealed,
    }, `${i + 1} ${gradeName(which)}`);
    b.addEventListener('click', () => grade(which));
    return b;
  }));
  const name = sectionName(s.number, s.title);
  const prompt = item.cloze
    ? [el('p', { class: 'review-path' }, t('review-card', { name })),
      el('p', { class: 'review-cloze', 'data-testid': 'review-cloze' }, item.cloze.front),
      el('p', { class: 'review-answer', 'data-testid': 'review-answer', hidden: !revealed }, item.cloze.back)]
    : [el('h2', {}, name),
      s.path?.length ? el('p', { class: 'review-path' }, [s.file, ...s.path].join(' › ')) : null,
      item.memo ? el('p', { class: 'review-memo' }, item.memo) : null,
      item.prompt ? el('blockquote', {}, item.prompt) : null];
  return el('div', { class: 'review-card', 'data-testid': 'review-item', dataset: { id: item.id } },
    el('p', { class: 'review-count' }, t('review-due', { count: dueCount })),
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
    status(t('review-graded', { grade: gradeName(name), when: when(done.due) }));
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
  else if (/^[1-4]$/.test(key)) grade(GRADES[Number(key) - 1]);
  else return false;
  return true;
}
