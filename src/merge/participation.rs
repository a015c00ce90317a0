//! The participation log („Beteiligungsprozess“, sheet `Beteiligung` of the
//! steering workbook): the events by date, their totals as the sentence the
//! document and the Beschlussvorlage print; and the back matter of the same
//! workbook: the glossary (`Begriffe`) and the literature (`Literatur`).

use super::cells::{shorten, Merger};
use crate::input::markdown::{Block, Inline, RichText};
use crate::input::normalize;
use crate::input::values::{self, CellValue, Rejected};
use crate::input::workbook::Workbook;
use crate::model::*;
use crate::schema;

impl Merger<'_, '_> {
    /// The sheet `Beteiligung`: one event per row, sorted by date.
    pub(super) fn participation(&mut self, wb: &Workbook) -> Beteiligung {
        let Some(table) = self.table(wb, &schema::BETEILIGUNG, false) else {
            return Beteiligung::default();
        };
        let mut events = Vec::new();
        for row in table.rows() {
            let datum = self.req(&row, "datum", "Datum", values::parse_date);
            let format = self.req_text(&row, "format", "Format");
            let teilnehmende = self.opt(&row, "teilnehmende", "Teilnehmende", count);
            let institutionen = self.opt(&row, "institutionen", "Institutionen", count);
            let (Some(datum), Some(format)) = (datum, format) else {
                continue;
            };
            let format = schema::FORMATE
                .iter()
                .find(|f| normalize(f) == normalize(&format))
                .map_or(format, |f| f.to_string());
            events.push((
                datum.first,
                Veranstaltung {
                    datum: Datum::of(&datum),
                    format,
                    teilnehmende,
                    institutionen,
                    beschreibung: row.text("beschreibung"),
                },
            ));
        }
        events.sort_by_key(|(d, _)| *d);
        log(events.into_iter().map(|(_, v)| v).collect())
    }

    /// The sheet `Begriffe`, sorted alphabetically.
    pub(super) fn glossary(&mut self, wb: &Workbook) -> Vec<Begriff> {
        let Some(table) = self.table(wb, &schema::BEGRIFFE, false) else {
            return vec![];
        };
        let mut out: Vec<Begriff> = Vec::new();
        for row in table.rows() {
            let begriff = self.req_text(&row, "begriff", "Begriff");
            let erlaeuterung = self.req_text(&row, "erlaeuterung", "Erläuterung");
            let (Some(begriff), Some(erlaeuterung)) = (begriff, erlaeuterung) else {
                continue;
            };
            if out
                .iter()
                .any(|b| normalize(&b.begriff) == normalize(&begriff))
            {
                self.diags
                    .warning(
                        row.loc("begriff"),
                        format!(
                            "der Begriff „{}“ steht doppelt in der Liste",
                            shorten(&begriff)
                        ),
                    )
                    .hint = Some("die Erläuterungen in einer Zeile zusammenfassen".into());
                continue;
            }
            out.push(Begriff {
                begriff,
                erlaeuterung,
            });
        }
        out.sort_by_key(|b| normalize(&b.begriff));
        out
    }

    /// The sheet `Literatur`, in the order given.
    pub(super) fn literature(&mut self, wb: &Workbook) -> Vec<Literatur> {
        let Some(table) = self.table(wb, &schema::LITERATUR, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            if let Some(angabe) = self.req_text(&row, "angabe", "Quelle") {
                out.push(Literatur {
                    angabe,
                    link: row.text("link"),
                });
            }
        }
        out
    }
}

/// The sources of the figures (statistics, key figures, indicators), each
/// once, sorted; and the literature. The section is
/// printed only when literature is given.
pub(super) fn sources(
    statistik: &[Statistik],
    felder: &[Feld],
    literatur: Vec<Literatur>,
) -> Quellen {
    let mut daten: Vec<String> = Vec::new();
    let given = statistik
        .iter()
        .filter_map(|s| s.quelle.as_ref())
        .chain(
            felder
                .iter()
                .flat_map(|f| f.kennzahlen.iter().filter_map(|k| k.quelle.as_ref())),
        )
        .chain(
            felder
                .iter()
                .flat_map(|f| f.ziele.iter().filter_map(|z| z.quelle.as_ref())),
        );
    for q in given {
        if !daten.iter().any(|d| normalize(d) == normalize(q)) {
            daten.push(q.clone());
        }
    }
    daten.sort_by_key(|d| normalize(d));
    let punkte = daten
        .iter()
        .map(|d| vec![Inline::Text { text: d.clone() }])
        .collect();
    Quellen {
        vorhanden: !literatur.is_empty(),
        daten_liste: RichText {
            blocks: vec![Block::Aufzaehlung { punkte }],
        },
        daten,
        literatur,
    }
}

/// A count of people or institutions: a whole number, not negative.
fn count(cell: &CellValue) -> Result<u64, Rejected> {
    let rejected = || {
        Rejected::new(
            "eine ganze Zahl wie 25",
            "nur die Anzahl eintragen, ohne Nachkommastellen und ohne Prozentzeichen; leer lassen, wenn nicht gezählt wurde",
        )
    };
    let n = values::parse_number(cell).map_err(|_| rejected())?;
    if n.percent || n.value < 0.0 || n.value.fract() != 0.0 || n.value > 1e9 {
        return Err(rejected());
    }
    Ok(n.value as u64)
}

/// The log with its totals and sentence.
fn log(veranstaltungen: Vec<Veranstaltung>) -> Beteiligung {
    let teilnehmende: u64 = veranstaltungen.iter().filter_map(|v| v.teilnehmende).sum();
    let institutionen: u64 = veranstaltungen.iter().filter_map(|v| v.institutionen).sum();
    let umfang = match (teilnehmende, institutionen) {
        (0, 0) => String::new(),
        (p, 0) => persons(p),
        (0, i) => format!("Vertreterinnen und Vertreter aus {}", institutions(i)),
        (p, i) => format!("{} aus {}", persons(p), institutions(i)),
    };
    let satz = match veranstaltungen.len() {
        0 => String::new(),
        n => {
            let anzahl = if n == 1 {
                "einer Veranstaltung".to_string()
            } else {
                format!("{} Veranstaltungen", crate::text::zahlwort(n))
            };
            let von_bis = match (veranstaltungen.first(), veranstaltungen.last()) {
                (Some(a), Some(b)) if n > 1 && a.datum.text != b.datum.text => {
                    format!(" zwischen {} und {}", a.datum.text, b.datum.text)
                }
                (Some(a), _) if a.datum.text.matches('.').count() == 2 => {
                    format!(" am {}", a.datum.text)
                }
                (Some(a), _) => format!(" ({})", a.datum.text),
                _ => String::new(),
            };
            if umfang.is_empty() {
                format!("Das Konzept wurde in {anzahl}{von_bis} mit der Öffentlichkeit und den Fachleuten vor Ort erarbeitet.")
            } else {
                format!("An der Erarbeitung wirkten in {anzahl}{von_bis} {umfang} mit.")
            }
        }
    };
    Beteiligung {
        veranstaltungen,
        teilnehmende,
        institutionen,
        umfang,
        satz,
    }
}

/// „rund 200 Personen“: rounded to tens from 100 on, „rund“ only when rounded.
fn persons(n: u64) -> String {
    let (r, about) = about(n);
    if r == 1 {
        "1 Person".into()
    } else {
        format!("{about}{} Personen", values::format_number(r as f64, 0))
    }
}

fn institutions(n: u64) -> String {
    let (r, about) = about(n);
    if r == 1 {
        "1 Institution".into()
    } else {
        format!(
            "{about}{} Institutionen",
            values::format_number(r as f64, 0)
        )
    }
}

fn about(n: u64) -> (u64, &'static str) {
    if n < 100 {
        return (n, "");
    }
    let r = (n + 5) / 10 * 10;
    (r, if r == n { "" } else { "rund " })
}

/// Cites the participation log in the Sachverhalt of the submission: after
/// the paragraph on how the concept was written.
pub(super) fn cite(vorlage: &mut Vorlage, b: &Beteiligung) {
    if b.satz.is_empty() {
        return;
    }
    let at = vorlage
        .sachverhalt
        .iter()
        .position(|p| p.starts_with("Erarbeitet wurde") || p.starts_with("Beteiligt waren"))
        .map_or(1.min(vorlage.sachverhalt.len()), |i| i + 1);
    let mut formate: Vec<&str> = Vec::new();
    for v in &b.veranstaltungen {
        if !formate.contains(&v.format.as_str()) {
            formate.push(&v.format);
        }
    }
    let satz = match formate.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!(
            "{} Genutzt wurden die Formate {} und {last}.",
            b.satz,
            rest.join(", ")
        ),
        Some((only, _)) => format!("{} Genutzt wurde das Format {only}.", b.satz),
        None => b.satz.clone(),
    };
    vorlage.sachverhalt.insert(at, satz);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(datum: &str, p: Option<u64>, i: Option<u64>) -> Veranstaltung {
        let d = values::parse_date(&CellValue::Text(datum.into())).unwrap();
        Veranstaltung {
            datum: Datum::of(&d),
            format: "Workshop".into(),
            teilnehmende: p,
            institutionen: i,
            beschreibung: None,
        }
    }

    #[test]
    fn totals_and_sentence() {
        let b = log(vec![
            event("12.03.2026", Some(120), Some(50)),
            event("05/2026", Some(43), Some(20)),
            event("Q3 2026", Some(38), None),
        ]);
        assert_eq!((b.teilnehmende, b.institutionen), (201, 70));
        assert_eq!(b.umfang, "rund 200 Personen aus 70 Institutionen");
        assert_eq!(
            b.satz,
            "An der Erarbeitung wirkten in drei Veranstaltungen zwischen 12.03.2026 und Q3 2026 rund 200 Personen aus 70 Institutionen mit."
        );
    }

    #[test]
    fn exact_small_and_missing_figures() {
        assert_eq!(persons(200), "200 Personen");
        assert_eq!(persons(1234), "rund 1.230 Personen");
        assert_eq!(persons(1), "1 Person");
        let b = log(vec![event("2026", None, None)]);
        assert_eq!(b.umfang, "");
        assert!(b
            .satz
            .starts_with("Das Konzept wurde in einer Veranstaltung (2026)"));
        assert_eq!(log(vec![]).satz, "");
    }

    #[test]
    fn counts_are_whole_numbers() {
        assert_eq!(count(&CellValue::Number(25.0)).unwrap(), 25);
        assert!(count(&CellValue::Number(2.5)).is_err());
        assert!(count(&CellValue::Number(-3.0)).is_err());
    }
}
