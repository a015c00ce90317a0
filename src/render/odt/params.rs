//! Reading the parameters of an ODT helper: a model value as text, the
//! hash options (`fett=true`, `stil="…"`), the run style they ask for.

use crate::render::docx::RunStyle;
use handlebars::Helper;
use serde_json::Value;

/// The text of a model value: strings as they are, numbers, lists joined
/// with ", ", objects by their `text` (Zahl, Geld, Datum, Tag), null empty.
pub(super) fn value_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => if *b { "ja" } else { "nein" }.to_string(),
        Value::Array(a) => a.iter().map(value_text).collect::<Vec<_>>().join(", "),
        Value::Object(o) => o.get("text").map(value_text).unwrap_or_default(),
    }
}

pub(super) fn hash_bool(h: &Helper, key: &str) -> bool {
    h.hash_get(key)
        .is_some_and(|v| v.value().as_bool() == Some(true))
}

pub(super) fn hash_str(h: &Helper, key: &str) -> Option<String> {
    h.hash_get(key).map(|v| value_text(v.value()))
}

pub(super) fn first(h: &Helper) -> Value {
    h.param(0).map(|p| p.value().clone()).unwrap_or(Value::Null)
}

pub(super) fn run_style(h: &Helper) -> RunStyle {
    RunStyle {
        bold: hash_bool(h, "fett"),
        italic: hash_bool(h, "kursiv"),
        grau: hash_bool(h, "grau"),
        akzent: hash_bool(h, "akzent"),
        white: false,
    }
}
