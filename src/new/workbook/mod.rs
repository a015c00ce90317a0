//! The guided workbooks of `konzept new`, written with rust_xlsxwriter.
//!
//! Each workbook starts with an `Anleitung` sheet (what the workbook is for,
//! every sheet and column in plain German with one filled example row, who
//! gets it back), followed by the data sheets exactly as the reader expects
//! them (header in row 1, names from [`crate::schema`]) and a hidden `Listen`
//! sheet that feeds the dropdowns. The reader ignores sheets it does not know,
//! so `Anleitung` and `Listen` cost nothing.
//!
//! # Validation choices
//!
//! The reader is forgiving about form (input.md), so the validations must not
//! refuse what it accepts:
//!
//! - **Dates** (Beginn, Ende): Excel's own date validation accepts only real
//!   dates and would refuse `Q3 2027`, `12/2027` or `fortlaufend`. A custom
//!   formula instead lets any text through (the reader checks it) and checks
//!   numbers: a real date or a bare year must lie within the Laufzeit. The
//!   alert is a *warning*, because a date outside the Laufzeit is only a
//!   warning for `konzept check` too: the user may confirm it.
//! - **Money** (Kosten, Betrag): a custom formula accepts text (`12,5 T€`,
//!   `12.500 €` typed as text) and numbers ≥ 0; a negative number is never
//!   right, so that alert stops.
//! - **Years**: whole numbers; the alert is a warning so that a date cell (the
//!   reader takes its year) can still be confirmed.
//! - **Dropdowns** with a closed list (Priorität, Status, Kategorie, Rolle,
//!   Quelle, Abschnitt, Handlungsfeld) stop anything not in the list. The
//!   lists live on the hidden `Listen` sheet, because an inline list is
//!   limited to 255 characters (the actor categories alone nearly fill it).
//!   Finanzierung of a measure is free text with suggestions, so its dropdown
//!   shows no alert at all.
//! - **Actors** (Federführung, Partner; only in forms written by
//!   `konzept workbooks`, with or without `--refresh`, when the steering
//!   workbook lists actors):
//!   a dropdown of the actor list whose alert only *informs*, so a new partner
//!   or several partners separated by „;“ can still be entered.
//!
//! Number-like text columns (Nr, Ziel, Partner) are formatted as text: a
//! German Excel would otherwise turn `2.1` into a date and `1,2` into a number.

mod guide;
mod prefill;
mod sheets;
mod validation;

pub(crate) use prefill::Prefill;

use super::Projekt;
use crate::config::Handlungsfeld;
use crate::schema;
use guide::Guide;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};
use sheets::{ag_sheet, data_sheet};
use validation::Listen;

const ACCENT: u32 = 0x005CA9;
const LIGHT: u32 = 0xDCE6F1;
const INPUT: u32 = 0xFFF2CC;
const GREY: u32 = 0x595959;
const RULE: u32 = 0xBFBFBF;

struct Stile {
    title: Format,
    subtitle: Format,
    heading: Format,
    para: Format,
    strong: Format,
    table_head: Format,
    cell: Format,
    example: Format,
    input: Format,
    hint: Format,
    head_required: Format,
    head_optional: Format,
    key: Format,
}

impl Stile {
    fn new() -> Self {
        let top = |f: Format| f.set_text_wrap().set_align(FormatAlign::Top);
        let boxed = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(RULE))
        };
        Stile {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_font_color(Color::RGB(ACCENT))
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new()
                .set_font_size(12)
                .set_font_color(Color::RGB(GREY)),
            heading: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(ACCENT))
                .set_align(FormatAlign::VerticalCenter),
            para: top(Format::new()),
            strong: top(Format::new().set_bold()),
            table_head: boxed(top(Format::new()
                .set_bold()
                .set_background_color(Color::RGB(LIGHT)))),
            cell: boxed(top(Format::new())),
            example: boxed(top(Format::new().set_background_color(Color::RGB(INPUT)))),
            input: boxed(top(Format::new().set_background_color(Color::RGB(INPUT)))),
            hint: top(Format::new().set_italic().set_font_color(Color::RGB(GREY))),
            head_required: boxed(top(Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(ACCENT)))),
            head_optional: boxed(top(Format::new()
                .set_bold()
                .set_background_color(Color::RGB(LIGHT)))),
            key: boxed(top(Format::new().set_bold())),
        }
    }
}

/// The steering group's workbook `steuerung.xlsx`.
pub(super) fn steering_form(p: &Projekt) -> Result<Vec<u8>, XlsxError> {
    let st = Stile::new();
    let mut listen = Listen::default();
    let mut wb = Workbook::new();
    wb.set_properties(&properties(
        p,
        &format!("Arbeitsmappe der Steuerungsgruppe – {}", p.titel),
    ));

    let mut guide = Guide::new(&st)?;
    guide.title("Arbeitsmappe der Steuerungsgruppe")?;
    guide.subtitle(&format!("{} · Laufzeit {}–{}", p.titel, p.von, p.bis))?;
    guide.gap();
    guide.heading("Wofür ist diese Mappe?")?;
    guide.para(&format!(
        "{} erstellt ein Integrationskonzept für die Jahre {} bis {}. Diese Mappe enthält alles, \
         was nicht zu einem einzelnen Handlungsfeld gehört: die Texte der allgemeinen Kapitel, die \
         Steuerungsgruppe, die Akteure, die Leitlinien, die statistische Ausgangslage, das Budget \
         und den Zeitplan. Die Handlungsfelder haben eigene Mappen im Ordner „arbeitsgruppen“. Aus \
         allen Mappen wird das Konzept zusammengesetzt: Was hier steht, steht später so im Konzept.",
        p.nominativ, p.von, p.bis
    ))?;
    guide.gap();
    guide.heading("So gehen Sie vor")?;
    let steps = [
        "1. Alle Blätter dieser Mappe sind freiwillig. Was fehlt, vermerkt das Konzept an seiner Stelle („liegt noch nicht vor“) – so sehen alle, was noch zu tun ist.",
        "2. Tragen Sie die Akteure früh ein: Die Arbeitsgruppen sollen Federführung und Partner ihrer Maßnahmen genau so schreiben wie im Blatt „Akteure“.",
        GENERAL_ROWS,
        GENERAL_HELP,
        GENERAL_NAMES,
        "6. Speichern Sie die Mappe als .xlsx (in LibreOffice auch .ods) unter ihrem Namen im Projektordner.",
    ];
    for step in renumber(&steps) {
        guide.para(&step)?;
    }
    guide.gap();
    guide.label_value("Zuständig:", &p.verantwortlich)?;
    guide.gap();
    guide.para(EXAMPLE_NOTE)?;
    for help in schema::STEUERUNG_HILFE {
        guide.gap();
        guide.sheet(p, help)?;
    }
    wb.push_worksheet(guide.finish());

    for help in schema::STEUERUNG_HILFE {
        wb.push_worksheet(data_sheet(p, help, &[], &st, &mut listen)?);
    }
    if let Some(ws) = listen.finish()? {
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer()
}

/// The workbook `arbeitsgruppen/ag-….xlsx` of one field of action.
/// With `prefill`, the group's entries so far stand in the data sheets.
pub(super) fn working_group_form(
    p: &Projekt,
    field: &Handlungsfeld,
    prefill: Option<&Prefill>,
) -> Result<Vec<u8>, XlsxError> {
    let st = Stile::new();
    let mut listen = Listen::default();
    let mut wb = Workbook::new();
    let bezeichnung = ag_name(field);
    wb.set_properties(&properties(
        p,
        &format!("Arbeitsmappe {bezeichnung} – {}", p.titel),
    ));

    let mut guide = Guide::new(&st)?;
    guide.title(&format!(
        "Arbeitsmappe für das Handlungsfeld „{}“",
        field.name
    ))?;
    guide.subtitle(&format!("{} · Laufzeit {}–{}", p.titel, p.von, p.bis))?;
    guide.gap();
    guide.heading("Wofür ist diese Mappe?")?;
    guide.para(&format!(
        "{} erstellt ein Integrationskonzept für die Jahre {} bis {}. Für jedes Handlungsfeld \
         arbeitet eine Arbeitsgruppe (AG). Ihre AG ist für das Handlungsfeld „{}“ zuständig. In \
         dieser Mappe tragen Sie zusammen, was die AG erarbeitet: wer mitarbeitet, wie die Lage \
         ist, welche Ziele die AG verfolgt und mit welchen Maßnahmen sie sie erreichen will. Aus den \
         Mappen aller AGs wird das Konzept zusammengesetzt: Was Sie hier eintragen, steht später \
         so im Konzept.",
        p.nominativ, p.von, p.bis, field.name
    ))?;
    guide.gap();
    guide.heading("So gehen Sie vor")?;
    let steps = [
        "1. Blatt „Arbeitsgruppe“: Tragen Sie bei „Leitung“ ein, wer die AG leitet (statt „N. N.“), und prüfen Sie den Namen der AG. Das Handlungsfeld ist schon eingetragen.",
        "2. Die Blätter „Ziele“ und „Maßnahmen“ sind Pflicht. Mitglieder, Ausgangslage, Befund und Empfehlungen sind freiwillig, machen das Konzept aber erst vollständig.",
        GENERAL_ROWS,
        GENERAL_HELP,
        GENERAL_NAMES,
        "6. Speichern Sie die Mappe (als .xlsx, in LibreOffice auch .ods) und senden Sie sie zurück – gern auch einen Zwischenstand.",
    ];
    for step in renumber(&steps) {
        guide.para(&step)?;
    }
    guide.gap();
    guide.label_value(
        "Bitte zurück an:",
        p.rueckgabe_an.as_deref().unwrap_or(&p.verantwortlich),
    )?;
    match &p.rueckgabe_bis {
        Some(bis) => guide.label_value("Rückgabe bis:", bis)?,
        None => guide.label_input("Rückgabe bis:")?,
    }
    match &p.rueckgabe_an {
        Some(an) => guide.label_value("Rückfragen an:", an)?,
        None => guide.label_input("Rückfragen an:")?,
    }
    guide.gap();
    guide.para(EXAMPLE_NOTE)?;
    guide.gap();
    guide.ag_sheet(p, field)?;
    for help in schema::AG_HILFE {
        guide.gap();
        guide.sheet(p, help)?;
    }
    wb.push_worksheet(guide.finish());

    wb.push_worksheet(ag_sheet(p, field, prefill, &st, &mut listen)?);
    for help in schema::AG_HILFE {
        let rows = prefill
            .and_then(|f| f.rows.get(help.blatt.name))
            .map_or(&[][..], Vec::as_slice);
        wb.push_worksheet(data_sheet(p, help, rows, &st, &mut listen)?);
    }
    if let Some(ws) = listen.finish()? {
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer()
}

const GENERAL_ROWS: &str = "In jedem Blatt steht die Überschrift in Zeile 1; tragen Sie darunter je Eintrag eine Zeile ein. Dunkelblaue Überschriften sind Pflichtspalten: Sie müssen in jeder Zeile ausgefüllt sein, die Sie beginnen. Hellblaue Spalten sind freiwillig.";
const GENERAL_HELP: &str = "Was in eine Spalte gehört, steht unten und im Kommentar an der Überschrift (rotes Dreieck in der Ecke: mit der Maus darauf zeigen). Spalten mit fester Auswahl haben eine Liste: Zelle anklicken, dann den Pfeil rechts daneben.";
const GENERAL_NAMES: &str = "Bitte ändern Sie keine Blattnamen und keine Spaltenüberschriften. Eigene Notizen in zusätzlichen Spalten oder Blättern stören nicht, werden aber nicht in das Konzept übernommen.";
const EXAMPLE_NOTE: &str = "Im Folgenden ist jedes Blatt mit seinen Spalten erklärt. Die Spalte „Beispiel“ zeigt eine ausgefüllte Beispielzeile (von oben nach unten gelesen). In den Blättern selbst steht noch nichts: Dort tragen Sie Ihre eigenen Angaben ein.";

/// Numbers the steps in order (the shared ones carry no number).
fn renumber(steps: &[&str]) -> Vec<String> {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let text = s
                .split_once(". ")
                .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
                .map_or(*s, |(_, rest)| rest);
            format!("{}. {text}", i + 1)
        })
        .collect()
}

/// „AG Bildung“: `AG` and the shortest name of the field.
fn ag_name(field: &Handlungsfeld) -> String {
    let short = std::iter::once(&field.name)
        .chain(&field.aliase)
        .min_by_key(|n| n.chars().count())
        .expect("a field has a name");
    format!("AG {short}")
}

fn properties(p: &Projekt, title: &str) -> DocProperties {
    DocProperties::new()
        .set_title(title)
        .set_subject(&p.titel)
        .set_author(&p.verantwortlich)
        .set_company(&p.bezeichnung)
        .set_keywords("Integrationskonzept, Arbeitsmappe")
        .set_comment(
            "Angelegt mit konzept new. Blattnamen und Spaltenüberschriften bitte nicht ändern.",
        )
}

/// The height (points) of a row with `lines` lines of 11-point text.
pub(crate) fn row_height(lines: usize) -> f64 {
    lines as f64 * 15.0 + 3.0
}

/// How many lines `text` needs in a cell `width` characters wide, wrapped at
/// spaces as a spreadsheet does (generous: a clipped line is worse than a
/// little space).
pub(crate) fn lines(text: &str, width: f64) -> usize {
    let capacity = (width * 1.1).max(6.0) as usize;
    text.split('\n')
        .map(|paragraph| {
            let mut n = 1;
            let mut used = 0;
            for word in paragraph.split(' ') {
                let len = word.chars().count();
                if used > 0 && used + 1 + len > capacity {
                    n += 1;
                    used = 0;
                }
                // a word longer than the line breaks inside itself
                n += len.saturating_sub(1) / capacity;
                used = if used == 0 {
                    len % capacity.max(1)
                } else {
                    used + 1 + len
                };
            }
            n
        })
        .sum()
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_at_spaces() {
        assert_eq!(lines("kurz", 10.0), 1);
        assert_eq!(lines("eins zwei drei vier", 10.0), 2);
        assert_eq!(lines("a\nb\n\nc", 10.0), 4);
        assert_eq!(lines(&"x".repeat(25), 10.0), 3);
    }

    #[test]
    fn steps_are_numbered_in_order() {
        let steps = renumber(&["1. a", "b", "7. c"]);
        assert_eq!(steps, ["1. a", "2. b", "3. c"]);
    }
}
