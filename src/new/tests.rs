use super::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
}

#[test]
fn names_from_folders() {
    assert_eq!(
        municipality_from_dir(Path::new("musterstadt")),
        "Musterstadt"
    );
    assert_eq!(
        municipality_from_dir(Path::new("/tmp/x/bad-muenstereifel")),
        "Bad Muenstereifel"
    );
    assert_eq!(
        municipality_from_dir(Path::new("a/b/kreis_lippe/.")),
        "Kreis Lippe"
    );
    assert_eq!(municipality_from_dir(Path::new("/tmp/2026")), "Musterstadt");
    assert_eq!(
        municipality_from_dir(Path::new("Integrationskonzept-Lippstadt-2026")),
        "Lippstadt"
    );
    assert_eq!(
        municipality_from_dir(Path::new("integrationskonzept")),
        "Musterstadt"
    );
}

#[test]
fn workbook_names_of_the_default_fields() {
    let names: Vec<_> = config::default_fields().iter().map(workbook_name).collect();
    assert_eq!(
        names,
        [
            "ag-bildung.xlsx",
            "ag-arbeit.xlsx",
            "ag-wohnen.xlsx",
            "ag-jugend.xlsx",
            "ag-gesundheit.xlsx",
            "ag-kultur.xlsx",
            "ag-verwaltung.xlsx"
        ]
    );
}

#[test]
fn kinds_of_municipality() {
    let p = Projekt::new("Musterstadt", day(), vec![]);
    assert_eq!(p.titel, "Integrationskonzept der Stadt Musterstadt");
    assert_eq!(p.gremium, "Rat der Stadt Musterstadt");
    assert_eq!((p.von, p.bis), (2026, 2030));
    let p = Projekt::new("Kreis Lippe", day(), vec![]);
    assert_eq!(p.art, "Kreis");
    assert_eq!(p.titel, "Integrationskonzept des Kreises Lippe");
    assert_eq!(p.gremium, "Kreistag des Kreises Lippe");
    assert_eq!(p.nominativ, "Der Kreis Lippe");
    let p = Projekt::new("Gemeinde Wachtberg", day(), vec![]);
    assert_eq!(p.bezeichnung, "Gemeinde Wachtberg");
    assert_eq!(p.verantwortlich, "Integrationsbüro der Gemeinde Wachtberg");
}

#[test]
fn non_empty_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notiz.txt"), "x").unwrap();
    let e = new_project_on(dir.path(), &Neu::default(), day()).unwrap_err();
    assert!(e.message.contains("ist nicht leer"), "{e}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let file = dir.path().join("notiz.txt");
    let e = new_project_on(&file, &Neu::default(), day()).unwrap_err();
    assert!(e.message.contains("ist eine Datei"), "{e}");
}

#[test]
fn empty_folder_is_filled() {
    let dir = tempfile::tempdir().unwrap();
    let written = new_project_on(
        dir.path(),
        &Neu {
            kommune: Some("Musterstadt".into()),
            ..Neu::default()
        },
        day(),
    )
    .unwrap();
    assert_eq!(written.len(), 2 + 7);
    assert!(dir.path().join("arbeitsgruppen/ag-bildung.xlsx").is_file());
}

fn felder(args: &[&str]) -> Result<Vec<(String, String)>, Diagnostic> {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    Ok(parse_fields(&args)?
        .into_iter()
        .map(|f| (f.name, f.kurz))
        .collect())
}

#[test]
fn fields_from_the_command_line() {
    let pair = |n: &str, k: &str| (n.to_string(), k.to_string());
    assert_eq!(
        felder(&[
            "Bildung",
            "Sport und Bewegung",
            "Sprache=SP",
            "Seniorinnen und Senioren",
            "Arbeit und Beruf"
        ])
        .unwrap(),
        [
            pair("Bildung", "B"),
            pair("Sport und Bewegung", "S"),
            pair("Sprache", "SP"),
            pair("Seniorinnen und Senioren", "SS"),
            pair("Arbeit und Beruf", "A"),
        ]
    );
    // A letter given by the user wins over the guide's.
    assert_eq!(
        felder(&["Bildung", "Bewegung=B"]).unwrap(),
        [pair("Bildung", "BI"), pair("Bewegung", "B")]
    );
    let guide = parse_fields(&["Bildung".to_string()]).unwrap();
    assert!(guide[0]
        .aliase
        .contains(&"Bildung und Sprachförderung".to_string()));
    for (args, expected) in [
        (&["Bildung", "bildung"][..], "doppelt angegeben"),
        (
            &["Bildung", "Bildung und Sprachförderung"][..],
            "doppelt angegeben",
        ),
        (&["=S"][..], "Name des Handlungsfelds fehlt"),
        (&["Sport=S-1"][..], "ungeeignet"),
        (&["Sport=ABCDE"][..], "ungeeignet"),
        (&["Sport=ßßß"][..], "ungeeignet"),
        (&["Sport=S", "Spiel=s"][..], "doppelt vergeben"),
    ] {
        let e = felder(args).unwrap_err();
        assert!(e.message.contains(expected), "{args:?}: {e}");
    }
}

#[test]
fn workbook_names_are_unique() {
    // Two fields whose shortest names make the same file name (an alias
    // in konzept.toml can do that) get their letters appended.
    let f = |name: &str, kurz: &str, aliase: &[&str]| Handlungsfeld {
        name: name.into(),
        kurz: kurz.into(),
        aliase: aliase.iter().map(|a| a.to_string()).collect(),
    };
    let fields = [
        f("Sport und Bewegung", "S", &["Sport"]),
        f("Sport", "SP", &[]),
    ];
    assert_eq!(
        workbook_names(&fields),
        ["ag-sport-s.xlsx", "ag-sport-sp.xlsx"]
    );
}

#[test]
fn folders_of_patterns() {
    assert_eq!(pattern_folder("arbeitsgruppen/*"), "arbeitsgruppen");
    assert_eq!(pattern_folder("./mappen/ag-*.xlsx"), "mappen");
    assert_eq!(pattern_folder("mappen/2026"), "mappen/2026");
    assert_eq!(pattern_folder("mappen/bildung.xlsx"), "mappen");
    assert_eq!(pattern_folder("*"), "");
}
