//! The progress bar of a long read of a notes folder (a first `pilgi index`
//! or `pilgi search` on a vault of thousands of notes takes seconds): on
//! stderr when it is a terminal, never with `--json`, only once the work
//! has taken a moment (a quick run draws nothing), and cleared when done.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pilgi_core::progress::{Progress, Stage};
use pilgi_i18n::t;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long the work may take before a bar appears.
const QUIET: Duration = Duration::from_millis(300);

/// A bar that appears when the work turns out to be long.
pub struct Bar {
    shown: bool,
    started: Instant,
    bar: Option<(Stage, ProgressBar)>,
}

impl Bar {
    /// A bar for a run printing `json` or not.
    pub fn new(json: bool) -> Bar {
        Bar {
            shown: !json && std::io::stderr().is_terminal(),
            started: Instant::now(),
            bar: None,
        }
    }

    /// Takes one step of the work.
    pub fn report(&mut self, p: &Progress<'_>) {
        if !self.shown || self.started.elapsed() < QUIET {
            return;
        }
        let bar = match &self.bar {
            Some((stage, bar)) if *stage == p.stage => bar,
            _ => {
                self.clear();
                &self.bar.insert((p.stage, new_bar(p))).1
            }
        };
        bar.set_position(p.files_done as u64);
        bar.set_message(match p.stage {
            Stage::Reading => t!("progress-read", sections = p.sections_done, file = p.file),
            Stage::Indexing => t!(
                "progress-indexed",
                sections = p.sections_done,
                total = p.sections_total,
                file = p.file,
            ),
            Stage::Saving => t!("progress-saving", sections = p.sections_total),
        });
    }

    /// Takes the bar off the screen (before other lines are printed); a
    /// later step draws a new one.
    pub fn clear(&mut self) {
        if let Some((_, bar)) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.clear();
    }
}

fn new_bar(p: &Progress<'_>) -> ProgressBar {
    let what = match p.stage {
        Stage::Reading => t!("progress-stage-reading"),
        Stage::Indexing => t!("progress-stage-indexing"),
        Stage::Saving => t!("progress-stage-saving"),
    };
    // The stage names are padded to one width, so the bar stays put when
    // the stage changes.
    let files = t!("progress-files");
    let style = ProgressStyle::with_template(&format!(
        "pilgi: {} {{bar:24}} {{pos}}/{{len}} {files} · {{wide_msg}}",
        crate::output::pad(&what, 12)
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("█▌ ");
    let bar =
        ProgressBar::with_draw_target(Some(p.files_total as u64), ProgressDrawTarget::stderr());
    bar.set_style(style);
    bar
}
