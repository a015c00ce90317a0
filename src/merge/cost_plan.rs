//! The cost plan (appendix B): the measures' costs spread over the years by
//! the rule of [`crate::costs`], per field, next to the budget of the
//! Finanzen sheet; and the budget check.

use crate::costs;
use crate::diag::{Diagnostics, Location};
use crate::input::values::Money;
use crate::model::*;
use crate::schema;
use std::collections::BTreeMap;

/// Measure costs per field and year, and the budget per year.
struct Allocation {
    /// The Laufzeit, widened to any year with costs.
    jahre: Vec<i32>,
    /// Costs per year, one map per field.
    per_field: Vec<BTreeMap<i32, Money>>,
    /// Costs of all fields, aligned with `jahre`.
    summe_je_jahr: Vec<Money>,
    budget: BTreeMap<i32, Money>,
    /// Per year, the measures with costs in it: number, title, share.
    measures: BTreeMap<i32, Vec<(String, String, Money)>>,
}

/// Sets each field's costs per year and returns the cost plan. Each year
/// whose costs exceed the budget is a warning at the Finanzen sheet of
/// `steering_file` (if the sheet has any rows).
pub(super) fn cost_plan(
    diags: &mut Diagnostics,
    felder: &mut [Feld],
    posten: &[Posten],
    laufzeit: (i32, i32),
    steering_file: &str,
) -> Kostenplan {
    let a = allocate(felder, posten, laufzeit);
    for (f, per_year) in felder.iter_mut().zip(&a.per_field) {
        f.kosten_je_jahr = a
            .jahre
            .iter()
            .map(|y| Geld::of(per_year.get(y).copied().unwrap_or_default()))
            .collect();
        f.kosten_summe = Geld::of(per_year.values().copied().sum());
    }
    if !posten.is_empty() {
        check_budget(diags, steering_file, &a);
    }
    plan(felder, a)
}

fn allocate(felder: &[Feld], posten: &[Posten], laufzeit: (i32, i32)) -> Allocation {
    let mut jahre: Vec<i32> = (laufzeit.0..=laufzeit.1).collect();
    let mut per_field: Vec<BTreeMap<i32, Money>> = Vec::new();
    let mut measures: BTreeMap<i32, Vec<(String, String, Money)>> = BTreeMap::new();
    for feld in felder {
        let mut per_year: BTreeMap<i32, Money> = BTreeMap::new();
        for ms in &feld.massnahmen {
            for &(y, share) in &ms.kosten_verteilung {
                *per_year.entry(y).or_default() += share;
                if share.0 > 0 {
                    measures
                        .entry(y)
                        .or_default()
                        .push((ms.nr.clone(), ms.titel.clone(), share));
                }
            }
        }
        for y in per_year.keys() {
            if !jahre.contains(y) {
                jahre.push(*y);
            }
        }
        per_field.push(per_year);
    }
    jahre.sort_unstable();
    let mut budget: BTreeMap<i32, Money> = BTreeMap::new();
    for p in posten {
        *budget.entry(p.jahr).or_default() += Money(p.betrag.cent.unwrap_or(0));
    }
    let summe_je_jahr: Vec<Money> = jahre
        .iter()
        .map(|y| {
            per_field
                .iter()
                .map(|a| a.get(y).copied().unwrap_or_default())
                .sum()
        })
        .collect();
    Allocation {
        jahre,
        per_field,
        summe_je_jahr,
        budget,
        measures,
    }
}

/// A warning for each year whose measure costs exceed the budget.
fn check_budget(diags: &mut Diagnostics, file: &str, a: &Allocation) {
    for (y, cost) in a.jahre.iter().zip(&a.summe_je_jahr) {
        let b = a.budget.get(y).copied().unwrap_or_default();
        if *cost > b {
            diags
                .warning(
                    Location::sheet(file, schema::FINANZEN.name),
                    format!(
                        "die Maßnahmenkosten {y} ({}) übersteigen das Budget {y} laut Blatt Finanzen ({}) um {}",
                        cost.display(),
                        b.display(),
                        Money(cost.0 - b.0).display()
                    ),
                )
                .hint = Some(format!(
                    "Budget im Blatt Finanzen ergänzen oder Kosten bzw. Zeiträume der Maßnahmen prüfen; {y} entfallen die Kosten auf: {}",
                    contributors(a.measures.get(y).map(Vec::as_slice).unwrap_or_default())
                ));
        }
    }
}

/// „B-3 Sprachcafé (5.000 €), B-1 Lotsen (2.500 €)“, largest first, at most
/// five and how many more.
fn contributors(list: &[(String, String, Money)]) -> String {
    const SHOWN: usize = 5;
    let mut sorted: Vec<&(String, String, Money)> = list.iter().collect();
    sorted.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut parts: Vec<String> = sorted
        .iter()
        .take(SHOWN)
        .map(|(nr, titel, m)| format!("{nr} „{titel}“ ({})", m.display()))
        .collect();
    if sorted.len() > SHOWN {
        parts.push(format!("und {} weitere Maßnahmen", sorted.len() - SHOWN));
    }
    parts.join(", ")
}

fn plan(felder: &[Feld], a: Allocation) -> Kostenplan {
    let Allocation {
        jahre,
        summe_je_jahr,
        budget,
        ..
    } = a;
    Kostenplan {
        felder: felder
            .iter()
            .map(|f| KostenFeld {
                name: f.name.clone(),
                kurz: f.kurz.clone(),
                je_jahr: f.kosten_je_jahr.clone(),
                summe: f.kosten_summe.clone(),
            })
            .collect(),
        summe_je_jahr: summe_je_jahr.iter().map(|m| Geld::of(*m)).collect(),
        je_jahr: jahre
            .iter()
            .zip(&summe_je_jahr)
            .map(|(y, c)| KostenJahr {
                jahr: *y,
                kosten: Geld::of(*c),
                budget: Geld::of(budget.get(y).copied().unwrap_or_default()),
            })
            .collect(),
        budget_je_jahr: jahre
            .iter()
            .map(|y| Geld::of(budget.get(y).copied().unwrap_or_default()))
            .collect(),
        summe: Geld::of(summe_je_jahr.iter().copied().sum()),
        budget_summe: Geld::of(budget.values().copied().sum()),
        ohne_angabe: felder
            .iter()
            .flat_map(|f| &f.massnahmen)
            .filter(|m| m.kosten.cent.is_none())
            .count(),
        regel: if felder
            .iter()
            .flat_map(|f| &f.massnahmen)
            .any(|m| m.kosten_turnus.is_some())
        {
            format!("{} {}", costs::RULE, costs::RULE_RECURRING)
        } else {
            costs::RULE.to_string()
        },
        jahre,
    }
}
