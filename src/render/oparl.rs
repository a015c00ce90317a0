//! The submission as an OParl 1.1 `Paper`, so that council information
//! systems that speak OParl can import it with its files.
//!
//! The object carries no `id` or absolute URLs: those are assigned by the
//! system that imports it. `accessUrl` and `downloadUrl` name the files
//! relative to the JSON file, which is written beside them. Sizes and SHA-512
//! checksums are computed from the bytes just written; the field order is
//! fixed, so the same inputs give the same bytes.

use crate::model::Konzept;
use serde::Serialize;
use sha2::{Digest, Sha512};

pub const PDF: &str = "application/pdf";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

/// The OParl `Paper` of the submission as pretty JSON: `main` is the
/// submission PDF (or DOCX), `auxiliary` the other files.
pub fn paper(k: &Konzept, main: Option<&Datei>, auxiliary: &[Datei]) -> Vec<u8> {
    let v = &k.vorlage;
    let date = v.datum.iso.clone();
    let paper = Paper {
        typ: format!("{SCHEMA}Paper"),
        name: v.betreff.clone(),
        reference: v.nummer.clone(),
        date: date.clone(),
        paper_type: v.art.clone(),
        under_direction_of: vec![Organization {
            typ: format!("{SCHEMA}Organization"),
            name: v.federfuehrend.clone(),
        }],
        main_file: main.map(|d| file(d, &date)),
        auxiliary_file: auxiliary.iter().map(|d| file(d, &date)).collect(),
        consultation: v
            .beratung
            .iter()
            .map(|b| Consultation {
                typ: format!("{SCHEMA}Consultation"),
                organization: vec![Organization {
                    typ: format!("{SCHEMA}Organization"),
                    name: b.gremium.clone(),
                }],
                meeting: b.sitzung.as_ref().map(|s| Meeting {
                    typ: format!("{SCHEMA}Meeting"),
                    name: format!("{} – Sitzung am {}", b.gremium, s.text),
                    start: Some(s.iso.clone()),
                }),
                authoritative: b.entscheidung,
                role: b.zustaendigkeit.clone(),
            })
            .collect(),
        keyword: v.schluesselwoerter.clone(),
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
