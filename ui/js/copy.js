// Copying commands: one path for the reader's buttons, the commands view
// and the `c` key, with visible feedback.
import { copyText } from './api.js';
import { status } from './dom.js';
import { t } from './i18n.js';

/** Copies `text` and flashes `button` (if any) as done. */
export async function copy(text, button) {
  try {
    await copyText(text);
    status(t('status-copied', { text: text.length > 60 ? `${text.slice(0, 57)}…` : text }));
    if (button) {
      button.classList.add('copied');
      const label = button.textContent;
      button.textContent = t('copy-done');
      setTimeout(() => { button.classList.remove('copied'); button.textContent = label; }, 1200);
    }
  } catch (e) {
    status(e.message);
  }
}
