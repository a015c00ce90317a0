//! Priorities in the concept's scheme (`dokument.prioritaeten`): the column
//! „Priorität“ of goals, measures and recommendations read in the scheme's
//! words, printed in them, and for „punkte“ the points of a vote, whose top
//! measures of each field become the Schwerpunkte.

use super::cells::{zahl, Merger};
use super::summary::count_priorities;
use crate::config::PriorityScheme;
use crate::diag::did_you_mean;
use crate::input::normalize;
use crate::input::values::{self, CellValue, Priority, Rejected};
use crate::input::workbook::Row;
use crate::model::{Feld, Prioritaeten, Zahl};

impl Merger<'_, '_> {
    /// The priority of a goal or measure: its rank in the scheme, or with
    /// „punkte“ the points (ranked later by [`rank`]).
    pub(super) fn priority_of(&mut self, row: &Row) -> (Option<Priority>, Option<Zahl>) {
        let scheme = self.priorities;
        if let PriorityScheme::Punkte(_) = scheme {
            let points = self.opt(row, "prioritaet", "Priorität", points);
            return (None, points.map(|p| zahl(p, false)));
        }
        let rank = self.opt(row, "prioritaet", "Priorität", |c| parse_in(scheme, c));
        (rank, None)
    }

    /// The priority of a recommendation: in the scheme's words (points
    /// are for goals and measures; recommendations then take hoch, mittel,
    /// niedrig).
    pub(super) fn recommendation_priority(&mut self, row: &Row) -> Option<Priority> {
        let scheme = match self.priorities {
            PriorityScheme::Punkte(_) => PriorityScheme::Standard,
            s => s,
        };
        self.opt(row, "prioritaet", "Priorität", |c| parse_in(scheme, c))
    }
}

/// Points from a vote: a number not below 0.
fn points(c: &CellValue) -> Result<values::Number, Rejected> {
    let n = values::parse_number(c)?;
    if n.value < 0.0 || n.percent {
        return Err(Rejected::new(
            "eine Punktzahl (0 oder mehr)",
            "die Punkte aus der Abstimmung als Zahl eintragen, z. B. 12",
        ));
    }
    Ok(n)
}

/// A rank in the scheme's words; hoch, mittel, niedrig (also 1–3, A–C)
/// are understood in every scheme.
fn parse_in(scheme: PriorityScheme, c: &CellValue) -> Result<Priority, Rejected> {
    let labels = scheme.labels().unwrap_or(["hoch", "mittel", "niedrig"]);
    if let CellValue::Text(t) = c {
        let n = normalize(t);
        for (i, rank) in Priority::ALL.iter().enumerate() {
            if normalize(labels[i]) == n || scheme.aliases()[i].contains(&n.as_str()) {
                return Ok(*rank);
            }
        }
    }
    values::parse_priority(c).map_err(|r| {
        if scheme == PriorityScheme::Standard {
            return r;
        }
        let typed = c.display();
        Rejected::new(
            format!("{}, {} oder {}", labels[0], labels[1], labels[2]),
            did_you_mean(&typed, labels).unwrap_or_else(|| {
                format!(
                    "„{}“ ist keiner der vorgesehenen Werte: einen davon eintragen ({})",
                    typed.trim(),
                    labels.join(", ")
                )
            }),
        )
    })
}

/// Ranks the measures and prints every priority in the scheme's words:
/// with „punkte“ the top `n` measures of each field (most points first)
/// get the first rank, the others with points the second.
pub(super) fn rank(felder: &mut [Feld], scheme: PriorityScheme) {
    let label = |p: Priority| {
        let labels = scheme.labels().unwrap_or(["hoch", "mittel", "niedrig"]);
        labels[Priority::ALL.iter().position(|x| *x == p).unwrap_or(0)].to_string()
    };
    let points_text = |z: &Zahl| {
        if z.wert == 1.0 {
            format!("{} Punkt", z.text)
        } else {
            format!("{} Punkte", z.text)
        }
    };
    for f in felder.iter_mut() {
        if let PriorityScheme::Punkte(top) = scheme {
            let mut order: Vec<(usize, f64)> = f
                .massnahmen
                .iter()
                .enumerate()
                .filter_map(|(i, m)| m.punkte.as_ref().map(|p| (i, p.wert)))
                .collect();
            order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            for (place, (i, _)) in order.into_iter().enumerate() {
                f.massnahmen[i].prioritaet = Some(if place < top {
                    Priority::Hoch
                } else {
                    Priority::Mittel
                });
            }
            f.zaehlung.nach_prioritaet =
                count_priorities(f.massnahmen.iter().map(|m| m.prioritaet));
        }
        for m in &mut f.massnahmen {
            m.prioritaet_text = match (&m.punkte, m.prioritaet) {
                (Some(p), _) => Some(points_text(p)),
                (None, Some(p)) => Some(label(p)),
                (None, None) => None,
            };
        }
        for z in &mut f.ziele {
            if z.prioritaet_text.is_none() {
                z.prioritaet_text = z.prioritaet.map(label);
            }
        }
        for e in &mut f.empfehlungen {
            let words = match scheme {
                PriorityScheme::Punkte(_) => PriorityScheme::Standard,
                s => s,
            };
            e.prioritaet_text = e.prioritaet.map(|p| {
                let labels = words.labels().unwrap_or(["hoch", "mittel", "niedrig"]);
                labels[Priority::ALL.iter().position(|x| *x == p).unwrap_or(0)].to_string()
            });
        }
    }
}

/// The scheme and its words, for the templates.
pub(super) fn describe(scheme: PriorityScheme) -> Prioritaeten {
    let w = scheme.wording();
    Prioritaeten {
        schema: match scheme {
            PriorityScheme::Standard => "hoch-mittel-niedrig",
            PriorityScheme::Abc => "abc",
            PriorityScheme::Fristen => "fristen",
            PriorityScheme::Schwerpunkt => "schwerpunkt",
            PriorityScheme::Punkte(_) => "punkte",
        }
        .into(),
        stufen: scheme
            .labels()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default(),
        titel: w.titel,
        satz: w.satz,
        spalte: w.spalte,
    }
}

/// The goal's priority as read: its rank, or with points their text.
pub(super) fn goal_text(points: Option<&Zahl>) -> Option<String> {
    points.map(|z| {
        if z.wert == 1.0 {
            format!("{} Punkt", z.text)
        } else {
            format!("{} Punkte", z.text)
        }
    })
}
