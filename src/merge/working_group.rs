//! A working group's workbook: the sheets Arbeitsgruppe (field, name and
//! lead of the group), Mitglieder, Befund, Ausgangslage (Kennzahlen), Ziele,
//! Maßnahmen and Empfehlungen, one reader per sheet. The references from the
//! Maßnahmen sheet to the Ziele sheet and to the steering group's actors are
//! collected here and checked in [`super::validate`] after the rows are read.

use super::cells::{fix_fraction, invalid, is_percent_unit, shorten, zahl, Merger};
use super::completeness::{is_placeholder, Blank};
use super::summary::{count_priorities, count_statuses};
use super::validate::{MeasureRefs, References};
use crate::config::Handlungsfeld;
use crate::costs;
use crate::diag::{did_you_mean, Location};
use crate::input::markdown::{self, RichText};
use crate::input::normalize;
use crate::input::values::{self, CellValue, DateValue, EndDate, Money};
use crate::input::workbook::{Sheet, Workbook};
use crate::model::*;
use crate::schema;
use chrono::Datelike;
use std::collections::{BTreeMap, HashMap};

/// The content of one working-group workbook before it joins its field.
#[derive(Default)]
pub(super) struct GroupData {
    arbeitsgruppe: Option<Arbeitsgruppe>,
    befund: Befund,
    kennzahlen: Vec<Kennzahl>,
    ziele: Vec<Ziel>,
    massnahmen: Vec<Massnahme>,
    empfehlungen: Vec<Empfehlung>,
    /// Members read from the Mitglieder sheet (also when the lead is missing).
    members_read: usize,
    /// What the cross-checks look at once the rows are read.
    pub refs: References,
}

impl GroupData {
    /// What the workbook lacks if it is not handed in yet: still the blank
    /// form, or at most the group's lead and members typed in — no goals,
    /// measures, findings, key figures or recommendations (a lead „N. N.“
    /// counts as none).
    pub(super) fn blank(&self) -> Option<Blank> {
        let has_content = !self.ziele.is_empty()
            || !self.massnahmen.is_empty()
            || !self.kennzahlen.is_empty()
            || !self.empfehlungen.is_empty()
            || self.befund.ausgangslage.is_some()
            || self.befund.handlungsbedarf.is_some()
            || self.befund.staerken.is_some();
        if has_content {
            return None;
        }
        let mut missing = Vec::new();
        if self
            .arbeitsgruppe
            .as_ref()
            .is_none_or(|a| is_placeholder(&a.leitung))
        {
            missing.push("Leitung");
        }
        if self.members_read == 0 {
            missing.push("Mitglieder");
        }
        missing.extend(["Ziele", "Maßnahmen"]);
        Some(Blank { missing })
    }
}

impl Merger<'_, '_> {
    /// Reads one working-group workbook; returns its field (if it names a
    /// configured one) and its content.
    pub(super) fn working_group(&mut self, wb: &Workbook) -> (Option<usize>, GroupData) {
        let (field, mut arbeitsgruppe) = self.group_sheet(wb);
        let kurz = field
            .map(|i| self.fields[i].kurz.clone())
            .unwrap_or_default();
        let feld_name = field
            .map(|i| self.fields[i].name.clone())
            .unwrap_or_default();
        let mut members_read = 0;
        if let Some(members) = self.members(wb) {
            members_read = members.len();
            if let Some(ag) = &mut arbeitsgruppe {
                ag.mitglieder = members;
            }
        }
        let befund = self.findings(wb).unwrap_or_default();
        let kennzahlen = self.key_figures(wb);
        let (mut ziele, goals) = self.goals(wb, &kurz, field);
        let (massnahmen, measures) = self.measures(wb, &kurz, &feld_name);
        for z in &mut ziele {
            z.massnahmen = massnahmen
                .iter()
                .filter(|m| m.ziele.contains(&z.nr))
                .map(|m| m.nr.clone())
                .collect();
        }
        let empfehlungen = self.recommendations(wb);
        let data = GroupData {
            arbeitsgruppe,
            befund,
            kennzahlen,
            ziele,
            massnahmen,
            empfehlungen,
            members_read,
            refs: References { goals, measures },
        };
        (field, data)
    }

    /// The Arbeitsgruppe sheet: the field the workbook is for (if it names a
    /// configured one) and the group's name, lead and date.
    fn group_sheet(&mut self, wb: &Workbook) -> (Option<usize>, Option<Arbeitsgruppe>) {
        let Some(sheet) = wb.required_sheet(&schema::ARBEITSGRUPPE.names(), self.diags) else {
            return (None, None);
        };
        let kv = self.key_values(&wb.file, sheet);
        let mut field = None;
        if let Some((v, loc)) = kv.get("feld") {
            field = self.resolve_field(v);
            if field.is_none() {
                let hint = self.field_hint(v);
                self.diags
                    .error(
                        loc.clone(),
                        format!("Handlungsfeld „{}“ ist nicht konfiguriert", shorten(v)),
                    )
                    .hint = Some(hint);
            }
        }
        let text = |k: &str| kv.get(k).map(|(v, _)| v.clone());
        let stand = kv.get("stand").and_then(|(v, loc)| {
            match values::parse_date(&CellValue::Text(v.clone())) {
                Ok(d) => Some(Datum::of(&d)),
                Err(r) => {
                    self.diags
                        .error(
                            loc.clone(),
                            invalid("Stand", &CellValue::Text(v.clone()), &r.expected),
                        )
                        .hint = r.hint;
                    None
                }
            }
        });
        let arbeitsgruppe = match (text("bezeichnung"), text("leitung")) {
            (Some(bezeichnung), Some(leitung)) => Some(Arbeitsgruppe {
                bezeichnung,
                leitung,
                stand,
                mitglieder: vec![],
            }),
            _ => None,
        };
        (field, arbeitsgruppe)
    }

    /// The Mitglieder sheet, if there is one.
    fn members(&mut self, wb: &Workbook) -> Option<Vec<Mitglied>> {
        let table = self.table(wb, &schema::MITGLIEDER, false)?;
        let mut members = Vec::new();
        for row in table.rows() {
            let name = self.req_text(&row, "name", "Name");
            let institution = self.req_text(&row, "institution", "Institution");
            if let (Some(name), Some(institution)) = (name, institution) {
                members.push(Mitglied {
                    name,
                    institution,
                    funktion: row.text("funktion"),
                });
            }
        }
        Some(members)
    }

    /// The Befund sheet, if there is one.
    fn findings(&mut self, wb: &Workbook) -> Option<Befund> {
        let table = self.table(wb, &schema::BEFUND, false)?;
        let mut parts: BTreeMap<usize, String> = BTreeMap::new();
        for row in table.rows() {
            let Some(abschnitt) = self.req_text(&row, "abschnitt", "Abschnitt") else {
                continue;
            };
            let Some(text) = self.req_text(&row, "text", "Text") else {
                continue;
            };
            match schema::BEFUND_SECTIONS
                .iter()
                .position(|s| normalize(s) == normalize(&abschnitt))
            {
                Some(i) => {
                    let e = parts.entry(i).or_default();
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
                        .hint = did_you_mean(&abschnitt, schema::BEFUND_SECTIONS.iter().copied())
                        .or_else(|| {
                            Some(format!(
                                "bekannte Abschnitte: {}",
                                schema::BEFUND_SECTIONS.join(", ")
                            ))
                        });
                }
            }
        }
        let get = |i: usize| {
            parts
                .get(&i)
                .map(|s| markdown::parse(s))
                .filter(|r: &RichText| !r.is_empty())
        };
        Some(Befund {
            ausgangslage: get(0),
            handlungsbedarf: get(1),
            staerken: get(2),
        })
    }

    /// The Ausgangslage sheet (Kennzahlen).
    fn key_figures(&mut self, wb: &Workbook) -> Vec<Kennzahl> {
        let mut out = Vec::new();
        let Some(table) = self.table(wb, &schema::KENNZAHLEN, false) else {
            return out;
        };
        for row in table.rows() {
            let kennzahl = self.req_text(&row, "kennzahl", "Kennzahl");
            let wert = self.req(&row, "wert", "Wert", values::parse_number);
            let jahr = self.req(&row, "jahr", "Jahr", values::parse_year);
            let (Some(kennzahl), Some(wert), Some(jahr)) = (kennzahl, wert, jahr) else {
                continue;
            };
            let mut einheit = row.text("einheit");
            let pct = is_percent_unit(einheit.as_deref()) || wert.percent;
            if einheit.is_none() && pct {
                einheit = Some("%".into());
            }
            let wert = fix_fraction(wert, pct, row.sheet);
            out.push(Kennzahl {
                kennzahl,
                wert: zahl(wert, pct),
                einheit,
                jahr,
                quelle: row.text("quelle"),
            });
        }
        out
    }

    /// The Ziele sheet, with the numbers of its goals (`B1`, …).
    fn goals(
        &mut self,
        wb: &Workbook,
        kurz: &str,
        field: Option<usize>,
    ) -> (Vec<Ziel>, Vec<String>) {
        let mut out = Vec::new();
        let mut goal_rows: HashMap<String, Location> = HashMap::new();
        let Some(table) = self.table(wb, &schema::ZIELE, true) else {
            return (out, vec![]);
        };
        for row in table.rows() {
            let nr = self.req_text(&row, "nr", "Nr").map(|n| number_id(&n, kurz));
            let ziel = self.req_text(&row, "ziel", "Ziel");
            let indikator = row.text("indikator");
            let aus = self.opt(&row, "ausgangswert", "Ausgangswert", values::parse_number);
            let soll = self.opt(&row, "zielwert", "Zielwert", values::parse_number);
            let basisjahr = self.opt(&row, "basisjahr", "Basisjahr", values::parse_year);
            let zieljahr = self.opt(&row, "zieljahr", "Zieljahr", values::parse_year);
            let mut einheit = row.text("einheit");
            let pct = is_percent_unit(einheit.as_deref())
                || aus.is_some_and(|n| n.percent)
                || soll.is_some_and(|n| n.percent);
            if einheit.is_none() && pct {
                einheit = Some("%".into());
            }
            let aus = aus.map(|n| fix_fraction(n, pct, row.sheet));
            let soll = soll.map(|n| fix_fraction(n, pct, row.sheet));
            if pct {
                for (key, column, v) in [
                    ("ausgangswert", "Ausgangswert", aus),
                    ("zielwert", "Zielwert", soll),
                ] {
                    if let Some(v) = v {
                        if !(0.0..=100.0).contains(&v.value) {
                            self.diags
                                .error(
                                    row.loc(key),
                                    format!(
                                        "{column} {} % liegt außerhalb von 0–100 %",
                                        values::format_number(v.value, 4)
                                    ),
                                )
                                .hint = Some("einen Prozentwert zwischen 0 und 100 eintragen oder die Einheit korrigieren".into());
                        }
                    }
                }
            }
            if soll.is_some() && indikator.is_none() {
                self.diags
                    .warning(
                        row.loc("zielwert"),
                        "Zielwert ohne Indikator: woran wird der Zielwert gemessen?",
                    )
                    .hint = Some("in der Spalte „Indikator“ angeben, was gemessen wird".into());
            }
            let oberziel = self.top_goal_of(&row, field);
            let (prioritaet, punkte) = self.priority_of(&row);
            let themen = self.themes_of(&row);
            let (Some(nr), Some(ziel)) = (nr, ziel) else {
                continue;
            };
            if let Some(first) = goal_rows.get(&nr) {
                self.diags
                    .error(
                        row.loc("nr"),
                        format!(
                            "die Zielnummer „{nr}“ ist doppelt vergeben (zuerst in {})",
                            first.cell.clone().unwrap_or_default()
                        ),
                    )
                    .hint = Some("jedem Ziel eine eigene Nummer geben".into());
                continue;
            }
            goal_rows.insert(nr.clone(), row.loc("nr"));
            let verlauf = progression(
                aus.map(|v| zahl(v, pct)).as_ref(),
                soll.map(|v| zahl(v, pct)).as_ref(),
                einheit.as_deref(),
            );
            out.push(Ziel {
                nr,
                ziel,
                indikator,
                quelle: row.text("quelle"),
                ausgangswert: aus.map(|v| zahl(v, pct)),
                basisjahr,
                zielwert: soll.map(|v| zahl(v, pct)),
                einheit,
                zieljahr,
                massnahmen: vec![],
                verlauf,
                oberziel,
                prioritaet,
                prioritaet_text: super::priorities::goal_text(punkte.as_ref()),
                themen,
            });
        }
        (out, goal_rows.into_keys().collect())
    }

    /// The Maßnahmen sheet, with the references of every row.
    fn measures(
        &mut self,
        wb: &Workbook,
        kurz: &str,
        feld_name: &str,
    ) -> (Vec<Massnahme>, Vec<MeasureRefs>) {
        let mut out = Vec::new();
        let mut refs = Vec::new();
        let mut measure_rows: HashMap<String, Location> = HashMap::new();
        let Some(table) = self.table(wb, &schema::MASSNAHMEN, true) else {
            return (out, refs);
        };
        for row in table.rows() {
            let nr = self.req_text(&row, "nr", "Nr").map(|n| number_id(&n, kurz));
            let titel = self.req_text(&row, "titel", "Maßnahme");
            let federfuehrung = self.req_text(&row, "federfuehrung", "Federführung");
            let lz_start = self.laufzeit.0;
            let beginn = self.opt(&row, "beginn", "Beginn", |c| {
                values::parse_begin(c, lz_start)
            });
            let ende = self.opt(&row, "ende", "Ende", values::parse_end_date);
            let kosten = self.opt(&row, "kosten", "Kosten", values::parse_cost);
            // An invalid Beginn or Ende is one error; the measure's costs
            // then count in no year, so no budget warning follows from it.
            let mut period_ok = (beginn.is_some() || row.get("beginn").is_empty())
                && (ende.is_some() || row.get("ende").is_empty());
            let (prioritaet, punkte) = self.priority_of(&row);
            let status = self.opt(&row, "status", "Status", values::parse_status);
            // Columns added later: a value they cannot read is a warning (an older
            // workbook may use the header for something else).
            let stellen = self.lenient(&row, "stellen", "Stellen (VZÄ)", super::staff::parse_staff);
            let kosten_grob = self
                .lenient(
                    &row,
                    "schaetzung",
                    "Grobe Kostenschätzung",
                    super::staff::parse_yes_no,
                )
                .unwrap_or(false);
            let art = self.lenient(&row, "art", "Art", super::staff::parse_kind);
            let ziele: Vec<String> = row
                .text("ziel")
                .map(|z| {
                    values::parse_list(&z)
                        .iter()
                        .map(|n| number_id(n, kurz))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(b) = &beginn {
                self.check_date_in_laufzeit(&row, "beginn", "Beginn", b);
                if let Some(e) = &ende {
                    period_ok &= self.check_order(&row, b, e);
                }
            }
            if let Some(EndDate::Date(e)) = &ende {
                self.check_date_in_laufzeit(&row, "ende", "Ende", e);
            }
            let partner: Vec<String> = row
                .text("partner")
                .map(|p| values::parse_list(&p))
                .unwrap_or_default();
            refs.push(MeasureRefs {
                ziele: ziele.clone(),
                ziele_loc: row.loc("ziel"),
                federfuehrung: federfuehrung.clone(),
                federfuehrung_loc: row.loc("federfuehrung"),
                partner: partner.clone(),
                partner_loc: row.loc("partner"),
            });
            let themen = self.themes_of(&row);
            let (Some(nr), Some(titel), Some(federfuehrung)) = (nr, titel, federfuehrung) else {
                continue;
            };
            if let Some(first) = measure_rows.get(&nr) {
                self.diags
                    .error(
                        row.loc("nr"),
                        format!(
                            "die Maßnahmennummer „{nr}“ ist doppelt vergeben (zuerst in {})",
                            first.cell.clone().unwrap_or_default()
                        ),
                    )
                    .hint = Some("jeder Maßnahme eine eigene Nummer geben".into());
                continue;
            }
            measure_rows.insert(nr.clone(), row.loc("nr"));
            let (first, last) = costs::period(beginn.as_ref(), ende.as_ref(), self.laufzeit);
            let (achse_von, achse_bis) = self.axis(first, last);
            let kosten_verteilung = match (&kosten, period_ok) {
                (Some(k), true) => costs::allocate_cost(k, first, last),
                _ => vec![],
            };
            let kosten_geld = kosten.as_ref().map(|k| Geld {
                text: k.display(),
                ..Geld::of(match k.per {
                    values::Per::Total => k.amount,
                    _ => kosten_verteilung.iter().map(|(_, m)| *m).sum(),
                })
            });
            out.push(Massnahme {
                nr,
                feld: feld_name.to_string(),
                feld_kurz: kurz.to_string(),
                ziele,
                titel,
                beschreibung: row.text("beschreibung"),
                zielgruppe: row.text("zielgruppe"),
                federfuehrung,
                partner,
                zeitraum: period_text(beginn.as_ref(), ende.as_ref()),
                beginn: beginn.as_ref().map(Datum::of),
                ende: ende.as_ref().map(Datum::end),
                kosten: match kosten_geld {
                    Some(k) if kosten_grob => super::staff::estimated(k),
                    Some(k) => k,
                    None => Geld::opt(None),
                },
                kosten_turnus: kosten.as_ref().and_then(|k| k.turnus()),
                kosten_verteilung,
                finanzierung: row.text("finanzierung"),
                prioritaet,
                prioritaet_text: None,
                punkte,
                status,
                themen,
                orte: row
                    .text("ort")
                    .map(|o| values::parse_list(&o))
                    .unwrap_or_default(),
                stellen,
                kosten_grob,
                art,
                achse_von,
                achse_bis,
                periode: (first, last),
            });
        }
        (out, refs)
    }

    /// The Empfehlungen sheet.
    fn recommendations(&mut self, wb: &Workbook) -> Vec<Empfehlung> {
        let mut out = Vec::new();
        let Some(table) = self.table(wb, &schema::EMPFEHLUNGEN, false) else {
            return out;
        };
        for row in table.rows() {
            let nr = self.req_text(&row, "nr", "Nr");
            let empfehlung = self.req_text(&row, "empfehlung", "Empfehlung");
            let prioritaet = self.recommendation_priority(&row);
            if let (Some(nr), Some(empfehlung)) = (nr, empfehlung) {
                out.push(Empfehlung {
                    nr,
                    empfehlung,
                    adressat: row.text("adressat"),
                    prioritaet,
                    prioritaet_text: None,
                });
            }
        }
        out
    }

    /// The key/value rows of the `Arbeitsgruppe` sheet: column A the key,
    /// column B the value (or the first two used columns).
    fn key_values(
        &mut self,
        file: &str,
        sheet: &Sheet,
    ) -> HashMap<&'static str, (String, Location)> {
        let cols = sheet.col_range();
        let key_col = cols
            .clone()
            .find(|&c| sheet.row_range().any(|r| !sheet.cell(r, c).is_empty()))
            .unwrap_or(cols.start);
        let mut out: HashMap<&'static str, (String, Location)> = HashMap::new();
        for r in sheet.row_range() {
            let key = sheet.cell(r, key_col);
            let value = sheet.cell(r, key_col + 1);
            if key.is_empty() {
                continue;
            }
            let k = key.display();
            let k_trim = k.trim_end_matches(':');
            match schema::AG_KEYS.iter().find(|c| {
                normalize(c.name) == normalize(k_trim)
                    || c.aliases.iter().any(|a| normalize(a) == normalize(k_trim))
            }) {
                Some(spec) => {
                    let loc = Location::cell(file, &sheet.name, r, key_col + 1);
                    if value.is_empty() {
                        if spec.required {
                            self.diags.error(loc, format!("{} fehlt", spec.name)).hint =
                                Some(format!(
                                    "in Spalte {} neben „{}“ eintragen",
                                    crate::diag::column_letters(key_col + 1),
                                    spec.name
                                ));
                        }
                        continue;
                    }
                    let v = match value {
                        CellValue::Date(d) => d.format("%d.%m.%Y").to_string(),
                        other => other.display(),
                    };
                    out.insert(spec.key, (v, loc));
                }
                None if !value.is_empty() => {
                    self.diags
                        .warning(
                            Location::cell(file, &sheet.name, r, key_col),
                            format!("unbekannter Eintrag „{}“ wird ignoriert", shorten(&k)),
                        )
                        .hint =
                        did_you_mean(&k, schema::AG_KEYS.iter().map(|c| c.name)).or_else(|| {
                            Some(format!(
                                "erwartet werden: {}",
                                schema::AG_KEYS
                                    .iter()
                                    .map(|c| c.name)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ))
                        });
                }
                None => {} // a title row
            }
        }
        for spec in schema::AG_KEYS.iter().filter(|c| c.required) {
            let present = sheet.row_range().any(|r| {
                let k = sheet.cell(r, key_col).display();
                let k = k.trim_end_matches(':');
                normalize(spec.name) == normalize(k)
                    || spec.aliases.iter().any(|a| normalize(a) == normalize(k))
            });
            if !present {
                self.diags
                    .error(
                        Location::sheet(file, &sheet.name),
                        format!("der Eintrag „{}“ fehlt", spec.name),
                    )
                    .hint = Some(format!(
                    "eine Zeile mit „{}“ in Spalte A und dem Wert in Spalte B ergänzen",
                    spec.name
                ));
            }
        }
        out
    }
}

/// The field's section of the document, from its workbook's content (or
/// empty if no workbook was found).
pub(super) fn field(
    i: usize,
    abschnitt: &str,
    f: &Handlungsfeld,
    datei: Option<String>,
    data: GroupData,
) -> Feld {
    let massnahmen = data.massnahmen;
    let zaehlung = FeldZaehlung {
        ziele: data.ziele.len(),
        massnahmen: massnahmen.len(),
        empfehlungen: data.empfehlungen.len(),
        mitglieder: data
            .arbeitsgruppe
            .as_ref()
            .map_or(0, |a| a.mitglieder.len()),
        nach_prioritaet: count_priorities(massnahmen.iter().map(|m| m.prioritaet)),
        nach_status: count_statuses(massnahmen.iter().map(|m| m.status)),
    };
    Feld {
        index: i + 1,
        abschnitt: abschnitt.to_string(),
        name: f.name.clone(),
        kurz: f.kurz.clone(),
        bearbeitet: datei.is_some(),
        datei,
        arbeitsgruppe: data.arbeitsgruppe,
        befund: data.befund,
        kennzahlen: data.kennzahlen,
        ziele: data.ziele,
        massnahmen,
        empfehlungen: data.empfehlungen,
        kosten_je_jahr: vec![],
        kosten_summe: Geld::of(Money(0)),
        zaehlung,
    }
}

/// `1` in the field `B` → `B1`; `b 2` → `B2`; other numbers as given.
fn number_id(n: &str, kurz: &str) -> String {
    let compact: String = n.split_whitespace().collect();
    let compact = compact.trim_end_matches('.').to_string();
    if !kurz.is_empty()
        && !compact.is_empty()
        && compact.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return format!("{kurz}{compact}");
    }
    if compact.len() > kurz.len()
        && compact[..kurz.len()].eq_ignore_ascii_case(kurz)
        && compact.is_char_boundary(kurz.len())
    {
        return format!("{kurz}{}", &compact[kurz.len()..]);
    }
    compact
}

/// "17,5 % → 12 %", "250 → 400 Verfahren".
fn progression(aus: Option<&Zahl>, soll: Option<&Zahl>, einheit: Option<&str>) -> Option<String> {
    let unit = einheit
        .filter(|u| !is_percent_unit(Some(u)))
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    match (aus, soll) {
        (Some(a), Some(s)) => Some(format!("{} → {}{unit}", a.text, s.text)),
        (None, Some(s)) => Some(format!("→ {}{unit}", s.text)),
        (Some(a), None) => Some(format!("{}{unit}", a.text)),
        (None, None) => None,
    }
}

/// "2026–2028", "03/2026 – 12/2027", "ab 2026", "2026 – fortlaufend".
fn period_text(beginn: Option<&DateValue>, ende: Option<&EndDate>) -> String {
    use values::Precision::{Ongoing, Year};
    match (beginn, ende) {
        (Some(b), None | Some(EndDate::Open)) if b.precision == Ongoing => "laufend".into(),
        (Some(b), Some(EndDate::Date(e))) if b.precision == Ongoing => {
            format!("laufend bis {}", e.display())
        }
        (Some(b), Some(EndDate::Date(e))) if b.precision == Year && e.precision == Year => {
            if b.first.year() == e.first.year() {
                b.display()
            } else {
                format!("{}–{}", b.display(), e.display())
            }
        }
        (Some(b), Some(EndDate::Date(e))) => format!("{} – {}", b.display(), e.display()),
        (Some(b), Some(EndDate::Open)) => format!("ab {}, fortlaufend", b.display()),
        (Some(b), None) => format!("ab {}", b.display()),
        (None, Some(EndDate::Date(e))) => format!("bis {}", e.display()),
        (None, Some(EndDate::Open)) => "fortlaufend".into(),
        (None, None) => "–".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_ids() {
        assert_eq!(number_id("1", "B"), "B1");
        assert_eq!(number_id("b 2", "B"), "B2");
        assert_eq!(number_id("B3", "B"), "B3");
        assert_eq!(number_id("Z1", "B"), "Z1");
        assert_eq!(number_id("1.", "B"), "B1");
    }

    #[test]
    fn periods_as_text() {
        let y = |n| DateValue::year(n).unwrap();
        assert_eq!(
            period_text(Some(&y(2026)), Some(&EndDate::Date(y(2028)))),
            "2026–2028"
        );
        assert_eq!(
            period_text(Some(&y(2026)), Some(&EndDate::Open)),
            "ab 2026, fortlaufend"
        );
        assert_eq!(period_text(None, None), "–");
        let m = DateValue::month(2026, 3).unwrap();
        assert_eq!(
            period_text(Some(&m), Some(&EndDate::Date(y(2027)))),
            "03/2026 – 2027"
        );
    }
}
