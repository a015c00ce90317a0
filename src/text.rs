//! Text as konzept compares and keeps it: the one form in which names are
//! compared, and the cleaning every cell text gets. Used by every stage, so
//! it sits below all of them.

use unicode_normalization::UnicodeNormalization;

/// The form in which names are compared: headers, sheet names, categories,
/// field names. Case-, space- and umlaut-insensitive, so that "Massnahmen",
/// "MASSNAHMEN " and "Maßnahmen" are one name; punctuation is ignored too, so
/// "Kosten (EUR)" and "Kosten EUR" match.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Most headers and keywords: no composition, no umlauts.
        out.extend(
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase()),
        );
        return out;
    }
    for c in s.nfc().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text as it may enter the model: control characters removed (they cannot be
/// printed and break XML), line breaks and tabs kept, `\r\n` folded to `\n`,
/// surrounding white space trimmed.
pub fn clean_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c == '\u{0B}' || c == '\u{0C}' {
                '\n'
            } else {
                c
            }
        })
        .filter(|&c| {
            c == '\n' || c == '\t' || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect();
    cleaned.trim().to_string()
}

/// A count as German running text writes it: two to twelve as words
/// („sieben Arbeitsgruppen“), every other number in digits („19“, „1“ – one
/// depends on the noun's gender, so it stays a digit).
pub fn zahlwort(n: usize) -> String {
    const WORTE: [&str; 11] = [
        "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
    ];
    match n {
        2..=12 => WORTE[n - 2].to_string(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_umlauts_case_space() {
        assert_eq!(normalize("Maßnahmen"), normalize("Massnahmen"));
        assert_eq!(normalize(" MASSNAHMEN "), "massnahmen");
        assert_eq!(normalize("Priorität"), "prioritaet");
        assert_eq!(normalize("Kosten (EUR)"), "kosteneur");
        assert_eq!(normalize("Ziel-Nr."), "zielnr");
    }

    #[test]
    fn ascii_fast_path_agrees_with_the_general_path() {
        let all: String = (0u8..128).map(char::from).collect();
        // The dash is not ASCII (general path) and is dropped like any
        // punctuation, so both must give the same key.
        assert_eq!(normalize(&all), normalize(&format!("{all}–")));
        assert_eq!(
            normalize(&all),
            "0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
        );
    }

    #[test]
    fn zahlwort_writes_two_to_twelve_as_words() {
        assert_eq!(zahlwort(1), "1");
        assert_eq!(zahlwort(2), "zwei");
        assert_eq!(zahlwort(12), "zwölf");
        assert_eq!(zahlwort(13), "13");
    }

    #[test]
    fn clean_text_removes_controls_keeps_breaks() {
        assert_eq!(clean_text("  a\u{1}b\r\nc\td \u{7f}"), "ab\nc\td");
    }
}
