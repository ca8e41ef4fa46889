//! `pilgi show ID`: one section.

use super::Context;
use crate::output::{Out, Style};
use crate::Outcome;
use pilgi_core::format_duration;
use pilgi_core::note::numbered;
use pilgi_core::render::{render_section, RenderOptions};
use pilgi_core::Section;

/// Arguments of `pilgi show`.
#[derive(clap::Args)]
pub struct Args {
    pub id: String,
    #[arg(long)]
    pub html: bool,
}

/// Prints the section.
pub fn run(args: Args, ctx: &Context) -> anyhow::Result<Outcome> {
    let library = ctx.library()?;
    let section = library.section(&args.id)?;
    let out = &ctx.out;
    if args.html {
        out.line(render_section(section, &RenderOptions::default()));
    } else if out.json {
        out.json(section)?;
    } else {
        print(section, out);
    }
    Ok(Outcome::Found)
}

/// A section as text: its name and length, where it is, its body (also
/// what `pilgi review` reveals).
pub fn print(section: &Section, out: &Out) {
    let duration = section
        .duration_seconds
        .map_or(String::new(), |d| format_duration(d.into()));
    out.line(format!(
        "{}  {}",
        out.paint(Style::Bold, &numbered(section.number, &section.title)),
        out.paint(Style::Dim, &duration)
    ));
    let place = format!(
        "{}:{}-{}",
        section.file, section.line_start, section.line_end
    );
    out.line(out.paint(Style::Dim, &place));
    out.line(&section.body);
}
