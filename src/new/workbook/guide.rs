//! The `Anleitung` sheet: what the workbook is for and every sheet and column
//! explained, with one filled example row.

use super::sheets::ag_value;
use super::{capitalise, lines, row_height, Stile};
use crate::config::Handlungsfeld;
use crate::new::Projekt;
use crate::schema::{self, BlattHilfe, Hilfe};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// Column widths of the `Anleitung` sheet: Spalte, Pflicht, Inhalt,
/// Schreibweise, Beispiel.
const GUIDE_WIDTHS: [f64; 5] = [22.0, 8.0, 46.0, 46.0, 34.0];

/// Writes the `Anleitung` sheet top to bottom.
pub(super) struct Guide<'a> {
    ws: Worksheet,
    row: u32,
    st: &'a Stile,
}

impl<'a> Guide<'a> {
    pub(super) fn new(st: &'a Stile) -> Result<Self, XlsxError> {
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

    pub(super) fn finish(self) -> Worksheet {
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

    pub(super) fn title(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.st.title.clone();
        self.merged(text, &f, 28.0)
    }

    pub(super) fn subtitle(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.st.subtitle.clone();
        self.merged(text, &f, 18.0)
    }

    pub(super) fn heading(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.st.heading.clone();
        self.merged(text, &f, 21.0)
    }

    pub(super) fn para(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.st.para.clone();
        self.merged(text, &f, 0.0)
    }

    pub(super) fn gap(&mut self) {
        self.row += 1;
    }

    pub(super) fn label_value(&mut self, label: &str, value: &str) -> Result<(), XlsxError> {
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
    pub(super) fn label_input(&mut self, label: &str) -> Result<(), XlsxError> {
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
            p.years(&help.art.accepted_forms()),
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
    pub(super) fn ag_sheet(&mut self, p: &Projekt, field: &Handlungsfeld) -> Result<(), XlsxError> {
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
    pub(super) fn sheet(&mut self, p: &Projekt, help: &BlattHilfe) -> Result<(), XlsxError> {
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
