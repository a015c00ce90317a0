//! The extract for one place (`konzept build --auszug NAME`): the measures
//! whose column „Ort“ names a Gemeinde, Sozialraum or Quartier, with the
//! goals they serve, in the concept's design (Lindau's „Auszug für
//! Kommunen“).

use super::document::file_safe;
use crate::diag::{did_you_mean, Diagnostic, Location, Severity};
use crate::input::normalize;
use crate::model::{Auszug, Konzept};

/// The concept cut down to the measures concerning `place`; an error if no
/// measure names it.
pub fn extract(k: &Konzept, place: &str) -> Result<Konzept, Box<Diagnostic>> {
    let wanted = normalize(place);
    let places = all_places(k);
    let Some(name) = places.iter().find(|p| normalize(p) == wanted).cloned() else {
        let hint = if places.is_empty() {
            "keine Maßnahme nennt einen Ort: in der Spalte „Ort“ (auch „Gemeinde“, „Sozialraum“ oder „Quartier“) der Maßnahmen die Gemeinden eintragen, die eine Maßnahme betrifft".to_string()
        } else {
            let known = format!("genannte Orte: {}", places.join(", "));
            match did_you_mean(place, places.iter().map(String::as_str)) {
                Some(d) => format!("{d} ({known})"),
                None => known,
            }
        };
        return Err(Box::new(Diagnostic {
            severity: Severity::Error,
            location: Location::default(),
            message: format!("keine Maßnahme nennt den Ort „{place}“ (--auszug)"),
            hint: Some(hint),
        }));
    };
    let mut out = k.clone();
    let mut concerned = 0;
    let mut everywhere = 0;
    for f in &mut out.felder {
        everywhere += f.massnahmen.iter().filter(|m| m.orte.is_empty()).count();
        f.massnahmen
            .retain(|m| m.orte.iter().any(|o| normalize(o) == wanted));
        concerned += f.massnahmen.len();
        let kept: Vec<String> = f.massnahmen.iter().map(|m| m.nr.clone()).collect();
        f.ziele
            .retain(|z| z.massnahmen.iter().any(|n| kept.contains(n)));
        for z in &mut f.ziele {
            z.massnahmen.retain(|n| kept.contains(n));
        }
        f.zaehlung.ziele = f.ziele.len();
        f.zaehlung.massnahmen = f.massnahmen.len();
    }
    out.felder.retain(|f| !f.massnahmen.is_empty());
    out.schwerpunkte.retain(|s| {
        out.felder
            .iter()
            .any(|f| f.massnahmen.iter().any(|m| m.nr == s.nr))
    });
    out.zaehlung.massnahmen = concerned;
    out.zaehlung.ziele = out.felder.iter().map(|f| f.ziele.len()).sum();
    out.meta.untertitel = Some(format!("Auszug für {name}"));
    out.meta.beschreibung = format!("{} – Auszug für {name}", out.meta.beschreibung);
    out.meta.dateiname = format!("{}-Auszug-{}", k.meta.dateiname, file_safe(&name));
    out.auszug = Some(Auszug {
        name,
        massnahmen: concerned,
        kreisweit: everywhere,
        ausserhalb: k.zaehlung.massnahmen.saturating_sub(concerned + everywhere),
    });
    Ok(out)
}

/// Every place the measures name, in the order they first appear.
fn all_places(k: &Konzept) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for o in k
        .felder
        .iter()
        .flat_map(|f| f.massnahmen.iter().flat_map(|m| m.orte.iter()))
    {
        if !out.iter().any(|x| normalize(x) == normalize(o)) {
            out.push(o.clone());
        }
    }
    out
}
