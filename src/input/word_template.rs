//! The municipality's Word template (`gestaltung.word_vorlage`): what konzept
//! takes from it, read once when the project is read — its theme, styles,
//! page setup and the pictures of its header and footer. Everything it holds
//! that the DOCX cannot take over is reported as a warning here, so
//! `konzept check` already says it. `render/docx/word_template.rs` applies it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

/// Page setup in twips (1/20 pt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSetup {
    pub breite: u32,
    pub hoehe: u32,
    pub oben: u32,
    pub unten: u32,
    pub links: u32,
    pub rechts: u32,
    pub kopf: u32,
    pub fuss: u32,
}

/// Paragraphs of a header or footer of the template that hold pictures.
#[derive(Debug, Clone, Default)]
pub struct TemplatePart {
    /// The `<w:p>` elements, as written in the template.
    pub absaetze: Vec<String>,
    /// Namespace declarations of the part's root (prefix, URI).
    pub namespaces: Vec<(String, String)>,
    /// Relationship id → (file extension, bytes) of the pictures.
    pub bilder: BTreeMap<String, (String, Vec<u8>)>,
}

/// What konzept takes from a Word template.
#[derive(Debug, Clone, Default)]
pub struct WordTemplate {
    /// The path as given in `konzept.toml`, for messages.
    pub datei: String,
    /// `word/theme/theme1.xml` as it is.
    pub theme: Option<Vec<u8>>,
    /// `word/styles.xml` as it is.
    pub styles: Option<String>,
    /// Page size and margins of its last section.
    pub seite: Option<PageSetup>,
    pub kopf: TemplatePart,
    pub fuss: TemplatePart,
}

const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const IMAGE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// A zip part as bytes, if present.
fn part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut f = zip.by_name(name).ok()?;
    if f.size() > super::workbook::MAX_FILE_SIZE {
        return None;
    }
    let mut out = Vec::new();
    f.read_to_end(&mut out).ok()?;
    Some(out)
}

fn text_part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Option<String> {
    part(zip, name).and_then(|b| String::from_utf8(b).ok())
}

/// Relationships of a part: id → (type, target resolved against `dir`, external).
fn rels(xml: &str, dir: &str) -> BTreeMap<String, (String, String, bool)> {
    let mut out = BTreeMap::new();
    let Ok(doc) = roxmltree::Document::parse(xml) else {
        return out;
    };
    for r in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
    {
        let (Some(id), Some(ty), Some(target)) = (
            r.attribute("Id"),
            r.attribute("Type"),
            r.attribute("Target"),
        ) else {
            continue;
        };
        let external = r.attribute("TargetMode") == Some("External");
        out.insert(
            id.to_string(),
            (ty.to_string(), resolve(dir, target), external),
        );
    }
    out
}

/// `target` relative to the folder `dir` of a part (`word`), `..` resolved.
fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn twips(n: roxmltree::Node, attr: &str) -> Option<u32> {
    let v = n.attribute((W_NS, attr))?;
    // Some writers use "1440.0" or signed values for margins.
    let f: f64 = v.trim().parse().ok()?;
    (f.is_finite() && f.abs() < 100_000.0).then_some(f.abs().round() as u32)
}

/// Reads what konzept takes from a Word template.
pub fn read(
    datei: &str,
    bytes: &[u8],
    warn: &mut dyn FnMut(String),
) -> Result<WordTemplate, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "die Datei ist keine Word-Datei (kein ZIP-Paket)".to_string())?;
    let document = text_part(&mut zip, "word/document.xml")
        .ok_or("das Paket enthält kein word/document.xml")?;
    let doc = roxmltree::Document::parse(&document)
        .map_err(|e| format!("word/document.xml ist fehlerhaft: {e}"))?;
    let mut v = WordTemplate {
        datei: datei.to_string(),
        ..Default::default()
    };
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok())
        .map(|n| n.to_string())
        .collect();
    if names.iter().any(|n| n.ends_with("vbaProject.bin")) {
        warn("sie enthält Makros; Makros werden nicht übernommen".into());
    }
    let doc_rels = text_part(&mut zip, "word/_rels/document.xml.rels")
        .map(|x| rels(&x, "word"))
        .unwrap_or_default();
    let theme_path = doc_rels
        .values()
        .find(|(t, _, _)| t.ends_with("/theme"))
        .map(|(_, p, _)| p.clone())
        .unwrap_or_else(|| "word/theme/theme1.xml".into());
    v.theme = part(&mut zip, &theme_path);
    v.styles = text_part(&mut zip, "word/styles.xml");
    if let Some(st) = &v.styles {
        let fehlt = missing_styles(st);
        if !fehlt.is_empty() {
            warn(format!(
                "sie hat keine Formatvorlage für {}; dafür gelten die von konzept",
                fehlt.join(", ")
            ));
        }
    }
    if v.styles.is_none() {
        warn(
            "sie enthält keine Formatvorlagen (word/styles.xml); es gelten die von konzept".into(),
        );
    }
    if let Some(st) = &v.styles {
        let nummeriert = numbered_styles(st);
        if !nummeriert.is_empty() {
            warn(format!(
                "die Nummerierung ihrer Formatvorlagen {} wird durch die von konzept ersetzt",
                nummeriert.join(", ")
            ));
        }
    }
    if names.iter().any(|n| n == "word/glossary/document.xml") {
        warn("ihre Schnellbausteine (Glossar) werden nicht übernommen".into());
    }
    let body = doc.descendants().find(|n| n.has_tag_name((W_NS, "body")));
    if let Some(body) = body {
        if body.descendants().any(|n| n.has_tag_name((W_NS, "sdt"))) {
            warn("ihre Inhaltssteuerelemente werden nicht übernommen".into());
        }
        let text: String = body
            .descendants()
            .filter(|n| n.has_tag_name((W_NS, "t")))
            .filter_map(|n| n.text())
            .collect();
        if !text.trim().is_empty() {
            warn("ihr Text wird nicht übernommen, nur Formatvorlagen, Design, Seite und die Bilder aus Kopf- und Fußzeile".into());
        }
    }
    read_section(&doc, &doc_rels, &mut zip, &mut v, warn);
    Ok(v)
}

/// The page setup, header and footer of the template's last section.
fn read_section(
    doc: &roxmltree::Document,
    doc_rels: &BTreeMap<String, (String, String, bool)>,
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    v: &mut WordTemplate,
    warn: &mut dyn FnMut(String),
) {
    let sect = doc
        .descendants()
        .rfind(|n| n.has_tag_name((W_NS, "sectPr")));
    if let Some(sect) = sect {
        let sz = sect.children().find(|n| n.has_tag_name((W_NS, "pgSz")));
        let mar = sect.children().find(|n| n.has_tag_name((W_NS, "pgMar")));
        if let (Some(sz), Some(mar)) = (sz, mar) {
            let (mut b, mut h) = (
                twips(sz, "w").unwrap_or(11906),
                twips(sz, "h").unwrap_or(16838),
            );
            if b > h {
                // A landscape template: the concept is portrait.
                std::mem::swap(&mut b, &mut h);
                warn(
                    "sie ist im Querformat angelegt; das Konzept wird im Hochformat gesetzt".into(),
                );
            }
            let s = PageSetup {
                breite: b,
                hoehe: h,
                oben: twips(mar, "top").unwrap_or(1417),
                unten: twips(mar, "bottom").unwrap_or(1247),
                links: twips(mar, "left").unwrap_or(1417),
                rechts: twips(mar, "right").unwrap_or(1417),
                kopf: twips(mar, "header").unwrap_or(680),
                fuss: twips(mar, "footer").unwrap_or(567),
            };
            if s.breite < 5670 || s.links + s.rechts + 2835 > s.breite {
                warn("ihre Seitenränder lassen weniger als 5 cm Textbreite; es gelten die von konzept".into());
            } else {
                v.seite = Some(s);
            }
        }
        if sect
            .children()
            .any(|n| n.has_tag_name((W_NS, "cols")) && twips(n, "num").unwrap_or(1) > 1)
        {
            warn("ihr mehrspaltiger Satz wird nicht übernommen".into());
        }
        for (tag, kind) in [
            ("headerReference", "Kopfzeile"),
            ("footerReference", "Fußzeile"),
        ] {
            let refs: Vec<_> = sect
                .children()
                .filter(|n| n.has_tag_name((W_NS, tag)))
                .collect();
            for r in &refs {
                let ty = r.attribute((W_NS, "type")).unwrap_or("default");
                if ty != "default" {
                    warn(format!(
                        "ihre {kind} für {} wird nicht übernommen",
                        if ty == "first" {
                            "die erste Seite"
                        } else {
                            "gerade Seiten"
                        }
                    ));
                }
            }
            let default = refs
                .iter()
                .find(|n| n.attribute((W_NS, "type")).unwrap_or("default") == "default");
            let Some(id) = default.and_then(|n| n.attribute((REL_NS, "id"))) else {
                continue;
            };
            let Some((_, path, _)) = doc_rels.get(id) else {
                continue;
            };
            let teil = read_part(zip, path, kind, warn);
            if tag == "headerReference" {
                v.kopf = teil;
            } else {
                v.fuss = teil;
            }
        }
    }
}

/// The picture paragraphs of a header or footer part.
fn read_part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    path: &str,
    kind: &str,
    warn: &mut dyn FnMut(String),
) -> TemplatePart {
    let mut t = TemplatePart::default();
    let Some(xml) = text_part(zip, path) else {
        return t;
    };
    let Ok(doc) = roxmltree::Document::parse(&xml) else {
        warn(format!(
            "ihre {kind} ist fehlerhaft und wird nicht übernommen"
        ));
        return t;
    };
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let part_rels = text_part(zip, &format!("{dir}/_rels/{file}.rels"))
        .map(|x| rels(&x, dir))
        .unwrap_or_default();
    let root = doc.root_element();
    t.namespaces = root
        .namespaces()
        .filter_map(|ns| ns.name().map(|p| (p.to_string(), ns.uri().to_string())))
        .collect();
    let mut text_skipped = false;
    for child in root.children().filter(|n| n.is_element()) {
        let has = |tag: &str| child.descendants().any(|n| n.tag_name().name() == tag);
        let pictures = has("drawing") || has("pict") || has("object");
        if !pictures {
            let text: String = child
                .descendants()
                .filter(|n| n.has_tag_name((W_NS, "t")))
                .filter_map(|n| n.text())
                .collect();
            text_skipped |= !text.trim().is_empty();
            continue;
        }
        if !child.has_tag_name((W_NS, "p")) {
            warn(format!(
                "ein Bild ihrer {kind} steht in einer Tabelle oder einem Rahmen und wird nicht übernommen"
            ));
            continue;
        }
        if has("pict") || has("object") || has("AlternateContent") || has("sdt") {
            warn(format!(
                "eine ältere Grafik (VML), ein Objekt oder ein Steuerelement ihrer {kind} wird nicht übernommen"
            ));
            continue;
        }
        // Every relationship the paragraph uses must be a picture inside the package.
        let mut ok = true;
        let mut bilder = Vec::new();
        for n in child.descendants() {
            for a in n.attributes().filter(|a| a.namespace() == Some(REL_NS)) {
                match part_rels.get(a.value()) {
                    Some((ty, target, false)) if ty == IMAGE_REL => {
                        let ext = target
                            .rsplit_once('.')
                            .map(|(_, e)| e.to_lowercase())
                            .unwrap_or_default();
                        match part(zip, target) {
                            Some(bytes) if media_type(&ext).is_some() => {
                                bilder.push((a.value().to_string(), ext, bytes))
                            }
                            _ => ok = false,
                        }
                    }
                    _ => ok = false,
                }
            }
        }
        if !ok {
            warn(format!(
                "ein Bild ihrer {kind} ist verknüpft, fehlt oder hat ein unbekanntes Format und wird nicht übernommen"
            ));
            continue;
        }
        for (id, ext, bytes) in bilder {
            t.bilder.insert(id, (ext, bytes));
        }
        t.absaetze.push(xml[child.range()].to_string());
    }
    if text_skipped {
        warn(format!(
            "der Text ihrer {kind} wird durch den von konzept ersetzt (Kurztitel, Kommune, Seitenzahl)"
        ));
    }
    t
}

/// The content type of a picture file extension Word shows.
pub fn media_type(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "emf" => "image/x-emf",
        "wmf" => "image/x-wmf",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// The built-in styles konzept takes over that a template lacks, in German,
/// for the warning.
pub fn missing_styles(styles: &str) -> Vec<&'static str> {
    let Ok(doc) = roxmltree::Document::parse(styles) else {
        return vec![];
    };
    let names: BTreeSet<String> = doc
        .root_element()
        .children()
        .filter(|n| n.tag_name().name() == "style")
        .filter_map(|s| style_name(s))
        .collect();
    [
        ("heading 1", "Überschrift 1"),
        ("heading 2", "Überschrift 2"),
        ("heading 3", "Überschrift 3"),
        ("title", "Titel"),
        ("toc 1", "Verzeichnis 1"),
        ("caption", "Beschriftung"),
        ("list bullet", "Aufzählungszeichen"),
    ]
    .into_iter()
    .filter(|(n, _)| !names.contains(*n))
    .map(|(_, de)| de)
    .collect()
}

/// The German names of the taken-over styles that carry their own
/// numbering (replaced by konzept's heading and list numbering).
pub fn numbered_styles(styles: &str) -> Vec<String> {
    let Ok(doc) = roxmltree::Document::parse(styles) else {
        return vec![];
    };
    let german_name = |n: &str| match n {
        "heading 1" => "Überschrift 1",
        "heading 2" => "Überschrift 2",
        "heading 3" => "Überschrift 3",
        "list bullet" => "Aufzählungszeichen",
        "list number" => "Listennummer",
        "title" => "Titel",
        _ => "",
    };
    doc.root_element()
        .children()
        .filter(|n| n.tag_name().name() == "style")
        .filter(|s| s.descendants().any(|n| n.has_tag_name((W_NS, "numPr"))))
        .filter_map(style_name)
        .map(|n| german_name(&n).to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// The lower-case name of a `w:style` element (language-independent).
pub fn style_name(s: roxmltree::Node) -> Option<String> {
    s.children()
        .find(|n| n.has_tag_name((W_NS, "name")))
        .and_then(|n| n.attribute((W_NS, "val")))
        .map(|v| v.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_targets() {
        assert_eq!(resolve("word", "media/a.png"), "word/media/a.png");
        assert_eq!(resolve("word", "../customXml/x.xml"), "customXml/x.xml");
        assert_eq!(resolve("word", "/word/x.png"), "word/x.png");
    }

    #[test]
    fn not_a_zip() {
        let mut w = Vec::new();
        assert!(read("x.dotx", b"hello", &mut |m| w.push(m)).is_err());
    }
}
