//! The steering group's workbook (`steuerung.xlsx`): the sheets Texte,
//! Steuerungsgruppe, Akteure, Leitlinien, Statistik, Finanzen and Zeitplan,
//! one reader per sheet.

use super::cells::{fix_fraction, is_percent_unit, shorten, zahl, Merger};
use crate::costs;
use crate::diag::{did_you_mean, Location};
use crate::input::markdown;
use crate::input::normalize;
use crate::input::values::{self, EndDate};
use crate::input::workbook::Workbook;
use crate::model::*;
use crate::schema;
use std::collections::BTreeMap;

/// The content of the steering group's workbook.
#[derive(Default)]
pub(super) struct Steering {
    pub texte: Texte,
    pub steuerungsgruppe: Vec<Person>,
    pub akteure: Vec<Akteur>,
    pub leitlinien: Vec<Leitlinie>,
    pub statistik: Vec<Statistik>,
    /// The rows of the Finanzen sheet, each with the cell of its amount.
    pub posten: Vec<(Posten, Location)>,
    pub zeitplan: Vec<Phase>,
    pub beteiligung: Beteiligung,
    pub begriffe: Vec<Begriff>,
    pub literatur: Vec<Literatur>,
}

impl Merger<'_, '_> {
    /// Reads the steering group's workbook, sheet by sheet.
    pub(super) fn steering(&mut self, wb: &Workbook) -> Steering {
        Steering {
            texte: self.texts(wb),
            steuerungsgruppe: self.steering_group(wb),
            akteure: self.actors(wb),
            leitlinien: {
                self.top_goals(wb);
                self.guidelines(wb)
            },
            statistik: self.statistics(wb),
            posten: self.budget_rows(wb),
            zeitplan: self.timeline(wb),
            beteiligung: self.participation(wb),
            begriffe: self.glossary(wb),
            literatur: self.literature(wb),
        }
    }

    fn texts(&mut self, wb: &Workbook) -> Texte {
        let mut t = Texte::default();
        let Some(table) = self.table(wb, &schema::TEXTE, false) else {
            return t;
        };
        let mut collected: BTreeMap<&str, String> = BTreeMap::new();
        for row in table.rows() {
            let Some(abschnitt) = self.req_text(&row, "abschnitt", "Abschnitt") else {
                continue;
            };
            let Some(text) = self.req_text(&row, "text", "Text") else {
                continue;
            };
            let n = normalize(&abschnitt);
            if let Some(extra) = self.extra_sections.iter().find(|e| normalize(e) == n) {
                let e = t.weitere.entry(extra.clone()).or_default();
                if !e.is_empty() {
                    e.push_str("\n\n");
                }
                e.push_str(&text);
                continue;
            }
            let key = schema::TEXT_SECTIONS
                .iter()
                .find(|(name, _)| {
                    normalize(name) == n
                        || (n == "warumintegration" && *name == "Warum Integration")
                })
                .map(|(_, k)| *k)
                .or(match n.as_str() {
                    "umsetzung" | "monitoring" | "umsetzungundmonitoring" => {
                        Some("umsetzung_und_monitoring")
                    }
                    "netzwerke" => Some("netzwerk"),
                    "aufeinenblick" | "daswichtigste" | "zusammenfassung" | "kurzfassung" => {
                        Some("auf_einen_blick")
                    }
                    "beteiligung" | "beteiligungsprozess" => Some("beteiligung"),
                    _ => None,
                });
            match key {
                Some(k) => {
                    let e = collected.entry(k).or_default();
                    if !e.is_empty() {
                        e.push_str("\n\n");
                    }
                    e.push_str(&text);
                }
                None => {
                    self.diags
                        .warning(
                            row.loc("abschnitt"),
                            format!(
                                "unbekannter Abschnitt „{}“ wird ignoriert",
                                shorten(&abschnitt)
                            ),
                        )
                        .hint =
                        did_you_mean(&abschnitt, schema::TEXT_SECTIONS.iter().map(|(n, _)| *n))
                            .or_else(|| {
                                Some(format!(
                                    "bekannte Abschnitte: {}",
                                    schema::TEXT_SECTIONS
                                        .iter()
                                        .map(|(n, _)| *n)
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ))
                            });
                }
            }
        }
        let get = |k: &str| {
            collected
                .get(k)
                .map(|s| markdown::parse(s))
                .filter(|r| !r.is_empty())
        };
        t.vorwort = get("vorwort");
        t.einleitung = get("einleitung");
        t.warum_integration = get("warum_integration");
        t.auftrag = get("auftrag");
        t.netzwerk = get("netzwerk");
        t.projektrahmen = get("projektrahmen");
        t.steuerung = get("steuerung");
        t.akteure = get("akteure");
        t.leitlinien = get("leitlinien");
        t.ausgangslage = get("ausgangslage");
        t.schwerpunkte = get("schwerpunkte");
        t.umsetzung_und_monitoring = get("umsetzung_und_monitoring");
        t.beschlussvorschlag = get("beschlussvorschlag");
        t.auf_einen_blick = get("auf_einen_blick");
        t.beteiligung = get("beteiligung");
        for name in &self.extra_sections {
            match t.weitere.get(name).map(|s| markdown::parse(s)) {
                Some(r) if !r.is_empty() => {
                    t.abschnitte.insert(name.clone(), r);
                }
                _ => {
                    self.diags
                        .warning(
                            Location::sheet(&wb.file, schema::TEXTE.name),
                            format!("kein Text für den Abschnitt „{name}“ der Beschlussvorlage"),
                        )
                        .hint = Some(format!(
                        "eine Zeile mit Abschnitt „{name}“ und dem Text eintragen; bis dahin fehlt der Abschnitt in der Vorlage"
                    ));
                }
            }
        }
        t
    }

    fn steering_group(&mut self, wb: &Workbook) -> Vec<Person> {
        let Some(table) = self.table(wb, &schema::STEUERUNGSGRUPPE, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let name = self.req_text(&row, "name", "Name");
            let institution = self.req_text(&row, "institution", "Institution");
            let rolle = row.text("rolle").map(|r| {
                schema::ROLLEN
                    .iter()
                    .find(|k| normalize(k) == normalize(&r))
                    .map(|k| k.to_string())
                    .unwrap_or(r)
            });
            if let (Some(name), Some(institution)) = (name, institution) {
                out.push(Person {
                    name,
                    funktion: row.text("funktion"),
                    institution,
                    rolle: rolle.unwrap_or_else(|| "Mitglied".into()),
                });
            }
        }
        // Chair first, then the office, then members in the order given.
        out.sort_by_key(|p| {
            schema::ROLLEN
                .iter()
                .position(|r| *r == p.rolle)
                .unwrap_or(2)
        });
        out
    }

    fn actors(&mut self, wb: &Workbook) -> Vec<Akteur> {
        let Some(table) = self.table(wb, &schema::AKTEURE, false) else {
            return vec![];
        };
        let mut out: Vec<Akteur> = Vec::new();
        let mut seen: std::collections::HashSet<String> = Default::default();
        for row in table.rows() {
            let Some(name) = self.req_text(&row, "akteur", "Akteur") else {
                continue;
            };
            let kategorie = match row.text("kategorie") {
                None => {
                    self.diags.warning(
                        row.loc("kategorie"),
                        "Kategorie fehlt; der Akteur wird unter „Sonstige“ geführt",
                    );
                    "Sonstige".to_string()
                }
                Some(k) => match schema::KATEGORIEN.iter().find(|c| category_matches(c, &k)) {
                    Some(c) => c.to_string(),
                    None => {
                        self.diags
                            .warning(
                                row.loc("kategorie"),
                                format!("unbekannte Kategorie „{}“; der Akteur wird unter „Sonstige“ geführt", shorten(&k)),
                            )
                            .hint = did_you_mean(&k, schema::KATEGORIEN.iter().copied())
                            .or_else(|| Some(format!("bekannte Kategorien: {}", schema::KATEGORIEN.join(", "))));
                        "Sonstige".to_string()
                    }
                },
            };
            let mut felder = Vec::new();
            if let Some(list) = row.text("felder") {
                for item in values::parse_list(&list) {
                    match self.resolve_field(&item) {
                        Some(i) => {
                            let k = self.fields[i].kurz.clone();
                            if !felder.contains(&k) {
                                felder.push(k);
                            }
                        }
                        None => {
                            let hint = self.field_hint(&item);
                            self.diags
                                .warning(
                                    row.loc("felder"),
                                    format!(
                                        "unbekanntes Handlungsfeld „{}“ wird ignoriert",
                                        shorten(&item)
                                    ),
                                )
                                .hint = Some(hint);
                        }
                    }
                }
            }
            // Keep the configured order of fields.
            felder.sort_by_key(|k| self.fields.iter().position(|f| &f.kurz == k));
            if !seen.insert(normalize(&name)) {
                self.diags.warning(
                    row.loc("akteur"),
                    format!("der Akteur „{}“ steht doppelt in der Liste", shorten(&name)),
                );
                continue;
            }
            let felder_text = felder
                .iter()
                .filter_map(|k| {
                    self.fields
                        .iter()
                        .find(|f| &f.kurz == k)
                        .map(|f| f.name.clone())
                })
                .collect::<Vec<_>>()
                .join(", ");
            out.push(Akteur {
                name,
                kategorie,
                ansprechperson: row.text("ansprechperson"),
                felder,
                felder_text,
            });
        }
        out
    }

    fn guidelines(&mut self, wb: &Workbook) -> Vec<Leitlinie> {
        let Some(table) = self.table(wb, &schema::LEITLINIEN, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let nr = self.req_text(&row, "nr", "Nr");
            let titel = self.req_text(&row, "leitlinie", "Leitlinie");
            if let (Some(nr), Some(titel)) = (nr, titel) {
                let ziele = self.guideline_goals(&row);
                out.push(Leitlinie {
                    nr,
                    titel,
                    erlaeuterung: row.text("erlaeuterung").map(|t| markdown::parse(&t)),
                    ziele,
                });
            }
        }
        out
    }

    fn statistics(&mut self, wb: &Workbook) -> Vec<Statistik> {
        let Some(table) = self.table(wb, &schema::STATISTIK, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let merkmal = self.req_text(&row, "merkmal", "Merkmal");
            let insgesamt = self.req(&row, "insgesamt", "Insgesamt", values::parse_number);
            let mh = self.opt(
                &row,
                "mh",
                "Mit Migrationshintergrund",
                values::parse_number,
            );
            let jahr = self.req(&row, "jahr", "Jahr", values::parse_year);
            let (Some(merkmal), Some(insgesamt), Some(jahr)) = (merkmal, insgesamt, jahr) else {
                continue;
            };
            let mut einheit = row.text("einheit");
            let percent_unit = is_percent_unit(einheit.as_deref()) || insgesamt.percent;
            let insgesamt = fix_fraction(insgesamt, percent_unit, row.sheet);
            let mh = mh.map(|v| fix_fraction(v, percent_unit, row.sheet));
            if einheit.is_none() && percent_unit {
                einheit = Some("%".into());
            }
            let anteil = match mh {
                Some(m) if !percent_unit && !m.percent && insgesamt.value > 0.0 => {
                    if m.value > insgesamt.value {
                        self.diags.warning(
                            row.loc("mh"),
                            format!(
                                "„Mit Migrationshintergrund“ ({}) ist größer als „Insgesamt“ ({})",
                                values::format_number(m.value, 2),
                                values::format_number(insgesamt.value, 2)
                            ),
                        );
                    }
                    let share = m.value / insgesamt.value * 100.0;
                    Some(Zahl {
                        wert: share,
                        text: format!("{} %", values::format_fixed(share, 1)),
                    })
                }
                _ => None,
            };
            out.push(Statistik {
                merkmal,
                insgesamt: zahl(insgesamt, percent_unit),
                mit_mh: mh.map(|m| zahl(m, percent_unit)),
                einheit,
                anteil,
                jahr,
                quelle: row.text("quelle"),
            });
        }
        out
    }

    fn budget_rows(&mut self, wb: &Workbook) -> Vec<(Posten, Location)> {
        let Some(table) = self.table(wb, &schema::FINANZEN, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let jahr = self.req(&row, "jahr", "Jahr", values::parse_year);
            let posten = self.req_text(&row, "posten", "Posten");
            let betrag = self.req(&row, "betrag", "Betrag", values::parse_money);
            let quelle = match row.text("quelle") {
                None => "Sonstige".to_string(),
                Some(q) => match schema::QUELLEN.iter().find(|c| source_matches(c, &q)) {
                    Some(c) => c.to_string(),
                    None => {
                        self.diags
                            .warning(row.loc("quelle"), format!("unbekannte Finanzierungsquelle „{}“; sie wird unter „Sonstige“ geführt", shorten(&q)))
                            .hint = did_you_mean(&q, schema::QUELLEN.iter().copied())
                            .or_else(|| Some(format!("bekannte Quellen: {}", schema::QUELLEN.join(", "))));
                        "Sonstige".to_string()
                    }
                },
            };
            if let (Some(jahr), Some(posten), Some(betrag)) = (jahr, posten, betrag) {
                self.check_year_in_laufzeit(&row, "jahr", jahr);
                out.push((
                    Posten {
                        jahr,
                        posten,
                        betrag: Geld::of(betrag),
                        quelle,
                    },
                    row.loc("betrag"),
                ));
            }
        }
        out
    }

    fn timeline(&mut self, wb: &Workbook) -> Vec<Phase> {
        let Some(table) = self.table(wb, &schema::ZEITPLAN, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let phase = self.req_text(&row, "phase", "Phase");
            let beginn = self.req(&row, "beginn", "Beginn", values::parse_date);
            let ende = self.req(&row, "ende", "Ende", values::parse_end_date);
            let (Some(phase), Some(beginn), Some(ende)) = (phase, beginn, ende) else {
                continue;
            };
            self.check_order(&row, &beginn, &ende);
            self.check_date_in_laufzeit(&row, "beginn", "Beginn", &beginn);
            if let EndDate::Date(e) = &ende {
                self.check_date_in_laufzeit(&row, "ende", "Ende", e);
            }
            let (first, last) = costs::period(Some(&beginn), Some(&ende), self.laufzeit);
            let (achse_von, achse_bis) = self.axis(first, last);
            out.push(Phase {
                phase,
                beginn: Datum::of(&beginn),
                ende: Datum::end(&ende),
                beschreibung: row.text("beschreibung"),
                achse_von,
                achse_bis,
            });
        }
        out
    }
}

fn category_matches(category: &str, given: &str) -> bool {
    let g = normalize(given);
    let c = normalize(category);
    if g == c {
        return true;
    }
    // Common short forms people write.
    let aliases: &[(&str, &[&str])] = &[
        ("Politische Akteure", &["politik", "politischerakteur"]),
        (
            "Migrantenorganisationen und -vereine",
            &[
                "migrantenorganisationen",
                "migrantenorganisation",
                "migrantenvereine",
                "migrantenselbstorganisation",
            ],
        ),
        (
            "Kirchen und Wohlfahrtsorganisationen",
            &[
                "kirchen",
                "wohlfahrtsorganisationen",
                "wohlfahrtsverbaende",
                "kirche",
            ],
        ),
        ("Unternehmen", &["wirtschaft", "unternehmer"]),
        ("Gewerkschaften", &["gewerkschaft"]),
        (
            "Bildungseinrichtungen",
            &["bildung", "bildungseinrichtung", "schulen"],
        ),
        ("Jugendhilfe", &["jugend"]),
        ("Kultureinrichtungen", &["kultur", "kultureinrichtung"]),
        ("Sportvereine", &["sport", "sportverein"]),
        (
            "Verwaltung",
            &["kommunalverwaltung", "stadtverwaltung", "behoerde"],
        ),
        ("Sonstige", &["sonstiges", "andere"]),
    ];
    aliases
        .iter()
        .any(|(name, list)| *name == category && list.contains(&g.as_str()))
}

fn source_matches(source: &str, given: &str) -> bool {
    let g = normalize(given);
    if g == normalize(source) {
        return true;
    }
    let aliases: &[(&str, &[&str])] = &[
        (
            "Eigenmittel",
            &[
                "haushalt",
                "kommune",
                "eigenanteil",
                "haushaltsmittel",
                "kommunal",
                "stadt",
            ],
        ),
        ("Landesmittel", &["land", "landesfoerderung"]),
        (
            "Bundesmittel",
            &["bund", "bundesfoerderung", "bundesprogramm"],
        ),
        ("EU-Mittel", &["eu", "esf", "esfplus", "europaeischeunion"]),
        ("Stiftung", &["stiftungen", "stiftungsmittel"]),
        ("Sonstige", &["sonstiges", "dritte", "drittmittel"]),
    ];
    aliases
        .iter()
        .any(|(name, list)| *name == source && list.contains(&g.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_and_sources() {
        assert!(
            category_matches(
                "Migrantenorganisationen und -vereine",
                "Migrantenorganisationen und Vereine"
            ) || category_matches(
                "Migrantenorganisationen und -vereine",
                "Migrantenorganisationen"
            )
        );
        assert!(category_matches("Sportvereine", "sportvereine"));
        assert!(!category_matches("Sportvereine", "Feuerwehr"));
        assert!(source_matches("EU-Mittel", "ESF Plus"));
        assert!(source_matches("Eigenmittel", "Haushalt"));
    }
}
