//! The names the PDF never hyphenates: people (members, contact persons),
//! organisations (the actors) and the Kommune. A careful reader stumbles over
//! „An-na Schulte“ or „Mus-terstadt“; the model knows which fields are
//! names. [`name_pattern`] makes one pattern of them (in the model as
//! `namen_muster`); [`collect`] wraps every match in the text of the
//! generated source in `#text(hyphenate: false)[…];` – in tables, captions
//! and the working groups' own texts. (A `show regex(…)` rule did the same
//! in Typst, at about a tenth of the typesetting time.)

use aho_corasick::{AhoCorasick, MatchKind};
use serde_json::Value;
use typst::syntax::{SyntaxKind, SyntaxNode};

/// An organisation whose name holds a word longer than this may still be
/// hyphenated: unbroken it would not fit a narrow table column.
const LONGEST_UNBROKEN_WORD: usize = 16;

/// The names of `model`, longest first, as one regular expression
/// (alternatives escaped); empty when the model names no one. Kept in the
/// model as `namen_muster` for templates of earlier versions, which had
/// `#show regex(namen_muster): set text(hyphenate: false)`.
pub fn name_pattern(model: &Value) -> String {
    name_list(model)
        .iter()
        .map(|n| escape_regex(n))
        .collect::<Vec<_>>()
        .join("|")
}

/// The names of `model`, longest first, white space trimmed.
pub fn name_list(model: &Value) -> Vec<String> {
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
    let mut names: Vec<String> = names.iter().map(|n| n.trim().to_string()).collect();
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    names.dedup();
    names
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

/// The names to protect, as one automaton over their words joined by single
/// spaces (a regular expression with hundreds of alternatives cost a tenth
/// of a build in building its automaton).
pub struct Names(AhoCorasick);

impl Names {
    /// `None` when there are no names.
    pub fn new(names: &[String]) -> Option<Self> {
        let words: Vec<String> = names
            .iter()
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty())
            .collect();
        if words.is_empty() {
            return None;
        }
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .ok()
            .map(Names)
    }
}

/// Insertions into the source that keep every name of `names` in the
/// markup text below `node` (which starts at byte `offset` of the source)
/// from being hyphenated. A name is matched within one run of text, spaces,
/// escapes and shorthands, as a whole word. The walk is over the plain
/// syntax tree with the offsets added up (no linked nodes: this runs on
/// every rebuild in `--watch`).
pub fn collect(
    node: &SyntaxNode,
    offset: usize,
    names: &Names,
    inserts: &mut Vec<(usize, String)>,
) {
    let children = node.children().as_slice();
    if node.kind() == SyntaxKind::Markup {
        let mut at = offset;
        let mut i = 0;
        while i < children.len() {
            if text_of(&children[i]).is_none() {
                collect(&children[i], at, names, inserts);
                at += children[i].len();
                i += 1;
                continue;
            }
            let mut run = Run::default();
            while let Some(text) = children.get(i).and_then(text_of) {
                run.push(&children[i], at, text);
                at += children[i].len();
                i += 1;
            }
            run.protect(names, inserts);
        }
        return;
    }
    let mut at = offset;
    for child in children {
        collect(child, at, names, inserts);
        at += child.len();
    }
}

/// The text a reader sees of a text-like node (`None` for other nodes).
fn text_of(node: &SyntaxNode) -> Option<&str> {
    let raw = node.leaf_text().as_str();
    match node.kind() {
        SyntaxKind::Text | SyntaxKind::Space => Some(raw),
        SyntaxKind::Escape => raw.get(1..).filter(|s| s.chars().count() == 1),
        SyntaxKind::Shorthand if raw == "~" => Some("\u{a0}"),
        _ => None,
    }
}

/// A run of text-like nodes: their visible text, and where each node's
/// text starts in it and in the source.
#[derive(Default)]
struct Run {
    text: String,
    /// Per node: its first byte in `text`, its first byte in the source, and
    /// whether its text is the source as it is (else an escape or shorthand,
    /// whose text lies between its ends).
    parts: Vec<(usize, usize, bool)>,
    end: usize,
}

impl Run {
    fn push(&mut self, node: &SyntaxNode, at: usize, text: &str) {
        let verbatim = node.leaf_text().as_str() == text;
        self.parts.push((self.text.len(), at, verbatim));
        self.text.push_str(text);
        self.end = at + node.len();
    }

    /// The source offset of byte `i` of the text (its end for the end).
    fn source_at(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.end;
        }
        let k = self.parts.partition_point(|(start, _, _)| *start <= i) - 1;
        let (start, source, verbatim) = self.parts[k];
        if verbatim {
            source + (i - start)
        } else {
            source
        }
    }

    /// Protects every name of `names` in the run.
    fn protect(&self, names: &Names, inserts: &mut Vec<(usize, String)>) {
        // The text with every run of white space as one space; most runs
        // hold no name, so the byte map below is made only for those that do.
        let flat = flatten(&self.text, None);
        if !names.0.is_match(&flat) {
            return;
        }
        // For each byte of `flat` (and its end) the byte in `self.text`.
        let mut from: Vec<usize> = Vec::with_capacity(flat.len() + 1);
        flatten(&self.text, Some(&mut from));
        for found in names.0.find_iter(&flat) {
            let (start, name_end) = (from[found.start()], from[found.end()]);
            let before = self.text[..start].chars().next_back();
            // The genitive „Musterstadts“ is the name too.
            let rest = &self.text[name_end..];
            let end = match rest.strip_prefix('s') {
                Some(r) if !r.starts_with(char::is_alphanumeric) => name_end + 1,
                _ => name_end,
            };
            let after = self.text[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            inserts.push((
                self.source_at(start),
                "#text(hyphenate: false)[".to_string(),
            ));
            inserts.push((self.source_at(end), "];".to_string()));
        }
    }
}

/// `text` with every run of white space as one space; with `from`, also
/// the byte of `text` for each byte of the result (and its end).
fn flatten(text: &str, mut from: Option<&mut Vec<usize>>) -> String {
    let mut flat = String::with_capacity(text.len());
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !space {
                flat.push(' ');
                if let Some(from) = from.as_deref_mut() {
                    from.push(i);
                }
            }
            space = true;
            continue;
        }
        space = false;
        flat.push(c);
        if let Some(from) = from.as_deref_mut() {
            from.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
    }
    if let Some(from) = from {
        from.push(text.len());
    }
    flat
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

    fn protect(source: &str, names: &[&str]) -> String {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let names = Names::new(&names).unwrap();
        let root = typst::syntax::parse(source);
        let mut inserts = Vec::new();
        collect(&root, 0, &names, &mut inserts);
        crate::render::typst::rewrite::apply(source, inserts)
    }

    #[test]
    fn names_in_text_tables_and_strong_text_are_kept_whole() {
        let pattern = &["Dr. Anna Schulte", "Musterstadt"];
        assert_eq!(
            protect("Die Stadt Musterstadt\\. *Dr\\. Anna~Schulte* leitet.", pattern),
            "Die Stadt #text(hyphenate: false)[Musterstadt];\\. *#text(hyphenate: false)[Dr\\. Anna~Schulte];* leitet."
        );
        assert_eq!(
            protect("#tabelle(spalten: 1, [Dr. Anna Schulte])", pattern),
            "#tabelle(spalten: 1, [#text(hyphenate: false)[Dr. Anna Schulte];])"
        );
    }

    #[test]
    fn a_name_in_the_genitive_is_kept_whole() {
        assert_eq!(
            protect("Geschichte Musterstadts. Musterstadts, Musterstadtsee", &["Musterstadt"]),
            "Geschichte #text(hyphenate: false)[Musterstadts];. #text(hyphenate: false)[Musterstadts];, Musterstadtsee"
        );
    }

    #[test]
    fn parts_of_words_strings_and_code_stay_as_they_are() {
        let pattern = &["Musterstadt"];
        let src = "Musterstädter und Musterstadtwerke, #let x = \"Musterstadt\"";
        assert_eq!(protect(src, pattern), src);
    }
}
