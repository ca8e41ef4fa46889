//! A clear exit when the search index is cut short under a running search.
//!
//! Why: tantivy reads the index through memory maps. When another program
//! truncates a mapped file while `pilgi` reads it (a sync tool, a disk
//! cleaner, a damaged disk), the next read of a lost page raises `SIGBUS`,
//! and the process died by that signal without a word (1 run in 30 of
//! `damaged::index_damaged_while_pilgi_runs_never_panics_and_heals`). The
//! read happens inside tantivy, so there is no error to return from it;
//! instead the signal's handler says what happened in one line and exits
//! with status 2, like any other error. The next run finds the damage and
//! rebuilds the index (it is only a cache; the notes are never touched).

use std::sync::OnceLock;

/// What the handler writes, said in the user's language before it is
/// installed (a signal handler may only call async-signal-safe functions,
/// so nothing is formatted there; reading a set `OnceLock` is one atomic
/// load).
static MESSAGE: OnceLock<Box<[u8]>> = OnceLock::new();

/// Installs the handler for the rest of the process (after the language is
/// decided).
pub fn exit_cleanly_on_sigbus() {
    let said = format!("pilgi: {}\n", pilgi_i18n::t!("cli-index-cut-short"));
    MESSAGE.get_or_init(|| said.into_bytes().into_boxed_slice());
    extern "C" fn on_sigbus(_: libc::c_int) {
        // SAFETY: write(2) and _exit(2) are async-signal-safe; MESSAGE was
        // set before the handler was installed and is never freed.
        unsafe {
            if let Some(message) = MESSAGE.get() {
                libc::write(libc::STDERR_FILENO, message.as_ptr().cast(), message.len());
            }
            libc::_exit(2);
        }
    }
    // SAFETY: a zeroed sigaction with a handler address and an empty mask is
    // valid; the handler only makes async-signal-safe calls.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigbus as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
    }
}
