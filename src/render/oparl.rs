//! The submission as an OParl 1.1 `Paper`, so that council information
//! systems that speak OParl can import it with its files.
//!
//! The object carries no `id` or absolute URLs: those are assigned by the
//! system that imports it. `accessUrl` and `downloadUrl` name the files
//! relative to the JSON file, which is written beside them. Sizes and SHA-512
//! checksums are computed from the bytes just written; the field order is
//! fixed, so the same inputs give the same bytes.

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha512};

pub const PDF: &str = "application/pdf";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const ODT: &str = "application/vnd.oasis.opendocument.text";

const SCHEMA: &str = "https://schema.oparl.org/1.1/";

/// A written file: its name, a title, its MIME type and its bytes.
pub struct Datei<'a> {
    pub name: String,
    pub datei: String,
    pub mime: &'static str,
    pub bytes: &'a [u8],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct File {
    #[serde(rename = "type")]
    typ: String,
    name: String,
    file_name: String,
    mime_type: &'static str,
    date: String,
    size: usize,
    sha512_checksum: String,
    access_url: String,
    download_url: String,
}

#[derive(Serialize)]
struct Organization {
    #[serde(rename = "type")]
    typ: String,
    name: String,
}

#[derive(Serialize)]
struct Meeting {
    #[serde(rename = "type")]
    typ: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
}

#[derive(Serialize)]
struct Consultation {
    #[serde(rename = "type")]
    typ: String,
    organization: Vec<Organization>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meeting: Option<Meeting>,
    authoritative: bool,
    role: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Paper {
    #[serde(rename = "type")]
    typ: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    date: String,
    paper_type: String,
    under_direction_of: Vec<Organization>,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_file: Option<File>,
    auxiliary_file: Vec<File>,
    consultation: Vec<Consultation>,
    keyword: Vec<String>,
}

/// Lower-case hex SHA-512 of the bytes.
pub fn sha512_hex(bytes: &[u8]) -> String {
    Sha512::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn file(d: &Datei, date: &str) -> File {
    File {
        typ: format!("{SCHEMA}File"),
        name: d.name.clone(),
        file_name: d.datei.clone(),
        mime_type: d.mime,
        date: date.to_string(),
        size: d.bytes.len(),
        sha512_checksum: sha512_hex(d.bytes),
        access_url: d.datei.clone(),
        download_url: d.datei.clone(),
    }
}

/// The text of a model value (null → empty).
fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The OParl `Paper` of the submission as pretty JSON, from the serialised
/// model's `vorlage` (what `konzept check --model` prints): `main` is the
/// submission PDF (or DOCX), `auxiliary` the other files.
pub fn paper(model: &Value, main: Option<&Datei>, auxiliary: &[Datei]) -> Vec<u8> {
    let v = &model["vorlage"];
    let date = text(&v["datum"]["iso"]);
    let organization = |name: &Value| Organization {
        typ: format!("{SCHEMA}Organization"),
        name: text(name),
    };
    let consultation = |b: &Value| Consultation {
        typ: format!("{SCHEMA}Consultation"),
        organization: vec![organization(&b["gremium"])],
        meeting: b["sitzung"].is_object().then(|| Meeting {
            typ: format!("{SCHEMA}Meeting"),
            name: format!(
                "{} – Sitzung am {}",
                text(&b["gremium"]),
                text(&b["sitzung"]["text"])
            ),
            start: Some(text(&b["sitzung"]["iso"])),
        }),
        authoritative: b["entscheidung"].as_bool().unwrap_or_default(),
        role: text(&b["zustaendigkeit"]),
    };
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let paper = Paper {
        typ: format!("{SCHEMA}Paper"),
        name: text(&v["betreff"]),
        reference: v["nummer"].as_str().map(str::to_string),
        date: date.clone(),
        paper_type: text(&v["art"]),
        under_direction_of: vec![organization(&v["federfuehrend"])],
        main_file: main.map(|d| file(d, &date)),
        auxiliary_file: auxiliary.iter().map(|d| file(d, &date)).collect(),
        consultation: list(&v["beratung"]).iter().map(consultation).collect(),
        keyword: list(&v["schluesselwoerter"]).iter().map(text).collect(),
    };
    let mut out = serde_json::to_vec_pretty(&paper).expect("Paper serialises");
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha512_of_abc() {
        assert!(super::sha512_hex(b"abc").starts_with("ddaf35a193617aba"));
        assert_eq!(super::sha512_hex(b"").len(), 128);
    }
}
