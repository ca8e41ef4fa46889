//! `pilgi timeline`: the course in order with start times.

use super::Context;
use crate::output::{pad, Style};
use crate::Outcome;
use pilgi_core::format_duration;
use pilgi_i18n::t;

/// Arguments of `pilgi timeline`.
#[derive(clap::Args)]
pub struct Args {}

/// Prints the timeline.
pub fn run(_args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let library = ctx.library()?;
    let timeline = library.timeline();
    let out = &ctx.out;
    if out.json {
        out.json(&timeline)?;
    } else {
        for s in &timeline.sections {
            let number = s.number.map_or(String::new(), |n| format!("{n}."));
            let duration = s
                .duration_seconds
                .map_or("–".into(), |d| format_duration(d.into()));
            out.line(format!(
                "{}  {} {}  {}  {}",
                out.paint(
                    Style::Dim,
                    &format!("{:>8}", format_duration(s.start_seconds))
                ),
                out.paint(Style::Dim, &format!("{number:>4}")),
                pad(&s.title, 52),
                out.paint(Style::Dim, &format!("{duration:>7}")),
                out.paint(Style::Dim, s.kind.as_str()),
            ));
        }
        let seconds = timeline.total_seconds;
        let total = t!(
            "timeline-total",
            count = timeline.sections.len(),
            clock = format_duration(seconds),
            hours = seconds / 3600,
            minutes = seconds % 3600 / 60,
        );
        out.line(out.paint(Style::Bold, &total));
    }
    Ok(if timeline.sections.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
