//! The council submission (Beschlussvorlage) computed from the merged
//! concept: header data, the standard decision wording, the generated
//! Sachverhalt and the Finanzielle-Auswirkungen table. Every amount is summed
//! here in cents, from the same figures as the concept's appendix B.

use super::document::file_safe;
use crate::config::Config;
use crate::input::markdown::{Block, Inline, RichText};
use crate::input::values::{Money, Priority};
use crate::model::*;
use std::collections::BTreeSet;

/// The parts of the concept the submission is made from.
pub(super) struct Parts<'a> {
    pub meta: &'a Meta,
    pub texte: &'a Texte,
    pub felder: &'a [Feld],
    pub finanzen: &'a Finanzen,
    pub kosten: &'a Kostenplan,
    pub zaehlung: &'a Zaehlung,
    pub akteure: &'a Akteure,
    pub indikatoren: usize,
}

/// "1 Maßnahme", "drei Maßnahmen", "51 Maßnahmen".
fn count_phrase(n: usize, eins: &str, mehr: &str) -> String {
    if n == 1 {
        format!("1 {eins}")
    } else {
        format!("{} {mehr}", crate::text::zahlwort(n))
    }
}

/// "a", "a und b", "a, b und c".
fn enumeration(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} und {last}", rest.join(", ")),
    }
}

fn money(g: &Geld) -> Money {
    Money(g.cent.unwrap_or(0))
}

fn text(s: impl Into<String>) -> Vec<Inline> {
    vec![Inline::Text { text: s.into() }]
}

/// The body that decides when `konzept.toml` names none: the council of
/// the municipality.
fn default_body(m: &Meta) -> String {
    let k = &m.kommune;
    match k.art.as_str() {
        "Landkreis" | "Kreis" => format!("Kreistag des {}", k.bezeichnung),
        "Gemeinde" => format!("Gemeinderat der {}", k.bezeichnung),
        "Stadtbezirk" => format!("Bezirksvertretung {}", k.name),
        _ => format!("Rat der {}", k.bezeichnung),
    }
}

/// "Der Rat der Stadt Musterstadt", "Die Stadtverordnetenversammlung".
fn with_article(gremium: &str) -> String {
    let erstes = gremium
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let weiblich = [
        "versammlung",
        "vertretung",
        "kammer",
        "konferenz",
        "kommission",
    ]
    .iter()
    .any(|e| erstes.ends_with(e));
    let artikel = if weiblich { "Die" } else { "Der" };
    let ohne = gremium
        .strip_prefix("der ")
        .or_else(|| gremium.strip_prefix("Der "))
        .unwrap_or(gremium);
    format!("{artikel} {ohne}")
}

/// The Beratungsfolge with each body's role: as given in `rolle`; a body
/// without one deliberates, or decides if it is the last and no body has the
/// role Entscheidung.
fn deliberations(m: &Meta) -> Vec<VorlageBeratung> {
    let mut liste: Vec<Beratung> = m.beratung.clone();
    // Only a deciding body named in [dokument]: it is the Beratungsfolge.
    if liste.is_empty() {
        if let Some(g) = &m.gremium {
            liste.push(Beratung {
                gremium: g.clone(),
                sitzung: m.sitzung.clone(),
                oeffentlich: true,
                oeffentlichkeit: "öffentlich".into(),
                rolle: None,
                beschlussvorschlag: None,
            });
        }
    }
    // Without a body in the role Entscheidung, the last one decides.
    let entscheidet = liste
        .iter()
        .any(|b| b.rolle.as_deref() == Some("Entscheidung"));
    let n = liste.len();
    liste
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let rolle = match b.rolle {
                Some(r) => r,
                None if !entscheidet && i + 1 == n => "Entscheidung".into(),
                None => "Vorberatung".into(),
            };
            let entscheidung = rolle == "Entscheidung";
            VorlageBeratung {
                oeffentlichkeit: if b.oeffentlich {
                    "öffentlich"
                } else {
                    "nicht öffentlich"
                }
                .into(),
                gremium: b.gremium,
                sitzung: b.sitzung,
                oeffentlich: b.oeffentlich,
                zustaendigkeit: rolle,
                beschlussvorschlag: b.beschlussvorschlag.filter(|_| !entscheidung),
                entscheidung,
            }
        })
        .collect()
}

/// The rows of `dokument.haushalt` that are given, in a finance office's order.
fn budget_rows(c: &Config) -> Vec<VorlageAngabe> {
    let Some(h) = &c.dokument.haushalt else {
        return vec![];
    };
    [
        ("Art der Ausgaben", &h.art),
        ("Produkt / Haushaltsstelle", &h.produkt),
        ("Ansatz", &h.ansatz),
        ("Deckung", &h.deckung),
        ("Folgekosten", &h.folgekosten),
        ("Stellen", &h.stellen),
    ]
    .into_iter()
    .filter_map(|(name, v)| {
        let wert = v.as_deref()?.trim();
        (!wert.is_empty()).then(|| VorlageAngabe {
            name: name.into(),
            wert: wert.into(),
        })
    })
    .collect()
}

/// The optional header data, signature and earlier decisions of `[dokument]`.
struct Header {
    beteiligt: Option<String>,
    dezernat: Option<String>,
    bearbeitung: Option<String>,
    aktenzeichen: Option<String>,
    vorgang: Vec<VorlageVorgang>,
    unterzeichnung: Option<VorlageUnterzeichnung>,
}

fn header(c: &Config) -> Header {
    let d = &c.dokument;
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let beteiligt: Vec<String> = d
        .beteiligt
        .iter()
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .collect();
    Header {
        beteiligt: (!beteiligt.is_empty()).then(|| beteiligt.join(", ")),
        dezernat: given(&d.dezernat),
        bearbeitung: given(&d.bearbeitung),
        aktenzeichen: given(&d.aktenzeichen),
        vorgang: d
            .vorgang
            .iter()
            .map(|v| {
                let datum = v.datum.as_ref().and_then(|t| t.to_date()).map(Tag::new);
                let text = given(&v.text);
                let mut zeile = v.vorlage.trim().to_string();
                if let Some(d) = &datum {
                    zeile.push_str(&format!(", Beschluss vom {}", d.text));
                }
                if let Some(t) = &text {
                    zeile.push_str(&format!(": {t}"));
                }
                VorlageVorgang {
                    vorlage: v.vorlage.trim().to_string(),
                    datum,
                    text,
                    zeile,
                }
            })
            .collect(),
        unterzeichnung: d
            .unterzeichnung
            .as_ref()
            .filter(|u| !u.name.trim().is_empty())
            .map(|u| VorlageUnterzeichnung {
                vermerk: if u.vertretung {
                    "In Vertretung"
                } else {
                    "gezeichnet"
                }
                .into(),
                name: u.name.trim().to_string(),
                funktion: given(&u.funktion),
            }),
    }
}

/// The typical decision: adopt the concept as the framework, report
/// regularly, implement within the available budget.
fn default_resolution(betreff: &str, entscheider: &str, m: &Meta) -> RichText {
    let bericht = m.laufzeit.von + 2;
    RichText {
        blocks: vec![
            Block::Absatz {
                inhalt: text(format!("{} beschließt:", with_article(entscheider))),
            },
            Block::Nummerierung {
                start: 1,
                punkte: vec![
                    text(format!(
                        "Das {betreff} (Anlage 1) wird als Handlungsrahmen für die kommunale Integrationsarbeit beschlossen."
                    )),
                    text(format!(
                        "Die Verwaltung wird beauftragt, die Maßnahmen des Konzepts umzusetzen, regelmäßig, erstmals {bericht}, über den Stand der Umsetzung und die Entwicklung der Indikatoren zu berichten und das Konzept zum Ende der Laufzeit {} fortzuschreiben.",
                        m.laufzeit.bis
                    )),
                    text(
                        "Die Umsetzung der Maßnahmen erfolgt im Rahmen der jeweils verfügbaren Haushaltsmittel.",
                    ),
                ],
            },
        ],
    }
}

/// "Federführend ist das Amt für Integration." (an article only where the
/// unit's kind is clear).
fn lead_sentence(stelle: &str) -> String {
    let erstes = stelle
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let endet = |e: &[&str]| e.iter().any(|x| erstes.ends_with(x));
    let artikel = if endet(&["amt", "büro", "referat", "dezernat", "zentrum", "team"]) {
        Some("das")
    } else if endet(&["stelle", "abteilung", "verwaltung", "gruppe"]) {
        Some("die")
    } else if endet(&["bereich", "dienst", "stab"]) {
        Some("der")
    } else {
        None
    };
    match artikel {
        Some(a) => format!("Federführend ist {a} {stelle}."),
        None => format!("Federführend: {stelle}."),
    }
}

/// „in 7 Arbeitsgruppen mit zusammen 40 Mitgliedern“. Only groups that
/// handed in their workbook count; while others are missing, the phrase
/// says how many of all there are („bisher in 2 der 7 Arbeitsgruppen“).
fn groups_phrase(z: &Zaehlung) -> Option<String> {
    if z.arbeitsgruppen == 0 {
        return None;
    }
    let mut ag = if z.felder_bearbeitet < z.felder {
        let n = match z.arbeitsgruppen {
            1 => "einer".to_string(),
            n => crate::text::zahlwort(n),
        };
        format!(
            "bisher in {n} der {} Arbeitsgruppen",
            crate::text::zahlwort(z.felder)
        )
    } else {
        format!(
            "in {}",
            count_phrase(z.arbeitsgruppen, "Arbeitsgruppe", "Arbeitsgruppen")
        )
    };
    if z.mitglieder > 0 {
        ag.push_str(&format!(
            " mit zusammen {}",
            count_phrase(z.mitglieder, "Mitglied", "Mitgliedern")
        ));
    }
    Some(ag)
}

fn facts(t: &Parts, betreff: &str, schwerpunkt: &str) -> Vec<String> {
    let (m, z) = (t.meta, t.zaehlung);
    let mut out = Vec::new();
    out.push(format!(
        "Mit dem {betreff} legt die Verwaltung einen Handlungsrahmen für die kommunale Integrationsarbeit vor. {} Das Konzept folgt dem Aufbau des Leitfadens zur kommunalen Integrationsarbeit: Es beschreibt die Ausgangslage, benennt für jedes Handlungsfeld Ziele und legt Maßnahmen mit Federführung, Zeitraum, Kosten und Priorität fest.",
        lead_sentence(&m.verantwortlich)
    ));

    let mut erarbeitung = Vec::new();
    if z.steuerungsgruppe > 0 {
        erarbeitung.push(format!(
            "unter Leitung einer Steuerungsgruppe mit {}",
            count_phrase(z.steuerungsgruppe, "Mitglied", "Mitgliedern")
        ));
    }
    if let Some(ag) = groups_phrase(z) {
        erarbeitung.push(ag);
    }
    let mut absatz = String::new();
    if !erarbeitung.is_empty() {
        absatz.push_str(&format!(
            "Erarbeitet wurde das Konzept {}.",
            erarbeitung.join(" ")
        ));
    }
    if z.akteure > 0 {
        let kategorien: Vec<String> = t
            .akteure
            .kategorien
            .iter()
            .map(|k| format!("{} ({})", k.name, k.akteure.len()))
            .collect();
        if !absatz.is_empty() {
            absatz.push(' ');
        }
        absatz.push_str(&format!(
            "Beteiligt waren {}: {}.",
            count_phrase(z.akteure, "Akteur", "Akteure"),
            enumeration(&kategorien)
        ));
    }
    if !absatz.is_empty() {
        out.push(absatz);
    }

    let namen: Vec<String> = t.felder.iter().map(|f| format!("„{}“", f.name)).collect();
    let hoch = z
        .nach_prioritaet
        .iter()
        .find(|a| a.name == Priority::Hoch.label())
        .map_or(0, |a| a.anzahl);
    let mut inhalt = format!(
        "Das Konzept umfasst {}: {}.",
        count_phrase(z.felder, "Handlungsfeld", "Handlungsfelder"),
        enumeration(&namen)
    );
    if z.ziele + z.massnahmen + z.empfehlungen > 0 {
        inhalt.push_str(&format!(
            " Es formuliert {}, {} und {}.",
            count_phrase(z.ziele, "Ziel", "Ziele"),
            count_phrase(z.massnahmen, "Maßnahme", "Maßnahmen"),
            count_phrase(
                z.empfehlungen,
                "Handlungsempfehlung",
                "Handlungsempfehlungen"
            )
        ));
    } else {
        inhalt.push_str(" Ziele und Maßnahmen werden in den Arbeitsgruppen noch erarbeitet.");
    }
    if hoch > 0 {
        inhalt.push_str(&format!(
            " Als Schwerpunkte der Umsetzung {} {}{schwerpunkt} ausgewiesen.",
            if hoch == 1 { "ist" } else { "sind" },
            count_phrase(hoch, "Maßnahme", "Maßnahmen")
        ));
    }
    let offen: Vec<String> = t
        .felder
        .iter()
        .filter(|f| !f.bearbeitet)
        .map(|f| f.name.clone())
        .collect();
    if !offen.is_empty() {
        inhalt.push_str(&format!(
            " Für {} „{}“ liegen die Ergebnisse {} noch nicht vor.",
            if offen.len() == 1 {
                "das Handlungsfeld"
            } else {
                "die Handlungsfelder"
            },
            offen.join("“, „"),
            if offen.len() == 1 {
                "der Arbeitsgruppe"
            } else {
                "der Arbeitsgruppen"
            }
        ));
    }
    out.push(inhalt);

    let stand: Vec<String> = z
        .nach_status
        .iter()
        .filter(|a| a.anzahl > 0 && a.name != "ohne Angabe")
        .map(|a| {
            let s = match a.name.as_str() {
                "umgesetzt" => "bereits umgesetzt".to_string(),
                other => other.to_string(),
            };
            format!("{} {s}", a.anzahl)
        })
        .collect();
    if z.massnahmen > 0 && !stand.is_empty() {
        out.push(format!(
            "Von den {} {} {}.",
            count_phrase(z.massnahmen, "Maßnahme", "Maßnahmen"),
            if z.massnahmen == 1 { "ist" } else { "sind" },
            enumeration(&stand)
        ));
    }
    if t.indikatoren > 0 {
        let ziele = if t.indikatoren == z.ziele {
            format!("alle {}", count_phrase(z.ziele, "Ziel", "Ziele"))
        } else {
            format!(
                "{} von {}",
                t.indikatoren,
                count_phrase(z.ziele, "Ziel", "Zielen")
            )
        };
        out.push(format!(
            "Für {ziele} sind messbare Indikatoren benannt. An ihnen misst die Verwaltung den Fortschritt und berichtet den Gremien regelmäßig über den Stand der Umsetzung; zum Ende der Laufzeit wird das Konzept fortgeschrieben.",
        ));
    }
    out
}

fn fields(t: &Parts) -> (Vec<VorlageFeld>, VorlageFeld) {
    let felder: Vec<VorlageFeld> = t
        .felder
        .iter()
        .map(|f| VorlageFeld {
            kurz: f.kurz.clone(),
            name: f.name.clone(),
            ziele: f.ziele.len(),
            massnahmen: f.massnahmen.len(),
            hoch: f
                .massnahmen
                .iter()
                .filter(|m| m.prioritaet == Some(Priority::Hoch))
                .count(),
            kosten: f.kosten_summe.clone(),
        })
        .collect();
    let summe = VorlageFeld {
        kurz: String::new(),
        name: "Summe".into(),
        ziele: felder.iter().map(|f| f.ziele).sum(),
        massnahmen: felder.iter().map(|f| f.massnahmen).sum(),
        hoch: felder.iter().map(|f| f.hoch).sum(),
        kosten: Geld::of(felder.iter().map(|f| money(&f.kosten)).sum()),
    };
    (felder, summe)
}

fn row(name: &str, je_jahr: Vec<Money>) -> VorlageZeile {
    VorlageZeile {
        name: name.into(),
        summe: Geld::of(je_jahr.iter().copied().sum()),
        je_jahr: je_jahr.into_iter().map(Geld::of).collect(),
    }
}

fn finances(t: &Parts) -> VorlageFinanzen {
    let (fin, ko) = (t.finanzen, t.kosten);
    let jahre: Vec<i32> = fin
        .jahre
        .iter()
        .map(|j| j.jahr)
        .chain(ko.jahre.iter().copied())
        .collect::<BTreeSet<i32>>()
        .into_iter()
        .collect();
    let budget_jahr = |jahr: i32, quelle: Option<usize>| -> Money {
        fin.jahre
            .iter()
            .find(|j| j.jahr == jahr)
            .map_or(Money(0), |j| match quelle {
                Some(i) => j.je_quelle.get(i).map_or(Money(0), money),
                None => money(&j.summe),
            })
    };
    let quellen: Vec<VorlageZeile> = fin
        .quellen
        .iter()
        .enumerate()
        .map(|(i, q)| row(q, jahre.iter().map(|&y| budget_jahr(y, Some(i))).collect()))
        .collect();
    let budget_je_jahr: Vec<Money> = jahre.iter().map(|&y| budget_jahr(y, None)).collect();
    let kosten_je_jahr: Vec<Money> = jahre
        .iter()
        .map(|&y| {
            ko.je_jahr
                .iter()
                .find(|j| j.jahr == y)
                .map_or(Money(0), |j| money(&j.kosten))
        })
        .collect();
    let saldo_je_jahr: Vec<Money> = budget_je_jahr
        .iter()
        .zip(&kosten_je_jahr)
        .map(|(b, k)| Money(b.0 - k.0))
        .collect();
    let budget_z = row("Mittel gesamt", budget_je_jahr);
    let kosten_z = row("Kosten der Maßnahmen", kosten_je_jahr);
    let saldo_z = row("Mittel abzüglich Kosten", saldo_je_jahr);
    let budget = money(&budget_z.summe);
    let kosten = money(&kosten_z.summe);

    let mut text = Vec::new();
    let von_bis = match (jahre.first(), jahre.last()) {
        (Some(a), Some(b)) if a != b => format!("in den Jahren {a}–{b}"),
        (Some(a), _) => format!("im Jahr {a}"),
        _ => String::new(),
    };
    if budget.0 > 0 {
        let mut s = format!(
            "Für die Umsetzung des Konzepts sind {von_bis} Mittel von insgesamt {} eingeplant",
            budget.display()
        );
        let anteile: Vec<String> = quellen
            .iter()
            .filter(|q| money(&q.summe).0 != 0)
            .map(|q| format!("{} {}", q.name, q.summe.text))
            .collect();
        if !anteile.is_empty() {
            s.push_str(&format!(", davon {}", enumeration(&anteile)));
        }
        s.push('.');
        text.push(s);
    }
    if kosten.0 > 0 || ko.ohne_angabe > 0 {
        let mut s = format!(
            "Die Kosten der Maßnahmen sind mit insgesamt {} veranschlagt; sie werden taggenau auf die Jahre ihrer Laufzeit verteilt.",
            kosten.display()
        );
        if ko.ohne_angabe > 0 {
            s.push_str(&format!(
                " Nicht darin enthalten {} {} ohne Kostenangabe.",
                if ko.ohne_angabe == 1 { "ist" } else { "sind" },
                count_phrase(ko.ohne_angabe, "Maßnahme", "Maßnahmen")
            ));
        }
        if budget.0 > 0 {
            let diff = Money(budget.0 - kosten.0);
            if diff.0 >= 0 {
                s.push_str(&format!(
                    " Sie liegen damit um {} unter den eingeplanten Mitteln.",
                    diff.display()
                ));
            } else {
                s.push_str(&format!(
                    " Sie übersteigen die eingeplanten Mittel um {}.",
                    Money(-diff.0).display()
                ));
            }
            let ueber: Vec<String> = jahre
                .iter()
                .zip(&saldo_z.je_jahr)
                .filter(|(_, g)| money(g).0 < 0)
                .map(|(y, _)| y.to_string())
                .collect();
            match ueber.len() {
                0 => {}
                1 => s.push_str(&format!(
                    " Im Jahr {} übersteigen die Kosten die Mittel des Jahres.",
                    ueber[0]
                )),
                _ => s.push_str(&format!(
                    " In den Jahren {} übersteigen die Kosten die Mittel des jeweiligen Jahres.",
                    enumeration(&ueber)
                )),
            }
        }
        text.push(s);
    }
    let vorhanden = budget.0 != 0 || kosten.0 != 0;
    if vorhanden {
        text.push("Die Umsetzung der Maßnahmen erfolgt im Rahmen der jeweils verfügbaren Haushaltsmittel. Die Eigenmittel werden in den Haushaltsplanentwürfen der betreffenden Jahre veranschlagt; über sie wird in den jeweiligen Haushaltsberatungen entschieden. Fördermittel werden, soweit möglich, eingeworben.".into());
    } else {
        text.push("Angaben zu Kosten und Finanzierung liegen noch nicht vor. Die Umsetzung der Maßnahmen erfolgt im Rahmen der jeweils verfügbaren Haushaltsmittel.".into());
    }
    VorlageFinanzen {
        vorhanden,
        jahre,
        quellen,
        budget: budget_z,
        kosten: kosten_z,
        saldo: saldo_z,
        text,
        regel: ko.regel.clone(),
    }
}

/// The submission of the concept.
pub(super) fn build(c: &Config, t: &Parts) -> Vorlage {
    let m = t.meta;
    let titel = m.titel.trim();
    let betreff = if titel.contains(&m.laufzeit.von.to_string()) {
        titel.to_string()
    } else {
        format!("{titel} {}", m.laufzeit.text)
    };
    let beratung = deliberations(m);
    let entscheider = beratung
        .iter()
        .rev()
        .find(|b| b.entscheidung)
        .or(beratung.last())
        .map(|b| b.gremium.clone())
        .or_else(|| m.gremium.clone())
        .unwrap_or_else(|| default_body(m));
    let oeffentlichkeit = if beratung.iter().all(|b| b.oeffentlich) {
        "öffentlich"
    } else if beratung.iter().all(|b| !b.oeffentlich) {
        "nicht öffentlich"
    } else {
        "teilweise nicht öffentlich"
    }
    .to_string();
    let (beschlussvorschlag, standard) = match &t.texte.beschlussvorschlag {
        Some(r) if !r.is_empty() => (r.clone(), false),
        _ => (default_resolution(&betreff, &entscheider, m), true),
    };
    let konzept_pdf = format!("{}.pdf", m.dateiname);
    let konzept_docx = format!("{}.docx", m.dateiname);
    let wants = |f: &str| c.ausgabe.formate.iter().any(|x| x.eq_ignore_ascii_case(f));
    let anlage = if wants("pdf") || !wants("docx") {
        konzept_pdf.clone()
    } else {
        konzept_docx.clone()
    };
    let (felder, felder_summe) = fields(t);
    let version = m.version.clone();
    let h = header(c);
    Vorlage {
        art: c
            .dokument
            .vorlageart
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .unwrap_or("Beschlussvorlage")
            .to_string(),
        nummer: m.vorlage.clone().filter(|v| !v.trim().is_empty()),
        datum: m.stand.clone(),
        federfuehrend: m.verantwortlich.clone(),
        beteiligt: h.beteiligt,
        dezernat: h.dezernat,
        bearbeitung: h.bearbeitung,
        aktenzeichen: h.aktenzeichen,
        vorgang: h.vorgang,
        vorschlaege: beratung.iter().any(|b| b.beschlussvorschlag.is_some()),
        unterzeichnung: h.unterzeichnung,
        haushalt: budget_rows(c),
        abschnitte: c
            .dokument
            .abschnitte
            .iter()
            .filter_map(|a| {
                let titel = a.trim();
                t.texte.abschnitte.get(titel).map(|r| VorlageAbschnitt {
                    titel: titel.to_string(),
                    text: r.clone(),
                })
            })
            .collect(),
        oeffentlichkeit,
        beratung,
        beschlussvorschlag,
        beschlussvorschlag_standard: standard,
        entscheider: entscheider.clone(),
        sachverhalt: facts(
            t,
            &betreff,
            &crate::config::PriorityScheme::of(c).wording().phrase,
        ),
        felder,
        felder_summe,
        finanzen: finances(t),
        anlagen: vec![Anlage {
            nr: 1,
            titel: format!("{} (Version {version}, Stand {})", betreff, m.stand.text),
            datei: anlage,
        }],
        dateiname: format!(
            "Beschlussvorlage-{}-{}",
            file_safe(&c.kommune.name),
            file_safe(&version)
        ),
        konzept_pdf,
        konzept_docx,
        schluesselwoerter: {
            let mut w = vec!["Beschlussvorlage".to_string()];
            w.extend(m.schluesselwoerter.iter().cloned());
            w
        },
        betreff,
    }
}
