//! A tour of Pilgi search: index a notes folder, then ask it the kinds of
//! questions a student asks, in Korean, English, both, misspelled, typed in
//! the wrong keyboard layout, or as 초성.
//!
//! `cargo run -p pilgi-core --example index_and_search [NOTES_DIR] [QUERY...]`

use pilgi_core::analysis::glossary::Glossary;
use pilgi_core::index::SearchIndex;
use pilgi_core::Corpus;
use std::path::PathBuf;

fn main() -> Result<(), pilgi_core::Error> {
    let mut args = std::env::args().skip(1);
    let notes = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../notes")));

    // 1. Read the folder. Files that cannot be read are listed, not fatal.
    let corpus = Corpus::load(&notes);
    for s in &corpus.skipped {
        eprintln!("skipped {}: {}", s.file, s.reason);
    }

    // 2. Index it. The app keeps the index in the cache dir and calls
    //    `sync` again on every change: only files whose hash changed are
    //    re-indexed. Here a throwaway in-memory index is enough.
    let index = SearchIndex::in_ram()?;
    let report = index.sync(&corpus)?;
    println!(
        "indexed {} sections from {} files in {} ms",
        report.sections, report.added, report.millis
    );

    // 3. The glossary links the two languages: 파드 is `pod`, `svc` is 서비스.
    let glossary = Glossary::builtin();
    for word in ["파드", "svc", "ns"] {
        let key = glossary.lookup(word).map_or("-", |g| g.key.as_ref());
        println!("glossary: {word} → {key}");
    }

    // 4. Ask. Every query is valid: junk gives an empty list, never an error.
    let queries: Vec<String> = args.collect();
    let defaults = [
        "컨테이너 상태",
        "replcaset",
        "dlalwl",
        "ㅋㅌㅇㄴ",
        "ns",
        "snaps",
    ];
    let queries: Vec<&str> = if queries.is_empty() {
        defaults.to_vec()
    } else {
        queries.iter().map(String::as_str).collect()
    };
    for q in queries {
        let results = index.search(q, 3)?;
        println!("\n{q:?} {:?}", results.interpretations);
        for hit in results.hits {
            let name = pilgi_core::note::numbered(hit.section.number, &hit.section.title);
            println!("  {name}  ({:.1})", hit.score);
            println!("    {}", hit.snippet.text().replace('\n', "\n    "));
        }
    }
    Ok(())
}
