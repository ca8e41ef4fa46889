//! `--help` in the user's language. The texts are catalog messages
//! (`cli.ftl`), not doc comments: each command's `about` is
//! `help-<path>` and each argument's help `help-<path>-<arg>` (`path`: the
//! subcommands joined by `-`, `pilgi` for the top level and for the global
//! flags), an `after_help` `help-<path>-after` where the catalog has one.
//! A test walks the whole command tree, so a new command or flag without
//! its text fails it. clap's own parse errors stay in English.

use clap::Command;
use pilgi_i18n::{current, tr, Catalog};

/// The command tree with its texts said in the current language.
pub fn localized(mut cli: Command) -> Command {
    // Built first: the generated `--help`, `--version` and `help` exist
    // only then, and the global flags are copied into every subcommand.
    cli.build();
    with_texts(cli, "pilgi")
}

fn with_texts(mut cmd: Command, path: &str) -> Command {
    cmd = cmd
        .about(tr(&format!("help-{path}"), &[]))
        .help_template(tr("help-template", &[]))
        .subcommand_help_heading(tr("help-heading-commands", &[]));
    let after = format!("help-{path}-after");
    if Catalog::of(current()).ids().contains(&after) {
        cmd = cmd.after_help(tr(&after, &[]));
    }
    let args: Vec<(String, String, bool)> = cmd
        .get_arguments()
        .map(|a| {
            (
                a.get_id().to_string(),
                arg_help_id(a, path),
                a.is_positional(),
            )
        })
        .collect();
    for (id, key, positional) in args {
        let heading = match positional {
            true => "help-heading-arguments",
            false => "help-heading-options",
        };
        cmd = cmd.mut_arg(&id, |a| {
            a.help(tr(&key, &[])).help_heading(tr(heading, &[]))
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        cmd = match (path, name.as_str()) {
            // clap's `help` subcommand: its text, not its mirror of the tree.
            (_, "help") => cmd.mut_subcommand("help", |s| s.about(tr("help-flag-help", &[]))),
            ("pilgi", _) => cmd.mut_subcommand(&name, |s| with_texts(s, &name)),
            _ => cmd.mut_subcommand(&name, |s| with_texts(s, &format!("{path}-{name}"))),
        };
    }
    cmd
}

/// The catalog id of an argument's help in command `path`: clap's own
/// `--help`/`--version` and the global flags have one text everywhere.
fn arg_help_id(arg: &clap::Arg, path: &str) -> String {
    let id = arg.get_id().as_str();
    match id {
        "help" | "version" => format!("help-flag-{id}"),
        _ if arg.is_global_set() => format!("help-pilgi-{id}"),
        _ => format!("help-{path}-{id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pilgi_i18n::Lang;

    /// Every command and argument's text id, as `with_texts` looks them up.
    fn ids(cmd: &Command, path: &str, into: &mut Vec<String>) {
        into.push(format!("help-{path}"));
        into.extend(cmd.get_arguments().map(|a| arg_help_id(a, path)));
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let sub = match path {
                "pilgi" => s.get_name().to_owned(),
                _ => format!("{path}-{}", s.get_name()),
            };
            ids(s, &sub, into);
        }
    }

    #[test]
    fn every_command_and_flag_has_its_help_in_both_languages() {
        let mut cli = <crate::Cli as clap::CommandFactory>::command();
        cli.build();
        let mut wanted = Vec::new();
        ids(&cli, "pilgi", &mut wanted);
        assert!(wanted.len() > 30, "the tree was walked: {wanted:?}");
        for lang in Lang::ALL {
            let have = Catalog::of(lang).ids();
            let missing: Vec<&String> = wanted.iter().filter(|id| !have.contains(id)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }
}
