//! The names the PDF never hyphenates: people (members, contact persons),
//! organisations (the actors) and the Kommune. A careful reader stumbles over
//! „An-na Schulte“ or „Mus-terstadt“; the model knows which fields are
//! names, so the templates get one pattern for a `show regex(…)` rule that
//! sets `hyphenate: false` on them wherever they stand – in tables, captions
//! and the working groups' own texts.

use serde_json::Value;

/// An organisation whose name holds a word longer than this may still be
/// hyphenated: unbroken it would not fit a narrow table column.
const LONGEST_UNBROKEN_WORD: usize = 16;

/// The names of `model`, longest first, as one regular expression
/// (alternatives escaped); empty when the model names no one.
pub fn name_pattern(model: &Value) -> String {
    let mut names: Vec<String> = Vec::new();
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let mut people: Vec<Value> = Vec::new();
    for m in list(&model["steuerungsgruppe"]) {
        people.push(m["name"].clone());
    }
    for f in list(&model["felder"]) {
        for m in list(&f["arbeitsgruppe"]["mitglieder"]) {
            people.push(m["name"].clone());
        }
    }
    for k in list(&model["akteure"]["kategorien"]) {
        for a in list(&k["akteure"]) {
            people.push(a["ansprechperson"].clone());
        }
    }
    names.extend(people.iter().filter_map(|v| v.as_str().map(str::to_string)));
    for k in list(&model["akteure"]["kategorien"]) {
        for a in list(&k["akteure"]) {
            if let Some(s) = a["name"].as_str() {
                if s.split_whitespace()
                    .all(|w| w.chars().count() <= LONGEST_UNBROKEN_WORD)
                {
                    names.push(s.to_string());
                }
            }
        }
    }
    for key in ["name", "bezeichnung"] {
        if let Some(s) = model["meta"]["kommune"][key].as_str() {
            names.push(s.to_string());
        }
    }
    // A name of one short word („Jugendamt“) needs no protection and would
    // only cost matching time; names are matched longest first.
    names.retain(|n| n.trim().chars().count() > 3);
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    names.dedup();
    names
        .iter()
        .map(|n| escape_regex(n.trim()))
        .collect::<Vec<_>>()
        .join("|")
}

/// `s` as a literal inside a regular expression (Rust `regex` syntax, which
/// Typst's `regex` uses); runs of white space match any white space.
fn escape_regex(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push_str(r"\s+");
            }
            space = true;
            continue;
        }
        space = false;
        if r"\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_longest_first_escaped() {
        let m = json!({
            "meta": {"kommune": {"name": "Musterstadt", "bezeichnung": "Stadt Musterstadt"}},
            "steuerungsgruppe": [{"name": "Dr. Katrin Albers"}],
            "felder": [{"arbeitsgruppe": {"mitglieder": [{"name": "Anna Schulte"}]}}],
            "akteure": {"kategorien": [{"akteure": [
                {"name": "Familienzentren Musterstadt (Verbund)", "ansprechperson": null},
                {"name": "Wirtschaftsförderungsgesellschaft Musterstadt", "ansprechperson": "Tobias Klein"}
            ]}]}
        });
        assert_eq!(
            name_pattern(&m),
            r"Familienzentren\s+Musterstadt\s+\(Verbund\)|Dr\.\s+Katrin\s+Albers|Stadt\s+Musterstadt|Anna\s+Schulte|Tobias\s+Klein|Musterstadt"
        );
        assert_eq!(name_pattern(&json!({})), "");
    }
}
