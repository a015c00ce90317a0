use super::*;
use chrono::NaiveDate;

const MINIMAL: &str = r#"
[kommune]
name = "Musterstadt"

[dokument]
titel = "Integrationskonzept"
version = "1.0"
stand = 2026-11-15
laufzeit = { von = 2026, bis = 2030 }
verantwortlich = "Amt für Integration"
"#;

#[test]
fn minimal_config_with_defaults() {
    let mut d = Diagnostics::new();
    let c = parse(MINIMAL, &mut d).unwrap();
    assert!(d.is_empty(), "{}", d.render_text());
    assert_eq!(c.kommune.art, "Stadt");
    assert_eq!(c.dokument.status, "Entwurf");
    assert_eq!(c.eingaben.steuerung, "steuerung.xlsx");
    assert_eq!(c.ausgabe.formate, ["pdf", "docx", "vorlage"]);
    assert_eq!(
        c.dokument.stand.to_date(),
        NaiveDate::from_ymd_opt(2026, 11, 15)
    );
}

#[test]
fn unknown_key_with_nearest() {
    let src = MINIMAL
        .replace("titel =", "titl =")
        .replace("[kommune]", "[kommune]\nlogoo = \"x.png\"");
    let mut d = Diagnostics::new();
    assert!(parse(&src, &mut d).is_some(), "the rest is still read");
    let text = d.render_text();
    assert!(
        text.contains("unbekannter Schlüssel `dokument.titl`"),
        "{text}"
    );
    assert!(
        text.contains("`dokument.titel` fehlt oder ist leer"),
        "{text}"
    );
    assert!(text.contains("meinten Sie `titel`?"), "{text}");
    assert!(
        text.contains("unbekannter Schlüssel `kommune.logoo`"),
        "{text}"
    );
    assert!(text.contains("konzept.toml › Zeile 3"), "{text}");
}

#[test]
fn type_errors_in_german() {
    let src = MINIMAL.replace("von = 2026", "von = \"2026\"");
    let mut d = Diagnostics::new();
    assert!(parse(&src, &mut d).is_none());
    let text = d.render_text();
    assert!(text.contains("ungültiger Wert"), "{text}");
    assert!(text.contains("Zeile 9"), "{text}");
    assert!(text.contains("ganze Zahl"), "{text}");
}

#[test]
fn version_number_and_text_date() {
    let src = MINIMAL.replace("version = \"1.0\"", "version = 1.0");
    let mut d = Diagnostics::new();
    assert!(parse(&src, &mut d).is_none());
    assert!(d.render_text().contains("Anführungszeichen"));

    let src = MINIMAL.replace("stand = 2026-11-15", "stand = \"15.11.2026\"");
    let mut d = Diagnostics::new();
    let c = parse(&src, &mut d).unwrap();
    assert_eq!(
        c.dokument.stand.to_date(),
        NaiveDate::from_ymd_opt(2026, 11, 15)
    );
}

#[test]
fn semantic_errors() {
    let src = MINIMAL
        .replace(
            "version = \"1.0\"",
            "version = \"1.0\"\nstatus = \"entwurf2\"",
        )
        .replace("von = 2026, bis = 2030", "von = 2030, bis = 2026")
        + "[gestaltung]\nfarbe = \"blau\"\n";
    let mut d = Diagnostics::new();
    parse(&src, &mut d);
    let text = d.render_text();
    assert!(text.contains("unbekannter Status"), "{text}");
    assert!(text.contains("ungültige Laufzeit"), "{text}");
    assert!(text.contains("keine Farbe"), "{text}");
}

#[test]
fn syntax_error_has_line() {
    let mut d = Diagnostics::new();
    assert!(parse("[kommune\nname = 1", &mut d).is_none());
    assert!(d.render_text().contains("kein gültiges TOML"));
}

#[test]
fn colours() {
    assert_eq!(parse_colour("#005CA9"), Some((0, 0x5c, 0xa9)));
    assert_eq!(parse_colour("fff"), Some((255, 255, 255)));
    assert_eq!(parse_colour("blau"), None);
}
