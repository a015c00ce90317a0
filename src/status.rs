//! `konzept status`: the return overview (Rücklauf) of the working groups'
//! workbooks — one line per field of action with its workbook, when it was
//! last saved, lead, members, goals, measures, the problems in it and a
//! state („fehlt“, „leer“, „mit Fehlern“, „mit Warnungen“, „vollständig“).
//! As a table for the console, as JSON for scripts and as a workbook the
//! coordinator keeps.

use crate::diag::{Diagnostics, Severity};
use crate::input::workbook::{last_saved, SavedSource};
use crate::model::Feld;
use crate::pipeline::Checked;
use chrono::NaiveDateTime;
use serde::Serialize;
use std::path::Path;

/// The state of one field's workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Zustand {
    #[serde(rename = "fehlt")]
    Fehlt,
    #[serde(rename = "leer")]
    Leer,
    #[serde(rename = "mit Fehlern")]
    MitFehlern,
    #[serde(rename = "mit Warnungen")]
    MitWarnungen,
    #[serde(rename = "vollständig")]
    Vollstaendig,
}

impl Zustand {
    pub fn text(self) -> &'static str {
        match self {
            Zustand::Fehlt => "fehlt",
            Zustand::Leer => "leer",
            Zustand::MitFehlern => "mit Fehlern",
            Zustand::MitWarnungen => "mit Warnungen",
            Zustand::Vollstaendig => "vollständig",
        }
    }

    /// Fill colour of the state cell in the Rücklauf workbook.
    fn colour(self) -> u32 {
        match self {
            Zustand::Fehlt => 0xD9D9D9,
            Zustand::Leer => 0xFCE4D6,
            Zustand::MitFehlern => 0xF4B6B6,
            Zustand::MitWarnungen => 0xFFF2CC,
            Zustand::Vollstaendig => 0xC6EFCE,
        }
    }
}

/// One line of the overview.
#[derive(Debug, Clone, Serialize)]
pub struct Zeile {
    pub handlungsfeld: String,
    pub kurz: String,
    /// Path relative to the project folder; `None`: no workbook.
    pub arbeitsmappe: Option<String>,
    /// Last saved, `2026-12-07T14:03:10` (UTC for `.xlsx`).
    pub gespeichert: Option<String>,
    /// `arbeitsmappe` (the workbook's own properties) or `dateizeit`.
    pub gespeichert_laut: Option<&'static str>,
    pub leitung: Option<String>,
    pub mitglieder: usize,
    pub ziele: usize,
    pub massnahmen: usize,
    pub fehler: usize,
    pub warnungen: usize,
    pub zustand: Zustand,
    #[serde(skip)]
    saved: Option<NaiveDateTime>,
}

/// The whole overview.
#[derive(Debug, Clone, Serialize)]
pub struct Ruecklauf {
    pub kommune: String,
    pub felder: Vec<Zeile>,
    pub abgegeben: usize,
    pub leer: usize,
    pub fehlen: usize,
    pub mit_fehlern: usize,
    /// Workbooks in the working groups' folder that belong to no field (an
    /// unknown Handlungsfeld, a second workbook for a field): they have
    /// problems, and the coordinator must see that the file arrived.
    pub ohne_handlungsfeld: Vec<Zeile>,
}

/// The overview of a checked project; `None` if the project itself could
/// not be read (its diagnostics say why).
pub fn overview(checked: &Checked) -> Option<Ruecklauf> {
    let konzept = checked.konzept.as_ref()?;
    let kommune = checked
        .config
        .as_ref()
        .map(|c| c.kommune.name.clone())
        .unwrap_or_default();
    let felder: Vec<Zeile> = konzept
        .felder
        .iter()
        .map(|f| line(&checked.root, f, &checked.diagnostics))
        .collect();
    let ohne_handlungsfeld = unassigned(checked, &felder);
    let count = |z: Zustand| felder.iter().filter(|l| l.zustand == z).count();
    Some(Ruecklauf {
        kommune,
        abgegeben: felder
            .iter()
            .filter(|l| !matches!(l.zustand, Zustand::Fehlt | Zustand::Leer))
            .count(),
        leer: count(Zustand::Leer),
        fehlen: count(Zustand::Fehlt),
        mit_fehlern: count(Zustand::MitFehlern),
        felder,
        ohne_handlungsfeld,
    })
}

/// The lines of workbooks with problems that belong to no field.
fn unassigned(checked: &Checked, felder: &[Zeile]) -> Vec<Zeile> {
    let steering = checked
        .config
        .as_ref()
        .map(|c| c.eingaben.steuerung.trim_start_matches("./").to_string())
        .unwrap_or_default();
    let is_workbook = |f: &str| {
        let lower = f.to_lowercase();
        [".xlsx", ".xlsm", ".xls", ".ods"]
            .iter()
            .any(|e| lower.ends_with(e))
    };
    let files: std::collections::BTreeSet<&str> = checked
        .diagnostics
        .iter()
        .filter_map(|d| d.location.file.as_deref())
        .filter(|f| is_workbook(f) && *f != steering)
        .filter(|f| !felder.iter().any(|l| l.arbeitsmappe.as_deref() == Some(*f)))
        .collect();
    files
        .into_iter()
        .map(|file| {
            let of_file = |sev: Severity| {
                checked
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == sev && d.location.file.as_deref() == Some(file))
                    .count()
            };
            let (fehler, warnungen) = (of_file(Severity::Error), of_file(Severity::Warning));
            let saved = last_saved(&checked.root.join(file));
            Zeile {
                handlungsfeld: "(ohne Handlungsfeld)".into(),
                kurz: String::new(),
                arbeitsmappe: Some(file.to_string()),
                gespeichert: saved.map(|(t, _)| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
                gespeichert_laut: saved.map(|(_, s)| source(s)),
                leitung: None,
                mitglieder: 0,
                ziele: 0,
                massnahmen: 0,
                fehler,
                warnungen,
                zustand: if fehler > 0 {
                    Zustand::MitFehlern
                } else {
                    Zustand::MitWarnungen
                },
                saved: saved.map(|(t, _)| t),
            }
        })
        .collect()
}

fn source(s: SavedSource) -> &'static str {
    match s {
        SavedSource::Metadata => "arbeitsmappe",
        SavedSource::FileTime => "dateizeit",
    }
}

fn line(root: &Path, f: &Feld, diags: &Diagnostics) -> Zeile {
    let of_file = |sev: Severity| {
        diags
            .iter()
            .filter(|d| {
                d.severity == sev && d.location.file.is_some() && d.location.file == f.datei
            })
            .count()
    };
    let (fehler, warnungen) = (of_file(Severity::Error), of_file(Severity::Warning));
    let saved = f.datei.as_ref().and_then(|d| last_saved(&root.join(d)));
    let zustand = match (&f.datei, f.bearbeitet) {
        (None, _) => Zustand::Fehlt,
        (Some(_), false) => Zustand::Leer,
        _ if fehler > 0 => Zustand::MitFehlern,
        _ if warnungen > 0 => Zustand::MitWarnungen,
        _ => Zustand::Vollstaendig,
    };
    let ag = f.arbeitsgruppe.as_ref();
    Zeile {
        handlungsfeld: f.name.clone(),
        kurz: f.kurz.clone(),
        arbeitsmappe: f.datei.clone(),
        gespeichert: saved.map(|(t, _)| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        gespeichert_laut: saved.map(|(_, s)| source(s)),
        leitung: ag.map(|a| a.leitung.clone()),
        mitglieder: ag.map_or(0, |a| a.mitglieder.len()),
        ziele: f.ziele.len(),
        massnahmen: f.massnahmen.len(),
        fehler,
        warnungen,
        zustand,
        saved: saved.map(|(t, _)| t),
    }
}

/// The sentence under the table: „2 von 7 Arbeitsmappen abgegeben …“.
pub fn summary(r: &Ruecklauf) -> String {
    let mut parts = vec![format!(
        "{} von {} Arbeitsmappen abgegeben",
        r.abgegeben,
        r.felder.len()
    )];
    if r.leer > 0 {
        parts.push(format!("{} leer", r.leer));
    }
    if r.fehlen > 0 {
        parts.push(format!(
            "{} {}",
            r.fehlen,
            if r.fehlen == 1 { "fehlt" } else { "fehlen" }
        ));
    }
    if r.mit_fehlern > 0 {
        parts.push(format!("{} mit Fehlern", r.mit_fehlern));
    }
    match r.ohne_handlungsfeld.len() {
        0 => {}
        1 => parts.push("1 weitere Mappe ohne Handlungsfeld".into()),
        n => parts.push(format!("{n} weitere Mappen ohne Handlungsfeld")),
    }
    parts.join(", ")
}

const HEADERS: [&str; 10] = [
    "Handlungsfeld",
    "Arbeitsmappe",
    "gespeichert",
    "Leitung",
    "Mitglieder",
    "Ziele",
    "Maßnahmen",
    "Fehler",
    "Warnungen",
    "Zustand",
];

/// The cells of a line as text (for the console).
fn texts(l: &Zeile) -> [String; 10] {
    [
        l.handlungsfeld.clone(),
        // The file name only: the folder is the same for all and the
        // table must fit a console window.
        l.arbeitsmappe
            .as_deref()
            .map(|p| p.rsplit('/').next().unwrap_or(p).to_string())
            .unwrap_or_else(|| "fehlt".into()),
        l.saved
            .map(|t| t.format("%d.%m.%Y").to_string())
            .unwrap_or_else(|| "–".into()),
        shorten(l.leitung.as_deref().unwrap_or("–"), 26),
        l.mitglieder.to_string(),
        l.ziele.to_string(),
        l.massnahmen.to_string(),
        l.fehler.to_string(),
        l.warnungen.to_string(),
        l.zustand.text().to_string(),
    ]
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        format!("{}...", s.chars().take(max - 3).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The table for the console: aligned columns, numbers right-aligned, only
/// characters every console shows.
pub fn render_text(r: &Ruecklauf) -> String {
    let rows: Vec<[String; 10]> = r
        .felder
        .iter()
        .chain(&r.ohne_handlungsfeld)
        .map(texts)
        .collect();
    let mut widths = HEADERS.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let numeric = |i: usize| (4..=8).contains(&i);
    let format_row = |cells: &[String]| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - cell.chars().count());
            if i > 0 {
                out.push_str("  ");
            }
            if numeric(i) {
                out.push_str(&pad);
                out.push_str(cell);
            } else {
                out.push_str(cell);
                if i + 1 < cells.len() {
                    out.push_str(&pad);
                }
            }
        }
        out.push('\n');
        out
    };
    let mut out = format!("Rücklauf der Arbeitsmappen – {}\n\n", r.kommune);
    out.push_str(&format_row(&HEADERS.map(String::from)));
    let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    out.push_str(&"-".repeat(total));
    out.push('\n');
    for row in &rows {
        out.push_str(&format_row(row));
    }
    out.push('\n');
    out.push_str(&summary(r));
    out.push('\n');
    out
}

/// The overview as JSON.
pub fn render_json(r: &Ruecklauf) -> String {
    serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".into())
}

/// The Rücklauf workbook: a title row with the Kommune and the date, a
/// header row with filters, one row per field, the state written and
/// coloured.
pub fn render_xlsx(r: &Ruecklauf, today: NaiveDateTime) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Rücklauf").map_err(err)?;
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x005CA9))
        .set_font_color(Color::White)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let date = cell.clone().set_num_format("dd.mm.yyyy");
    ws.write_string_with_format(
        0,
        0,
        format!(
            "Rücklauf der Arbeitsmappen – {}, Stand {}",
            r.kommune,
            today.format("%d.%m.%Y")
        ),
        &title,
    )
    .map_err(err)?;
    ws.write_string(1, 0, summary(r)).map_err(err)?;
    const HEAD_ROW: u32 = 3;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(HEAD_ROW, c as u16, *h, &head)
            .map_err(err)?;
    }
    let lines: Vec<&Zeile> = r.felder.iter().chain(&r.ohne_handlungsfeld).collect();
    for (i, l) in lines.iter().enumerate() {
        let row = HEAD_ROW + 1 + i as u32;
        ws.write_string_with_format(row, 0, &l.handlungsfeld, &cell)
            .map_err(err)?;
        ws.write_string_with_format(row, 1, l.arbeitsmappe.as_deref().unwrap_or("fehlt"), &cell)
            .map_err(err)?;
        match l.saved.and_then(|t| {
            use chrono::Datelike;
            ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8).ok()
        }) {
            Some(d) => ws.write_datetime_with_format(row, 2, &d, &date),
            None => ws.write_string_with_format(row, 2, "–", &cell),
        }
        .map_err(err)?;
        ws.write_string_with_format(row, 3, l.leitung.as_deref().unwrap_or("–"), &cell)
            .map_err(err)?;
        for (c, n) in [l.mitglieder, l.ziele, l.massnahmen, l.fehler, l.warnungen]
            .into_iter()
            .enumerate()
        {
            ws.write_number_with_format(row, 4 + c as u16, n as f64, &cell)
                .map_err(err)?;
        }
        let state = cell
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(l.zustand.colour()));
        ws.write_string_with_format(row, 9, l.zustand.text(), &state)
            .map_err(err)?;
    }
    let last = HEAD_ROW + lines.len() as u32;
    ws.autofilter(HEAD_ROW, 0, last.max(HEAD_ROW), 9)
        .map_err(err)?;
    ws.set_freeze_panes(HEAD_ROW + 1, 0).map_err(err)?;
    // Printed: A4 landscape, one page wide, the header row on every page.
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEAD_ROW, HEAD_ROW).map_err(err)?;
    for (c, w) in [38.0, 34.0, 12.0, 30.0, 11.0, 7.0, 11.0, 8.0, 11.0, 15.0]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, w).map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}
