//! The index schema, versioned: bump [`SCHEMA_VERSION`] whenever a field or
//! an analyzer changes, and every existing index is rebuilt on next open.

use crate::analysis::tokenizer::{ALL, PARTS, WORDS};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING,
};

/// The version of the schema and analyzers. Stored in each commit's payload.
pub const SCHEMA_VERSION: u32 = 5;

/// Between the headings of a stored [`Fields::trail`].
pub const TRAIL_SEPARATOR: &str = "\u{1f}";

/// The fields of a section document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Section id (raw, stored).
    pub id: Field,
    /// Note file, relative path (raw, stored): the unit of re-indexing.
    pub file: Field,
    /// Lecture number (stored only).
    pub number: Field,
    /// Lecture length in seconds (stored only).
    pub duration: Field,
    /// Title: words, compound parts and joined neighbours (stored).
    pub title: Field,
    /// The headings above the section and the note's title and aliases.
    pub context: Field,
    /// The headings above the section (stored only, joined with
    /// [`TRAIL_SEPARATOR`]): the hit's heading path.
    pub trail: Field,
    /// The `> ` summary lines.
    pub summary: Field,
    /// The whole body, words only (stored, for snippets).
    pub body: Field,
    /// Shell command lines.
    pub commands: Field,
    /// `#tag` words.
    pub tags: Field,
    /// Parts of compounds in the body (`dry`, `run`, `client`).
    pub parts: Field,
    // No 초성 or keyboard-key fields: queries find those forms in the
    // title and body term dictionaries (see `index/derived.rs`).
}

fn text(analyzer: &str, stored: bool) -> TextOptions {
    // Frequencies but no positions: queries are built without phrases, and
    // positions would double the index size for nothing.
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(IndexRecordOption::WithFreqs);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema and returns its fields.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        file: b.add_text_field("file", STRING | STORED),
        number: b.add_u64_field("number", STORED),
        duration: b.add_u64_field("duration", STORED),
        title: b.add_text_field("title", text(ALL, true)),
        context: b.add_text_field("context", text(ALL, false)),
        trail: b.add_text_field("trail", STORED),
        summary: b.add_text_field("summary", text(WORDS, false)),
        body: b.add_text_field("body", text(WORDS, true)),
        commands: b.add_text_field("commands", text(WORDS, false)),
        tags: b.add_text_field("tags", text(WORDS, false)),
        parts: b.add_text_field("parts", text(PARTS, false)),
    };
    (b.build(), fields)
}

/// Relative weight of a match in each text field: a word in the title says
/// more about a section than the same word somewhere in its body.
pub fn text_fields(f: &Fields) -> [(Field, f32); 7] {
    [
        (f.title, 4.0),
        (f.context, 1.2),
        (f.summary, 2.5),
        (f.commands, 1.8),
        (f.tags, 1.5),
        (f.body, 1.0),
        (f.parts, 0.35),
    ]
}
