use super::*;
use crate::note::parse;
use crate::{LoadedNote, Skipped};

fn corpus(files: &[(&str, &str)], images: &[&str]) -> Corpus {
    let notes = files
        .iter()
        .map(|(file, text)| LoadedNote {
            note: parse(file, text),
            hash: String::new(),
        })
        .collect();
    let skipped = images
        .iter()
        .map(|f| Skipped {
            file: (*f).to_owned(),
            reason: pilgi_i18n::Message::new("skip-not-note"),
        })
        .collect();
    Corpus::from_notes(Path::new("/home/u/notes"), notes, skipped)
}

fn vault() -> Links {
    Links::new(&corpus(
        &[
            ("index.md", "# Home\n[pod](k8s-ko-docs/concepts/workloads/pods/pod-lifecycle.md)\n"),
            (
                "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle.md",
                "---\ntitle: 파드 라이프사이클\naliases: [Pod Lifecycle]\n---\n소개\n## 재시작 정책 {#restart-policy}\n## Container states\n",
            ),
            ("k8s-ko-docs/concepts/workloads/pods/_index.md", "# 파드\n[[pod-lifecycle]]\n"),
            ("k8s-ko-docs/concepts/workloads/pods/init.md", "# Init\n"),
            ("k8s-ko-docs/concepts/_index.md", "# 개념\n"),
            ("guide/README.md", "# Guide\n"),
            ("guide/setup.md", "# Setup\n## Install it\n[[Home]] [x](../index.md) [self](#install-it)\n"),
            ("a/x/note.md", "# Near\n"),
            ("a/y/deeper/note.md", "# Far\n"),
            ("b/note.md", "# Other\n"),
            ("cka.txt", "1. Intro 01:00\ntext\n"),
        ],
        &["a/x/img.png", "b/img.png", "assets/img.png", "a/x/diagram.svg"],
    ))
}

fn section(t: Option<Target>) -> String {
    t.map_or("-".into(), |t| t.section.to_string())
}

#[test]
fn anchors_in_the_same_note() {
    let l = vault();
    let from = "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle.md";
    let stem = "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle";
    assert_eq!(
        section(l.resolve(from, "#restart-policy")),
        format!("{stem}#restart-policy")
    );
    // By the heading's slug, whatever the case.
    assert_eq!(
        section(l.resolve(from, "#Container-States")),
        format!("{stem}#container-states")
    );
    // An anchor that names no heading still opens the note.
    assert_eq!(section(l.resolve(from, "#gone")), stem);
}

#[test]
fn relative_paths_with_or_without_extension() {
    let l = vault();
    let from = "k8s-ko-docs/concepts/workloads/pods/init.md";
    let lifecycle = "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle";
    for href in [
        "pod-lifecycle.md",
        "pod-lifecycle",
        "pod-lifecycle/",
        "./pod-lifecycle.md",
    ] {
        assert_eq!(section(l.resolve(from, href)), lifecycle, "{href}");
    }
    assert_eq!(
        section(l.resolve(from, "pod-lifecycle.md#restart-policy")),
        format!("{lifecycle}#restart-policy")
    );
    // Folders are their index files: _index.md, index.md, README.md.
    assert_eq!(
        section(l.resolve(from, "../../")),
        "k8s-ko-docs/concepts/_index"
    );
    assert_eq!(
        section(l.resolve(from, "./")),
        "k8s-ko-docs/concepts/workloads/pods/_index"
    );
    assert_eq!(
        section(l.resolve(from, "../../../../guide/")),
        "guide/README"
    );
    assert_eq!(section(l.resolve("guide/setup.md", "../")), "index");
    assert_eq!(section(l.resolve("guide/setup.md", "../cka.txt")), "cka#1");
    // Percent-encoded, as written by tools.
    assert_eq!(section(l.resolve(from, "pod%2Dlifecycle.md")), lifecycle);
    // A static site's page-relative link: `init.md` is published as
    // `/pods/init/`, so its `../pod-lifecycle/` is a sibling.
    assert_eq!(section(l.resolve(from, "../pod-lifecycle/")), lifecycle);
}

#[test]
fn nothing_resolves_outside_the_folder() {
    let l = vault();
    for href in [
        "../../../etc/passwd",
        "../../../../../../../../etc/passwd",
        "/etc/passwd",
        "..\\..\\..\\..\\..\\etc\\passwd",
        "missing.md",
        "https://kubernetes.io/docs/",
        "javascript:alert(1)",
        "//evil.example/x",
    ] {
        assert_eq!(l.resolve("guide/setup.md", href), None, "{href}");
    }
    assert_eq!(
        l.resolve_wiki("guide/setup.md", "../../../etc/passwd"),
        None
    );
    assert_eq!(l.resolve_wiki("guide/setup.md", "/etc/passwd"), None);
}

#[test]
fn site_absolute_paths_by_longest_suffix() {
    let l = vault();
    let t = l
        .resolve(
            "index.md",
            "/ko/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy",
        )
        .unwrap();
    assert_eq!(
        t.file,
        "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle.md"
    );
    assert_eq!(
        t.section.as_str(),
        "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle#restart-policy"
    );
    assert_eq!(
        section(l.resolve("index.md", "/ko/docs/concepts/workloads/pods/")),
        "k8s-ko-docs/concepts/workloads/pods/_index"
    );
    assert_eq!(
        section(l.resolve("index.md", "/ko/docs/concepts/")),
        "k8s-ko-docs/concepts/_index"
    );
    assert_eq!(
        section(l.resolve("index.md", "/guide/setup.md")),
        "guide/setup"
    );
    // The longest suffix wins over a shorter one naming another note.
    assert_eq!(
        section(l.resolve("b/note.md", "/docs/a/x/note/")),
        "a/x/note"
    );
}

#[test]
fn wiki_links_by_name_title_or_alias() {
    let l = vault();
    let lifecycle = "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle";
    for name in [
        "pod-lifecycle",
        "Pod-Lifecycle.md",
        "파드 라이프사이클",
        "pod lifecycle",
    ] {
        assert_eq!(
            section(l.resolve_wiki("index.md", name)),
            lifecycle,
            "{name}"
        );
    }
    // NFD (as macOS writes names) matches NFC.
    let nfd: String = "파드 라이프사이클".nfd().collect();
    assert_eq!(section(l.resolve_wiki("index.md", &nfd)), lifecycle);
    // Headings by their text, case-insensitively.
    assert_eq!(
        section(l.resolve_wiki("index.md", "pod-lifecycle#재시작 정책")),
        format!("{lifecycle}#restart-policy")
    );
    assert_eq!(
        section(l.resolve_wiki("index.md", "Pod Lifecycle#container STATES")),
        format!("{lifecycle}#container-states")
    );
    assert_eq!(
        section(l.resolve_wiki("guide/setup.md", "#Install it")),
        "guide/setup#install-it"
    );
    assert_eq!(
        section(l.resolve_wiki("index.md", "guide/setup")),
        "guide/setup"
    );
    assert_eq!(section(l.resolve_wiki("index.md", "nobody")), "-");
}

#[test]
fn wiki_links_prefer_the_nearest_note() {
    let l = vault();
    // Three notes are called `note`: the one sharing most folders wins,
    // then the one with the shortest path.
    assert_eq!(section(l.resolve_wiki("a/x/other.md", "note")), "a/x/note");
    assert_eq!(
        section(l.resolve_wiki("a/y/z.md", "note")),
        "a/y/deeper/note"
    );
    assert_eq!(section(l.resolve_wiki("b/q.md", "note")), "b/note");
    assert_eq!(section(l.resolve_wiki("index.md", "note")), "b/note");
}

#[test]
fn backlinks_of_each_note() {
    let l = vault();
    let lifecycle = l.backlinks("k8s-ko-docs/concepts/workloads/pods/pod-lifecycle.md");
    let from: Vec<(&str, &str)> = lifecycle
        .iter()
        .map(|(s, f)| (s.as_str(), f.as_str()))
        .collect();
    assert_eq!(
        from,
        [
            ("index", "index.md"),
            (
                "k8s-ko-docs/concepts/workloads/pods/_index",
                "k8s-ko-docs/concepts/workloads/pods/_index.md"
            )
        ]
    );
    // Both links from guide/setup reach index.md once; a link to itself
    // is no backlink.
    assert_eq!(
        l.backlinks("index.md"),
        [(
            SectionId("guide/setup#install-it".into()),
            "guide/setup.md".into()
        )]
    );
    assert!(l.backlinks("guide/setup.md").is_empty());
    assert!(l.backlinks("nope.md").is_empty());
}

#[test]
fn images_stay_inside_the_folder() {
    let l = vault();
    let local = |s: &str| ImageTarget::Local(s.to_owned());
    assert_eq!(l.image("a/x/note.md", "img.png"), local("a/x/img.png"));
    assert_eq!(
        l.image("a/x/note.md", "../../assets/img%20b.png"),
        local("assets/img b.png")
    );
    assert_eq!(
        l.image("a/x/note.md", "./diagram.svg?v=2"),
        local("a/x/diagram.svg")
    );
    assert_eq!(
        l.image("a/x/note.md", "/home/u/notes/assets/img.png"),
        local("assets/img.png")
    );
    for refused in [
        "../../../etc/passwd",
        "/etc/passwd",
        "/home/u/notes/../secret.png",
        "file:///etc/passwd",
        "",
        "../../..",
    ] {
        assert_eq!(
            l.image("a/x/note.md", refused),
            ImageTarget::Refused,
            "{refused}"
        );
    }
    for remote in [
        "https://x.example/a.png",
        "http://x/a.png",
        "//x.example/a.png",
        "data:image/png;base64,AA",
    ] {
        assert_eq!(
            l.image("a/x/note.md", remote),
            ImageTarget::Remote,
            "{remote}"
        );
    }
}

#[test]
fn embedded_images_by_name_nearest_first() {
    let l = vault();
    let local = |s: &str| ImageTarget::Local(s.to_owned());
    assert_eq!(l.image_wiki("a/x/note.md", "img.png"), local("a/x/img.png"));
    assert_eq!(l.image_wiki("b/q.md", "IMG.png"), local("b/img.png"));
    // From the root: the fewest folders, then the shortest path.
    assert_eq!(l.image_wiki("index.md", "img.png"), local("b/img.png"));
    assert_eq!(l.image_wiki("index.md", "b/img.png"), local("b/img.png"));
    // Unknown: beside the note.
    assert_eq!(
        l.image_wiki("guide/setup.md", "new.png"),
        local("guide/new.png")
    );
    assert_eq!(
        l.image_wiki("index.md", "../../../etc/passwd"),
        ImageTarget::Refused
    );
    assert!(is_image("a.SVG") && !is_image("Note") && !is_image(".png"));
}

#[test]
fn contained_follows_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("notes");
    std::fs::create_dir_all(root.join("img")).unwrap();
    std::fs::write(root.join("img/a.png"), b"png").unwrap();
    std::fs::write(dir.path().join("secret.png"), b"secret").unwrap();
    assert!(contained(&root, "img/a.png"));
    assert!(contained(&root, "img/../img/a.png"));
    assert!(!contained(&root, "../secret.png"));
    assert!(!contained(&root, "img/missing.png"));
    assert!(!contained(
        &root,
        dir.path().join("secret.png").to_str().unwrap()
    ));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("secret.png"), root.join("img/link.png"))
            .unwrap();
        assert!(!contained(&root, "img/link.png"));
        std::os::unix::fs::symlink(root.join("img/a.png"), root.join("inner.png")).unwrap();
        assert!(contained(&root, "inner.png"));
    }
}

#[test]
fn links_reloaded_after_an_edit_are_the_links_built_anew() {
    let files = [
        ("a.md", "# A\n[to b](b.md)\n## Part\n[[c]]\n"),
        ("b.md", "# B\n[[a]]\n"),
        ("c.md", "# C\n[to a](a.md#part)\n"),
        ("d.md", "# D\nno links\n"),
    ];
    let old = corpus(&files, &[]);
    let links = Links::new(&old);
    // `new` shares the notes that did not change, as a re-read does.
    let edited = |file: &str, text: &str| {
        let mut new = old.clone();
        let i = new
            .notes
            .iter()
            .position(|n| n.note.file == file)
            .expect("note");
        new.notes[i] = std::sync::Arc::new(LoadedNote {
            note: parse(file, text),
            hash: String::new(),
        });
        new
    };
    let all = |l: &Links| -> Vec<Vec<(SectionId, String)>> {
        files.iter().map(|(f, _)| l.backlinks(f).to_vec()).collect()
    };
    for (file, text) in [
        // Links moved between a note's sections, one dropped, one added.
        ("a.md", "# A\n## Part\n[to b](b.md) [[d]]\n"),
        // The last link to `a.md` from `b.md` gone.
        ("b.md", "# B\nplain\n"),
        // A heading renamed: what links resolve to changed.
        ("c.md", "# C again\n[to a](a.md#part)\n"),
    ] {
        let new = edited(file, text);
        assert_eq!(
            all(&links.reloaded(&old, &new)),
            all(&Links::new(&new)),
            "{file}"
        );
    }
    assert_eq!(
        links
            .reloaded(&old, &edited("a.md", "# A\n## Part\n[to b](b.md) [[d]]\n"))
            .backlinks("d.md"),
        [(SectionId("a#part".to_owned()), "a.md".to_owned())]
    );
}
