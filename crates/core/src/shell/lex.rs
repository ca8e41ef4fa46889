//! Just enough shell lexing to judge a line: quote-aware words, the trailing
//! `# comment`, and the shapes of arguments. Not a shell parser: notes are
//! full of half-remembered commands, so everything here is forgiving and
//! never fails.

use crate::analysis::hangul::is_hangul;

/// Splits `text` into shell words on whitespace, keeping quoted runs
/// (`'…'`, `"…"`) inside one word. An unclosed quote runs to the end.
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c.is_whitespace() => {
                if let Some(s) = start.take() {
                    out.push(&text[s..i]);
                }
            }
            None => {
                if start.is_none() {
                    start = Some(i);
                }
                if c == '\'' || c == '"' {
                    quote = Some(c);
                }
            }
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The form two commands share when they are the same command written
/// differently: `kubectl` or its alias `k` as the tool, any spacing between
/// words, lines continued with `\` joined. A prompt and a trailing comment
/// are already gone from [`super::Command::text`]. Used to list each
/// command once in the cheat sheet.
///
/// ```
/// use pilgi_core::shell::same_command;
/// assert_eq!(same_command("kubectl  get pods"), same_command("k get pods"));
/// assert_eq!(same_command("k run x \\\n  --image=nginx"), same_command("k run x --image=nginx"));
/// assert_ne!(same_command("k get pods"), same_command("k get po"));
/// assert_ne!(same_command("echo 'a  b'"), same_command("echo 'a b'"));
/// ```
pub fn same_command(command: &str) -> String {
    let joined = command.replace("\\\n", " ");
    let mut out = String::with_capacity(joined.len());
    for (i, word) in words(&joined).into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(if i == 0 && word == "kubectl" {
            "k"
        } else {
            word
        });
    }
    out
}

/// Whether Hangul appears outside quotes. A command may quote Korean
/// (`echo "안녕"`) but an unquoted Korean word means the line is prose that
/// mentions a command (`kubectl run 명령어 알려줌`).
pub fn has_unquoted_hangul(text: &str) -> bool {
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if is_hangul(c) => return true,
            None => {}
        }
    }
    false
}

/// Splits a command line into the command and its trailing `# comment`
/// (without the `#`). A `#` only starts a comment at the start of a word and
/// outside quotes, as in a shell, so `${#x}` and `a#b` stay in the command.
pub fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut quote: Option<char> = None;
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' && prev_space && i > 0 => {
                return (line[..i].trim_end(), Some(line[i + 1..].trim()));
            }
            None => {}
        }
        prev_space = c.is_whitespace();
    }
    (line.trim_end(), None)
}

/// `--flag`, `-n`, `--image=nginx`, `-keys-only`.
pub fn is_flag(word: &str) -> bool {
    let rest = word.trim_start_matches('-');
    let dashes = word.len() - rest.len();
    (1..=2).contains(&dashes) && rest.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// `NAME=value` with a shell-variable name.
pub fn is_assignment(word: &str) -> bool {
    match word.split_once('=') {
        Some((name, _)) => {
            !name.is_empty()
                && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

/// Shell operators that join or redirect commands.
pub fn is_operator(word: &str) -> bool {
    matches!(
        word,
        "|" | "||" | "&&" | ";" | ">" | ">>" | "<" | "<<" | "2>" | "2>&1" | "&>" | "&"
    ) || word.starts_with("<<")
        || word.starts_with(">")
}

/// An argument that can only be code: a flag, a path, a URL, an assignment,
/// `host:port`, a file name with an extension, `$VAR` / `$(…)`, a glob, or a
/// shell operator. Plain words (`etcd`, `binary`, `nginx`) are not enough on
/// their own to call a line a command.
pub fn is_codeish(word: &str) -> bool {
    if word.is_empty() || !word.is_ascii() {
        return false;
    }
    is_flag(word)
        || is_operator(word)
        || word.contains('/')
        || word.contains('=')
        || word.starts_with('$')
        || word.starts_with('~')
        || word.starts_with('.')
        || word.contains('*')
        || has_port(word)
        || has_extension(word)
}

/// `localhost:6443`, `10.0.0.1:2379`.
fn has_port(word: &str) -> bool {
    match word.rsplit_once(':') {
        Some((host, port)) => {
            !host.is_empty() && !port.is_empty() && port.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// `pod.yaml`, `ca.crt`, `kubelet.service`: a dotted name whose last part
/// is a short lowercase extension (not a sentence's full stop).
pub fn has_extension(word: &str) -> bool {
    match word.rsplit_once('.') {
        Some((stem, ext)) => {
            !stem.is_empty()
                && (1..=7).contains(&ext.len())
                && ext
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                && ext.starts_with(|c: char| c.is_ascii_lowercase())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_quotes_together() {
        assert_eq!(
            words(r#"echo "a b" 'c d' e"#),
            vec![r#"echo"#, r#""a b""#, "'c d'", "e"]
        );
        assert_eq!(words("  a   b "), vec!["a", "b"]);
        assert_eq!(words(r#"x "open"#), vec!["x", r#""open"#]);
        assert!(words("").is_empty());
    }

    #[test]
    fn hangul_outside_quotes_only() {
        assert!(has_unquoted_hangul("kubectl run 명령어"));
        assert!(!has_unquoted_hangul(r#"echo "안녕" > a.txt"#));
        assert!(!has_unquoted_hangul("kubectl get pods"));
    }

    #[test]
    fn comments_start_words_outside_quotes() {
        assert_eq!(
            split_comment("k get pod x # a note"),
            ("k get pod x", Some("a note"))
        );
        assert_eq!(split_comment("echo '# not' x"), ("echo '# not' x", None));
        assert_eq!(
            split_comment("echo ${#arr} a#b"),
            ("echo ${#arr} a#b", None)
        );
        assert_eq!(split_comment("k get pods #"), ("k get pods", Some("")));
    }

    #[test]
    fn argument_shapes() {
        for w in [
            "--image=nginx",
            "-n",
            "-keys-only",
            "/etc/kubernetes",
            "https://x",
            "ETCDCTL_API=3",
            "localhost:6443",
            "pod.yaml",
            "$(kubectl",
            "*.yaml",
            "|",
            ">",
            "~/.kube/config",
        ] {
            assert!(is_codeish(w), "{w}");
        }
        for w in [
            "etcd",
            "binary",
            "nginx",
            "vs",
            "->",
            "--",
            "-",
            "명령어",
            "end.",
        ] {
            assert!(!is_codeish(w), "{w}");
        }
        assert!(is_assignment("X_1=a"));
        assert!(!is_assignment("1X=a"));
        assert!(!is_assignment("--a=b"));
    }
}
