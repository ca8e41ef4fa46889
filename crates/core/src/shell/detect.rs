//! Is this note line a shell command? The judgement shared by the renderer,
//! the index and the commands view, so all three agree on what a command is.
//!
//! A line is a command when it starts with a `$ ` prompt, or when its shape
//! is a command's: a known tool first (see `data/commands.txt`), followed by
//! what that tool takes (a sub-command, a code-looking argument, `NAME=`),
//! with no unquoted Korean and no English function words among the
//! arguments. Recall matters, but a false command is worse than a missed one:
//! it turns a sentence into a copy button.

use super::lex::{
    has_unquoted_hangul, is_assignment, is_codeish, is_flag, is_operator, split_comment, words,
};
use super::table::{Rule, Table};

/// A command found on a line, as slices of that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected<'a> {
    /// The command, without list bullet, label or `$ ` prompt; a trailing
    /// `# comment` is kept (see [`Detected::parts`]).
    pub command: &'a str,
    /// Text before the command on the same line, e.g. `정답:` in
    /// `정답: k run httpd …` (with its colon, trimmed).
    pub label: Option<&'a str>,
    /// The tool, canonical (`k` is reported as `kubectl`); for `$ ` lines
    /// with an unknown first word, that word.
    pub tool: String,
    /// Whether the line used a `$ ` prompt.
    pub prompt: bool,
}

impl<'a> Detected<'a> {
    /// The command without its trailing comment, and the comment.
    pub fn parts(&self) -> (&'a str, Option<&'a str>) {
        split_comment(self.command)
    }
}

/// Detects a command on one line (see the module docs for the rules).
pub fn detect(line: &str) -> Option<Detected<'_>> {
    let text = strip_bullet(line.trim());
    if let Some(found) = prompted(text) {
        return Some(found);
    }
    if let Some(tool) = shaped(text) {
        return Some(Detected {
            command: text,
            label: None,
            tool,
            prompt: false,
        });
    }
    labelled(text)
}

/// What a Markdown code block's language says about its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeLang {
    /// A shell (`sh`, `bash` …; a session such as `console` when
    /// `session`): its lines go through [`detect_shell`].
    Shell {
        /// A session: prompts and their output.
        session: bool,
    },
    /// No language: its lines are judged by their shape ([`detect`]).
    Untagged,
    /// Another language (YAML, JSON …): no commands.
    Other,
}

const SHELLS: &[&str] = &["sh", "bash", "shell", "zsh", "fish", "powershell", "ps"];
const SESSIONS: &[&str] = &["console", "shell-session", "shellsession", "terminal"];

impl CodeLang {
    /// The kind of a lowercased fence language (see `note::plain::fence_lang`).
    pub fn of(lang: &str) -> CodeLang {
        match lang {
            l if SHELLS.contains(&l) => CodeLang::Shell { session: false },
            l if SESSIONS.contains(&l) => CodeLang::Shell { session: true },
            "" => CodeLang::Untagged,
            _ => CodeLang::Other,
        }
    }
}

/// A line of a shell code block (`sh`, `bash`, `console` …): the block says
/// it is shell, so any line is a command but blanks and `#` comments, with
/// or without its `$ `. In a `console` block (a session: prompts and their
/// output) only prompt lines are.
pub fn detect_shell(line: &str, session: bool) -> Option<Detected<'_>> {
    let text = line.trim();
    if session || text.starts_with("$ ") {
        return prompted(text);
    }
    if text.starts_with('#') {
        return None;
    }
    as_command(text, false)
}

/// `$ anything`: the user said it is a command.
fn prompted(text: &str) -> Option<Detected<'_>> {
    as_command(text.strip_prefix("$ ")?, true)
}

fn as_command(rest: &str, prompt: bool) -> Option<Detected<'_>> {
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    let (cmd, _) = split_comment(rest);
    let tool = first_tool_word(&words(cmd))
        .map(|w| canonical(w).to_owned())
        .unwrap_or_default();
    Some(Detected {
        command: rest,
        label: None,
        tool,
        prompt,
    })
}

/// `label: command` with a short label (`정답: k run …`, `declarative: k
/// apply -f x.yaml`). Only the first colon-ended word within three words
/// can end a label.
fn labelled(text: &str) -> Option<Detected<'_>> {
    let mut offset = 0;
    for (i, word) in text.split_whitespace().take(3).enumerate() {
        let at = text[offset..].find(word)? + offset;
        offset = at + word.len();
        if word.ends_with(':') && !word.contains("://") {
            let label = text[..offset].trim();
            let rest = text[offset..].trim();
            if i == 0 && label == ":" {
                return None;
            }
            let found = prompted(rest).or_else(|| {
                shaped(rest).map(|tool| Detected {
                    command: rest,
                    label: None,
                    tool,
                    prompt: false,
                })
            })?;
            return Some(Detected {
                label: Some(label),
                ..found
            });
        }
    }
    None
}

/// Removes one list marker (`- `, `* `, `+ `, `1. `, `2) `): a command in a
/// list item is still a command.
fn strip_bullet(text: &str) -> &str {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = text.strip_prefix(bullet) {
            return rest.trim_start();
        }
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        let rest = &text[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return rest.trim_start();
        }
    }
    text
}

/// The canonical tool of a command-shaped text, or `None` for prose.
fn shaped(text: &str) -> Option<String> {
    let (cmd, _) = split_comment(text);
    if cmd.is_empty() || has_unquoted_hangul(cmd) {
        return None;
    }
    let table = Table::builtin();
    let all = words(cmd);
    if all
        .iter()
        .any(|w| table.stopwords.contains(&w.to_ascii_lowercase()))
    {
        return None;
    }
    let start = skip_prefixes(&all);
    let (name, args) = all[start..].split_first()?;
    let tool = table.tools.get(*name)?;
    // Only the first pipeline segment is judged; later ones (`| grep x`)
    // just have to be free of Korean, checked above.
    let segment_end = args
        .iter()
        .position(|w| matches!(*w, "|" | "||" | "&&" | ";"))
        .unwrap_or(args.len());
    let args = &args[..segment_end];
    let ok = match &tool.rule {
        Rule::Verb(verbs) => verb_follows(args, |w| verbs.contains(w)),
        Rule::Args(known) => args.iter().any(|w| is_codeish(w) || known.contains(*w)),
        Rule::Assign => args.first().is_some_and(|w| is_assignment(w)),
    };
    ok.then(|| tool.canonical.clone())
}

/// Index of the first word after `sudo`-like prefixes, their flags and
/// `VAR=value` environment assignments.
fn skip_prefixes(all: &[&str]) -> usize {
    let table = Table::builtin();
    let mut i = 0;
    while i + 1 < all.len() {
        let w = all[i];
        if table.prefixes.contains(w) || (i > 0 && is_flag(w)) || is_assignment(w) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// The first word that names a tool (after prefixes), for `$ ` lines.
fn first_tool_word<'a>(all: &[&'a str]) -> Option<&'a str> {
    let w = *all.get(skip_prefixes(all))?;
    let w = w.rsplit('/').next().unwrap_or(w);
    (!w.is_empty() && !is_operator(w)).then_some(w)
}

fn canonical(word: &str) -> &str {
    Table::builtin()
        .tools
        .get(word)
        .map_or(word, |t| t.canonical.as_str())
}

/// The first non-flag argument is a verb; a flag's value may sit between
/// (`kubectl -n kube-system get pods`). Only flags (`kubectl --help`) is
/// fine too.
fn verb_follows(args: &[&str], is_verb: impl Fn(&str) -> bool) -> bool {
    let mut after_flag = false;
    let mut saw_flag = false;
    for w in args {
        if is_flag(w) {
            after_flag = !w.contains('=');
            saw_flag = true;
        } else if is_verb(w) {
            return true;
        } else if after_flag {
            after_flag = false;
        } else {
            return false;
        }
    }
    saw_flag
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmd(line: &str) -> Option<&str> {
        detect(line).map(|d| d.command)
    }

    #[test]
    fn prompt_lines_are_commands_whatever_follows() {
        assert_eq!(cmd("$ k get nodes"), Some("k get nodes"));
        assert_eq!(cmd("  $ ./run.sh  "), Some("./run.sh"));
        assert_eq!(cmd("- $ k get pods"), Some("k get pods"));
        assert_eq!(cmd("$ "), None);
        assert_eq!(cmd("$HOME is set"), None);
        let d = detect("$ k get pod -n x # 메모").unwrap();
        assert_eq!(d.parts(), ("k get pod -n x", Some("메모")));
        assert_eq!(d.tool, "kubectl");
        assert!(d.prompt);
        assert_eq!(detect("$ sudo /usr/bin/crictl ps").unwrap().tool, "crictl");
    }

    #[test]
    fn shapes_of_commands() {
        for (line, tool) in [
            ("kubectl get pods -A", "kubectl"),
            ("kubectl -n kube-system get pods", "kubectl"),
            ("kubectl --help", "kubectl"),
            ("k describe pod my-pod", "kubectl"),
            ("etcdctl snapshot save /tmp/snap.db", "etcdctl"),
            ("ETCDCTL_API=3 etcdctl endpoint health", "etcdctl"),
            ("export ETCDCTL_API=3", "export"),
            ("curl -k https://localhost:6443/version", "curl"),
            (
                "wget https://github.com/etcd-io/etcd/releases/x.tar.gz",
                "wget",
            ),
            ("ps aux | grep kubelet", "ps"),
            ("ps -ef", "ps"),
            ("systemctl restart kubelet", "systemctl"),
            ("sudo systemctl daemon-reload", "systemctl"),
            ("journalctl -u kubelet -f", "journalctl"),
            ("cat /etc/kubernetes/manifests/kube-apiserver.yaml", "cat"),
            ("vi pod.yaml", "vi"),
            ("vim ~/.bashrc", "vim"),
            ("docker ps -a", "docker"),
            ("crictl pods", "crictl"),
            ("kubeadm upgrade plan", "kubeadm"),
            (
                "helm repo add bitnami https://charts.bitnami.com/bitnami",
                "helm",
            ),
            (r#"echo "안녕하세요" > hello.txt"#, "echo"),
            ("kubectl get pods # 확인용", "kubectl"),
            ("1. kubectl apply -f pod.yaml", "kubectl"),
            ("* k get svc", "kubectl"),
        ] {
            let d = detect(line).unwrap_or_else(|| panic!("missed: {line}"));
            assert_eq!(d.tool, tool, "{line}");
            assert!(!d.prompt);
        }
    }

    #[test]
    fn prose_that_mentions_commands_is_not_a_command() {
        for line in [
            "kubectl을 생각하면 되는데, post 방식으로 요청을 보낼 수 도 있음",
            "kubectl vs yaml",
            "kubectl run 명령어 알려줌",
            "> kubectl run 명령어 알려줌",
            "etcdctl 이라는 cli xnfdl dlTdma",
            "etcdctl을 위해서 인증도 설정해야함",
            "export ETCDCTL_API=3 으로 설정 가능(default=2)",
            "- wget etcd binary",
            "2. kubeadm tool",
            "imperative : kubectl run, create, scale, edit, expose, set, replace, delete",
            "kubectl get pods lists the pods in the namespace",
            "cat the file",
            "docker is great",
            "ps means process status",
            "k8s는 컨테이너 환경에서 여러 서비스를 운영하는 것을 목적으로 함",
            "# kubectl get pods",
            "#kubeadmin",
            "kubectl",
            "- 이 부분으 docker와 똑같음",
            "kind: ReplicationController",
            "service를 이용해 ip를 할당받아 노출함",
            "--cacert /etc/kubernetes/pki/etcd/ca.crt",
            "-n kube-system kube-apiserver-master",
            "https://github.com/GoogleCloudPlatform/k8s-cluster-bundle/blob/master/x.yaml",
            "",
            "   ",
            ": k get pods",
        ] {
            assert_eq!(cmd(line), None, "false command: {line}");
        }
    }

    #[test]
    fn labels_before_commands() {
        let d = detect("정답: k run httpd --image=httpd:alpine --port 80 --expose").unwrap();
        assert_eq!(d.label, Some("정답:"));
        assert_eq!(
            d.command,
            "k run httpd --image=httpd:alpine --port 80 --expose"
        );
        let d = detect("declatrative: k apply -f nginx.yaml").unwrap();
        assert_eq!(d.label, Some("declatrative:"));
        assert_eq!(d.command, "k apply -f nginx.yaml");
        assert_eq!(cmd("my answer: $ k get ns"), Some("k get ns"));
        assert_eq!(cmd("image: nginx"), None);
        assert_eq!(cmd("one two three four: kubectl get pods"), None);
    }

    #[test]
    fn pathological_lines_do_not_panic() {
        let long = "k ".repeat(50_000);
        let _ = detect(&long);
        let _ = detect(&"-".repeat(50_000));
        let _ = detect(&format!("$ {}", "\"".repeat(10_001)));
        let _ = detect("1. ");
        let _ = detect("123456. kubectl get");
        let _ = detect("가: 나: 다:");
    }
}
