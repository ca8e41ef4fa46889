//! Text analysis shared by the index and the query engine: Hangul arithmetic,
//! the Korean/English tokenizer and the ko↔en glossary.
