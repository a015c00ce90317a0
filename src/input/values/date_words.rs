//! Dates in words, as people type them: month names (`März 2027`,
//! `Jan 2027`), halves of a year (`2. Halbjahr 2027`, `H2 2027`) and
//! `Anfang`, `Mitte`, `Ende 2027`; and the hint for a date that is rejected,
//! built from what was typed („meinten Sie 03/2027?“).

use crate::diag::nearest;
use chrono::Datelike;

/// Years accepted in dates; anything else is certainly a typo.
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A period named in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Words {
    Month(i32, u32),
    /// First (1) or second (2) half of a year.
    Half(i32, u32),
    /// Anfang (1), Mitte (2), Ende (3) of a year.
    Third(i32, u32),
}

/// Month names and the short forms people use, normalised (no dots, no
/// umlauts: `maerz`).
const MONTHS: [&[&str]; 12] = [
    &["januar", "jan", "jaenner", "jaen"],
    &["februar", "feb", "febr", "feber"],
    &["maerz", "mrz", "maer", "mar", "marz"],
    &["april", "apr"],
    &["mai"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt", "oct"],
    &["november", "nov"],
    &["dezember", "dez", "dec"],
];

/// A word or a number of the text; everything else separates them.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    Word(String),
    Number(String),
}

/// Splits into words (normalised: lower case, umlauts as `ae`) and digit
/// runs. `None` when the text contains characters that belong in no date
/// (only spaces, `.`, `/`, `-`, `–` and `,` separate).
pub(super) fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut digits = false;
    let flush = |cur: &mut String, digits: bool, out: &mut Vec<Token>| {
        if !cur.is_empty() {
            let t = std::mem::take(cur);
            out.push(if digits {
                Token::Number(t)
            } else {
                Token::Word(crate::text::normalize(&t))
            });
        }
    };
    for c in text.chars() {
        if c.is_ascii_digit() || c.is_alphabetic() {
            let d = c.is_ascii_digit();
            if d != digits {
                flush(&mut cur, digits, &mut out);
                digits = d;
            }
            cur.push(c);
        } else if c.is_whitespace() || ['.', '/', '-', '–', ','].contains(&c) {
            flush(&mut cur, digits, &mut out);
        } else {
            return None;
        }
    }
    flush(&mut cur, digits, &mut out);
    Some(out)
}

/// A year of 4 digits, or of 2 (`27` is 2027).
fn year(n: &str) -> Option<i32> {
    match n.len() {
        4 => n.parse().ok(),
        2 => n.parse::<i32>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

/// The month a (normalised) word names.
pub(super) fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u32 + 1)
}

/// `März 2027`, `2. Halbjahr 2027`, `H2 2027`, `Anfang 2027`, …
pub(super) fn parse_words(text: &str) -> Option<Words> {
    use Token::{Number as N, Word as W};
    let toks = tokens(text)?;
    if !toks.iter().any(|t| matches!(t, W(_))) {
        return None;
    }
    let half = |n: &str| match n {
        "1" | "erstes" | "erste" => Some(1),
        "2" | "zweites" | "zweite" => Some(2),
        _ => None,
    };
    let is_half = |w: &str| ["halbjahr", "hj", "h", "halbj"].contains(&w);
    match toks.as_slice() {
        [W(m), N(y)] => {
            if let Some(m) = month_of(m) {
                return Some(Words::Month(year(y)?, m));
            }
            let third = match m.as_str() {
                "anfang" => 1,
                "mitte" => 2,
                "ende" => 3,
                _ => return None,
            };
            Some(Words::Third(year(y)?, third))
        }
        // 2. Halbjahr 2027, 2. Hj. 2027
        [N(n), W(h), N(y)] if is_half(h) => Some(Words::Half(year(y)?, half(n)?)),
        // H2 2027, HJ2/2027
        [W(h), N(n), N(y)] if is_half(h) => Some(Words::Half(year(y)?, half(n)?)),
        // zweites Halbjahr 2027
        [W(n), W(h), N(y)] if is_half(h) => Some(Words::Half(year(y)?, half(n)?)),
        _ => None,
    }
}

/// A concrete hint for a rejected date, built from what was typed.
/// `end`: the value stands in an Ende column.
pub(super) fn hint(text: &str, end: bool) -> String {
    let typed = text.trim();
    let loose: Vec<Token> = {
        let cleaned: String = typed
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        tokens(&cleaned).unwrap_or_default()
    };
    let numbers: Vec<&str> = loose
        .iter()
        .filter_map(|t| match t {
            Token::Number(n) => Some(n.as_str()),
            _ => None,
        })
        .collect();
    let words: Vec<&str> = loose
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let years: Vec<i32> = numbers
        .iter()
        .filter(|n| n.len() == 4)
        .filter_map(|n| n.parse().ok())
        .collect();
    if let Some(y) = years.iter().find(|y| !YEARS.contains(y)) {
        return format!("das Jahr {y} ist sicher ein Tippfehler: Jahr prüfen, z. B. 2027");
    }
    if end {
        if let Some(w) = nearest(typed, ["fortlaufend", "Daueraufgabe"]) {
            if years.is_empty() {
                return format!("meinten Sie „{w}“?");
            }
        }
    }
    // A misspelt month name: „Märtz 2027“.
    if let (Some(w), Some(y)) = (words.first(), years.first()) {
        let all = MONTHS.iter().flat_map(|m| m.iter().copied());
        if let Some(m) = nearest(w, all).and_then(month_of) {
            return format!("meinten Sie {m:02}/{y}?");
        }
        if w.starts_with('q') || *w == "quartal" {
            return format!("ein Jahr hat die Quartale 1 bis 4: meinten Sie Q4 {y}?");
        }
    }
    let num = |s: &str| s.parse::<u32>().ok();
    match (numbers.as_slice(), years.as_slice()) {
        // 31.02.2027, 12/31/2027
        ([d, m, y], _) if y.len() == 4 || y.len() == 2 => {
            let (d, m, y) = (
                num(d).unwrap_or(0),
                num(m).unwrap_or(0),
                year(y).unwrap_or(0),
            );
            if (1..=12).contains(&d) && (13..=31).contains(&m) {
                return format!("Tag und Monat vertauscht? meinten Sie {m:02}.{d:02}.{y}?");
            }
            if (1..=12).contains(&m) {
                let last = chrono::NaiveDate::from_ymd_opt(y, m % 12 + 1, 1)
                    .map(|d| d.with_year(if m == 12 { y + 1 } else { y }).unwrap_or(d))
                    .and_then(|d| d.pred_opt())
                    .map(|d| d.format("%d.%m.%Y").to_string());
                return match last {
                    Some(last) => format!(
                        "den {d:02}.{m:02}.{y} gibt es nicht: meinten Sie {last} oder {m:02}/{y}?"
                    ),
                    None => format!("meinten Sie {m:02}/{y}?"),
                };
            }
            return format!("einen Monat {m} gibt es nicht: meinten Sie {y}?");
        }
        // 2026–2028, 2026 bis 2028 in one cell
        ([a, b], [y1, y2]) if a.len() == 4 && b.len() == 4 => {
            return format!(
                "ein Zeitraum gehört in zwei Spalten: {y1} als Beginn und {y2} als Ende eintragen"
            );
        }
        // 2027/03, 03 2027, 3-2027
        ([a, b], [y]) => {
            let other = if a.len() == 4 { b } else { a };
            return match num(other) {
                Some(m @ 1..=12) => format!("meinten Sie {m:02}/{y}?"),
                _ => format!("einen Monat {other} gibt es nicht: meinten Sie 12/{y} oder {y}?"),
            };
        }
        // 03.27, 3/27
        ([m, y], []) if y.len() == 2 && matches!(num(m), Some(1..=12)) => {
            return format!("meinten Sie {:02}/20{y}?", num(m).unwrap_or(1));
        }
        (_, [y, ..]) => {
            return format!("meinten Sie {y}? Genauer geht es z. B. mit 03/{y} oder Q1 {y}");
        }
        _ => {}
    }
    if end {
        format!(
            "„{typed}“ enthält kein Jahr: z. B. 12/2028 oder 2028 eintragen, oder „fortlaufend“"
        )
    } else {
        format!("„{typed}“ enthält kein Jahr: z. B. 03/2027 oder 2027 eintragen")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_words_and_numbers() {
        assert_eq!(
            tokens("H2/2027").unwrap(),
            [
                Token::Word("h".into()),
                Token::Number("2".into()),
                Token::Number("2027".into())
            ]
        );
        assert!(tokens("März 2027!").is_none());
    }

    #[test]
    fn hints_built_from_what_was_typed() {
        for (typed, end, wanted) in [
            ("Märtz 2027", false, "meinten Sie 03/2027?"),
            ("Sebtember 2027", false, "meinten Sie 09/2027?"),
            ("2027/03", false, "meinten Sie 03/2027?"),
            ("3 2027", false, "meinten Sie 03/2027?"),
            ("03.27", false, "meinten Sie 03/2027?"),
            (
                "31.02.2027",
                false,
                "den 31.02.2027 gibt es nicht: meinten Sie 28.02.2027 oder 02/2027?",
            ),
            ("31.12.2027", false, "meinten Sie 31.12.2027 oder 12/2027?"),
            ("12/31/2027", false, "meinten Sie 31.12.2027?"),
            ("13/2027", false, "meinten Sie 12/2027 oder 2027?"),
            ("Q5 2027", false, "meinten Sie Q4 2027?"),
            ("2026-2028", false, "2026 als Beginn und 2028 als Ende"),
            ("1.1.1066", false, "das Jahr 1066"),
            ("irgendwann 2027", false, "meinten Sie 2027?"),
            ("morgen", false, "„morgen“ enthält kein Jahr"),
            ("fortlaufen", true, "meinten Sie „fortlaufend“?"),
            ("Dauer-Aufgabe", true, "meinten Sie „Daueraufgabe“?"),
        ] {
            let h = hint(typed, end);
            assert!(h.contains(wanted), "{typed}: {h}");
        }
    }
}
