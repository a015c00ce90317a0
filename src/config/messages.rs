//! German messages for what serde and the TOML reader report in English.

/// Translates the most common serde/TOML messages into German.
pub(super) fn german(msg: &str) -> String {
    let m = msg.trim();
    if let Some(field) = m
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return format!("der Pflichtschlüssel `{field}` fehlt");
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        let tr = |s: &str| {
            s.replace("a string", "Text in Anführungszeichen")
                .replace("string", "Text")
                .replace("an integer", "eine ganze Zahl")
                .replace("i32", "eine ganze Zahl")
                .replace("i64", "eine ganze Zahl")
                .replace("u32", "eine ganze Zahl")
                .replace("integer", "ganze Zahl")
                .replace("a boolean", "true oder false")
                .replace("boolean", "Wahrheitswert")
                .replace("floating point", "Kommazahl")
                .replace("a sequence", "eine Liste [ … ]")
                .replace("sequence", "Liste")
                .replace("struct", "Abschnitt")
                .replace("map", "Abschnitt")
        };
        return format!("ungültiger Wert: {}, erwartet: {}", tr(found), tr(expected));
    }
    if m.starts_with("data did not match any variant of untagged enum Version") {
        return "ungültige Version".into();
    }
    if m.starts_with("data did not match any variant of untagged enum TomlDate") {
        return "ungültiges Datum".into();
    }
    format!("ungültiger Eintrag ({m})")
}
