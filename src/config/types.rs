//! The serde structs of `konzept.toml`, with their defaults and the values
//! some keys allow.

use chrono::NaiveDate;
use serde::Deserialize;

use super::Handlungsfeld;

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub kommune: Kommune,
    pub dokument: Dokument,
    #[serde(default)]
    pub beratung: Vec<Beratung>,
    /// Return deadline and contact, printed on the forms' Anleitung sheet.
    pub rueckgabe: Option<Rueckgabe>,
    #[serde(default)]
    pub gestaltung: Gestaltung,
    #[serde(default)]
    pub eingaben: Eingaben,
    #[serde(default)]
    pub ausgabe: Ausgabe,
    #[serde(default)]
    pub handlungsfeld: Vec<Handlungsfeld>,
    /// Cross-cutting themes the goals and measures are tagged with.
    #[serde(default)]
    pub querschnittsthema: Vec<Querschnittsthema>,
}

/// `[[querschnittsthema]]`: a cross-cutting theme (Antidiskriminierung,
/// Barrierefreiheit …), tagged on goals and measures in the column „Themen“.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Querschnittsthema {
    pub name: String,
    /// What the theme means for the concept, printed in its section.
    pub beschreibung: Option<String>,
}

/// `[rueckgabe]`: until when and to whom the working groups return their
/// workbooks (`konzept workbooks --refresh` writes it into the forms).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rueckgabe {
    /// The deadline: a TOML date (`2027-03-31`) or German text (`"31.03.2027"`).
    pub bis: Option<TomlDate>,
    /// Name and e-mail address of whom the forms go back to.
    pub an: Option<String>,
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
/// The role of a body in the Beratungsfolge.
pub const ROLLEN: [&str; 5] = [
    "Anhörung",
    "Empfehlung",
    "Vorberatung",
    "Kenntnisnahme",
    "Entscheidung",
];

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
    /// Kind of submission printed as its title; default "Beschlussvorlage".
    pub vorlageart: Option<String>,
    /// Beteiligte Dienststellen, besides the lead unit.
    #[serde(default)]
    pub beteiligt: Vec<String>,
    pub dezernat: Option<String>,
    /// Who handles the submission: name, telephone.
    pub bearbeitung: Option<String>,
    pub aktenzeichen: Option<String>,
    /// The signature block of the submission.
    pub unterzeichnung: Option<Unterzeichnung>,
    /// Earlier decisions the submission refers to.
    #[serde(default)]
    pub vorgang: Vec<Vorgang>,
    /// Budget data as a finance office reads them.
    pub haushalt: Option<Haushalt>,
    /// Extra sections of the submission, their texts from the sheet Texte.
    #[serde(default)]
    pub abschnitte: Vec<String>,
    /// How goals and measures are numbered: one of [`NUMMERIERUNGEN`];
    /// default „feld“ (B1, B2 …).
    pub nummerierung: Option<String>,
    /// The priority scheme: one of [`super::PRIORITAETEN`]; default
    /// „hoch-mittel-niedrig“.
    pub prioritaeten: Option<String>,
    /// With `prioritaeten = "punkte"`: how many measures per field count as
    /// Schwerpunkte (default 5).
    pub punkte_top: Option<usize>,
}

/// The numbering schemes: „feld“ (field letter and number: B1) and
/// „ziel.massnahme“ (goals 1, 2 … through the concept, measures by their
/// goal: 2.4).
pub const NUMMERIERUNGEN: [&str; 2] = ["feld", "ziel.massnahme"];

/// Who signs the submission: „gezeichnet“ or „In Vertretung“.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unterzeichnung {
    pub name: String,
    pub funktion: Option<String>,
    /// true: „In Vertretung“ instead of „gezeichnet“.
    #[serde(default)]
    pub vertretung: bool,
}

/// Budget data of the submission, each optional and printed as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Haushalt {
    /// investiv, konsumtiv or both.
    pub art: Option<String>,
    /// Produkt, Produktgruppe or Haushaltsstelle.
    pub produkt: Option<String>,
    /// Ansatz im Haushalt.
    pub ansatz: Option<String>,
    /// Deckung: where the money comes from.
    pub deckung: Option<String>,
    pub folgekosten: Option<String>,
    /// Stellen (Personal).
    pub stellen: Option<String>,
}

/// An earlier decision: the submission's number and the date of the mandate.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vorgang {
    pub vorlage: String,
    pub datum: Option<TomlDate>,
    /// What was decided, in a few words.
    pub text: Option<String>,
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
    /// One of [`ROLLEN`]; default: the last body decides, the others
    /// deliberate.
    pub rolle: Option<String>,
    /// The proposal put to this body, when it differs from the decision.
    pub beschlussvorschlag: Option<String>,
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
    /// A LibreOffice template (`.ott`/`.odt`): its styles in the ODT.
    pub odt_vorlage: Option<String>,
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

/// `pdf`, `docx` and `odt`: the concept in that format; `vorlage`: also the
/// council submission (Beschlussvorlage) in the same formats, and its OParl
/// file.
pub const FORMATE: [&str; 4] = ["pdf", "docx", "odt", "vorlage"];
