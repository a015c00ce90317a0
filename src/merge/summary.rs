//! Summaries computed from what the sheets say: the overview of the working
//! groups, the priorities (Schwerpunkte), the indicators, the counts, the
//! budget table and the actors by category.

use crate::input::normalize;
use crate::input::values::{Money, Priority, Status};
use crate::model::*;
use crate::schema;

/// One line per field that has a working group.
pub(super) fn groups_overview(felder: &[Feld]) -> Vec<AgUebersicht> {
    felder
        .iter()
        .filter_map(|f| {
            f.arbeitsgruppe.as_ref().map(|ag| AgUebersicht {
                feld: f.name.clone(),
                kurz: f.kurz.clone(),
                bezeichnung: ag.bezeichnung.clone(),
                leitung: ag.leitung.clone(),
                mitglieder: ag.mitglieder.len(),
            })
        })
        .collect::<Vec<_>>()
}

/// The measures of high priority, across all fields.
pub(super) fn priorities(felder: &[Feld]) -> Vec<Massnahme> {
    felder
        .iter()
        .flat_map(|f| &f.massnahmen)
        .filter(|m| m.prioritaet == Some(Priority::Hoch))
        .cloned()
        .collect()
}

/// Every goal with an indicator, across all fields.
pub(super) fn indicators(felder: &[Feld]) -> Vec<Indikator> {
    felder
        .iter()
        .flat_map(|f| {
            f.ziele.iter().filter_map(move |z| {
                z.indikator.as_ref().map(|ind| Indikator {
                    feld: f.name.clone(),
                    feld_kurz: f.kurz.clone(),
                    nr: z.nr.clone(),
                    ziel: z.ziel.clone(),
                    indikator: ind.clone(),
                    quelle: z.quelle.clone(),
                    ausgangswert: z.ausgangswert.clone(),
                    basisjahr: z.basisjahr,
                    zielwert: z.zielwert.clone(),
                    zieljahr: z.zieljahr,
                    verlauf: z.verlauf.clone(),
                })
            })
        })
        .collect()
}

/// The counts the document states in its text.
pub(super) fn counts(
    felder: &[Feld],
    arbeitsgruppen: &[AgUebersicht],
    akteure: usize,
    steuerungsgruppe: usize,
) -> Zaehlung {
    let all_measures: Vec<&Massnahme> = felder.iter().flat_map(|f| &f.massnahmen).collect();
    Zaehlung {
        felder: felder.len(),
        felder_bearbeitet: felder.iter().filter(|f| f.bearbeitet).count(),
        ziele: felder.iter().map(|f| f.ziele.len()).sum(),
        massnahmen: all_measures.len(),
        empfehlungen: felder.iter().map(|f| f.empfehlungen.len()).sum(),
        arbeitsgruppen: arbeitsgruppen.len(),
        mitglieder: arbeitsgruppen.iter().map(|a| a.mitglieder).sum(),
        akteure,
        steuerungsgruppe,
        nach_prioritaet: count_priorities(all_measures.iter().map(|m| m.prioritaet)),
        nach_status: count_statuses(all_measures.iter().map(|m| m.status)),
    }
}

/// The Finanzen sheet summed by year and by source.
pub(super) fn finances(posten: Vec<Posten>) -> Finanzen {
    let quellen: Vec<String> = schema::QUELLEN
        .iter()
        .filter(|q| posten.iter().any(|p| p.quelle == **q))
        .map(|q| q.to_string())
        .collect();
    let mut years: Vec<i32> = posten.iter().map(|p| p.jahr).collect();
    years.sort_unstable();
    years.dedup();
    let amount = |p: &Posten| Money(p.betrag.cent.unwrap_or(0));
    let jahre = years
        .iter()
        .map(|y| FinanzJahr {
            jahr: *y,
            je_quelle: quellen
                .iter()
                .map(|q| {
                    Geld::of(
                        posten
                            .iter()
                            .filter(|p| p.jahr == *y && &p.quelle == q)
                            .map(amount)
                            .sum(),
                    )
                })
                .collect(),
            summe: Geld::of(posten.iter().filter(|p| p.jahr == *y).map(amount).sum()),
        })
        .collect();
    let summe_je_quelle = quellen
        .iter()
        .map(|q| Geld::of(posten.iter().filter(|p| &p.quelle == q).map(amount).sum()))
        .collect();
    let summe = Geld::of(posten.iter().map(amount).sum());
    Finanzen {
        posten,
        quellen,
        jahre,
        summe_je_quelle,
        summe,
    }
}

/// The actors by category and in alphabetical order.
pub(super) fn actors_by_category(mut alle: Vec<Akteur>) -> Akteure {
    let kategorien = schema::KATEGORIEN
        .iter()
        .map(|k| Kategorie {
            name: k.to_string(),
            akteure: alle.iter().filter(|a| a.kategorie == *k).cloned().collect(),
        })
        .filter(|k| !k.akteure.is_empty())
        .collect();
    alle.sort_by_cached_key(|a| (normalize(&a.name), a.name.clone()));
    Akteure {
        anzahl: alle.len(),
        kategorien,
        alle,
    }
}

/// Measures per priority, then those without one.
pub(super) fn count_priorities(it: impl Iterator<Item = Option<Priority>>) -> Vec<Anzahl> {
    let v: Vec<Option<Priority>> = it.collect();
    let mut out: Vec<Anzahl> = Priority::ALL
        .iter()
        .map(|p| Anzahl {
            name: p.label().into(),
            anzahl: v.iter().filter(|x| **x == Some(*p)).count(),
        })
        .collect();
    out.push(Anzahl {
        name: "ohne Angabe".into(),
        anzahl: v.iter().filter(|x| x.is_none()).count(),
    });
    out
}

/// Measures per status, then those without one.
pub(super) fn count_statuses(it: impl Iterator<Item = Option<Status>>) -> Vec<Anzahl> {
    let v: Vec<Option<Status>> = it.collect();
    let mut out: Vec<Anzahl> = Status::ALL
        .iter()
        .map(|s| Anzahl {
            name: s.label().into(),
            anzahl: v.iter().filter(|x| **x == Some(*s)).count(),
        })
        .collect();
    out.push(Anzahl {
        name: "ohne Angabe".into(),
        anzahl: v.iter().filter(|x| x.is_none()).count(),
    });
    out
}
