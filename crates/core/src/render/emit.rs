//! Blocks to pulldown-cmark events: the renderer's own markup as HTML
//! events, note text as inline events (see `inline.rs`), code as code
//! events so the prose transforms leave it whole.

use super::blocks::{Block, Cmd, Line};
use super::code_block::code_block;
use super::html::{code, copy_button, escape, raw, text};
use super::{inline, yaml};
use pulldown_cmark::Event;

/// Lists nest at most this deep; deeper items join the deepest list, so a
/// hostile staircase of indentation cannot build an unbounded tree.
const MAX_LIST_DEPTH: usize = 16;

/// One open list: its item indentation and whether it is numbered.
struct OpenList {
    indent: usize,
    ordered: bool,
}

#[derive(Default)]
struct Emitter {
    out: Vec<Event<'static>>,
    paragraph: bool,
    terms: bool,
    lists: Vec<OpenList>,
}

/// Events for a note's blocks.
pub fn emit(blocks: &[Block<'_>]) -> Vec<Event<'static>> {
    let mut e = Emitter::default();
    for block in blocks {
        e.block(block);
    }
    e.close_paragraph();
    e.close_terms();
    e.close_lists(0);
    e.out
}

impl Emitter {
    fn push(&mut self, event: Event<'static>) {
        self.out.push(event);
    }

    fn close_paragraph(&mut self) {
        if std::mem::take(&mut self.paragraph) {
            self.push(raw("</p>\n"));
        }
    }

    fn close_terms(&mut self) {
        if std::mem::take(&mut self.terms) {
            self.push(raw("</dl>\n"));
        }
    }

    /// Closes lists until at most `keep` remain open.
    fn close_lists(&mut self, keep: usize) {
        while self.lists.len() > keep {
            if let Some(list) = self.lists.pop() {
                let tag = if list.ordered { "ol" } else { "ul" };
                self.push(raw(format!("</li>\n</{tag}>\n")));
            }
        }
    }

    fn block(&mut self, block: &Block<'_>) {
        if !matches!(block, Block::Para(Line::Text(_))) {
            self.close_paragraph();
        }
        if !matches!(block, Block::Para(Line::Term(..))) {
            self.close_terms();
        }
        if !matches!(block, Block::Item(..)) {
            self.close_lists(0);
        }
        match block {
            Block::Blank => {}
            Block::Rule => self.push(raw("<hr>\n")),
            Block::Heading(level, t) => {
                // Section headers are h2; a note's own headings sit below.
                let h = (level + 2).min(6);
                self.push(raw(format!("<h{h}>")));
                self.out.extend(inline::parse(t));
                self.push(raw(format!("</h{h}>\n")));
            }
            Block::Summary(t) => {
                self.push(raw("<p class=\"summary\">"));
                self.out.extend(inline::parse(t));
                self.push(raw("</p>\n"));
            }
            Block::Comment(marker, t) => {
                self.push(raw("<p class=\"comment\"><span class=\"comment-mark\">"));
                self.push(text(*marker));
                self.push(raw("</span>"));
                self.out.extend(inline::parse(t));
                self.push(raw("</p>\n"));
            }
            Block::Yaml(lines) => self.yaml(&yaml::dedent(lines), None),
            Block::FlatYaml(line) => self.yaml(line, yaml::reindent(line)),
            Block::Fence(info, lines) => self.fence(info, lines),
            Block::Item(indent, number, line) => self.item(*indent, *number, line),
            Block::Para(Line::Text(t)) => {
                if self.paragraph {
                    self.push(raw("<br>\n"));
                } else {
                    self.push(raw("<p>"));
                    self.paragraph = true;
                }
                self.out.extend(inline::parse(t));
            }
            Block::Para(Line::Term(term, def)) => {
                if !self.terms {
                    self.push(raw("<dl class=\"terms\">\n"));
                    self.terms = true;
                }
                self.push(raw("<dt>"));
                self.out.extend(inline::parse(term));
                self.push(raw("</dt><dd>"));
                self.out.extend(inline::parse(def));
                self.push(raw("</dd>\n"));
            }
            Block::Para(Line::Command(c)) => self.command(c),
        }
    }

    fn item(&mut self, indent: usize, number: Option<u64>, line: &Line<'_>) {
        let ordered = number.is_some();
        while self.lists.last().is_some_and(|l| l.indent > indent) {
            let keep = self.lists.len() - 1;
            self.close_lists(keep);
        }
        let same_level = self
            .lists
            .last()
            .is_some_and(|l| l.indent == indent || self.lists.len() >= MAX_LIST_DEPTH);
        if same_level && self.lists.last().is_some_and(|l| l.ordered == ordered) {
            self.push(raw("</li>\n<li>"));
        } else {
            if same_level {
                let keep = self.lists.len() - 1;
                self.close_lists(keep);
            }
            match number {
                Some(n) if n != 1 => self.push(raw(format!("<ol start=\"{n}\">\n<li>"))),
                Some(_) => self.push(raw("<ol>\n<li>")),
                None => self.push(raw("<ul>\n<li>")),
            }
            self.lists.push(OpenList { indent, ordered });
        }
        match line {
            Line::Text(t) => self.out.extend(inline::parse(t)),
            Line::Term(term, def) => {
                self.push(raw("<dfn class=\"term-name\">"));
                self.out.extend(inline::parse(term));
                self.push(raw("</dfn><span class=\"term-sep\">: </span>"));
                self.out.extend(inline::parse(def));
            }
            Line::Command(c) => self.command(c),
        }
    }

    fn command(&mut self, c: &Cmd<'_>) {
        self.push(raw(format!(
            "<div class=\"command\" data-tool=\"{}\">",
            escape(&c.tool)
        )));
        if let Some(label) = c.label {
            self.push(raw("<span class=\"command-label\">"));
            self.out.extend(inline::parse(label));
            self.push(raw("</span>"));
        }
        self.push(raw("<pre class=\"command-line\">"));
        if c.prompt {
            self.push(raw("<span class=\"prompt\" aria-hidden=\"true\">$ </span>"));
        }
        self.push(code(c.text.clone()));
        if let Some(comment) = c.comment {
            self.push(raw("<span class=\"command-comment\">"));
            self.push(text(format!("  # {comment}")));
            self.push(raw("</span>"));
        }
        self.push(raw("</pre>"));
        self.push(copy_button("command", &c.text));
        self.push(raw("</div>\n"));
    }

    /// A YAML block; `reindented` is shown under a flattened original.
    fn yaml(&mut self, source: &str, reindented: Option<String>) {
        let flat = if reindented.is_some() { " flat" } else { "" };
        self.push(raw(format!("<div class=\"yaml-block{flat}\">")));
        self.push(raw(format!("<pre class=\"yaml{flat}\">")));
        self.push(code(source.to_owned()));
        self.push(raw("</pre>"));
        match reindented {
            Some(tidy) => {
                self.push(raw(
                    "<span class=\"yaml-note\">re-indented</span><pre class=\"yaml\">",
                ));
                self.push(code(tidy.clone()));
                self.push(raw("</pre>"));
                self.push(copy_button("YAML", &tidy));
            }
            None => self.push(copy_button("YAML", source)),
        }
        self.push(raw("</div>\n"));
    }

    fn fence(&mut self, info: &str, lines: &[&str]) {
        let body = lines.join("\n");
        let block = code_block(info, vec![code(body.clone())], Some(&body));
        self.out.extend(block);
    }
}
