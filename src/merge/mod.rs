//! Validate and merge: raw workbooks + config → the typed [`Konzept`].
//!
//! Every cell problem and every cross-check of the spec is reported here, with
//! its place, and the merge goes on: a row with a bad cell is still read so
//! that later checks (goal references, actors) see it.
//!
//! One file per workbook kind ([`steering`], [`working_group`]), per part
//! computed from them ([`cost_plan`], [`summary`], [`charts`],
//! [`submission`]) and for what comes from `konzept.toml` alone
//! ([`document`]); [`cells`] reads typed cells, [`validate`] holds the
//! cross-checks between sheets and workbooks.

mod actor_names;
mod at_a_glance;
mod cells;
mod charts;
mod completeness;
mod cost_plan;
mod document;
mod extract;
mod forms;
mod hierarchy;
mod numbering;
mod participation;
mod priorities;
mod staff;
mod steering;
mod submission;
mod summary;
mod themes;
mod validate;
mod working_group;

use crate::config::{Config, Handlungsfeld};
use crate::diag::{Diagnostics, Severity};
use crate::input::workbook::Workbook;
use crate::model::*;
use cells::Merger;
use std::collections::BTreeMap;
use working_group::GroupData;

pub use document::file_safe;
pub use extract::extract;
/// A Stellen (VZÄ) cell, read as the Maßnahmen sheet reads it (the report's
/// „Stellen besetzt (VZÄ)“ too).
pub use staff::parse_staff;

/// Inputs to the merge, already read from disk.
pub struct Inputs<'a> {
    pub config: &'a Config,
    pub steuerung: Option<&'a Workbook>,
    pub arbeitsgruppen: &'a [Workbook],
    /// File name of the logo inside rendered packages, if one was given and found.
    pub logo: Option<String>,
}

/// Builds the model. Problems go to `diags`; the model is returned even with
/// errors so `check --model` can show what was understood.
pub fn merge(inp: &Inputs, diags: &mut Diagnostics) -> Konzept {
    let c = inp.config;
    let fields: Vec<Handlungsfeld> = crate::config::fields(c);
    let laufzeit = (c.dokument.laufzeit.von, c.dokument.laufzeit.bis);
    let mut m = Merger::new(diags, &fields, laufzeit);
    m.extra_sections = c
        .dokument
        .abschnitte
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    m.priorities = crate::config::PriorityScheme::of(c);
    m.themes = c
        .querschnittsthema
        .iter()
        .map(|t| t.name.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();

    let steering = inp.steuerung.map(|wb| m.steering(wb)).unwrap_or_default();
    let actors: Vec<Akteur> = steering.akteure.clone();
    if let Some(wb) = inp.steuerung {
        completeness::placeholders(m.diags, wb);
    }
    let mut felder = working_groups(&mut m, inp.arbeitsgruppen, &actors);
    let mut leitlinien = steering.leitlinien;
    hierarchy::check_guidelines(m.diags, &m.outline, &mut leitlinien, &felder);
    priorities::rank(&mut felder, m.priorities);
    let prioritaeten = priorities::describe(m.priorities);
    let renumbered = numbering::renumber(&mut felder, c.dokument.nummerierung.as_deref());
    for z in leitlinien.iter_mut().flat_map(|l| l.ziele.iter_mut()) {
        if let Some(new) = renumbered.get(z) {
            *z = new.clone();
        }
    }
    let oberziele = hierarchy::overview(&m.outline, m.fields, &felder, &leitlinien);
    let querschnittsthemen = themes::sections(c, &felder);
    completeness::council_ready(m.diags, c, &felder, inp.steuerung);

    let posten: Vec<Posten> = steering.posten.into_iter().map(|(p, _)| p).collect();
    let steering_file = inp.steuerung.map(|w| w.file.as_str()).unwrap_or_default();
    let kosten = cost_plan::cost_plan(m.diags, &mut felder, &posten, laufzeit, steering_file);

    let finanzen = summary::finances(posten);
    let meta = document::meta(c);
    forms::outdated(
        m.diags,
        c,
        &meta,
        inp.steuerung.into_iter().chain(inp.arbeitsgruppen),
    );
    let gestaltung = document::design(c, &meta, inp.logo.clone());
    let arbeitsgruppen = summary::groups_overview(&felder);
    let schwerpunkte = summary::priorities(&felder);
    let indikatoren = summary::indicators(&felder);
    let zaehlung = summary::counts(
        &felder,
        &arbeitsgruppen,
        steering.akteure.len(),
        steering.steuerungsgruppe.len(),
    );
    let diagramme = charts::describe(
        &finanzen,
        &steering.zeitplan,
        &steering.statistik,
        &felder,
        &kosten,
    );
    let akteure = summary::actors_by_category(steering.akteure);
    let texte = steering.texte;
    let stellen = staff::staff_plan(&felder, &kosten.jahre);
    let quellen = participation::sources(&steering.statistik, &felder, steering.literatur);
    let mut vorlage = submission::build(
        c,
        &submission::Parts {
            meta: &meta,
            texte: &texte,
            felder: &felder,
            finanzen: &finanzen,
            kosten: &kosten,
            zaehlung: &zaehlung,
            akteure: &akteure,
            indikatoren: indikatoren.len(),
        },
    );
    participation::cite(&mut vorlage, &steering.beteiligung);
    let auf_einen_blick = at_a_glance::build(&at_a_glance::Parts {
        meta: &meta,
        zaehlung: &zaehlung,
        kosten: &kosten,
        vorlage: &vorlage,
        beteiligung: &steering.beteiligung,
        stellen: &stellen,
        priorities: m.priorities,
    });
    Konzept {
        auf_einen_blick,
        beteiligung: steering.beteiligung,
        stellen,
        begriffe: steering.begriffe,
        quellen,
        vorlage,
        diagramme,
        meta,
        gestaltung,
        texte,
        steuerungsgruppe: steering.steuerungsgruppe,
        arbeitsgruppen,
        akteure,
        leitlinien,
        ausgangslage: steering.statistik,
        finanzen,
        zeitplan: steering.zeitplan,
        felder,
        schwerpunkte,
        indikatoren,
        kosten,
        zaehlung,
        oberziele,
        querschnittsthemen,
        auszug: None,
        prioritaeten,
    }
}

/// Reads the working groups' workbooks, checks their references and assigns
/// them to the configured fields (one workbook per field); returns one
/// section per field, in the configured order.
fn working_groups(m: &mut Merger, workbooks: &[Workbook], actors: &[Akteur]) -> Vec<Feld> {
    let mut by_field: BTreeMap<usize, (String, GroupData, bool)> = BTreeMap::new();
    for wb in workbooks {
        let (field, data, blank) = read_group(m, wb, actors);
        let Some(fi) = field else { continue };
        if let Some((first, _, _)) = by_field.get(&fi) {
            validate::duplicate_workbook(m.diags, wb, &m.fields[fi].name, first);
            continue;
        }
        by_field.insert(fi, (wb.file.clone(), data, blank));
    }
    let mut felder = Vec::new();
    for (i, f) in m.fields.iter().enumerate() {
        let abschnitt = format!("3.{}", i + 4);
        let feld = match by_field.remove(&i) {
            // A blank form is kept as the field's file but not handed in:
            // the document says the field is still being worked on.
            Some((file, _, true)) => {
                let mut feld =
                    working_group::field(i, &abschnitt, f, Some(file), GroupData::default());
                feld.bearbeitet = false;
                feld
            }
            Some((file, data, false)) => working_group::field(i, &abschnitt, f, Some(file), data),
            None => {
                validate::missing_workbook(m.diags, &f.name);
                working_group::field(i, &abschnitt, f, None, GroupData::default())
            }
        };
        felder.push(feld);
    }
    felder
}

/// Reads one working group's workbook. A workbook that is still the blank
/// form gets one warning instead of its single problems (a missing lead is
/// no error then), and `true`; other workbooks get a warning for each
/// placeholder („N. N.“, „TODO“ …) and their references checked.
fn read_group(
    m: &mut Merger,
    wb: &Workbook,
    actors: &[Akteur],
) -> (Option<usize>, GroupData, bool) {
    let outer = std::mem::take(m.diags);
    let (field, data) = m.working_group(wb);
    let own = std::mem::replace(m.diags, outer);
    let lead_missing = |d: &crate::diag::Diagnostic| {
        d.location.sheet.as_deref().is_some_and(|s| {
            crate::input::normalize(s) == crate::input::normalize(crate::schema::ARBEITSGRUPPE.name)
        }) && d.message == "Leitung fehlt"
    };
    let blank = data.blank().filter(|_| {
        !own.iter()
            .any(|d| d.severity == Severity::Error && !lead_missing(d))
    });
    if let Some(blank) = blank {
        for d in own.iter().filter(|d| !lead_missing(d)) {
            m.diags.push(d.clone());
        }
        let name = field.map_or("(ohne Handlungsfeld)", |i| m.fields[i].name.as_str());
        completeness::blank_form(m.diags, wb, name, &blank);
        return (field, data, true);
    }
    m.diags.extend(own);
    completeness::placeholders(m.diags, wb);
    validate::references(m.diags, &data.refs, actors);
    (field, data, false)
}

/// The council submission of a concept, computed anew (e.g. after the model
/// was changed).
pub fn submission_of(c: &Config, k: &Konzept) -> Vorlage {
    let mut vorlage = submission::build(
        c,
        &submission::Parts {
            meta: &k.meta,
            texte: &k.texte,
            felder: &k.felder,
            finanzen: &k.finanzen,
            kosten: &k.kosten,
            zaehlung: &k.zaehlung,
            akteure: &k.akteure,
            indikatoren: k.indikatoren.len(),
        },
    );
    participation::cite(&mut vorlage, &k.beteiligung);
    vorlage
}
