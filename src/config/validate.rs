//! The checks of values that serde accepts but the document cannot use.

use super::lines::key_line;
use super::{
    parse_colour, Config, TomlDate, Version, ARTEN, FILE_NAME, FORMATE, NUMMERIERUNGEN, ROLLEN,
    STATUS,
};
use crate::diag::{did_you_mean, Diagnostics, Location};

/// Where a message about `key` in table `path` points: its line if found.
type At<'a> = &'a dyn Fn(&str, &str) -> Location;

pub(super) fn validate(src: &str, c: &Config, diags: &mut Diagnostics) {
    let at = |path: &str, key: &str| {
        key_line(src, path, key)
            .map(|l| Location::line(FILE_NAME, l))
            .unwrap_or_else(|| Location::file(FILE_NAME))
    };
    check_municipality(c, &at, diags);
    check_document(c, &at, diags);
    check_design(c, &at, diags);
    check_formats(c, &at, diags);
    check_fields(c, &at, diags);
    check_outline(c, &at, diags);
}

/// `dokument.nummerierung` and `querschnittsthema`: known scheme, named and
/// unique themes.
fn check_outline(c: &Config, at: At, diags: &mut Diagnostics) {
    if let Some(n) = &c.dokument.nummerierung {
        if !NUMMERIERUNGEN.contains(&n.trim()) {
            diags
                .error(
                    at("dokument", "nummerierung"),
                    format!("unbekannte Nummerierung „{n}“"),
                )
                .hint = Some(format!(
                "erlaubt: {} (z. B. nummerierung = \"ziel.massnahme\" für Maßnahme 2.4 zu Ziel 2)",
                NUMMERIERUNGEN.join(", ")
            ));
        }
    }
    if let Some(p) = &c.dokument.prioritaeten {
        if !super::PRIORITAETEN.contains(&p.trim()) {
            diags
                .error(
                    at("dokument", "prioritaeten"),
                    format!("unbekanntes Prioritätenschema „{p}“"),
                )
                .hint = did_you_mean(p, super::PRIORITAETEN)
                .or(Some(format!("erlaubt: {}", super::PRIORITAETEN.join(", "))));
        }
    }
    if c.dokument.punkte_top == Some(0) {
        diags
            .error(at("dokument", "punkte_top"), "`punkte_top` ist 0")
            .hint = Some("die Zahl der Maßnahmen je Handlungsfeld angeben, die als Schwerpunkte gelten, z. B. punkte_top = 5".into());
    }
    let mut seen = Vec::new();
    for t in &c.querschnittsthema {
        let loc = at("querschnittsthema", "name");
        let n = crate::input::normalize(&t.name);
        if n.is_empty() {
            diags.error(loc, "ein Querschnittsthema braucht einen `name`").hint =
                Some("z. B. name = \"Barrierefreiheit\" eintragen oder den Abschnitt [[querschnittsthema]] löschen".into());
        } else if seen.contains(&n) {
            diags
                .error(
                    loc,
                    format!("das Querschnittsthema „{}“ ist doppelt angegeben", t.name),
                )
                .hint = Some("jedes Thema nur einmal als [[querschnittsthema]] eintragen".into());
        } else {
            seen.push(n);
        }
    }
}

fn check_municipality(c: &Config, at: At, diags: &mut Diagnostics) {
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
}

/// `dokument`: status, title, version, dates and term.
fn check_document(c: &Config, at: At, diags: &mut Diagnostics) {
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
        if let Some(r) = b.rolle.as_deref().filter(|r| !ROLLEN.contains(r)) {
            diags
                .error(
                    at("beratung", "rolle"),
                    format!("unbekannte Rolle „{r}“ in der Beratungsfolge"),
                )
                .hint = did_you_mean(r, ROLLEN).or(Some(format!("erlaubt: {}", ROLLEN.join(", "))));
        }
    }
    for v in &c.dokument.vorgang {
        if let Some(d) = &v.datum {
            date_check(d, "dokument", "vorgang", diags);
        }
    }
    if let Some(bis) = c.rueckgabe.as_ref().and_then(|r| r.bis.as_ref()) {
        date_check(bis, "rueckgabe", "bis", diags);
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
}

/// `gestaltung`: colours, margins and the Word template.
fn check_design(c: &Config, at: At, diags: &mut Diagnostics) {
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
    check_margins(c, at, diags);
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
    if let Some(b) = &c.gestaltung.odt_vorlage {
        let ext = b
            .rsplit_once('.')
            .map(|(_, e)| e.to_lowercase())
            .unwrap_or_default();
        if !["ott", "odt"].contains(&ext.as_str()) {
            diags
                .error(
                    at("gestaltung", "odt_vorlage"),
                    format!("`gestaltung.odt_vorlage` „{b}“ ist keine LibreOffice-Vorlage"),
                )
                .hint = Some(
                "eine Dokumentvorlage (.ott) oder ein Textdokument (.odt) aus LibreOffice angeben"
                    .into(),
            );
        }
    }
}

fn check_margins(c: &Config, at: At, diags: &mut Diagnostics) {
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
}

fn check_formats(c: &Config, at: At, diags: &mut Diagnostics) {
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
}

/// `handlungsfeld`: names and unique short names of the fields of action.
fn check_fields(c: &Config, at: At, diags: &mut Diagnostics) {
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
