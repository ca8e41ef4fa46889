//! Notes: the model, the course-note dialect parser and byte decoding.

mod header;
mod model;
mod parser;
mod source;

pub use header::{parse_header, Header};
pub use model::{Note, Section, SectionId, SectionKind};
pub use parser::{file_stem, parse, slug};
pub use source::{decode, Decoded, Rejected};

#[cfg(test)]
mod proptests;
