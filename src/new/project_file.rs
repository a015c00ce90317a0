//! The `konzept.toml` of a new project: every key of [`crate::config`],
//! explained in German. Optional keys without a sensible default are written
//! as comments (`# logo = …`), so that a user sees they exist and switches
//! them on by removing the `#`.

use super::Projekt;

/// A TOML string literal (quotes and escapes as TOML wants them).
fn s(text: &str) -> String {
    ::toml::Value::String(text.to_string()).to_string()
}

/// `key = value` padded so that the comments line up.
fn line(out: &mut String, setting: String, comment: &str) {
    if comment.is_empty() {
        out.push_str(&setting);
    } else {
        let pad = 38usize.saturating_sub(setting.chars().count()).max(1);
        out.push_str(&setting);
        out.push_str(&" ".repeat(pad));
        out.push_str("# ");
        out.push_str(comment);
    }
    out.push('\n');
}

/// The whole `konzept.toml` of a new project, section by section.
pub(super) fn konzept_toml(p: &Projekt) -> String {
    let mut o = String::new();
    write_header(&mut o, p);
    write_municipality(&mut o, p);
    write_document(&mut o, p);
    write_deliberation(&mut o, p);
    write_return(&mut o, p);
    write_design(&mut o);
    write_inputs_outputs(&mut o);
    write_fields(&mut o, p);
    write_themes(&mut o);
    o
}

/// The comment at the top: what the file is for and how to edit it.
fn write_header(o: &mut String, p: &Projekt) {
    o.push_str(&format!(
        "# {titel} – Projektdatei\n\
         #\n\
         # Diese Datei beschreibt das Dokument: Kommune, Titel, Stand, Beratungsfolge,\n\
         # Gestaltung und die Handlungsfelder. Die Inhalte selbst stehen in den Arbeitsmappen:\n\
         #   steuerung.xlsx        – Texte, Steuerungsgruppe, Akteure, Leitlinien, Ausgangslage,\n\
         #                           Finanzen und Zeitplan (Geschäftsstelle der Steuerungsgruppe)\n\
         #   arbeitsgruppen/*      – je Handlungsfeld eine Arbeitsmappe (.xlsx, .ods oder .xls)\n\
         #\n\
         # Angelegt mit `konzept new` am {datum}. Alle Werte dürfen geändert werden.\n\
         # Zeilen mit # sind Erläuterungen. Eine Einstellung mit # davor ist ausgeschaltet:\n\
         # # entfernen und den Wert eintragen, um sie zu nutzen.\n\
         # Texte stehen in \"Anführungszeichen\", Daten als JJJJ-MM-TT ohne Anführungszeichen.\n\
         #\n\
         # Prüfen:   konzept check ORDNER\n\
         # Erzeugen: konzept build ORDNER   (PDF und DOCX im Ordner „ausgabe“)\n\n",
        titel = p.titel,
        datum = p.stand.format("%d.%m.%Y"),
    ));
}

/// `[kommune]`.
fn write_municipality(o: &mut String, p: &Projekt) {
    o.push_str("[kommune]\n");
    line(o, format!("name = {}", s(&p.name)), "");
    line(
        o,
        format!("art = {}", s(p.art)),
        "Stadt | Gemeinde | Landkreis | Kreis | Stadtbezirk",
    );
    line(
        o,
        "# bundesland = \"Nordrhein-Westfalen\"".into(),
        "das Bundesland der Kommune",
    );
    line(
        o,
        "# logo = \"logo.png\"".into(),
        "Logo für die Titelseite: PNG, JPEG oder SVG, relativ zu dieser Datei",
    );
}

/// `[dokument]`.
fn write_document(o: &mut String, p: &Projekt) {
    let stand = p.stand.format("%Y-%m-%d");
    o.push_str("\n[dokument]\n");
    line(o, format!("titel = {}", s(&p.titel)), "");
    line(
        o,
        "# untertitel = \"Vielfalt gemeinsam gestalten\"".into(),
        "erscheint unter dem Titel",
    );
    line(
        o,
        "# kurztitel = \"Integrationskonzept\"".into(),
        "Titel in der Kopfzeile jeder Seite (so, wenn nichts angegeben)",
    );
    line(
        o,
        "version = \"0.1\"".into(),
        "Versionsnummer, in Anführungszeichen; steht im Dateinamen",
    );
    line(
        o,
        format!("stand = {stand}"),
        "wird als „Stand“ gedruckt (JJJJ-MM-TT)",
    );
    line(
        o,
        "status = \"Entwurf\"".into(),
        "Entwurf | Beschlussvorlage | Beschlossen",
    );
    line(
        o,
        String::new(),
        "(„Entwurf“ druckt ein Wasserzeichen auf jede Seite)",
    );
    line(
        o,
        format!("laufzeit = {{ von = {}, bis = {} }}", p.von, p.bis),
        "die Jahre, die das Konzept abdeckt",
    );
    line(
        o,
        format!("# vorlage = \"Drucksache {}/0001\"", p.von),
        "Nummer der Ratsvorlage",
    );
    line(
        o,
        format!("gremium = {}", s(&p.gremium)),
        "das Gremium, das das Konzept beschließt",
    );
    line(
        o,
        format!("# sitzung = {}-02-10", p.von + 1),
        "Sitzung, in der es beschließt (JJJJ-MM-TT)",
    );
    line(o, format!("verantwortlich = {}", s(&p.verantwortlich)), "");
    line(
        o,
        String::new(),
        "die zuständige Stelle; steht auf der Titelseite und in den Arbeitsmappen als Empfänger",
    );
    line(
        o,
        "# nummerierung = \"feld\"".into(),
        "Nummern der Ziele und Maßnahmen: feld (B1, B2 …) | ziel.massnahme (Ziel 2, Maßnahme 2.4)",
    );
    line(
        o,
        "# prioritaeten = \"hoch-mittel-niedrig\"".into(),
        "Prioritäten: hoch-mittel-niedrig | abc | fristen | schwerpunkt | punkte",
    );
    line(
        o,
        "# punkte_top = 5".into(),
        "bei punkte: so viele Maßnahmen je Handlungsfeld gelten als Schwerpunkte",
    );
    write_submission_header(o, p);
}

/// The commented-out header data of the Beschlussvorlage in `[dokument]`.
fn write_submission_header(o: &mut String, p: &Projekt) {
    o.push_str(
        "# Kopf der Beschlussvorlage (freiwillig):
",
    );
    line(
        o,
        "# vorlageart = \"Beschlussvorlage\"".into(),
        "Überschrift, z. B. auch „Mitteilungsvorlage“",
    );
    line(o, "# dezernat = \"Dezernat II\"".into(), "");
    line(
        o,
        "# beteiligt = [\"Kämmerei\", \"Schulamt\"]".into(),
        "beteiligte Dienststellen",
    );
    line(
        o,
        "# bearbeitung = \"Frau Muster, Tel. 123\"".into(),
        "wer die Vorlage bearbeitet",
    );
    line(o, "# aktenzeichen = \"50.3-01\"".into(), "");
    line(
        o,
        format!(
            "# vorgang = [{{ vorlage = \"Drucksache {}/0815\", datum = {}-05-14, text = \"Auftrag zum Konzept\" }}]",
            p.von - 2,
            p.von - 2
        ),
        "",
    );
    line(
        o,
        String::new(),
        "frühere Beschlüsse: Vorlage-Nr., Datum und Inhalt",
    );
    line(
        o,
        "# unterzeichnung = { name = \"Maria Muster\", funktion = \"Bürgermeisterin\", vertretung = false }".into(),
        "",
    );
    line(
        o,
        String::new(),
        "Unterschrift: „gezeichnet“, mit vertretung = true „In Vertretung“",
    );
    line(
        o,
        "# haushalt = { art = \"konsumtiv\", produkt = \"31.30.01\", ansatz = \"1,4 Mio. € jährlich\", deckung = \"im Haushaltsentwurf veranschlagt\", folgekosten = \"keine\", stellen = \"keine\" }".into(),
        "",
    );
    line(
        o,
        String::new(),
        "Haushaltsangaben der Vorlage als Tabelle (nur die angegebenen Zeilen); art: investiv | konsumtiv",
    );
    line(
        o,
        "# abschnitte = [\"Auswirkungen auf den Klimaschutz\", \"Gleichstellung\"]".into(),
        "",
    );
    line(
        o,
        String::new(),
        "weitere Abschnitte der Vorlage; ihre Texte im Blatt „Texte“ der Steuerungsmappe",
    );
}

/// The commented-out example of `[[beratung]]`.
fn write_deliberation(o: &mut String, p: &Projekt) {
    o.push_str(
        "\n# Beratungsfolge (freiwillig): die Gremien in der Reihenfolge, in der sie beraten.\n\
         # Je Gremium einen Abschnitt [[beratung]], zuletzt meist der Rat:\n\
         # [[beratung]]\n\
         # gremium = \"Integrationsrat\"\n",
    );
    line(
        o,
        format!("# sitzung = {}-01-20", p.von + 1),
        "Datum der Sitzung (JJJJ-MM-TT)",
    );
    line(
        o,
        "# oeffentlich = true".into(),
        "true = öffentliche, false = nicht öffentliche Sitzung",
    );
    line(
        o,
        "# rolle = \"Empfehlung\"".into(),
        "Anhörung | Empfehlung | Vorberatung | Kenntnisnahme | Entscheidung",
    );
    line(
        o,
        "# beschlussvorschlag = \"Der Integrationsrat empfiehlt dem Rat, das Konzept zu beschließen.\"".into(),
        "",
    );
    line(
        o,
        String::new(),
        "Beschlussvorschlag für dieses Gremium (nicht für das entscheidende)",
    );
}

/// The commented-out `[rueckgabe]`: deadline and contact for the forms.
fn write_return(o: &mut String, p: &Projekt) {
    o.push_str(
        "\n# Rückgabe der Arbeitsmappen (freiwillig): bis wann und an wen die Arbeitsgruppen ihre\n\
         # Mappen zurückschicken. `konzept workbooks --refresh` schreibt beides in die Anleitung\n\
         # neuer Formulare.\n\
         # [rueckgabe]\n",
    );
    line(
        o,
        format!("# bis = {}-03-31", p.von + 1),
        "Rückgabe bis (JJJJ-MM-TT)",
    );
    line(
        o,
        "# an = \"Integrationsbüro, integration@example.de\"".into(),
        "Name und E-Mail-Adresse für Rückgabe und Rückfragen",
    );
}

/// `[gestaltung]`.
fn write_design(o: &mut String) {
    o.push_str("\n[gestaltung]\n");
    line(
        o,
        "farbe = \"#005CA9\"".into(),
        "Akzentfarbe für Überschriften, Tabellenköpfe und Diagramme",
    );
    line(
        o,
        "farbe2 = \"#E8A33D\"".into(),
        "zweite Farbe für Diagramme",
    );
    line(
        o,
        "schrift = \"Liberation Sans\"".into(),
        "eingebaut: Liberation Sans oder Noto Sans",
    );
    line(
        o,
        "# schriften = \"schriften/\"".into(),
        "Ordner mit eigenen Schriftdateien (TTF/OTF)",
    );
    line(
        o,
        "# titelbild = \"titel.jpg\"".into(),
        "Bild auf der Titelseite: PNG oder JPEG",
    );
    line(
        o,
        "# titelbild_text = \"Blick über die Altstadt\"".into(),
        "Alternativtext des Titelbilds (was darauf zu sehen ist)",
    );
    line(
        o,
        "# word_vorlage = \"vorlage.dotx\"".into(),
        "Word-Vorlage der Kommune (.dotx/.docx) als Grundlage des DOCX",
    );
    line(
        o,
        "# odt_vorlage = \"vorlage.ott\"".into(),
        "LibreOffice-Vorlage der Kommune (.ott/.odt): ihre Formatvorlagen im ODT",
    );
    line(
        o,
        "# raender = { oben = \"3cm\", unten = \"2,6cm\", links = \"2,5cm\", rechts = \"2,5cm\" }"
            .into(),
        "Seitenränder",
    );
    o.push_str(
        "# Absender auf der Titelseite (alle Angaben freiwillig; Zeilen der Anschrift mit \\n trennen):\n",
    );
    line(
        o,
        "# absender = { fachbereich = \"Amt für Integration\", anschrift = \"Markt 1\\n12345 Musterstadt\", telefon = \"0123 456-0\", email = \"integration@example.de\", internet = \"www.example.de\" }".into(),
        "",
    );
    line(
        o,
        "# vorlagen = \"vorlagen/\"".into(),
        "Ordner mit eigenen Vorlagen; `konzept templates` schreibt die eingebauten dorthin",
    );
}

/// `[eingaben]` and `[ausgabe]`.
fn write_inputs_outputs(o: &mut String) {
    o.push_str("\n[eingaben]\n");
    line(
        o,
        "steuerung = \"steuerung.xlsx\"".into(),
        "die Arbeitsmappe der Steuerungsgruppe",
    );
    line(
        o,
        "arbeitsgruppen = [\"arbeitsgruppen/*\"]".into(),
        "die Arbeitsmappen der Arbeitsgruppen",
    );

    o.push_str("\n[ausgabe]\n");
    line(
        o,
        "verzeichnis = \"ausgabe\"".into(),
        "hierhin schreibt `konzept build`",
    );
    line(
        o,
        "formate = [\"pdf\", \"docx\", \"vorlage\"]".into(),
        "pdf, docx, odt (OpenDocument für LibreOffice) und vorlage (die Beschlussvorlage für den Rat); nicht genannte Formate werden nicht erzeugt",
    );
}

/// The fields of action, one `[[handlungsfeld]]` each.
fn write_fields(o: &mut String, p: &Projekt) {
    o.push_str(
        "\n# Die Handlungsfelder, in der Reihenfolge des Konzepts. `kurz` ist das Kürzel, das den\n\
         # Nummern der Ziele und Maßnahmen vorangestellt wird (B1, B2 …); `aliase` sind andere\n\
         # Namen, unter denen die Arbeitsmappen das Feld nennen dürfen. Je Handlungsfeld gehört\n\
         # eine Arbeitsmappe in den Ordner arbeitsgruppen/. Ein Feld streichen: Abschnitt und\n\
         # Arbeitsmappe löschen. Ein Feld ergänzen: Abschnitt hinzufügen, dann schreibt\n\
         # `konzept workbooks` die Arbeitsmappe für jedes Feld, zu dem noch keine vorliegt.\n",
    );
    for f in &p.fields {
        o.push_str("\n[[handlungsfeld]]\n");
        line(o, format!("name = {}", s(&f.name)), "");
        line(o, format!("kurz = {}", s(&f.kurz)), "");
        let aliase: Vec<String> = f.aliase.iter().map(|a| s(a)).collect();
        line(o, format!("aliase = [{}]", aliase.join(", ")), "");
    }
}

/// The commented-out cross-cutting themes.
fn write_themes(o: &mut String) {
    o.push_str(
        "\n# Querschnittsthemen (freiwillig): Anliegen, die alle Handlungsfelder betreffen. Die\n\
         # Arbeitsgruppen ordnen ihre Ziele und Maßnahmen in der Spalte „Querschnittsthemen“ zu;\n\
         # das Konzept bekommt einen Abschnitt je Thema. Je Thema ein Abschnitt wie:\n\
         # [[querschnittsthema]]\n\
         # name = \"Barrierefreiheit\"\n\
         # beschreibung = \"Angebote sind für alle zugänglich.\"\n",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config;
    use crate::diag::Diagnostics;
    use chrono::NaiveDate;

    fn projekt(name: &str) -> Projekt {
        Projekt::new(
            name,
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
            config::default_fields(),
        )
    }

    #[test]
    fn reads_back_without_any_message() {
        let text = konzept_toml(&projekt("Bad Münstereifel \"Nord\""));
        let mut d = Diagnostics::new();
        let c = config::parse(&text, &mut d).expect("parses");
        assert!(d.is_empty(), "{}\n{text}", d.render_text());
        assert_eq!(c.kommune.name, "Bad Münstereifel \"Nord\"");
        assert_eq!(c.dokument.laufzeit.von, 2026);
        assert_eq!(c.dokument.laufzeit.bis, 2030);
        assert_eq!(c.dokument.status, "Entwurf");
        assert_eq!(c.handlungsfeld.len(), 7);
        assert_eq!(
            config::fields(&c)
                .iter()
                .map(|f| &f.name)
                .collect::<Vec<_>>(),
            config::default_fields()
                .iter()
                .map(|f| &f.name)
                .collect::<Vec<_>>()
        );
    }

    /// Every key the reader knows is in the file, set or commented out.
    #[test]
    fn every_key_is_there() {
        let text = konzept_toml(&projekt("Musterstadt"));
        for (table, keys) in config::all_keys() {
            for key in keys {
                let found = if table.is_empty() {
                    // the tables themselves, e.g. `[kommune]`, `# [[beratung]]`
                    text.lines().any(|l| {
                        let l = l.trim_start_matches(['#', ' ']);
                        l == format!("[{key}]") || l == format!("[[{key}]]")
                    })
                } else {
                    text.lines().any(|l| {
                        let l = l.trim_start_matches(['#', ' ']);
                        l.starts_with(&format!("{key} ="))
                            || l.contains(&format!("{{ {key} ="))
                            || l.contains(&format!(", {key} ="))
                    })
                };
                assert!(found, "`{table}.{key}` missing:\n{text}");
            }
        }
    }
}
