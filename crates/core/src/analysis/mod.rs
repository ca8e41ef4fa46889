//! Text analysis shared by the index and the query engine: Hangul arithmetic,
//! the Korean/English tokenizer and the ko↔en glossary.

pub mod forms;
pub mod glossary;
pub mod hangul;
pub mod memo;
pub mod query;
pub mod segment;
pub mod stem;
pub mod tokenizer;
pub mod typo;
