//! The merged concept: the only thing templates see.
//!
//! Field names are German, like `konzept.toml`, because municipalities edit
//! the templates (`konzept templates`). Every value a document prints is
//! already formatted here (`text`), next to the raw number where charts need
//! one, so templates never format numbers, dates or money themselves.

use crate::input::markdown::RichText;
use crate::input::values::{DateValue, EndDate, Money, Priority, Status};
use serde::Serialize;
use std::collections::BTreeMap;

mod parts;
pub use parts::*;

#[derive(Debug, Clone, Serialize)]
pub struct Konzept {
    pub meta: Meta,
    pub gestaltung: Gestaltung,
    pub texte: Texte,
    pub steuerungsgruppe: Vec<Person>,
    /// One row per working group for chapter 2.4.
    pub arbeitsgruppen: Vec<AgUebersicht>,
    pub akteure: Akteure,
    pub leitlinien: Vec<Leitlinie>,
    /// The statistics table of chapter 3.2, shares computed.
    pub ausgangslage: Vec<Statistik>,
    pub finanzen: Finanzen,
    pub zeitplan: Vec<Phase>,
    /// One per configured field of action, in configured order.
    pub felder: Vec<Feld>,
    /// Chapter 3.3: the high-priority measures of all fields.
    pub schwerpunkte: Vec<Massnahme>,
    /// Chapter 3.11: every goal that has an indicator, across fields.
    pub indikatoren: Vec<Indikator>,
    /// Appendix B: measure costs by field and year next to the budget.
    pub kosten: Kostenplan,
    pub zaehlung: Zaehlung,
    /// Charts: title and alt text stating their numbers (PDF and DOCX alike).
    pub diagramme: Diagramme,
    /// The council submission (Beschlussvorlage) that carries the concept
    /// as its attachment: every figure computed here, from the same data.
    pub vorlage: Vorlage,
    /// The goal hierarchy: Oberziele with the goals that name them.
    pub oberziele: Vec<Oberziel>,
    /// The cross-cutting themes with the goals and measures tagged with them.
    pub querschnittsthemen: Vec<Querschnittsthema>,
    /// Set in the extract for one place (`konzept build --auszug`).
    pub auszug: Option<Auszug>,
    /// The priority scheme (`dokument.prioritaeten`) and its words.
    pub prioritaeten: Prioritaeten,
    /// „Das Wichtigste auf einen Blick“: the summary page, always generated.
    pub auf_einen_blick: AufEinenBlick,
    /// „Beteiligungsprozess“: the events of the participation log, if any.
    pub beteiligung: Beteiligung,
    /// Appendix B: staff (VZÄ) by field and year, if any measure names them.
    pub stellen: Stellenplan,
    /// „Begriffe und Erläuterungen“: the glossary, if given.
    pub begriffe: Vec<Begriff>,
    /// „Quellen“: the data sources and the literature, if literature is given.
    pub quellen: Quellen,
}

/// The priority scheme and the words the documents use for it.
#[derive(Debug, Clone, Serialize)]
pub struct Prioritaeten {
    /// „hoch-mittel-niedrig“, „abc“, „fristen“, „schwerpunkt“ or „punkte“.
    pub schema: String,
    /// The words of the ranks, highest first (empty for points).
    pub stufen: Vec<String>,
    /// Caption of the Schwerpunkte table: „Maßnahmen mit hoher Priorität“.
    pub titel: String,
    /// The sentence before it.
    pub satz: String,
    /// The submission's column: „davon hohe Priorität“.
    pub spalte: String,
}

/// The extract for one Gemeinde, Sozialraum or Quartier: the measures whose
/// „Ort“ names it.
#[derive(Debug, Clone, Serialize)]
pub struct Auszug {
    /// The place as the workbooks write it.
    pub name: String,
    /// Measures naming the place (those in the extract).
    pub massnahmen: usize,
    /// Measures naming no place: they concern every place.
    pub kreisweit: usize,
    /// Measures naming only other places.
    pub ausserhalb: usize,
}

/// An Oberziel (Leit-/Wirkungsziel) of the sheet „Oberziele“.
#[derive(Debug, Clone, Serialize)]
pub struct Oberziel {
    pub nr: String,
    pub titel: String,
    pub erlaeuterung: Option<RichText>,
    /// The field it belongs to; none: the whole concept.
    pub feld: Option<String>,
    pub feld_kurz: Option<String>,
    /// The goals that name it, with their measures.
    pub ziele: Vec<ZielBezug>,
    /// Numbers of the Leitlinien that lead to it or to one of its goals.
    pub leitlinien: Vec<String>,
}

/// A goal as the overviews list it: number, text, field and its measures.
#[derive(Debug, Clone, Serialize)]
pub struct ZielBezug {
    pub nr: String,
    pub ziel: String,
    pub feld: String,
    pub feld_kurz: String,
    pub massnahmen: Vec<String>,
}

/// A cross-cutting theme and what serves it.
#[derive(Debug, Clone, Serialize)]
pub struct Querschnittsthema {
    pub name: String,
    pub beschreibung: Option<String>,
    pub ziele: Vec<ZielBezug>,
    /// The measures tagged with the theme: number, title, field.
    pub massnahmen: Vec<MassnahmeBezug>,
}

/// A measure as the overviews list it.
#[derive(Debug, Clone, Serialize)]
pub struct MassnahmeBezug {
    pub nr: String,
    pub titel: String,
    pub feld: String,
    pub feld_kurz: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagramme {
    /// Budget by year and funding source (chapter 2.3).
    pub finanzen: Diagramm,
    /// Project phases over the Laufzeit (chapter 2.3).
    pub zeitplan: Diagramm,
    /// Shares of people with a migration background (chapter 3.2).
    pub statistik: Diagramm,
    /// Measures by field and status (chapter 3.11).
    pub massnahmen: Diagramm,
    /// Measure costs by field and year (appendix B).
    pub kosten: Diagramm,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagramm {
    /// Key, also the image name in the DOCX.
    pub name: String,
    pub titel: String,
    pub alt: String,
    /// Whether there is data to draw.
    pub vorhanden: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub titel: String,
    /// Document subject: "Integrationskonzept der Stadt Musterstadt für 2026–2030 (Version 1.0, Stand 15.11.2026)".
    pub beschreibung: String,
    pub untertitel: Option<String>,
    /// For the running header.
    pub kurztitel: String,
    pub kommune: Kommune,
    pub version: String,
    pub stand: Tag,
    pub status: String,
    /// Status "Entwurf": a watermark on every page.
    pub entwurf: bool,
    pub laufzeit: Laufzeit,
    pub vorlage: Option<String>,
    pub gremium: Option<String>,
    pub sitzung: Option<Tag>,
    pub verantwortlich: String,
    pub beratung: Vec<Beratung>,
    /// Output file name without extension: `Integrationskonzept-Musterstadt-1.0`.
    pub dateiname: String,
    pub schluesselwoerter: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kommune {
    pub name: String,
    pub art: String,
    pub bundesland: Option<String>,
    /// "Stadt Musterstadt".
    pub bezeichnung: String,
}

/// A calendar day: `15.11.2026` and ISO `2026-11-15`.
#[derive(Debug, Clone, Serialize)]
pub struct Tag {
    pub text: String,
    pub iso: String,
    pub jahr: i32,
    pub monat: u32,
    pub tag: u32,
}

impl Tag {
    pub fn new(d: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        Tag {
            text: d.format("%d.%m.%Y").to_string(),
            iso: d.format("%Y-%m-%d").to_string(),
            jahr: d.year(),
            monat: d.month(),
            tag: d.day(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Laufzeit {
    pub von: i32,
    pub bis: i32,
    /// "2026–2030".
    pub text: String,
    pub jahre: Vec<i32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Beratung {
    pub gremium: String,
    pub sitzung: Option<Tag>,
    pub oeffentlich: bool,
    /// "öffentlich" / "nicht öffentlich".
    pub oeffentlichkeit: String,
    /// Anhörung, Empfehlung, Vorberatung, Kenntnisnahme or Entscheidung.
    pub rolle: Option<String>,
    /// The proposal put to this body.
    pub beschlussvorschlag: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gestaltung {
    /// Accent colour `#RRGGBB`.
    pub farbe: String,
    pub farbe2: String,
    pub schrift: String,
    /// File name of the logo inside the rendered package, if any.
    pub logo: Option<String>,
    pub logo_alt: String,
    /// The sender block of the title page (`gestaltung.absender`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absender: Option<Absender>,
    /// Page margins in mm (`gestaltung.raender`); none: each format's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raender: Option<Raender>,
    /// File name of the cover image inside the rendered package, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titelbild: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titelbild_alt: Option<String>,
}

/// Who publishes the document, for the title page.
#[derive(Debug, Clone, Serialize)]
pub struct Absender {
    pub fachbereich: Option<String>,
    /// The address, one entry per line.
    pub anschrift: Vec<String>,
    pub telefon: Option<String>,
    pub email: Option<String>,
    pub internet: Option<String>,
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Raender {
    pub oben: f64,
    pub unten: f64,
    pub links: f64,
    pub rechts: f64,
}

/// The prose sections of the `Texte` sheet, each optional.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Texte {
    pub vorwort: Option<RichText>,
    pub einleitung: Option<RichText>,
    pub warum_integration: Option<RichText>,
    pub auftrag: Option<RichText>,
    pub netzwerk: Option<RichText>,
    pub projektrahmen: Option<RichText>,
    pub steuerung: Option<RichText>,
    pub akteure: Option<RichText>,
    pub leitlinien: Option<RichText>,
    pub ausgangslage: Option<RichText>,
    pub schwerpunkte: Option<RichText>,
    pub umsetzung_und_monitoring: Option<RichText>,
    pub beschlussvorschlag: Option<RichText>,
    /// The free text of „Das Wichtigste auf einen Blick“.
    pub auf_einen_blick: Option<RichText>,
    /// The free text of the section „Beteiligungsprozess“.
    pub beteiligung: Option<RichText>,
    /// The texts of the submission's extra sections (`dokument.abschnitte`),
    /// as written in the sheet.
    #[serde(skip)]
    pub weitere: BTreeMap<String, String>,
    /// The same, read as rich text.
    pub abschnitte: BTreeMap<String, RichText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    pub funktion: Option<String>,
    pub institution: String,
    pub rolle: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgUebersicht {
    pub feld: String,
    pub kurz: String,
    pub bezeichnung: String,
    pub leitung: String,
    pub mitglieder: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Akteure {
    /// Grouped by the guide's categories, in the guide's order; only
    /// categories that have actors.
    pub kategorien: Vec<Kategorie>,
    /// All actors sorted by name (appendix D).
    pub alle: Vec<Akteur>,
    pub anzahl: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kategorie {
    pub name: String,
    pub akteure: Vec<Akteur>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Akteur {
    pub name: String,
    pub kategorie: String,
    pub ansprechperson: Option<String>,
    /// Letters (`kurz`) of the fields the actor works in.
    pub felder: Vec<String>,
    /// "Bildung und Sprachförderung, Arbeit und Wirtschaft".
    pub felder_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Leitlinie {
    pub nr: String,
    pub titel: String,
    pub erlaeuterung: Option<RichText>,
    /// The goals (B1) and Oberziele it leads to, as numbered in the document.
    pub ziele: Vec<String>,
}

/// A number as shown (`1.234,5`, `17,5 %`) and its value.
#[derive(Debug, Clone, Serialize)]
pub struct Zahl {
    pub wert: f64,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Statistik {
    pub merkmal: String,
    pub insgesamt: Zahl,
    pub mit_mh: Option<Zahl>,
    pub einheit: Option<String>,
    /// Share of people with a migration background, computed when both
    /// values are absolute numbers of the same unit: "34,0 %".
    pub anteil: Option<Zahl>,
    pub jahr: i32,
    pub quelle: Option<String>,
}

/// An amount: `text` is "12.500 €", or "–" when not given.
#[derive(Debug, Clone, Serialize)]
pub struct Geld {
    pub cent: Option<i64>,
    pub euro: f64,
    pub text: String,
}

impl Geld {
    pub fn of(m: Money) -> Self {
        Geld {
            cent: Some(m.0),
            euro: m.euros(),
            text: m.display(),
        }
    }

    pub fn opt(m: Option<Money>) -> Self {
        match m {
            Some(m) => Geld::of(m),
            None => Geld {
                cent: None,
                euro: 0.0,
                text: "–".into(),
            },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Finanzen {
    pub posten: Vec<Posten>,
    /// Funding sources present, in the spec's order.
    pub quellen: Vec<String>,
    /// One row per year: amount per source (aligned with `quellen`) and sum.
    pub jahre: Vec<FinanzJahr>,
    pub summe_je_quelle: Vec<Geld>,
    pub summe: Geld,
}

#[derive(Debug, Clone, Serialize)]
pub struct Posten {
    pub jahr: i32,
    pub posten: String,
    pub betrag: Geld,
    pub quelle: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FinanzJahr {
    pub jahr: i32,
    pub je_quelle: Vec<Geld>,
    pub summe: Geld,
}

/// A date as given, or open-ended.
#[derive(Debug, Clone, Serialize)]
pub struct Datum {
    /// "31.12.2027", "12/2027", "Q3 2027", "2027", "fortlaufend".
    pub text: String,
    /// First and last day covered (ISO); absent for an open end.
    pub von: Option<String>,
    pub bis: Option<String>,
    pub offen: bool,
}

impl Datum {
    pub fn of(d: &DateValue) -> Self {
        Datum {
            text: d.display(),
            von: Some(d.first.format("%Y-%m-%d").to_string()),
            bis: Some(d.last.format("%Y-%m-%d").to_string()),
            offen: false,
        }
    }

    pub fn end(e: &EndDate) -> Self {
        match e {
            EndDate::Date(d) => Datum::of(d),
            EndDate::Open => Datum {
                text: "fortlaufend".into(),
                von: None,
                bis: None,
                offen: true,
            },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Phase {
    pub phase: String,
    pub beginn: Datum,
    pub ende: Datum,
    pub beschreibung: Option<String>,
    /// Position on the Laufzeit axis for charts, 0.0–1.0.
    pub achse_von: f64,
    pub achse_bis: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Feld {
    /// Position among the fields, from 1.
    pub index: usize,
    /// Section number in the document: "3.4".
    pub abschnitt: String,
    pub name: String,
    pub kurz: String,
    /// Whether a working group handed in a workbook.
    pub bearbeitet: bool,
    pub datei: Option<String>,
    pub arbeitsgruppe: Option<Arbeitsgruppe>,
    pub befund: Befund,
    pub kennzahlen: Vec<Kennzahl>,
    pub ziele: Vec<Ziel>,
    pub massnahmen: Vec<Massnahme>,
    pub empfehlungen: Vec<Empfehlung>,
    pub kosten_je_jahr: Vec<Geld>,
    pub kosten_summe: Geld,
    pub zaehlung: FeldZaehlung,
}

#[derive(Debug, Clone, Serialize)]
pub struct Arbeitsgruppe {
    pub bezeichnung: String,
    pub leitung: String,
    pub stand: Option<Datum>,
    pub mitglieder: Vec<Mitglied>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mitglied {
    pub name: String,
    pub institution: String,
    pub funktion: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Befund {
    pub ausgangslage: Option<RichText>,
    pub handlungsbedarf: Option<RichText>,
    pub staerken: Option<RichText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kennzahl {
    pub kennzahl: String,
    pub wert: Zahl,
    pub einheit: Option<String>,
    pub jahr: i32,
    pub quelle: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ziel {
    pub nr: String,
    pub ziel: String,
    pub indikator: Option<String>,
    pub quelle: Option<String>,
    pub ausgangswert: Option<Zahl>,
    pub basisjahr: Option<i32>,
    pub zielwert: Option<Zahl>,
    pub einheit: Option<String>,
    pub zieljahr: Option<i32>,
    /// Numbers of the measures that serve this goal.
    pub massnahmen: Vec<String>,
    /// "17,5 % → 12 %", "250 → 400 Verfahren".
    pub verlauf: Option<String>,
    /// The number of its Oberziel.
    pub oberziel: Option<String>,
    pub prioritaet: Option<Priority>,
    /// The priority in the concept's scheme: „hoch“, „A“, „kurzfristig“ …
    pub prioritaet_text: Option<String>,
    /// The cross-cutting themes it serves.
    pub themen: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Massnahme {
    pub nr: String,
    pub feld: String,
    pub feld_kurz: String,
    pub ziele: Vec<String>,
    pub titel: String,
    pub beschreibung: Option<String>,
    pub zielgruppe: Option<String>,
    pub federfuehrung: String,
    pub partner: Vec<String>,
    pub beginn: Option<Datum>,
    pub ende: Option<Datum>,
    /// "2026–2028", "ab 03/2026", "2026–fortlaufend".
    pub zeitraum: String,
    /// The costs: `text` as typed („5.000 € jährlich“, „kostenneutral“),
    /// `cent` the total over the Zeitraum.
    pub kosten: Geld,
    /// „jährlich“ or „monatlich“ for recurring costs.
    pub kosten_turnus: Option<&'static str>,
    /// The costs per calendar year ([`crate::costs::allocate_cost`]); empty
    /// when Beginn or Ende is invalid.
    #[serde(skip)]
    pub kosten_verteilung: Vec<(i32, Money)>,
    pub finanzierung: Option<String>,
    pub prioritaet: Option<Priority>,
    /// The priority in the concept's scheme: „hoch“, „A“, „kurzfristig“,
    /// „Schwerpunktmaßnahme“, „12 Punkte“.
    pub prioritaet_text: Option<String>,
    /// Points from a vote (`prioritaeten = "punkte"`).
    pub punkte: Option<Zahl>,
    pub status: Option<Status>,
    /// The cross-cutting themes it serves.
    pub themen: Vec<String>,
    /// Sozialräume, Quartiere or Gemeinden it concerns; empty: all.
    pub orte: Vec<String>,
    /// Staff in full-time equivalents (VZÄ) per year of the measure.
    pub stellen: Option<Zahl>,
    /// The costs are a rough estimate („grobe Kostenschätzung“); `kosten.text`
    /// then starts with „ca.“.
    pub kosten_grob: bool,
    /// „neu“, „Fortführung“ or „Ausbau“.
    pub art: Option<String>,
    /// Position on the Laufzeit axis for the Gantt chart, 0.0–1.0.
    pub achse_von: f64,
    pub achse_bis: f64,
    /// First and last day for the cost rule ([`crate::costs::period`]).
    #[serde(skip)]
    pub periode: (chrono::NaiveDate, chrono::NaiveDate),
}

#[derive(Debug, Clone, Serialize)]
pub struct Empfehlung {
    pub nr: String,
    pub empfehlung: String,
    pub adressat: Option<String>,
    pub prioritaet: Option<Priority>,
    /// The priority in the concept's scheme.
    pub prioritaet_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Anzahl {
    pub name: String,
    pub anzahl: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeldZaehlung {
    pub ziele: usize,
    pub massnahmen: usize,
    pub empfehlungen: usize,
    pub mitglieder: usize,
    /// hoch, mittel, niedrig, ohne Angabe.
    pub nach_prioritaet: Vec<Anzahl>,
    /// geplant, in Umsetzung, umgesetzt, zurückgestellt, ohne Angabe.
    pub nach_status: Vec<Anzahl>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indikator {
    pub feld: String,
    pub feld_kurz: String,
    pub nr: String,
    pub ziel: String,
    pub indikator: String,
    pub quelle: Option<String>,
    pub ausgangswert: Option<Zahl>,
    pub basisjahr: Option<i32>,
    pub zielwert: Option<Zahl>,
    pub zieljahr: Option<i32>,
    pub verlauf: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kostenplan {
    /// The years of the table: the Laufzeit, widened to any year with costs.
    pub jahre: Vec<i32>,
    pub felder: Vec<KostenFeld>,
    /// Sum of all measure costs per year, aligned with `jahre`.
    pub summe_je_jahr: Vec<Geld>,
    /// The `Finanzen` budget per year, aligned with `jahre`.
    pub budget_je_jahr: Vec<Geld>,
    pub summe: Geld,
    pub budget_summe: Geld,
    /// One row per year: measure costs next to the budget.
    pub je_jahr: Vec<KostenJahr>,
    /// Measures without a cost figure (not counted in the sums).
    pub ohne_angabe: usize,
    /// The pro-rata rule, printed as a footnote under the table.
    pub regel: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct KostenJahr {
    pub jahr: i32,
    pub kosten: Geld,
    pub budget: Geld,
}

#[derive(Debug, Clone, Serialize)]
pub struct KostenFeld {
    pub name: String,
    pub kurz: String,
    pub je_jahr: Vec<Geld>,
    pub summe: Geld,
}

#[derive(Debug, Clone, Serialize)]
pub struct Zaehlung {
    pub felder: usize,
    pub felder_bearbeitet: usize,
    pub ziele: usize,
    pub massnahmen: usize,
    pub empfehlungen: usize,
    pub arbeitsgruppen: usize,
    pub mitglieder: usize,
    pub akteure: usize,
    pub steuerungsgruppe: usize,
    pub nach_prioritaet: Vec<Anzahl>,
    pub nach_status: Vec<Anzahl>,
}

/// The council submission: what `vorlage.typ.hbs` and `vorlage-*.xml.hbs`
/// print, pre-computed so that no figure is typed twice.
#[derive(Debug, Clone, Serialize)]
pub struct Vorlage {
    /// "Beschlussvorlage" (OParl `paperType`).
    pub art: String,
    /// Vorlage-Nr. / Drucksache from `dokument.vorlage`.
    pub nummer: Option<String>,
    /// "Integrationskonzept der Stadt Musterstadt 2026–2030".
    pub betreff: String,
    /// The date of the submission: `stand`.
    pub datum: Tag,
    /// The lead unit (`dokument.verantwortlich`).
    pub federfuehrend: String,
    /// Beteiligte Dienststellen, joined: "Kämmerei, Fachdienst Schule".
    pub beteiligt: Option<String>,
    pub dezernat: Option<String>,
    pub bearbeitung: Option<String>,
    pub aktenzeichen: Option<String>,
    /// Earlier decisions (Vorgang).
    pub vorgang: Vec<VorlageVorgang>,
    /// The body that decides.
    pub entscheider: String,
    /// Whether any body other than the deciding one has its own proposal.
    pub vorschlaege: bool,
    pub unterzeichnung: Option<VorlageUnterzeichnung>,
    /// Haushaltsrechtliche Angaben: the rows of `dokument.haushalt` given.
    pub haushalt: Vec<VorlageAngabe>,
    /// The extra sections of `dokument.abschnitte` that have a text.
    pub abschnitte: Vec<VorlageAbschnitt>,
    /// "öffentlich" when every consultation is public, else "nicht öffentlich"
    /// or "teilweise nicht öffentlich".
    pub oeffentlichkeit: String,
    /// Beratungsfolge; the last body decides.
    pub beratung: Vec<VorlageBeratung>,
    /// From `Texte`, or the standard wording.
    pub beschlussvorschlag: RichText,
    /// Whether `beschlussvorschlag` is the standard wording.
    pub beschlussvorschlag_standard: bool,
    /// Sachverhalt / Begründung: paragraphs generated from the model.
    pub sachverhalt: Vec<String>,
    /// Goals, measures and costs per field of action, and their sums.
    pub felder: Vec<VorlageFeld>,
    pub felder_summe: VorlageFeld,
    pub finanzen: VorlageFinanzen,
    pub anlagen: Vec<Anlage>,
    /// File name without extension: `Beschlussvorlage-Musterstadt-1.0`.
    pub dateiname: String,
    /// The concept's file names, for the attachments.
    pub konzept_pdf: String,
    pub konzept_docx: String,
    pub schluesselwoerter: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VorlageBeratung {
    pub gremium: String,
    pub sitzung: Option<Tag>,
    pub oeffentlich: bool,
    /// "öffentlich" / "nicht öffentlich".
    pub oeffentlichkeit: String,
    /// "Vorberatung" or "Entscheidung".
    pub zustaendigkeit: String,
    /// Whether this body takes the decision (role Entscheidung; without
    /// roles the last one).
    pub entscheidung: bool,
    /// The proposal put to this body (not for the deciding body).
    pub beschlussvorschlag: Option<String>,
}

/// An earlier decision: "Vorlage 2024/088, Beschluss vom 14.05.2024".
#[derive(Debug, Clone, Serialize)]
pub struct VorlageVorgang {
    pub vorlage: String,
    pub datum: Option<Tag>,
    pub text: Option<String>,
    /// "2024/088, Beschluss vom 14.05.2024: Auftrag zur Erarbeitung".
    pub zeile: String,
}

/// A row of a two-column table: „Deckung“ and its text.
#[derive(Debug, Clone, Serialize)]
pub struct VorlageAngabe {
    pub name: String,
    pub wert: String,
}

/// An extra section: „Auswirkungen auf den Klimaschutz“ and its text.
#[derive(Debug, Clone, Serialize)]
pub struct VorlageAbschnitt {
    pub titel: String,
    pub text: RichText,
}

/// The signature block: „gezeichnet“ or „In Vertretung“, name and role.
#[derive(Debug, Clone, Serialize)]
pub struct VorlageUnterzeichnung {
    pub vermerk: String,
    pub name: String,
    pub funktion: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VorlageFeld {
    pub kurz: String,
    pub name: String,
    pub ziele: usize,
    pub massnahmen: usize,
    /// Measures with high priority.
    pub hoch: usize,
    pub kosten: Geld,
}

/// Finanzielle Auswirkungen: the budget by funding source and year, the
/// measure costs by year and the balance, with the sums.
#[derive(Debug, Clone, Serialize)]
pub struct VorlageFinanzen {
    /// Whether there is a budget or any measure cost.
    pub vorhanden: bool,
    /// The columns: every year with a budget or costs.
    pub jahre: Vec<i32>,
    /// One row per funding source present, in the spec's order.
    pub quellen: Vec<VorlageZeile>,
    /// Mittel gesamt: the budget of all sources.
    pub budget: VorlageZeile,
    /// Kosten der Maßnahmen, as in appendix B of the concept.
    pub kosten: VorlageZeile,
    /// Mittel abzüglich Kosten.
    pub saldo: VorlageZeile,
    /// Paragraphs stating the totals and the budget rule.
    pub text: Vec<String>,
    /// The pro-rata rule, for the footnote.
    pub regel: String,
}

/// A row of the finance table: amounts aligned with `jahre`, and their sum.
#[derive(Debug, Clone, Serialize)]
pub struct VorlageZeile {
    pub name: String,
    pub je_jahr: Vec<Geld>,
    pub summe: Geld,
}

#[derive(Debug, Clone, Serialize)]
pub struct Anlage {
    pub nr: usize,
    pub titel: String,
    pub datei: String,
}
