//! Values chosen from a fixed set of words: priorities and statuses.

use super::{CellValue, Rejected};
use crate::diag::nearest;
use crate::input::normalize;
use serde::Serialize;

/// Priority of a measure or recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Hoch,
    Mittel,
    Niedrig,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Hoch, Priority::Mittel, Priority::Niedrig];

    pub fn label(self) -> &'static str {
        match self {
            Priority::Hoch => "hoch",
            Priority::Mittel => "mittel",
            Priority::Niedrig => "niedrig",
        }
    }
}

const PRIORITY_FORMS: &str = "hoch, mittel oder niedrig (auch 1, 2, 3 oder A, B, C)";

pub fn parse_priority(cell: &CellValue) -> Result<Priority, Rejected> {
    let text = match cell {
        CellValue::Number(n) if n.fract() == 0.0 => format!("{}", *n as i64),
        CellValue::Text(t) => normalize(t),
        _ => String::new(),
    };
    match text.as_str() {
        "hoch" | "1" | "a" | "prioritaeta" | "sehrhoch" => Ok(Priority::Hoch),
        "mittel" | "2" | "b" | "prioritaetb" => Ok(Priority::Mittel),
        "niedrig" | "3" | "c" | "prioritaetc" | "gering" => Ok(Priority::Niedrig),
        _ => Err(keyword_rejected(
            cell,
            PRIORITY_FORMS,
            &["hoch", "mittel", "niedrig", "sehr hoch", "gering"],
        )),
    }
}

/// The hint for a word that is not one of `words`: the nearest one, else
/// the list.
fn keyword_rejected(cell: &CellValue, forms: &str, words: &[&str]) -> Rejected {
    let typed = cell.display();
    let hint = match nearest(&typed, words.iter().copied()) {
        Some(w) => format!("meinten Sie „{w}“?"),
        None => format!(
            "„{}“ ist keiner der vorgesehenen Werte: einen davon eintragen ({})",
            typed.trim(),
            words.join(", ")
        ),
    };
    Rejected::new(forms, hint)
}

/// Implementation status of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Geplant,
    InUmsetzung,
    Umgesetzt,
    Zurueckgestellt,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Geplant,
        Status::InUmsetzung,
        Status::Umgesetzt,
        Status::Zurueckgestellt,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::Geplant => "geplant",
            Status::InUmsetzung => "in Umsetzung",
            Status::Umgesetzt => "umgesetzt",
            Status::Zurueckgestellt => "zurückgestellt",
        }
    }
}

impl Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

const STATUS_FORMS: &str = "geplant, in Umsetzung (auch läuft, laufend, fortlaufend, begonnen), umgesetzt (auch abgeschlossen, erledigt) oder zurückgestellt (auch pausiert)";

pub fn parse_status(cell: &CellValue) -> Result<Status, Rejected> {
    let t = match cell {
        CellValue::Text(t) => normalize(t),
        _ => String::new(),
    };
    match t.as_str() {
        "geplant" | "inplanung" | "offen" | "neu" | "vorgesehen" => Ok(Status::Geplant),
        "inumsetzung" | "laufend" | "laeuft" | "fortlaufend" | "begonnen" | "inarbeit"
        | "laeuftbereits" | "bereitslaufend" | "daueraufgabe" => Ok(Status::InUmsetzung),
        "umgesetzt" | "abgeschlossen" | "erledigt" | "fertig" | "beendet" => Ok(Status::Umgesetzt),
        "zurueckgestellt" | "pausiert" | "ausgesetzt" => Ok(Status::Zurueckgestellt),
        _ => Err(keyword_rejected(
            cell,
            STATUS_FORMS,
            &[
                "geplant",
                "in Umsetzung",
                "läuft",
                "fortlaufend",
                "umgesetzt",
                "abgeschlossen",
                "zurückgestellt",
            ],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> CellValue {
        CellValue::Text(s.to_string())
    }

    #[test]
    fn priorities() {
        for (s, p) in [
            ("hoch", Priority::Hoch),
            ("A", Priority::Hoch),
            ("1", Priority::Hoch),
            ("Mittel", Priority::Mittel),
            ("b", Priority::Mittel),
            ("3", Priority::Niedrig),
            ("C", Priority::Niedrig),
        ] {
            assert_eq!(parse_priority(&text(s)), Ok(p), "{s}");
        }
        assert_eq!(
            parse_priority(&CellValue::Number(2.0)),
            Ok(Priority::Mittel)
        );
        assert!(parse_priority(&text("dringend")).is_err());
        assert!(parse_priority(&CellValue::Number(4.0)).is_err());
    }

    #[test]
    fn statuses_with_aliases() {
        for (s, st) in [
            ("geplant", Status::Geplant),
            ("in Umsetzung", Status::InUmsetzung),
            ("laufend", Status::InUmsetzung),
            ("begonnen", Status::InUmsetzung),
            ("umgesetzt", Status::Umgesetzt),
            ("abgeschlossen", Status::Umgesetzt),
            ("erledigt", Status::Umgesetzt),
            ("zurückgestellt", Status::Zurueckgestellt),
            ("Zurueckgestellt", Status::Zurueckgestellt),
            ("pausiert", Status::Zurueckgestellt),
            ("läuft", Status::InUmsetzung),
            ("Läuft", Status::InUmsetzung),
            ("fortlaufend", Status::InUmsetzung),
            ("abgeschlossen", Status::Umgesetzt),
        ] {
            assert_eq!(parse_status(&text(s)), Ok(st), "{s}");
        }
        assert!(parse_status(&text("vielleicht")).is_err());
        let hint = |s: &str| parse_status(&text(s)).unwrap_err().hint.unwrap();
        assert_eq!(hint("abgeschlosen"), "meinten Sie „abgeschlossen“?");
        assert!(hint("vielleicht").contains("„vielleicht“ ist keiner der vorgesehenen Werte"));
        let p = parse_priority(&text("hohc")).unwrap_err().hint.unwrap();
        assert_eq!(p, "meinten Sie „hoch“?");
    }
}
