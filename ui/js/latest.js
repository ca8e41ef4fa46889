// Search as you type without a fixed debounce: the first keystroke is served
// at once; keystrokes that arrive while a search is in flight collapse into
// one rerun with the newest text when it finishes. Fast machines get every
// keystroke; slow ones never queue stale work.

/** Wraps an async `task` (which reads the current input itself). */
export function latest(task) {
  let running = false;
  let again = false;
  return async function trigger() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await task();
      } while (again);
    } finally {
      running = false;
    }
  };
}
