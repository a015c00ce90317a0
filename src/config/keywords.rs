//! Keyword values of `konzept.toml` are case-insensitive, as in the
//! workbooks: `status = "entwurf"`, `formate = ["PDF"]`, `art = "gemeinde"`
//! mean the same as the spelling the documentation shows.

use super::{Config, ARTEN, FORMATE, ROLLEN, STATUS};

/// Replaces every keyword written in another case by its canonical spelling;
/// unknown values stay as typed, so that `validate` names them.
pub(super) fn normalise(c: &mut Config) {
    canonical(&mut c.dokument.status, &STATUS);
    canonical(&mut c.kommune.art, &ARTEN);
    for b in &mut c.beratung {
        if let Some(r) = &mut b.rolle {
            canonical(r, &ROLLEN);
        }
    }
    for f in &mut c.ausgabe.formate {
        canonical(f, &FORMATE);
    }
}

fn canonical(value: &mut String, allowed: &[&str]) {
    let typed = value.trim();
    if let Some(k) = allowed.iter().find(|k| k.eq_ignore_ascii_case(typed)) {
        *value = k.to_string();
    }
}
