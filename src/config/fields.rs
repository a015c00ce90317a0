//! The fields of action (Handlungsfelder): the configured ones, or the
//! guide's seven.

use serde::Deserialize;

use super::Config;

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
