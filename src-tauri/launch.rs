//! The app's command line, `pilgi-app [--lookup]`, and what a launch asks
//! of the running app. A second launch does not start a second Pilgi: the
//! single-instance plugin hands its arguments to the running one (over the
//! session bus) and exits, so `pilgi-app --lookup` is the command any
//! desktop's own keyboard settings can bind to show the lookup window.

use crate::lookup;
use clap::Parser;
use tauri::AppHandle;

/// Pilgi (필기): read, search and bookmark bilingual study notes.
#[derive(Parser, Debug, Default, PartialEq, Eq)]
#[command(name = "pilgi-app", version)]
pub struct Launch {
    /// Show or hide the quick-lookup window of the running Pilgi, or start
    /// Pilgi with it open (the main window hidden). Bind this command to a
    /// key in your desktop's keyboard settings.
    #[arg(long)]
    pub lookup: bool,
    /// The XDG activation token of the key press that asked for the lookup
    /// (taken from $XDG_ACTIVATION_TOKEN): on Wayland it lets the window
    /// take the keyboard focus.
    #[arg(long, hide = true, value_name = "TOKEN", requires = "lookup", value_parser = token)]
    pub activation_token: Option<String>,
}

/// An activation token as compositors make them (printable ASCII, short).
/// Anything else is refused: it is handed to GTK, and the arguments of a
/// handover come from whoever called the single-instance method.
fn token(text: &str) -> Result<String, String> {
    let fits = !text.is_empty() && text.len() <= 256 && text.chars().all(|c| c.is_ascii_graphic());
    fits.then(|| text.to_owned())
        .ok_or_else(|| pilgi_i18n::t!("app-not-a-token"))
}

impl Launch {
    /// This process's arguments (`--help`, `--version` and a wrong argument
    /// end it here, as clap does).
    pub fn from_args() -> Launch {
        let launch = Launch::parse();
        launch.carry_token();
        launch
    }

    /// The arguments a second launch handed over, read by the same rules
    /// (any process on the session bus can hand some over); anything
    /// unreadable only brings the main window forward.
    pub fn handed_over(argv: Vec<String>) -> Launch {
        Launch::try_parse_from(argv).unwrap_or_default()
    }

    /// Does what the launch asked: toggles the lookup window, or brings the
    /// main window forward.
    pub fn apply(&self, app: &AppHandle) {
        if self.lookup {
            lookup::toggle(app, self.activation_token.clone());
        } else {
            lookup::focus_main(app);
        }
    }

    /// The single-instance plugin hands over the arguments only, not the
    /// environment: a `--lookup` launched with an activation token runs
    /// itself again (exec, the same process) with the token as an argument,
    /// so the running app can use it.
    #[cfg(unix)]
    fn carry_token(&self) {
        use std::os::unix::process::CommandExt;
        /// Where a launcher puts the activation token of the user's action.
        const TOKEN_VAR: &str = "XDG_ACTIVATION_TOKEN";
        if !self.lookup || self.activation_token.is_some() {
            return;
        }
        let Some(token) = std::env::var(TOKEN_VAR).ok().filter(|t| !t.is_empty()) else {
            return;
        };
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        let error = std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .arg("--activation-token")
            .arg(token)
            .env_remove(TOKEN_VAR)
            .exec();
        eprintln!("pilgi: going on without the activation token ({error})");
    }

    #[cfg(not(unix))]
    fn carry_token(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handed(args: &[&str]) -> Launch {
        Launch::handed_over(args.iter().map(|a| a.to_string()).collect())
    }

    #[test]
    fn a_second_launch_asks_for_the_lookup_or_the_main_window() {
        assert_eq!(handed(&["pilgi-app"]), Launch::default());
        assert!(handed(&["/usr/bin/pilgi-app", "--lookup"]).lookup);
        let with_token = handed(&["pilgi-app", "--lookup", "--activation-token", "abc"]);
        assert_eq!(with_token.activation_token.as_deref(), Some("abc"));
        assert_eq!(
            handed(&["pilgi-app", "--no-such-flag"]),
            Launch::default(),
            "anything unreadable brings the main window forward"
        );
        assert_eq!(
            handed(&["pilgi-app", "--activation-token", "abc"]),
            Launch::default(),
            "a token alone asks for nothing"
        );
        let long = "x".repeat(257);
        for bad in ["", "two words", "\u{1b}[2J", long.as_str()] {
            let launch = handed(&["pilgi-app", "--lookup", "--activation-token", bad]);
            assert_eq!(launch, Launch::default(), "{bad:?} is no token");
        }
    }
}
