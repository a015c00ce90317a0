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
//!
//! Number-like text columns (Nr, Ziel, Partner) are formatted as text: a
//! German Excel would otherwise turn `2.1` into a date and `1,2` into a number.

use super::Projekt;
use crate::config::Handlungsfeld;
use crate::input::workbook::Column;
use crate::schema::{self, Art, BlattHilfe, Hilfe};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, Format,
    FormatAlign, FormatBorder, Formula, Note, Workbook, Worksheet, XlsxError,
};

/// Rows (0-based, inclusive) that get the validations: room for 1,000 entries.
const LAST_ROW: u32 = 1000;

const ACCENT: u32 = 0x005CA9;
const LIGHT: u32 = 0xDCE6F1;
const INPUT: u32 = 0xFFF2CC;
const GREY: u32 = 0x595959;
const RULE: u32 = 0xBFBFBF;

/// Column widths of the `Anleitung` sheet: Spalte, Pflicht, Inhalt,
/// Schreibweise, Beispiel.
const GUIDE_WIDTHS: [f64; 5] = [22.0, 8.0, 46.0, 46.0, 34.0];

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
pub(super) fn steuerung(p: &Projekt) -> Result<Vec<u8>, XlsxError> {
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
        wb.push_worksheet(data_sheet(p, help, &st, &mut listen)?);
    }
    if let Some(ws) = listen.finish()? {
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer()
}

/// The workbook `arbeitsgruppen/ag-….xlsx` of one field of action.
pub(super) fn arbeitsgruppe(p: &Projekt, field: &Handlungsfeld) -> Result<Vec<u8>, XlsxError> {
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
    guide.label_value("Bitte zurück an:", &p.verantwortlich)?;
    guide.label_input("Rückgabe bis:")?;
    guide.label_input("Rückfragen an:")?;
    guide.gap();
    guide.para(EXAMPLE_NOTE)?;
    guide.gap();
    guide.ag_sheet(p, field)?;
    for help in schema::AG_HILFE {
        guide.gap();
        guide.sheet(p, help)?;
    }
    wb.push_worksheet(guide.finish());

    wb.push_worksheet(ag_sheet(p, field, &st, &mut listen)?);
    for help in schema::AG_HILFE {
        wb.push_worksheet(data_sheet(p, help, &st, &mut listen)?);
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

// ---------------------------------------------------------------- Anleitung

/// Writes the `Anleitung` sheet top to bottom.
struct Guide<'a> {
    ws: Worksheet,
    row: u32,
    st: &'a Stile,
}

impl<'a> Guide<'a> {
    fn new(st: &'a Stile) -> Result<Self, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name("Anleitung")?;
        for (i, w) in GUIDE_WIDTHS.iter().enumerate() {
            ws.set_column_width(i as u16, *w)?;
        }
        ws.set_screen_gridlines(false);
        ws.set_landscape();
        ws.set_paper_size(9); // A4
        ws.set_print_fit_to_pages(1, 0);
        ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
        ws.set_footer("&L&A&RSeite &P von &N");
        ws.set_active(true);
        Ok(Guide { ws, row: 0, st })
    }

    fn finish(self) -> Worksheet {
        self.ws
    }

    fn last_col() -> u16 {
        GUIDE_WIDTHS.len() as u16 - 1
    }

    /// One merged line across the sheet, as high as its text needs.
    fn merged(&mut self, text: &str, format: &Format, min_height: f64) -> Result<(), XlsxError> {
        let width: f64 = GUIDE_WIDTHS.iter().sum();
        let height = row_height(lines(text, width)).max(min_height);
        self.ws
            .merge_range(self.row, 0, self.row, Self::last_col(), text, format)?;
        self.ws.set_row_height(self.row, height)?;
        self.row += 1;
        Ok(())
    }

    fn title(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.st.title.clone();
        self.merged(text, &f, 28.0)
    }

    fn subtitle(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.st.subtitle.clone();
        self.merged(text, &f, 18.0)
    }

    fn heading(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.st.heading.clone();
        self.merged(text, &f, 21.0)
    }

    fn para(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.st.para.clone();
        self.merged(text, &f, 0.0)
    }

    fn gap(&mut self) {
        self.row += 1;
    }

    fn label_value(&mut self, label: &str, value: &str) -> Result<(), XlsxError> {
        self.ws
            .write_with_format(self.row, 0, label, &self.st.strong)?;
        self.ws.merge_range(
            self.row,
            1,
            self.row,
            Self::last_col(),
            value,
            &self.st.strong,
        )?;
        self.row += 1;
        Ok(())
    }

    /// A label with an empty yellow cell for the coordinator to fill in
    /// before sending the workbook.
    fn label_input(&mut self, label: &str) -> Result<(), XlsxError> {
        self.ws
            .write_with_format(self.row, 0, label, &self.st.strong)?;
        self.ws
            .merge_range(self.row, 1, self.row, 2, "", &self.st.input)?;
        self.ws.write_with_format(
            self.row,
            3,
            "(trägt die Geschäftsstelle vor dem Versand ein)",
            &self.st.hint,
        )?;
        self.row += 1;
        Ok(())
    }

    fn table_head(&mut self, first: &str) -> Result<(), XlsxError> {
        let heads = [
            first,
            "Pflicht",
            "Was gehört hinein?",
            "Schreibweise",
            "Beispiel",
        ];
        for (i, h) in heads.iter().enumerate() {
            self.ws
                .write_with_format(self.row, i as u16, *h, &self.st.table_head)?;
        }
        self.row += 1;
        Ok(())
    }

    fn table_row(
        &mut self,
        p: &Projekt,
        name: &str,
        required: bool,
        help: &Hilfe,
        example: &str,
    ) -> Result<(), XlsxError> {
        let cells = [
            name.to_string(),
            if required { "ja" } else { "–" }.to_string(),
            capitalise(&p.years(help.inhalt)),
            p.years(&help.art.formen()),
        ];
        for (i, c) in cells.iter().enumerate() {
            let f = if i == 0 { &self.st.key } else { &self.st.cell };
            self.ws.write_with_format(self.row, i as u16, c, f)?;
        }
        self.ws
            .write_with_format(self.row, 4, example, &self.st.example)?;
        // LibreOffice does not fit row heights to wrapped text on opening
        // an .xlsx, so every row gets the height its longest cell needs.
        let needed = cells
            .iter()
            .map(String::as_str)
            .chain([example])
            .zip(GUIDE_WIDTHS)
            .map(|(text, w)| lines(text, w))
            .max()
            .unwrap_or(1);
        self.ws.set_row_height(self.row, row_height(needed))?;
        self.row += 1;
        Ok(())
    }

    /// The explanation of the key/value sheet `Arbeitsgruppe`.
    fn ag_sheet(&mut self, p: &Projekt, field: &Handlungsfeld) -> Result<(), XlsxError> {
        self.heading("Blatt „Arbeitsgruppe“ – Pflichtblatt")?;
        self.para(
            "Angaben zur Arbeitsgruppe. Dieses Blatt ist keine Tabelle, sondern eine Liste: in \
             Spalte A der Begriff, in Spalte B Ihr Eintrag (gelb). Spalte C erklärt den Eintrag.",
        )?;
        self.table_head("Begriff")?;
        for (key, help) in schema::AG_KEYS.iter().zip(schema::AG_KEYS_HILFE) {
            let example = ag_value(field, key.key).unwrap_or_else(|| p.years(help.beispiel));
            self.table_row(p, key.name, key.required, help, &example)?;
        }
        Ok(())
    }

    /// The explanation of one data sheet.
    fn sheet(&mut self, p: &Projekt, help: &BlattHilfe) -> Result<(), XlsxError> {
        let pflicht = if help.pflicht {
            "Pflichtblatt"
        } else {
            "freiwillig"
        };
        self.heading(&format!("Blatt „{}“ – {pflicht}", help.blatt.name))?;
        self.para(help.zweck)?;
        self.table_head("Spalte")?;
        for (col, h) in help.columns() {
            self.table_row(p, col.name, col.required, h, &p.years(h.beispiel))?;
        }
        Ok(())
    }
}

/// The height (points) of a row with `lines` lines of 11-point text.
fn row_height(lines: usize) -> f64 {
    lines as f64 * 15.0 + 3.0
}

/// How many lines `text` needs in a cell `width` characters wide, wrapped at
/// spaces as a spreadsheet does (generous: a clipped line is worse than a
/// little space).
fn lines(text: &str, width: f64) -> usize {
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

// ---------------------------------------------------------------- data sheets

/// The pre-filled values of the `Arbeitsgruppe` sheet.
fn ag_value(field: &Handlungsfeld, key: &str) -> Option<String> {
    match key {
        "feld" => Some(field.name.clone()),
        "bezeichnung" => Some(ag_name(field)),
        // „N. N.“ (nomen nescio) is the usual mark for a person not yet
        // named; Leitung is required, so the fresh project checks clean and
        // the document shows plainly that the lead is still open.
        "leitung" => Some("N. N.".into()),
        _ => None,
    }
}

/// The key/value sheet `Arbeitsgruppe`: title in A1, then one row per key
/// (A the key, B the value, C an explanation the reader ignores).
fn ag_sheet(
    p: &Projekt,
    field: &Handlungsfeld,
    st: &Stile,
    listen: &mut Listen,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(schema::ARBEITSGRUPPE.name)?;
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 46)?;
    ws.set_column_width(2, 70)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    // A title row: the reader skips a key without a value.
    ws.write_with_format(0, 0, format!("Angaben zur {}", ag_name(field)), &st.title)?;
    ws.set_row_height(0, 28)?;
    for (i, (key, help)) in schema::AG_KEYS
        .iter()
        .zip(schema::AG_KEYS_HILFE)
        .enumerate()
    {
        let row = 2 + i as u32;
        ws.write_with_format(row, 0, key.name, &st.key)?;
        ws.insert_note(row, 0, &note(p, key, help, None))?;
        match ag_value(field, key.key) {
            Some(v) => ws.write_with_format(row, 1, v, &st.input)?,
            None => ws.write_blank(row, 1, &st.input)?,
        };
        let pflicht = if key.required {
            "Pflicht"
        } else {
            "freiwillig"
        };
        let hint = format!("{pflicht}: {}", p.years(help.inhalt));
        ws.set_row_height(row, row_height(lines(&hint, 68.0)))?;
        ws.write_with_format(row, 2, hint, &st.hint)?;
        let v = match help.art {
            Art::Handlungsfeld => {
                let names: Vec<String> = p.fields.iter().map(|f| f.name.clone()).collect();
                let range = listen.range("Handlungsfeld", &names);
                Some(dropdown(p, key, help, &range, &names, true)?)
            }
            Art::Datum => Some(
                // Stand may lie before the Laufzeit: explain, do not restrict.
                DataValidation::new()
                    .allow_any_value()
                    .set_input_title(title(key.name))?
                    .set_input_message(fit(&capitalise(
                        &p.years("ein Datum wie 15.09.{von} (Tag, Monat, Quartal oder Jahr)"),
                    )))?,
            ),
            _ => None,
        };
        if let Some(v) = v {
            ws.add_data_validation(row, 1, row, 1, &v)?;
        }
    }
    Ok(ws)
}

/// A data sheet: header in row 1 (bold, frozen, with a note on each cell),
/// column widths and formats, and the validations for rows 2 to 1001.
fn data_sheet(
    p: &Projekt,
    help: &BlattHilfe,
    st: &Stile,
    listen: &mut Listen,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(help.blatt.name)?;
    for (i, (col, h)) in help.columns().enumerate() {
        let c = i as u16;
        let head = if col.required {
            &st.head_required
        } else {
            &st.head_optional
        };
        ws.write_with_format(0, c, col.name, head)?;
        ws.insert_note(0, c, &note(p, col, h, Some(&p.years(h.beispiel))))?;
        ws.set_column_width(c, width(h.art))?;
        ws.set_column_format(c, &column_format(h.art))?;
        if let Some(v) = validation(p, col, h, c, listen)? {
            ws.add_data_validation(1, c, LAST_ROW, c, &v)?;
        }
    }
    let header_lines = help
        .columns()
        .map(|(col, h)| lines(col.name, width(h.art) - 1.0))
        .max()
        .unwrap_or(1);
    ws.set_row_height(0, row_height(header_lines))?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_footer("&L&A&RSeite &P von &N");
    Ok(ws)
}

fn width(art: Art) -> f64 {
    match art {
        Art::Nr => 7.0,
        Art::Jahr | Art::Planjahr => 10.0,
        Art::Zahl => 13.0,
        Art::Datum | Art::Ende | Art::Geld | Art::Prioritaet => 14.0,
        Art::Status | Art::Rolle | Art::Quelle | Art::Befundabschnitt => 18.0,
        Art::Liste | Art::Finanzierung | Art::Textabschnitt => 24.0,
        Art::Text | Art::Handlungsfeld | Art::Kategorie => 28.0,
        Art::Langtext => 48.0,
    }
}

fn column_format(art: Art) -> Format {
    let f = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    match art {
        Art::Nr | Art::Liste => f.set_num_format("@"),
        Art::Geld => f.set_num_format("#,##0.00 \"€\""),
        _ => f,
    }
}

/// The note on a header cell: what belongs in the column, the accepted
/// forms, and an example.
fn note(p: &Projekt, col: &Column, help: &Hilfe, example: Option<&str>) -> Note {
    let pflicht = if col.required {
        "Pflichtspalte"
    } else {
        "freiwillig"
    };
    let mut text = format!(
        "{} ({pflicht})\n{}.\nSchreibweise: {}.",
        col.name,
        capitalise(&p.years(help.inhalt)),
        p.years(&help.art.formen())
    );
    if let Some(e) = example.filter(|e| !e.is_empty()) {
        text.push_str(&format!("\nBeispiel: {}", e.replace('\n', " / ")));
    }
    let height = 18 + 16 * lines(&text, 44.0) as u32;
    Note::new(text)
        .add_author_prefix(false)
        .set_author(&p.verantwortlich)
        .set_width(330)
        .set_height(height)
}

/// Excel limits an input or error title to 32 characters.
fn title(t: &str) -> String {
    t.chars().take(32).collect()
}

/// Excel limits an input or error message to 255 characters (UTF-16).
fn fit(t: &str) -> String {
    if t.encode_utf16().count() <= 255 {
        return t.to_string();
    }
    let mut out = String::new();
    for c in t.chars() {
        if out.encode_utf16().count() + c.len_utf16() > 254 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `long` if it fits Excel's 255 characters, else `short` (cut if need be).
fn fit_or(long: String, short: &str) -> String {
    if long.encode_utf16().count() <= 255 {
        long
    } else {
        fit(short)
    }
}

fn dropdown(
    p: &Projekt,
    col: &Column,
    help: &Hilfe,
    range: &str,
    values: &[String],
    closed: bool,
) -> Result<DataValidation, XlsxError> {
    let v = DataValidation::new()
        .allow_list_formula(Formula::new(range))
        .set_input_title(title(col.name))?
        .set_input_message(fit_or(
            format!(
                "Erlaubt: {}. Der Pfeil rechts neben der Zelle öffnet die Liste.",
                p.years(&help.art.formen())
            ),
            "Bitte einen Eintrag aus der Liste wählen: Der Pfeil rechts neben der Zelle öffnet \
             die Liste.",
        ))?;
    if !closed {
        // Free text with suggestions: no alert.
        return Ok(v.show_error_message(false));
    }
    v.set_error_title(title(&format!("{}: nicht in der Liste", col.name)))?
        .set_error_message(fit_or(
            format!(
                "In „{}“ ist nur ein Eintrag aus der Liste erlaubt: {}. Bitte mit dem Pfeil \
                 rechts neben der Zelle auswählen.",
                col.name,
                values.join(", ")
            ),
            &format!(
                "In „{}“ ist nur ein Eintrag aus der Liste erlaubt. Bitte mit dem Pfeil rechts \
                 neben der Zelle auswählen.",
                col.name
            ),
        ))
        .map(|v| v.set_error_style(DataValidationErrorStyle::Stop))
}

fn validation(
    p: &Projekt,
    col: &Column,
    help: &Hilfe,
    c: u16,
    listen: &mut Listen,
) -> Result<Option<DataValidation>, XlsxError> {
    let cell = crate::diag::a1(1, c as u32);
    let input = |v: DataValidation, text: &str| -> Result<DataValidation, XlsxError> {
        v.set_input_title(title(col.name))?
            .set_input_message(fit(&capitalise(&p.years(text))))
    };
    let (von, bis) = (p.von, p.bis);
    let v = match help.art {
        Art::Datum | Art::Ende => {
            // Any text passes (the reader checks Q3 2027, 12/2027,
            // fortlaufend …); a number must be a date or a year within the
            // Laufzeit. A warning, so a date outside may be confirmed.
            let formula = format!(
                "=OR(ISTEXT({cell}),AND({cell}>=DATE({von},1,1),{cell}<=DATE({bis},12,31)),AND({cell}>={von},{cell}<={bis}))"
            );
            let v = input(
                DataValidation::new().allow_custom(Formula::new(formula)),
                &help.art.formen(),
            )?;
            Some(
                v.set_error_title(title(&format!("{} prüfen", col.name)))?
                    .set_error_message(fit(&format!(
                        "Erwartet wird ein Termin in der Laufzeit {von}–{bis}: ein Tag \
                         (31.12.{von}), Monat (12/{von}), Quartal (Q3 {von}) oder Jahr ({von}){}. \
                         Einen Termin außerhalb der Laufzeit können Sie trotzdem übernehmen.",
                        if help.art == Art::Ende {
                            "; ohne festes Ende: fortlaufend"
                        } else {
                            ""
                        }
                    )))?
                    .set_error_style(DataValidationErrorStyle::Warning),
            )
        }
        Art::Geld => {
            // Text passes (12,5 T€, 12.500 € typed as text); numbers must
            // not be negative. A stop: a negative amount is never right.
            let formula = format!("=OR(ISTEXT({cell}),{cell}>=0)");
            let v = input(
                DataValidation::new().allow_custom(Formula::new(formula)),
                &help.art.formen(),
            )?;
            Some(
                v.set_error_title(title(&format!("{}: kein gültiger Betrag", col.name)))?
                    .set_error_message(fit(
                        "Erlaubt sind Beträge ab 0 Euro, z. B. 12500, 12.500 €, 12.500,50 oder \
                         12,5 T€. Leer lassen, wenn der Betrag noch nicht bekannt ist; 0 bedeutet \
                         „keine Kosten“.",
                    ))?
                    .set_error_style(DataValidationErrorStyle::Stop),
            )
        }
        Art::Jahr | Art::Planjahr => {
            let (lo, hi) = if help.art == Art::Planjahr {
                (von, bis)
            } else {
                (1950, bis)
            };
            let v = input(
                DataValidation::new().allow_whole_number(DataValidationRule::Between(lo, hi)),
                &help.art.formen(),
            )?;
            let message = if help.art == Art::Planjahr {
                format!(
                    "Erwartet wird eine Jahreszahl der Laufzeit {von}–{bis}, z. B. {}. Ein Jahr \
                     außerhalb der Laufzeit können Sie trotzdem übernehmen.",
                    von + 1
                )
            } else {
                format!(
                    "Erwartet wird eine vierstellige Jahreszahl bis {bis}, z. B. {}.",
                    von - 1
                )
            };
            Some(
                v.set_error_title(title(&format!("{} prüfen", col.name)))?
                    .set_error_message(fit(&message))?
                    .set_error_style(DataValidationErrorStyle::Warning),
            )
        }
        Art::Liste => Some(input(
            DataValidation::new().allow_any_value(),
            &help.art.formen(),
        )?),
        art => match art.auswahl() {
            Some(values) => {
                let values: Vec<String> = values.iter().map(|s| s.to_string()).collect();
                let range = listen.range(col.name, &values);
                Some(dropdown(
                    p,
                    col,
                    help,
                    &range,
                    &values,
                    art != Art::Finanzierung,
                )?)
            }
            None => None,
        },
    };
    Ok(v)
}

// ---------------------------------------------------------------- Listen

/// The hidden sheet `Listen` with one column per dropdown list.
#[derive(Default)]
struct Listen {
    columns: Vec<(String, Vec<String>)>,
}

impl Listen {
    /// The absolute range of a list, added on first use.
    fn range(&mut self, name: &str, values: &[String]) -> String {
        let i = match self.columns.iter().position(|(_, v)| v == values) {
            Some(i) => i,
            None => {
                self.columns.push((name.to_string(), values.to_vec()));
                self.columns.len() - 1
            }
        };
        let letters = crate::diag::column_letters(i as u32);
        format!(
            "=Listen!${letters}$2:${letters}${}",
            values.len().max(1) + 1
        )
    }

    fn finish(self) -> Result<Option<Worksheet>, XlsxError> {
        if self.columns.is_empty() {
            return Ok(None);
        }
        let mut ws = Worksheet::new();
        ws.set_name("Listen")?;
        let bold = Format::new().set_bold();
        for (c, (name, values)) in self.columns.iter().enumerate() {
            let c = c as u16;
            ws.write_with_format(0, c, name, &bold)?;
            for (r, v) in values.iter().enumerate() {
                ws.write(1 + r as u32, c, v)?;
            }
            ws.set_column_width(c, 36)?;
        }
        // Hidden, so nobody edits the lists by accident; the reader ignores
        // the sheet.
        ws.set_hidden(true);
        Ok(Some(ws))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_fit_excel_limits() {
        assert_eq!(fit("kurz"), "kurz");
        let long = "ä".repeat(300);
        assert_eq!(fit(&long).encode_utf16().count(), 255);
        assert_eq!(title(&"x".repeat(40)).len(), 32);
    }

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

    #[test]
    fn lists_are_shared() {
        let mut l = Listen::default();
        let a = l.range("Priorität", &["hoch".into(), "mittel".into()]);
        let b = l.range("Priorität", &["hoch".into(), "mittel".into()]);
        let c = l.range("Status", &["geplant".into()]);
        assert_eq!(a, "=Listen!$A$2:$A$3");
        assert_eq!(a, b);
        assert_eq!(c, "=Listen!$B$2:$B$2");
    }
}
