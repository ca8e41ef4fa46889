//! YAML in notes: indented blocks (`affinity:` then deeper lines), runs of
//! `apiVersion: … / kind: …` lines, and manifests flattened onto one line
//! when pasted (`apiVersion: v1 kind: ResourceQuota metadata: name: …`).

use crate::shell::{has_unquoted_hangul, split_comment};

/// Keys that only ever sit at the top of a Kubernetes manifest: when
/// re-indenting a flattened manifest they close whatever mapping is open.
const TOP_LEVEL: &[&str] = &[
    "apiVersion",
    "kind",
    "metadata",
    "spec",
    "data",
    "stringData",
    "binaryData",
    "status",
    "roleRef",
    "subjects",
    "immutable",
];

/// Keys common enough in manifests that two `key: value` lines with one of
/// them are YAML rather than two `Label: text` lines of prose.
const KNOWN: &[&str] = &[
    "apiversion",
    "kind",
    "metadata",
    "spec",
    "data",
    "name",
    "namespace",
    "labels",
    "annotations",
    "selector",
    "matchlabels",
    "template",
    "containers",
    "image",
    "ports",
    "replicas",
    "command",
    "args",
    "env",
    "volumes",
    "volumemounts",
    "resources",
    "limits",
    "requests",
    "affinity",
    "tolerations",
    "nodeselector",
    "type",
    "status",
    "rules",
];

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// `key: value` / `key:` with a plain ASCII key (no spaces, no Korean) and
/// a value without unquoted Korean. Returns the key and the value.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let (key, value) = match t.split_once(": ") {
        Some((k, v)) => (k, v.trim()),
        None => (t.strip_suffix(':')?, ""),
    };
    let key_ok = !key.is_empty()
        && key.len() <= 64
        && key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '"' || c == '\'')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./\"'".contains(c));
    let value = split_comment(value).0;
    (key_ok && !has_unquoted_hangul(value) && !value.contains(" : ")).then_some((key, value))
}

/// How many lines starting at `lines[0]` form a YAML block, if they do:
/// a `key:` line followed by deeper lines or by more `key:` lines, where
/// the block either nests or uses a well-known manifest key.
pub fn block_len(lines: &[&str]) -> Option<usize> {
    let first = *lines.first()?;
    if first.trim_start().starts_with("- ") {
        return None;
    }
    let (key, value) = key_value(first)?;
    let base = indent(first);
    let mut opens = value.is_empty();
    let mut nested = false;
    let mut known = KNOWN.contains(&key.to_ascii_lowercase().as_str());
    let mut n = 1;
    for line in &lines[1..] {
        if line.trim().is_empty() {
            break;
        }
        let ind = indent(line);
        if ind > base {
            nested = true;
        } else if ind == base {
            if let Some((k, v)) = key_value(line) {
                known |= KNOWN.contains(&k.to_ascii_lowercase().as_str());
                opens = v.is_empty();
            } else if opens && line.trim_start().starts_with("- ") && !has_unquoted_hangul(line) {
                // `containers:` followed by `- name: x` at the same indent.
            } else {
                break;
            }
        } else {
            break;
        }
        n += 1;
    }
    (n >= 2 && (nested || known)).then_some(n)
}

/// Whether a single line is a flattened manifest: it starts with
/// `apiVersion:` or `kind:` and holds at least three keys.
pub fn is_flat(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("apiVersion: ") || t.starts_with("kind: "))
        && t.split_whitespace().filter(|w| w.ends_with(':')).count() >= 3
}

/// Re-indents a flattened manifest, when it reads as one: every key that
/// has no value opens a mapping; top-level manifest keys close them all;
/// `-` starts a list item. `None` when there is nothing to re-indent.
pub fn reindent(line: &str) -> Option<String> {
    let words = crate::shell::shell_words(line.trim());
    let mut entries: Vec<(bool, &str, Vec<&str>)> = Vec::new();
    let mut dash = false;
    for w in words {
        if w == "-" {
            dash = true;
        } else if w.ends_with(':') && w.len() > 1 && !w.starts_with(['"', '\'']) {
            entries.push((dash, &w[..w.len() - 1], Vec::new()));
            dash = false;
        } else {
            entries.last_mut()?.2.push(w);
        }
    }
    let mut out = String::new();
    let mut depth = 0usize;
    let mut nested = false;
    for (dash, key, value) in &entries {
        if TOP_LEVEL.contains(key) {
            depth = 0;
        }
        let pad = "  ".repeat(depth.min(32));
        let mark = if *dash { "- " } else { "" };
        if value.is_empty() {
            out.push_str(&format!("{pad}{mark}{key}:\n"));
            depth += 1 + usize::from(*dash);
            nested = true;
        } else {
            out.push_str(&format!("{pad}{mark}{key}: {}\n", value.join(" ")));
            depth += usize::from(*dash);
        }
    }
    nested.then(|| out.trim_end().to_owned())
}

/// The block's lines without their common indentation.
pub fn dedent(lines: &[&str]) -> String {
    let cut = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent(l))
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(cut..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks() {
        let l = [
            "apiVersion: v1",
            "kind: ReplicationController",
            "spec.template에 pod를 넣는 방식임",
        ];
        assert_eq!(block_len(&l), Some(2));
        let l = ["appVersion: apps/v1", "Kind: ReplicaSet", "spec.template에"];
        assert_eq!(block_len(&l), Some(2));
        let l = ["affinity:", "  nodeAffinity:", "    required: x", "다음 줄"];
        assert_eq!(block_len(&l), Some(3));
        let l = ["containers:", "- name: web", "  image: nginx", "", "x: y"];
        assert_eq!(block_len(&l), Some(3));
        // Prose that happens to have colons.
        assert_eq!(block_len(&["spec.replicas: 3", "$ k get replicaset"]), None);
        assert_eq!(
            block_len(&["controller-manager: 컨테이너", "kind: x"]),
            None
        );
        assert_eq!(block_len(&["Note: read this", "Tip: and this"]), None);
        assert_eq!(block_len(&["[master node] : x", "  y"]), None);
        assert_eq!(block_len(&["kind: Pod", "- 설명"]), None);
        assert_eq!(block_len(&["- name: x", "  image: y"]), None);
        assert_eq!(block_len(&[]), None);
    }

    #[test]
    fn flattened_manifest() {
        let line = r#"apiVersion: v1 kind: ResourceQuota metada: name: compute-quota namespace: dev spec: hard: pods: "10" requests.cpu: "4" requests.memory: 5Gi limits.cpu: "10" limits.memory: 10Gi |"#;
        assert!(is_flat(line));
        assert_eq!(
            reindent(line).as_deref(),
            Some(
                "apiVersion: v1\nkind: ResourceQuota\nmetada:\n  name: compute-quota\n  namespace: dev\nspec:\n  hard:\n    pods: \"10\"\n    requests.cpu: \"4\"\n    requests.memory: 5Gi\n    limits.cpu: \"10\"\n    limits.memory: 10Gi |"
            )
        );
        let pod = "apiVersion: v1 kind: Pod metadata: name: web spec: containers: - name: web image: nginx";
        assert_eq!(
            reindent(pod).as_deref(),
            Some("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx")
        );
        assert!(!is_flat("apiVersion: v1"));
        assert!(!is_flat("kind: Pod는 이렇게 씀"));
        assert_eq!(reindent("apiVersion: v1 kind: Pod name: x"), None);
        assert_eq!(reindent("stray apiVersion: v1 kind:"), None);
    }

    #[test]
    fn dedent_keeps_relative_indentation() {
        assert_eq!(
            dedent(&["  a:", "    b: 1", "", "  c: 2"]),
            "a:\n  b: 1\n\nc: 2"
        );
    }
}
