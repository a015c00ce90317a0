//! TOML syntax errors in plain German: what is wrong with a line of
//! `konzept.toml` and the line as it should be.
//!
//! The TOML reader's own messages („unexpected leading zero“, „string values
//! must be quoted“) are parser jargon; instead the line itself is looked at
//! and the usual slips of someone who edits the file by hand are recognised:
//! a German date, text without quotation marks, a Laufzeit as `2026-2030`,
//! German quotation marks, a missing `=`, `"` or `]`, a key written twice.

/// The German message and, if one can be built, the corrected line.
pub(super) struct Explained {
    pub message: String,
    pub fixed: Option<String>,
}

/// Explains the syntax error `raw` (the reader's English message) on `line`.
pub(super) fn explain(line: &str, raw: &str) -> Explained {
    let t = line.trim();
    let plain = |message: &str| Explained {
        message: message.to_string(),
        fixed: None,
    };
    if raw.contains("duplicate key") || raw.contains("duplicate") {
        let key = t.split('=').next().unwrap_or(t).trim();
        return Explained {
            message: format!(
                "„{key}“ steht in diesem Abschnitt zweimal; jede Angabe darf in einem Abschnitt nur einmal vorkommen"
            ),
            fixed: None,
        };
    }
    if t.starts_with('[') {
        return table_header(t);
    }
    let Some((key, value)) = t.split_once('=') else {
        return missing_equals(t);
    };
    let key = key.trim();
    let value = without_comment(value.trim());
    let fix = |v: String| Some(format!("{key} = {v}"));
    if key.is_empty() {
        return plain("vor dem Gleichheitszeichen fehlt der Name der Einstellung");
    }
    if key.contains(' ') && !key.starts_with('"') {
        let joined = key.split_whitespace().collect::<Vec<_>>().join("_");
        return Explained {
            message: format!(
                "der Name „{key}“ enthält Leerzeichen; Namen von Einstellungen werden ohne Leerzeichen geschrieben"
            ),
            fixed: Some(format!("{joined} = {value}")),
        };
    }
    if value.is_empty() || value.starts_with('#') {
        let rest = value.trim_start_matches('#').trim();
        return Explained {
            message: format!("bei „{key}“ fehlt der Wert nach dem Gleichheitszeichen"),
            fixed: if rest.is_empty() {
                None
            } else {
                // `farbe = #005CA9`: the # starts a comment unless quoted.
                fix(quote(&format!("#{rest}")))
            },
        };
    }
    if let Some(message) = impossible_date(value) {
        return Explained {
            message: format!("„{value}“ bei „{key}“ ist kein gültiges Datum: {message}"),
            fixed: None,
        };
    }
    if let Some(date) = german_date(value) {
        return Explained {
            message: format!(
                "das Datum „{value}“ bei „{key}“ muss als Jahr-Monat-Tag geschrieben werden (oder in Anführungszeichen stehen)"
            ),
            fixed: fix(date),
        };
    }
    if let Some((von, bis)) = year_range(value.trim_matches('"')) {
        return Explained {
            message: format!(
                "der Zeitraum „{value}“ bei „{key}“ wird mit „von“ und „bis“ geschrieben"
            ),
            fixed: fix(format!("{{ von = {von}, bis = {bis} }}")),
        };
    }
    if let Some(inner) = german_quotes(value) {
        return Explained {
            message: format!(
                "bei „{key}“ stehen typografische Anführungszeichen; die Datei braucht gerade Anführungszeichen (\")"
            ),
            fixed: fix(quote(&inner)),
        };
    }
    if let Some(rest) = value.strip_prefix('"') {
        if !rest.contains('"') {
            return Explained {
                message: format!(
                    "bei „{key}“ fehlt das schließende Anführungszeichen am Ende des Textes"
                ),
                fixed: fix(format!("\"{rest}\"")),
            };
        }
        return Explained {
            message: format!(
                "bei „{key}“ steht nach dem Text in Anführungszeichen noch etwas; der ganze Text gehört in ein Paar Anführungszeichen"
            ),
            fixed: fix(quote(&value.replace('"', ""))),
        };
    }
    if LIST_KEYS.contains(&key) && !value.starts_with('[') {
        return Explained {
            message: format!("„{key}“ ist eine Liste: Einträge in Anführungszeichen, durch Kommas getrennt, in eckigen Klammern"),
            fixed: fix(list(value)),
        };
    }
    if value.starts_with('[') && !value.contains(']') {
        return Explained {
            message: format!("die Liste bei „{key}“ ist nicht mit „]“ geschlossen"),
            fixed: fix(format!("{value}]")),
        };
    }
    if value.starts_with('[') {
        return Explained {
            message: format!(
                "die Liste bei „{key}“ ist so nicht lesbar; Einträge stehen in Anführungszeichen und sind durch Kommas getrennt"
            ),
            fixed: fix(list(value)),
        };
    }
    if value.starts_with('{') {
        return Explained {
            message: format!(
                "die Angabe in geschweiften Klammern bei „{key}“ ist so nicht lesbar; sie wird als {{ name = Wert, name = Wert }} geschrieben"
            ),
            fixed: inline_table(value).map(|t| format!("{key} = {t}")),
        };
    }
    if let Some(b) = boolean(value) {
        return Explained {
            message: format!(
                "„{value}“ bei „{key}“ wird als true (ja) oder false (nein) geschrieben"
            ),
            fixed: fix(b.to_string()),
        };
    }
    if key == "version" {
        return Explained {
            message: "die Version wird als Text in Anführungszeichen geschrieben".into(),
            fixed: fix(quote(value)),
        };
    }
    if let Some(n) = german_number(value) {
        return Explained {
            message: format!("die Zahl „{value}“ bei „{key}“ wird ohne Tausenderpunkt und mit Dezimalpunkt geschrieben"),
            fixed: fix(n),
        };
    }
    Explained {
        message: format!("der Text bei „{key}“ muss in Anführungszeichen stehen"),
        fixed: fix(quote(value)),
    }
}

/// A TOML string literal.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn table_header(t: &str) -> Explained {
    let double = t.starts_with("[[");
    let name = t.trim_matches(|c| c == '[' || c == ']').trim().to_string();
    let fixed = if double {
        format!("[[{name}]]")
    } else {
        format!("[{name}]")
    };
    if name.contains(' ') || name.is_empty() {
        return Explained {
            message: format!(
                "die Abschnittsüberschrift „{t}“ ist so nicht lesbar; sie besteht aus einem Namen ohne Leerzeichen in eckigen Klammern"
            ),
            fixed: None,
        };
    }
    Explained {
        message: format!(
            "die Abschnittsüberschrift „{t}“ ist nicht richtig mit eckigen Klammern geschlossen"
        ),
        fixed: Some(fixed),
    }
}

fn missing_equals(t: &str) -> Explained {
    // `titel: "…"`, `titel "…"`
    let (key, value) = match t.split_once(':') {
        Some((k, v)) if !k.trim().contains(' ') => (k.trim(), v.trim()),
        _ => match t.split_once(char::is_whitespace) {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (t, ""),
        },
    };
    // The names of settings are lower-case words (`titel`, `laufzeit`); a
    // line like „Amt für Integration“ is text that lost its `#`.
    let is_key = key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        && !key.is_empty();
    if value.is_empty() || !is_key {
        return Explained {
            message: format!(
                "die Zeile „{t}“ ist keine Einstellung: es fehlen Gleichheitszeichen und Wert (Erläuterungen beginnen mit #)"
            ),
            fixed: Some(format!("# {t}")),
        };
    }
    let value = if value.starts_with(['"', '[', '{']) || value.parse::<f64>().is_ok() {
        value.to_string()
    } else {
        quote(value)
    };
    Explained {
        message: format!("zwischen „{key}“ und dem Wert fehlt das Gleichheitszeichen"),
        fixed: Some(format!("{key} = {value}")),
    }
}

/// `07.12.2026` → `2026-12-07`.
fn german_date(v: &str) -> Option<String> {
    let v = v.trim_matches('"');
    let parts: Vec<&str> = v.split('.').map(str::trim).collect();
    if parts.len() != 3 {
        return None;
    }
    let d: u32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let y: i32 = parts[2].parse().ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// `2026-2030`, `2026 – 2030`, `2026 bis 2030`.
pub(super) fn year_range(v: &str) -> Option<(i32, i32)> {
    let v = v.trim();
    let (a, b) = v
        .split_once(['-', '–', '—'])
        .or_else(|| v.split_once(" bis "))?;
    let a: i32 = a.trim().parse().ok()?;
    let b: i32 = b.trim().parse().ok()?;
    ((1900..=2200).contains(&a) && (1900..=2200).contains(&b)).then_some((a, b))
}

/// The text inside „…“, “…”, ”…” or '…'-style quotes typed by Word.
fn german_quotes(v: &str) -> Option<String> {
    let open = ['„', '“', '”', '‚', '‘', '’', '«', '»'];
    let first = v.chars().next()?;
    if !open.contains(&first) {
        return None;
    }
    Some(
        v.trim_matches(|c| open.contains(&c) || c == '"')
            .to_string(),
    )
}

fn boolean(v: &str) -> Option<bool> {
    match v.to_lowercase().as_str() {
        "ja" | "wahr" | "yes" | "true" => Some(true),
        "nein" | "falsch" | "no" | "false" => Some(false),
        _ => None,
    }
}

/// `1.000` or `2,5` as TOML wants them.
fn german_number(v: &str) -> Option<String> {
    if !v
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !v.contains(',') && !v.contains('.') {
        // A number with a leading zero, e.g. `0123`.
        let n: u64 = v.parse().ok()?;
        return Some(n.to_string());
    }
    let (whole, _) = v.split_once(',').unwrap_or((v, ""));
    let groups: Vec<&str> = whole.split('.').collect();
    if groups.len() > 1 && groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    let n = v.replace('.', "").replace(',', ".");
    n.parse::<f64>().ok().map(|_| n)
}

/// Settings whose value is a list.
const LIST_KEYS: [&str; 3] = ["formate", "arbeitsgruppen", "aliase"];

/// `[pdf, docx]`, `["pdf" "docx"]`, `pdf, docx` → `["pdf", "docx"]`.
fn list(v: &str) -> String {
    let inner = v.trim_start_matches('[').trim_end_matches(']');
    let items: Vec<String> = if inner.contains('"') {
        inner.split('"').skip(1).step_by(2).map(quote).collect()
    } else {
        inner
            .split([',', ';'])
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .map(quote)
            .collect()
    };
    format!("[{}]", items.join(", "))
}

/// The value without a trailing `# comment` (a `#` inside quotes or at the
/// start stays: `farbe = #005CA9` is explained on its own).
fn without_comment(v: &str) -> &str {
    let mut quoted = false;
    for (i, c) in v.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted && i > 0 && v[..i].ends_with(char::is_whitespace) => {
                return v[..i].trim_end();
            }
            _ => {}
        }
    }
    v
}

/// `2026-13-01`: written as a TOML date, but no day of the calendar.
fn impossible_date(v: &str) -> Option<String> {
    let parts: Vec<&str> = v.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if chrono::NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2]).is_some() {
        return None;
    }
    Some(if !(1..=12).contains(&n[1]) {
        format!(
            "einen Monat {} gibt es nicht (Jahr-Monat-Tag, z. B. {}-12-01)",
            n[1], n[0]
        )
    } else {
        format!("den {}. Tag gibt es in diesem Monat nicht", n[2])
    })
}

/// `{ von = 2026 bis = 2030 }` → `{ von = 2026, bis = 2030 }`.
fn inline_table(v: &str) -> Option<String> {
    let inner = v
        .trim()
        .strip_prefix('{')?
        .trim_end_matches('}')
        .replace(',', " ");
    let tokens: Vec<&str> = inner.split_whitespace().collect();
    let mut pairs: Vec<(String, Vec<&str>)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens.get(i + 1) == Some(&"=") {
            pairs.push((tokens[i].to_string(), Vec::new()));
            i += 2;
        } else {
            pairs.last_mut()?.1.push(tokens[i]);
            i += 1;
        }
    }
    let parts: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| {
            let v = v.join(" ");
            let plain =
                v.starts_with('"') || v.parse::<f64>().is_ok() || v == "true" || v == "false";
            format!("{k} = {}", if plain { v } else { quote(&v) })
        })
        .collect();
    (!parts.is_empty()).then(|| format!("{{ {} }}", parts.join(", ")))
}
