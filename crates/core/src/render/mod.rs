//! Note text to tagged, sanitized HTML.
