//! Flags may come after a query: `pilgi search etcd --json`, `pilgi search
//! kubectl apply --prune -n 3`. The query takes hyphenated words (a `--flag`
//! is part of a lab command, not an option of ours), so before clap sees the
//! arguments, the options that `pilgi` itself defines for the subcommand
//! (read from clap's own definition, not listed here) are moved in front of
//! the query; every other word stays where it was. After `--` nothing moves.

use clap::CommandFactory;
use std::ffi::OsString;

/// The arguments with the subcommand's own options hoisted before its
/// positional words.
pub fn hoist_options<C: CommandFactory>(args: Vec<OsString>) -> Vec<OsString> {
    let mut cli = C::command();
    // Only a built command knows which options take a value.
    cli.build();
    let Some(sub_at) = args
        .iter()
        .skip(1)
        .position(|a| cli.find_subcommand(a).is_some())
        .map(|i| i + 1)
    else {
        return args;
    };
    let Some(sub) = cli.find_subcommand(&args[sub_at]) else {
        return args;
    };
    // Subcommands with subcommands of their own (`bookmark add`) keep
    // clap's rules.
    if sub.has_subcommands() {
        return args;
    }
    let options: Vec<&clap::Arg> = sub
        .get_arguments()
        .chain(cli.get_arguments())
        .filter(|a| !a.is_positional())
        .collect();
    let takes_value = |a: &clap::Arg| a.get_num_args().is_some_and(|n| n.takes_values());
    let find = |word: &str| -> Option<(&clap::Arg, bool)> {
        if let Some(long) = word.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, _)) => (n, true),
                None => (long, false),
            };
            let arg = options.iter().find(|a| a.get_long() == Some(name))?;
            return Some((arg, inline));
        }
        let short = word.strip_prefix('-')?;
        let mut chars = short.chars();
        let c = chars.next()?;
        let arg = options.iter().find(|a| a.get_short() == Some(c))?;
        Some((arg, chars.next().is_some()))
    };
    let mut head: Vec<OsString> = args[..=sub_at].to_vec();
    let mut words = Vec::new();
    let mut rest = args[sub_at + 1..].iter();
    while let Some(arg) = rest.next() {
        let Some(word) = arg.to_str() else {
            words.push(arg.clone());
            continue;
        };
        if word == "--" {
            words.push(arg.clone());
            words.extend(rest.cloned());
            break;
        }
        match find(word) {
            Some((option, inline)) => {
                head.push(arg.clone());
                if takes_value(option) && !inline {
                    head.extend(rest.next().cloned());
                }
            }
            None => words.push(arg.clone()),
        }
    }
    head.extend(words);
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(clap::Parser)]
    struct Cli {
        #[arg(long, global = true)]
        json: bool,
        #[command(subcommand)]
        command: Command,
    }

    #[derive(clap::Subcommand)]
    enum Command {
        Search {
            #[arg(allow_hyphen_values = true)]
            query: Vec<String>,
            #[arg(long, short = 'n')]
            limit: Option<usize>,
        },
    }

    fn hoisted(args: &[&str]) -> Vec<String> {
        let args = args.iter().map(OsString::from).collect();
        hoist_options::<Cli>(args)
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn own_options_move_before_the_query() {
        assert_eq!(
            hoisted(&["pilgi", "search", "kubectl", "apply", "--prune", "--json", "-n", "3"]),
            ["pilgi", "search", "--json", "-n", "3", "kubectl", "apply", "--prune"]
        );
        assert_eq!(
            hoisted(&["pilgi", "search", "etcd", "--limit=2", "-n4"]),
            ["pilgi", "search", "--limit=2", "-n4", "etcd"]
        );
        assert_eq!(
            hoisted(&["pilgi", "search", "--", "x", "--json"]),
            ["pilgi", "search", "--", "x", "--json"]
        );
    }
}
