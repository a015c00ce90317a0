//! The validations of the data sheets' columns (see "Validation choices" in
//! the parent module) and the hidden `Listen` sheet that feeds their
//! dropdowns.

use super::capitalise;
use crate::input::workbook::Column;
use crate::new::Projekt;
use crate::schema::{Art, Hilfe};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, Formula, Worksheet,
    XlsxError,
};

/// Excel limits an input or error title to 32 characters.
pub(super) fn title(t: &str) -> String {
    t.chars().take(32).collect()
}

/// Excel limits an input or error message to 255 characters (UTF-16).
pub(super) fn fit(t: &str) -> String {
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

pub(super) fn dropdown(
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
                p.years(&help.art.accepted_forms())
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

pub(super) fn validation(
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
    if matches!(col.key, "federfuehrung" | "partner") && !p.akteure.is_empty() {
        return actor_list(p, col, listen).map(Some);
    }
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
                &help.art.accepted_forms(),
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
        Art::Geld | Art::Kosten => {
            // Text passes (12,5 T€, 12.500 € typed as text); numbers must
            // not be negative. A stop: a negative amount is never right.
            let formula = format!("=OR(ISTEXT({cell}),{cell}>=0)");
            let v = input(
                DataValidation::new().allow_custom(Formula::new(formula)),
                &help.art.accepted_forms(),
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
                &help.art.accepted_forms(),
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
        Art::Liste | Art::Ziele | Art::Akteure | Art::Themen => Some(input(
            DataValidation::new().allow_any_value(),
            &help.art.accepted_forms(),
        )?),
        Art::Prioritaet => match p.prioritaeten.labels() {
            Some(labels) => {
                let values: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
                let range = listen.range(col.name, &values);
                Some(dropdown(p, col, help, &range, &values, true)?)
            }
            None => Some(input(
                DataValidation::new().allow_any_value(),
                &p.years(&help.art.accepted_forms()),
            )?),
        },
        art => match art.choices() {
            Some(values) => {
                let values: Vec<String> = values.iter().map(|s| s.to_string()).collect();
                let range = listen.range(col.name, &values);
                Some(dropdown(
                    p,
                    col,
                    help,
                    &range,
                    &values,
                    !matches!(art, Art::Finanzierung | Art::Format),
                )?)
            }
            None => None,
        },
    };
    Ok(v)
}

/// Federführung and Partner: the actors of the steering workbook as a
/// dropdown. Another name stays possible (a new partner, several partners
/// separated by „;“): the alert only informs and lets the entry through.
fn actor_list(p: &Projekt, col: &Column, listen: &mut Listen) -> Result<DataValidation, XlsxError> {
    let range = listen.range("Akteure", &p.akteure);
    let several = if col.key == "partner" {
        " Mehrere Partner mit „;“ trennen, z. B. „Volkshochschule; Jobcenter“."
    } else {
        ""
    };
    DataValidation::new()
        .allow_list_formula(Formula::new(range))
        .set_input_title(title(col.name))?
        .set_input_message(fit(&format!(
            "Ein Akteur aus dem Blatt „Akteure“ der Steuerungsgruppe: Der Pfeil rechts neben der \
             Zelle öffnet die Liste.{several}"
        )))?
        .set_error_title(title(&format!("{}: nicht in der Liste", col.name)))?
        .set_error_message(fit(&format!(
            "„{}“ nennt einen Akteur, der nicht in der Liste der Steuerungsgruppe steht. Mit OK \
             übernehmen Sie den Eintrag trotzdem; bitte genau so schreiben wie in der Liste, \
             wenn der Akteur dort steht.{several}",
            col.name
        )))
        .map(|v| v.set_error_style(DataValidationErrorStyle::Information))
}

/// The hidden sheet `Listen` with one column per dropdown list.
#[derive(Default)]
pub(super) struct Listen {
    columns: Vec<(String, Vec<String>)>,
}

impl Listen {
    /// The absolute range of a list, added on first use.
    pub(super) fn range(&mut self, name: &str, values: &[String]) -> String {
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

    pub(super) fn finish(self) -> Result<Option<Worksheet>, XlsxError> {
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
