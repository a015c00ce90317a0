//! The parts of the model that come from `konzept.toml` alone: the
//! document's metadata and its design.

use crate::config::Config;
use crate::model::*;

/// The design values every renderer uses; `logo` is the file name of the
/// logo inside rendered packages, if one was given and found.
pub(super) fn design(c: &Config, meta: &Meta, logo: Option<String>) -> Gestaltung {
    Gestaltung {
        farbe: colour_or(&c.gestaltung.farbe, "#005CA9"),
        farbe2: colour_or(&c.gestaltung.farbe2, "#E8A33D"),
        schrift: c
            .gestaltung
            .schrift
            .clone()
            .unwrap_or_else(|| "Liberation Sans".into()),
        logo,
        logo_alt: format!("Logo der {}", meta.kommune.bezeichnung),
        absender: c.gestaltung.absender.as_ref().and_then(sender),
        raender: c.gestaltung.raender.as_ref().map(|r| {
            let d = crate::config::RAENDER_STANDARD;
            let mm = r.mm();
            let v = |i: usize| (mm[i].unwrap_or(d[i]) * 10.0).round() / 10.0;
            crate::model::Raender {
                oben: v(0),
                unten: v(1),
                links: v(2),
                rechts: v(3),
            }
        }),
        titelbild: c
            .gestaltung
            .titelbild
            .as_ref()
            .map(|t| crate::project::cover_file_name(t)),
        titelbild_alt: c.gestaltung.titelbild.as_ref().map(|_| {
            c.gestaltung
                .titelbild_text
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| format!("Titelbild: {}", meta.kommune.bezeichnung))
        }),
    }
}

/// The sender block as the title page shows it; none if every field is empty.
fn sender(a: &crate::config::Absender) -> Option<crate::model::Absender> {
    let opt = |v: &Option<String>| {
        v.as_ref()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let m = crate::model::Absender {
        fachbereich: opt(&a.fachbereich),
        anschrift: a
            .anschrift
            .as_deref()
            .unwrap_or("")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        telefon: opt(&a.telefon),
        email: opt(&a.email),
        internet: opt(&a.internet),
    };
    let empty = m.fachbereich.is_none()
        && m.anschrift.is_empty()
        && m.telefon.is_none()
        && m.email.is_none()
        && m.internet.is_none();
    (!empty).then_some(m)
}

fn colour_or(v: &Option<String>, default: &str) -> String {
    v.as_deref()
        .and_then(crate::config::parse_colour)
        .map(|(r, g, b)| format!("#{r:02X}{g:02X}{b:02X}"))
        .unwrap_or_else(|| default.to_string())
}

/// Title, municipality, version, Laufzeit and the other document data.
pub(super) fn meta(c: &Config) -> Meta {
    let d = &c.dokument;
    let k = &c.kommune;
    let stand = d.stand.to_date().unwrap_or_default();
    let version = d.version.text();
    let dateiname = format!(
        "Integrationskonzept-{}-{}",
        file_safe(&k.name),
        file_safe(&version)
    );
    let bezeichnung = if k.name.to_lowercase().starts_with(&k.art.to_lowercase()) {
        k.name.clone()
    } else {
        format!("{} {}", k.art, k.name)
    };
    Meta {
        beschreibung: format!(
            "Integrationskonzept der {bezeichnung} für {}–{} (Version {version}, Stand {})",
            d.laufzeit.von,
            d.laufzeit.bis,
            stand.format("%d.%m.%Y")
        ),
        titel: d.titel.trim().to_string(),
        untertitel: d.untertitel.clone().filter(|s| !s.trim().is_empty()),
        kurztitel: d
            .kurztitel
            .clone()
            .unwrap_or_else(|| "Integrationskonzept".into()),
        kommune: Kommune {
            name: k.name.trim().to_string(),
            art: k.art.clone(),
            bundesland: k.bundesland.clone(),
            bezeichnung,
        },
        version,
        stand: Tag::new(stand),
        status: d.status.clone(),
        entwurf: d.status == "Entwurf",
        laufzeit: Laufzeit {
            von: d.laufzeit.von,
            bis: d.laufzeit.bis,
            text: format!("{}–{}", d.laufzeit.von, d.laufzeit.bis),
            jahre: (d.laufzeit.von..=d.laufzeit.bis.max(d.laufzeit.von)).collect(),
        },
        vorlage: d.vorlage.clone(),
        gremium: d.gremium.clone(),
        sitzung: d.sitzung.as_ref().and_then(|s| s.to_date()).map(Tag::new),
        verantwortlich: d.verantwortlich.trim().to_string(),
        beratung: c
            .beratung
            .iter()
            .map(|b| Beratung {
                gremium: b.gremium.clone(),
                sitzung: b.sitzung.as_ref().and_then(|s| s.to_date()).map(Tag::new),
                oeffentlich: b.oeffentlich,
                oeffentlichkeit: if b.oeffentlich {
                    "öffentlich"
                } else {
                    "nicht öffentlich"
                }
                .into(),
                rolle: b.rolle.clone().filter(|r| !r.trim().is_empty()),
                beschlussvorschlag: b
                    .beschlussvorschlag
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string),
            })
            .collect(),
        dateiname,
        schluesselwoerter: vec![
            "Integrationskonzept".into(),
            "Integration".into(),
            k.name.clone(),
            "Handlungsfelder".into(),
            "Maßnahmen".into(),
        ],
    }
}

/// A string usable in a file name on every system.
pub fn file_safe(s: &str) -> String {
    let out: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_whitespace() => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let out = out.trim_matches(['.', '-']).to_string();
    if out.is_empty() {
        "unbenannt".into()
    } else {
        out.chars().take(80).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(file_safe("Bad Münster/Eifel"), "Bad-Münster-Eifel");
        assert_eq!(file_safe(".."), "unbenannt");
    }
}
