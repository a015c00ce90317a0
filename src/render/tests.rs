//! Test support for the renderers' unit tests: the example's model, and a
//! small one cut from it.

use crate::model::Konzept;
use crate::project::Assets;
use std::path::Path;

/// The model and assets of `examples/musterstadt`.
pub(crate) fn example() -> (Konzept, Assets) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt");
    let c = crate::pipeline::check(&root);
    (c.konzept.expect("example model"), c.assets)
}

/// A small model: the example cut down to two fields (the second without a
/// workbook) and a few rows per table.
pub(crate) fn small() -> Konzept {
    let (mut k, _) = example();
    k.felder.truncate(2);
    k.felder[1].bearbeitet = false;
    k.felder[1].arbeitsgruppe = None;
    k.felder[1].massnahmen.clear();
    for f in &mut k.felder {
        f.massnahmen.truncate(2);
        f.ziele.truncate(2);
        f.kennzahlen.truncate(1);
        f.empfehlungen.truncate(1);
        if let Some(ag) = &mut f.arbeitsgruppe {
            ag.mitglieder.truncate(2);
        }
    }
    k.texte = crate::model::Texte {
        einleitung: k.texte.einleitung.take(),
        ..Default::default()
    };
    k.steuerungsgruppe.truncate(2);
    k.arbeitsgruppen.truncate(2);
    k.akteure.kategorien.truncate(1);
    k.akteure.kategorien[0].akteure.truncate(2);
    k.akteure.alle.truncate(2);
    k.leitlinien.truncate(2);
    k.ausgangslage.truncate(1);
    k.zeitplan.truncate(2);
    k.schwerpunkte.truncate(1);
    k.indikatoren.truncate(1);
    k.kosten.felder.truncate(2);
    k.oberziele.truncate(2);
    for o in &mut k.oberziele {
        o.ziele.truncate(2);
    }
    k.querschnittsthemen.truncate(1);
    for t in &mut k.querschnittsthemen {
        t.ziele.truncate(1);
        t.massnahmen.truncate(2);
    }
    k
}
