//! The core's modules depend downwards only: library → index, render,
//! bookmarks, shell, timeline → corpus, links, paths → analysis, note and
//! the small utilities. A module that reached up (the index into the CLI's
//! fast path, once) would make the layers in ARCHITECTURE.md untrue; this
//! reads every `crate::…` path in the sources and says which one does.

use std::path::{Path, PathBuf};

/// Each module's layer, lowest first; a module may use its own layer and
/// the ones below. (`testing` is the tests' own.)
const LAYERS: &[&[&str]] = &[
    &[
        "error", "atomic", "progress", "scan", "analysis", "note", "settings",
    ],
    &["paths", "corpus", "links"],
    &[
        "index",
        "render",
        "bookmarks",
        "review",
        "shell",
        "timeline",
    ],
    &["library", "watch_lease"],
];

/// The crate root's re-exports (`crate::Corpus`), by the module they are from.
const REEXPORTS: &[(&str, &str)] = &[
    ("Corpus", "corpus"),
    ("LoadedNote", "corpus"),
    ("Error", "error"),
    ("Result", "error"),
    ("Library", "library"),
    ("Note", "note"),
    ("Section", "note"),
    ("SectionId", "note"),
    ("SectionKind", "note"),
    ("SectionRef", "note"),
    ("Locations", "paths"),
    ("Skipped", "scan"),
    ("Settings", "settings"),
    ("Timeline", "timeline"),
    ("TimelineEntry", "timeline"),
    ("format_duration", "timeline"),
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The modules a `crate::` path names: `crate::index::x` → index,
/// `crate::{Corpus, note::Section}` → corpus, note.
fn named(after: &str) -> Vec<String> {
    let items: Vec<&str> = match after.strip_prefix('{') {
        Some(group) => group[..group.find('}').unwrap_or(group.len())]
            .split(',')
            .collect(),
        None => vec![after],
    };
    items
        .iter()
        .filter_map(|item| {
            let head: String = item
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let module = REEXPORTS
                .iter()
                .find(|(name, _)| *name == head)
                .map_or(head.as_str(), |(_, m)| m);
            layer(module).map(|_| module.to_owned())
        })
        .collect()
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_depend_downwards_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut checked = 0;
    let mut upward = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let module = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|c| c.trim_end_matches(".rs"))
            .unwrap_or_default();
        let Some(own) = layer(module) else {
            continue; // lib.rs, testing.rs
        };
        let text = std::fs::read_to_string(&file).expect("read");
        for (at, _) in text.match_indices("crate::") {
            for used in named(&text[at + "crate::".len()..]) {
                checked += 1;
                let theirs = layer(&used).expect("a layer");
                if theirs > own {
                    upward.push(format!("{}: {module} uses {used}", rel.display()));
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} paths read: is the parser broken?"
    );
    assert!(
        upward.is_empty(),
        "modules reaching up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn every_module_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    for line in lib.lines() {
        let decl = line.trim_start_matches("pub ").strip_prefix("mod ");
        if let Some(name) = decl.map(|d| d.trim_end_matches(';')) {
            assert!(
                name == "testing" || layer(name).is_some(),
                "{name} has no layer"
            );
        }
    }
}
