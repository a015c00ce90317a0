//! Rich text (the model's Markdown subset) as WordprocessingML: runs,
//! paragraphs and numbered or bulleted lists.

use super::escape::{runs, RunStyle};
use super::params::{first, hash_str};
use super::state::{Liste, State};
use crate::input::markdown::Block;
use crate::render::shared::{self, RichTextWriter};
use handlebars::Helper;

/// Writes inline rich text as runs.
struct Runs {
    out: String,
    bold: usize,
    italic: usize,
}

impl RichTextWriter for Runs {
    fn text(&mut self, t: &str) {
        self.out.push_str(&runs(
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
        self.out.push_str("<w:r><w:br/></w:r>");
    }
}

fn inline_runs(inlines: &[crate::input::markdown::Inline]) -> String {
    let mut w = Runs {
        out: String::new(),
        bold: 0,
        italic: 0,
    };
    shared::write_inlines(&mut w, inlines);
    w.out
}

/// Paragraphs and lists; each list its own numbering instance, so numbered
/// lists restart (at their `start`).
fn rich_text(st: &mut State, blocks: &[Block], einzug: u64) -> String {
    let mut out = String::new();
    let ind = |extra: u64, hanging: u64| {
        if einzug == 0 && extra == 0 {
            String::new()
        } else {
            format!(
                "<w:ind w:left=\"{}\" w:hanging=\"{hanging}\"/>",
                einzug + extra
            )
        }
    };
    for b in blocks {
        match b {
            Block::Absatz { inhalt } => {
                let i = ind(0, 0);
                let ppr = if i.is_empty() {
                    String::new()
                } else {
                    format!("<w:pPr>{i}</w:pPr>")
                };
                out.push_str(&format!("<w:p>{ppr}{}</w:p>", inline_runs(inhalt)));
            }
            Block::Aufzaehlung { punkte } | Block::Nummerierung { punkte, .. } => {
                let (stil, abstrakt, start, hanging) = match b {
                    Block::Nummerierung { start, .. } => ("ListNumber", 2, *start, 397),
                    _ => ("ListBullet", 1, 1, 283),
                };
                let id = st.listen.len() as u32 + 2;
                st.listen.push(Liste {
                    id,
                    abstrakt,
                    start,
                });
                let i = if einzug == 0 {
                    String::new()
                } else {
                    ind(567, hanging)
                };
                for p in punkte {
                    out.push_str(&format!(
                        "<w:p><w:pPr><w:pStyle w:val=\"{stil}\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{id}\"/></w:numPr>{i}</w:pPr>{}</w:p>",
                        inline_runs(p)
                    ));
                }
            }
        }
    }
    out
}

/// `{{{text feld [einzug=n] [vorspann="…"]}}}`: rich text as paragraphs and
/// lists; `vorspann` is a bold lead-in at the start of the first paragraph
/// ("Stärken und Ressourcen. …").
pub(super) fn text(h: &Helper, st: &mut State) -> Result<String, String> {
    let rt = shared::rich_text(&first(h))?;
    let einzug = h
        .hash_get("einzug")
        .and_then(|v| v.value().as_u64())
        .unwrap_or(0);
    let out = rich_text(st, shared::blocks(&rt), einzug);
    Ok(match hash_str(h, "vorspann") {
        Some(v) if !v.is_empty() => {
            let lead = runs(
                &format!("{v} "),
                RunStyle {
                    bold: true,
                    ..RunStyle::default()
                },
            );
            match out.strip_prefix("<w:p>") {
                Some(rest) => format!("<w:p>{lead}{rest}"),
                None => format!("<w:p>{lead}</w:p>{out}"),
            }
        }
        _ => out,
    })
}
