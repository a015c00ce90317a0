//! Numbers in their German forms (`1.234,5`, `12,5 %`) and years.

use super::{round, CellValue, Rejected};
use chrono::Datelike;

/// Formats a number the German way: `1.234,5`. At most `max_decimals`
/// decimals, trailing zeros dropped.
pub fn format_number(x: f64, max_decimals: usize) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let s = format!("{:.*}", max_decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let negative = x < 0.0 && (int != "0" || !frac.is_empty());
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&group_thousands(&int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// Formats with exactly `decimals` decimals (for shares: `34,0 %`).
pub fn format_fixed(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('−');
    }
    out.push_str(&group_thousands(int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

pub(super) fn group_thousands(digits: &str) -> String {
    let bytes = digits.as_bytes();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(*b as char);
    }
    out
}

/// A number and whether it was given as a percentage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub percent: bool,
}

const NUMBER_FORMS: &str = "eine Zahl wie 1234, 1.234,5 oder 12,5 %";

/// Parses German number text: `1.234,5`, `12.500`, `-3`, `12,5 %`, `12 500`.
pub fn parse_number_text(text: &str) -> Result<Number, String> {
    let mut t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}' && *c != '\'')
        .collect();
    let mut percent = false;
    if let Some(rest) = t.strip_suffix('%') {
        percent = true;
        t = rest.to_string();
    }
    let value = parse_german_decimal(&t).ok_or_else(|| NUMBER_FORMS.to_string())?;
    Ok(Number { value, percent })
}

/// `1.234,5` → 1234.5; `12.500` → 12500; `12.5` → 12.5 (a lone decimal point
/// that does not group thousands is read as a decimal point).
pub(super) fn parse_german_decimal(t: &str) -> Option<f64> {
    let (sign, body) = match t.strip_prefix(['-', '−', '–']) {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty() {
        return None;
    }
    let (int_part, frac_part) = if let Some((i, f)) = body.split_once(',') {
        if f.contains(['.', ',']) {
            return None;
        }
        (i, Some(f))
    } else if body.contains('.') {
        if thousands_grouped(body) {
            (body, None)
        } else if body.matches('.').count() == 1 {
            let (i, f) = body.split_once('.').expect("one dot");
            (i, Some(f))
        } else {
            return None;
        }
    } else {
        (body, None)
    };
    let int_digits: String = if int_part.contains('.') {
        if !thousands_grouped(int_part) {
            return None;
        }
        int_part.replace('.', "")
    } else {
        int_part.to_string()
    };
    if int_digits.is_empty() && frac_part.is_none_or(str::is_empty) {
        return None;
    }
    if !int_digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut s = if int_digits.is_empty() {
        "0".to_string()
    } else {
        int_digits
    };
    if let Some(f) = frac_part {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.push('.');
        s.push_str(f);
    }
    s.parse::<f64>()
        .ok()
        .map(|v| sign * v)
        .filter(|v| v.is_finite())
}

/// `1.234` or `12.500.000`: dots between groups of exactly three digits.
fn thousands_grouped(s: &str) -> bool {
    let mut groups = s.split('.');
    let first = groups.next().unwrap_or("");
    !first.is_empty()
        && first.len() <= 3
        && first.chars().all(|c| c.is_ascii_digit())
        && groups.clone().count() > 0
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// A number from a cell: a number cell, a percentage cell or text.
pub fn parse_number(cell: &CellValue) -> Result<Number, Rejected> {
    match cell {
        CellValue::Number(n) => Ok(Number {
            value: *n,
            percent: false,
        }),
        CellValue::Percent(p) => Ok(Number {
            value: round(p * 100.0, 9),
            percent: true,
        }),
        CellValue::Text(t) => {
            parse_number_text(t).map_err(|expected| Rejected::new(expected, number_hint(t)))
        }
        other => Err(Rejected::new(
            NUMBER_FORMS,
            format!(
                "„{}“ ist keine Zahl: eine Zahl wie 120 eintragen",
                other.display()
            ),
        )),
    }
}

/// The hint for a number that could not be read, built from what was typed.
fn number_hint(typed: &str) -> String {
    let t = typed.trim();
    // `1,234.5`: English separators.
    if let Some((int, frac)) = t.rsplit_once('.') {
        if int.contains(',') && !int.contains('.') && frac.chars().all(|c| c.is_ascii_digit()) {
            if let Ok(v) = format!("{}.{frac}", int.replace(',', "")).parse::<f64>() {
                return format!(
                    "meinten Sie {}? (Tausender mit Punkt, Dezimalstellen mit Komma)",
                    format_number(v, 6)
                );
            }
        }
    }
    let start = t.find(|c: char| c.is_ascii_digit());
    let run: Option<String> = start.map(|i| {
        t[i..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect()
    });
    match run.as_deref().map(|r| r.trim_end_matches(['.', ','])) {
        Some(r) if parse_german_decimal(r).is_some() => {
            let percent = if t.contains('%') || t.to_lowercase().contains("prozent") {
                " %"
            } else {
                ""
            };
            format!(
                "meinten Sie {r}{percent}? Nur die Zahl gehört in die Zelle, Erläuterungen in die Spalte Quelle oder Einheit"
            )
        }
        _ => format!("„{t}“ ist keine Zahl: eine Zahl wie 120, 1.234,5 oder 17,5 % eintragen"),
    }
}

/// A calendar year (1900–2200) from a number cell, a date cell or text.
pub fn parse_year(cell: &CellValue) -> Result<i32, Rejected> {
    const YEAR: &str = "eine Jahreszahl wie 2027";
    let typed = match cell {
        CellValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        other => other.display(),
    };
    let reject = || Rejected::new(YEAR, year_hint(typed.trim()));
    let y = match cell {
        CellValue::Number(n) if n.fract() == 0.0 => *n as i64,
        CellValue::Date(d) => d.year() as i64,
        CellValue::Text(t) => {
            let t = t.trim();
            if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
                t.parse().map_err(|_| reject())?
            } else {
                return Err(reject());
            }
        }
        _ => return Err(reject()),
    };
    if (1900..=2200).contains(&y) {
        Ok(y as i32)
    } else {
        Err(reject())
    }
}

/// `ca. 2027`, `2027/28`, `'27`, `27`: the year meant, else what to write.
fn year_hint(typed: &str) -> String {
    let runs: Vec<&str> = typed
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    if let Some(y) = runs
        .iter()
        .filter(|r| r.len() == 4)
        .filter_map(|r| r.parse::<i32>().ok())
        .find(|y| (1900..=2200).contains(y))
    {
        return format!("meinten Sie {y}? Nur die vierstellige Jahreszahl eintragen");
    }
    match runs.as_slice() {
        [r] if r.len() == 2 => format!("meinten Sie 20{r}? Die Jahreszahl vierstellig eintragen"),
        [r] if r.len() == 4 => {
            format!("das Jahr {r} ist sicher ein Tippfehler: Jahreszahl prüfen, z. B. 2027")
        }
        _ => format!(
            "„{typed}“ ist keine Jahreszahl: eine vierstellige Jahreszahl wie 2027 eintragen"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> CellValue {
        CellValue::Text(s.to_string())
    }

    #[test]
    fn number_and_year_hints_from_what_was_typed() {
        let hint = |c: CellValue| parse_number(&c).unwrap_err().hint.unwrap();
        assert!(hint(text("1,234.5")).contains("meinten Sie 1.234,5?"));
        assert!(hint(text("ca. 120")).contains("meinten Sie 120?"));
        assert!(hint(text("etwa 17,5 Prozent")).contains("meinten Sie 17,5 %?"));
        assert!(hint(text("viele")).contains("„viele“ ist keine Zahl"));
        let hint = |c: CellValue| parse_year(&c).unwrap_err().hint.unwrap();
        assert!(hint(text("2027/28")).contains("meinten Sie 2027?"));
        assert!(hint(text("'27")).contains("meinten Sie 2027?"));
        assert!(hint(CellValue::Number(1066.0)).contains("das Jahr 1066"));
        assert!(hint(text("nächstes Jahr")).contains("„nächstes Jahr“ ist keine Jahreszahl"));
    }

    #[test]
    fn numbers_german_forms() {
        let n = |s: &str| parse_number(&text(s)).unwrap();
        assert_eq!(n("1.234,5").value, 1234.5);
        assert_eq!(n("12.500").value, 12500.0);
        assert_eq!(n("250 000").value, 250000.0);
        assert_eq!(n("12.5").value, 12.5);
        assert_eq!(n("-3").value, -3.0);
        assert_eq!(
            n("12,5 %"),
            Number {
                value: 12.5,
                percent: true
            }
        );
        assert_eq!(
            n("17,5%"),
            Number {
                value: 17.5,
                percent: true
            }
        );
        assert_eq!(
            parse_number(&CellValue::Percent(0.175)).unwrap(),
            Number {
                value: 17.5,
                percent: true
            }
        );
        for bad in ["", "abc", "1,2,3", "1.2.3", "12,5.0", "%"] {
            assert!(parse_number(&text(bad)).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn number_display() {
        assert_eq!(format_number(1234.5, 2), "1.234,5");
        assert_eq!(format_number(250000.0, 2), "250.000");
        assert_eq!(format_number(0.5, 2), "0,5");
        assert_eq!(format_number(-1234.0, 2), "−1.234");
        assert_eq!(format_fixed(34.0, 1), "34,0");
        assert_eq!(format_fixed(1234.56, 1), "1.234,6");
    }

    #[test]
    fn years() {
        assert_eq!(parse_year(&CellValue::Number(2024.0)), Ok(2024));
        assert_eq!(parse_year(&text("2024")), Ok(2024));
        assert!(parse_year(&text("24")).is_err());
        assert!(parse_year(&CellValue::Number(20245.0)).is_err());
    }
}
