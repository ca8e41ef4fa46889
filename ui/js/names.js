// How a section is named wherever a list or a hit shows it: `17. Pods` for
// a numbered lecture, the bare title otherwise (the Rust side's
// `pilgi_core::note::numbered`); its kind and a bookmark's label, in the
// interface's words.
import { t } from './i18n.js';

/** The section's name from its lecture number (or null) and title. */
export const sectionName = (number, title) => (number == null ? title : `${number}. ${title}`);

/** A section's kind (`lecture`, `practice_test`, …; `note` for a whole
 *  Markdown note) as the interface says it. */
export function kindName(kind) {
  switch (kind) {
    case 'lecture': return t('kind-lecture');
    case 'demo': return t('kind-demo');
    case 'practice_test': return t('kind-practice-test');
    case 'solution': return t('kind-solution');
    case 'note': return t('kind-note');
    default: return t('kind-other');
  }
}

/** A label as the interface says it: the three it offers in its words, a
 *  label of the user's own as written. */
export function labelName(label) {
  switch (label) {
    case 'confusing': return t('label-confusing');
    case 'review': return t('label-review');
    case 'exam-tip': return t('label-exam-tip');
    default: return label;
  }
}
