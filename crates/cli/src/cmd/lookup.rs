//! `pilgi lookup`: shows or hides the desktop app's quick-lookup window, or
//! starts the app with it open when none runs. The CLI's spelling of
//! `pilgi-app --lookup`, which it runs (the app's single-instance handover
//! does the rest).

use super::Context;
use crate::Outcome;
use anyhow::{bail, Context as _};
use pilgi_i18n::{t, Message};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Arguments of `pilgi lookup`.
#[derive(clap::Args)]
pub struct Args {}

/// A handover to a running app ends within this (tens of milliseconds
/// here); a launch still running after it is taken to be the app itself,
/// started with the lookup open, and is said so with that caveat.
const HANDOVER: Duration = Duration::from_millis(1500);

/// Runs `pilgi-app --lookup` and says what it did.
pub fn run(_args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let app = app_program();
    let mut launch = Command::new(&app);
    launch
        .arg("--lookup")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // Its own process group: Ctrl+C in this terminal must not stop an app
    // started here.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut launch, 0);
    let mut child = launch
        .spawn()
        .with_context(|| Message::new("lookup-cannot-run").arg("app", &app))?;
    let start = Instant::now();
    while start.elapsed() < HANDOVER {
        if let Some(status) = child.try_wait()? {
            if !status.success() {
                bail!(Message::new("lookup-failed")
                    .arg("app", &app)
                    .arg("status", status.to_string()));
            }
            return said(ctx, "handed_over", &t!("lookup-handed-over"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let waited = HANDOVER.as_secs_f64().to_string();
    said(ctx, "started", &t!("lookup-started", seconds = waited))
}

/// Says what happened: `{"lookup": kind}` with `--json`, else `text`.
fn said(ctx: &Context, kind: &str, text: &str) -> anyhow::Result<Outcome> {
    if ctx.out.json {
        ctx.out.json(&serde_json::json!({ "lookup": kind }))?;
    } else {
        ctx.out.line(text);
    }
    Ok(Outcome::Found)
}

/// `pilgi-app` beside this program (an install or a cargo build puts both
/// in one folder), else the one on the `PATH`.
fn app_program() -> PathBuf {
    let name = format!("pilgi-app{}", std::env::consts::EXE_SUFFIX);
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join(&name)))
        .filter(|beside| beside.is_file())
        .unwrap_or_else(|| PathBuf::from(name))
}
