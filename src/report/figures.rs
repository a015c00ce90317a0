//! The figures of a report round, computed once from the adopted concept and
//! the returned status workbooks: the `sachstand` part of the report model
//! that the Sachstandsbericht, its charts and the Mitteilungsvorlage all
//! print, so that every document shows the same amounts to the cent.

use super::intake::{text, FieldInput, MeasureInput, Round};
use super::staff::{self, Stellen};
use super::Status;
use crate::input::values::{format_number, Money};
use crate::model::{Geld, Tag};
use serde::Serialize;
use serde_json::Value;

/// The `sachstand` part of the report model.
#[derive(Debug, Clone, Serialize)]
pub struct Sachstand {
    pub jahr: i32,
    pub vorjahr: Option<i32>,
    pub stichtag: Tag,
    pub titel: String,
    pub dateiname: String,
    /// The five statuses in order with their mark and count over all fields
    /// („ohne Angabe“ last, when there are measures without a status).
    pub status: Vec<StatusZahl>,
    pub anzahl: usize,
    pub anzahl_felder: usize,
    pub anteil_umgesetzt: String,
    /// The status columns' headers: mark and word (before two words joined
    /// to the first by a no-break space).
    pub status_kopf: Vec<String>,
    pub felder: Vec<FeldStand>,
    pub summe: Budget,
    pub indikatoren: Vec<Indikator>,
    /// Whether some indicator has no measured value yet.
    pub ohne_messung: bool,
    pub aenderungen: Aenderungen,
    pub diagramme: Diagramme,
    /// „Fortschritt je Oberziel“: empty when the concept has no Oberziele.
    pub oberziele: Vec<Fortschritt>,
    /// „Fortschritt je Querschnittsthema“: empty without themes.
    pub querschnittsthemen: Vec<Fortschritt>,
    /// „Stellen geplant / besetzt“ per field for the report year.
    pub stellen: Stellen,
}

/// The measures of an Oberziel or a cross-cutting theme by status.
#[derive(Debug, Clone, Serialize)]
pub struct Fortschritt {
    /// „OZ1 – Titel“ or the theme's name.
    pub name: String,
    /// Counts in the order of [`Sachstand::status`].
    pub zaehlung: Vec<usize>,
    pub anzahl: usize,
    pub anteil_umgesetzt: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusZahl {
    pub name: String,
    pub zeichen: String,
    pub anzahl: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    pub geplant: Geld,
    /// Planned for the years up to the report year.
    pub geplant_bis: Geld,
    pub verausgabt: Geld,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeldStand {
    pub name: String,
    pub kurz: String,
    pub datei: String,
    pub vorhanden: bool,
    /// Counts in the order of [`Sachstand::status`].
    pub zaehlung: Vec<usize>,
    pub anzahl: usize,
    pub budget: Budget,
    pub massnahmen: Vec<Eintrag>,
    /// Delayed and dropped measures, listed first with their reasons.
    pub auffaellig: Vec<Eintrag>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Eintrag {
    pub nr: String,
    pub titel: String,
    pub feld: String,
    pub federfuehrung: String,
    pub zeitraum: String,
    pub kosten: Value,
    pub status: String,
    pub zeichen: String,
    pub stand: String,
    pub verausgabt: Option<Geld>,
    /// Stellen (VZÄ) planned for the report year, as text; empty: none.
    pub stellen_geplant: String,
    /// Stellen (VZÄ) reported as filled, as text; empty: none reported.
    pub stellen_besetzt: String,
    /// Both for the annex: „geplant 3, besetzt 2,5 (VZÄ)“; empty when the
    /// measure plans none for the year and none were reported.
    pub stellen: String,
    pub erlaeuterung: String,
    pub naechste_schritte: String,
    pub beschreibung: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Punkt {
    pub jahr: i32,
    pub wert: f64,
    pub text: String,
    /// „Ausgangswert“, „Ist“ or „Zielwert“.
    pub art: String,
    pub quelle: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indikator {
    pub nr: String,
    pub ziel: String,
    pub indikator: String,
    pub einheit: String,
    pub punkte: Vec<Punkt>,
    /// „Ziel erreicht“, „auf Kurs“, „hinter dem Zielpfad“,
    /// „entgegen dem Ziel“ or „noch keine Messung“.
    pub trend: String,
    pub aussage: String,
    pub alt: String,
    /// The largest value of the series (for the chart's scale).
    pub max: f64,
    /// Whether a value was measured (else only Ausgangs- and Zielwert).
    pub gemessen: bool,
    pub diagramm: Diagramm,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Aenderungen {
    pub vorhanden: bool,
    pub neu_umgesetzt: Vec<Eintrag>,
    pub neu_verzoegert: Vec<Eintrag>,
    pub neu_entfallen: Vec<Eintrag>,
}

/// A chart: its name (the PNG of the DOCX is found by it), caption and
/// text alternative (PDF/UA: the numbers the chart shows).
#[derive(Debug, Clone, Serialize)]
pub struct Diagramm {
    pub name: String,
    pub titel: String,
    pub alt: String,
    pub vorhanden: bool,
}

impl Diagramm {
    fn new(name: &str, titel: String, alt: String) -> Self {
        Diagramm {
            name: name.into(),
            titel,
            alt,
            vorhanden: true,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagramme {
    pub status: Diagramm,
    pub budget: Diagramm,
}

fn geld(cent: i64) -> Geld {
    Geld::of(Money(cent))
}

fn status_of(inputs: &[FieldInput], nr: &str) -> Option<(Status, MeasureInput)> {
    inputs
        .iter()
        .flat_map(|f| &f.massnahmen)
        .find(|m| m.nr == nr)
        .and_then(|m| m.status.map(|s| (s, m.clone())))
}

/// The measure's entry: plan from the concept, report from the workbook;
/// `stellen`: the Stellen it plans for the report year.
fn entry(m: &Value, feld: &str, input: Option<&MeasureInput>, stellen: Option<f64>) -> Eintrag {
    let status = input.and_then(|i| i.status);
    let besetzt = input.and_then(|i| i.stellen_besetzt);
    let stellen_text = match (stellen, besetzt) {
        (None, None) => String::new(),
        (p, b) => format!(
            "geplant {}, besetzt {} (VZÄ)",
            p.map_or("keine".into(), staff::vzae),
            b.map_or("ohne Angabe".into(), staff::vzae)
        ),
    };
    Eintrag {
        nr: text(&m["nr"]),
        titel: text(&m["titel"]),
        feld: feld.to_string(),
        federfuehrung: text(&m["federfuehrung"]),
        zeitraum: text(&m["zeitraum"]),
        kosten: m["kosten"].clone(),
        status: status.map_or("ohne Angabe", Status::label).to_string(),
        zeichen: status.map_or("–", Status::symbol).to_string(),
        stand: input
            .and_then(|i| i.stand.as_ref())
            .map(|d| d.display())
            .unwrap_or_default(),
        verausgabt: input.and_then(|i| i.verausgabt).map(Geld::of),
        stellen_geplant: stellen.map(staff::vzae).unwrap_or_default(),
        stellen_besetzt: besetzt.map(staff::vzae).unwrap_or_default(),
        stellen: stellen_text,
        erlaeuterung: input
            .and_then(|i| i.erlaeuterung.clone())
            .unwrap_or_default(),
        naechste_schritte: input
            .and_then(|i| i.naechste_schritte.clone())
            .unwrap_or_default(),
        beschreibung: text(&m["beschreibung"]),
    }
}

/// A share as German percent text: „37,5 %“.
fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0 %".into();
    }
    format!("{} %", format_number(part as f64 * 100.0 / whole as f64, 1))
}

/// Computes the figures of a checked round (`round.concept` is set).
pub fn figures(round: &Round, concept: &Value) -> Sachstand {
    let jahr = round.jahr;
    let lz = staff::laufzeit(concept);
    let jahre: Vec<i64> = concept["meta"]["laufzeit"]["jahre"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_i64)
        .collect();
    let mut felder = Vec::new();
    let mut totals = [0usize; 6];
    let (mut plan, mut plan_bis, mut spent) = (0i64, 0i64, 0i64);
    let mut changes = Aenderungen {
        vorhanden: round.previous.is_some(),
        ..Aenderungen::default()
    };
    for f in concept["felder"].as_array().into_iter().flatten() {
        let kurz = text(&f["kurz"]);
        let name = text(&f["name"]);
        let input = round.felder.iter().find(|x| x.kurz == kurz);
        let mut counts = [0usize; 6];
        let mut entries = Vec::new();
        let (mut fplan, mut fspent) = (0i64, 0i64);
        for m in f["massnahmen"].as_array().into_iter().flatten() {
            let nr = text(&m["nr"]);
            let mi = input.and_then(|i| i.massnahmen.iter().find(|x| x.nr == nr));
            let e = entry(m, &name, mi, staff::planned(m, jahr, lz));
            let idx = mi
                .and_then(|i| i.status)
                .map_or(5, |s| Status::ALL.iter().position(|x| *x == s).unwrap_or(5));
            counts[idx] += 1;
            fplan += m["kosten"]["cent"].as_i64().unwrap_or(0);
            fspent += mi.and_then(|i| i.verausgabt).map_or(0, |x| x.0);
            if let (Some(prev), Some(now)) = (&round.previous, mi.and_then(|i| i.status)) {
                let before = status_of(prev, &nr).map(|(s, _)| s);
                if before != Some(now) {
                    match now {
                        Status::Umgesetzt => changes.neu_umgesetzt.push(e.clone()),
                        Status::Verzoegert => changes.neu_verzoegert.push(e.clone()),
                        Status::Entfallen => changes.neu_entfallen.push(e.clone()),
                        _ => {}
                    }
                }
            }
            entries.push(e);
        }
        let fplan_bis: i64 = f["kosten_je_jahr"]
            .as_array()
            .into_iter()
            .flatten()
            .zip(&jahre)
            .filter(|(_, y)| **y <= i64::from(jahr))
            .map(|(g, _)| g["cent"].as_i64().unwrap_or(0))
            .sum();
        for (t, c) in totals.iter_mut().zip(counts) {
            *t += c;
        }
        plan += fplan;
        plan_bis += fplan_bis;
        spent += fspent;
        let auffaellig = entries
            .iter()
            .filter(|e| {
                e.status == Status::Verzoegert.label() || e.status == Status::Entfallen.label()
            })
            .cloned()
            .collect();
        felder.push(FeldStand {
            name,
            kurz,
            datei: input.map(|i| i.datei.clone()).unwrap_or_default(),
            vorhanden: input.is_some_and(|i| i.vorhanden),
            zaehlung: counts.to_vec(),
            anzahl: entries.len(),
            budget: Budget {
                geplant: geld(fplan),
                geplant_bis: geld(fplan_bis),
                verausgabt: geld(fspent),
            },
            massnahmen: entries,
            auffaellig,
        });
    }
    let anzahl: usize = totals.iter().sum();
    let mut status: Vec<StatusZahl> = Status::ALL
        .iter()
        .zip(totals)
        .map(|(s, n)| StatusZahl {
            name: s.label().into(),
            zeichen: s.symbol().into(),
            anzahl: n,
        })
        .collect();
    if totals[5] > 0 {
        status.push(StatusZahl {
            name: "ohne Angabe".into(),
            zeichen: "–".into(),
            anzahl: totals[5],
        });
    }
    for f in &mut felder {
        f.zaehlung.truncate(status.len());
    }
    let summe = Budget {
        geplant: geld(plan),
        geplant_bis: geld(plan_bis),
        verausgabt: geld(spent),
    };
    let diagramme = charts(&felder, &status, &summe, jahr);
    let kommune = text(&concept["meta"]["kommune"]["name"]);
    let indikatoren = indicators(round, concept);
    let oberziele = goal_progress(concept, &felder, &status);
    let querschnittsthemen = theme_progress(concept, &felder, &status);
    Sachstand {
        jahr,
        vorjahr: round.previous.as_ref().map(|_| jahr - 1),
        stichtag: Tag::new(round.settings.stichtag),
        titel: format!("Sachstandsbericht {jahr}"),
        dateiname: file_name(&format!("Sachstandsbericht-{kommune}-{jahr}")),
        anteil_umgesetzt: percent(totals[0], anzahl),
        // A mark before two words stays with the first: a header wraps to
        // at most two lines („► in“ / „Umsetzung“).
        status_kopf: status
            .iter()
            .map(|z| match z.name.contains(' ') {
                true => format!("{}\u{a0}{}", z.zeichen, z.name),
                false => format!("{} {}", z.zeichen, z.name),
            })
            .collect(),
        status,
        anzahl,
        anzahl_felder: felder.len(),
        summe,
        ohne_messung: indikatoren.iter().any(|i| !i.gemessen),
        indikatoren,
        aenderungen: changes,
        diagramme,
        oberziele,
        querschnittsthemen,
        stellen: staff::figures(concept, &reported_staff(&round.felder), jahr),
        felder,
    }
}

/// The Stellen besetzt each field's workbook reports.
fn reported_staff(felder: &[FieldInput]) -> std::collections::BTreeMap<String, Vec<f64>> {
    felder
        .iter()
        .map(|f| {
            let v = f
                .massnahmen
                .iter()
                .filter_map(|m| m.stellen_besetzt)
                .collect();
            (f.kurz.clone(), v)
        })
        .collect()
}

/// A group's counts by status from the numbers of its measures (each
/// counted once).
fn progress(
    name: String,
    nrs: &[String],
    felder: &[FeldStand],
    status: &[StatusZahl],
) -> Fortschritt {
    let mut zaehlung = vec![0usize; status.len()];
    let mut seen = std::collections::BTreeSet::new();
    for e in felder.iter().flat_map(|f| &f.massnahmen) {
        if nrs.contains(&e.nr) && seen.insert(e.nr.clone()) {
            if let Some(i) = status.iter().position(|z| z.name == e.status) {
                zaehlung[i] += 1;
            }
        }
    }
    let anzahl = zaehlung.iter().sum();
    Fortschritt {
        name,
        anteil_umgesetzt: percent(zaehlung[0], anzahl),
        zaehlung,
        anzahl,
    }
}

/// „Fortschritt je Oberziel“: the measures of the goals that name it.
fn goal_progress(concept: &Value, felder: &[FeldStand], status: &[StatusZahl]) -> Vec<Fortschritt> {
    let mut out = Vec::new();
    for o in concept["oberziele"].as_array().into_iter().flatten() {
        let nrs: Vec<String> = o["ziele"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|z| z["massnahmen"].as_array().into_iter().flatten())
            .map(text)
            .collect();
        let name = format!("{} – {}", text(&o["nr"]), text(&o["titel"]));
        out.push(progress(name, &nrs, felder, status));
    }
    out
}

/// „Fortschritt je Querschnittsthema“: the measures tagged with it.
fn theme_progress(
    concept: &Value,
    felder: &[FeldStand],
    status: &[StatusZahl],
) -> Vec<Fortschritt> {
    let mut out = Vec::new();
    for t in concept["querschnittsthemen"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let nrs: Vec<String> = t["massnahmen"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| text(&m["nr"]))
            .collect();
        out.push(progress(text(&t["name"]), &nrs, felder, status));
    }
    out
}

/// A file name without characters that file systems refuse.
pub(super) fn file_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The two overview charts with their text alternatives (the numbers they
/// show).
fn charts(felder: &[FeldStand], status: &[StatusZahl], summe: &Budget, jahr: i32) -> Diagramme {
    Diagramme {
        status: Diagramm::new(
            "sachstand-status",
            "Maßnahmen nach Stand je Handlungsfeld".into(),
            status_alt(felder, status),
        ),
        budget: Diagramm::new(
            "sachstand-budget",
            format!("Mittel je Handlungsfeld: geplant bis {jahr} und verausgabt"),
            format!(
            "Balkendiagramm der Mittel je Handlungsfeld, geplant bis {jahr} und bis zum Stand verausgabt. {}; insgesamt geplant bis {jahr} {}, verausgabt {}.",
            felder
                .iter()
                .map(|f| format!(
                    "{}: geplant {}, verausgabt {}",
                    f.name, f.budget.geplant_bis.text, f.budget.verausgabt.text
                ))
                .collect::<Vec<_>>()
                .join("; "),
            summe.geplant_bis.text,
            summe.verausgabt.text
        ),
        ),
    }
}

fn status_alt(felder: &[FeldStand], status: &[StatusZahl]) -> String {
    let per_field: Vec<String> = felder
        .iter()
        .map(|f| {
            let parts: Vec<String> = status
                .iter()
                .zip(&f.zaehlung)
                .filter(|(_, n)| **n > 0)
                .map(|(s, n)| format!("{n} {}", s.name))
                .collect();
            format!("{}: {}", f.name, parts.join(", "))
        })
        .collect();
    format!(
        "Gestapeltes Balkendiagramm der Maßnahmen nach Status je Handlungsfeld. {}.",
        per_field.join("; ")
    )
}

/// The value as text with its unit: „15,2 %“, „340 Personen“.
fn with_unit(x: f64, einheit: &str) -> String {
    let n = format_number(x, 2);
    if einheit.is_empty() {
        n
    } else {
        format!("{n} {einheit}")
    }
}

fn indicators(round: &Round, concept: &Value) -> Vec<Indikator> {
    let mut out = Vec::new();
    for f in concept["felder"].as_array().into_iter().flatten() {
        let input = round.felder.iter().find(|x| x.kurz == text(&f["kurz"]));
        for z in f["ziele"].as_array().into_iter().flatten() {
            if !z["indikator"].is_string() {
                continue;
            }
            let nr = text(&z["nr"]);
            let measured = input.and_then(|i| i.indikatoren.iter().find(|x| x.nr == nr));
            out.push(indicator(z, measured.map(|m| &m.werte), round.jahr));
        }
    }
    out
}

fn indicator(
    z: &Value,
    werte: Option<&std::collections::BTreeMap<i32, super::intake::Measured>>,
    jahr: i32,
) -> Indikator {
    let einheit = text(&z["einheit"]);
    let quelle = text(&z["quelle"]);
    let mut punkte = Vec::new();
    let basis = z["ausgangswert"]["wert"].as_f64();
    let basisjahr = z["basisjahr"].as_i64().map(|y| y as i32);
    let ziel = z["zielwert"]["wert"].as_f64();
    let zieljahr = z["zieljahr"].as_i64().map(|y| y as i32);
    if let (Some(w), Some(y)) = (basis, basisjahr) {
        punkte.push(Punkt {
            jahr: y,
            wert: w,
            text: with_unit(w, &einheit),
            art: "Ausgangswert".into(),
            quelle: quelle.clone(),
        });
    }
    let mut ist: Vec<(i32, f64)> = Vec::new();
    for (y, m) in werte.into_iter().flatten() {
        if *y > jahr || basisjahr.is_some_and(|b| *y <= b) {
            continue;
        }
        ist.push((*y, m.wert));
        punkte.push(Punkt {
            jahr: *y,
            wert: m.wert,
            text: with_unit(m.wert, &einheit),
            art: "Ist".into(),
            quelle: m.quelle.clone().unwrap_or_default(),
        });
    }
    if let (Some(w), Some(y)) = (ziel, zieljahr) {
        punkte.push(Punkt {
            jahr: y,
            wert: w,
            text: with_unit(w, &einheit),
            art: "Zielwert".into(),
            quelle: String::new(),
        });
    }
    let (trend, aussage) = trend(basis.zip(basisjahr), ziel.zip(zieljahr), &ist, &einheit);
    let alt = format!(
        "Säulendiagramm des Indikators „{}“: {}. {aussage}",
        text(&z["indikator"]),
        punkte
            .iter()
            .map(|p| format!("{} {} {}", p.art, p.jahr, p.text))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let max = punkte.iter().map(|p| p.wert).fold(0.0, f64::max);
    Indikator {
        nr: text(&z["nr"]),
        ziel: text(&z["ziel"]),
        indikator: text(&z["indikator"]),
        einheit,
        punkte,
        trend: trend.into(),
        aussage,
        diagramm: Diagramm {
            vorhanden: !ist.is_empty(),
            ..Diagramm::new(
                &format!("indikator-{}", text(&z["nr"])),
                format!("Verlauf: {}", text(&z["indikator"])),
                alt.clone(),
            )
        },
        alt,
        max,
        gemessen: !ist.is_empty(),
    }
}

/// The trend of an indicator, computed from the data: the latest measured
/// value against the straight path from the Ausgangswert to the Zielwert.
pub(super) fn trend(
    basis: Option<(f64, i32)>,
    ziel: Option<(f64, i32)>,
    ist: &[(i32, f64)],
    einheit: &str,
) -> (&'static str, String) {
    let Some(&(jahr, wert)) = ist.last() else {
        return (
            "noch keine Messung",
            "Für diesen Indikator liegt noch kein gemessener Wert vor.".into(),
        );
    };
    let (Some((a, ay)), Some((z, zy))) = (basis, ziel) else {
        return (
            "ohne Zielpfad",
            format!("Zuletzt gemessen: {} ({jahr}).", with_unit(wert, einheit)),
        );
    };
    let dir = if z >= a { 1.0 } else { -1.0 };
    let span = f64::from((zy - ay).max(1));
    let soll = a + (z - a) * f64::from((jahr - ay).clamp(0, zy - ay)) / span;
    let change = match ist.len() {
        n if n >= 2 => {
            let (py, pw) = ist[n - 2];
            let d = wert - pw;
            if d.abs() < 1e-9 {
                format!(" Gegenüber {py} unverändert.")
            } else {
                let word = if (d > 0.0) == (dir > 0.0) {
                    "in Zielrichtung"
                } else {
                    "gegen die Zielrichtung"
                };
                // A change of a share is in percentage points.
                let unit = if einheit == "%" {
                    "Prozentpunkte"
                } else {
                    einheit
                };
                format!(
                    " Gegenüber {py}: {}{} ({word}).",
                    if d > 0.0 { "+" } else { "−" },
                    with_unit(round2(d.abs()), unit)
                )
            }
        }
        _ => String::new(),
    };
    let head = format!(
        "{jahr} gemessen: {}; Zielpfad für {jahr}: {}.",
        with_unit(wert, einheit),
        with_unit(round2(soll), einheit)
    );
    let tol = (z - a).abs() * 0.005;
    let (word, tail) = if (wert - z) * dir >= -tol {
        (
            "Ziel erreicht",
            format!(" Der Zielwert von {} ist erreicht.", with_unit(z, einheit)),
        )
    } else if (wert - soll) * dir >= -tol {
        (
            "auf Kurs",
            format!(
                " Der Wert liegt auf oder vor dem Pfad zum Zielwert {} ({zy}).",
                with_unit(z, einheit)
            ),
        )
    } else if (wert - a) * dir < 0.0 {
        (
            "entgegen dem Ziel",
            format!(
                " Der Wert hat sich seit dem Ausgangswert {} vom Ziel entfernt.",
                with_unit(a, einheit)
            ),
        )
    } else {
        ("hinter dem Zielpfad", format!(" Der Wert bewegt sich zum Ziel, aber langsamer als der Pfad zum Zielwert {} ({zy}).", with_unit(z, einheit)))
    };
    (word, format!("{head}{tail}{change}"))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::trend;

    #[test]
    fn trend_follows_the_target_path() {
        // 17.5 (2024) → 12 (2030): path at 2028 is 13.83.
        let b = Some((17.5, 2024));
        let z = Some((12.0, 2030));
        assert_eq!(
            trend(b, z, &[(2027, 16.0), (2028, 13.5)], "%").0,
            "auf Kurs"
        );
        assert_eq!(
            trend(b, z, &[(2027, 16.0), (2028, 15.0)], "%").0,
            "hinter dem Zielpfad"
        );
        assert_eq!(trend(b, z, &[(2028, 18.0)], "%").0, "entgegen dem Ziel");
        assert_eq!(trend(b, z, &[(2028, 11.0)], "%").0, "Ziel erreicht");
        assert_eq!(trend(b, z, &[], "%").0, "noch keine Messung");
        let (_, text) = trend(b, z, &[(2027, 16.0), (2028, 15.0)], "%");
        assert!(
            text.contains("Gegenüber 2027: −1 Prozentpunkte (in Zielrichtung)"),
            "{text}"
        );
    }
}
