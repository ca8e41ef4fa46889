//! Links the `pilgi` binary as a non-PIE executable (`-no-pie`), for this
//! binary only: the desktop app and pilgi-core are built as before.
//!
//! Why: `pilgi search` is a one-shot process, and starting it was half of
//! its run. As a PIE the 13 MB binary carries ~38k relative relocations
//! (tantivy's and clap's vtables and tables in `.data.rel.ro`), which the
//! dynamic loader applies on every start, reading 0.9 MB of relocation
//! records and copying ~800 KB of pages it writes to: `pilgi --version` took
//! 1.5 ms and 315 page faults, 1.1 ms and 120 faults without (a whole
//! `grep -ric` of 10k sections: 3.6 ms). Packing the relocations
//! (`-z pack-relative-relocs`) does not help: the pages are still written.
//! The objects are position-independent as always; GNU ld and gcc link them
//! into a fixed-address executable, which only gives up ASLR of the
//! binary's own code (libraries, heap and stack are still randomised).
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-link-arg-bins=-no-pie");
}
