//! The tool table (`crates/core/data/commands.txt`): which first words start
//! a shell command and what must follow them. Kept as data so adding a tool
//! is a one-line change that every consumer (renderer, index, commands view)
//! picks up.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../../data/commands.txt");

/// What has to follow a tool's name for the line to be a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A sub-command from the list (`kubectl get`, `etcdctl snapshot`).
    Verb(HashSet<String>),
    /// At least one code-looking argument, or one of these words (`ps aux`).
    Args(HashSet<String>),
    /// `NAME=value` first (`export ETCDCTL_API=3`).
    Assign,
}

/// One known tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tool {
    /// The tool as the commands view groups it (`k` is `kubectl`).
    pub canonical: String,
    /// What must follow.
    pub rule: Rule,
}

/// The parsed table.
#[derive(Debug, Default)]
pub struct Table {
    /// Tools by the word that starts the command.
    pub tools: HashMap<String, Tool>,
    /// Words allowed before the tool (`sudo`).
    pub prefixes: HashSet<String>,
    /// English function words that mark a line as prose.
    pub stopwords: HashSet<String>,
}

impl Table {
    /// The built-in table, parsed once.
    pub fn builtin() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| Table::parse(SOURCE))
    }

    /// Parses the table format described at the top of `commands.txt`.
    /// Malformed lines are skipped (the table ships with the binary and is
    /// checked by a test, so there is no user to report them to).
    pub fn parse(source: &str) -> Table {
        let mut table = Table::default();
        let mut aliases: Vec<(String, String)> = Vec::new();
        for line in source.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let list =
                |s: &str| -> HashSet<String> { s.split_whitespace().map(str::to_owned).collect() };
            match fields.as_slice() {
                ["prefix", words] => table.prefixes.extend(list(words)),
                ["stop", words] => table.stopwords.extend(list(words)),
                [name, canonical, rule, rest @ ..] => {
                    let words = rest.first().copied().unwrap_or("");
                    let rule = match *rule {
                        "verb" => {
                            if let Some(other) = words.strip_prefix('@') {
                                aliases.push((name.to_string(), other.trim().to_owned()));
                            }
                            Rule::Verb(list(words))
                        }
                        "args" => Rule::Args(list(words)),
                        "assign" => Rule::Assign,
                        _ => continue,
                    };
                    table.tools.insert(
                        name.to_string(),
                        Tool {
                            canonical: canonical.to_string(),
                            rule,
                        },
                    );
                }
                _ => {}
            }
        }
        for (name, other) in aliases {
            if let Some(rule) = table.tools.get(&other).map(|t| t.rule.clone()) {
                if let Some(tool) = table.tools.get_mut(&name) {
                    tool.rule = rule;
                }
            }
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_is_well_formed() {
        let t = Table::builtin();
        for (name, tool) in &t.tools {
            if let Rule::Verb(verbs) = &tool.rule {
                assert!(!verbs.is_empty(), "{name} has no verbs");
                assert!(
                    verbs.iter().all(|v| !v.starts_with('@')),
                    "{name}: unresolved alias"
                );
            }
        }
        assert_eq!(t.tools["k"].canonical, "kubectl");
        assert_eq!(t.tools["k"].rule, t.tools["kubectl"].rule);
        assert!(t.prefixes.contains("sudo"));
        assert!(t.stopwords.contains("the"));
        assert!(t.tools.len() > 40);
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let t = Table::parse("x | y\nz | z | weird | a\nq | q | args | aux\n");
        assert_eq!(t.tools.len(), 1);
        assert!(t.tools.contains_key("q"));
    }
}
