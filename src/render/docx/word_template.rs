//! The municipality's Word template (`gestaltung.word_vorlage`) as the base
//! of the DOCX: its theme as it is, its styles for the built-in styles the
//! document uses (headings, title, table of contents, caption, lists,
//! header, footer), its document defaults and fonts, and the pictures of its
//! header and footer in ours. What it cannot give is reported when the
//! template is read ([`crate::input::word_template::read`]).

use crate::input::word_template::{media_type, style_name, PageSetup, WordTemplate, W_NS};
use std::collections::{BTreeMap, BTreeSet};

/// Built-in styles taken from the template, by their (language-independent)
/// name, with the style id the DOCX uses.
const UEBERNEHMEN: [(&str, &str); 17] = [
    ("normal", "Normal"),
    ("title", "Title"),
    ("subtitle", "Subtitle"),
    ("heading 1", "Heading1"),
    ("heading 2", "Heading2"),
    ("heading 3", "Heading3"),
    ("toc heading", "TOCHeading"),
    ("toc 1", "TOC1"),
    ("toc 2", "TOC2"),
    ("toc 3", "TOC3"),
    ("caption", "Caption"),
    ("list bullet", "ListBullet"),
    ("list number", "ListNumber"),
    ("header", "Header"),
    ("footer", "Footer"),
    ("hyperlink", "Hyperlink"),
    ("default paragraph font", "DefaultParagraphFont"),
];

/// The text of the start tag of `n` (up to the first `>`).
fn start_tag<'a>(src: &'a str, n: roxmltree::Node) -> &'a str {
    let start = n.range().start;
    let end = src[start..].find('>').map_or(src.len(), |i| start + i + 1);
    &src[start..end]
}

/// Schema order of the children of `w:pPr`.
const PPR_ORDER: [&str; 36] = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// Schema order of the children of `w:style`.
const STYLE_ORDER: [&str; 23] = [
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
    "extra",
];

fn order_of(list: &[&str], name: &str) -> usize {
    list.iter().position(|n| *n == name).unwrap_or(list.len())
}

/// Child elements of `n` as (local name, text).
fn children<'a>(src: &'a str, n: roxmltree::Node) -> Vec<(String, &'a str)> {
    n.children()
        .filter(|c| c.is_element())
        .map(|c| (c.tag_name().name().to_string(), &src[c.range()]))
        .collect()
}

/// Their style `s` with the structural paragraph properties of ours:
/// numbering, page break, outline level, for headings and TOC entries
/// the indents and tab stops the numbers need, for header and footer our
/// tab stops.
fn align_style(
    their_src: &str,
    s: roxmltree::Node,
    ours: Option<(&str, roxmltree::Node)>,
    id: &str,
    ids: &BTreeMap<String, String>,
) -> String {
    let structural: &[&str] = if id.starts_with("Heading") {
        &[
            "keepNext",
            "keepLines",
            "numPr",
            "pageBreakBefore",
            "outlineLvl",
            "ind",
            "tabs",
        ]
    } else if id.starts_with("TOC") {
        &["numPr", "pageBreakBefore", "outlineLvl", "ind", "tabs"]
    } else if id == "Header" || id == "Footer" {
        // Their centre tab would pull the right-hand text to the middle.
        &["numPr", "pageBreakBefore", "outlineLvl", "tabs"]
    } else {
        &["numPr", "pageBreakBefore", "outlineLvl"]
    };
    let mut ppr: Vec<(String, String)> = s
        .children()
        .find(|c| c.has_tag_name((W_NS, "pPr")))
        .map(|p| {
            children(their_src, p)
                .into_iter()
                .filter(|(n, _)| !structural.contains(&n.as_str()))
                .map(|(n, t)| (n, t.to_string()))
                .collect()
        })
        .unwrap_or_default();
    if let Some((our_src, o)) = ours {
        if let Some(p) = o.children().find(|c| c.has_tag_name((W_NS, "pPr"))) {
            for (n, t) in children(our_src, p) {
                if structural.contains(&n.as_str()) {
                    ppr.push((n, t.to_string()));
                }
            }
        }
    }
    // A title or TOC heading based on a heading of theirs would inherit our
    // heading numbers and outline level.
    let based_on_heading = s
        .children()
        .find(|c| c.has_tag_name((W_NS, "basedOn")))
        .and_then(|b| b.attribute((W_NS, "val")))
        .and_then(|b| ids.get(b))
        .is_some_and(|b| b.starts_with("Heading"));
    if based_on_heading && !id.starts_with("Heading") {
        if !ppr.iter().any(|(n, _)| n == "numPr") {
            ppr.push((
                "numPr".into(),
                "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>".into(),
            ));
        }
        if !ppr.iter().any(|(n, _)| n == "outlineLvl") {
            ppr.push(("outlineLvl".into(), "<w:outlineLvl w:val=\"9\"/>".into()));
        }
    }
    ppr.sort_by_key(|(n, _)| order_of(&PPR_ORDER, n));
    let mut parts: Vec<(String, String)> = children(their_src, s)
        .into_iter()
        .filter(|(n, _)| n != "pPr")
        .map(|(n, t)| (n, rename_ids(t, ids)))
        .collect();
    if !ppr.is_empty() || s.attribute((W_NS, "type")) == Some("paragraph") {
        let inner: String = ppr.into_iter().map(|(_, t)| t).collect();
        parts.push(("pPr".into(), format!("<w:pPr>{inner}</w:pPr>")));
    }
    parts.sort_by_key(|(n, _)| order_of(&STYLE_ORDER, n));
    let ty = s.attribute((W_NS, "type")).unwrap_or("paragraph");
    let default = if s.attribute((W_NS, "default")) == Some("1") {
        " w:default=\"1\""
    } else {
        ""
    };
    // A built-in style (konzept's id), even if the template marked it custom.
    let custom = "";
    let inner: String = parts.into_iter().map(|(_, t)| t).collect();
    format!("<w:style w:type=\"{ty}\"{default}{custom} w:styleId=\"{id}\">{inner}</w:style>")
}

/// Style references (`basedOn`, `next`, `link`, `pStyle`, `rStyle`) to
/// their ids mapped to ours.
fn rename_ids(text: &str, ids: &BTreeMap<String, String>) -> String {
    let mut out = text.to_string();
    for (from, to) in ids {
        if from == to {
            continue;
        }
        for tag in ["basedOn", "next", "link", "pStyle", "rStyle", "tblStyle"] {
            out = out.replace(
                &format!("<w:{tag} w:val=\"{from}\"/>"),
                &format!("<w:{tag} w:val=\"{to}\"/>"),
            );
        }
    }
    out
}

/// Removes `<w:numPr>…</w:numPr>` (their numbering is not taken over).
fn without_numbering(text: &str) -> String {
    let mut out = text.to_string();
    while let Some(a) = out.find("<w:numPr") {
        let end = if out[a..].starts_with("<w:numPr/>") {
            a + "<w:numPr/>".len()
        } else {
            match out[a..].find("</w:numPr>") {
                Some(e) => a + e + "</w:numPr>".len(),
                None => break,
            }
        };
        out.replace_range(a..end, "");
    }
    out
}

/// Our `styles.xml` merged with theirs; ours if theirs cannot be read.
pub fn styles(ours: &str, theirs: &str) -> String {
    let (Ok(od), Ok(td)) = (
        roxmltree::Document::parse(ours),
        roxmltree::Document::parse(theirs),
    ) else {
        return ours.to_string();
    };
    let oroot = od.root_element();
    let troot = td.root_element();
    let our_styles: Vec<roxmltree::Node> = oroot
        .children()
        .filter(|n| n.has_tag_name((W_NS, "style")))
        .collect();
    let our_id = |n: &roxmltree::Node| n.attribute((W_NS, "styleId")).unwrap_or("").to_string();
    let our_ids: BTreeSet<String> = our_styles.iter().map(our_id).collect();
    let their_styles: Vec<roxmltree::Node> = troot
        .children()
        .filter(|n| n.has_tag_name((W_NS, "style")))
        .collect();
    // Their id → the id in the merged file.
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut taken: BTreeMap<String, roxmltree::Node> = BTreeMap::new();
    for s in &their_styles {
        let id = s.attribute((W_NS, "styleId")).unwrap_or("").to_string();
        let name = style_name(*s).unwrap_or_default();
        if let Some((_, ours)) = UEBERNEHMEN.iter().find(|(n, _)| *n == name) {
            if our_ids.contains(*ours) && !taken.contains_key(*ours) {
                ids.insert(id, ours.to_string());
                taken.insert(ours.to_string(), *s);
                continue;
            }
        }
        ids.insert(id.clone(), id);
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    out.push_str(start_tag(theirs, troot));
    // Document defaults: theirs, in German.
    match troot
        .children()
        .find(|n| n.has_tag_name((W_NS, "docDefaults")))
    {
        Some(d) => out.push_str(&german_defaults(&theirs[d.range()])),
        None => {
            if let Some(d) = oroot
                .children()
                .find(|n| n.has_tag_name((W_NS, "docDefaults")))
            {
                out.push_str(&ours[d.range()]);
            }
        }
    }
    if let Some(l) = troot
        .children()
        .find(|n| n.has_tag_name((W_NS, "latentStyles")))
    {
        out.push_str(&theirs[l.range()]);
    }
    for o in &our_styles {
        let id = our_id(o);
        match taken.get(&id) {
            Some(t) => out.push_str(&align_style(theirs, *t, Some((ours, *o)), &id, &ids)),
            None => out.push_str(&ours[o.range()]),
        }
    }
    // Their other styles (character styles linked to headings, their own
    // paragraph and table styles), without numbering.
    for s in &their_styles {
        let id = s.attribute((W_NS, "styleId")).unwrap_or("");
        if ids.get(id).is_some_and(|n| n != id) || our_ids.contains(id) {
            continue;
        }
        if s.attribute((W_NS, "type")) == Some("numbering") {
            continue;
        }
        out.push_str(&without_numbering(&rename_ids(&theirs[s.range()], &ids)));
    }
    out.push_str("</w:styles>");
    out
}

/// The document language set to German in `docDefaults`.
fn german_defaults(defaults: &str) -> String {
    let lang = "<w:lang w:val=\"de-DE\" w:eastAsia=\"de-DE\" w:bidi=\"ar-SA\"/>";
    if let Some(a) = defaults.find("<w:lang ") {
        if let Some(e) = defaults[a..].find("/>") {
            let mut out = defaults.to_string();
            out.replace_range(a..a + e + 2, lang);
            return out;
        }
    }
    if let Some(a) = defaults.find("<w:rPrDefault><w:rPr>") {
        if let Some(e) = defaults[a..].find("</w:rPr>") {
            let mut out = defaults.to_string();
            out.insert_str(a + e, lang);
            return out;
        }
    }
    defaults.to_string()
}

/// Page setup (twips) applied to every section of `document.xml`: portrait
/// sections take it as it is, landscape ones turned.
pub fn with_page_setup(document: &str, s: &PageSetup) -> String {
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    let mut quer = false;
    loop {
        let a = rest.find("<w:pgSz ");
        let b = rest.find("<w:pgMar ");
        let (i, is_sz) = match (a, b) {
            (Some(a), Some(b)) if a < b => (a, true),
            (Some(a), None) => (a, true),
            (_, Some(b)) => (b, false),
            (None, None) => break,
        };
        let Some(e) = rest[i..].find("/>") else {
            break;
        };
        let tag = &rest[i..i + e + 2];
        out.push_str(&rest[..i]);
        if is_sz {
            quer = tag.contains("landscape");
            if quer {
                out.push_str(&format!(
                    "<w:pgSz w:w=\"{}\" w:h=\"{}\" w:orient=\"landscape\"/>",
                    s.hoehe, s.breite
                ));
            } else {
                out.push_str(&format!(
                    "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>",
                    s.breite, s.hoehe
                ));
            }
        } else if quer {
            // Landscape: the long edges keep the smaller margins.
            out.push_str(&format!(
                "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
                s.links.min(s.oben), s.rechts, s.links.min(s.unten), s.links, s.kopf.min(s.oben), s.fuss.min(s.unten)
            ));
        } else {
            out.push_str(&format!(
                "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
                s.oben, s.rechts, s.unten, s.links, s.kopf, s.fuss
            ));
        }
        rest = &rest[i + e + 2..];
    }
    out.push_str(rest);
    out
}

/// Adds the template's theme and its header and footer pictures to the
/// package parts, and merges its styles. `kopf`/`fuss`: the header and
/// footer parts that get the pictures.
pub fn apply(parts: &mut Vec<(String, Vec<u8>)>, v: &WordTemplate, kopf: &[&str], fuss: &[&str]) {
    let get = |parts: &Vec<(String, Vec<u8>)>, name: &str| {
        parts
            .iter()
            .position(|(n, _)| n == name)
            .map(|i| (i, String::from_utf8_lossy(&parts[i].1).into_owned()))
    };
    if let Some(theirs) = &v.styles {
        if let Some((i, ours)) = get(parts, "word/styles.xml") {
            parts[i].1 = styles(&ours, theirs).into_bytes();
        }
    }
    let mut content_types = get(parts, "[Content_Types].xml");
    let mut doc_rels = get(parts, "word/_rels/document.xml.rels");
    if let (Some(theme), Some((_, ct)), Some((_, rels))) =
        (&v.theme, content_types.as_mut(), doc_rels.as_mut())
    {
        parts.push(("word/theme/theme1.xml".into(), theme.clone()));
        insert_before(ct, "</Types>", "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>");
        insert_before(rels, "</Relationships>", "<Relationship Id=\"rIdThema\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>");
    }
    let mut docpr = 9000;
    let mut media = 0;
    for (teil, namen, art) in [(&v.kopf, kopf, "kopf"), (&v.fuss, fuss, "fuss")] {
        if teil.absaetze.is_empty() {
            continue;
        }
        for name in namen {
            let Some((i, xml)) = get(parts, name) else {
                continue;
            };
            let mut rels = String::new();
            let mut absaetze = String::new();
            let mut neu: BTreeMap<&str, String> = BTreeMap::new();
            for (old, (ext, bytes)) in &teil.bilder {
                media += 1;
                let id = format!("rIdVorlage{media}");
                let datei = format!("vorlage-{art}-{media}.{ext}");
                rels.push_str(&format!("<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/{datei}\"/>"));
                parts.push((format!("word/media/{datei}"), bytes.clone()));
                if let Some((_, ct)) = content_types.as_mut() {
                    if !ct.contains(&format!("Extension=\"{ext}\"")) {
                        if let Some(t) = media_type(ext) {
                            insert_after_start(
                                ct,
                                "<Types",
                                &format!("<Default Extension=\"{ext}\" ContentType=\"{t}\"/>"),
                            );
                        }
                    }
                }
                neu.insert(old.as_str(), id);
            }
            let rel_prefix = teil
                .namespaces
                .iter()
                .find(|(_, u)| {
                    u == "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
                })
                .map_or("r", |(p, _)| p.as_str());
            for p in &teil.absaetze {
                let mut p = strip_attr(p, "w14:paraId");
                p = strip_attr(&p, "w14:textId");
                for (old, id) in &neu {
                    for a in ["embed", "link", "id"] {
                        p = p.replace(
                            &format!("{rel_prefix}:{a}=\"{old}\""),
                            &format!("r:{a}=\"{id}\""),
                        );
                    }
                }
                absaetze.push_str(&renumber_docpr(&p, &mut docpr));
            }
            let xml = with_namespaces(&xml, &teil.namespaces);
            let root_end = xml
                .find("<w:hdr")
                .or_else(|| xml.find("<w:ftr"))
                .and_then(|a| xml[a..].find('>').map(|e| a + e + 1));
            let Some(at) = root_end else {
                continue;
            };
            let mut xml = xml;
            xml.insert_str(at, &absaetze);
            parts[i].1 = xml.into_bytes();
            let (dir, file) = name.rsplit_once('/').unwrap_or(("word", name));
            let rels_name = format!("{dir}/_rels/{file}.rels");
            match get(parts, &rels_name) {
                Some((j, mut existing)) => {
                    insert_before(&mut existing, "</Relationships>", &rels);
                    parts[j].1 = existing.into_bytes();
                }
                None => parts.push((
                    rels_name,
                    format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>").into_bytes(),
                )),
            }
        }
    }
    for (name, text) in [
        ("[Content_Types].xml", content_types),
        ("word/_rels/document.xml.rels", doc_rels),
    ] {
        if let Some((_, t)) = text {
            if let Some(i) = parts.iter().position(|(n, _)| n == name) {
                parts[i].1 = t.into_bytes();
            }
        }
    }
}

fn insert_before(s: &mut String, marker: &str, what: &str) {
    if let Some(i) = s.rfind(marker) {
        s.insert_str(i, what);
    }
}

fn insert_after_start(s: &mut String, tag: &str, what: &str) {
    if let Some(a) = s.find(tag) {
        if let Some(e) = s[a..].find('>') {
            s.insert_str(a + e + 1, what);
        }
    }
}

/// Removes every `name="…"` attribute.
fn strip_attr(s: &str, name: &str) -> String {
    let pat = format!(" {name}=\"");
    let mut out = s.to_string();
    while let Some(a) = out.find(&pat) {
        let Some(e) = out[a + pat.len()..].find('"') else {
            break;
        };
        out.replace_range(a..a + pat.len() + e + 1, "");
    }
    out
}

/// Gives every `wp:docPr` a new id, unique in the package.
fn renumber_docpr(s: &str, next: &mut u32) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(a) = rest.find(":docPr ") {
        let Some(e) = rest[a..].find('>') else {
            break;
        };
        let tag = &rest[a..a + e];
        out.push_str(&rest[..a]);
        match tag.find(" id=\"") {
            Some(i) => {
                let v_start = i + 5;
                let v_end = tag[v_start..].find('"').map_or(tag.len(), |x| v_start + x);
                out.push_str(&tag[..v_start]);
                out.push_str(&next.to_string());
                out.push_str(&tag[v_end..]);
                *next += 1;
            }
            None => out.push_str(tag),
        }
        rest = &rest[a + e..];
    }
    out.push_str(rest);
    out
}

/// The root start tag of `xml` with the declarations it lacks from `ns`.
fn with_namespaces(xml: &str, ns: &[(String, String)]) -> String {
    let Some(a) = xml.find("<w:hdr").or_else(|| xml.find("<w:ftr")) else {
        return xml.to_string();
    };
    let Some(e) = xml[a..].find('>') else {
        return xml.to_string();
    };
    let tag = &xml[a..a + e];
    let mut add = String::new();
    for (p, u) in ns {
        if !tag.contains(&format!("xmlns:{p}=")) {
            add.push_str(&format!(" xmlns:{p}=\"{u}\""));
        }
    }
    let mut out = xml.to_string();
    out.insert_str(a + e, &add);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:pageBreakBefore/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Hinweis"><w:name w:val="Hinweis"/></w:style></w:styles>"#;
    const THEIRS: &str = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:link w:val="berschrift1Zchn"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:spacing w:before="480"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:color w:val="2E7D32"/></w:rPr></w:style><w:style w:type="character" w:styleId="berschrift1Zchn"><w:name w:val="Überschrift 1 Zchn"/><w:link w:val="berschrift1"/></w:style></w:styles>"#;

    #[test]
    fn merges_styles_by_name() {
        let m = styles(OURS, THEIRS);
        roxmltree::Document::parse(&m).expect("well-formed");
        assert!(m.contains("w:styleId=\"Heading1\""), "{m}");
        assert!(!m.contains("w:styleId=\"berschrift1\""), "{m}");
        assert!(m.contains("2E7D32"), "{m}");
        assert!(
            m.contains("<w:numId w:val=\"1\"/>") && !m.contains("w:val=\"7\""),
            "{m}"
        );
        assert!(m.contains("<w:link w:val=\"Heading1\"/>"), "{m}");
        assert!(m.contains("<w:basedOn w:val=\"Normal\"/>"), "{m}");
        assert!(m.contains("w:styleId=\"Hinweis\""), "{m}");
        assert!(m.contains("minorHAnsi") && m.contains("de-DE"), "{m}");
        let h = m.find("w:styleId=\"Heading1\"").unwrap();
        let seg = &m[h..];
        let order = [
            "<w:keepNext/>",
            "<w:pageBreakBefore/>",
            "<w:numPr>",
            "<w:spacing",
            "<w:outlineLvl",
        ];
        let pos: Vec<usize> = order.iter().map(|o| seg.find(o).unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{seg}");
        assert_eq!(crate::input::word_template::missing_styles(THEIRS).len(), 6);
    }

    #[test]
    fn page_setup() {
        let d = r#"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1"/>x<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="2"/>"#;
        let s = PageSetup {
            breite: 11906,
            hoehe: 16838,
            oben: 1701,
            unten: 1134,
            links: 1701,
            rechts: 1134,
            kopf: 709,
            fuss: 567,
        };
        let out = with_page_setup(d, &s);
        assert!(
            out.contains("<w:pgMar w:top=\"1701\" w:right=\"1134\""),
            "{out}"
        );
        assert!(out.contains("w:orient=\"landscape\""), "{out}");
        assert_eq!(out.matches("<w:pgMar").count(), 2);
    }

    #[test]
    fn docpr_and_attrs() {
        let p = r#"<w:p w14:paraId="1A"><wp:docPr id="3" name="x"/><wp:docPr id="4"/></w:p>"#;
        let mut n = 100;
        let out = renumber_docpr(&strip_attr(p, "w14:paraId"), &mut n);
        assert_eq!(
            out,
            r#"<w:p><wp:docPr id="100" name="x"/><wp:docPr id="101"/></w:p>"#
        );
    }
}
