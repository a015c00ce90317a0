//! The page of the ODT: margins from `gestaltung.raender` (or 2.5 cm at
//! the sides) and the text widths that tables, tab stops and pictures use.

use serde::Serialize;
use serde_json::Value;

/// Page margins and text widths (cm) for `styles.xml` and the helpers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Seite {
    /// Page margins as the page layouts set them: the header and footer
    /// (about 1.1 cm with their spacing) sit inside the top and bottom
    /// margin the user asked for.
    pub oben: f64,
    pub unten: f64,
    pub links: f64,
    pub rechts: f64,
    /// Text width of portrait and landscape pages.
    pub breite: f64,
    pub breite_quer: f64,
    /// Right tab stops of the table of contents' three levels (relative to
    /// their indents of 1, 2.5 and 4.25 cm, see `styles.xml.hbs`).
    pub tab1: f64,
    pub tab2: f64,
    pub tab3: f64,
}

/// The page of the serialised model's `gestaltung.raender` (mm).
pub fn seite(model: &Value) -> Seite {
    let r = &model["gestaltung"]["raender"];
    let cm = |key: &str, default: f64| r[key].as_f64().map_or(default, |mm| mm / 10.0);
    let (oben, unten) = (cm("oben", 2.3), cm("unten", 2.1));
    let (links, rechts) = (cm("links", 2.5), cm("rechts", 2.5));
    let breite = (21.0 - links - rechts).max(5.0);
    let round = |x: f64| (x * 100.0).round() / 100.0;
    Seite {
        oben: round((oben - 1.1).max(0.5)),
        unten: round((unten - 1.1).max(0.5)),
        links: round(links),
        rechts: round(rechts),
        breite: round(breite),
        breite_quer: round((29.7 - links - rechts).max(5.0)),
        tab1: round(breite - 1.0),
        tab2: round(breite - 2.5),
        tab3: round(breite - 4.25),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_come_from_gestaltung() {
        let s = seite(&serde_json::json!({}));
        assert_eq!((s.links, s.breite, s.breite_quer), (2.5, 16.0, 24.7));
        let s = seite(&serde_json::json!({"gestaltung": {"raender":
            {"oben": 27.0, "unten": 25.0, "links": 30.0, "rechts": 20.0}}}));
        assert_eq!((s.oben, s.unten, s.links, s.breite), (1.6, 1.4, 3.0, 16.0));
    }
}
