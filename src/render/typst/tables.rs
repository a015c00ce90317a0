//! Column measures for the tables of the generated source, computed here
//! instead of in Typst.
//!
//! `tabelle(…)` in the style library gives each column at least its longest
//! word, the rest of the width by the mean length of its texts (see
//! `breiten` in `stil.typ`). Done in Typst, that walks every cell's content
//! and measures words by laying them out: about a tenth of the whole build.
//! Here the generated source is parsed once ([`typst::syntax::parse`]), the
//! cells of every literal `tabelle(…)` call are read as plain text and
//! measured with the advance widths of the bold table font, and the call
//! gets two more arguments:
//!
//! - `masse: ((muss, soll, wunsch), …)` per column, in em of the table's
//!   font size: the longest data word, the longest header word, the mean
//!   text length (0 for a column of single words);
//! - `lang: true|false`: whether a cell holds more text than a page can
//!   take (then its rows may split).
//!
//! A call whose cells are not all literal (a spread of an array, a cell made
//! in code) is left as it is: Typst then measures it itself, as before.

use typst::layout::Abs;
use typst::syntax::ast::AstNode;
use typst::syntax::{ast, SyntaxKind, SyntaxNode};
use typst::text::{
    Font, FontBook, FontInstance, FontStretch, FontStyle, FontVariant, FontVariations, FontWeight,
};

/// Longest run of letters a column is made wide enough for; longer words
/// hyphenate (`wort-max` in `stil.typ`).
const WORD_MAX: usize = 13;

/// More characters than this can not be kept on one page in a narrow
/// column (`zu-lang` in `stil.typ`).
const TOO_LONG: usize = 1200;

/// The mean text length a column may wish for, in characters.
const MEAN_MAX: f64 = 60.0;

/// How many of a column's longest words are looked at (by characters).
const LONGEST: usize = 4;

/// Advance widths of the bold table font.
pub struct Metrics {
    font: Option<FontInstance>,
}

impl Metrics {
    /// The bold variant of `family` (or of the first default font when the
    /// family is not there) among `fonts`.
    pub fn new<'a>(family: &str, fonts: impl Iterator<Item = &'a Font> + Clone) -> Self {
        let book = FontBook::from_fonts(fonts.clone());
        let bold = FontVariant::new(FontStyle::Normal, FontWeight::BOLD, FontStretch::NORMAL);
        let font = [family, super::DEFAULT_FONTS[0]]
            .iter()
            .find_map(|f| book.select(&f.to_lowercase(), bold))
            .and_then(|i| fonts.clone().nth(i).cloned())
            .map(|f| f.instantiate(bold, Abs::pt(9.0), &FontVariations::default()));
        Metrics { font }
    }

    /// Width of `word` in em (advance widths, no kerning).
    fn width(&self, word: &str) -> f64 {
        word.chars()
            .map(|c| {
                self.font
                    .as_ref()
                    .and_then(|f| {
                        let id = f.ttf().glyph_index(c)?;
                        f.x_advance(id.0)
                    })
                    .map_or(0.6, |em| em.get())
            })
            .sum()
    }

    /// Mean width of a character of running text, in em.
    fn char_width(&self) -> f64 {
        let sample = "0123456789abcdefghijklmnopqrstuvwxyz";
        self.width(sample) / sample.len() as f64
    }
}

/// Insertions that add `masse:` and `lang:` to every `tabelle(…)` call below
/// `node` whose cells can be read.
pub fn collect(
    node: &SyntaxNode,
    offset: usize,
    metrics: &Metrics,
    inserts: &mut Vec<(usize, String)>,
) {
    if let Some(call) = node.cast::<ast::FuncCall>() {
        if let ast::Expr::Ident(name) = call.callee() {
            if name.as_str() == "tabelle" {
                let mut at = offset;
                for child in node.children() {
                    if child.kind() == SyntaxKind::Args {
                        if let Some(measures) = measure_call(call.args(), metrics) {
                            // Right after the opening parenthesis.
                            inserts.push((at + 1, measures));
                        }
                        break;
                    }
                    at += child.len();
                }
            }
        }
    }
    let mut at = offset;
    for child in node.children() {
        collect(child, at, metrics, inserts);
        at += child.len();
    }
}

/// The texts of one column: its words and how much text it holds.
#[derive(Default)]
struct Column {
    words: Vec<String>,
    chars: usize,
    rows: usize,
    header: Vec<String>,
}

/// `masse: (…), lang: …, ` for one call, or `None` when its cells are not
/// all literal.
fn measure_call(args: ast::Args, metrics: &Metrics) -> Option<String> {
    let mut n = None;
    let mut header: Option<Vec<String>> = None;
    let mut cells: Vec<(usize, String)> = Vec::new();
    for arg in args.items() {
        match arg {
            ast::Arg::Named(named) => match named.name().as_str() {
                "spalten" => n = Some(column_count(named.expr())?),
                "kopf" => header = Some(literal_cells(named.expr())?),
                "masse" | "lang" => return None,
                _ => {}
            },
            ast::Arg::Pos(expr) => cells.push(cell(expr)?),
            ast::Arg::Spread(spread) => match spread.expr() {
                ast::Expr::FuncCall(call) if callee_is(call, "summenzeile") => {
                    for arg in call.args().items() {
                        let ast::Arg::Pos(expr) = arg else {
                            return None;
                        };
                        cells.push(cell(expr)?);
                    }
                }
                _ => return None,
            },
        }
    }
    let n = n?;
    if n == 0 {
        return None;
    }
    let mut columns: Vec<Column> = (0..n).map(|_| Column::default()).collect();
    let mut x = 0;
    let mut too_long = false;
    for (span, text) in cells {
        too_long |= text.len() > TOO_LONG;
        if span == 1 {
            let text = text.trim();
            let column = &mut columns[x];
            column.words.extend(
                text.split(' ')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string),
            );
            column.chars += text.chars().count();
            column.rows += 1;
        }
        x = (x + span) % n;
    }
    for (j, text) in header.unwrap_or_default().into_iter().enumerate().take(n) {
        columns[j].header = text.split(' ').map(str::to_string).collect();
    }
    let zeichen = metrics.char_width();
    let masse: Vec<String> = columns
        .iter()
        .map(|c| {
            let must = longest(&c.words)
                .iter()
                .map(|w| metrics.width(w))
                .fold(0.0, f64::max);
            let should = c
                .header
                .iter()
                .map(|w| metrics.width(&shortened(w)))
                .fold(must, f64::max);
            // A column of single words (amounts, dates) needs no more than
            // its longest; one of phrases would like its mean length.
            let wish = if c.rows > 0 && c.words.len() > c.rows {
                (c.chars as f64 / c.rows as f64).min(MEAN_MAX) * zeichen
            } else {
                0.0
            };
            format!("({must:.3}, {should:.3}, {wish:.3})")
        })
        .collect();
    Some(format!(
        "masse: ({},), lang: {too_long}, ",
        masse.join(", ")
    ))
}

fn callee_is(call: ast::FuncCall, name: &str) -> bool {
    matches!(call.callee(), ast::Expr::Ident(id) if id.as_str() == name)
}

/// The number of columns of `spalten:` (a count or an array of widths).
fn column_count(expr: ast::Expr) -> Option<usize> {
    match expr {
        ast::Expr::Int(i) => usize::try_from(i.get()).ok(),
        ast::Expr::Array(a) => {
            let mut n = 0;
            for item in a.items() {
                match item {
                    ast::ArrayItem::Pos(_) => n += 1,
                    ast::ArrayItem::Spread(_) => return None,
                }
            }
            Some(n)
        }
        _ => None,
    }
}

/// The texts of an array of content blocks (`kopf: ([Nr], [Ziel])`).
fn literal_cells(expr: ast::Expr) -> Option<Vec<String>> {
    let ast::Expr::Array(a) = expr else {
        return None;
    };
    a.items()
        .map(|item| match item {
            ast::ArrayItem::Pos(ast::Expr::ContentBlock(block)) => {
                Some(plain_text(block.to_untyped()))
            }
            _ => None,
        })
        .collect()
}

/// One cell: the columns it spans and its text (empty when it spans more
/// than one; such cells do not count for the widths).
fn cell(expr: ast::Expr) -> Option<(usize, String)> {
    match expr {
        ast::Expr::ContentBlock(block) => Some((1, plain_text(block.to_untyped()))),
        ast::Expr::FuncCall(call) if callee_is(call, "gruppenzeile") => {
            let ast::Expr::Int(n) = call.args().items().find_map(|a| match a {
                ast::Arg::Pos(e) => Some(e),
                _ => None,
            })?
            else {
                return None;
            };
            Some((usize::try_from(n.get()).ok()?.max(1), String::new()))
        }
        ast::Expr::FuncCall(call) if is_table_cell(call) => {
            let mut span = 1;
            let mut body = None;
            for arg in call.args().items() {
                match arg {
                    ast::Arg::Named(named) if named.name().as_str() == "colspan" => {
                        let ast::Expr::Int(n) = named.expr() else {
                            return None;
                        };
                        span = usize::try_from(n.get()).ok()?.max(1);
                    }
                    ast::Arg::Named(_) => {}
                    ast::Arg::Pos(ast::Expr::ContentBlock(block)) => {
                        body = Some(plain_text(block.to_untyped()))
                    }
                    _ => return None,
                }
            }
            Some((span, if span == 1 { body? } else { String::new() }))
        }
        _ => None,
    }
}

fn is_table_cell(call: ast::FuncCall) -> bool {
    match call.callee() {
        ast::Expr::FieldAccess(access) => {
            matches!(access.target(), ast::Expr::Ident(id) if id.as_str() == "table")
                && access.field().as_str() == "cell"
        }
        _ => false,
    }
}

/// The text a reader sees in a piece of markup: text, spaces, escapes,
/// shorthands and quotes, also inside strong and emphasised text and the
/// content blocks of embedded calls (`#text(size: 8pt)[…]`).
fn plain_text(node: &SyntaxNode) -> String {
    let mut out = String::new();
    walk_text(node, &mut out);
    out
}

fn walk_text(node: &SyntaxNode, out: &mut String) {
    match node.kind() {
        SyntaxKind::Text => out.push_str(node.leaf_text()),
        SyntaxKind::Space | SyntaxKind::Linebreak | SyntaxKind::Parbreak => out.push(' '),
        SyntaxKind::Escape => {
            if let Some(c) = node.leaf_text().chars().nth(1) {
                out.push(c);
            }
        }
        SyntaxKind::Shorthand => out.push_str(match node.leaf_text().as_str() {
            "~" => "\u{a0}",
            "--" => "–",
            "---" => "—",
            "-?" => "",
            other => other,
        }),
        SyntaxKind::SmartQuote => out.push('"'),
        SyntaxKind::Raw => out.push_str(&node.full_text()),
        // Code: only the content blocks inside it carry text.
        SyntaxKind::Str | SyntaxKind::Ident | SyntaxKind::Numeric | SyntaxKind::Int => {}
        _ => {
            for child in node.children() {
                walk_text(child, out);
            }
        }
    }
}

/// The longest few words of a column, by characters (long words without a
/// digit shortened to `WORD_MAX` letters: they may hyphenate).
fn longest(words: &[String]) -> Vec<String> {
    let mut short: Vec<String> = words.iter().map(|w| shortened(w)).collect();
    short.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    short.dedup();
    short.truncate(LONGEST);
    short
}

fn shortened(word: &str) -> String {
    if word.chars().count() > WORD_MAX && !word.chars().any(|c| c.is_ascii_digit()) {
        word.chars().take(WORD_MAX).collect()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotate(source: &str, metrics: &Metrics) -> String {
        crate::render::typst::rewrite::rewrite(source, metrics, None)
    }

    fn metrics() -> Metrics {
        Metrics::new("Liberation Sans", super::super::embedded_fonts().iter())
    }

    #[test]
    fn a_literal_table_gets_its_measures() {
        let src = "#tabelle(\n  spalten: (auto, 1fr),\n  kopf: ([Nr], [Maßnahmentitel]),\n  [*1*], [Sprachkurse für Eltern],\n  [2], [Mentoring #text(size: 7pt)[(neu)]],\n)\n";
        let out = annotate(src, &metrics());
        assert!(out.starts_with("#tabelle(masse: (("), "{out}");
        assert!(out.contains("lang: false, \n  spalten"), "{out}");
        // The second column wishes for its mean length; the first (single
        // words) does not.
        let masse = out.split("masse: (").nth(1).unwrap();
        let first = masse.split("), (").next().unwrap();
        assert!(first.ends_with(", 0.000"), "{first}");
    }

    #[test]
    fn a_table_with_cells_made_in_code_is_left_to_typst() {
        let src =
            "#tabelle(spalten: 2, kopf: ([a], [b]), ..zeilen)\n#tabelle(spalten: 2, [a], x)\n";
        assert_eq!(annotate(src, &metrics()), src);
    }

    #[test]
    fn group_rows_sum_rows_and_spanning_cells_keep_the_columns() {
        let src = "#tabelle(spalten: 3, kopf: ([A], [B], [C]), gruppenzeile(3)[Gruppe mit sehr langem Namen], [x], [y], [1.000.000\u{a0}€], table.cell(colspan: 2)[breit und lang und länger], [z], ..summenzeile([], [Summe], [2.000.000\u{a0}€]))";
        let out = annotate(src, &metrics());
        let m: Vec<&str> = out
            .split("masse: (")
            .nth(1)
            .unwrap()
            .split("), lang")
            .next()
            .unwrap()
            .split("), (")
            .collect();
        assert_eq!(m.len(), 3, "{out}");
        // The amount column is the widest by its longest word.
        let must = |s: &str| -> f64 {
            s.trim_matches(|c| c == '(' || c == ')' || c == ',')
                .split(", ")
                .next()
                .unwrap()
                .parse()
                .unwrap()
        };
        assert!(must(m[2]) > must(m[0]), "{out}");
        assert!(must(m[2]) > must(m[1]), "{out}");
    }

    #[test]
    fn a_cell_longer_than_a_page_lets_rows_split() {
        let long = "Wort ".repeat(300);
        let src = format!("#tabelle(spalten: 1, [{long}])");
        assert!(annotate(&src, &metrics()).contains("lang: true"));
    }

    #[test]
    fn widths_follow_the_font() {
        let m = metrics();
        assert!(m.width("WWWW") > m.width("iiii") * 2.0);
        assert!((0.4..0.7).contains(&m.char_width()));
    }
}
