//! „Das Wichtigste auf einen Blick“: the summary page every concept gets,
//! generated from the merged data (fields, goals, measures, priorities,
//! money, participation, staff); an optional text of the `Texte` sheet
//! stands above it (`texte.auf_einen_blick`).

use crate::config::PriorityScheme;
use crate::input::markdown::{Block, Inline, RichText};
use crate::input::values::{self, Priority, Status};
use crate::model::*;

/// What the summary page needs, all computed before.
pub(super) struct Parts<'a> {
    pub meta: &'a Meta,
    pub zaehlung: &'a Zaehlung,
    pub kosten: &'a Kostenplan,
    pub vorlage: &'a Vorlage,
    pub beteiligung: &'a Beteiligung,
    pub stellen: &'a Stellenplan,
    /// The priority scheme: its first rank makes the Schwerpunkte.
    pub priorities: PriorityScheme,
}

fn count(list: &[Anzahl], label: &str) -> usize {
    list.iter()
        .find(|a| a.name == label)
        .map_or(0, |a| a.anzahl)
}

fn phrase(n: usize, eins: &str, mehr: &str) -> String {
    if n == 1 {
        format!("1 {eins}")
    } else {
        format!("{} {mehr}", crate::text::zahlwort(n))
    }
}

pub(super) fn build(p: &Parts) -> AufEinenBlick {
    let z = p.zaehlung;
    let mut eckwerte = vec![
        Eckwert {
            wert: z.felder.to_string(),
            name: if z.felder == 1 {
                "Handlungsfeld"
            } else {
                "Handlungsfelder"
            }
            .into(),
        },
        Eckwert {
            wert: z.ziele.to_string(),
            name: if z.ziele == 1 { "Ziel" } else { "Ziele" }.into(),
        },
        Eckwert {
            wert: z.massnahmen.to_string(),
            name: if z.massnahmen == 1 {
                "Maßnahme"
            } else {
                "Maßnahmen"
            }
            .into(),
        },
    ];
    if p.kosten.summe.cent.is_some_and(|c| c > 0) {
        eckwerte.push(Eckwert {
            wert: p.kosten.summe.text.clone(),
            name: "Kosten der Maßnahmen".into(),
        });
    }
    if p.beteiligung.teilnehmende > 0 {
        eckwerte.push(Eckwert {
            wert: values::format_number(p.beteiligung.teilnehmende as f64, 0),
            name: "Teilnahmen an der Beteiligung".into(),
        });
    }
    AufEinenBlick {
        eckwerte,
        felder: p.vorlage.felder.clone(),
        felder_summe: p.vorlage.felder_summe.clone(),
        punkte: RichText {
            blocks: vec![Block::Aufzaehlung {
                punkte: points(p)
                    .into_iter()
                    .map(|text| vec![Inline::Text { text }])
                    .collect(),
            }],
        },
    }
}

fn points(p: &Parts) -> Vec<String> {
    let (z, m) = (p.zaehlung, p.meta);
    let mut out = Vec::new();
    let mut erste = format!(
        "Für die Jahre {} gliedert das Konzept die Integrationsarbeit in {}.",
        m.laufzeit.text,
        phrase(z.felder, "Handlungsfeld", "Handlungsfelder")
    );
    if z.arbeitsgruppen > 0 {
        erste.push_str(&format!(
            " Erarbeitet haben es {}{}.",
            phrase(z.arbeitsgruppen, "Arbeitsgruppe", "Arbeitsgruppen"),
            if z.mitglieder > 0 {
                format!(" mit zusammen {} Mitgliedern", z.mitglieder)
            } else {
                String::new()
            }
        ));
    }
    out.push(erste);
    if !p.beteiligung.satz.is_empty() {
        out.push(p.beteiligung.satz.clone());
    }
    if z.massnahmen > 0 {
        let hoch = count(&z.nach_prioritaet, Priority::Hoch.label());
        let laufend = count(&z.nach_status, Status::InUmsetzung.label())
            + count(&z.nach_status, Status::Umgesetzt.label());
        let mut s = priorities_sentence(p.priorities, z.massnahmen, hoch);
        if laufend == 1 {
            s.push_str(" Eine Maßnahme ist bereits in Umsetzung oder umgesetzt.");
        } else if laufend > 1 {
            s.push_str(&format!(
                " Bereits in Umsetzung oder umgesetzt sind {} Maßnahmen.",
                crate::text::zahlwort(laufend)
            ));
        }
        out.push(s);
    }
    let k = p.kosten;
    if k.summe.cent.is_some_and(|c| c > 0) {
        let mut s = format!(
            "Die Maßnahmen kosten in der Laufzeit zusammen {}",
            k.summe.text
        );
        if k.budget_summe.cent.is_some_and(|c| c > 0) {
            s.push_str(&format!(
                "; der Finanzplan sieht dafür {} vor",
                k.budget_summe.text
            ));
        }
        s.push('.');
        if p.stellen.grob_geschaetzt > 0 {
            s.push_str(&format!(
                " Bei {} sind die Kosten grob geschätzt („ca.“).",
                phrase(p.stellen.grob_geschaetzt, "Maßnahme", "Maßnahmen")
            ));
        }
        out.push(s);
    }
    if p.stellen.vorhanden {
        let max = p
            .stellen
            .summe_je_jahr
            .iter()
            .map(|z| z.wert)
            .fold(0.0, f64::max);
        out.push(format!(
            "Für die Umsetzung sind bis zu {} Stellen (Vollzeitäquivalente) je Jahr vorgesehen; Anhang B zeigt sie je Handlungsfeld und Jahr.",
            values::format_number(max, 2)
        ));
    }
    out
}

/// How many measures have the scheme's first rank, in its words.
fn priorities_sentence(scheme: PriorityScheme, massnahmen: usize, hoch: usize) -> String {
    if scheme == PriorityScheme::Standard {
        return match hoch {
            0 => "Keine Maßnahme ist bisher mit hoher Priorität eingestuft.".to_string(),
            1 => format!(
                "Eine der {massnahmen} Maßnahmen hat hohe Priorität und gehört zu den Schwerpunkten des Konzepts."
            ),
            n => format!(
                "Von den {massnahmen} Maßnahmen haben {} hohe Priorität; sie bilden die Schwerpunkte des Konzepts.",
                crate::text::zahlwort(n)
            ),
        };
    }
    let wording = scheme.wording();
    let als = if wording.phrase.is_empty() {
        " als Schwerpunktmaßnahmen".to_string()
    } else {
        wording.phrase
    };
    match hoch {
        0 => format!("Keine Maßnahme ist bisher{als} ausgewiesen."),
        1 => format!(
            "Eine der {massnahmen} Maßnahmen ist{als} ausgewiesen und gehört zu den Schwerpunkten des Konzepts."
        ),
        n => format!(
            "Von den {massnahmen} Maßnahmen sind {}{als} ausgewiesen; sie bilden die Schwerpunkte des Konzepts.",
            crate::text::zahlwort(n)
        ),
    }
}
