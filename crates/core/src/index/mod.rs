//! The tantivy full-text index over note sections, and searching it.
