//! Spaces a line must not break at: between an amount and its unit
//! („1.050.000 €“, „12,5 T€“, „1,2 Mio. €“, „40 %“), inside abbreviations
//! („e. V.“, „z. B.“), inside a period („Q2 2026“, „1. Hj. 2026“) and before
//! the dash of a range („01.01.2026 – 31.12.2029“ breaks only after the
//! dash). Every output format sets the model's texts with these spaces
//! made non-breaking (U+00A0); nothing else of the text changes.

use serde_json::Value;

const NBSP: char = '\u{A0}';

/// Units that stay on the line of the number before them.
const UNITS: &[&str] = &[
    "€", "T€", "Tsd.", "Mio.", "Mrd.", "%", "Euro", "EUR", "Prozent", "Jahre", "Jahren", "Jahr",
    "Monate", "Monaten", "Personen", "Std.", "h",
];

/// Words before a year that stay on the line of the year.
const BEFORE_YEAR: &[&str] = &["Hj.", "Anfang", "Mitte", "Ende", "Jahr"];

fn ends_with_digit(w: &str) -> bool {
    w.trim_end_matches([')', ',', ';'])
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_digit())
}

fn starts_with_digit(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn is_unit(w: &str) -> bool {
    let w = w.trim_end_matches([')', ',', ';', ':']);
    UNITS
        .iter()
        .any(|u| w == *u || (u.ends_with('.') && w == &u[..u.len() - 1]))
        || (w.starts_with('€') && w.chars().count() <= 2)
}

/// `e.`, `z.`, `V.`: one letter and a full stop.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_alphabetic())
}

fn is_year(w: &str) -> bool {
    let w = w.trim_end_matches([')', ',', ';', '.', ':']);
    w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())
}

/// Whether the space between `before` and `after` must not break a line.
fn keeps(before: &str, after: &str) -> bool {
    let dash = matches!(after, "–" | "—" | "-" | "bis");
    (ends_with_digit(before) && (is_unit(after) || (dash && after != "bis")))
        || (matches!(before, "Tsd." | "Mio." | "Mrd.") && is_unit(after))
        || (is_initial(before.trim_start_matches(['(', '„']))
            && is_initial(after.trim_end_matches([')', ',', ';', ':'])))
        || (is_year(after)
            && (BEFORE_YEAR.contains(&before)
                || (before.len() == 2
                    && before.starts_with('Q')
                    && starts_with_digit(&before[1..]))))
        || (before.len() == 2
            && before.ends_with('.')
            && starts_with_digit(before)
            && after == "Hj.")
}

/// The text with the spaces that must not break made non-breaking, or
/// `None` when there is none.
pub fn keep_together(s: &str) -> Option<String> {
    if !s.contains(' ') {
        return None;
    }
    let words: Vec<&str> = s.split(' ').collect();
    let mut changed = false;
    let mut out = String::with_capacity(s.len() + 8);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let before = words[i - 1]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let after = w.split(char::is_whitespace).next().unwrap_or("");
            if !before.is_empty() && !after.is_empty() && keeps(before, after) {
                out.push(NBSP);
                changed = true;
            } else {
                out.push(' ');
            }
        }
        out.push_str(w);
    }
    changed.then_some(out)
}

/// [`keep_together`] on every string of a model.
pub fn keep_together_all(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Some(t) = keep_together(s) {
                *s = t;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(keep_together_all),
        Value::Object(map) => map.values_mut().for_each(keep_together_all),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::keep_together;

    fn k(s: &str) -> String {
        keep_together(s)
            .unwrap_or_else(|| s.to_string())
            .replace('\u{A0}', "~")
    }

    #[test]
    fn amounts_percentages_and_ranges_stay_together() {
        assert_eq!(k("1.050.000 €"), "1.050.000~€");
        assert_eq!(
            k("insgesamt 12,5 T€ und 1,2 Mio. €."),
            "insgesamt 12,5~T€ und 1,2~Mio.~€."
        );
        assert_eq!(k("−300 € (40 %)"), "−300~€ (40~%)");
        assert_eq!(k("01.01.2026 – 31.12.2029"), "01.01.2026~– 31.12.2029");
        assert_eq!(k("Q2 2026 bis 1. Hj. 2027"), "Q2~2026 bis 1.~Hj.~2027");
        assert_eq!(
            k("Caritas e. V. (z. B. Kurse)"),
            "Caritas e.~V. (z.~B. Kurse)"
        );
    }

    #[test]
    fn other_spaces_stay() {
        assert_eq!(keep_together("Amt für Schule und Bildung"), None);
        assert_eq!(keep_together("B1 Sprachkurse"), None);
        assert_eq!(k("3 Kurse"), "3 Kurse");
    }
}
