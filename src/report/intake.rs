//! Reading a report round: the adopted concept (`snapshot.rs`), the
//! optional `bericht.toml` of the year and the returned status workbooks,
//! with the cell readers of the concept workbooks (`input::workbook`,
//! `input::values`). Every problem is a diagnostic at its cell; the run
//! goes on.

use super::{parse_status, snapshot, Status, FOLDER, INDICATOR_COLUMNS, MEASURE_COLUMNS};
use crate::diag::{did_you_mean, Diagnostics, Location};
use crate::input::normalize;
use crate::input::values::{parse_date, parse_money, parse_number, CellValue, DateValue, Money};
use crate::input::workbook::{read_workbook, Row, Sheet, Table};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One measure as a status workbook reports it.
#[derive(Debug, Clone)]
pub struct MeasureInput {
    pub nr: String,
    pub status: Option<Status>,
    pub stand: Option<DateValue>,
    pub verausgabt: Option<Money>,
    /// „Stellen besetzt (VZÄ)“.
    pub stellen_besetzt: Option<f64>,
    pub erlaeuterung: Option<String>,
    pub naechste_schritte: Option<String>,
}

/// A measured value of an indicator in one year.
#[derive(Debug, Clone)]
pub struct Measured {
    pub wert: f64,
    pub quelle: Option<String>,
}

/// One goal's indicator as a status workbook reports it: the measured
/// values per year.
#[derive(Debug, Clone, Default)]
pub struct IndicatorInput {
    pub nr: String,
    pub werte: BTreeMap<i32, Measured>,
}

/// What one field's status workbook holds (empty when it is missing).
#[derive(Debug, Clone, Default)]
pub struct FieldInput {
    pub kurz: String,
    pub datei: String,
    pub vorhanden: bool,
    pub massnahmen: Vec<MeasureInput>,
    pub indikatoren: Vec<IndicatorInput>,
}

/// The settings of a report year (`sachstand/JAHR/bericht.toml`, optional).
#[derive(Debug, Clone)]
pub struct Settings {
    /// The report date: no Stand may lie after it. Default: 31.12. of the year.
    pub stichtag: NaiveDate,
    /// The date of the Mitteilungsvorlage. Default: the Stichtag.
    pub datum: NaiveDate,
    /// The Vorlage-Nr. of the Mitteilungsvorlage.
    pub vorlage: Option<String>,
    /// Prints ENTWURF on every page.
    pub entwurf: bool,
}

/// A report round as read: what `konzept report check` reports and
/// `konzept report build` renders.
pub struct Round {
    pub root: PathBuf,
    pub jahr: i32,
    /// The adopted concept (serialised model).
    pub concept: Option<Value>,
    pub settings: Settings,
    pub felder: Vec<FieldInput>,
    /// The previous year's round, when there is one (for the changes).
    pub previous: Option<Vec<FieldInput>>,
    pub diagnostics: Diagnostics,
}

/// The folder of a round.
pub(super) fn round_dir(root: &Path, jahr: i32) -> PathBuf {
    root.join(FOLDER).join(jahr.to_string())
}

/// The path of a round's file as messages show it.
pub(super) fn shown(jahr: i32, file: &str) -> String {
    format!("{FOLDER}/{jahr}/{file}")
}

/// Reads and checks the round of `jahr` in the project `root`.
pub fn check(root: &Path, jahr: i32) -> Round {
    let mut diags = Diagnostics::new();
    let concept = snapshot::read(root, &mut diags);
    let settings = read_settings(root, jahr, &mut diags);
    let mut round = Round {
        root: root.to_path_buf(),
        jahr,
        concept: None,
        settings,
        felder: Vec::new(),
        previous: None,
        diagnostics: Diagnostics::new(),
    };
    let Some(concept) = concept else {
        round.diagnostics = diags;
        return round;
    };
    if !round_dir(root, jahr).is_dir() {
        diags
            .error(
                Location::file(format!("{FOLDER}/{jahr}")),
                format!("für {jahr} gibt es noch keine Sachstandsmappen"),
            )
            .hint = Some(format!(
            "die Mappen mit `konzept report new --jahr {jahr}` anlegen und an die Arbeitsgruppen geben"
        ));
    } else {
        round.felder = read_round(root, jahr, &concept, round.settings.stichtag, &mut diags);
    }
    let prev = jahr - 1;
    if round_dir(root, prev).is_dir() {
        // Problems of last year's round were reported last year.
        let end = NaiveDate::from_ymd_opt(prev, 12, 31).expect("valid date");
        round.previous = Some(read_round(
            root,
            prev,
            &concept,
            end,
            &mut Diagnostics::new(),
        ));
    }
    round.concept = Some(concept);
    round.diagnostics = diags;
    round
}

/// The measures of the adopted concept: Nr → field letter.
fn measure_fields(concept: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in concept["felder"].as_array().into_iter().flatten() {
        for m in f["massnahmen"].as_array().into_iter().flatten() {
            out.insert(text(&m["nr"]), text(&f["kurz"]));
        }
    }
    out
}

pub(super) fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// Reads every field's status workbook of a round.
pub(super) fn read_round(
    root: &Path,
    jahr: i32,
    concept: &Value,
    stichtag: NaiveDate,
    diags: &mut Diagnostics,
) -> Vec<FieldInput> {
    let all = measure_fields(concept);
    let lz = super::staff::laufzeit(concept);
    concept["felder"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|field| read_field(root, (jahr, lz), field, &all, stichtag, diags))
        .collect()
}

/// `year`: the report year and the concept's Laufzeit (for the Stellen a
/// measure plans in the year).
fn read_field(
    root: &Path,
    year: (i32, (i32, i32)),
    field: &Value,
    all: &BTreeMap<String, String>,
    stichtag: NaiveDate,
    diags: &mut Diagnostics,
) -> FieldInput {
    let (jahr, lz) = year;
    let kurz = text(&field["kurz"]);
    let name = super::workbook_name(&kurz);
    let datei = shown(jahr, &name);
    let mut out = FieldInput {
        kurz: kurz.clone(),
        datei: datei.clone(),
        ..FieldInput::default()
    };
    let path = round_dir(root, jahr).join(&name);
    if !path.is_file() {
        diags
            .warning(
                Location::file(&datei),
                format!(
                    "die Sachstandsmappe für „{}“ fehlt; seine Maßnahmen erscheinen im Bericht ohne Sachstand",
                    text(&field["name"])
                ),
            )
            .hint = Some(format!(
            "die ausgefüllte Mappe der Arbeitsgruppe unter diesem Namen in den Ordner {FOLDER}/{jahr}/ legen"
        ));
        return out;
    }
    let wb = match read_workbook(&path, &datei) {
        Ok(wb) => wb,
        Err(d) => {
            diags.push(*d);
            return out;
        }
    };
    out.vorhanden = true;
    if let Some(sheet) = wb.required_sheet(&[super::SHEET_MEASURES], diags) {
        let staff: BTreeMap<String, f64> = field["massnahmen"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| Some((text(&m["nr"]), super::staff::planned(m, jahr, lz)?)))
            .collect();
        let plan = Plan {
            field,
            all,
            staff: &staff,
            jahr,
            stichtag,
        };
        out.massnahmen = read_measures(&datei, sheet, &plan, diags);
    }
    if let Some(sheet) = wb.sheet(&[super::SHEET_INDICATORS]) {
        out.indikatoren = read_indicators(&datei, sheet, field, jahr, diags);
    }
    out
}

/// What a field's Maßnahmen sheet is checked against.
struct Plan<'a> {
    field: &'a Value,
    /// Every measure of the concept: Nr → field letter.
    all: &'a BTreeMap<String, String>,
    /// The Stellen each measure of the field plans for the report year.
    staff: &'a BTreeMap<String, f64>,
    jahr: i32,
    stichtag: NaiveDate,
}

fn read_measures(
    datei: &str,
    sheet: &Sheet,
    plan: &Plan,
    diags: &mut Diagnostics,
) -> Vec<MeasureInput> {
    let Some(table) = Table::read(datei, sheet, MEASURE_COLUMNS, diags) else {
        return Vec::new();
    };
    let (field, all) = (plan.field, plan.all);
    let kurz = text(&field["kurz"]);
    let planned: BTreeMap<String, (String, Option<i64>)> = field["massnahmen"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            (
                text(&m["nr"]),
                (text(&m["titel"]), m["kosten"]["cent"].as_i64()),
            )
        })
        .collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for row in table.rows() {
        let Some(nr) = row.text("nr").map(|t| t.trim().to_string()) else {
            diags.error(row.loc("nr"), "die Nr der Maßnahme fehlt").hint = Some(
                "die Zeilen der Maßnahmen nicht verändern; eine ganz leere Zeile wird übersprungen"
                    .into(),
            );
            continue;
        };
        let key = planned
            .keys()
            .find(|k| normalize(k) == normalize(&nr))
            .cloned();
        let Some(key) = key else {
            let msg = match all.iter().find(|(k, _)| normalize(k) == normalize(&nr)) {
                Some((_, other)) => format!(
                    "die Maßnahme „{nr}“ gehört zum Handlungsfeld {other}, nicht zu {kurz}; ihr Sachstand gehört in die Mappe dieses Feldes"
                ),
                None => format!("eine Maßnahme „{nr}“ hat das beschlossene Konzept nicht"),
            };
            let hint = did_you_mean(&nr, planned.keys().map(String::as_str)).unwrap_or_else(|| {
                "nur die vorausgefüllten Maßnahmen des beschlossenen Konzepts berichten; neue Maßnahmen kommen mit der Fortschreibung".into()
            });
            diags.error(row.loc("nr"), msg).hint = Some(hint);
            continue;
        };
        if !seen.insert(key.clone()) {
            diags
                .error(
                    row.loc("nr"),
                    format!("die Maßnahme {key} steht zweimal in der Mappe"),
                )
                .hint = Some("eine der beiden Zeilen löschen".into());
            continue;
        }
        let (titel, kosten) = &planned[&key];
        let stellen = plan.staff.get(&key).copied();
        let mut m = measure_row(&row, key, titel, *kosten, plan.stichtag, diags);
        m.stellen_besetzt = staff_cell(&row, &m, stellen, plan.jahr, diags);
        out.push(m);
    }
    for (nr, (titel, _)) in planned.iter().filter(|(k, _)| !seen.contains(*k)) {
        diags
            .warning(
                Location::sheet(datei, &sheet.name),
                format!("Maßnahme {nr} „{titel}“ fehlt in der Mappe; sie erscheint im Bericht ohne Sachstand"),
            )
            .hint = Some(format!("die Zeile der Maßnahme {nr} wieder einfügen (aus einer frischen Sachstandsmappe: bei der Koordination erhältlich oder von ihr mit `konzept report new` erstellt) und ihren Stand eintragen"));
    }
    out
}

/// „Stellen besetzt (VZÄ)“ of a measure's row: a number (else an error at
/// the cell); more than the measure plans for the year, without an
/// Erläuterung, is a warning at the cell.
fn staff_cell(
    row: &Row,
    m: &MeasureInput,
    planned: Option<f64>,
    jahr: i32,
    diags: &mut Diagnostics,
) -> Option<f64> {
    let cell = row.get("stellen_besetzt");
    if cell.is_empty() {
        return None;
    }
    let filled = match super::staff::parse(cell) {
        Ok(v) => v,
        Err(e) => {
            diags
                .error(
                    row.loc("stellen_besetzt"),
                    invalid("Stellen besetzt (VZÄ)", cell, &e.expected),
                )
                .hint = e.hint;
            return None;
        }
    };
    let plan = planned.unwrap_or(0.0);
    if filled > plan + 1e-9 && m.erlaeuterung.is_none() {
        let vzae = super::staff::vzae;
        let msg = if plan > 0.0 {
            format!(
                "Maßnahme {}: {} Stellen (VZÄ) besetzt, geplant sind für {jahr} {}",
                m.nr,
                vzae(filled),
                vzae(plan)
            )
        } else {
            format!(
                "Maßnahme {}: {} Stellen (VZÄ) besetzt, das Konzept plant für {jahr} keine Stellen für sie",
                m.nr,
                vzae(filled)
            )
        };
        diags.warning(row.loc("stellen_besetzt"), msg).hint = Some(
            "den Wert prüfen (die zum Stichtag besetzten Vollzeitstellen der Maßnahme) oder in der Spalte „Erläuterung“ begründen".into(),
        );
    }
    Some(filled)
}

/// The values of one measure's row: Status, Stand, Mittel verausgabt,
/// Erläuterung and Nächste Schritte, each checked at its cell.
fn measure_row(
    row: &Row,
    key: String,
    titel: &str,
    kosten: Option<i64>,
    stichtag: NaiveDate,
    diags: &mut Diagnostics,
) -> MeasureInput {
    let status = match row.get("status") {
        v if v.is_empty() => {
            diags
                .warning(
                    row.loc("status"),
                    format!("Maßnahme {key} „{titel}“ hat keinen Status"),
                )
                .hint =
                Some("in der Spalte „Status“ einen Eintrag aus der Auswahlliste wählen".into());
            None
        }
        v => match parse_status(v) {
            Ok(s) => Some(s),
            Err(e) => {
                diags
                    .error(row.loc("status"), invalid("Status", v, &e.expected))
                    .hint = e.hint;
                None
            }
        },
    };
    let stand = match row.get("stand") {
        v if v.is_empty() => None,
        v => {
            match parse_date(v) {
                Ok(d) if d.first > stichtag => {
                    diags
                    .error(
                        row.loc("stand"),
                        format!(
                            "Stand „{}“ liegt nach dem Stichtag des Berichts ({})",
                            d.display(),
                            stichtag.format("%d.%m.%Y")
                        ),
                    )
                    .hint = Some("das Datum prüfen: der Stand beschreibt, wie weit die Maßnahme am Stichtag war".into());
                    None
                }
                Ok(d) => Some(d),
                Err(e) => {
                    diags
                        .error(row.loc("stand"), invalid("Stand", v, &e.expected))
                        .hint = e.hint;
                    None
                }
            }
        }
    };
    let verausgabt = match row.get("verausgabt") {
        v if v.is_empty() => None,
        v => match parse_money(v) {
            Ok(m) => Some(m),
            Err(e) => {
                diags
                    .error(
                        row.loc("verausgabt"),
                        invalid("Mittel verausgabt", v, &e.expected),
                    )
                    .hint = e.hint;
                None
            }
        },
    };
    let erlaeuterung = row.text("erlaeuterung");
    if let (Some(s), None) = (status, &erlaeuterung) {
        if s.needs_reason() {
            diags
                .error(
                    row.loc("erlaeuterung"),
                    format!(
                        "Maßnahme {key} ist „{}“, aber die Erläuterung fehlt",
                        s.label()
                    ),
                )
                .hint = Some("kurz den Grund eintragen: der Bericht nennt ihn dem Rat".into());
        }
    }
    if let (Some(spent), Some(plan), None) = (verausgabt, kosten, &erlaeuterung) {
        // More than 10 % above the plan: spent * 10 > plan * 11.
        if spent.0 as i128 * 10 > plan as i128 * 11 {
            diags
                .warning(
                    row.loc("verausgabt"),
                    format!(
                        "Maßnahme {key}: verausgabt {} liegt mehr als 10 % über den geplanten {}",
                        spent.display(),
                        Money(plan).display()
                    ),
                )
                .hint = Some("den Betrag prüfen oder in der Spalte „Erläuterung“ begründen".into());
        }
    }
    MeasureInput {
        nr: key,
        status,
        stand,
        verausgabt,
        stellen_besetzt: None,
        erlaeuterung,
        naechste_schritte: row.text("naechste_schritte"),
    }
}

fn invalid(column: &str, value: &CellValue, expected: &str) -> String {
    let mut shown = value.display().replace('\n', " ");
    if shown.chars().count() > 80 {
        shown = format!("{}…", shown.chars().take(80).collect::<String>());
    }
    format!("{column}: „{shown}“ ist ungültig; erwartet: {expected}")
}

/// The year of a header „Ist 2027“ / „Quelle 2027“.
fn year_column(header: &str, word: &str) -> Option<i32> {
    let n = normalize(header);
    let rest = n.strip_prefix(word)?;
    let y: i32 = rest.parse().ok()?;
    (1990..=2100).contains(&y).then_some(y)
}

/// The Indikatoren sheet: the fixed columns (found by their names like any
/// table) and two columns per year, „Ist JJJJ“ and „Quelle JJJJ“.
fn read_indicators(
    datei: &str,
    sheet: &Sheet,
    field: &Value,
    jahr: i32,
    diags: &mut Diagnostics,
) -> Vec<IndicatorInput> {
    let goals: Vec<String> = field["ziele"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|z| text(&z["nr"]))
        .collect();
    let nr_names: Vec<String> = std::iter::once(INDICATOR_COLUMNS[0].name)
        .chain(INDICATOR_COLUMNS[0].aliases.iter().copied())
        .map(normalize)
        .collect();
    let rows = sheet.row_range();
    let header = (rows.start..rows.end.min(rows.start + 20)).find(|&r| {
        sheet
            .col_range()
            .any(|c| nr_names.contains(&normalize(&sheet.cell(r, c).display())))
    });
    let Some(header) = header else {
        diags
            .error(
                Location::sheet(datei, &sheet.name),
                "im Blatt fehlt die Kopfzeile mit der Spalte „Ziel“",
            )
            .hint = Some(
            "die Kopfzeile aus einer frischen Sachstandsmappe übernehmen (bei der Koordination erhältlich oder von ihr mit `konzept report new` erstellt)".into(),
        );
        return Vec::new();
    };
    let mut nr_col = None;
    let mut ist = BTreeMap::new();
    let mut quelle = BTreeMap::new();
    for c in sheet.col_range() {
        let h = sheet.cell(header, c).display();
        if nr_col.is_none() && nr_names.contains(&normalize(&h)) {
            nr_col = Some(c);
        } else if let Some(y) = year_column(&h, "ist") {
            ist.insert(y, c);
        } else if let Some(y) = year_column(&h, "quelle") {
            quelle.insert(y, c);
        }
    }
    let nr_col = nr_col.expect("header row has the column");
    let mut out = Vec::new();
    for r in header + 1..rows.end {
        let nr_cell = sheet.cell(r, nr_col);
        if nr_cell.is_empty() {
            continue;
        }
        let nr = nr_cell.display().trim().to_string();
        let Some(goal) = goals.iter().find(|g| normalize(g) == normalize(&nr)) else {
            diags
                .error(
                    Location::cell(datei, &sheet.name, r, nr_col),
                    format!(
                        "ein Ziel „{nr}“ hat dieses Handlungsfeld im beschlossenen Konzept nicht"
                    ),
                )
                .hint = did_you_mean(&nr, goals.iter().map(String::as_str));
            continue;
        };
        let mut ind = IndicatorInput {
            nr: goal.clone(),
            werte: BTreeMap::new(),
        };
        for (&y, &c) in ist.range(..=jahr) {
            let cell = sheet.cell(r, c);
            if cell.is_empty() {
                continue;
            }
            match parse_number(cell) {
                Ok(n) => {
                    let wert = match cell {
                        // A percent-formatted cell stores the fraction.
                        CellValue::Percent(p) => p * 100.0,
                        _ => n.value,
                    };
                    let q = quelle
                        .get(&y)
                        .map(|&qc| sheet.cell(r, qc))
                        .filter(|v| !v.is_empty());
                    ind.werte.insert(
                        y,
                        Measured {
                            wert,
                            quelle: q.map(|v| v.display().trim().to_string()),
                        },
                    );
                }
                Err(e) => {
                    diags
                        .error(
                            Location::cell(datei, &sheet.name, r, c),
                            invalid(&format!("Ist {y}"), cell, &e.expected),
                        )
                        .hint = e.hint;
                }
            }
        }
        out.push(ind);
    }
    out
}

/// Reads `sachstand/JAHR/bericht.toml` if it exists.
fn read_settings(root: &Path, jahr: i32, diags: &mut Diagnostics) -> Settings {
    let end = NaiveDate::from_ymd_opt(jahr, 12, 31).unwrap_or_default();
    let mut s = Settings {
        stichtag: end,
        datum: end,
        vorlage: None,
        entwurf: false,
    };
    let file = shown(jahr, "bericht.toml");
    let Ok(src) = std::fs::read_to_string(round_dir(root, jahr).join("bericht.toml")) else {
        return s;
    };
    let table: toml::Table = match src.parse() {
        Ok(t) => t,
        Err(e) => {
            let line = e.span().map_or(1, |sp| {
                src[..sp.start.min(src.len())].lines().count().max(1)
            });
            diags
                .error(
                    Location::line(&file, line),
                    "die Zeile ist kein gültiger Eintrag der Form schluessel = wert",
                )
                .hint =
                Some("Beispiel: stichtag = 2028-12-31, vorlage = \"Drucksache 2029/0042\"".into());
            return s;
        }
    };
    let mut datum = None;
    for (key, value) in &table {
        let loc = Location::file(&file);
        let date = || match value {
            toml::Value::Datetime(d) => d
                .date
                .and_then(|d| NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)),
            _ => None,
        };
        match key.as_str() {
            "stichtag" | "datum" => match date() {
                Some(d) if key == "stichtag" => s.stichtag = d,
                Some(d) => datum = Some(d),
                None => {
                    diags.error(loc, format!("`{key}` ist kein Datum")).hint =
                        Some(format!("als TOML-Datum schreiben: {key} = {jahr}-12-31"));
                }
            },
            "vorlage" => match value.as_str() {
                Some(t) => s.vorlage = Some(t.to_string()),
                None => {
                    diags.error(loc, "`vorlage` ist kein Text").hint = Some(
                        "in Anführungszeichen schreiben: vorlage = \"Drucksache 2029/0042\"".into(),
                    );
                }
            },
            "entwurf" => match value.as_bool() {
                Some(b) => s.entwurf = b,
                None => {
                    diags.error(loc, "`entwurf` ist weder true noch false").hint =
                        Some("entwurf = true druckt ENTWURF auf jede Seite".into());
                }
            },
            other => {
                diags
                    .error(loc, format!("unbekannter Schlüssel `{other}`"))
                    .hint = Some(
                    did_you_mean(other, ["stichtag", "datum", "vorlage", "entwurf"])
                        .unwrap_or_else(|| {
                            "bekannt sind: stichtag, datum, vorlage, entwurf".into()
                        }),
                );
            }
        }
    }
    s.datum = datum.unwrap_or(s.stichtag);
    s
}
