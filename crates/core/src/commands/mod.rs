//! Shell commands written in the notes: detection (shared by the renderer,
//! the index and the commands view).

/// The shell command on a note line, without a leading `$ `, or `None` for
/// prose. (Placeholder: only `$ ` lines until real detection lands.)
pub fn command_of(line: &str) -> Option<&str> {
    line.trim().strip_prefix("$ ").map(str::trim)
}
