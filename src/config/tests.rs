use super::*;
use chrono::NaiveDate;
use serde::Deserialize;

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
    assert!(text.contains("bei „von“ steht \"2026\""), "{text}");
    assert!(text.contains("Zeile 9"), "{text}");
    assert!(text.contains("ganze Zahl"), "{text}");
    assert!(text.contains("hinweis: so schreiben: von = 2026"), "{text}");
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
    let text = d.render_text();
    assert!(text.contains("konzept.toml › Zeile 1"), "{text}");
    assert!(text.contains("hinweis: so schreiben: [kommune]"), "{text}");
}

#[test]
fn colours() {
    assert_eq!(parse_colour("#005CA9"), Some((0, 0x5c, 0xa9)));
    assert_eq!(parse_colour("fff"), Some((255, 255, 255)));
    assert_eq!(parse_colour("blau"), None);
}

/// A struct's fields are its table's keys, a field added today included:
/// nested, optional and repeated tables, dates and untagged values.
#[test]
fn keys_come_from_the_structs() {
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Probe {
        alt: String,
        neu: Option<Innen>,
        #[serde(default)]
        liste: Vec<Posten>,
        datum: toml::value::Datetime,
        stand: TomlDate,
        version: Version,
        zahl: i32,
        an: bool,
        woerter: std::collections::BTreeMap<String, String>,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Innen {
        a: String,
        tief: Posten,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Posten {
        b: Option<f64>,
    }
    let tables = keys::keys_of::<Probe>().unwrap();
    let expected: Vec<(&str, &[&str])> = vec![
        (
            "",
            &[
                "alt", "neu", "liste", "datum", "stand", "version", "zahl", "an", "woerter",
            ],
        ),
        ("neu", &["a", "tief"]),
        ("neu.tief", &["b"]),
        ("liste", &["b"]),
    ];
    let got: Vec<(&str, &[&str])> = tables.iter().map(|(p, k)| (p.as_str(), *k)).collect();
    assert_eq!(got, expected);

    // The unknown-key check knows the new field and still finds a typo.
    let src = "alt = \"x\"\n[neu]\na = \"y\"\ntief = { b = 1.0 }\n[[liste]]\nbb = 2\n";
    let table: toml::Table = src.parse().unwrap();
    let mut d = Diagnostics::new();
    unknown_keys::check_keys(src, &tables, &table, "", &mut d);
    let text = d.render_text();
    assert_eq!(d.len(), 1, "{text}");
    assert!(text.contains("unbekannter Schlüssel `liste.bb`"), "{text}");
    assert!(text.contains("meinten Sie `b`?"), "{text}");
}

/// Every table of `Config` is there, in the order of the file.
#[test]
fn all_tables_of_the_config() {
    let paths: Vec<&str> = all_keys().iter().map(|(p, _)| *p).collect();
    assert_eq!(
        paths,
        [
            "",
            "kommune",
            "dokument",
            "dokument.laufzeit",
            "dokument.unterzeichnung",
            "dokument.vorgang",
            "dokument.haushalt",
            "beratung",
            "rueckgabe",
            "gestaltung",
            "gestaltung.absender",
            "gestaltung.raender",
            "eingaben",
            "ausgabe",
            "handlungsfeld",
            "querschnittsthema",
        ]
    );
}

/// The `konzept.toml` that `konzept new` writes, with every setting that it
/// leaves commented out switched on, has no key the reader does not know.
#[test]
fn every_key_konzept_new_writes_is_known() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Musterstadt");
    let today = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
    crate::new::new_project_on(&root, &crate::new::Neu::default(), today).unwrap();
    let written = std::fs::read_to_string(root.join(FILE_NAME)).unwrap();
    let is_setting = |l: &str| {
        let word = l.trim_start_matches('[');
        let key_len = word
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(word.len());
        key_len > 0 && (l.starts_with('[') || word[key_len..].starts_with(" = "))
    };
    let mut switched_on = 0;
    let full: String = written
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(setting) if is_setting(setting) => {
                switched_on += 1;
                format!("{setting}\n")
            }
            _ => format!("{l}\n"),
        })
        .collect();
    assert!(switched_on >= 10, "{full}");
    assert!(full.contains("\n[[beratung]]\n"), "{full}");
    let mut d = Diagnostics::new();
    let c = parse(&full, &mut d).expect("parses");
    assert!(d.is_empty(), "{}\n{full}", d.render_text());
    assert!(c.gestaltung.absender.is_some() && c.gestaltung.raender.is_some());
    assert_eq!(c.beratung.len(), 1);
}
