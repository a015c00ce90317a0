//! Suggestions for actor names that are not in the Akteure sheet as typed:
//! abbreviations (`VHS Beispielheim` → `Volkshochschule Beispielheim`,
//! `DRK` → `Deutsches Rotes Kreuz`) and contact persons (`Frau Kaya` → the
//! actor whose Ansprechperson is Sevgi Kaya).

use crate::input::normalize;
use crate::model::Akteur;

/// Abbreviations common in municipal integration work and what they stand for.
const ABBREVIATIONS: [(&str, &str); 14] = [
    ("vhs", "Volkshochschule"),
    ("awo", "Arbeiterwohlfahrt"),
    ("drk", "Deutsches Rotes Kreuz"),
    ("kita", "Kindertagesstätte"),
    ("ihk", "Industrie- und Handelskammer"),
    ("hwk", "Handwerkskammer"),
    ("ba", "Bundesagentur für Arbeit"),
    ("jc", "Jobcenter"),
    ("bamf", "Bundesamt für Migration und Flüchtlinge"),
    ("mbe", "Migrationsberatung für erwachsene Zugewanderte"),
    ("jmd", "Jugendmigrationsdienst"),
    ("stb", "Stadtbibliothek"),
    ("dw", "Diakonisches Werk"),
    ("skf", "Sozialdienst katholischer Frauen"),
];

/// Forms of address before a surname.
const ADDRESS: [&str; 8] = [
    "frau", "herr", "hr", "fr", "dr", "prof", "frau dr", "herr dr",
];

/// The actor meant by `typed`, as a hint: „meinten Sie „X“? …“.
pub(super) fn suggest(typed: &str, actors: &[Akteur]) -> Option<String> {
    if let Some(a) = by_abbreviation(typed, actors) {
        return Some(format!("meinten Sie „{}“?", a.name));
    }
    let (a, person) = by_contact(typed, actors)?;
    Some(format!(
        "„{}“ ist eine Ansprechperson: meinten Sie „{}“ (Ansprechperson {person})?",
        typed.trim(),
        a.name
    ))
}

/// Words of a name, each normalised.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == ',')
        .map(normalize)
        .filter(|w| !w.is_empty())
        .collect()
}

/// `VHS Beispielheim` spelt out, and the initials of multi-word names.
fn by_abbreviation<'a>(typed: &str, actors: &'a [Akteur]) -> Option<&'a Akteur> {
    let typed_words = words(typed);
    let expanded: String = typed_words
        .iter()
        .map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(a, _)| a == w)
                .map_or(w.clone(), |(_, long)| normalize(long))
        })
        .collect();
    let typed_key = normalize(typed);
    let unique = |hits: Vec<&'a Akteur>| (hits.len() == 1).then(|| hits[0]);
    let exact: Vec<&Akteur> = actors
        .iter()
        .filter(|a| normalize(&a.name) == expanded || initials(&a.name) == typed_key)
        .collect();
    if !exact.is_empty() {
        return unique(exact);
    }
    // `VHS` alone for the one Volkshochschule of the list.
    if expanded != typed_key && expanded.len() >= 6 {
        return unique(
            actors
                .iter()
                .filter(|a| normalize(&a.name).contains(&expanded))
                .collect(),
        );
    }
    None
}

/// `Deutsches Rotes Kreuz` → `drk` (names of at least two words).
fn initials(name: &str) -> String {
    let w: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if w.len() < 2 {
        return String::new();
    }
    w.iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `Frau Kaya`, `Hr. Dr. Weber`, `S. Kaya`: the one actor whose
/// Ansprechperson has that surname.
fn by_contact<'a>(typed: &str, actors: &'a [Akteur]) -> Option<(&'a Akteur, &'a str)> {
    let mut w = words(typed);
    let addressed = w.first().is_some_and(|f| ADDRESS.contains(&f.as_str()));
    w.retain(|x| !ADDRESS.contains(&x.as_str()));
    let surname = w.last()?;
    // A bare word is a person only when addressed or given with an initial.
    if !addressed && w.len() < 2 {
        return None;
    }
    let hits: Vec<(&Akteur, &str)> = actors
        .iter()
        .filter_map(|a| {
            let p = a.ansprechperson.as_deref()?;
            words(p)
                .last()
                .is_some_and(|l| l == surname)
                .then_some((a, p))
        })
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, person: Option<&str>) -> Akteur {
        Akteur {
            name: name.into(),
            kategorie: "Verwaltung".into(),
            ansprechperson: person.map(Into::into),
            felder: vec![],
            felder_text: String::new(),
        }
    }

    fn list() -> Vec<Akteur> {
        vec![
            actor("Volkshochschule Beispielheim", None),
            actor("Deutsches Rotes Kreuz", Some("Jan Weber")),
            actor("Integrationsbüro", Some("Sevgi Kaya")),
            actor("Jobcenter", Some("Dr. Anna Kaya-Schmidt")),
        ]
    }

    #[test]
    fn abbreviations_and_initials() {
        let a = list();
        for (typed, hint) in [
            (
                "VHS Beispielheim",
                "meinten Sie „Volkshochschule Beispielheim“?",
            ),
            ("VHS", "meinten Sie „Volkshochschule Beispielheim“?"),
            ("DRK", "meinten Sie „Deutsches Rotes Kreuz“?"),
            ("JC", "meinten Sie „Jobcenter“?"),
        ] {
            assert_eq!(suggest(typed, &a).as_deref(), Some(hint), "{typed}");
        }
        assert_eq!(suggest("Caritas", &a), None);
    }

    #[test]
    fn contact_persons() {
        let a = list();
        for typed in ["Frau Kaya", "Fr. Kaya", "S. Kaya", "Sevgi Kaya"] {
            assert_eq!(
                suggest(typed, &a).as_deref(),
                Some(
                    format!("„{typed}“ ist eine Ansprechperson: meinten Sie „Integrationsbüro“ (Ansprechperson Sevgi Kaya)?")
                        .as_str()
                ),
                "{typed}"
            );
        }
        assert_eq!(
            suggest("Herr Weber", &a).as_deref(),
            Some("„Herr Weber“ ist eine Ansprechperson: meinten Sie „Deutsches Rotes Kreuz“ (Ansprechperson Jan Weber)?")
        );
        assert_eq!(suggest("Kaya", &a), None, "a bare word is no person");
        assert_eq!(suggest("Frau Müller", &a), None);
    }
}
