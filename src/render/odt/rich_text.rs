//! Rich text (the model's Markdown subset) as ODF: paragraphs and numbered
//! or bulleted lists (each list restarts, at its `start`).

use super::escape::spans;
use super::params::{first, hash_str};
use super::state::State;
use crate::input::markdown::Block;
use crate::render::docx::RunStyle;
use crate::render::shared::{self, RichTextWriter};
use handlebars::Helper;

/// Writes inline rich text as spans.
struct Spans {
    out: String,
    bold: usize,
    italic: usize,
}

impl RichTextWriter for Spans {
    fn text(&mut self, t: &str) {
        self.out.push_str(&spans(
            t,
            RunStyle {
                bold: self.bold > 0,
                italic: self.italic > 0,
                ..RunStyle::default()
            },
        ));
    }
    fn start_bold(&mut self) {
        self.bold += 1;
    }
    fn end_bold(&mut self) {
        self.bold = self.bold.saturating_sub(1);
    }
    fn start_italic(&mut self) {
        self.italic += 1;
    }
    fn end_italic(&mut self) {
        self.italic = self.italic.saturating_sub(1);
    }
    fn line_break(&mut self) {
        self.out.push_str("<text:line-break/>");
    }
}

fn inline_spans(inlines: &[crate::input::markdown::Inline]) -> String {
    let mut w = Spans {
        out: String::new(),
        bold: 0,
        italic: 0,
    };
    shared::write_inlines(&mut w, inlines);
    w.out
}

/// Paragraphs (in the paragraph style `absatz`) and lists.
fn blocks(blocks: &[Block], absatz_stil: &str) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Absatz { inhalt } => out.push_str(&format!(
                "<text:p text:style-name=\"{absatz_stil}\">{}</text:p>",
                inline_spans(inhalt)
            )),
            Block::Aufzaehlung { punkte } | Block::Nummerierung { punkte, .. } => {
                let (liste, absatz, start) = match b {
                    Block::Nummerierung { start, .. } => ("Nummerierung", "List_20_Number", *start),
                    _ => ("Aufzaehlung", "List_20_Bullet", 1),
                };
                out.push_str(&format!("<text:list text:style-name=\"{liste}\">"));
                for (i, p) in punkte.iter().enumerate() {
                    let start = if i == 0 && start != 1 {
                        format!(" text:start-value=\"{start}\"")
                    } else {
                        String::new()
                    };
                    out.push_str(&format!(
                        "<text:list-item{start}><text:p text:style-name=\"{absatz}\">{}</text:p></text:list-item>",
                        inline_spans(p)
                    ));
                }
                out.push_str("</text:list>");
            }
        }
    }
    out
}

/// `{{{text feld [einzug=n] [vorspann="…"]}}}`: rich text as paragraphs and
/// lists (`einzug`: indented, as the explanation of a guideline);
/// `vorspann` is a bold lead-in at the start of the first paragraph
/// ("Stärken und Ressourcen. …").
pub(super) fn text(h: &Helper, _: &mut State) -> Result<String, String> {
    let rt = shared::rich_text(&first(h))?;
    let einzug = h
        .hash_get("einzug")
        .and_then(|v| v.value().as_u64())
        .is_some_and(|e| e > 0);
    let absatz_stil = if einzug {
        "Text_20_body_20_indent"
    } else {
        "Text_20_body"
    };
    let out = blocks(shared::blocks(&rt), absatz_stil);
    Ok(match hash_str(h, "vorspann") {
        Some(v) if !v.is_empty() => {
            let lead = spans(
                &format!("{v} "),
                RunStyle {
                    bold: true,
                    ..RunStyle::default()
                },
            );
            let open = format!("<text:p text:style-name=\"{absatz_stil}\">");
            match out.strip_prefix(open.as_str()) {
                Some(rest) => format!("{open}{lead}{rest}"),
                None => format!("{open}{lead}</text:p>{out}"),
            }
        }
        _ => out,
    })
}
