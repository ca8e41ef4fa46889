//! Front matter: the YAML (`---`) or TOML (`+++`) block that opens many
//! Markdown notes. It is data about the note, never text of it: parsed with
//! a real parser (yaml-rust2, toml), and only what Pilgi uses is kept.

use serde::{Deserialize, Serialize};

/// What a note's front matter says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `tags` (a list, or one string of words separated by `,` or spaces).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// `aliases` (Obsidian's other names of the note).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// `date` as written (`2025-11-04`, `2025-11-04T10:00:00+09:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The front matter block at the top of a note, found but not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// The lines between the fences.
    pub source: &'a str,
    /// Whether it is TOML (`+++`) rather than YAML (`---`).
    pub toml: bool,
    /// Number of lines the block takes, fences included.
    pub lines: usize,
}

/// Finds the front matter block that opens `text`. `Err(kind)` when a
/// fence opens one that never closes: then the text is read as if it had
/// none (it could be a thematic break), and the caller warns.
pub fn find(text: &str) -> Result<Option<Block<'_>>, &'static str> {
    let first = text.split('\n').next().unwrap_or("").trim_end();
    let (toml, closers): (bool, &[&str]) = match first {
        "---" => (false, &["---", "..."]),
        "+++" => (true, &["+++"]),
        _ => return Ok(None),
    };
    let body_start = first.len() + 1;
    if body_start > text.len() {
        return Err(if toml { "TOML" } else { "YAML" });
    }
    let mut at = body_start;
    for (i, line) in text[body_start..].split('\n').enumerate() {
        if closers.contains(&line.trim_end()) {
            return Ok(Some(Block {
                source: &text[body_start..at],
                toml,
                lines: i + 2,
            }));
        }
        at += line.len() + 1;
    }
    Err(if toml { "TOML" } else { "YAML" })
}

impl Block<'_> {
    /// Parses the block. The error names the line of the note (1-based)
    /// where the parser gave up.
    pub fn parse(&self) -> Result<Meta, (usize, String)> {
        if self.toml {
            parse_toml(self.source)
        } else {
            parse_yaml(self.source)
        }
    }
}

fn parse_yaml(source: &str) -> Result<Meta, (usize, String)> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(source)
        // The marker's line is 1-based within the block; +1 for the fence.
        .map_err(|e| (e.marker().line() + 1, e.info().to_owned()))?;
    let Some(doc) = docs.into_iter().next() else {
        return Ok(Meta::default());
    };
    let Yaml::Hash(map) = doc else {
        return match doc {
            Yaml::Null => Ok(Meta::default()),
            _ => Err((2, "front matter is not a mapping of keys".into())),
        };
    };
    fn scalar(y: &Yaml) -> Option<String> {
        match y {
            Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
            Yaml::Integer(i) => Some(i.to_string()),
            Yaml::Boolean(b) => Some(b.to_string()),
            _ => None,
        }
    }
    let get = |key: &str| map.get(&Yaml::String(key.to_owned()));
    let list = |key: &str| match get(key) {
        Some(Yaml::Array(items)) => items.iter().filter_map(scalar).collect(),
        Some(other) => scalar(other).map(|s| words(&s)).unwrap_or_default(),
        None => Vec::new(),
    };
    Ok(Meta {
        title: get("title")
            .and_then(scalar)
            .filter(|t| !t.trim().is_empty()),
        tags: list("tags"),
        aliases: list("aliases"),
        date: get("date").and_then(scalar),
    })
}

fn parse_toml(source: &str) -> Result<Meta, (usize, String)> {
    let table: toml::Table = toml::from_str(source).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            source[..s.start.min(source.len())].matches('\n').count() + 1
        });
        (line + 1, e.message().to_owned())
    })?;
    fn scalar(v: &toml::Value) -> Option<String> {
        match v {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Datetime(d) => Some(d.to_string()),
            toml::Value::Integer(i) => Some(i.to_string()),
            _ => None,
        }
    }
    let list = |key: &str| match table.get(key) {
        Some(toml::Value::Array(items)) => items.iter().filter_map(scalar).collect(),
        Some(other) => scalar(other).map(|s| words(&s)).unwrap_or_default(),
        None => Vec::new(),
    };
    Ok(Meta {
        title: table
            .get("title")
            .and_then(scalar)
            .filter(|t| !t.trim().is_empty()),
        tags: list("tags"),
        aliases: list("aliases"),
        date: table.get("date").and_then(scalar),
    })
}

/// `"k8s, cka study"` → `[k8s, cka, study]`; a leading `#` is dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c == ',' || c.is_whitespace())
        .map(|w| w.trim_start_matches('#'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let text = "---\n# reviewers:\n# - a\ntitle: 파드\ntags: [k8s, 워크로드]\naliases: pod\ndate: 2025-11-04\n---\n# body";
        let block = find(text).unwrap().unwrap();
        assert_eq!(block.lines, 8);
        let meta = block.parse().unwrap();
        assert_eq!(meta.title.as_deref(), Some("파드"));
        assert_eq!(meta.tags, ["k8s", "워크로드"]);
        assert_eq!(meta.aliases, ["pod"]);
        assert_eq!(meta.date.as_deref(), Some("2025-11-04"));
    }

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"etcd 백업\"\ntags = \"cka, etcd\"\ndate = 2024-03-01\n+++\nbody";
        let meta = find(text).unwrap().unwrap().parse().unwrap();
        assert_eq!(meta.title.as_deref(), Some("etcd 백업"));
        assert_eq!(meta.tags, ["cka", "etcd"]);
        assert_eq!(meta.date.as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn broken_front_matter_names_its_line() {
        let text = "---\ntitle: ok\ntags: [a, b\n---\n";
        let (line, message) = find(text).unwrap().unwrap().parse().unwrap_err();
        assert!((3..=5).contains(&line), "{line}: {message}");
        assert_eq!(find("---\ntitle: never closed\n"), Err("YAML"));
        assert_eq!(find("no front matter\n---\n"), Ok(None));
        let not_a_map = find("---\n- a\n- b\n---\n").unwrap().unwrap();
        assert!(not_a_map.parse().is_err());
    }
}
