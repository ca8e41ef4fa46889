//! A cap on nesting. pulldown-cmark nests as deep as the text says (50 000
//! `>` make 50 000 blockquotes), and what is deep in events is deep in the
//! HTML tree every later step walks. Markup deeper than [`MAX_DEPTH`] is
//! dropped and its content kept, so the rest of the pipeline only ever
//! sees shallow, balanced events.

use pulldown_cmark::Event;

/// No note needs more: a callout in a list in a callout in a table is 5.
pub const MAX_DEPTH: usize = 32;

/// The transform.
pub fn depth<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    // For each open tag: whether it was kept.
    let mut open: Vec<bool> = Vec::new();
    let mut kept = 0usize;
    events.filter_map(move |e| match e {
        Event::Start(tag) => {
            let keep = kept < MAX_DEPTH;
            open.push(keep);
            kept += usize::from(keep);
            keep.then_some(Event::Start(tag))
        }
        Event::End(tag) => {
            let keep = open.pop().unwrap_or(false);
            kept -= usize::from(keep);
            keep.then_some(Event::End(tag))
        }
        other => Some(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::markdown::options;
    use pulldown_cmark::Parser;

    #[test]
    fn deep_markup_is_flattened_and_balanced() {
        for text in [
            ">".repeat(5_000),
            "- ".repeat(5_000),
            format!("{}x", "> - ".repeat(2_000)),
        ] {
            let text = format!("{text}deep words\n");
            let (mut level, mut max, mut words) = (0usize, 0usize, String::new());
            for e in depth(Parser::new_ext(&text, options())) {
                match e {
                    Event::Start(_) => {
                        level += 1;
                        max = max.max(level);
                    }
                    Event::End(_) => level -= 1,
                    Event::Text(t) => words.push_str(&t),
                    _ => {}
                }
            }
            assert_eq!(level, 0);
            assert_eq!(max, MAX_DEPTH);
            assert!(words.contains("deep words"), "{words}");
        }
    }
}
