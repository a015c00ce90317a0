//! The Markdown subset of `Texte` and `Befund` cells, parsed once into a small
//! tree that both renderers walk.
//!
//! Only paragraphs (blank line), `- ` bullet lists, `1. ` numbered lists,
//! `**bold**` and `*italic*` are interpreted; every other character is text
//! and printed as typed. A full CommonMark parser (pulldown-cmark) would also
//! read headings, links, code, HTML and backslash escapes out of what office
//! staff type (`# 1`, `[Entwurf]`, `C:\Daten`), which the spec forbids, so the
//! subset is parsed here.

use serde::{Deserialize, Serialize};

/// A parsed text: a sequence of blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RichText {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "art", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph; single line breaks inside it are kept.
    Absatz { inhalt: Vec<Inline> },
    /// A bullet list; each item is a line of inline content.
    Aufzaehlung { punkte: Vec<Vec<Inline>> },
    /// A numbered list starting at `start`.
    Nummerierung {
        start: u32,
        punkte: Vec<Vec<Inline>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "art", rename_all = "lowercase")]
pub enum Inline {
    Text { text: String },
    Fett { inhalt: Vec<Inline> },
    Kursiv { inhalt: Vec<Inline> },
    Umbruch,
}

impl RichText {
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The text without markup, paragraphs separated by blank lines (for
    /// summaries and search).
    pub fn plain(&self) -> String {
        let mut out = Vec::new();
        for b in &self.blocks {
            match b {
                Block::Absatz { inhalt } => out.push(plain_inlines(inhalt)),
                Block::Aufzaehlung { punkte } | Block::Nummerierung { punkte, .. } => out.push(
                    punkte
                        .iter()
                        .map(|p| plain_inlines(p))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            }
        }
        out.join("\n\n")
    }
}

fn plain_inlines(v: &[Inline]) -> String {
    v.iter()
        .map(|i| match i {
            Inline::Text { text } => text.clone(),
            Inline::Fett { inhalt } | Inline::Kursiv { inhalt } => plain_inlines(inhalt),
            Inline::Umbruch => "\n".to_string(),
        })
        .collect()
}

enum Marker {
    Bullet,
    Number(u32),
}

/// `- item` → bullet; `12. item` → number 12. Returns the marker and the rest.
fn list_marker(line: &str) -> Option<(Marker, &str)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("• ")) {
        return Some((Marker::Bullet, rest.trim()));
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=4).contains(&digits) {
        if let Some(rest) = t[digits..].strip_prefix(". ") {
            return Some((Marker::Number(t[..digits].parse().ok()?), rest.trim()));
        }
    }
    None
}

/// Parses the subset. Never fails: what is not markup is text.
pub fn parse(text: &str) -> RichText {
    let mut blocks: Vec<Block> = Vec::new();
    let mut para: Vec<&str> = Vec::new();

    fn flush(para: &mut Vec<&str>, blocks: &mut Vec<Block>) {
        if para.is_empty() {
            return;
        }
        let mut inhalt = Vec::new();
        for (i, line) in para.iter().enumerate() {
            if i > 0 {
                inhalt.push(Inline::Umbruch);
            }
            inhalt.extend(parse_inlines(line.trim()));
        }
        blocks.push(Block::Absatz { inhalt });
        para.clear();
    }

    let mut last_was_item = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut para, &mut blocks);
            last_was_item = false;
            continue;
        }
        match list_marker(line) {
            Some((marker, rest)) => {
                flush(&mut para, &mut blocks);
                let item = parse_inlines(rest);
                match (marker, blocks.last_mut()) {
                    (Marker::Bullet, Some(Block::Aufzaehlung { punkte })) if last_was_item => {
                        punkte.push(item)
                    }
                    (Marker::Number(_), Some(Block::Nummerierung { punkte, .. }))
                        if last_was_item =>
                    {
                        punkte.push(item)
                    }
                    (Marker::Bullet, _) => blocks.push(Block::Aufzaehlung { punkte: vec![item] }),
                    (Marker::Number(start), _) => blocks.push(Block::Nummerierung {
                        start,
                        punkte: vec![item],
                    }),
                }
                last_was_item = true;
            }
            None if last_was_item && line.starts_with([' ', '\t']) => {
                // An indented line continues the list item above it.
                if let Some(Block::Aufzaehlung { punkte } | Block::Nummerierung { punkte, .. }) =
                    blocks.last_mut()
                {
                    if let Some(item) = punkte.last_mut() {
                        item.push(Inline::Umbruch);
                        item.extend(parse_inlines(line.trim()));
                    }
                }
            }
            None => {
                last_was_item = false;
                para.push(line);
            }
        }
    }
    flush(&mut para, &mut blocks);
    RichText { blocks }
}

/// `**bold**` and `*italic*` (nestable); an opener must be followed and a
/// closer preceded by a non-space, so `3 * 4` and a lone `*` stay text.
pub fn parse_inlines(s: &str) -> Vec<Inline> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '*' {
            let bold = chars.get(i + 1) == Some(&'*');
            let width = if bold { 2 } else { 1 };
            if let Some(close) = find_closer(&chars, i + width, width) {
                let inner: String = chars[i + width..close].iter().collect();
                if !text.is_empty() {
                    out.push(Inline::Text {
                        text: std::mem::take(&mut text),
                    });
                }
                let inhalt = parse_inlines(&inner);
                out.push(if bold {
                    Inline::Fett { inhalt }
                } else {
                    Inline::Kursiv { inhalt }
                });
                i = close + width;
                continue;
            }
        }
        text.push(chars[i]);
        i += 1;
    }
    if !text.is_empty() {
        out.push(Inline::Text { text });
    }
    out
}

/// Index of the closing delimiter of `width` stars for an opener whose content
/// starts at `start`.
fn find_closer(chars: &[char], start: usize, width: usize) -> Option<usize> {
    let first = *chars.get(start)?;
    if first.is_whitespace() || first == '*' && width == 1 && chars.get(start + 1) != Some(&'*') {
        return None;
    }
    let mut j = start + 1;
    while j + width <= chars.len() {
        let is_delim = chars[j..j + width].iter().all(|&c| c == '*');
        if is_delim && !chars[j - 1].is_whitespace() {
            if width == 1 {
                // A single star that is part of `**` is not an italic closer,
                // skip the pair (it may be bold nested inside italic).
                if chars.get(j + 1) == Some(&'*') {
                    if let Some(inner_close) = find_closer(chars, j + 2, 2) {
                        j = inner_close + 2;
                        continue;
                    }
                } else if j > start {
                    return Some(j);
                }
            } else if chars.get(j + 2) != Some(&'*') {
                // In a run like `***` the bold closer is the last two stars,
                // so an italic inside closes first.
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn paragraphs_and_breaks() {
        let r = parse("Erster Absatz\nzweite Zeile\n\nZweiter Absatz");
        assert_eq!(
            r.blocks,
            vec![
                Block::Absatz {
                    inhalt: vec![t("Erster Absatz"), Inline::Umbruch, t("zweite Zeile")]
                },
                Block::Absatz {
                    inhalt: vec![t("Zweiter Absatz")]
                },
            ]
        );
    }

    #[test]
    fn lists() {
        let r = parse("Einleitung:\n- eins\n- zwei\n\n3. drei\n4. vier");
        assert_eq!(r.blocks.len(), 3);
        assert_eq!(
            r.blocks[1],
            Block::Aufzaehlung {
                punkte: vec![vec![t("eins")], vec![t("zwei")]]
            }
        );
        assert_eq!(
            r.blocks[2],
            Block::Nummerierung {
                start: 3,
                punkte: vec![vec![t("drei")], vec![t("vier")]]
            }
        );
    }

    #[test]
    fn bold_italic_nested() {
        assert_eq!(
            parse_inlines("a **fett** und *kursiv* und **fett *beides***"),
            vec![
                t("a "),
                Inline::Fett {
                    inhalt: vec![t("fett")]
                },
                t(" und "),
                Inline::Kursiv {
                    inhalt: vec![t("kursiv")]
                },
                t(" und "),
                Inline::Fett {
                    inhalt: vec![
                        t("fett "),
                        Inline::Kursiv {
                            inhalt: vec![t("beides")]
                        }
                    ]
                },
            ]
        );
    }

    #[test]
    fn everything_else_is_literal() {
        for s in [
            "# Überschrift",
            "3 * 4 = 12",
            "[Link](http://x)",
            "`code` und <b>html</b>",
            "C:\\Daten\\ag.xlsx",
            "**nicht geschlossen",
            "* kein Punkt",
            "_unterstrichen_",
            "{{ vorlage }}",
            "a ** b ** c",
        ] {
            assert_eq!(parse(s).plain(), s, "{s}");
        }
    }

    #[test]
    fn plain_roundtrip_of_lists() {
        let r = parse("- a\n- **b**");
        assert_eq!(r.plain(), "a\nb");
    }
}
