//! What a re-read of the notes changed, view by view.
//!
//! Why: after an edit the app redrew every view from whole-folder answers
//! (at 100k sections: the timeline as ~20 MB of JSON, every command, every
//! suggestion), seconds of work for a line typed under a heading. Most edits
//! change only the text under a heading, which only the reader and the
//! search show; the views built from the notes' shape redraw only when it
//! changed.

use crate::bookmarks::suggest::{scan, Markers};
use crate::corpus::Corpus;
use crate::shell::extract_section;
use crate::timeline;
use crate::Note;
use serde::Serialize;

/// Which views a re-read changed (none, when only text under headings
/// changed: the open section and the search follow by themselves).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The sections themselves: a note added or removed, a heading, a
    /// number, a duration or a note's day changed. The timeline, the
    /// Sections tree and every view that names sections (commands,
    /// bookmarks, review) follow.
    pub sections: bool,
    /// The shell commands of some section.
    pub commands: bool,
    /// The sections the notes suggest bookmarking (confusion markers), or
    /// the lines they quote.
    pub suggestions: bool,
}

impl Change {
    /// What changed from `old` to `new`. Only the notes that differ are
    /// looked at: a re-read shares the unchanged ones ([`Corpus::reloaded`]).
    pub fn between(old: &Corpus, new: &Corpus) -> Change {
        fn files(c: &Corpus) -> impl Iterator<Item = &str> {
            c.notes.iter().map(|n| n.note.file.as_str())
        }
        let mut change = Change {
            sections: !files(old).eq(files(new)),
            ..Change::default()
        };
        let commands = |n: &Note| -> Vec<Vec<String>> {
            let texts = |s| extract_section(s).into_iter().map(|c| c.text).collect();
            n.sections.iter().map(texts).collect()
        };
        // Line and marker: a line added above moves the line numbers of the
        // suggestions below, which the window does not show.
        let suggestions = |n: &Note| -> Vec<_> {
            let shown = |s| scan(s, Markers::builtin()).map(|s| (s.line, s.marker));
            n.sections.iter().map(shown).collect()
        };
        for (before, after) in new.changed_from(old) {
            let Some(before) = before else {
                continue; // a note added: `sections` says so already
            };
            let file = after.file.as_str();
            change.sections |= timeline::shape(before, old.modified(file))
                != timeline::shape(after, new.modified(file));
            change.commands |= commands(before) != commands(after);
            change.suggestions |= suggestions(before) != suggestions(after);
        }
        change
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::folder;

    fn reread(dir: &std::path::Path, name: &str, text: &str, old: &Corpus) -> (Corpus, Change) {
        crate::testing::write_aged(dir, name, text.as_bytes(), 0);
        let new = old.reloaded();
        let change = Change::between(old, &new);
        (new, change)
    }

    #[test]
    fn only_what_an_edit_touched_is_redrawn() {
        let (_tmp, locations) = folder();
        let dir = &locations.notes;
        let note = "1. Pods 05:00\n파드를 만듦\n$ k get pods\n2. Services 03:00\nsvc 노출\n";
        crate::testing::write_aged(dir, "a.txt", note.as_bytes(), 3600);
        crate::testing::write_aged(dir, "b.txt", b"1. Nodes 01:00\nnode\n", 3600);
        let c0 = Corpus::load(dir);
        assert_eq!(Change::between(&c0, &c0.reloaded()), Change::default());

        // Text under a heading, a line added: nothing to redraw.
        let (c1, change) = reread(dir, "a.txt", &note.replace("만듦", "만들고\n확인"), &c0);
        assert_eq!(change, Change::default());
        // A command.
        let command = note.replace("get pods", "get po -A");
        let (c2, change) = reread(dir, "a.txt", &command, &c1);
        assert_eq!(
            change,
            Change {
                commands: true,
                ..Change::default()
            }
        );
        // A confusion marker.
        let confused = command.replace("svc 노출", "svc 노출 헷갈림");
        let (c3, change) = reread(dir, "a.txt", &confused, &c2);
        assert_eq!(
            change,
            Change {
                suggestions: true,
                ..Change::default()
            }
        );
        // A heading, a duration.
        let (c4, change) = reread(dir, "a.txt", &confused.replace("Services", "Svc"), &c3);
        assert!(change.sections && !change.commands, "{change:?}");
        let (c5, change) = reread(dir, "a.txt", &confused.replace("03:00", "04:00"), &c4);
        assert!(change.sections, "{change:?}");
        // A note added.
        let (_, change) = reread(dir, "c.txt", "1. Etcd 02:00\netcd\n", &c5);
        assert!(change.sections, "{change:?}");
    }
}
