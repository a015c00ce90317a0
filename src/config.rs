//! `konzept.toml`: German keys, because administrative staff edit it.
//!
//! Read in two passes: first as a plain TOML table, to report every unknown
//! key at once with the nearest known one (serde would stop at the first and
//! say it in English), then into the typed [`Config`].

use crate::diag::{did_you_mean, Diagnostics, Location};
use chrono::NaiveDate;
use serde::Deserialize;

pub const FILE_NAME: &str = "konzept.toml";

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub kommune: Kommune,
    pub dokument: Dokument,
    #[serde(default)]
    pub beratung: Vec<Beratung>,
    #[serde(default)]
    pub gestaltung: Gestaltung,
    #[serde(default)]
    pub eingaben: Eingaben,
    #[serde(default)]
    pub ausgabe: Ausgabe,
    #[serde(default)]
    pub handlungsfeld: Vec<Handlungsfeld>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kommune {
    #[serde(default)]
    pub name: String,
    #[serde(default = "default_art")]
    pub art: String,
    pub bundesland: Option<String>,
    pub logo: Option<String>,
}

fn default_art() -> String {
    "Stadt".into()
}

pub const ARTEN: [&str; 5] = ["Stadt", "Gemeinde", "Landkreis", "Kreis", "Stadtbezirk"];
pub const STATUS: [&str; 3] = ["Entwurf", "Beschlussvorlage", "Beschlossen"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dokument {
    #[serde(default)]
    pub titel: String,
    pub untertitel: Option<String>,
    /// Short title for the running header; defaults to "Integrationskonzept".
    pub kurztitel: Option<String>,
    #[serde(default = "no_version")]
    pub version: Version,
    pub stand: TomlDate,
    #[serde(default = "default_status")]
    pub status: String,
    pub laufzeit: Laufzeit,
    pub vorlage: Option<String>,
    pub gremium: Option<String>,
    pub sitzung: Option<TomlDate>,
    #[serde(default)]
    pub verantwortlich: String,
}

fn no_version() -> Version {
    Version::Text(String::new())
}

fn default_status() -> String {
    "Entwurf".into()
}

/// A version as text; `version = 1.0` (unquoted) is refused because TOML would
/// turn it into the number 1.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Version {
    Text(String),
    Integer(i64),
}

impl Version {
    pub fn text(&self) -> String {
        match self {
            Version::Text(t) => t.trim().to_string(),
            Version::Integer(i) => i.to_string(),
        }
    }
}

/// A date in `konzept.toml`: a TOML date (`2026-11-15`) or German text
/// (`"15.11.2026"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum TomlDate {
    Toml(toml::value::Datetime),
    Text(String),
}

impl TomlDate {
    pub fn to_date(&self) -> Option<NaiveDate> {
        match self {
            TomlDate::Toml(dt) => {
                let d = dt.date?;
                if dt.time.is_some() {
                    // A date-time is accepted; its date counts.
                }
                NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)
            }
            TomlDate::Text(t) => {
                let t = t.trim();
                NaiveDate::parse_from_str(t, "%d.%m.%Y")
                    .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
                    .ok()
            }
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Laufzeit {
    pub von: i32,
    pub bis: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beratung {
    pub gremium: String,
    pub sitzung: Option<TomlDate>,
    #[serde(default = "yes")]
    pub oeffentlich: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gestaltung {
    pub farbe: Option<String>,
    pub farbe2: Option<String>,
    pub schrift: Option<String>,
    pub schriften: Option<String>,
    /// Folder of template overrides (`konzept templates` writes it);
    /// default: `vorlagen` if that folder exists.
    pub vorlagen: Option<String>,
    /// The sender block of the title page.
    pub absender: Option<Absender>,
    /// Page margins, e.g. `{ oben = "3cm", links = "2,5 cm" }`.
    pub raender: Option<Raender>,
    /// Cover image of the title page (PNG or JPEG) and its alt text.
    pub titelbild: Option<String>,
    pub titelbild_text: Option<String>,
    /// A Word template (`.dotx`/`.docx`) as the base of the DOCX.
    pub word_vorlage: Option<String>,
}

/// The sender block of the title page: who publishes the document.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absender {
    pub fachbereich: Option<String>,
    pub anschrift: Option<String>,
    pub telefon: Option<String>,
    pub email: Option<String>,
    pub internet: Option<String>,
}

/// Page margins as lengths (`"3cm"`, `"25 mm"`, `"2,5cm"`, `"72pt"`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Raender {
    pub oben: Option<String>,
    pub unten: Option<String>,
    pub links: Option<String>,
    pub rechts: Option<String>,
}

/// The four margins (top, bottom, left, right) in millimetres.
pub const RAENDER_STANDARD: [f64; 4] = [30.0, 26.0, 25.0, 25.0];

/// A length as millimetres: `3cm`, `25 mm`, `2,5 cm`, `72pt`, `1in`.
pub fn parse_length_mm(s: &str) -> Option<f64> {
    let t = s.trim().to_lowercase().replace(',', ".");
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let v: f64 = num.parse().ok()?;
    let factor = match unit.trim() {
        "mm" => 1.0,
        "cm" => 10.0,
        "pt" => 25.4 / 72.0,
        "in" => 25.4,
        _ => return None,
    };
    let mm = v * factor;
    mm.is_finite().then_some(mm)
}

impl Raender {
    /// The margins in mm (top, bottom, left, right); missing ones from
    /// [`RAENDER_STANDARD`]; `None` for a value that is not a length.
    pub fn mm(&self) -> [Option<f64>; 4] {
        let one = |v: &Option<String>, d: f64| match v {
            None => Some(d),
            Some(s) => parse_length_mm(s),
        };
        let d = RAENDER_STANDARD;
        [
            one(&self.oben, d[0]),
            one(&self.unten, d[1]),
            one(&self.links, d[2]),
            one(&self.rechts, d[3]),
        ]
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eingaben {
    #[serde(default = "default_steuerung")]
    pub steuerung: String,
    #[serde(default = "default_arbeitsgruppen")]
    pub arbeitsgruppen: Vec<String>,
}

impl Default for Eingaben {
    fn default() -> Self {
        Eingaben {
            steuerung: default_steuerung(),
            arbeitsgruppen: default_arbeitsgruppen(),
        }
    }
}

fn default_steuerung() -> String {
    "steuerung.xlsx".into()
}

fn default_arbeitsgruppen() -> Vec<String> {
    vec!["arbeitsgruppen/*".into()]
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ausgabe {
    #[serde(default = "default_verzeichnis")]
    pub verzeichnis: String,
    #[serde(default = "default_formate")]
    pub formate: Vec<String>,
}

impl Default for Ausgabe {
    fn default() -> Self {
        Ausgabe {
            verzeichnis: default_verzeichnis(),
            formate: default_formate(),
        }
    }
}

fn default_verzeichnis() -> String {
    "ausgabe".into()
}

fn default_formate() -> Vec<String> {
    vec!["pdf".into(), "docx".into(), "vorlage".into()]
}

/// `pdf` and `docx`: the concept in that format; `vorlage`: also the council
/// submission (Beschlussvorlage) in the same formats, and its OParl file.
pub const FORMATE: [&str; 3] = ["pdf", "docx", "vorlage"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handlungsfeld {
    pub name: String,
    pub kurz: String,
    #[serde(default)]
    pub aliase: Vec<String>,
}

impl Handlungsfeld {
    /// Everything a workbook or the actor list may call this field by:
    /// name, letter and aliases, normalized ([`crate::input::normalize`]).
    pub fn keys(&self) -> Vec<String> {
        [&self.name, &self.kurz]
            .into_iter()
            .chain(&self.aliase)
            .map(|n| crate::input::normalize(n))
            .collect()
    }
}

/// The guide's seven fields of action with their letters; the second is
/// named "Arbeit und Wirtschaft" in the guide's list and "Arbeit und Beruf" in
/// its goals, so both are accepted.
pub fn default_fields() -> Vec<Handlungsfeld> {
    let f = |name: &str, kurz: &str, aliase: &[&str]| Handlungsfeld {
        name: name.into(),
        kurz: kurz.into(),
        aliase: aliase.iter().map(|a| a.to_string()).collect(),
    };
    vec![
        f("Bildung und Sprachförderung", "B", &["Bildung"]),
        f(
            "Arbeit und Wirtschaft",
            "A",
            &["Arbeit und Beruf", "Arbeit"],
        ),
        f("Wohnen und Zusammenleben", "W", &["Wohnen"]),
        f("Jugend und Soziales", "J", &["Jugend"]),
        f("Gesundheitsversorgung", "G", &["Gesundheit"]),
        f("Kultur und Religion", "K", &["Kultur"]),
        f(
            "Interkulturelle Öffnung der Verwaltung",
            "V",
            &[
                "Interkulturelle Öffnung der Verwaltung in der Kommune",
                "Interkulturelle Öffnung",
                "Verwaltung",
            ],
        ),
    ]
}

/// The configured fields of action, or the guide's seven. A configured field
/// that carries a name of the guide keeps the guide's aliases ("Arbeit und
/// Beruf" stays accepted for "Arbeit und Wirtschaft").
pub fn fields(c: &Config) -> Vec<Handlungsfeld> {
    if c.handlungsfeld.is_empty() {
        return default_fields();
    }
    let defaults = default_fields();
    c.handlungsfeld
        .iter()
        .map(|f| {
            let mut f = f.clone();
            let n = crate::input::normalize(&f.name);
            if let Some(d) = defaults.iter().find(|d| {
                crate::input::normalize(&d.name) == n
                    || d.aliase.iter().any(|a| crate::input::normalize(a) == n)
            }) {
                for a in std::iter::once(&d.name).chain(&d.aliase) {
                    if crate::input::normalize(a) != n && !f.aliase.contains(a) {
                        f.aliase.push(a.clone());
                    }
                }
            }
            f
        })
        .collect()
}

/// Every table of `konzept.toml` (`""` is the top level) with its keys; for
/// `konzept new`, whose file must name them all.
pub fn all_keys() -> Vec<(&'static str, &'static [&'static str])> {
    [
        "",
        "kommune",
        "dokument",
        "dokument.laufzeit",
        "beratung",
        "gestaltung",
        "gestaltung.absender",
        "gestaltung.raender",
        "eingaben",
        "ausgabe",
        "handlungsfeld",
    ]
    .into_iter()
    .filter_map(|p| known_keys(p).map(|k| (p, k)))
    .collect()
}

/// The known keys of each table, for the unknown-key check.
fn known_keys(path: &str) -> Option<&'static [&'static str]> {
    Some(match path {
        "" => &[
            "kommune",
            "dokument",
            "beratung",
            "gestaltung",
            "eingaben",
            "ausgabe",
            "handlungsfeld",
        ],
        "kommune" => &["name", "art", "bundesland", "logo"],
        "dokument" => &[
            "titel",
            "untertitel",
            "kurztitel",
            "version",
            "stand",
            "status",
            "laufzeit",
            "vorlage",
            "gremium",
            "sitzung",
            "verantwortlich",
        ],
        "dokument.laufzeit" => &["von", "bis"],
        "beratung" => &["gremium", "sitzung", "oeffentlich"],
        "gestaltung" => &[
            "farbe",
            "farbe2",
            "schrift",
            "schriften",
            "vorlagen",
            "absender",
            "raender",
            "titelbild",
            "titelbild_text",
            "word_vorlage",
        ],
        "gestaltung.absender" => &["fachbereich", "anschrift", "telefon", "email", "internet"],
        "gestaltung.raender" => &["oben", "unten", "links", "rechts"],
        "eingaben" => &["steuerung", "arbeitsgruppen"],
        "ausgabe" => &["verzeichnis", "formate"],
        "handlungsfeld" => &["name", "kurz", "aliase"],
        _ => return None,
    })
}

/// 1-based line of a byte offset.
fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

/// Finds the line where `key` is defined inside table `path` (best effort,
/// for messages only).
fn key_line(src: &str, path: &str, key: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, line) in src.lines().enumerate() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("[[").and_then(|r| r.split("]]").next()) {
            current = h.trim().to_string();
        } else if let Some(h) = t.strip_prefix('[').and_then(|r| r.split(']').next()) {
            current = h.trim().to_string();
        } else if current == path || (path.starts_with(&current) && path.contains('.')) {
            let k = t
                .split(['=', ' '])
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            if k == key || t.contains(&format!("{key} =")) || t.contains(&format!("{key}=")) {
                return Some(i + 1);
            }
        }
    }
    None
}

fn check_keys(src: &str, table: &toml::Table, path: &str, diags: &mut Diagnostics) {
    let Some(known) = known_keys(path) else {
        return;
    };
    for (key, value) in table {
        if !known.contains(&key.as_str()) {
            let loc = key_line(src, path, key)
                .map(|l| Location::line(FILE_NAME, l))
                .unwrap_or_else(|| Location::file(FILE_NAME));
            let full = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            diags
                .error(loc, format!("unbekannter Schlüssel `{full}`"))
                .hint = did_you_mean(key, known.iter().copied())
                .map(|s| s.replace(['„', '“'], "`"))
                .or_else(|| Some(format!("erlaubt sind hier: {}", known.join(", "))));
            continue;
        }
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match value {
            toml::Value::Table(t) => check_keys(src, t, &child, diags),
            toml::Value::Array(items) => {
                for item in items {
                    if let toml::Value::Table(t) = item {
                        check_keys(src, t, &child, diags);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Removes the keys [`check_keys`] reported, so the rest can be read.
fn strip_unknown(table: &mut toml::Table, path: &str) {
    let Some(known) = known_keys(path) else {
        return;
    };
    table.retain(|k, _| known.iter().any(|n| **n == *k));
    for (key, value) in table.iter_mut() {
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match value {
            toml::Value::Table(t) => strip_unknown(t, &child),
            toml::Value::Array(items) => {
                for item in items {
                    if let toml::Value::Table(t) = item {
                        strip_unknown(t, &child);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Translates the most common serde/TOML messages into German.
fn german(msg: &str) -> String {
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

/// Reads and checks `konzept.toml` text. Returns the config if it could be
/// read at all; every problem goes to `diags`.
pub fn parse(src: &str, diags: &mut Diagnostics) -> Option<Config> {
    let table: toml::Table = match src.parse() {
        Ok(t) => t,
        Err(e) => {
            let loc = e
                .span()
                .map(|s| Location::line(FILE_NAME, line_of(src, s.start)))
                .unwrap_or_else(|| Location::file(FILE_NAME));
            diags
                .error(loc, format!("die Datei ist kein gültiges TOML: {}", e.message().trim()))
                .hint = Some("Schreibweise prüfen: Texte in Anführungszeichen, Abschnitte in [eckigen Klammern], je Zeile ein Schlüssel = Wert".into());
            return None;
        }
    };
    let before = diags.count(crate::diag::Severity::Error);
    check_keys(src, &table, "", diags);
    let had_unknown = diags.count(crate::diag::Severity::Error) > before;
    // Unknown keys are reported above; the rest of the file is still read so
    // that the workbooks are checked in the same run.
    let result = if had_unknown {
        let mut cleaned = table.clone();
        strip_unknown(&mut cleaned, "");
        toml::Value::Table(cleaned).try_into::<Config>()
    } else {
        toml::from_str::<Config>(src)
    };
    let config: Config = match result {
        Ok(c) => c,
        Err(e) => {
            let loc = e
                .span()
                .map(|s| Location::line(FILE_NAME, line_of(src, s.start)))
                .unwrap_or_else(|| Location::file(FILE_NAME));
            let mut message = german(e.message());
            let mut hint = None;
            if message == "ungültige Version" {
                message = "`dokument.version` muss Text sein".into();
                hint =
                    Some("die Version in Anführungszeichen setzen, z. B. version = \"1.0\"".into());
            } else if message == "ungültiges Datum" {
                hint = Some(
                    "ein Datum wie 2026-11-15 (ohne Anführungszeichen) oder \"15.11.2026\"".into(),
                );
            }
            diags.error(loc, message).hint = hint;
            return None;
        }
    };
    validate(src, &config, diags);
    Some(config)
}

fn validate(src: &str, c: &Config, diags: &mut Diagnostics) {
    let at = |path: &str, key: &str| {
        key_line(src, path, key)
            .map(|l| Location::line(FILE_NAME, l))
            .unwrap_or_else(|| Location::file(FILE_NAME))
    };
    if c.kommune.name.trim().is_empty() {
        diags
            .error(at("kommune", "name"), "`kommune.name` ist leer")
            .hint = Some("den Namen der Kommune eintragen, z. B. name = \"Musterstadt\"".into());
    }
    if !ARTEN.contains(&c.kommune.art.as_str()) {
        diags
            .error(
                at("kommune", "art"),
                format!("unbekannte Art der Kommune „{}“", c.kommune.art),
            )
            .hint = Some(format!("erlaubt: {}", ARTEN.join(", ")));
    }
    if !STATUS.contains(&c.dokument.status.as_str()) {
        diags
            .error(
                at("dokument", "status"),
                format!("unbekannter Status „{}“", c.dokument.status),
            )
            .hint = did_you_mean(&c.dokument.status, STATUS)
            .or(Some(format!("erlaubt: {}", STATUS.join(", "))));
    }
    if c.dokument.titel.trim().is_empty() {
        diags.error(at("dokument", "titel"), "`dokument.titel` fehlt oder ist leer").hint =
            Some("den Titel des Dokuments eintragen, z. B. titel = \"Integrationskonzept der Stadt Musterstadt\"".into());
    }
    if c.dokument.verantwortlich.trim().is_empty() {
        diags
            .error(
                at("dokument", "verantwortlich"),
                "`dokument.verantwortlich` ist leer",
            )
            .hint = Some(
            "die zuständige Organisationseinheit eintragen, z. B. \"Amt für Integration\"".into(),
        );
    }
    if let Version::Integer(_) = c.dokument.version {
        diags
            .warning(
                at("dokument", "version"),
                "`dokument.version` ist eine Zahl",
            )
            .hint = Some("besser als Text schreiben, z. B. version = \"1.0\"".into());
    }
    if c.dokument.version.text().is_empty() {
        diags
            .error(
                at("dokument", "version"),
                "`dokument.version` fehlt oder ist leer",
            )
            .hint = Some(
            "eine Versionsnummer in Anführungszeichen eintragen, z. B. version = \"1.0\"".into(),
        );
    }
    let date_check = |d: &TomlDate, path: &str, key: &str, diags: &mut Diagnostics| {
        if d.to_date().is_none() {
            diags
                .error(
                    at(path, key),
                    format!("`{path}.{key}` ist kein gültiges Datum"),
                )
                .hint = Some("ein Datum wie 2026-11-15 oder \"15.11.2026\"".into());
        }
    };
    date_check(&c.dokument.stand, "dokument", "stand", diags);
    if let Some(s) = &c.dokument.sitzung {
        date_check(s, "dokument", "sitzung", diags);
    }
    for b in &c.beratung {
        if let Some(s) = &b.sitzung {
            date_check(s, "beratung", "sitzung", diags);
        }
    }
    let lz = &c.dokument.laufzeit;
    if !(1990..=2200).contains(&lz.von) || !(1990..=2200).contains(&lz.bis) || lz.von > lz.bis {
        diags
            .error(
                at("dokument", "laufzeit"),
                format!("ungültige Laufzeit {}–{}", lz.von, lz.bis),
            )
            .hint =
            Some("Jahre angeben, von ≤ bis, z. B. laufzeit = { von = 2026, bis = 2030 }".into());
    } else if lz.bis - lz.von > 30 {
        diags.error(
            at("dokument", "laufzeit"),
            format!("die Laufzeit {}–{} ist länger als 30 Jahre", lz.von, lz.bis),
        );
    }
    for key in [
        ("farbe", &c.gestaltung.farbe),
        ("farbe2", &c.gestaltung.farbe2),
    ] {
        if let (name, Some(v)) = key {
            if parse_colour(v).is_none() {
                diags
                    .error(
                        at("gestaltung", name),
                        format!("`gestaltung.{name}` „{v}“ ist keine Farbe"),
                    )
                    .hint = Some("eine Farbe als Hexwert angeben, z. B. \"#005CA9\"".into());
            }
        }
    }
    if let Some(r) = &c.gestaltung.raender {
        let given = [&r.oben, &r.unten, &r.links, &r.rechts];
        let names = ["oben", "unten", "links", "rechts"];
        let mm = r.mm();
        for i in 0..4 {
            let (Some(text), name) = (given[i], names[i]) else {
                continue;
            };
            match mm[i] {
                None => {
                    diags
                        .error(
                            at("gestaltung", "raender"),
                            format!("`gestaltung.raender.{name}` „{text}“ ist keine Länge"),
                        )
                        .hint = Some(
                        "eine Länge mit Einheit angeben, z. B. \"2,5cm\" oder \"25mm\"".into(),
                    );
                }
                Some(v) if !(5.0..=80.0).contains(&v) => {
                    diags
                        .error(
                            at("gestaltung", "raender"),
                            format!("`gestaltung.raender.{name}` „{text}“ liegt nicht zwischen 0,5 cm und 8 cm"),
                        )
                        .hint = Some("Seitenränder zwischen 5 mm und 80 mm angeben".into());
                }
                Some(_) => {}
            }
        }
        if let [Some(o), Some(u), Some(l), Some(re)] = mm {
            // A4 is 210 × 297 mm; at least 10 cm of text width and height.
            if l + re > 110.0 || o + u > 197.0 {
                diags
                    .error(
                        at("gestaltung", "raender"),
                        "`gestaltung.raender`: die Ränder lassen zu wenig Platz für den Text",
                    )
                    .hint =
                    Some("links + rechts höchstens 11 cm, oben + unten höchstens 19,7 cm".into());
            }
        }
    }
    if let Some(b) = &c.gestaltung.word_vorlage {
        let ext = b
            .rsplit_once('.')
            .map(|(_, e)| e.to_lowercase())
            .unwrap_or_default();
        if !["dotx", "docx", "dotm", "docm"].contains(&ext.as_str()) {
            diags
                .error(
                    at("gestaltung", "word_vorlage"),
                    format!("`gestaltung.word_vorlage` „{b}“ ist keine Word-Vorlage"),
                )
                .hint =
                Some("eine Word-Vorlage (.dotx) oder ein Word-Dokument (.docx) angeben".into());
        }
    }
    for f in &c.ausgabe.formate {
        if !FORMATE.contains(&f.to_lowercase().as_str()) {
            diags
                .error(
                    at("ausgabe", "formate"),
                    format!("unbekanntes Ausgabeformat „{f}“"),
                )
                .hint = Some(format!("erlaubt: {}", FORMATE.join(", ")));
        }
    }
    let mut seen_names = Vec::new();
    let mut seen_kurz = Vec::new();
    for f in &c.handlungsfeld {
        let loc = at("handlungsfeld", "name");
        if f.name.trim().is_empty() || f.kurz.trim().is_empty() {
            diags.error(loc.clone(), "ein Handlungsfeld braucht `name` und `kurz`");
        }
        if f.kurz.chars().count() > 4 || !f.kurz.chars().all(char::is_alphanumeric) {
            diags
                .error(
                    loc.clone(),
                    format!(
                        "`kurz` „{}“ des Handlungsfelds „{}“ ist ungeeignet",
                        f.kurz, f.name
                    ),
                )
                .hint = Some("ein bis vier Buchstaben, z. B. kurz = \"B\"".into());
        }
        let n = crate::input::normalize(&f.name);
        let k = crate::input::normalize(&f.kurz);
        if seen_names.contains(&n) {
            diags.error(
                loc.clone(),
                format!("das Handlungsfeld „{}“ ist doppelt angegeben", f.name),
            );
        }
        if seen_kurz.contains(&k) {
            diags.error(loc, format!("das Kürzel „{}“ ist doppelt vergeben", f.kurz));
        }
        seen_names.push(n);
        seen_kurz.push(k);
    }
}

/// `#005CA9` or `005CA9` or `#05A` → (r, g, b).
pub fn parse_colour(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.trim().trim_start_matches('#');
    let expand = |c: u8| c * 17;
    match h.len() {
        6 if h.chars().all(|c| c.is_ascii_hexdigit()) => Some((
            u8::from_str_radix(&h[0..2], 16).ok()?,
            u8::from_str_radix(&h[2..4], 16).ok()?,
            u8::from_str_radix(&h[4..6], 16).ok()?,
        )),
        3 if h.chars().all(|c| c.is_ascii_hexdigit()) => {
            let d = |i: usize| u8::from_str_radix(&h[i..i + 1], 16).ok().map(expand);
            Some((d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
