//! Shell commands written in the notes (`shell`, so that "commands"
//! names only the CLI's subcommands and the app's IPC is `ipc`): detection (shared by the renderer,
//! the index and the commands view), the commands index and its search.
//!
//! ```
//! use pilgi_core::shell::command_of;
//! assert_eq!(command_of("$ k get pods -n kube-system"), Some("k get pods -n kube-system"));
//! assert_eq!(command_of("kubectl run nginx --image=nginx"), Some("kubectl run nginx --image=nginx"));
//! // Prose that mentions kubectl is not a command.
//! assert_eq!(command_of("kubectl run 명령어 알려줌"), None);
//! ```

mod detect;
mod extract;
mod lex;
mod search;
mod table;

pub use detect::{detect, detect_shell, CodeLang, Detected};
pub use extract::{extract, extract_section, Command};
pub use lex::{has_unquoted_hangul, same_command, split_comment, words as shell_words};
pub use search::{search, CommandHit, Place};

/// The shell command on a note line, without list bullet, label or leading
/// `$ `, or `None` for prose. A trailing `# comment` is kept; use
/// [`split_comment`] to separate it. See [`detect`] for the tool and label.
pub fn command_of(line: &str) -> Option<&str> {
    detect(line).map(|d| d.command)
}
