//! Validate and merge: raw workbooks + config → the typed [`Konzept`].
//!
//! Every cell problem and every cross-check of the spec is reported here, with
//! its place, and the merge goes on: a row with a bad cell is still read so
//! that later checks (goal references, actors) see it.

use crate::config::{Config, Handlungsfeld};
use crate::costs;
use crate::diag::{did_you_mean, Diagnostics, Location};
use crate::input::markdown::{self, RichText};
use crate::input::normalize;
use crate::input::values::{self, CellValue, DateValue, EndDate, Money, Number, Priority, Status};
use crate::input::workbook::{Row, Sheet, Table, Workbook};
use crate::model::*;
use crate::schema;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap};

mod vorlage;

/// Inputs to the merge, already read from disk.
pub struct Inputs<'a> {
    pub config: &'a Config,
    pub steuerung: Option<&'a Workbook>,
    pub arbeitsgruppen: &'a [Workbook],
    /// File name of the logo inside rendered packages, if one was given and found.
    pub logo: Option<String>,
}

/// The sender block as the title page shows it; none if every field is empty.
fn absender_model(a: &crate::config::Absender) -> Option<crate::model::Absender> {
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

/// Builds the model. Problems go to `diags`; the model is returned even with
/// errors so `check --model` can show what was understood.
pub fn merge(inp: &Inputs, diags: &mut Diagnostics) -> Konzept {
    let c = inp.config;
    let fields: Vec<Handlungsfeld> = crate::config::fields(c);
    let laufzeit = (c.dokument.laufzeit.von, c.dokument.laufzeit.bis);
    let field_keys = fields.iter().map(Handlungsfeld::keys).collect();
    let mut m = Merger {
        diags,
        fields: &fields,
        field_keys,
        laufzeit,
    };

    // Steering workbook.
    let mut texte = Texte::default();
    let mut steuerungsgruppe = Vec::new();
    let mut akteure = Vec::new();
    let mut leitlinien = Vec::new();
    let mut statistik = Vec::new();
    let mut posten: Vec<(Posten, Location)> = Vec::new();
    let mut zeitplan = Vec::new();
    if let Some(wb) = inp.steuerung {
        texte = m.texte(wb);
        steuerungsgruppe = m.steuerungsgruppe(wb);
        akteure = m.akteure(wb);
        leitlinien = m.leitlinien(wb);
        statistik = m.statistik(wb);
        posten = m.finanzen(wb);
        zeitplan = m.zeitplan(wb);
    }
    let actor_names: Vec<String> = akteure.iter().map(|a: &Akteur| a.name.clone()).collect();

    // Working-group workbooks, assigned to their fields.
    let mut by_field: BTreeMap<usize, (String, AgData)> = BTreeMap::new();
    for wb in inp.arbeitsgruppen {
        let (field, data) = m.arbeitsgruppe(wb, &actor_names);
        let Some(fi) = field else { continue };
        if let Some((first, _)) = by_field.get(&fi) {
            m.diags
                .error(
                    Location::file(&wb.file),
                    format!(
                        "für das Handlungsfeld „{}“ gibt es zwei Arbeitsmappen: {} und {}",
                        fields[fi].name, first, wb.file
                    ),
                )
                .hint = Some("je Handlungsfeld genau eine Arbeitsmappe abgeben; die Inhalte in einer Mappe zusammenführen oder das Handlungsfeld korrigieren".into());
            continue;
        }
        by_field.insert(fi, (wb.file.clone(), data));
    }

    let years = laufzeit.0..=laufzeit.1;
    let mut felder = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let abschnitt = format!("3.{}", i + 4);
        let feld = match by_field.remove(&i) {
            Some((file, data)) => m.feld(i, &abschnitt, f, Some(file), data),
            None => {
                m.diags
                    .warning(
                        Location::file(crate::config::FILE_NAME),
                        format!("für das Handlungsfeld „{}“ liegt keine Arbeitsmappe vor", f.name),
                    )
                    .hint = Some(format!(
                    "das Dokument vermerkt, dass das Handlungsfeld noch bearbeitet wird; die Arbeitsmappe der AG im Ordner der Arbeitsgruppen ablegen (Handlungsfeld „{}“ im Blatt Arbeitsgruppe)",
                    f.name
                ));
                m.feld(i, &abschnitt, f, None, AgData::default())
            }
        };
        felder.push(feld);
    }

    // Costs per field and year, and the budget check.
    let mut jahre: Vec<i32> = years.clone().collect();
    let mut alloc: Vec<BTreeMap<i32, Money>> = Vec::new();
    for feld in &felder {
        let mut per_year: BTreeMap<i32, Money> = BTreeMap::new();
        for ms in &feld.massnahmen {
            if let Some(cent) = ms.kosten.cent {
                for (y, share) in costs::allocate(Money(cent), ms.periode.0, ms.periode.1) {
                    *per_year.entry(y).or_default() += share;
                }
            }
        }
        for y in per_year.keys() {
            if !jahre.contains(y) {
                jahre.push(*y);
            }
        }
        alloc.push(per_year);
    }
    jahre.sort_unstable();
    let mut budget: BTreeMap<i32, Money> = BTreeMap::new();
    for (p, _) in &posten {
        *budget.entry(p.jahr).or_default() += Money(p.betrag.cent.unwrap_or(0));
    }
    let felder: Vec<Feld> = felder
        .into_iter()
        .zip(&alloc)
        .map(|(mut f, a)| {
            f.kosten_je_jahr = jahre
                .iter()
                .map(|y| Geld::of(a.get(y).copied().unwrap_or_default()))
                .collect();
            f.kosten_summe = Geld::of(a.values().copied().sum());
            f
        })
        .collect();
    let summe_je_jahr: Vec<Money> = jahre
        .iter()
        .map(|y| {
            alloc
                .iter()
                .map(|a| a.get(y).copied().unwrap_or_default())
                .sum()
        })
        .collect();
    if !posten.is_empty() {
        let file = inp.steuerung.map(|w| w.file.clone()).unwrap_or_default();
        for (y, cost) in jahre.iter().zip(&summe_je_jahr) {
            let b = budget.get(y).copied().unwrap_or_default();
            if *cost > b {
                m.diags
                    .warning(
                        Location::sheet(&file, schema::FINANZEN.name),
                        format!(
                            "die Maßnahmenkosten {y} ({}) übersteigen das Budget {y} laut Blatt Finanzen ({}) um {}",
                            cost.display(),
                            b.display(),
                            Money(cost.0 - b.0).display()
                        ),
                    )
                    .hint = Some("Budget im Blatt Finanzen ergänzen oder Kosten bzw. Zeiträume der Maßnahmen prüfen (Kosten werden taggenau auf die Jahre verteilt)".into());
            }
        }
    }
    let kosten = Kostenplan {
        felder: felder
            .iter()
            .map(|f| KostenFeld {
                name: f.name.clone(),
                kurz: f.kurz.clone(),
                je_jahr: f.kosten_je_jahr.clone(),
                summe: f.kosten_summe.clone(),
            })
            .collect(),
        summe_je_jahr: summe_je_jahr.iter().map(|m| Geld::of(*m)).collect(),
        je_jahr: jahre
            .iter()
            .zip(&summe_je_jahr)
            .map(|(y, c)| KostenJahr {
                jahr: *y,
                kosten: Geld::of(*c),
                budget: Geld::of(budget.get(y).copied().unwrap_or_default()),
            })
            .collect(),
        budget_je_jahr: jahre
            .iter()
            .map(|y| Geld::of(budget.get(y).copied().unwrap_or_default()))
            .collect(),
        summe: Geld::of(summe_je_jahr.iter().copied().sum()),
        budget_summe: Geld::of(budget.values().copied().sum()),
        ohne_angabe: felder
            .iter()
            .flat_map(|f| &f.massnahmen)
            .filter(|m| m.kosten.cent.is_none())
            .count(),
        regel: costs::RULE.to_string(),
        jahre,
    };

    let finanzen = finanzen_model(posten.into_iter().map(|(p, _)| p).collect());
    let meta = meta(c);
    let gestaltung = Gestaltung {
        farbe: colour_or(&c.gestaltung.farbe, "#005CA9"),
        farbe2: colour_or(&c.gestaltung.farbe2, "#E8A33D"),
        schrift: c
            .gestaltung
            .schrift
            .clone()
            .unwrap_or_else(|| "Liberation Sans".into()),
        logo: inp.logo.clone(),
        logo_alt: format!("Logo der {}", meta.kommune.bezeichnung),
        absender: c.gestaltung.absender.as_ref().and_then(absender_model),
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
    };

    let arbeitsgruppen = felder
        .iter()
        .filter_map(|f| {
            f.arbeitsgruppe.as_ref().map(|ag| AgUebersicht {
                feld: f.name.clone(),
                kurz: f.kurz.clone(),
                bezeichnung: ag.bezeichnung.clone(),
                leitung: ag.leitung.clone(),
                mitglieder: ag.mitglieder.len(),
            })
        })
        .collect::<Vec<_>>();

    let schwerpunkte = felder
        .iter()
        .flat_map(|f| &f.massnahmen)
        .filter(|m| m.prioritaet == Some(Priority::Hoch))
        .cloned()
        .collect();
    let indikatoren: Vec<Indikator> = felder
        .iter()
        .flat_map(|f| {
            f.ziele.iter().filter_map(move |z| {
                z.indikator.as_ref().map(|ind| Indikator {
                    feld: f.name.clone(),
                    feld_kurz: f.kurz.clone(),
                    nr: z.nr.clone(),
                    ziel: z.ziel.clone(),
                    indikator: ind.clone(),
                    quelle: z.quelle.clone(),
                    ausgangswert: z.ausgangswert.clone(),
                    basisjahr: z.basisjahr,
                    zielwert: z.zielwert.clone(),
                    zieljahr: z.zieljahr,
                    verlauf: z.verlauf.clone(),
                })
            })
        })
        .collect();

    let all_measures: Vec<&Massnahme> = felder.iter().flat_map(|f| &f.massnahmen).collect();
    let zaehlung = Zaehlung {
        felder: felder.len(),
        felder_bearbeitet: felder.iter().filter(|f| f.bearbeitet).count(),
        ziele: felder.iter().map(|f| f.ziele.len()).sum(),
        massnahmen: all_measures.len(),
        empfehlungen: felder.iter().map(|f| f.empfehlungen.len()).sum(),
        arbeitsgruppen: arbeitsgruppen.len(),
        mitglieder: arbeitsgruppen.iter().map(|a| a.mitglieder).sum(),
        akteure: akteure.len(),
        steuerungsgruppe: steuerungsgruppe.len(),
        nach_prioritaet: count_priorities(all_measures.iter().map(|m| m.prioritaet)),
        nach_status: count_statuses(all_measures.iter().map(|m| m.status)),
    };

    let diagramme = diagramme(&finanzen, &zeitplan, &statistik, &felder, &kosten);
    let akteure = akteure_model(akteure);
    let vorlage = vorlage::vorlage(
        c,
        &vorlage::Teile {
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
    Konzept {
        vorlage,
        diagramme,
        meta,
        gestaltung,
        texte,
        steuerungsgruppe,
        arbeitsgruppen,
        akteure,
        leitlinien,
        ausgangslage: statistik,
        finanzen,
        zeitplan,
        felder,
        schwerpunkte,
        indikatoren,
        kosten,
        zaehlung,
    }
}

/// The council submission of a concept, computed anew (e.g. after the model
/// was changed).
pub fn vorlage_of(c: &Config, k: &Konzept) -> Vorlage {
    vorlage::vorlage(
        c,
        &vorlage::Teile {
            meta: &k.meta,
            texte: &k.texte,
            felder: &k.felder,
            finanzen: &k.finanzen,
            kosten: &k.kosten,
            zaehlung: &k.zaehlung,
            akteure: &k.akteure,
            indikatoren: k.indikatoren.len(),
        },
    )
}

/// Titles and alt texts of the charts; each alt text states the numbers the
/// chart shows, so a screen reader user gets the same information.
fn diagramme(
    finanzen: &Finanzen,
    zeitplan: &[Phase],
    statistik: &[Statistik],
    felder: &[Feld],
    kosten: &Kostenplan,
) -> Diagramme {
    let d = |name: &str, titel: &str, alt: String, vorhanden: bool| Diagramm {
        name: name.into(),
        titel: titel.into(),
        alt,
        vorhanden,
    };
    let fin = finanzen
        .jahre
        .iter()
        .map(|j| {
            let parts: Vec<String> = finanzen
                .quellen
                .iter()
                .zip(&j.je_quelle)
                .filter(|(_, g)| g.cent.unwrap_or(0) > 0)
                .map(|(q, g)| format!("{q} {}", g.text))
                .collect();
            format!("{}: {} ({})", j.jahr, j.summe.text, parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let zp = zeitplan
        .iter()
        .map(|p| format!("{}: {} bis {}", p.phase, p.beginn.text, p.ende.text))
        .collect::<Vec<_>>()
        .join("; ");
    let st = statistik
        .iter()
        .filter_map(|s| {
            s.anteil
                .as_ref()
                .map(|a| format!("{}: {}", s.merkmal, a.text))
        })
        .collect::<Vec<_>>();
    let ms = felder
        .iter()
        .map(|f| {
            let parts: Vec<String> = f
                .zaehlung
                .nach_status
                .iter()
                .filter(|a| a.anzahl > 0)
                .map(|a| format!("{} {}", a.anzahl, a.name))
                .collect();
            if parts.is_empty() {
                format!("{}: keine Maßnahmen", f.name)
            } else {
                format!(
                    "{}: {} ({})",
                    f.name,
                    f.zaehlung.massnahmen,
                    parts.join(", ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let ko = kosten
        .jahre
        .iter()
        .zip(&kosten.summe_je_jahr)
        .zip(&kosten.budget_je_jahr)
        .map(|((y, c), b)| format!("{y}: Maßnahmenkosten {}, Budget {}", c.text, b.text))
        .collect::<Vec<_>>()
        .join("; ");
    Diagramme {
        finanzen: d(
            "finanzen",
            "Budget nach Jahr und Finanzierungsquelle",
            format!("Säulendiagramm des Budgets nach Jahr und Finanzierungsquelle. {fin}."),
            !finanzen.jahre.is_empty(),
        ),
        zeitplan: d(
            "zeitplan",
            "Zeitplan der Konzepterarbeitung und -umsetzung",
            format!("Zeitstrahl der Projektphasen. {zp}."),
            !zeitplan.is_empty(),
        ),
        statistik: d(
            "statistik",
            "Anteil der Menschen mit Migrationshintergrund",
            format!(
                "Balkendiagramm der Anteile der Menschen mit Migrationshintergrund. {}.",
                st.join("; ")
            ),
            !st.is_empty(),
        ),
        massnahmen: d(
            "massnahmen",
            "Maßnahmen nach Handlungsfeld und Umsetzungsstand",
            format!("Gestapeltes Balkendiagramm der Maßnahmen je Handlungsfeld nach Status. {ms}."),
            felder.iter().any(|f| !f.massnahmen.is_empty()),
        ),
        kosten: d(
            "kosten",
            "Maßnahmenkosten und Budget je Jahr",
            format!("Säulendiagramm der Maßnahmenkosten je Jahr neben dem Budget. {ko}."),
            kosten.summe.cent.unwrap_or(0) > 0 || kosten.budget_summe.cent.unwrap_or(0) > 0,
        ),
    }
}

fn colour_or(v: &Option<String>, default: &str) -> String {
    v.as_deref()
        .and_then(crate::config::parse_colour)
        .map(|(r, g, b)| format!("#{r:02X}{g:02X}{b:02X}"))
        .unwrap_or_else(|| default.to_string())
}

fn meta(c: &Config) -> Meta {
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

fn finanzen_model(posten: Vec<Posten>) -> Finanzen {
    let quellen: Vec<String> = schema::QUELLEN
        .iter()
        .filter(|q| posten.iter().any(|p| p.quelle == **q))
        .map(|q| q.to_string())
        .collect();
    let mut years: Vec<i32> = posten.iter().map(|p| p.jahr).collect();
    years.sort_unstable();
    years.dedup();
    let amount = |p: &Posten| Money(p.betrag.cent.unwrap_or(0));
    let jahre = years
        .iter()
        .map(|y| FinanzJahr {
            jahr: *y,
            je_quelle: quellen
                .iter()
                .map(|q| {
                    Geld::of(
                        posten
                            .iter()
                            .filter(|p| p.jahr == *y && &p.quelle == q)
                            .map(amount)
                            .sum(),
                    )
                })
                .collect(),
            summe: Geld::of(posten.iter().filter(|p| p.jahr == *y).map(amount).sum()),
        })
        .collect();
    let summe_je_quelle = quellen
        .iter()
        .map(|q| Geld::of(posten.iter().filter(|p| &p.quelle == q).map(amount).sum()))
        .collect();
    let summe = Geld::of(posten.iter().map(amount).sum());
    Finanzen {
        posten,
        quellen,
        jahre,
        summe_je_quelle,
        summe,
    }
}

fn akteure_model(mut alle: Vec<Akteur>) -> Akteure {
    let kategorien = schema::KATEGORIEN
        .iter()
        .map(|k| Kategorie {
            name: k.to_string(),
            akteure: alle.iter().filter(|a| a.kategorie == *k).cloned().collect(),
        })
        .filter(|k| !k.akteure.is_empty())
        .collect();
    alle.sort_by_cached_key(|a| (normalize(&a.name), a.name.clone()));
    Akteure {
        anzahl: alle.len(),
        kategorien,
        alle,
    }
}

fn count_priorities(it: impl Iterator<Item = Option<Priority>>) -> Vec<Anzahl> {
    let v: Vec<Option<Priority>> = it.collect();
    let mut out: Vec<Anzahl> = Priority::ALL
        .iter()
        .map(|p| Anzahl {
            name: p.label().into(),
            anzahl: v.iter().filter(|x| **x == Some(*p)).count(),
        })
        .collect();
    out.push(Anzahl {
        name: "ohne Angabe".into(),
        anzahl: v.iter().filter(|x| x.is_none()).count(),
    });
    out
}

fn count_statuses(it: impl Iterator<Item = Option<Status>>) -> Vec<Anzahl> {
    let v: Vec<Option<Status>> = it.collect();
    let mut out: Vec<Anzahl> = Status::ALL
        .iter()
        .map(|s| Anzahl {
            name: s.label().into(),
            anzahl: v.iter().filter(|x| **x == Some(*s)).count(),
        })
        .collect();
    out.push(Anzahl {
        name: "ohne Angabe".into(),
        anzahl: v.iter().filter(|x| x.is_none()).count(),
    });
    out
}

/// The content of one working-group workbook before it joins its field.
#[derive(Default)]
struct AgData {
    arbeitsgruppe: Option<Arbeitsgruppe>,
    befund: Befund,
    kennzahlen: Vec<Kennzahl>,
    ziele: Vec<Ziel>,
    massnahmen: Vec<Massnahme>,
    empfehlungen: Vec<Empfehlung>,
}

struct Merger<'d, 'f> {
    diags: &'d mut Diagnostics,
    fields: &'f [Handlungsfeld],
    /// Name, letter and aliases of each field, normalized once.
    field_keys: Vec<Vec<String>>,
    laufzeit: (i32, i32),
}

/// "Beginn „13/2027“ ist ungültig; erwartet: …".
fn invalid(column: &str, value: &CellValue, expected: &str) -> String {
    format!(
        "{column} „{}“ ist ungültig; erwartet: {expected}",
        shorten(&value.display())
    )
}

/// Long values are cut in messages so one bad cell does not flood the screen.
fn shorten(s: &str) -> String {
    let one_line = s.replace('\n', " ⏎ ");
    if one_line.chars().count() > 80 {
        format!("{}…", one_line.chars().take(80).collect::<String>())
    } else {
        one_line
    }
}

impl Merger<'_, '_> {
    /// The field a value names (by name, alias or letter).
    fn resolve_field(&self, v: &str) -> Option<usize> {
        let n = normalize(v);
        if n.is_empty() {
            return None;
        }
        self.field_keys.iter().position(|keys| keys.contains(&n))
    }

    fn field_hint(&self, v: &str) -> String {
        did_you_mean(v, self.fields.iter().map(|f| f.name.as_str())).unwrap_or_else(|| {
            format!(
                "bekannte Handlungsfelder: {}",
                self.fields
                    .iter()
                    .map(|f| format!("{} ({})", f.name, f.kurz))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
    }

    /// A required text cell; an error at the cell if empty.
    fn req_text(&mut self, row: &Row, key: &str, column: &str) -> Option<String> {
        let t = row.text(key);
        if t.is_none() {
            self.diags
                .error(row.loc(key), format!("{column} fehlt"))
                .hint = Some(format!("in dieser Zeile ist „{column}“ eine Pflichtangabe"));
        }
        t
    }

    /// An optional cell parsed with `parse`; an error at the cell if invalid.
    fn opt<T>(
        &mut self,
        row: &Row,
        key: &str,
        column: &str,
        parse: impl Fn(&CellValue) -> Result<T, String>,
    ) -> Option<T> {
        let cell = row.get(key);
        if cell.is_empty() {
            return None;
        }
        match parse(cell) {
            Ok(v) => Some(v),
            Err(expected) => {
                self.diags
                    .error(row.loc(key), invalid(column, cell, &expected));
                None
            }
        }
    }

    /// A required cell parsed with `parse`.
    fn req<T>(
        &mut self,
        row: &Row,
        key: &str,
        column: &str,
        parse: impl Fn(&CellValue) -> Result<T, String>,
    ) -> Option<T> {
        if row.get(key).is_empty() {
            self.diags
                .error(row.loc(key), format!("{column} fehlt"))
                .hint = Some(format!("in dieser Zeile ist „{column}“ eine Pflichtangabe"));
            return None;
        }
        self.opt(row, key, column, parse)
    }

    fn table<'w>(
        &mut self,
        wb: &'w Workbook,
        spec: &schema::SheetSpec,
        required: bool,
    ) -> Option<Table<'w>> {
        let names = spec.names();
        let sheet = if required {
            wb.required_sheet(&names, self.diags)?
        } else {
            wb.sheet(&names)?
        };
        Table::read(&wb.file, sheet, spec.columns, self.diags)
    }

    fn check_date_in_laufzeit(&mut self, row: &Row, key: &str, column: &str, d: &DateValue) {
        let (von, bis) = self.laufzeit;
        if d.last.year() < von || d.first.year() > bis {
            self.diags.warning(
                row.loc(key),
                format!(
                    "{column} {} liegt außerhalb der Laufzeit {von}–{bis}",
                    d.display()
                ),
            );
        }
    }

    fn axis(&self, first: NaiveDate, last: NaiveDate) -> (f64, f64) {
        let lz_first = NaiveDate::from_ymd_opt(self.laufzeit.0, 1, 1).expect("valid");
        let lz_end = NaiveDate::from_ymd_opt(self.laufzeit.1 + 1, 1, 1).expect("valid");
        let span = (lz_end - lz_first).num_days().max(1) as f64;
        let pos = |d: NaiveDate| ((d - lz_first).num_days() as f64 / span).clamp(0.0, 1.0);
        (pos(first), pos(last.succ_opt().unwrap_or(last)))
    }

    // ------------------------------------------------------------ steuerung

    fn texte(&mut self, wb: &Workbook) -> Texte {
        let mut t = Texte::default();
        let Some(table) = self.table(wb, &schema::TEXTE, false) else {
            return t;
        };
        let mut collected: BTreeMap<&str, String> = BTreeMap::new();
        for row in table.rows() {
            let Some(abschnitt) = self.req_text(&row, "abschnitt", "Abschnitt") else {
                continue;
            };
            let Some(text) = self.req_text(&row, "text", "Text") else {
                continue;
            };
            let n = normalize(&abschnitt);
            let key = schema::TEXT_SECTIONS
                .iter()
                .find(|(name, _)| {
                    normalize(name) == n
                        || (n == "warumintegration" && *name == "Warum Integration")
                })
                .map(|(_, k)| *k)
                .or(match n.as_str() {
                    "umsetzung" | "monitoring" | "umsetzungundmonitoring" => {
                        Some("umsetzung_und_monitoring")
                    }
                    "netzwerke" => Some("netzwerk"),
                    _ => None,
                });
            match key {
                Some(k) => {
                    let e = collected.entry(k).or_default();
                    if !e.is_empty() {
                        e.push_str("\n\n");
                    }
                    e.push_str(&text);
                }
                None => {
                    self.diags
                        .warning(
                            row.loc("abschnitt"),
                            format!(
                                "unbekannter Abschnitt „{}“ wird ignoriert",
                                shorten(&abschnitt)
                            ),
                        )
                        .hint =
                        did_you_mean(&abschnitt, schema::TEXT_SECTIONS.iter().map(|(n, _)| *n))
                            .or_else(|| {
                                Some(format!(
                                    "bekannte Abschnitte: {}",
                                    schema::TEXT_SECTIONS
                                        .iter()
                                        .map(|(n, _)| *n)
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ))
                            });
                }
            }
        }
        let get = |k: &str| {
            collected
                .get(k)
                .map(|s| markdown::parse(s))
                .filter(|r| !r.is_empty())
        };
        t.vorwort = get("vorwort");
        t.einleitung = get("einleitung");
        t.warum_integration = get("warum_integration");
        t.auftrag = get("auftrag");
        t.netzwerk = get("netzwerk");
        t.projektrahmen = get("projektrahmen");
        t.steuerung = get("steuerung");
        t.akteure = get("akteure");
        t.leitlinien = get("leitlinien");
        t.ausgangslage = get("ausgangslage");
        t.schwerpunkte = get("schwerpunkte");
        t.umsetzung_und_monitoring = get("umsetzung_und_monitoring");
        t.beschlussvorschlag = get("beschlussvorschlag");
        t
    }

    fn steuerungsgruppe(&mut self, wb: &Workbook) -> Vec<Person> {
        let Some(table) = self.table(wb, &schema::STEUERUNGSGRUPPE, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let name = self.req_text(&row, "name", "Name");
            let institution = self.req_text(&row, "institution", "Institution");
            let rolle = row.text("rolle").map(|r| {
                schema::ROLLEN
                    .iter()
                    .find(|k| normalize(k) == normalize(&r))
                    .map(|k| k.to_string())
                    .unwrap_or(r)
            });
            if let (Some(name), Some(institution)) = (name, institution) {
                out.push(Person {
                    name,
                    funktion: row.text("funktion"),
                    institution,
                    rolle: rolle.unwrap_or_else(|| "Mitglied".into()),
                });
            }
        }
        // Chair first, then the office, then members in the order given.
        out.sort_by_key(|p| {
            schema::ROLLEN
                .iter()
                .position(|r| *r == p.rolle)
                .unwrap_or(2)
        });
        out
    }

    fn akteure(&mut self, wb: &Workbook) -> Vec<Akteur> {
        let Some(table) = self.table(wb, &schema::AKTEURE, false) else {
            return vec![];
        };
        let mut out: Vec<Akteur> = Vec::new();
        let mut seen: std::collections::HashSet<String> = Default::default();
        for row in table.rows() {
            let Some(name) = self.req_text(&row, "akteur", "Akteur") else {
                continue;
            };
            let kategorie = match row.text("kategorie") {
                None => {
                    self.diags.warning(
                        row.loc("kategorie"),
                        "Kategorie fehlt; der Akteur wird unter „Sonstige“ geführt",
                    );
                    "Sonstige".to_string()
                }
                Some(k) => match schema::KATEGORIEN.iter().find(|c| category_matches(c, &k)) {
                    Some(c) => c.to_string(),
                    None => {
                        self.diags
                            .warning(
                                row.loc("kategorie"),
                                format!("unbekannte Kategorie „{}“; der Akteur wird unter „Sonstige“ geführt", shorten(&k)),
                            )
                            .hint = did_you_mean(&k, schema::KATEGORIEN.iter().copied())
                            .or_else(|| Some(format!("bekannte Kategorien: {}", schema::KATEGORIEN.join(", "))));
                        "Sonstige".to_string()
                    }
                },
            };
            let mut felder = Vec::new();
            if let Some(list) = row.text("felder") {
                for item in values::parse_list(&list) {
                    match self.resolve_field(&item) {
                        Some(i) => {
                            let k = self.fields[i].kurz.clone();
                            if !felder.contains(&k) {
                                felder.push(k);
                            }
                        }
                        None => {
                            let hint = self.field_hint(&item);
                            self.diags
                                .warning(
                                    row.loc("felder"),
                                    format!(
                                        "unbekanntes Handlungsfeld „{}“ wird ignoriert",
                                        shorten(&item)
                                    ),
                                )
                                .hint = Some(hint);
                        }
                    }
                }
            }
            // Keep the configured order of fields.
            felder.sort_by_key(|k| self.fields.iter().position(|f| &f.kurz == k));
            if !seen.insert(normalize(&name)) {
                self.diags.warning(
                    row.loc("akteur"),
                    format!("der Akteur „{}“ steht doppelt in der Liste", shorten(&name)),
                );
                continue;
            }
            let felder_text = felder
                .iter()
                .filter_map(|k| {
                    self.fields
                        .iter()
                        .find(|f| &f.kurz == k)
                        .map(|f| f.name.clone())
                })
                .collect::<Vec<_>>()
                .join(", ");
            out.push(Akteur {
                name,
                kategorie,
                ansprechperson: row.text("ansprechperson"),
                felder,
                felder_text,
            });
        }
        out
    }

    fn leitlinien(&mut self, wb: &Workbook) -> Vec<Leitlinie> {
        let Some(table) = self.table(wb, &schema::LEITLINIEN, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let nr = self.req_text(&row, "nr", "Nr");
            let titel = self.req_text(&row, "leitlinie", "Leitlinie");
            if let (Some(nr), Some(titel)) = (nr, titel) {
                out.push(Leitlinie {
                    nr,
                    titel,
                    erlaeuterung: row.text("erlaeuterung").map(|t| markdown::parse(&t)),
                });
            }
        }
        out
    }

    fn statistik(&mut self, wb: &Workbook) -> Vec<Statistik> {
        let Some(table) = self.table(wb, &schema::STATISTIK, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let merkmal = self.req_text(&row, "merkmal", "Merkmal");
            let insgesamt = self.req(&row, "insgesamt", "Insgesamt", values::parse_number);
            let mh = self.opt(
                &row,
                "mh",
                "Mit Migrationshintergrund",
                values::parse_number,
            );
            let jahr = self.req(&row, "jahr", "Jahr", values::parse_year);
            let (Some(merkmal), Some(insgesamt), Some(jahr)) = (merkmal, insgesamt, jahr) else {
                continue;
            };
            let mut einheit = row.text("einheit");
            let percent_unit = is_percent_unit(einheit.as_deref()) || insgesamt.percent;
            let insgesamt = fix_fraction(insgesamt, percent_unit, row.sheet);
            let mh = mh.map(|v| fix_fraction(v, percent_unit, row.sheet));
            if einheit.is_none() && percent_unit {
                einheit = Some("%".into());
            }
            let anteil = match mh {
                Some(m) if !percent_unit && !m.percent && insgesamt.value > 0.0 => {
                    if m.value > insgesamt.value {
                        self.diags.warning(
                            row.loc("mh"),
                            format!(
                                "„Mit Migrationshintergrund“ ({}) ist größer als „Insgesamt“ ({})",
                                values::format_number(m.value, 2),
                                values::format_number(insgesamt.value, 2)
                            ),
                        );
                    }
                    let share = m.value / insgesamt.value * 100.0;
                    Some(Zahl {
                        wert: share,
                        text: format!("{} %", values::format_fixed(share, 1)),
                    })
                }
                _ => None,
            };
            out.push(Statistik {
                merkmal,
                insgesamt: zahl(insgesamt, percent_unit),
                mit_mh: mh.map(|m| zahl(m, percent_unit)),
                einheit,
                anteil,
                jahr,
                quelle: row.text("quelle"),
            });
        }
        out
    }

    fn finanzen(&mut self, wb: &Workbook) -> Vec<(Posten, Location)> {
        let Some(table) = self.table(wb, &schema::FINANZEN, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let jahr = self.req(&row, "jahr", "Jahr", values::parse_year);
            let posten = self.req_text(&row, "posten", "Posten");
            let betrag = self.req(&row, "betrag", "Betrag", values::parse_money);
            let quelle = match row.text("quelle") {
                None => "Sonstige".to_string(),
                Some(q) => match schema::QUELLEN.iter().find(|c| source_matches(c, &q)) {
                    Some(c) => c.to_string(),
                    None => {
                        self.diags
                            .warning(row.loc("quelle"), format!("unbekannte Finanzierungsquelle „{}“; sie wird unter „Sonstige“ geführt", shorten(&q)))
                            .hint = did_you_mean(&q, schema::QUELLEN.iter().copied())
                            .or_else(|| Some(format!("bekannte Quellen: {}", schema::QUELLEN.join(", "))));
                        "Sonstige".to_string()
                    }
                },
            };
            if let (Some(jahr), Some(posten), Some(betrag)) = (jahr, posten, betrag) {
                if jahr < self.laufzeit.0 || jahr > self.laufzeit.1 {
                    self.diags.warning(
                        row.loc("jahr"),
                        format!(
                            "das Jahr {jahr} liegt außerhalb der Laufzeit {}–{}",
                            self.laufzeit.0, self.laufzeit.1
                        ),
                    );
                }
                out.push((
                    Posten {
                        jahr,
                        posten,
                        betrag: Geld::of(betrag),
                        quelle,
                    },
                    row.loc("betrag"),
                ));
            }
        }
        out
    }

    fn zeitplan(&mut self, wb: &Workbook) -> Vec<Phase> {
        let Some(table) = self.table(wb, &schema::ZEITPLAN, false) else {
            return vec![];
        };
        let mut out = Vec::new();
        for row in table.rows() {
            let phase = self.req_text(&row, "phase", "Phase");
            let beginn = self.req(&row, "beginn", "Beginn", values::parse_date);
            let ende = self.req(&row, "ende", "Ende", values::parse_end_date);
            let (Some(phase), Some(beginn), Some(ende)) = (phase, beginn, ende) else {
                continue;
            };
            self.check_order(&row, &beginn, &ende);
            self.check_date_in_laufzeit(&row, "beginn", "Beginn", &beginn);
            if let EndDate::Date(e) = &ende {
                self.check_date_in_laufzeit(&row, "ende", "Ende", e);
            }
            let (first, last) = costs::period(Some(&beginn), Some(&ende), self.laufzeit);
            let (achse_von, achse_bis) = self.axis(first, last);
            out.push(Phase {
                phase,
                beginn: Datum::of(&beginn),
                ende: Datum::end(&ende),
                beschreibung: row.text("beschreibung"),
                achse_von,
                achse_bis,
            });
        }
        out
    }

    fn check_order(&mut self, row: &Row, beginn: &DateValue, ende: &EndDate) {
        if let EndDate::Date(e) = ende {
            if beginn.first > e.last {
                self.diags
                    .error(
                        row.loc("ende"),
                        format!(
                            "Ende {} liegt vor dem Beginn {}",
                            e.display(),
                            beginn.display()
                        ),
                    )
                    .hint = Some(
                    "Beginn und Ende prüfen: der Beginn muss vor oder auf dem Ende liegen".into(),
                );
            }
        }
    }

    // ------------------------------------------------------------ arbeitsgruppen

    /// Reads one working-group workbook; returns its field (if it names a
    /// configured one) and its content.
    fn arbeitsgruppe(&mut self, wb: &Workbook, actors: &[String]) -> (Option<usize>, AgData) {
        let mut data = AgData::default();
        let mut field = None;
        if let Some(sheet) = wb.required_sheet(&schema::ARBEITSGRUPPE.names(), self.diags) {
            let kv = self.key_values(&wb.file, sheet);
            if let Some((v, loc)) = kv.get("feld") {
                field = self.resolve_field(v);
                if field.is_none() {
                    let hint = self.field_hint(v);
                    self.diags
                        .error(
                            loc.clone(),
                            format!("Handlungsfeld „{}“ ist nicht konfiguriert", shorten(v)),
                        )
                        .hint = Some(hint);
                }
            }
            let text = |k: &str| kv.get(k).map(|(v, _)| v.clone());
            let stand = kv.get("stand").and_then(|(v, loc)| {
                match values::parse_date(&CellValue::Text(v.clone())) {
                    Ok(d) => Some(Datum::of(&d)),
                    Err(expected) => {
                        self.diags.error(
                            loc.clone(),
                            invalid("Stand", &CellValue::Text(v.clone()), &expected),
                        );
                        None
                    }
                }
            });
            if let (Some(bezeichnung), Some(leitung)) = (text("bezeichnung"), text("leitung")) {
                data.arbeitsgruppe = Some(Arbeitsgruppe {
                    bezeichnung,
                    leitung,
                    stand,
                    mitglieder: vec![],
                });
            }
        }
        let kurz = field
            .map(|i| self.fields[i].kurz.clone())
            .unwrap_or_default();
        let feld_name = field
            .map(|i| self.fields[i].name.clone())
            .unwrap_or_default();

        // Mitglieder
        if let Some(table) = self.table(wb, &schema::MITGLIEDER, false) {
            let mut members = Vec::new();
            for row in table.rows() {
                let name = self.req_text(&row, "name", "Name");
                let institution = self.req_text(&row, "institution", "Institution");
                if let (Some(name), Some(institution)) = (name, institution) {
                    members.push(Mitglied {
                        name,
                        institution,
                        funktion: row.text("funktion"),
                    });
                }
            }
            if let Some(ag) = &mut data.arbeitsgruppe {
                ag.mitglieder = members;
            }
        }

        // Befund
        if let Some(table) = self.table(wb, &schema::BEFUND, false) {
            let mut parts: BTreeMap<usize, String> = BTreeMap::new();
            for row in table.rows() {
                let Some(abschnitt) = self.req_text(&row, "abschnitt", "Abschnitt") else {
                    continue;
                };
                let Some(text) = self.req_text(&row, "text", "Text") else {
                    continue;
                };
                match schema::BEFUND_SECTIONS
                    .iter()
                    .position(|s| normalize(s) == normalize(&abschnitt))
                {
                    Some(i) => {
                        let e = parts.entry(i).or_default();
                        if !e.is_empty() {
                            e.push_str("\n\n");
                        }
                        e.push_str(&text);
                    }
                    None => {
                        self.diags
                            .warning(
                                row.loc("abschnitt"),
                                format!(
                                    "unbekannter Abschnitt „{}“ wird ignoriert",
                                    shorten(&abschnitt)
                                ),
                            )
                            .hint =
                            did_you_mean(&abschnitt, schema::BEFUND_SECTIONS.iter().copied())
                                .or_else(|| {
                                    Some(format!(
                                        "bekannte Abschnitte: {}",
                                        schema::BEFUND_SECTIONS.join(", ")
                                    ))
                                });
                    }
                }
            }
            let get = |i: usize| {
                parts
                    .get(&i)
                    .map(|s| markdown::parse(s))
                    .filter(|r: &RichText| !r.is_empty())
            };
            data.befund = Befund {
                ausgangslage: get(0),
                handlungsbedarf: get(1),
                staerken: get(2),
            };
        }

        // Ausgangslage (Kennzahlen)
        if let Some(table) = self.table(wb, &schema::KENNZAHLEN, false) {
            for row in table.rows() {
                let kennzahl = self.req_text(&row, "kennzahl", "Kennzahl");
                let wert = self.req(&row, "wert", "Wert", values::parse_number);
                let jahr = self.req(&row, "jahr", "Jahr", values::parse_year);
                let (Some(kennzahl), Some(wert), Some(jahr)) = (kennzahl, wert, jahr) else {
                    continue;
                };
                let mut einheit = row.text("einheit");
                let pct = is_percent_unit(einheit.as_deref()) || wert.percent;
                if einheit.is_none() && pct {
                    einheit = Some("%".into());
                }
                let wert = fix_fraction(wert, pct, row.sheet);
                data.kennzahlen.push(Kennzahl {
                    kennzahl,
                    wert: zahl(wert, pct),
                    einheit,
                    jahr,
                    quelle: row.text("quelle"),
                });
            }
        }

        // Ziele
        let mut goal_rows: HashMap<String, Location> = HashMap::new();
        if let Some(table) = self.table(wb, &schema::ZIELE, true) {
            for row in table.rows() {
                let nr = self
                    .req_text(&row, "nr", "Nr")
                    .map(|n| number_id(&n, &kurz));
                let ziel = self.req_text(&row, "ziel", "Ziel");
                let indikator = row.text("indikator");
                let aus = self.opt(&row, "ausgangswert", "Ausgangswert", values::parse_number);
                let soll = self.opt(&row, "zielwert", "Zielwert", values::parse_number);
                let basisjahr = self.opt(&row, "basisjahr", "Basisjahr", values::parse_year);
                let zieljahr = self.opt(&row, "zieljahr", "Zieljahr", values::parse_year);
                let mut einheit = row.text("einheit");
                let pct = is_percent_unit(einheit.as_deref())
                    || aus.is_some_and(|n| n.percent)
                    || soll.is_some_and(|n| n.percent);
                if einheit.is_none() && pct {
                    einheit = Some("%".into());
                }
                let aus = aus.map(|n| fix_fraction(n, pct, row.sheet));
                let soll = soll.map(|n| fix_fraction(n, pct, row.sheet));
                if pct {
                    for (key, column, v) in [
                        ("ausgangswert", "Ausgangswert", aus),
                        ("zielwert", "Zielwert", soll),
                    ] {
                        if let Some(v) = v {
                            if !(0.0..=100.0).contains(&v.value) {
                                self.diags
                                    .error(
                                        row.loc(key),
                                        format!(
                                            "{column} {} % liegt außerhalb von 0–100 %",
                                            values::format_number(v.value, 4)
                                        ),
                                    )
                                    .hint = Some("einen Prozentwert zwischen 0 und 100 eintragen oder die Einheit korrigieren".into());
                            }
                        }
                    }
                }
                if soll.is_some() && indikator.is_none() {
                    self.diags
                        .warning(
                            row.loc("zielwert"),
                            "Zielwert ohne Indikator: woran wird der Zielwert gemessen?",
                        )
                        .hint = Some("in der Spalte „Indikator“ angeben, was gemessen wird".into());
                }
                let (Some(nr), Some(ziel)) = (nr, ziel) else {
                    continue;
                };
                if let Some(first) = goal_rows.get(&nr) {
                    self.diags
                        .error(
                            row.loc("nr"),
                            format!(
                                "die Zielnummer „{nr}“ ist doppelt vergeben (zuerst in {})",
                                first.cell.clone().unwrap_or_default()
                            ),
                        )
                        .hint = Some("jedem Ziel eine eigene Nummer geben".into());
                    continue;
                }
                goal_rows.insert(nr.clone(), row.loc("nr"));
                let verlauf = verlauf(
                    aus.map(|v| zahl(v, pct)).as_ref(),
                    soll.map(|v| zahl(v, pct)).as_ref(),
                    einheit.as_deref(),
                );
                data.ziele.push(Ziel {
                    nr,
                    ziel,
                    indikator,
                    quelle: row.text("quelle"),
                    ausgangswert: aus.map(|v| zahl(v, pct)),
                    basisjahr,
                    zielwert: soll.map(|v| zahl(v, pct)),
                    einheit,
                    zieljahr,
                    massnahmen: vec![],
                    verlauf,
                });
            }
        }

        // Maßnahmen
        let mut measure_rows: HashMap<String, Location> = HashMap::new();
        let actor_keys: Vec<String> = actors.iter().map(|a| normalize(a)).collect();
        if let Some(table) = self.table(wb, &schema::MASSNAHMEN, true) {
            for row in table.rows() {
                let nr = self
                    .req_text(&row, "nr", "Nr")
                    .map(|n| number_id(&n, &kurz));
                let titel = self.req_text(&row, "titel", "Maßnahme");
                let federfuehrung = self.req_text(&row, "federfuehrung", "Federführung");
                let beginn = self.opt(&row, "beginn", "Beginn", values::parse_date);
                let ende = self.opt(&row, "ende", "Ende", values::parse_end_date);
                let kosten = self.opt(&row, "kosten", "Kosten", values::parse_money);
                let prioritaet = self.opt(&row, "prioritaet", "Priorität", values::parse_priority);
                let status = self.opt(&row, "status", "Status", values::parse_status);
                let ziele: Vec<String> = row
                    .text("ziel")
                    .map(|z| {
                        values::parse_list(&z)
                            .iter()
                            .map(|n| number_id(n, &kurz))
                            .collect()
                    })
                    .unwrap_or_default();
                for z in &ziele {
                    if !goal_rows.contains_key(z) {
                        let mut known: Vec<&String> = goal_rows.keys().collect();
                        known.sort();
                        self.diags
                            .error(
                                row.loc("ziel"),
                                format!("das Ziel „{z}“ gibt es in diesem Handlungsfeld nicht"),
                            )
                            .hint = Some(if known.is_empty() {
                            "im Blatt Ziele sind keine Ziele eingetragen".to_string()
                        } else {
                            format!(
                                "Ziele dieses Handlungsfelds: {}",
                                known
                                    .iter()
                                    .map(|s| s.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        });
                    }
                }
                if let Some(b) = &beginn {
                    self.check_date_in_laufzeit(&row, "beginn", "Beginn", b);
                    if let Some(e) = &ende {
                        self.check_order(&row, b, e);
                    }
                }
                if let Some(EndDate::Date(e)) = &ende {
                    self.check_date_in_laufzeit(&row, "ende", "Ende", e);
                }
                let partner: Vec<String> = row
                    .text("partner")
                    .map(|p| values::parse_list(&p))
                    .unwrap_or_default();
                if !actors.is_empty() {
                    if let Some(f) = &federfuehrung {
                        if !actor_known(f, &actor_keys) {
                            self.diags
                                .warning(
                                    row.loc("federfuehrung"),
                                    format!(
                                        "die Federführung „{}“ steht nicht in der Akteursliste",
                                        shorten(f)
                                    ),
                                )
                                .hint = Some(actor_hint(f, actors));
                        }
                    }
                    for p in &partner {
                        if !actor_known(p, &actor_keys) {
                            self.diags
                                .warning(
                                    row.loc("partner"),
                                    format!(
                                        "der Partner „{}“ steht nicht in der Akteursliste",
                                        shorten(p)
                                    ),
                                )
                                .hint = Some(actor_hint(p, actors));
                        }
                    }
                }
                let (Some(nr), Some(titel), Some(federfuehrung)) = (nr, titel, federfuehrung)
                else {
                    continue;
                };
                if let Some(first) = measure_rows.get(&nr) {
                    self.diags
                        .error(
                            row.loc("nr"),
                            format!(
                                "die Maßnahmennummer „{nr}“ ist doppelt vergeben (zuerst in {})",
                                first.cell.clone().unwrap_or_default()
                            ),
                        )
                        .hint = Some("jeder Maßnahme eine eigene Nummer geben".into());
                    continue;
                }
                measure_rows.insert(nr.clone(), row.loc("nr"));
                let (first, last) = costs::period(beginn.as_ref(), ende.as_ref(), self.laufzeit);
                let (achse_von, achse_bis) = self.axis(first, last);
                data.massnahmen.push(Massnahme {
                    nr,
                    feld: feld_name.clone(),
                    feld_kurz: kurz.clone(),
                    ziele,
                    titel,
                    beschreibung: row.text("beschreibung"),
                    zielgruppe: row.text("zielgruppe"),
                    federfuehrung,
                    partner,
                    zeitraum: zeitraum(beginn.as_ref(), ende.as_ref()),
                    beginn: beginn.as_ref().map(Datum::of),
                    ende: ende.as_ref().map(Datum::end),
                    kosten: Geld::opt(kosten),
                    finanzierung: row.text("finanzierung"),
                    prioritaet,
                    status,
                    achse_von,
                    achse_bis,
                    periode: (first, last),
                });
            }
        }
        for z in &mut data.ziele {
            z.massnahmen = data
                .massnahmen
                .iter()
                .filter(|m| m.ziele.contains(&z.nr))
                .map(|m| m.nr.clone())
                .collect();
        }

        // Empfehlungen
        if let Some(table) = self.table(wb, &schema::EMPFEHLUNGEN, false) {
            for row in table.rows() {
                let nr = self.req_text(&row, "nr", "Nr");
                let empfehlung = self.req_text(&row, "empfehlung", "Empfehlung");
                let prioritaet = self.opt(&row, "prioritaet", "Priorität", values::parse_priority);
                if let (Some(nr), Some(empfehlung)) = (nr, empfehlung) {
                    data.empfehlungen.push(Empfehlung {
                        nr,
                        empfehlung,
                        adressat: row.text("adressat"),
                        prioritaet,
                    });
                }
            }
        }
        (field, data)
    }

    /// The key/value rows of the `Arbeitsgruppe` sheet: column A the key,
    /// column B the value (or the first two used columns).
    fn key_values(
        &mut self,
        file: &str,
        sheet: &Sheet,
    ) -> HashMap<&'static str, (String, Location)> {
        let cols = sheet.col_range();
        let key_col = cols
            .clone()
            .find(|&c| sheet.row_range().any(|r| !sheet.cell(r, c).is_empty()))
            .unwrap_or(cols.start);
        let mut out: HashMap<&'static str, (String, Location)> = HashMap::new();
        for r in sheet.row_range() {
            let key = sheet.cell(r, key_col);
            let value = sheet.cell(r, key_col + 1);
            if key.is_empty() {
                continue;
            }
            let k = key.display();
            let k_trim = k.trim_end_matches(':');
            match schema::AG_KEYS.iter().find(|c| {
                normalize(c.name) == normalize(k_trim)
                    || c.aliases.iter().any(|a| normalize(a) == normalize(k_trim))
            }) {
                Some(spec) => {
                    let loc = Location::cell(file, &sheet.name, r, key_col + 1);
                    if value.is_empty() {
                        if spec.required {
                            self.diags.error(loc, format!("{} fehlt", spec.name)).hint =
                                Some(format!(
                                    "in Spalte {} neben „{}“ eintragen",
                                    crate::diag::column_letters(key_col + 1),
                                    spec.name
                                ));
                        }
                        continue;
                    }
                    let v = match value {
                        CellValue::Date(d) => d.format("%d.%m.%Y").to_string(),
                        other => other.display(),
                    };
                    out.insert(spec.key, (v, loc));
                }
                None if !value.is_empty() => {
                    self.diags
                        .warning(
                            Location::cell(file, &sheet.name, r, key_col),
                            format!("unbekannter Eintrag „{}“ wird ignoriert", shorten(&k)),
                        )
                        .hint =
                        did_you_mean(&k, schema::AG_KEYS.iter().map(|c| c.name)).or_else(|| {
                            Some(format!(
                                "erwartet werden: {}",
                                schema::AG_KEYS
                                    .iter()
                                    .map(|c| c.name)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ))
                        });
                }
                None => {} // a title row
            }
        }
        for spec in schema::AG_KEYS.iter().filter(|c| c.required) {
            let present = sheet.row_range().any(|r| {
                let k = sheet.cell(r, key_col).display();
                let k = k.trim_end_matches(':');
                normalize(spec.name) == normalize(k)
                    || spec.aliases.iter().any(|a| normalize(a) == normalize(k))
            });
            if !present {
                self.diags
                    .error(
                        Location::sheet(file, &sheet.name),
                        format!("der Eintrag „{}“ fehlt", spec.name),
                    )
                    .hint = Some(format!(
                    "eine Zeile mit „{}“ in Spalte A und dem Wert in Spalte B ergänzen",
                    spec.name
                ));
            }
        }
        out
    }

    fn feld(
        &mut self,
        i: usize,
        abschnitt: &str,
        f: &Handlungsfeld,
        datei: Option<String>,
        data: AgData,
    ) -> Feld {
        let massnahmen = data.massnahmen;
        let zaehlung = FeldZaehlung {
            ziele: data.ziele.len(),
            massnahmen: massnahmen.len(),
            empfehlungen: data.empfehlungen.len(),
            mitglieder: data
                .arbeitsgruppe
                .as_ref()
                .map_or(0, |a| a.mitglieder.len()),
            nach_prioritaet: count_priorities(massnahmen.iter().map(|m| m.prioritaet)),
            nach_status: count_statuses(massnahmen.iter().map(|m| m.status)),
        };
        Feld {
            index: i + 1,
            abschnitt: abschnitt.to_string(),
            name: f.name.clone(),
            kurz: f.kurz.clone(),
            bearbeitet: datei.is_some(),
            datei,
            arbeitsgruppe: data.arbeitsgruppe,
            befund: data.befund,
            kennzahlen: data.kennzahlen,
            ziele: data.ziele,
            massnahmen,
            empfehlungen: data.empfehlungen,
            kosten_je_jahr: vec![],
            kosten_summe: Geld::of(Money(0)),
            zaehlung,
        }
    }
}

fn category_matches(category: &str, given: &str) -> bool {
    let g = normalize(given);
    let c = normalize(category);
    if g == c {
        return true;
    }
    // Common short forms people write.
    let aliases: &[(&str, &[&str])] = &[
        ("Politische Akteure", &["politik", "politischerakteur"]),
        (
            "Migrantenorganisationen und -vereine",
            &[
                "migrantenorganisationen",
                "migrantenorganisation",
                "migrantenvereine",
                "migrantenselbstorganisation",
            ],
        ),
        (
            "Kirchen und Wohlfahrtsorganisationen",
            &[
                "kirchen",
                "wohlfahrtsorganisationen",
                "wohlfahrtsverbaende",
                "kirche",
            ],
        ),
        ("Unternehmen", &["wirtschaft", "unternehmer"]),
        ("Gewerkschaften", &["gewerkschaft"]),
        (
            "Bildungseinrichtungen",
            &["bildung", "bildungseinrichtung", "schulen"],
        ),
        ("Jugendhilfe", &["jugend"]),
        ("Kultureinrichtungen", &["kultur", "kultureinrichtung"]),
        ("Sportvereine", &["sport", "sportverein"]),
        (
            "Verwaltung",
            &["kommunalverwaltung", "stadtverwaltung", "behoerde"],
        ),
        ("Sonstige", &["sonstiges", "andere"]),
    ];
    aliases
        .iter()
        .any(|(name, list)| *name == category && list.contains(&g.as_str()))
}

fn source_matches(source: &str, given: &str) -> bool {
    let g = normalize(given);
    if g == normalize(source) {
        return true;
    }
    let aliases: &[(&str, &[&str])] = &[
        (
            "Eigenmittel",
            &[
                "haushalt",
                "kommune",
                "eigenanteil",
                "haushaltsmittel",
                "kommunal",
                "stadt",
            ],
        ),
        ("Landesmittel", &["land", "landesfoerderung"]),
        (
            "Bundesmittel",
            &["bund", "bundesfoerderung", "bundesprogramm"],
        ),
        ("EU-Mittel", &["eu", "esf", "esfplus", "europaeischeunion"]),
        ("Stiftung", &["stiftungen", "stiftungsmittel"]),
        ("Sonstige", &["sonstiges", "dritte", "drittmittel"]),
    ];
    aliases
        .iter()
        .any(|(name, list)| *name == source && list.contains(&g.as_str()))
}

fn actor_known(name: &str, keys: &[String]) -> bool {
    let n = normalize(name);
    keys.contains(&n)
        || (name.contains('/') && name.split('/').all(|p| keys.contains(&normalize(p))))
}

fn actor_hint(name: &str, actors: &[String]) -> String {
    did_you_mean(name, actors.iter().map(String::as_str))
        .map(|h| format!("{h} Die Schreibweise muss mit der Akteursliste (steuerung › Akteure) übereinstimmen"))
        .unwrap_or_else(|| "den Akteur in das Blatt Akteure der Steuerungsgruppe aufnehmen oder die Schreibweise angleichen".into())
}

/// `1` in the field `B` → `B1`; `b 2` → `B2`; other numbers as given.
fn number_id(n: &str, kurz: &str) -> String {
    let compact: String = n.split_whitespace().collect();
    let compact = compact.trim_end_matches('.').to_string();
    if !kurz.is_empty()
        && !compact.is_empty()
        && compact.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return format!("{kurz}{compact}");
    }
    if compact.len() > kurz.len()
        && compact[..kurz.len()].eq_ignore_ascii_case(kurz)
        && compact.is_char_boundary(kurz.len())
    {
        return format!("{kurz}{}", &compact[kurz.len()..]);
    }
    compact
}

fn is_percent_unit(u: Option<&str>) -> bool {
    matches!(
        u.map(|s| s.trim()),
        Some("%") | Some("Prozent") | Some("prozent") | Some("v. H.") | Some("vH")
    )
}

/// Percentage cells of `.ods` and `.xls` files arrive as plain fractions
/// (0.175) because calamine reports no number formats for them; in a percent
/// column a fractional value below 1 is read as such a cell.
fn fix_fraction(n: Number, percent_unit: bool, sheet: &Sheet) -> Number {
    if percent_unit && !n.percent && !sheet.knows_percent && n.value > 0.0 && n.value < 1.0 {
        Number {
            value: (n.value * 100.0 * 1e9).round() / 1e9,
            percent: true,
        }
    } else {
        n
    }
}

fn zahl(n: Number, percent: bool) -> Zahl {
    let text = if percent || n.percent {
        format!("{} %", values::format_number(n.value, 2))
    } else {
        values::format_number(n.value, 2)
    };
    Zahl {
        wert: n.value,
        text,
    }
}

/// "17,5 % → 12 %", "250 → 400 Verfahren".
fn verlauf(aus: Option<&Zahl>, soll: Option<&Zahl>, einheit: Option<&str>) -> Option<String> {
    let unit = einheit
        .filter(|u| !is_percent_unit(Some(u)))
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    match (aus, soll) {
        (Some(a), Some(s)) => Some(format!("{} → {}{unit}", a.text, s.text)),
        (None, Some(s)) => Some(format!("→ {}{unit}", s.text)),
        (Some(a), None) => Some(format!("{}{unit}", a.text)),
        (None, None) => None,
    }
}

/// "2026–2028", "03/2026 – 12/2027", "ab 2026", "2026 – fortlaufend".
fn zeitraum(beginn: Option<&DateValue>, ende: Option<&EndDate>) -> String {
    use values::Precision::Year;
    match (beginn, ende) {
        (Some(b), Some(EndDate::Date(e))) if b.precision == Year && e.precision == Year => {
            if b.first.year() == e.first.year() {
                b.display()
            } else {
                format!("{}–{}", b.display(), e.display())
            }
        }
        (Some(b), Some(EndDate::Date(e))) => format!("{} – {}", b.display(), e.display()),
        (Some(b), Some(EndDate::Open)) => format!("ab {}, fortlaufend", b.display()),
        (Some(b), None) => format!("ab {}", b.display()),
        (None, Some(EndDate::Date(e))) => format!("bis {}", e.display()),
        (None, Some(EndDate::Open)) => "fortlaufend".into(),
        (None, None) => "–".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_ids() {
        assert_eq!(number_id("1", "B"), "B1");
        assert_eq!(number_id("b 2", "B"), "B2");
        assert_eq!(number_id("B3", "B"), "B3");
        assert_eq!(number_id("Z1", "B"), "Z1");
        assert_eq!(number_id("1.", "B"), "B1");
    }

    #[test]
    fn periods_as_text() {
        let y = |n| DateValue::year(n).unwrap();
        assert_eq!(
            zeitraum(Some(&y(2026)), Some(&EndDate::Date(y(2028)))),
            "2026–2028"
        );
        assert_eq!(
            zeitraum(Some(&y(2026)), Some(&EndDate::Open)),
            "ab 2026, fortlaufend"
        );
        assert_eq!(zeitraum(None, None), "–");
        let m = DateValue::month(2026, 3).unwrap();
        assert_eq!(
            zeitraum(Some(&m), Some(&EndDate::Date(y(2027)))),
            "03/2026 – 2027"
        );
    }

    #[test]
    fn file_names() {
        assert_eq!(file_safe("Bad Münster/Eifel"), "Bad-Münster-Eifel");
        assert_eq!(file_safe(".."), "unbenannt");
    }

    #[test]
    fn categories_and_sources() {
        assert!(
            category_matches(
                "Migrantenorganisationen und -vereine",
                "Migrantenorganisationen und Vereine"
            ) || category_matches(
                "Migrantenorganisationen und -vereine",
                "Migrantenorganisationen"
            )
        );
        assert!(category_matches("Sportvereine", "sportvereine"));
        assert!(!category_matches("Sportvereine", "Feuerwehr"));
        assert!(source_matches("EU-Mittel", "ESF Plus"));
        assert!(source_matches("Eigenmittel", "Haushalt"));
    }
}
