// The study map: where each section stands (opened, bookmarked, its
// grades, how well it is retained), loaded into the STUDY state and drawn
// as a few marks on the Timeline's and the Sections' rows, so the course
// timeline doubles as a map of what is left to learn.
import { markOpened, studyMap } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { labelName } from './names.js';
import { STATE, set } from './store.js';

/** Loads the study map into the STUDY state. */
export async function refreshStudy() {
  try {
    set(STATE.STUDY, new Map(Object.entries(await studyMap())));
  } catch {
    // The map only decorates the lists: they stand without it.
  }
}

/** Records that the reader showed section `id` (the map updates when it
 *  is the first time). */
export function opened(id) {
  markOpened(id).catch(() => {});
}

/** Whether a section is confusing and not yet retained: the Sections
 *  view's filter. */
export const needsWork = (study) => study?.label === 'confusing' && !study.retained;

/** A row's study marks, or null for a section not studied yet. */
export function studyMarks(study) {
  if (!study) return null;
  const said = [];
  const marks = [];
  if (study.opened) {
    marks.push(el('span', { class: 'opened', 'aria-hidden': 'true' }, '●'));
    said.push(t('study-opened'));
  }
  if (study.label) {
    marks.push(el('span', { class: 'labelled', 'aria-hidden': 'true' }, '★'));
    said.push(t('study-bookmarked', { label: labelName(study.label) }));
  }
  if (study.cards) said.push(t('study-cards', { count: study.cards }));
  if (study.reviews) {
    marks.push(el('span', { class: 'reviews', 'aria-hidden': 'true' }, `↻${study.reviews}`));
    said.push(t('study-reviewed', { count: study.reviews }));
  }
  if (study.retrievability != null) {
    const percent = Math.round(study.retrievability * 100);
    marks.push(el('span', { class: `recall${study.retained ? ' retained' : ''}`, 'aria-hidden': 'true' }, `${percent}%`));
    said.push(study.retained ? t('study-retained', { percent }) : t('study-recall', { percent }));
  }
  const state = [study.opened && 'opened', study.label && 'bookmarked', study.reviews && 'reviewed',
    study.retained && 'retained'].filter(Boolean).join(' ');
  return el('span', {
    class: 'study', 'data-testid': 'study', dataset: { state }, title: said.join(' · '), 'aria-label': said.join(', '),
  }, marks);
}
