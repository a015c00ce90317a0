//! The charts of the document: titles and alt texts.

use crate::model::*;

/// Titles and alt texts of the charts; each alt text states the numbers the
/// chart shows, so a screen reader user gets the same information.
pub(super) fn describe(
    finanzen: &Finanzen,
    zeitplan: &[Phase],
    statistik: &[Statistik],
    felder: &[Feld],
    kosten: &Kostenplan,
) -> Diagramme {
    let d = |name: &str, titel: &str, alt: String, vorhanden: bool| Diagramm {
        name: name.into(),
        titel: titel.into(),
        alt,
        vorhanden,
    };
    let fin = finanzen
        .jahre
        .iter()
        .map(|j| {
            let parts: Vec<String> = finanzen
                .quellen
                .iter()
                .zip(&j.je_quelle)
                .filter(|(_, g)| g.cent.unwrap_or(0) > 0)
                .map(|(q, g)| format!("{q} {}", g.text))
                .collect();
            format!("{}: {} ({})", j.jahr, j.summe.text, parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let zp = zeitplan
        .iter()
        .map(|p| format!("{}: {} bis {}", p.phase, p.beginn.text, p.ende.text))
        .collect::<Vec<_>>()
        .join("; ");
    let st = statistik
        .iter()
        .filter_map(|s| {
            s.anteil
                .as_ref()
                .map(|a| format!("{}: {}", s.merkmal, a.text))
        })
        .collect::<Vec<_>>();
    let ms = felder
        .iter()
        .map(|f| {
            let parts: Vec<String> = f
                .zaehlung
                .nach_status
                .iter()
                .filter(|a| a.anzahl > 0)
                .map(|a| format!("{} {}", a.anzahl, a.name))
                .collect();
            if parts.is_empty() {
                format!("{}: keine Maßnahmen", f.name)
            } else {
                format!(
                    "{}: {} ({})",
                    f.name,
                    f.zaehlung.massnahmen,
                    parts.join(", ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let ko = kosten
        .jahre
        .iter()
        .zip(&kosten.summe_je_jahr)
        .zip(&kosten.budget_je_jahr)
        .map(|((y, c), b)| format!("{y}: Maßnahmenkosten {}, Budget {}", c.text, b.text))
        .collect::<Vec<_>>()
        .join("; ");
    Diagramme {
        finanzen: d(
            "finanzen",
            "Budget nach Jahr und Finanzierungsquelle",
            format!("Säulendiagramm des Budgets nach Jahr und Finanzierungsquelle. {fin}."),
            !finanzen.jahre.is_empty(),
        ),
        zeitplan: d(
            "zeitplan",
            "Zeitplan der Konzepterarbeitung und -umsetzung",
            format!("Zeitstrahl der Projektphasen. {zp}."),
            !zeitplan.is_empty(),
        ),
        statistik: d(
            "statistik",
            "Anteil der Menschen mit Migrationshintergrund",
            format!(
                "Balkendiagramm der Anteile der Menschen mit Migrationshintergrund. {}.",
                st.join("; ")
            ),
            !st.is_empty(),
        ),
        massnahmen: d(
            "massnahmen",
            "Maßnahmen nach Handlungsfeld und Umsetzungsstand",
            format!("Gestapeltes Balkendiagramm der Maßnahmen je Handlungsfeld nach Status. {ms}."),
            felder.iter().any(|f| !f.massnahmen.is_empty()),
        ),
        kosten: d(
            "kosten",
            "Maßnahmenkosten und Budget je Jahr",
            format!("Säulendiagramm der Maßnahmenkosten je Jahr neben dem Budget. {ko}."),
            kosten.summe.cent.unwrap_or(0) > 0 || kosten.budget_summe.cent.unwrap_or(0) > 0,
        ),
    }
}
