//! `[gestaltung]`: colours, logo (PNG and SVG), font, sender block, cover
//! image, margins and the Word template show up in PDF and DOCX.
//!
//! Builds `examples/beispielkreis` (green, SVG logo, DejaVu Sans from its
//! `schriften/`, cover image, sender block, margins, `vorlage-kreis.dotx`)
//! and `examples/musterstadt` (blue, PNG logo, built-in font) in temp
//! folders and compares. Uses poppler (`pdffonts`, `pdftotext`, `pdftoppm`),
//! `openxml-audit` and `soffice`; a missing tool fails the test
//! (`tools/test.sh` installs them).

use crate::support::werkzeuge::{self, assert_valid_docx, require};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

struct Built {
    dir: tempfile::TempDir,
    pdf: PathBuf,
    docx: PathBuf,
    vorlage_docx: PathBuf,
}

fn konzept(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(args)
        .output()
        .expect("konzept runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn build(example: &str, kommune: &str) -> Built {
    let dir = tempfile::tempdir().unwrap();
    werkzeuge::copy_project(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(example),
        dir.path(),
    );
    let (code, out) = konzept(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let a = dir.path().join("ausgabe");
    Built {
        pdf: a.join(format!("Integrationskonzept-{kommune}-1.0.pdf")),
        docx: a.join(format!("Integrationskonzept-{kommune}-1.0.docx")),
        vorlage_docx: a.join(format!("Beschlussvorlage-{kommune}-1.0.docx")),
        dir,
    }
}

fn kreis() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build("beispielkreis", "Beispielkreis"))
}

fn stadt() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build("musterstadt", "Musterstadt"))
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().expect(tool);
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn part(docx: &Path, name: &str) -> Option<Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut f = z.by_name(name).ok()?;
    let mut out = Vec::new();
    f.read_to_end(&mut out).unwrap();
    Some(out)
}

fn text(docx: &Path, name: &str) -> String {
    String::from_utf8(part(docx, name).unwrap_or_else(|| panic!("{name} missing"))).unwrap()
}

fn names(docx: &Path) -> Vec<String> {
    let z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    z.file_names()
        .filter_map(|n| n.ok())
        .map(|n| n.to_string())
        .collect()
}

/// How many pixels of page 1 (rendered at 30 dpi) are within 12 of `rgb`.
fn pixels_of(pdf: &Path, rgb: (u8, u8, u8)) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    run(
        "pdftoppm",
        &[
            "-r",
            "30",
            "-f",
            "1",
            "-l",
            "1",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let ppm = std::fs::read(file).unwrap();
    // P6 header: magic, width, height, maxval, each followed by white space.
    let mut fields = 0;
    let mut i = 0;
    while fields < 4 {
        while ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        while !ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields += 1;
    }
    let near = |a: u8, b: u8| (a as i32 - b as i32).abs() <= 12;
    ppm[i + 1..]
        .chunks_exact(3)
        .filter(|p| near(p[0], rgb.0) && near(p[1], rgb.1) && near(p[2], rgb.2))
        .count()
}

const GRUEN: (u8, u8, u8) = (0x1E, 0x5C, 0x3A);
const BLAU: (u8, u8, u8) = (0x00, 0x5C, 0xA9);

#[test]
fn pdf_has_colour_font_sender_and_cover() {
    let k = kreis();
    require("pdffonts", "-v");
    {
        let fonts = run("pdffonts", &[k.pdf.to_str().unwrap()]);
        let dejavu: Vec<&str> = fonts.lines().filter(|l| l.contains("DejaVuSans")).collect();
        assert!(!dejavu.is_empty(), "{fonts}");
        assert!(
            dejavu.iter().all(|l| l.contains(" yes ")),
            "embedded: {fonts}"
        );
        let stadt_fonts = run("pdffonts", &[stadt().pdf.to_str().unwrap()]);
        assert!(!stadt_fonts.contains("DejaVu"), "{stadt_fonts}");
        assert!(stadt_fonts.contains("LiberationSans"), "{stadt_fonts}");
    }
    require("pdftotext", "-v");
    {
        let t = run(
            "pdftotext",
            &["-f", "1", "-l", "1", k.pdf.to_str().unwrap(), "-"],
        );
        for s in [
            "Herausgegeben von",
            "Fachdienst Migration und Teilhabe",
            "Kreishaus, Am Markt 4",
            "31999 Beispielstadt",
            "05999 123-4560",
            "teilhabe@beispielkreis.example",
            "www.beispielkreis.example",
        ] {
            assert!(t.contains(s), "{s} not on the title page:\n{t}");
        }
    }
    require("pdfimages", "-v");
    {
        let list = run(
            "pdfimages",
            &["-list", "-f", "1", "-l", "1", k.pdf.to_str().unwrap()],
        );
        assert!(
            list.lines().count() > 2,
            "the cover image is on page 1:\n{list}"
        );
    }
    require("pdftoppm", "-v");
    {
        let (g, b) = (pixels_of(&k.pdf, GRUEN), pixels_of(&k.pdf, BLAU));
        assert!(g > 50 && b < 5, "green {g}, blue {b}");
        let (g, b) = (
            pixels_of(&stadt().pdf, GRUEN),
            pixels_of(&stadt().pdf, BLAU),
        );
        assert!(b > 50 && g < 5, "green {g}, blue {b}");
    }
}

#[test]
fn docx_has_colour_font_logo_sender_cover_and_template() {
    let k = kreis();
    let styles = text(&k.docx, "word/styles.xml");
    let document = text(&k.docx, "word/document.xml");
    // Colour and font.
    assert!(styles.contains("1E5C3A"), "accent colour in the styles");
    assert!(styles.contains("DejaVu Sans"), "font named in the styles");
    assert!(!styles.contains("005CA9"));
    // Logo: an SVG, embedded as PNG with the SVG beside it.
    let media: Vec<String> = names(&k.docx)
        .into_iter()
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    assert!(media.iter().any(|n| n.ends_with("logo.png")), "{media:?}");
    assert!(media.iter().any(|n| n.ends_with("logo.svg")), "{media:?}");
    assert!(document.contains("svgBlip"));
    let png = part(&k.docx, "word/media/logo.png").unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    assert!(
        document.contains("descr=\"Logo "),
        "the logo has its alt text"
    );
    // Cover image with its alt text.
    assert!(media.iter().any(|n| n.contains("titelbild")), "{media:?}");
    assert!(document
        .contains("descr=\"Zeichnung: grüne Hügel mit Dörfern und einer orangefarbenen Sonne\""));
    // Sender block.
    for s in [
        "Herausgegeben von",
        "Kreishaus, Am Markt 4",
        "31999 Beispielstadt",
        "05999 123-4560",
        "teilhabe@beispielkreis.example",
    ] {
        assert!(document.contains(s), "{s}");
    }
    // Margins: left 3 cm = 1701 twips, right 2 cm = 1134 twips.
    assert!(document.contains("w:right=\"1134\"") && document.contains("w:left=\"1701\""));

    // The Word template: theme, its styles, header picture, our header text.
    let theme = text(&k.docx, "word/theme/theme1.xml");
    assert!(theme.contains("DejaVu Sans") && theme.contains("1E5C3A"));
    assert!(text(&k.docx, "[Content_Types].xml").contains("/word/theme/theme1.xml"));
    assert!(text(&k.docx, "word/_rels/document.xml.rels").contains("theme/theme1.xml"));
    // A style only the template has (python-docx's default template).
    assert!(
        styles.contains("w:val=\"Intense Quote\""),
        "template styles taken over"
    );
    // Its heading 1 with the orange rule, under our id, numbered by konzept.
    let h1 = &styles[styles.find("w:styleId=\"Heading1\"").unwrap()..];
    let h1 = &h1[..h1.find("</w:style>").unwrap()];
    assert!(
        h1.contains("E8731A") && h1.contains("<w:numId w:val=\"1\"/>"),
        "{h1}"
    );
    let header = text(&k.docx, "word/header1.xml");
    assert!(header.contains("rIdVorlage"), "{header}");
    assert!(
        header.contains("Integrationskonzept Beispielkreis"),
        "our running header stays"
    );
    let rels = text(&k.docx, "word/_rels/header1.xml.rels");
    assert!(rels.contains("media/vorlage-kopf-"), "{rels}");
    assert!(
        media.iter().any(|n| n.contains("vorlage-kopf-")),
        "{media:?}"
    );

    // The blue example has none of it.
    let s = stadt();
    let styles = text(&s.docx, "word/styles.xml");
    assert!(styles.contains("005CA9") && styles.contains("Arial") && !styles.contains("DejaVu"));
    assert!(part(&s.docx, "word/theme/theme1.xml").is_none());
    assert!(!text(&s.docx, "word/document.xml").contains("w:val=\"Absender\""));
}

#[test]
fn docx_with_template_stays_valid_and_opens() {
    let k = kreis();
    for f in [&k.docx, &k.vorlage_docx] {
        assert_valid_docx(f);
    }
    require("soffice", "--version");
    require("pdftotext", "-v");
    {
        let out = tempfile::tempdir().unwrap();
        let profile = format!(
            "-env:UserInstallation=file://{}/profil",
            out.path().display()
        );
        let status = Command::new("soffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                out.path().to_str().unwrap(),
                k.docx.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let pdf = out.path().join("Integrationskonzept-Beispielkreis-1.0.pdf");
        assert!(pdf.exists(), "LibreOffice converted: {status:?}");
        let t = run(
            "pdftotext",
            &["-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"],
        );
        assert!(t.contains("Integrationskonzept des"), "{t}");
        assert!(
            t.contains("teilhabe@beispielkreis.example"),
            "sender on the title page: {t}"
        );
        let all = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        assert!(all.contains("Maßnahmen"), "body text there");
    }
}

/// Writes a copy of the example with `konzept.toml` changed.
fn variant(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    werkzeuge::copy_project(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/beispielkreis"),
        dir.path(),
    );
    let toml = dir.path().join("konzept.toml");
    let t = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, edit(t)).unwrap();
    dir
}

#[test]
fn missing_files_name_their_key() {
    let dir = variant(|t| {
        t.replace("logo = \"logo.svg\"", "logo = \"fehlt.svg\"")
            .replace("titelbild = \"titel.jpg\"", "titelbild = \"fehlt.jpg\"")
            .replace(
                "word_vorlage = \"vorlage-kreis.dotx\"",
                "word_vorlage = \"fehlt.dotx\"",
            )
    });
    let (code, out) = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("`kommune.logo`"), "{out}");
    assert!(
        out.contains("`gestaltung.titelbild`") && out.contains("fehlt.jpg"),
        "{out}"
    );
    assert!(
        out.contains("`gestaltung.word_vorlage`") && out.contains("fehlt.dotx"),
        "{out}"
    );
}

/// `check` reads every file `build` reads: a missing fonts folder and an
/// unknown font family are found without building.
#[test]
fn fonts_are_checked_before_building() {
    let dir = variant(|t| t.replace("schriften = \"schriften/\"", "schriften = \"fehlt\""));
    let (code, out) = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("der Schriftenordner „fehlt“ aus `gestaltung.schriften` wurde nicht gefunden"),
        "{out}"
    );
    let (code, build_out) = konzept(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{build_out}");
    assert!(!dir.path().join("ausgabe").exists(), "{build_out}");

    let dir = variant(|t| t.replace("schrift = \"DejaVu Sans\"", "schrift = \"Gibtsnicht Sans\""));
    let (code, out) = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("die Schrift „Gibtsnicht Sans“ aus `gestaltung.schrift` ist nicht vorhanden")
            && out.contains("DejaVu Sans"),
        "{out}"
    );
}

#[test]
fn margins_are_checked() {
    let dir = variant(|t| {
        t.replace("oben = \"2,7cm\"", "oben = \"27\"")
            .replace("links = \"3cm\"", "links = \"12cm\"")
    });
    let (code, out) = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("`gestaltung.raender.oben` „27“ ist keine Länge"),
        "{out}"
    );
    assert!(out.contains("`gestaltung.raender.links` „12cm“"), "{out}");
    let dir = variant(|t| t.replace("raender = {", "raender = { mitte = \"1cm\","));
    let (_, out) = konzept(&["check", dir.path().to_str().unwrap()]);
    assert!(
        out.contains("unbekannter Schlüssel `gestaltung.raender.mitte`"),
        "{out}"
    );
}

#[test]
fn what_a_template_cannot_give_is_a_warning() {
    // The example template with a macro part, saved as .dotm.
    let dir = variant(|t| t.replace("vorlage-kreis.dotx", "vorlage-kreis.dotm"));
    let src = std::fs::read(dir.path().join("vorlage-kreis.dotx")).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(src)).unwrap();
    let mut w =
        zip::ZipWriter::new(std::fs::File::create(dir.path().join("vorlage-kreis.dotm")).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        let name = f.name().unwrap().to_string();
        if name == "word/document.xml" {
            // Text and a content control in the template's body.
            let s = String::from_utf8(b).unwrap().replacen(
                "<w:body>",
                "<w:body><w:sdt><w:sdtContent><w:p><w:r><w:t>Betreff</w:t></w:r></w:p></w:sdtContent></w:sdt>",
                1,
            );
            b = s.into_bytes();
        }
        w.start_file(name, opts).unwrap();
        std::io::Write::write_all(&mut w, &b).unwrap();
    }
    w.start_file("word/vbaProject.bin", opts).unwrap();
    std::io::Write::write_all(&mut w, b"macro").unwrap();
    w.finish().unwrap();
    let (code, out) = konzept(&["build", dir.path().to_str().unwrap(), "--no-submission"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Makros werden nicht übernommen"), "{out}");
    assert!(out.contains("Inhaltssteuerelemente"), "{out}");
    assert!(out.contains("ihr Text wird nicht übernommen"), "{out}");
    let docx = dir
        .path()
        .join("ausgabe/Integrationskonzept-Beispielkreis-1.0.docx");
    assert!(names(&docx).iter().all(|n| !n.contains("vbaProject")));
}

#[test]
fn png_logo_and_no_template_still_work() {
    // The blue example's PNG logo and built-in design, in the green project.
    let dir = variant(|t| {
        t.replace("logo = \"logo.svg\"", "logo = \"logo.png\"")
            .replace("word_vorlage = ", "# word_vorlage = ")
    });
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt/logo.png"),
        dir.path().join("logo.png"),
    )
    .unwrap();
    let (code, out) = konzept(&["build", dir.path().to_str().unwrap(), "--no-submission"]);
    assert_eq!(code, 0, "{out}");
    let docx = dir
        .path()
        .join("ausgabe/Integrationskonzept-Beispielkreis-1.0.docx");
    let styles = text(&docx, "word/styles.xml");
    assert!(
        styles.contains("1E5C3A") && styles.contains("DejaVu Sans"),
        "own design without a template"
    );
    assert!(part(&docx, "word/theme/theme1.xml").is_none());
    assert!(names(&docx).iter().any(|n| n == "word/media/logo.png"));
    assert!(!text(&docx, "word/document.xml").contains("svgBlip"));
    let _ = &kreis().dir;
}
