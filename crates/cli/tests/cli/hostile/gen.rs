//! Generates a hostile notes folder: every kind of file a real folder can
//! throw at `pilgi index`, each with unique marker words on its good lines
//! so the test can check that nothing good was lost.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What `pilgi index` must do with one file.
#[derive(Debug, Clone)]
pub enum Expect {
    /// Read as a note: each `(marker, section id)` must be found by
    /// `pilgi search`; `warning` is a text the run must warn with.
    Indexed {
        markers: Vec<(String, String)>,
        warning: Option<&'static str>,
    },
    /// Listed as skipped, with a reason containing this.
    Skipped(&'static str),
}

/// One generated entry (file, folder or link) and what must happen to it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Path relative to the notes folder, as Pilgi reports it (NFC).
    pub rel: String,
    pub expect: Expect,
}

/// Hands out unique marker words: Latin letters (`hqaabcv`) or Hangul
/// (`흔적빛숲`), chosen so that no particle stripping or stemming could
/// merge two of them.
pub struct Markers(u32);

impl Markers {
    pub fn new() -> Markers {
        Markers(0)
    }

    pub fn latin(&mut self) -> String {
        self.0 += 1;
        let mut n = self.0;
        let mut letters = String::new();
        for _ in 0..4 {
            letters.insert(0, char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        format!("hq{letters}v")
    }

    pub fn hangul(&mut self) -> String {
        const SYLLABLES: [char; 8] = ['빛', '숲', '뱀', '곰', '솔', '땅', '별', '굴'];
        self.0 += 1;
        let n = self.0 as usize;
        let a = SYLLABLES[n % 8];
        let b = SYLLABLES[(n / 8) % 8];
        let c = SYLLABLES[(n / 64) % 8];
        format!("흔적{c}{b}{a}")
    }
}

/// The worst files, by name, for `pilgi show`/`render` afterwards.
pub const WORST: &[&str] = &[
    "one-8mb-line.txt",
    "nested.txt",
    "deep-list.txt",
    "sections-20000.txt",
    "invalid-utf8.txt",
    "utf16-lone-surrogate.txt",
    "bom-crlf.txt",
];

/// The churning files' folder (see [`churn`]).
pub const CHURN_DIR: &str = "churn";
/// How many files churn.
pub const CHURN_FILES: usize = 8;

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(&path, bytes).expect("write");
    path
}

fn indexed(rel: &str, markers: Vec<(String, String)>) -> Entry {
    Entry {
        rel: rel.to_owned(),
        expect: Expect::Indexed {
            markers,
            warning: None,
        },
    }
}

fn skipped(rel: &str, reason: &'static str) -> Entry {
    Entry {
        rel: rel.to_owned(),
        expect: Expect::Skipped(reason),
    }
}

/// Writes the folder (everything but the churning files) into `root`.
pub fn generate(root: &Path, m: &mut Markers) -> Vec<Entry> {
    let mut out = Vec::new();

    // Invalid UTF-8 in the middle of a line, a lone continuation byte, a
    // truncated sequence at the very end: decoded lossily with a warning.
    let (a, b, c, d) = (m.latin(), m.latin(), m.latin(), m.hangul());
    let mut bytes = format!("first {a} line\nbad \u{fffd} ok\n").into_bytes();
    bytes.extend(b"broken \xFF\xFE here ");
    bytes.extend(format!("{b}\nlone ").as_bytes());
    bytes.push(0x80);
    bytes.extend(format!(" byte {d}\n{c} then cut ").as_bytes());
    bytes.extend(b"\xE1\x84");
    write(root, "invalid-utf8.txt", bytes);
    out.push(Entry {
        rel: "invalid-utf8.txt".into(),
        expect: Expect::Indexed {
            markers: [a, b, c, d]
                .into_iter()
                .map(|w| (w, "invalid-utf8".into()))
                .collect(),
            warning: Some("invalid UTF-8"),
        },
    });

    // UTF-16LE with a BOM and an unpaired high surrogate mid-line.
    let (a, b, c) = (m.latin(), m.hangul(), m.latin());
    let mut units: Vec<u16> = format!("1. 유니코드 Preview01:00\n{a} {b}\nbroken ")
        .encode_utf16()
        .collect();
    units.push(0xD800);
    units.extend(format!(" surrogate {c}\n").encode_utf16());
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    write(root, "utf16-lone-surrogate.txt", bytes);
    out.push(Entry {
        rel: "utf16-lone-surrogate.txt".into(),
        expect: Expect::Indexed {
            markers: [a, b, c]
                .into_iter()
                .map(|w| (w, "utf16-lone-surrogate#1".into()))
                .collect(),
            warning: Some("invalid UTF-16"),
        },
    });

    // BOM + CRLF, with headers: a marker at a line end must not keep the CR.
    let (a, b, c) = (m.latin(), m.latin(), m.hangul());
    let text = format!("\u{feff}intro {a}\r\n3. Windows Line Ends 02:00\r\nbody {b}\r\n{c}\r\n");
    write(root, "bom-crlf.txt", text);
    out.push(indexed(
        "bom-crlf.txt",
        // The body's marker first: `pilgi show` shows the section, not
        // the preamble (which search finds under the first section).
        vec![
            (b, "bom-crlf#3".into()),
            (c, "bom-crlf#3".into()),
            (a, "bom-crlf#3".into()),
        ],
    ));
    // (The preamble belongs to no section; search finds its words under
    // the first section, which the app shows right after it.)

    // One line of 8 MB: markers at its start, middle and end.
    let (a, b, c) = (m.latin(), m.latin(), m.latin());
    let filler = "lorem ipsum 파드 dolor sit amet kubectl get pods ";
    let reps = 8 * 1024 * 1024 / filler.len() / 2 + 1;
    let mut line = String::with_capacity(8 * 1024 * 1024 + 64);
    line.push_str(&a);
    line.push(' ');
    line.push_str(&filler.repeat(reps));
    line.push_str(&b);
    line.push(' ');
    line.push_str(&filler.repeat(reps));
    line.push_str(&c);
    assert!(line.len() >= 8 * 1024 * 1024, "{}", line.len());
    write(root, "one-8mb-line.txt", line);
    out.push(indexed(
        "one-8mb-line.txt",
        [a, b, c]
            .into_iter()
            .map(|w| (w, "one-8mb-line".into()))
            .collect(),
    ));

    // 50 000 nested `>`, `> `, `[`, `*_` and `(`, each line ending in a marker.
    let mut text = String::new();
    let mut markers = Vec::new();
    for opener in [">", "> ", "[", "*_", "(", "![", "`"] {
        let w = m.latin();
        text.push_str(&opener.repeat(50_000));
        text.push_str(&format!(" {w}\n"));
        markers.push((w, "nested".into()));
    }
    let w = m.latin();
    text.push_str(&format!("plain {w}\n"));
    markers.push((w, "nested".into()));
    write(root, "nested.txt", text);
    out.push(indexed("nested.txt", markers));

    // A list 3 000 levels deep (one space more per level), and one line
    // of 3 000 list markers.
    let mut text = String::new();
    let mut markers = Vec::new();
    for level in 0..3_000 {
        text.push_str(&" ".repeat(level));
        if level % 1_000 == 0 || level == 2_999 {
            let w = m.latin();
            text.push_str(&format!("- item {w}\n"));
            markers.push((w, "deep-list".into()));
        } else {
            text.push_str("- item\n");
        }
    }
    let w = m.latin();
    text.push_str(&"- ".repeat(3_000));
    text.push_str(&format!("{w}\n"));
    markers.push((w, "deep-list".into()));
    let w = m.latin();
    text.push_str(&"1. ".repeat(3_000));
    text.push_str(&format!("{w}\n"));
    markers.push((w, "deep-list".into()));
    write(root, "deep-list.txt", text);
    out.push(indexed("deep-list.txt", markers));

    // Binary: NUL bytes in a `.txt` (an image someone renamed).
    write(
        root,
        "binary.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01 hqnever",
    );
    out.push(skipped("binary.txt", "binary file"));

    // Empty and whitespace-only files are notes with nothing in them.
    write(root, "empty.txt", b"");
    write(root, "blank.txt", b"  \n\t\n   \r\n\n");
    out.push(indexed("empty.txt", vec![]));
    out.push(indexed("blank.txt", vec![]));

    // Symlink loops: a folder linking to its parent, a link to itself.
    fs::create_dir_all(root.join("looped")).expect("mkdir");
    let w = m.latin();
    write(root, "looped/inside.txt", format!("inside the loop {w}\n"));
    out.push(indexed(
        "looped/inside.txt",
        vec![(w, "looped/inside".into())],
    ));
    std::os::unix::fs::symlink("..", root.join("looped/up")).expect("symlink");
    out.push(skipped("looped/up", "symlink loop"));
    std::os::unix::fs::symlink("self.txt", root.join("self.txt")).expect("symlink");
    out.push(skipped("self.txt", "symbolic links"));

    // Duplicate section numbers.
    let ws: Vec<String> = (0..5).map(|_| m.latin()).collect();
    let text = format!(
        "1. Intro 01:00\n{}\n1. Intro 02:00\n{}\n2. X 00:10\n{}\n2. Y 00:20\n{}\n2. Y 00:30\n{}\n",
        ws[0], ws[1], ws[2], ws[3], ws[4]
    );
    write(root, "dupes.txt", text);
    let ids = [
        "dupes#1",
        "dupes#1~intro",
        "dupes#2",
        "dupes#2~y",
        "dupes#2~y~2",
    ];
    out.push(indexed(
        "dupes.txt",
        ws.into_iter()
            .zip(ids)
            .map(|(w, id)| (w, id.to_owned()))
            .collect(),
    ));

    // 20 000 sections; numbers 1..=9000 then repeating (a number has at
    // most 4 digits), markers in every 997th and the last.
    let mut text = String::from("preamble of many\n");
    let mut markers = Vec::new();
    for k in 0..20_000u32 {
        let n = k % 9_000 + 1;
        let (title, id) = if k < 9_000 {
            (format!("Part {k}"), format!("sections-20000#{n}"))
        } else {
            (
                format!("Repeat {k}"),
                format!("sections-20000#{n}~repeat-{k}"),
            )
        };
        text.push_str(&format!("{n}. {title} 00:01\n"));
        if k % 997 == 0 || k == 19_999 {
            let w = m.latin();
            text.push_str(&format!("body with {w}\n"));
            markers.push((w, id));
        } else {
            text.push_str("ordinary body line\n");
        }
    }
    write(root, "sections-20000.txt", text);
    out.push(indexed("sections-20000.txt", markers));

    // Hangul and spaces in names, one of them decomposed (as macOS writes
    // it): reported and identified in NFC.
    let w = m.hangul();
    write(root, "주 2/노트 필기 1.txt", format!("# 필기\n{w}\n"));
    out.push(indexed(
        "주 2/노트 필기 1.txt",
        vec![(w, "주 2/노트 필기 1".into())],
    ));
    let w = m.latin();
    write(root, "\u{1112}\u{1161}\u{11ab}글 노트.md", format!("{w}\n"));
    out.push(indexed("한글 노트.md", vec![(w, "한글 노트".into())]));

    // A folder named like a note is a folder.
    let w = m.latin();
    write(root, "folder.txt/inner.txt", format!("{w}\n"));
    out.push(indexed(
        "folder.txt/inner.txt",
        vec![(w, "folder.txt/inner".into())],
    ));

    // Files a read would hang on or fail: a FIFO (no writer: reading it
    // blocks forever) and a Unix socket (cannot be opened).
    let fifo = root.join("fifo.txt");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo (coreutils)");
    assert!(ok.success());
    out.push(skipped("fifo.txt", "not a regular file"));
    let sock = std::os::unix::net::UnixListener::bind(root.join("sock.txt")).expect("bind");
    std::mem::forget(sock); // the socket file outlives the listener anyway
    out.push(skipped("sock.txt", "not a regular file"));

    // Over the size limit (sparse: costs no disk).
    let huge = fs::File::create(root.join("huge.txt")).expect("create");
    huge.set_len(65 * 1024 * 1024).expect("set_len");
    out.push(skipped("huge.txt", "too large"));

    // Not a note at all.
    write(root, "diagram.png", b"\x89PNG");
    out.push(skipped("diagram.png", "not a note file"));

    // Unreadable: mode 000. Only denied to a process without
    // CAP_DAC_OVERRIDE; the test runs `pilgi` as an unprivileged user
    // when it runs as root (see hostile.rs).
    let w = m.latin();
    let secret = write(root, "secret.txt", format!("{w}\n"));
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).expect("chmod");
    out.push(skipped("secret.txt", "permission denied"));

    out
}

/// The content a churning file ends with, and the marker to find in it.
pub fn churn_final(root: &Path, m: &mut Markers) -> Vec<Entry> {
    (0..CHURN_FILES)
        .map(|i| {
            let rel = format!("{CHURN_DIR}/c{i}.txt");
            let path = root.join(&rel);
            let _ = fs::remove_dir_all(&path);
            let w = m.latin();
            write(root, &rel, format!("1. Settled 01:00\nfinal {w}\n"));
            indexed(&rel, vec![(w, format!("{CHURN_DIR}/c{i}#1"))])
        })
        .collect()
}

/// One step of churn on file `i`: rewrite it (shorter, longer, as
/// binary), delete it, turn it into a folder and back.
pub fn churn_step(root: &Path, i: usize, step: usize) {
    let path = root.join(CHURN_DIR).join(format!("c{i}.txt"));
    let _ = fs::create_dir_all(root.join(CHURN_DIR));
    match step % 6 {
        0 => {
            let _ = fs::remove_dir_all(&path);
            let _ = fs::write(&path, format!("1. Churn {step} 00:10\nshort\n"));
        }
        1 => {
            // Written in pieces, so a reader can see it half done.
            if let Ok(mut f) = fs::File::create(&path) {
                for k in 0..200 {
                    let _ = writeln!(f, "{k}. Churning {step} 00:{:02}\nline {k}", k % 60);
                }
            }
        }
        2 => {
            let _ = fs::write(&path, b"bin\0ary");
        }
        3 => {
            let _ = fs::remove_file(&path);
        }
        4 => {
            let _ = fs::create_dir(&path);
            let _ = fs::write(path.join("x.txt"), "inside a churning folder");
        }
        _ => {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Sets every generated file's modification time an hour back, as for a
/// folder written earlier (so searches take the index's fast path).
pub fn age(root: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read_dir").flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                if let Ok(f) = fs::File::options().write(true).open(entry.path()) {
                    let _ = f.set_modified(past);
                }
            }
        }
    }
}
