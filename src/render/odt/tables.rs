//! Tables in the ODT: `{{#tabelle}}`, rows, cells, header and group rows,
//! the time line (`gantt`), captions; shaded as in the PDF. The header row
//! is a `table:table-header-rows` (repeated on every page), no row splits
//! across pages.

use super::escape::spans;
use super::params::{first, hash_bool, hash_str, run_style, value_text};
use super::state::{State, Tabelle};
use crate::render::docx::RunStyle;
use crate::render::shared::widths;
use handlebars::Helper;
use serde_json::Value;

/// Where the paragraph style of header cell `i` of table `nr` goes, known
/// when the table closes (private-use characters no text contains).
fn header_marker(nr: usize, i: usize) -> String {
    format!("\u{E000}{nr}:{i}\u{E001}")
}

fn current(st: &mut State) -> Result<&mut Tabelle, String> {
    st.tabellen
        .last_mut()
        .ok_or_else(|| "außerhalb einer Tabelle".into())
}

/// The paragraph style of a cell.
fn para_style(kopf: bool, klein: bool, rechts: bool) -> String {
    format!(
        "{}{}{}",
        if kopf {
            "Table_20_Heading"
        } else {
            "Table_20_Contents"
        },
        if klein { "_Klein" } else { "" },
        if rechts { "_Rechts" } else { "" }
    )
}

/// `{{#tabelle "w1 w2 …" [je=list gewicht=x] [danach="…"] [quer=true] [klein=true]}}`:
/// column widths as relative weights of the text width.
pub(super) fn table(h: &Helper, st: &mut State, inner: Option<&str>) -> Result<String, String> {
    if inner.is_some() {
        if let Some(t) = st.tabellen.pop() {
            for i in 0..t.spalten {
                let stil = para_style(true, t.klein, t.rechts.contains(&i));
                st.ersetzen.push((header_marker(t.nr, i), stil));
            }
            for (i, w) in column_widths(&st.values.schrift, &t).iter().enumerate() {
                st.stile.push_str(&format!(
                    "<style:style style:name=\"Tab{}.{i}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{w:.3}cm\"/></style:style>",
                    t.nr
                ));
            }
        }
        return Ok("</table:table>".into());
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
        st.seite.breite_quer
    } else {
        st.seite.breite
    };
    let nr = st.tabellen_gesamt + 1;
    st.tabellen_gesamt = nr;
    st.stile.push_str(&format!(
        "<style:style style:name=\"Tab{nr}\" style:family=\"table\"><style:table-properties style:width=\"{breite:.2}cm\" table:align=\"margins\" fo:margin-top=\"0cm\" fo:margin-bottom=\"0.28cm\" style:may-break-between-rows=\"true\"/></style:style>"
    ));
    // The column styles follow when the table closes (their widths depend
    // on the header).
    let columns: String = (0..weights.len())
        .map(|i| format!("<table:table-column table:style-name=\"Tab{nr}.{i}\"/>"))
        .collect();
    st.tabellen.push(Tabelle {
        nr,
        spalten: weights.len(),
        col: 0,
        row: 0,
        summe: false,
        rechts: Default::default(),
        klein: hash_bool(h, "klein"),
        breiten: weights.iter().map(|w| w / total * breite).collect(),
        texte: Vec::new(),
    });
    Ok(format!(
        "<table:table table:name=\"Tabelle{nr}\" table:style-name=\"Tab{nr}\">{columns}"
    ))
}

/// Notes what column `i` holds: a header's longest word, or a cell's text.
pub(super) fn needs(t: &mut Tabelle, i: usize, text: &str, kopf: bool) {
    if t.texte.len() <= i {
        t.texte.resize_with(i + 1, Default::default);
    }
    if kopf {
        t.texte[i].header = widths::longest_word(text);
    } else {
        t.texte[i].add_cell(text);
    }
}

/// Twips per centimetre.
const TWIPS_PER_CM: f64 = 1440.0 / 2.54;

/// The column widths (cm) of a closed table: the rule of the DOCX
/// ([`widths::content_widths`]: amounts and dates never break, longest
/// words first, then the headers, the rest by the text's length).
pub(super) fn column_widths(schrift: &str, t: &Tabelle) -> Vec<f64> {
    let given: Vec<u32> = t
        .breiten
        .iter()
        .map(|cm| (cm * TWIPS_PER_CM).round() as u32)
        .collect();
    let char_w = widths::unit_twips(schrift, t.klein);
    widths::content_widths(&given, &t.texte, char_w)
        .iter()
        .map(|&tw| f64::from(tw) / TWIPS_PER_CM)
        .collect()
}

/// Opens the next cell of the current row: its shading (sums row grey,
/// even rows in the light accent, as in the PDF). Returns the markup, the
/// table's size and whether the row is a sums row.
fn cell_open(st: &mut State) -> Result<(String, bool, bool), String> {
    let t = current(st)?;
    t.col += 1;
    let stil = if t.summe {
        "Zelle_Summe"
    } else if t.row > 0 && t.row % 2 == 0 {
        "Zelle_Gerade"
    } else {
        "Zelle"
    };
    Ok((
        format!("<table:table-cell table:style-name=\"{stil}\" office:value-type=\"string\">"),
        t.klein,
        t.summe,
    ))
}

/// `{{#zeile [summe=true]}}…{{/zeile}}`: a body row that does not split (a
/// sums row is bold on grey).
pub(super) fn row(h: &Helper, st: &mut State, inner: Option<&str>) -> Result<String, String> {
    let t = current(st)?;
    Ok(match inner {
        None => {
            t.col = 0;
            t.row += 1;
            t.summe = hash_bool(h, "summe");
            "<table:table-row table:style-name=\"Zeile\">".to_string()
        }
        Some(_) => {
            t.summe = false;
            "</table:table-row>".to_string()
        }
    })
}

/// `{{{kopf "A" "B" liste …}}}`: the header row, repeated on every page,
/// white on the accent colour.
pub(super) fn header_row(h: &Helper, st: &mut State) -> Result<String, String> {
    let t = current(st)?;
    let mut labels = Vec::new();
    for p in h.params() {
        match p.value() {
            Value::Array(a) => labels.extend(a.iter().map(value_text)),
            v => labels.push(value_text(v)),
        }
    }
    t.row = 0;
    for (i, l) in labels.iter().enumerate() {
        needs(t, i, l, true);
    }
    let white = RunStyle {
        bold: true,
        white: true,
        ..RunStyle::default()
    };
    let mut out =
        String::from("<table:table-header-rows><table:table-row table:style-name=\"Zeile\">");
    for (i, l) in labels.iter().enumerate() {
        out.push_str(&format!(
            "<table:table-cell table:style-name=\"Kopfzelle\" office:value-type=\"string\"><text:p text:style-name=\"{}\">{}</text:p></table:table-cell>",
            header_marker(t.nr, i),
            spans(l, white)
        ));
    }
    out.push_str("</table:table-row></table:table-header-rows>");
    Ok(out)
}

/// `{{{zelle wert [rechts=true] [leer="–"] [fett=true] …}}}`: a cell of one
/// paragraph.
pub(super) fn cell(h: &Helper, st: &mut State) -> Result<String, String> {
    let (open, klein, summe) = cell_open(st)?;
    let rechts = hash_bool(h, "rechts");
    if rechts {
        let t = current(st)?;
        t.rechts.insert(t.col - 1);
    }
    let mut text = value_text(&first(h));
    if text.trim().is_empty() {
        text = hash_str(h, "leer").unwrap_or_default();
    }
    if let Ok(t) = current(st) {
        let i = t.col - 1;
        needs(t, i, &text, false);
    }
    let mut style = run_style(h);
    style.bold |= summe;
    Ok(format!(
        "{open}<text:p text:style-name=\"{}\">{}</text:p></table:table-cell>",
        para_style(false, klein, rechts),
        spans(&text, style)
    ))
}

/// `{{#zellinhalt}}…{{/zellinhalt}}`: a cell with any content.
pub(super) fn cell_content(
    _: &Helper,
    st: &mut State,
    inner: Option<&str>,
) -> Result<String, String> {
    Ok(match inner {
        None => cell_open(st)?.0,
        // Every cell needs a paragraph.
        Some(i) if !i.contains("<text:p") => {
            "<text:p text:style-name=\"Table_20_Contents\"/></table:table-cell>".to_string()
        }
        Some(_) => "</table:table-cell>".to_string(),
    })
}

/// `{{{gruppenzeile titel}}}`: a row across all columns, bold on the
/// group tint.
pub(super) fn group_row(h: &Helper, st: &mut State) -> Result<String, String> {
    let t = current(st)?;
    t.row += 1;
    let n = t.spalten.max(1);
    let bold = RunStyle {
        bold: true,
        ..RunStyle::default()
    };
    Ok(format!(
        "<table:table-row table:style-name=\"Zeile\"><table:table-cell table:style-name=\"Gruppenzelle\" table:number-columns-spanned=\"{n}\" office:value-type=\"string\"><text:p text:style-name=\"{}\">{}</text:p></table:table-cell>{}</table:table-row>",
        para_style(false, t.klein, false),
        spans(&value_text(&first(h)), bold),
        "<table:covered-table-cell/>".repeat(n - 1)
    ))
}

/// The year of an ISO date in a `Datum` value.
fn year_of(d: &Value, key: &str) -> Option<i64> {
    d.get(key)?.as_str()?.get(0..4)?.parse().ok()
}

/// `{{{gantt massnahme jahre}}}`: one cell per year, in the accent colour
/// where the measure runs (an open end runs to the last year).
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
    let t = current(st)?;
    let mut out = String::new();
    for j in jahre {
        t.col += 1;
        let stil = if (von..=bis).contains(&j) {
            "Balken"
        } else {
            "Zelle"
        };
        out.push_str(&format!(
            "<table:table-cell table:style-name=\"{stil}\" office:value-type=\"string\"><text:p text:style-name=\"Table_20_Contents\"/></table:table-cell>"
        ));
    }
    Ok(out)
}

/// `{{{beschriftung titel [fussnote="…"]}}}`: "Tabelle N: titel", counted
/// like the PDF's, with the table's note as a footnote.
pub(super) fn caption(h: &Helper, st: &mut State) -> Result<String, String> {
    st.beschriftungen += 1;
    let note = match hash_str(h, "fussnote") {
        Some(n) if !n.trim().is_empty() => super::toc::footnote_text(&n, st),
        _ => String::new(),
    };
    Ok(format!(
        "<text:p text:style-name=\"Caption\">{}{note}</text:p>",
        spans(
            &format!("Tabelle {}: {}", st.beschriftungen, value_text(&first(h))),
            RunStyle::default()
        )
    ))
}
