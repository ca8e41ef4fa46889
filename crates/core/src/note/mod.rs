//! Notes: the model, the two parsers (the course-note dialect and
//! Markdown), front matter, template tags and byte decoding.

pub mod front_matter;
mod header;
pub mod markdown;
pub mod markup;
mod model;
mod parser;
pub mod plain;
mod source;

pub use front_matter::Meta;
pub use header::{parse_header, Header};
pub use model::{numbered, Format, Note, Section, SectionId, SectionKind, SectionRef};
pub use parser::{file_stem, parse, slug};
pub use source::{decode, Decoded, Rejected};

#[cfg(test)]
mod proptests;
