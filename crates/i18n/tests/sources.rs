//! What the user reads comes from the catalogs: a check over the sources
//! of the front ends (the web UI's modules and pages, the CLI, the app's
//! Rust side), not a list kept by hand. It finds the string literals that
//! read as words for a person (Hangul, two words in a row, a capitalized
//! word in the UI) outside the places where text is not for the user
//! (comments, tests, CSS classes and selectors, key names, developer
//! panics and logs), and every catalog id the Rust sources use.

use pilgi_i18n::{Catalog, Lang};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files under `dir` ending in `ext`, recursively.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A string literal: its text and the code before it on its line.
struct Literal {
    line: usize,
    before: String,
    text: String,
}

/// The string literals of Rust or JavaScript source, comments skipped
/// (`'` delimits strings in JavaScript; in Rust it is a char or a
/// lifetime, skipped).
fn literals(source: &str, js: bool) -> Vec<Literal> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut line_start) = (0, 1, 0);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => {
                line += 1;
                line_start = i + 1;
                i += 1;
            }
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    if chars[i] == '\n' {
                        line += 1;
                        line_start = i + 1;
                    }
                    i += 1;
                }
                i += 2;
            }
            '\'' if !js && next == Some('\\') => {
                // An escaped char literal: '\'', '\n', '\u{FFFD}'.
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if !js => {
                // A char literal ('a') or a lifetime ('a).
                let close = chars[i + 1..].iter().take(4).position(|&c| c == '\'');
                i += close.map_or(1, |k| k + 2);
            }
            '"' | '\'' | '`' => {
                let before: String = chars[line_start..i].iter().collect();
                let (start_line, mut text) = (line, String::new());
                i += 1;
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if chars.get(i) == Some(&'\n') {
                        line += 1;
                        line_start = i + 1;
                    }
                    text.extend(chars.get(i));
                    i += 1;
                }
                i += 1;
                out.push(Literal {
                    line: start_line,
                    before,
                    text,
                });
            }
            _ => i += 1,
        }
    }
    out
}

fn has_hangul(text: &str) -> bool {
    text.chars()
        .any(|c| ('가'..='힣').contains(&c) || ('ㄱ'..='ㅣ').contains(&c))
}

/// Two words of letters in a row: `not found`, `Copy code`.
fn has_words(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';'))
        .collect();
    let word = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    words.windows(2).any(|pair| word(pair[0]) && word(pair[1]))
}

/// The source before its tests (`#[cfg(test)]` modules come last).
fn without_tests(source: &str) -> &str {
    source
        .find("#[cfg(test)]")
        .map_or(source, |at| &source[..at])
}

/// The literals of the web UI's modules that read as text for a person.
fn bare_in_ui() -> Vec<String> {
    let ui = repo().join("ui/js");
    let mut found = Vec::new();
    for file in files(&ui, "js") {
        if file.starts_with(ui.join("vendor")) {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        for lit in literals(&source, true) {
            let before = lit.before.trim_end();
            // Not for the user: CSS classes, selectors, key names,
            // modules, developer errors.
            let exempt = [
                "class:",
                "className =",
                "classList.add(",
                "classList.remove(",
                "classList.toggle(",
                "classList.contains(",
                "querySelector(",
                "querySelectorAll(",
                "closest(",
                "matches(",
                "getElementById(",
                "key ===",
                "key !==",
                "case",
                "from",
                "import",
                "new Error(",
                "kind:",
            ]
            .iter()
            .any(|e| before.ends_with(e));
            let capitalized = lit
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase())
                && lit.text.chars().skip(1).any(|c| c.is_ascii_lowercase())
                && lit.text.chars().all(|c| c.is_ascii_alphabetic());
            if !exempt && (has_hangul(&lit.text) || has_words(&lit.text) || capitalized) {
                let name = file.strip_prefix(repo()).unwrap_or(&file).display();
                found.push(format!("{name}:{}: {:?}", lit.line, lit.text));
            }
        }
    }
    found
}

/// The literals of the CLI and the app's Rust side that read as text for
/// a person. Logs (`eprintln!` in the app) and panics (`expect`) speak to
/// developers, in English.
fn bare_in_rust() -> Vec<String> {
    let mut found = Vec::new();
    for dir in ["crates/cli/src", "src-tauri"] {
        for file in files(&repo().join(dir), "rs") {
            let source = std::fs::read_to_string(&file).unwrap();
            // A module that is only a test (`//! … a test`, compiled under
            // `#[cfg(test)]`) speaks to developers.
            if source.contains("#![cfg(test)]") {
                continue;
            }
            for lit in literals(without_tests(&source), false) {
                let before = lit.before.trim();
                let for_developers = ["expect(", "eprintln!(", "panic!(", "unreachable!("]
                    .iter()
                    .any(|e| before.contains(e))
                    || before.starts_with('#');
                if !for_developers && (has_hangul(&lit.text) || has_words(&lit.text)) {
                    let name = file.strip_prefix(repo()).unwrap_or(&file).display();
                    found.push(format!("{name}:{}: {:?}", lit.line, lit.text));
                }
            }
        }
    }
    found
}

#[test]
fn no_ui_module_holds_a_bare_string() {
    assert_eq!(bare_in_ui(), Vec::<String>::new());
}

#[test]
fn no_user_facing_rust_message_holds_a_bare_string() {
    assert_eq!(bare_in_rust(), Vec::<String>::new());
}

#[test]
fn the_html_pages_hold_no_text_of_their_own() {
    for page in ["ui/index.html", "ui/lookup.html"] {
        let html = std::fs::read_to_string(repo().join(page)).unwrap();
        // Text between tags (comments removed) and the attributes a
        // person reads: all filled from the catalog by `data-l10n`.
        let mut text = String::new();
        let mut rest = html.as_str();
        while let Some(at) = rest.find("<!--") {
            text.push_str(&rest[..at]);
            rest = rest[at..].split_once("-->").map_or("", |(_, after)| after);
        }
        text.push_str(rest);
        let between: Vec<&str> = text
            .split('<')
            .filter_map(|part| part.split_once('>').map(|(_, after)| after.trim()))
            .filter(|t| t.chars().any(char::is_alphabetic))
            .collect();
        assert_eq!(between, Vec::<&str>::new(), "{page}");
        for attr in ["placeholder=", "title=", "aria-label=", "alt="] {
            assert!(!text.contains(attr), "{page} sets {attr} itself");
        }
    }
}

#[test]
fn every_id_the_rust_sources_say_is_in_the_catalogs() {
    let mut used = Vec::new();
    for dir in ["crates/cli/src", "crates/core/src", "src-tauri"] {
        for file in files(&repo().join(dir), "rs") {
            let source = std::fs::read_to_string(&file).unwrap();
            for call in ["t!(\"", "Message::new(\"", "tr(\""] {
                let mut pieces = source.split(call);
                let mut before = pieces.next().unwrap_or_default();
                for piece in pieces {
                    // `format!(` ends in `t!(` too: only a whole name counts.
                    let whole = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
                    let id = piece.split('"').next().unwrap_or_default();
                    if whole && !id.contains('{') {
                        used.push(id.to_owned());
                    }
                    before = piece;
                }
            }
        }
    }
    assert!(used.len() > 100, "the sources were read: {}", used.len());
    for lang in Lang::ALL {
        let ids = Catalog::of(lang).ids();
        let missing: Vec<&String> = used.iter().filter(|id| !ids.contains(id)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[test]
fn the_check_finds_what_it_is_for() {
    let js = "el('p', {}, 'Pick a section'); el('button', {}, 'Copy'); \
              node.className = 'row end'; if (e.key === 'Enter') {}";
    let texts: Vec<String> = literals(js, true).into_iter().map(|l| l.text).collect();
    assert_eq!(
        texts,
        ["p", "Pick a section", "button", "Copy", "row end", "Enter"]
    );
    let rust = "out.line(\"nothing found\"); // \"in a comment\"\nlet c = 'x'; t!(\"id\");";
    let texts: Vec<String> = literals(rust, false).into_iter().map(|l| l.text).collect();
    assert_eq!(texts, ["nothing found", "id"]);
    assert!(has_words("nothing found") && !has_words("row") && has_hangul("섹션"));
}
