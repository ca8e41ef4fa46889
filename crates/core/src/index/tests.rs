//! Index lifecycle and bad-input tests: incremental sync, rebuild on damage
//! or schema change, and queries that must never error or panic.

use super::writer::Payload;
use super::SearchIndex;
use crate::{note, Corpus, LoadedNote};

fn corpus(files: &[(&str, &str)]) -> Corpus {
    let notes = files
        .iter()
        .map(|(name, text)| LoadedNote {
            note: note::parse(name, text),
            hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
        })
        .collect();
    Corpus::from_notes("notes".as_ref(), notes, vec![])
}

use crate::testing::{NAMESPACES as B, PODS as A};

#[test]
fn sync_is_incremental_by_file_hash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open(dir.path()).expect("open");
    let r = index
        .sync(&corpus(&[("a.txt", A), ("b.txt", B)]))
        .expect("sync");
    assert_eq!((r.added, r.updated, r.removed, r.sections), (2, 0, 0, 3));
    let r = index
        .sync(&corpus(&[("a.txt", A), ("b.txt", B)]))
        .expect("sync");
    assert_eq!((r.added, r.unchanged, r.sections), (0, 2, 0));
    let changed = B.replace("Namespaces", "Quotas");
    let r = index
        .sync(&corpus(&[("a.txt", A), ("b.txt", &changed)]))
        .expect("sync");
    assert_eq!((r.updated, r.unchanged, r.sections), (1, 1, 1));
    assert_eq!(index.num_sections(), 3);
    assert_eq!(index.search("quotas", 5).expect("search").hits.len(), 1);
    let hits = index.search("namespaces", 5).expect("search").hits;
    assert!(
        hits.iter().all(|h| h.section.title != "Namespaces"),
        "{hits:?}"
    );
    let r = index.sync(&corpus(&[("a.txt", A)])).expect("sync");
    assert_eq!(r.removed, 1);
    assert_eq!(index.num_sections(), 2);
}

#[test]
fn reopening_keeps_the_index() {
    let dir = tempfile::tempdir().expect("tempdir");
    SearchIndex::open(dir.path())
        .and_then(|ix| ix.sync(&corpus(&[("a.txt", A)])))
        .expect("first");
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.notice(), None);
    assert!(index.is_current(&corpus(&[("a.txt", A)])).expect("current"));
    assert_eq!(index.search("파드", 5).expect("search").hits.len(), 1);
}

#[test]
fn damaged_or_outdated_index_is_rebuilt_with_a_notice() {
    let dir = tempfile::tempdir().expect("tempdir");
    SearchIndex::open(dir.path())
        .and_then(|ix| ix.sync(&corpus(&[("a.txt", A)])))
        .expect("first");
    std::fs::write(dir.path().join("meta.json"), "{not json").expect("damage");
    std::fs::write(dir.path().join("keep.txt"), "not ours").expect("write");
    let index = SearchIndex::open(dir.path()).expect("rebuilt");
    assert!(index
        .notice()
        .is_some_and(|n| n.to_string().contains("rebuilt")));
    assert!(
        dir.path().join("keep.txt").exists(),
        "only index files are cleared"
    );
    let report = index.sync(&corpus(&[("a.txt", A)])).expect("sync");
    assert_eq!(report.added, 1);
    assert!(report.rebuilt.is_some());

    // An index written by another schema version is rebuilt too.
    let payload = Payload::read(&index.index, index.dir.as_deref())
        .expect("read")
        .expect("payload");
    let mut writer = index
        .index
        .writer::<tantivy::TantivyDocument>(15_000_000)
        .expect("writer");
    let mut prepared = writer.prepare_commit().expect("prepare");
    let old = serde_json::json!({"version": 0, "files": payload.files});
    prepared.set_payload(&old.to_string());
    prepared.commit().expect("commit");
    drop(writer);
    drop(index);
    let index = SearchIndex::open(dir.path()).expect("rebuilt");
    assert!(index
        .notice()
        .is_some_and(|n| n.to_string().contains("version 0")));
}

#[test]
fn a_second_writer_is_refused_as_busy_not_failed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open(dir.path()).expect("open");
    let _held = index
        .index
        .writer::<tantivy::TantivyDocument>(15_000_000)
        .expect("writer");
    let started = std::time::Instant::now();
    let err = index.sync(&corpus(&[("a.txt", A)])).expect_err("busy");
    assert!(matches!(err, crate::Error::Busy), "{err}");
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(500),
        "it waited first"
    );
    // Readers are not blocked by the writer.
    assert!(index.search("pod", 5).expect("search").hits.is_empty());
}

#[test]
fn bad_queries_give_lists_not_errors() {
    let index = SearchIndex::in_ram().expect("index");
    index
        .sync(&corpus(&[("a.txt", A), ("b.txt", B)]))
        .expect("sync");
    let long = "파드 ".repeat(5_000);
    let queries = [
        "",
        "   ",
        "\"",
        "*",
        "(",
        ")",
        "\\",
        "[",
        "a:b",
        "+-!",
        "?",
        "~2",
        "^3",
        "pod AND",
        "OR",
        ".*",
        "^(a|b)+$",
        "[a-z]{2,}",
        "🎉",
        "ㅋ",
        "ㅏ",
        "ㄱ",
        "Привет мир",
        "日本語",
        "مرحبا",
        "\u{0}",
        "\u{200b}",
        "&lt;script&gt;",
        "<script>alert(1)</script>",
        &long,
    ];
    for q in queries {
        let r = index.search(q, 10).unwrap_or_else(|e| panic!("{q:?}: {e}"));
        for h in &r.hits {
            // Spans as the type promises: none empty, marked and unmarked
            // taking turns.
            let spans = &h.snippet.0;
            assert!(spans.iter().all(|s| !s.text.is_empty()), "{q:?}: {spans:?}");
            assert!(
                spans.windows(2).all(|w| w[0].marked != w[1].marked),
                "{q:?}"
            );
        }
    }
    assert!(index.search("", 10).expect("empty").hits.is_empty());
    assert!(index.search("(", 10).expect("paren").hits.is_empty());
    assert!(
        !index.search(&long, 10).expect("long").hits.is_empty(),
        "a long query still works"
    );
    assert!(index.search("pod", 0).expect("zero limit").hits.is_empty());
}

#[test]
fn results_say_which_reading_matched() {
    let index = SearchIndex::in_ram().expect("index");
    index.sync(&corpus(&[("a.txt", A)])).expect("sync");
    let r = index.search("vkem", 5).expect("search"); // 파드 on the Latin layout
    assert_eq!(r.interpretations, ["keyboard layout: 파드"]);
    assert_eq!(r.hits[0].section.title, "Pods");
    let snippet = crate::testing::shown(&r.hits[0].snippet);
    assert!(snippet.contains("<mark>파드를</mark>"), "{snippet}");
    let r = index.search("pods", 5).expect("search");
    assert!(r.interpretations.is_empty());
    let json = serde_json::to_value(&r).expect("json");
    let keys: Vec<&String> = json["hits"][0].as_object().expect("hit").keys().collect();
    // The section's fields beside the hit's own, its duration with them.
    assert_eq!(
        keys,
        [
            "duration_seconds",
            "file",
            "id",
            "number",
            "score",
            "snippet",
            "title"
        ]
    );
    assert_eq!(json["hits"][0]["duration_seconds"], 60);
}

/// Writes `text` to `dir/name` and dates it `age_secs` in the past, so its
/// stat is settled (trusted) unless `age_secs` is 0.
/// The state files in an index folder.
fn states(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with(super::writer::STATE_PREFIX))
        .collect();
    names.sort();
    names
}

#[test]
fn on_disk_the_record_lives_beside_meta_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open(dir.path()).expect("open");
    index.sync(&corpus(&[("a.txt", A)])).expect("sync");
    let meta = std::fs::read_to_string(dir.path().join("meta.json")).expect("meta");
    assert!(!meta.contains("a.txt"), "no file list in meta.json");
    assert_eq!(states(dir.path()).len(), 1);
    for text in ["x", "y", "z"] {
        let changed = B.replace("Namespaces", text);
        index
            .sync(&corpus(&[("a.txt", A), ("b.txt", &changed)]))
            .expect("sync");
    }
    assert_eq!(states(dir.path()).len(), 2, "current and previous only");
    drop(index);
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.notice(), None);
    let same = corpus(&[("a.txt", A), ("b.txt", &B.replace("Namespaces", "z"))]);
    assert!(index.is_current(&same).expect("current"));
    drop(index);

    // A lost state file: the index is rebuilt, with a notice.
    for name in states(dir.path()) {
        std::fs::remove_file(dir.path().join(name)).expect("rm");
    }
    let index = SearchIndex::open(dir.path()).expect("rebuilt");
    assert!(
        index
            .notice()
            .is_some_and(|n| n.to_string().contains("rebuilt")),
        "{:?}",
        index.notice()
    );
    assert_eq!(index.sync(&same).expect("sync").added, 2);
    drop(index);

    // A damaged one too.
    let current = states(dir.path()).pop().expect("state");
    std::fs::write(dir.path().join(current), "{\"version\":").expect("damage");
    let index = SearchIndex::open(dir.path()).expect("rebuilt");
    assert!(index
        .notice()
        .is_some_and(|n| n.to_string().contains("rebuilt")));
    assert_eq!(index.sync(&same).expect("sync").added, 2);
    assert_eq!(
        index.search("pods", 5).expect("search").hits[0]
            .section
            .title,
        "Pods"
    );
}

/// An index of `notes` on disk (kept while the directory lives).
fn indexed(notes: &[(&str, &str)]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open(dir.path()).expect("open");
    index.sync(&corpus(notes)).expect("sync");
    (dir, index)
}

/// The ids of the first five hits of `query`, best first.
fn hit_ids(index: &SearchIndex, query: &str) -> Vec<String> {
    let hits = index.search(query, 5).expect("search").hits;
    hits.into_iter().map(|h| h.section.id.0).collect()
}

#[test]
fn a_compound_written_without_its_space_finds_its_words() {
    let notes = [
        (
            "leases.md",
            "## 리더 선출\n\n컴포넌트는 리스로 리더를 정한다.\n",
        ),
        (
            "other.md",
            "## 리더\n\n리더는 한 명이다.\n\n## 선출\n\n투표로 뽑는다.\n",
        ),
    ];
    let (_dir, index) = indexed(&notes);
    // The word typed whole, and on the English layout (flejtjscnf).
    for query in ["리더선출", "flejtjscnf"] {
        let ids = hit_ids(&index, query);
        assert_eq!(
            ids.first().map(String::as_str),
            Some("leases#리더-선출"),
            "{query}: {ids:?}"
        );
    }
    // A word the index holds whole is not split.
    let ids = hit_ids(&index, "리더");
    assert!(ids.iter().any(|id| id == "other#리더"), "{ids:?}");
}

#[test]
fn a_glossary_phrase_finds_its_other_language() {
    let notes = [
        (
            "deploy.md",
            "## 롤링 업데이트\n\n디플로이먼트를 조금씩 바꾼다.\n",
        ),
        (
            "apt.md",
            "## 패키지\n\nrolling 배포 전에 apt-get update 를 한다.\n",
        ),
    ];
    let (_dir, index) = indexed(&notes);
    // `rolling update` is a glossary phrase: both of its words meet 롤링
    // 업데이트, so the section holding the phrase in Korean ranks first;
    // and the phrase run together finds it spaced.
    for query in ["rolling update", "롤링업데이트"] {
        let ids = hit_ids(&index, query);
        assert_eq!(
            ids.first().map(String::as_str),
            Some("deploy#롤링-업데이트"),
            "{query}: {ids:?}"
        );
    }
}

#[test]
fn typos_in_compounds_initials_and_abbreviations_still_find() {
    let notes = [
        ("a.md", "## 스케줄러\n\nkube-scheduler 가 노드를 고른다.\n"),
        ("b.md", "## 배포 전략\n\nrollingupdate 로 바꾼다.\n"),
        ("c.md", "## 컨트롤 플레인\n\nHA 로 세 대를 둔다.\n"),
        ("d.md", "## 기타\n\n노드와 파드.\n"),
    ];
    let (_dir, index) = indexed(&notes);
    for (query, id) in [
        // A typo inside a hyphenated name.
        ("kube-shceduler", "a#스케줄러"),
        // 초성 of the Korean term (롤링 업데이트) for a note that wrote it in English.
        ("ㄹㄹㅇㄷㅇㅌ", "b#배포-전략"),
        // An abbreviation spelled out.
        ("high availability", "c#컨트롤-플레인"),
    ] {
        let ids = hit_ids(&index, query);
        assert_eq!(
            ids.first().map(String::as_str),
            Some(id),
            "{query}: {ids:?}"
        );
    }
}

/// A folder big enough for [`super::writer::CHECKPOINT_SECTIONS`] to cut its
/// first build into checkpoints: `files` notes of 1 000 sections each, each
/// section naming its file (`filefifteen`) so a search tells which files
/// the index holds.
fn big_corpus(files: usize) -> Corpus {
    let texts: Vec<(String, String)> = (0..files)
        .map(|f| {
            let word = format!("file{}", "x".repeat(f + 1));
            let text = (1..=1000)
                .map(|n| format!("{n}. Part {n} of {word} 01:00\n{word} 파드 {n}\n"))
                .collect();
            (format!("n{f:02}.txt"), text)
        })
        .collect();
    let named: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    corpus(&named)
}

#[test]
fn a_big_build_is_searchable_from_its_checkpoints() {
    use super::writer::CHECKPOINT_SECTIONS;
    let files = 2 * CHECKPOINT_SECTIONS / 1000 + 5;
    assert!(files * 1000 < 3 * CHECKPOINT_SECTIONS);
    let big = big_corpus(files);
    let index = SearchIndex::in_ram().expect("index");
    let searching = index.clone();
    // What a search saw at each file of the build (progress comes before
    // each file is indexed).
    let mut seen = Vec::new();
    let report = index
        .sync_reporting(&big, &mut |p| {
            if p.files_done > 1 && p.stage == crate::progress::Stage::Indexing {
                let results = searching.search("파드", 1).expect("search");
                seen.push((p.files_done, results.partial, searching.num_sections()));
            }
        })
        .expect("sync");
    assert_eq!(report.sections, files * 1000);
    let first = CHECKPOINT_SECTIONS / 1000;
    // Nothing until the first checkpoint, then what it holds, stated.
    assert!(seen
        .iter()
        .filter(|s| s.0 <= first)
        .all(|s| s.1.is_none() && s.2 == 0));
    let (_, partial, held) = seen
        .iter()
        .find(|s| s.0 == first + 1)
        .expect("a search after the first checkpoint");
    let partial = partial.expect("the results say they are partial");
    assert_eq!((partial.files_indexed, partial.files_total), (first, files));
    assert_eq!(
        (partial.sections_indexed, partial.sections_total),
        (CHECKPOINT_SECTIONS, files * 1000)
    );
    assert_eq!(*held, CHECKPOINT_SECTIONS as u64);
    // The next checkpoint waits for twice as many sections: 60k, beyond
    // this build.
    assert!(seen
        .iter()
        .all(|s| s.2 == 0 || s.2 == CHECKPOINT_SECTIONS as u64));
    // Done: whole, and said so.
    let done = index.search("파드", 1).expect("search");
    assert_eq!(done.partial, None);
    assert_eq!(index.num_sections(), (files * 1000) as u64);
}

#[test]
fn a_build_stopped_midway_resumes_from_its_last_checkpoint() {
    use super::writer::CHECKPOINT_SECTIONS;
    let dir = tempfile::tempdir().expect("tempdir");
    let files = CHECKPOINT_SECTIONS / 1000 + 3;
    let big = big_corpus(files);
    // The build dies (a panic here, SIGKILL in the CLI's crash test) after
    // its first checkpoint, before its end.
    let stopped = std::panic::catch_unwind(|| {
        let index = SearchIndex::open(dir.path()).expect("open");
        let _ = index.sync_reporting(&big, &mut |p| {
            if p.files_done == files - 1 {
                panic!("killed");
            }
        });
    });
    assert!(stopped.is_err());
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.notice(), None, "a checkpoint is not damage");
    let partial = index.partial().expect("it knows it is partial");
    assert_eq!(partial.files_indexed, CHECKPOINT_SECTIONS / 1000);
    let found = index.search("filex", 5).expect("search");
    assert_eq!(found.partial, Some(partial));
    assert!(!found.hits.is_empty(), "the first file is searchable");
    let missing = format!("file{}", "x".repeat(files));
    assert!(index.search(&missing, 5).expect("search").hits.is_empty());
    assert!(!index.is_current(&big).expect("current"));
    // The next sync indexes only what the checkpoint lacks.
    let report = index.sync(&big).expect("sync");
    assert_eq!(
        (report.unchanged, report.added),
        (
            CHECKPOINT_SECTIONS / 1000,
            files - CHECKPOINT_SECTIONS / 1000
        )
    );
    assert_eq!(index.partial(), None);
    assert_eq!(index.search(&missing, 5).expect("search").hits.len(), 5);
    assert!(index.is_current(&big).expect("current"));
    assert_eq!(
        SearchIndex::open(dir.path()).expect("reopen").partial(),
        None
    );
}
