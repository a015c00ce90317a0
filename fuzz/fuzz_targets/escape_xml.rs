//! XML escaping for DOCX parts (`render::docx::escape`): the escaped text,
//! parsed back by an XML parser (quick-xml), gives the input minus the
//! characters XML 1.0 forbids, as element text, as attribute value and as
//! WordprocessingML runs.
#![no_main]

use konzept::render::docx::{clean, escape_xml, runs, RunStyle};
use libfuzzer_sys::fuzz_target;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::Reader;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Parses `xml` strictly and returns its content the way Word reads it:
/// text (references resolved), `<w:br/>` and `<w:tab/>`, `<w:softHyphen/>`
/// and the `w:val` attribute of `<w:x/>`.
fn read(xml: &str) -> (String, Option<String>) {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    reader.config_mut().trim_text(false);
    let mut text = String::new();
    let mut attr = None;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("{xml:?}: {e}"))
        {
            Event::Eof => break,
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().unwrap() {
                    text.push(c);
                } else {
                    let name = r.decode().unwrap();
                    let v = resolve_predefined_entity(&name)
                        .unwrap_or_else(|| panic!("{xml:?}: unknown entity {name}"));
                    text.push_str(v);
                }
            }
            Event::Empty(e) => match e.name().as_ref() {
                b"w:br" => text.push('\n'),
                b"w:tab" => text.push('\t'),
                b"w:softHyphen" => text.push('\u{AD}'),
                b"w:x" => {
                    let a = e
                        .try_get_attribute("w:val")
                        .unwrap()
                        .expect("w:val attribute");
                    attr = Some(
                        a.decode_and_unescape_value(reader.decoder())
                            .unwrap()
                            .into_owned(),
                    );
                }
                _ => {}
            },
            Event::CData(_) | Event::PI(_) | Event::DocType(_) | Event::Comment(_) => {
                panic!("{xml:?}: unexpected markup")
            }
            _ => {}
        }
    }
    (text, attr)
}

/// XML 1.0 `Char` production.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let cleaned = clean(s);
    assert!(cleaned.chars().all(xml_char), "{s:?} → {cleaned:?}");
    // Only forbidden characters and C1 controls go; U+000B becomes a line end.
    let kept: String = s
        .chars()
        .filter_map(|c| match c {
            '\u{B}' => Some('\n'),
            '\u{7F}'..='\u{9F}' => None,
            c if xml_char(c) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(cleaned, kept, "{s:?}");

    // escape_xml drops `\r` (line ends are `\n` in the model).
    let expected = cleaned.replace('\r', "");
    let esc = escape_xml(s);
    let doc = format!(
        "<w:p xmlns:w=\"{W}\"><w:t xml:space=\"preserve\">{esc}</w:t><w:x w:val=\"{esc}\"/></w:p>"
    );
    let (text, attr) = read(&doc);
    assert_eq!(text, expected, "element text of {s:?} → {esc:?}");
    assert_eq!(
        attr.as_deref(),
        Some(expected.as_str()),
        "attribute of {s:?} → {esc:?}"
    );

    // Runs: line ends (`\r\n`, `\r`, U+2028, U+000B) become `<w:br/>`.
    let r = runs(s, RunStyle::default());
    let (text, _) = read(&format!("<w:p xmlns:w=\"{W}\">{r}</w:p>"));
    let expected = cleaned
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}'], "\n");
    assert_eq!(text, expected, "runs of {s:?} → {r:?}");
});
