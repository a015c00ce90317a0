//! German messages for what serde reports in English about a value of the
//! wrong kind, with the line as it should be.

/// The message and hint for serde's `msg` about `key = value` (as typed).
pub(super) fn german_with_hint(msg: &str, key: &str, value: &str) -> (String, Option<String>) {
    let m = msg.trim();
    let fix = |v: String| Some(format!("so schreiben: {key} = {v}"));
    if let Some(field) = m
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return (
            format!("die Angabe „{field}“ fehlt"),
            Some(format!(
                "im Abschnitt eine Zeile {field} = … ergänzen (siehe die konzept.toml, die `konzept new` anlegt)"
            )),
        );
    }
    if m.starts_with("data did not match any variant of untagged enum Version") {
        return (
            "`dokument.version` muss Text sein".into(),
            Some("die Version in Anführungszeichen setzen, z. B. version = \"1.0\"".into()),
        );
    }
    if m.starts_with("data did not match any variant of untagged enum TomlDate") {
        return (
            format!("„{value}“ bei „{key}“ ist kein Datum"),
            Some(
                "ein Datum als Jahr-Monat-Tag (ohne Anführungszeichen), z. B. 2026-11-15, oder \"15.11.2026\""
                    .into(),
            ),
        );
    }
    let Some(rest) = m.strip_prefix("invalid type: ") else {
        return (
            format!("die Angabe „{key} = {value}“ ist so nicht lesbar"),
            Some(
                "die Schreibweise mit der konzept.toml vergleichen, die `konzept new` anlegt"
                    .into(),
            ),
        );
    };
    let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
    let bare = value.trim_matches('"');
    if expected.contains("Laufzeit") {
        let hint = match super::syntax::year_range(bare) {
            Some((von, bis)) => fix(format!("{{ von = {von}, bis = {bis} }}")),
            None => fix("{ von = 2026, bis = 2030 }".into()),
        };
        return (
            format!("die Laufzeit „{value}“ wird mit „von“ und „bis“ geschrieben"),
            hint,
        );
    }
    let (what, hint) =
        if expected.contains("integer") || expected.starts_with('i') || expected.starts_with('u') {
            let digits: String = bare.chars().filter(char::is_ascii_digit).collect();
            (
                "eine ganze Zahl (ohne Anführungszeichen)",
                if digits.is_empty() { None } else { fix(digits) },
            )
        } else if expected.contains("bool") {
            let b = matches!(bare.to_lowercase().as_str(), "ja" | "wahr" | "true" | "1");
            ("true (ja) oder false (nein)", fix(b.to_string()))
        } else if expected.contains("sequence") {
            let items: Vec<String> = bare
                .split([',', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| toml::Value::String(s.to_string()).to_string())
                .collect();
            (
                "eine Liste in eckigen Klammern",
                fix(format!("[{}]", items.join(", "))),
            )
        } else if expected.contains("string") {
            (
                "Text in Anführungszeichen",
                fix(toml::Value::String(bare.to_string()).to_string()),
            )
        } else {
            ("eine Angabe in der Form { name = Wert, … }", None)
        };
    (
        format!("bei „{key}“ steht {value}; erwartet wird {what}"),
        hint,
    )
}
