//! Tables in the DOCX: `{{#tabelle}}`, rows, cells, header and group rows,
//! the time line (`gantt`), captions; shaded as in the PDF.

use super::escape::{runs, RunStyle};
use super::params::{first, hash_bool, hash_str, run_style, value_text};
use super::state::{State, Tabelle};
use handlebars::Helper;
use serde_json::Value;

/// Opens the next cell of the current row: its width and shading (sums
/// row grey, even rows in the light accent, as in the PDF). Returns the
/// markup, the paragraph style and whether the row is a sums row.
pub(super) fn cell_open(st: &mut State) -> Result<(String, &'static str, bool), String> {
    let hell = st.values.hell.clone();
    let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
    let w = width_marker(t.nr, t.col);
    t.col += 1;
    let fill = if t.summe {
        Some("EBEBEB".to_string())
    } else if t.row > 0 && t.row % 2 == 0 {
        Some(hell)
    } else {
        None
    };
    let shd = fill
        .map(|f| format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>"))
        .unwrap_or_default();
    Ok((
        format!("<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shd}</w:tcPr>"),
        t.text_style(),
        t.summe,
    ))
}

/// `{{#tabelle "w1 w2 …" [je=list gewicht=x] [danach="…"] [quer=true]}}`:
/// column widths as relative weights of the text width.
pub(super) fn table(h: &Helper, st: &mut State, inner: Option<String>) -> Result<String, String> {
    if inner.is_some() {
        // Headers of columns with right-aligned cells align right too.
        if let Some(t) = st.tabellen.pop() {
            let char_w = crate::render::shared::widths::unit_twips(&st.values.schrift, t.klein);
            let widths = crate::render::shared::widths::content_widths(&t.widths, &t.texte, char_w);
            // The header keeps with the first row, the first row with the
            // second, the last but one with the last: no row alone on a page.
            for r in 1..=t.row {
                let keep = if r == 1 || r + 1 == t.row {
                    "<w:keepNext/>"
                } else {
                    ""
                };
                st.ersetzen.push((keep_marker(t.nr, r), keep.to_string()));
            }
            for (i, w) in widths.iter().enumerate() {
                let jc = if t.rechts.contains(&i) { RIGHT } else { "" };
                st.ersetzen.push((header_marker(t.nr, i), jc.to_string()));
                st.ersetzen.push((width_marker(t.nr, i), w.to_string()));
            }
        }
        // Consecutive tables need a paragraph between them; this one also
        // spaces the table from the following text.
        return Ok("</w:tbl><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"160\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:p>".into());
    }
    let parse = |s: &str| -> Result<Vec<f64>, String> {
        s.split_whitespace()
            .map(|w| w.parse::<f64>().map_err(|_| format!("Breite „{w}“")))
            .collect()
    };
    let mut weights = parse(&value_text(&first(h)))?;
    if let Some(je) = h.hash_get("je") {
        let n = je.value().as_array().map_or(0, Vec::len);
        let g = h
            .hash_get("gewicht")
            .and_then(|v| v.value().as_f64())
            .unwrap_or(1.0);
        weights.extend(std::iter::repeat_n(g, n));
    }
    if let Some(d) = hash_str(h, "danach") {
        weights.extend(parse(&d)?);
    }
    let total: f64 = weights.iter().sum::<f64>().max(0.001);
    let breite = if hash_bool(h, "quer") {
        st.values.breite_quer
    } else {
        st.values.breite_hoch
    };
    let widths: Vec<u32> = weights
        .iter()
        .map(|w| (w / total * f64::from(breite)).floor() as u32)
        .collect();
    let sum: u32 = widths.iter().sum();
    let nr = st.tabellen_gesamt;
    let grid: String = (0..widths.len())
        .map(|i| format!("<w:gridCol w:w=\"{}\"/>", width_marker(nr, i)))
        .collect();
    st.tabellen.push(Tabelle {
        widths,
        col: 0,
        summe: false,
        row: 0,
        klein: hash_bool(h, "klein"),
        nr,
        rechts: Default::default(),
        texte: Vec::new(),
    });
    st.tabellen_gesamt += 1;
    Ok(format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"KonzeptTabelle\"/><w:tblW w:w=\"{sum}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ))
}

const RIGHT: &str = "<w:jc w:val=\"right\"/>";

/// Where the alignment of header cell `i` of table `nr` goes, resolved when
/// the table closes (private-use characters no text contains).
fn header_marker(nr: usize, i: usize) -> String {
    format!("\u{E000}{nr}:{i}\u{E001}")
}

/// Where the width of column `i` of table `nr` goes, known when the table
/// closes ([`super::widths`]).
fn width_marker(nr: usize, i: usize) -> String {
    format!("\u{E000}w{nr}:{i}\u{E001}")
}

/// Where row `r` of table `nr` gets `keepNext`, known when the table closes.
fn keep_marker(nr: usize, r: usize) -> String {
    format!("\u{E000}k{nr}:{r}\u{E001}")
}

/// What column `i` of the current table holds.
fn column(t: &mut Tabelle, i: usize) -> &mut crate::render::shared::widths::ColumnText {
    if t.texte.len() <= i {
        t.texte.resize_with(i + 1, Default::default);
    }
    &mut t.texte[i]
}

/// The year of an ISO date in a `Datum` value.
fn year_of(d: &Value, key: &str) -> Option<i64> {
    d.get(key)?.as_str()?.get(0..4)?.parse().ok()
}

/// `{{{gantt massnahme jahre}}}`: one cell per year, shaded where the
/// measure runs (an open end runs to the last year).
pub(super) fn gantt(h: &Helper, st: &mut State) -> Result<String, String> {
    let m = first(h);
    let jahre: Vec<i64> = h
        .param(1)
        .and_then(|p| p.value().as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    let (Some(&erstes), Some(&letztes)) = (jahre.first(), jahre.last()) else {
        return Ok(String::new());
    };
    let von = m
        .get("beginn")
        .and_then(|d| year_of(d, "von"))
        .unwrap_or(erstes);
    let bis = m
        .get("ende")
        .and_then(|d| year_of(d, "bis"))
        .unwrap_or(letztes);
    // The bars in the accent colour, as the PDF's time line draws them.
    let farbe = st.values.farbe.clone();
    let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
    let mut out = String::new();
    for j in jahre {
        let w = width_marker(t.nr, t.col);
        t.col += 1;
        let shd = if (von..=bis).contains(&j) {
            format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{farbe}\"/>")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shd}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Tabellentext\"/></w:pPr></w:p></w:tc>"
        ));
    }
    Ok(out)
}

/// `{{#zeile [summe=true]}}…{{/zeile}}`: a body row (a sums row is bold on
/// grey).
pub(super) fn row(h: &Helper, st: &mut State, inner: Option<String>) -> Result<String, String> {
    let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
    Ok(match inner {
        None => {
            t.col = 0;
            t.row += 1;
            t.summe = hash_bool(h, "summe");
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>".to_string()
        }
        Some(_) => {
            t.summe = false;
            "</w:tr>".to_string()
        }
    })
}

/// `{{{kopf "A" "B" liste …}}}`: the header row, repeated on every page,
/// white on the accent colour.
pub(super) fn header_row(h: &Helper, st: &mut State) -> Result<String, String> {
    let farbe = st.values.farbe.clone();
    let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
    let mut labels = Vec::new();
    for p in h.params() {
        match p.value() {
            Value::Array(a) => labels.extend(a.iter().map(value_text)),
            v => labels.push(value_text(v)),
        }
    }
    t.row = 0;
    let stil = if t.klein {
        "TabellenkopfKlein"
    } else {
        "Tabellenkopf"
    };
    let mut out = String::from("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (i, l) in labels.iter().enumerate() {
        let w = width_marker(t.nr, i);
        column(t, i).header = crate::render::shared::widths::longest_word(l);
        out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{farbe}\"/><w:vAlign w:val=\"bottom\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{stil}\"/><w:keepNext/>{}</w:pPr>{}</w:p></w:tc>",
            header_marker(t.nr, i),
            runs(l, RunStyle { bold: true, white: true, ..RunStyle::default() })
        ));
    }
    out.push_str("</w:tr>");
    Ok(out)
}

/// `{{{zelle wert [rechts=true] [leer="–"] [fett=true] …}}}`: a cell of one
/// paragraph.
pub(super) fn cell(h: &Helper, st: &mut State) -> Result<String, String> {
    let (open, stil, summe) = cell_open(st)?;
    let jc = if hash_bool(h, "rechts") {
        if let Some(t) = st.tabellen.last_mut() {
            t.rechts.insert(t.col - 1);
        }
        RIGHT
    } else {
        ""
    };
    let mut text = value_text(&first(h));
    if text.trim().is_empty() {
        text = hash_str(h, "leer").unwrap_or_default();
    }
    let mut keep = String::new();
    if let Some(t) = st.tabellen.last_mut() {
        let i = t.col - 1;
        column(t, i).add_cell(&text);
        keep = keep_marker(t.nr, t.row);
    }
    let mut style = run_style(h);
    style.bold |= summe;
    Ok(format!(
        "{open}<w:p><w:pPr><w:pStyle w:val=\"{stil}\"/>{keep}{jc}</w:pPr>{}</w:p></w:tc>",
        runs(&text, style)
    ))
}

/// `{{#zellinhalt}}…{{/zellinhalt}}`: a cell with any content.
pub(super) fn cell_content(
    _: &Helper,
    st: &mut State,
    inner: Option<String>,
) -> Result<String, String> {
    Ok(match inner {
        None => cell_open(st)?.0,
        // Every cell needs a paragraph.
        Some(i) if !i.contains("<w:p>") && !i.contains("<w:p ") => "<w:p/></w:tc>".to_string(),
        Some(_) => "</w:tc>".to_string(),
    })
}

/// `{{{gruppenzeile titel}}}`: a row across all columns, bold on the
/// group tint.
pub(super) fn group_row(h: &Helper, st: &mut State) -> Result<String, String> {
    let tint = st.values.gruppe.clone();
    let t = st.tabellen.last_mut().ok_or("außerhalb einer Tabelle")?;
    t.row += 1;
    let n = t.widths.len();
    let w: u32 = t.widths.iter().sum();
    let stil = t.text_style();
    Ok(format!(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:gridSpan w:val=\"{n}\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{tint}\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{stil}\"/><w:keepNext/></w:pPr>{}</w:p></w:tc></w:tr>",
        runs(&value_text(&first(h)), RunStyle { bold: true, ..RunStyle::default() })
    ))
}

/// `{{{beschriftung titel}}}`: "Tabelle N: titel", counted like the PDF's.
pub(super) fn caption(h: &Helper, st: &mut State) -> Result<String, String> {
    st.beschriftungen += 1;
    Ok(format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
        runs(
            &format!("Tabelle {}: {}", st.beschriftungen, value_text(&first(h))),
            RunStyle::default()
        )
    ))
}
