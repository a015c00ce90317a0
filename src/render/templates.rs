//! Built-in Handlebars templates and the helpers template authors use.
//!
//! Templates are embedded in the binary (`include_str!`), so a bare machine
//! renders the same document. Each output format has its own registry with
//! its own escape function, so `{{x}}` is always safe for that format and
//! helpers that produce finished markup write it directly.
//!
//! Strict mode is on: a misspelt field is an error naming the template and
//! line, never an empty spot in a council document.

use crate::embedded::templates::{syntax_error, Builtin, Override};
use crate::input::markdown::{Block, Inline, RichText};
use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde_json::Value;

/// An error while rendering a template: our bug or a broken override, never
/// the user's data. Names the template file and line.
#[derive(Debug, thiserror::Error)]
#[error("Vorlage {file}{}: {message}", line.map(|l| format!(", Zeile {l}")).unwrap_or_default())]
pub struct TemplateError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl TemplateError {
    pub fn from_render(e: &RenderError, templates: &[Builtin]) -> Self {
        Self::from_render_in(e, templates, &[])
    }

    /// A render error of a registry made by [`registry_with`]: names the
    /// override file when the template came from the project.
    pub fn from_render_in(e: &RenderError, templates: &[Builtin], overrides: &[Override]) -> Self {
        let name = e.template_name.clone().unwrap_or_default();
        let (file, line) = match templates.iter().find(|t| t.name == name) {
            Some(t) => match overrides.iter().find(|o| o.file == t.file) {
                Some(o) => {
                    let offset = effective_text(t, o).1;
                    (
                        o.shown.clone(),
                        e.line_no.map(|l| l.saturating_sub(offset).max(1)),
                    )
                }
                None => (format!("templates/{}", t.file), e.line_no),
            },
            None => (name, e.line_no),
        };
        TemplateError {
            file,
            line,
            message: e.reason().to_string(),
        }
    }
}

/// The marker a Typst partial starts with, so that a Typst error can be
/// traced back to its template (see `pipeline::template_of`).
const MARKER: &str = "// Vorlage: ";

/// The text registered for an override and how many lines were added in
/// front of it. Typst partials name their file in a `// Vorlage:` comment
/// on line 1: the override's comment names the override (a copy written by
/// `konzept templates` still names the built-in), and an override without
/// the comment gets one, so that Typst errors never blame the wrong file.
fn effective_text<'a>(t: &Builtin, o: &'a Override) -> (std::borrow::Cow<'a, str>, usize) {
    use std::borrow::Cow;
    if !(t.file.starts_with("typst/") && t.file.ends_with(".typ.hbs")) {
        return (Cow::Borrowed(&o.text), 0);
    }
    let marker = format!("{MARKER}{}", o.shown);
    match o.text.split_once('\n') {
        Some((first, rest)) if first.trim_start().starts_with(MARKER.trim_end()) => {
            (Cow::Owned(format!("{marker}\n{rest}")), 0)
        }
        None if o.text.trim_start().starts_with(MARKER.trim_end()) => (Cow::Owned(marker), 0),
        _ => (Cow::Owned(format!("{marker}\n{}", o.text)), 1),
    }
}

/// A registry with strict mode, the given escape function and the common
/// helpers; templates registered from `templates`.
pub fn registry(
    templates: &[Builtin],
    escape: fn(&str) -> String,
) -> Result<Handlebars<'static>, TemplateError> {
    registry_with(templates, escape, &[])
}

/// What a registry was made from: the built-ins' files, the escape function
/// and the overrides' file names and texts.
type RegistryKey = (Vec<&'static str>, usize, Vec<(String, String)>);

/// Registries made in this process, newest last: parsing the templates takes
/// 10–40 ms per registry, and a build needs three of them, a `--watch` build
/// again and again; cloning a parsed registry takes well under a millisecond.
static REGISTRIES: std::sync::Mutex<Vec<(RegistryKey, Handlebars<'static>)>> =
    std::sync::Mutex::new(Vec::new());

/// How many parsed registries are kept (the Typst, DOCX and submission
/// registries of a few override versions).
const KEEP_REGISTRIES: usize = 8;

/// [`registry`] with the project's overrides: each override replaces the
/// built-in of the same file name (as mdBook's theme folder does). Parsed
/// once per process for each set of templates and overrides.
pub fn registry_with(
    templates: &[Builtin],
    escape: fn(&str) -> String,
    overrides: &[Override],
) -> Result<Handlebars<'static>, TemplateError> {
    let key: RegistryKey = (
        templates.iter().map(|t| t.file).collect(),
        escape as usize,
        overrides
            .iter()
            .map(|o| (o.file.clone(), o.text.clone()))
            .collect(),
    );
    if let Ok(cache) = REGISTRIES.lock() {
        if let Some((_, hb)) = cache.iter().find(|(k, _)| *k == key) {
            return Ok(hb.clone());
        }
    }
    let hb = parse_registry(templates, escape, overrides)?;
    if let Ok(mut cache) = REGISTRIES.lock() {
        if cache.len() >= KEEP_REGISTRIES {
            cache.remove(0);
        }
        cache.push((key, hb.clone()));
    }
    Ok(hb)
}

fn parse_registry(
    templates: &[Builtin],
    escape: fn(&str) -> String,
    overrides: &[Override],
) -> Result<Handlebars<'static>, TemplateError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.set_prevent_indent(true);
    hb.register_escape_fn(escape);
    register_common(&mut hb);
    for t in templates {
        let result = match overrides.iter().find(|o| o.file == t.file) {
            None => hb
                .register_template_string(t.name, t.text)
                .map_err(|e| TemplateError {
                    file: format!("templates/{}", t.file),
                    line: e.pos().map(|p| p.0),
                    message: e.reason().to_string(),
                }),
            Some(o) => {
                let (text, offset) = effective_text(t, o);
                hb.register_template_string(t.name, text.as_ref())
                    .map_err(|e| {
                        let line = e.pos().map(|p| p.0.saturating_sub(offset).max(1));
                        let (line, message) = syntax_error(&o.text, line, e.reason().to_string());
                        TemplateError {
                            file: o.shown.clone(),
                            line,
                            message,
                        }
                    })
            }
        };
        result?;
    }
    Ok(hb)
}

/// The helpers every format has. Value-returning helpers go through the
/// format's escape function like any `{{x}}`, so they are safe anywhere a
/// field is; only `join` writes itself (each item escaped).
fn register_common(hb: &mut Handlebars<'static>) {
    hb.register_helper("punkt", Box::new(punkt));
    hb.register_helper("geld", value_helper(geld));
    hb.register_helper("datum", value_helper(datum));
    hb.register_helper("zahl", value_helper(zahl));
    hb.register_helper("prozent", value_helper(prozent));
    hb.register_helper("plural", value_helper(plural));
    hb.register_helper("summe", value_helper(summe));
    hb.register_helper("gruppiere", value_helper(gruppiere));
    hb.register_helper("join", Box::new(join));
    hb.register_helper("teil", Box::new(teil));
}

/// `{{teil "kapitel-1"}}`: renders the named part in the current context,
/// exactly like `{{> kapitel-1}}`, but without the deep copy of the current
/// context that Handlebars 6 makes for every partial (at the top level that
/// is the whole model: 1.6 ms for the example, 21 ms at 10× – per call).
fn teil<'reg, 'rc>(
    h: &Helper<'rc>,
    r: &'reg Handlebars<'reg>,
    ctx: &'rc Context,
    rc: &mut RenderContext<'reg, 'rc>,
    out: &mut dyn Output,
) -> HelperResult {
    let name = h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| {
        RenderErrorReason::Other(
            "`teil` braucht den Namen eines Teils, z. B. {{teil \"kapitel-1\"}}".into(),
        )
    })?;
    let template = r.get_template(name).ok_or_else(|| {
        RenderErrorReason::Other(format!(
            "den Teil „{name}“ gibt es nicht; Teile heißen wie die Vorlagendateien ohne Endung, z. B. „kapitel-1“"
        ))
    })?;
    if rc.is_current_template(name) {
        return Err(
            RenderErrorReason::Other(format!("der Teil „{name}“ bindet sich selbst ein")).into(),
        );
    }
    // Parts that include each other in a circle would overflow the stack.
    thread_local!(static TIEFE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) });
    if TIEFE.get() >= MAX_TEIL_TIEFE {
        return Err(RenderErrorReason::Other(format!(
            "mehr als {MAX_TEIL_TIEFE} Teile ineinander: binden sich Teile gegenseitig ein? (zuletzt „{name}“)"
        ))
        .into());
    }
    TIEFE.set(TIEFE.get() + 1);
    let before = rc.get_current_template_name();
    let result = handlebars::Renderable::render(template, r, ctx, rc, out);
    rc.set_current_template_name(before);
    TIEFE.set(TIEFE.get() - 1);
    result
}

/// How deep `{{teil}}` calls may nest (the built-in templates need 3).
const MAX_TEIL_TIEFE: usize = 32;

type ValueFn = fn(&Helper) -> Result<Value, String>;

/// A helper that computes a value: written escaped by `{{…}}`, usable as a
/// subexpression (`{{geld (summe massnahmen "kosten")}}`).
struct ValueHelper(ValueFn);

impl handlebars::HelperDef for ValueHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, RenderError> {
        (self.0)(h)
            .map(handlebars::ScopedJson::Derived)
            .map_err(|m| RenderErrorReason::Other(format!("{}: {m}", h.name())).into())
    }
}

fn value_helper(f: ValueFn) -> Box<dyn handlebars::HelperDef + Send + Sync + 'static> {
    Box::new(ValueHelper(f))
}

/// Parameter `i`, or null when it is not given; a misspelt field is an
/// error (strict mode does not check helper parameters by itself).
fn opt_param<'a>(h: &'a Helper, i: usize) -> Result<&'a Value, String> {
    match h.param(i) {
        None => Ok(&Value::Null),
        Some(p) if p.is_value_missing() => Err(format!(
            "das Feld „{}“ gibt es nicht (die Felder zeigt `konzept check --model`)",
            p.relative_path().map_or("?", |s| s.as_str())
        )),
        Some(p) => Ok(p.value()),
    }
}

fn need<'a>(h: &'a Helper, i: usize, what: &str) -> Result<&'a Value, String> {
    if h.param(i).is_none() {
        return Err(format!("es fehlt {what}"));
    }
    opt_param(h, i)
}

/// A number from a model value: a JSON number, a `Zahl` (`wert`), a
/// `Geld` (`euro`) or a string such as "12,5" or "1.234".
fn number_of(v: &Value) -> Result<Option<f64>, String> {
    Ok(match v {
        Value::Null => None,
        Value::Number(n) => n.as_f64(),
        Value::Bool(_) | Value::Array(_) => return Err(format!("keine Zahl: {v}")),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => {
            let n = crate::input::values::parse_number_text(s)
                .map_err(|_| format!("keine Zahl: „{s}“"))?;
            Some(n.value)
        }
        Value::Object(o) => match ["wert", "euro"].iter().find_map(|k| o.get(*k)) {
            Some(x) => number_of(x)?,
            None => {
                return Err("kein Zahlenwert (erwartet: eine Zahl oder ein Feld mit `wert`)".into())
            }
        },
    })
}

/// Decimals from parameter `i` (`{{zahl x 2}}`), if given.
fn decimals(h: &Helper, i: usize) -> Result<Option<usize>, String> {
    match opt_param(h, i)? {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_u64()
            .filter(|d| *d <= 6)
            .map(|d| Some(d as usize))
            .ok_or_else(|| format!("Nachkommastellen: 0 bis 6, nicht {n}")),
        other => Err(format!("Nachkommastellen: eine Zahl, nicht {other}")),
    }
}

fn german_number(x: f64, stellen: Option<usize>, max: usize) -> String {
    use crate::input::values::{format_fixed, format_number};
    match stellen {
        Some(d) => format_fixed(x, d),
        None => format_number(x, max),
    }
}

/// `{{geld x}}`: an amount as "12.500 €" (cents only when not whole).
/// A `Geld` field (`kosten`) or whole cents (`summe … "kosten"`);
/// `{{geld 12500 euro=true}}` reads the number as euros.
fn geld(h: &Helper) -> Result<Value, String> {
    let v = need(h, 0, "der Betrag")?;
    let euro = h
        .hash_get("euro")
        .is_some_and(|e| e.value().as_bool() == Some(true));
    let cents = match v {
        Value::Null => return Ok(Value::String(String::new())),
        Value::Object(o) if o.contains_key("cent") => match o.get("cent") {
            Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
            // No amount: the field's own text ("", "–").
            _ => {
                return Ok(o
                    .get("text")
                    .cloned()
                    .unwrap_or(Value::String(String::new())))
            }
        },
        other => match number_of(other)? {
            None => return Ok(Value::String(String::new())),
            Some(x) if euro => x * 100.0,
            Some(x) if x.fract() != 0.0 => {
                return Err(format!(
                    "{x} ist kein ganzer Centbetrag; für Euro: {{{{geld wert euro=true}}}}"
                ))
            }
            Some(x) => x,
        },
    };
    Ok(Value::String(
        crate::input::values::Money(cents.round() as i64).display(),
    ))
}

const MONATE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// `{{datum x}}`: an ISO date ("2027-12-31", a `Tag`'s `iso`) as
/// "31.12.2027"; `format="lang"` → "31. Dezember 2027", `"monat"` →
/// "12/2027", `"jahr"` → "2027". A `Datum` field (`beginn`) gives its text.
fn datum(h: &Helper) -> Result<Value, String> {
    use chrono::Datelike;
    let v = need(h, 0, "das Datum")?;
    let iso = match v {
        Value::Null => return Ok(Value::String(String::new())),
        Value::String(s) => s.clone(),
        Value::Object(o) => match (o.get("iso"), o.get("text")) {
            (Some(Value::String(s)), _) => s.clone(),
            (_, Some(t)) => return Ok(t.clone()),
            _ => return Err("kein Datum (erwartet: „2027-12-31“ oder ein Datumsfeld)".into()),
        },
        other => return Err(format!("kein Datum: {other}")),
    };
    if iso.trim().is_empty() {
        return Ok(Value::String(String::new()));
    }
    let d = chrono::NaiveDate::parse_from_str(iso.get(..10).unwrap_or(&iso), "%Y-%m-%d")
        .map_err(|_| format!("kein ISO-Datum: „{iso}“ (erwartet: 2027-12-31)"))?;
    let format = h
        .hash_get("format")
        .and_then(|f| f.value().as_str())
        .unwrap_or("kurz");
    Ok(Value::String(match format {
        "kurz" => d.format("%d.%m.%Y").to_string(),
        "lang" => format!("{}. {} {}", d.day(), MONATE[d.month0() as usize], d.year()),
        "monat" => d.format("%m/%Y").to_string(),
        "jahr" => d.year().to_string(),
        other => {
            return Err(format!(
                "unbekanntes Format „{other}“ (möglich: kurz, lang, monat, jahr)"
            ))
        }
    }))
}

/// `{{zahl x}}`: "1.234,5" (up to six decimals, as needed);
/// `{{zahl x 2}}`: exactly two decimals.
fn zahl(h: &Helper) -> Result<Value, String> {
    let x = number_of(need(h, 0, "die Zahl")?)?;
    let stellen = decimals(h, 1)?;
    Ok(Value::String(
        x.map(|x| german_number(x, stellen, 6)).unwrap_or_default(),
    ))
}

/// `{{prozent 17.5}}`: "17,5 %" (at most one decimal; `{{prozent x 2}}`:
/// exactly two); `{{prozent teil von=ganzes}}`: the share of `teil`.
fn prozent(h: &Helper) -> Result<Value, String> {
    let Some(mut x) = number_of(need(h, 0, "der Wert")?)? else {
        return Ok(Value::String(String::new()));
    };
    if let Some(von) = h.hash_get("von") {
        match number_of(von.value())? {
            Some(g) if g != 0.0 => x = x / g * 100.0,
            _ => return Ok(Value::String("–".into())),
        }
    }
    let stellen = decimals(h, 1)?;
    let x = match stellen {
        Some(_) => x,
        None => (x * 10.0).round() / 10.0,
    };
    Ok(Value::String(format!("{} %", german_number(x, stellen, 1))))
}

/// `{{plural n "Maßnahme" "Maßnahmen"}}`: "1 Maßnahme", "51 Maßnahmen";
/// `n` may be a list (its length); `zahl=false` leaves out the number.
fn plural(h: &Helper) -> Result<Value, String> {
    let n = match need(h, 0, "die Anzahl")? {
        Value::Array(a) => a.len() as f64,
        other => number_of(other)?.unwrap_or(0.0),
    };
    let word = |i: usize, what: &str| -> Result<String, String> {
        need(h, i, what)?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("{what}: ein Text in Anführungszeichen"))
    };
    let w = if n == 1.0 {
        word(1, "die Einzahl")?
    } else {
        word(2, "die Mehrzahl")?
    };
    let mit_zahl = h
        .hash_get("zahl")
        .is_none_or(|z| z.value().as_bool() != Some(false));
    Ok(Value::String(if mit_zahl {
        format!("{} {w}", crate::input::values::format_number(n, 6))
    } else {
        w
    }))
}

/// The value at a dotted path (`"kosten.cent"`) inside `v`.
fn at_path<'a>(v: &'a Value, path: &str) -> &'a Value {
    if path.is_empty() {
        return v;
    }
    path.split('.')
        .try_fold(v, |v, k| v.get(k))
        .unwrap_or(&Value::Null)
}

/// `{{summe liste "kosten"}}`: the sum of a field over a list. `Geld` fields
/// add up in whole cents (for `geld`), other numbers as they are; empty
/// values count as nothing. Without a field: the list's own numbers.
fn summe(h: &Helper) -> Result<Value, String> {
    let list = match need(h, 0, "die Liste")? {
        Value::Array(a) => a.as_slice(),
        Value::Null => &[],
        other => return Err(format!("keine Liste: {other}")),
    };
    let path = match opt_param(h, 1)? {
        Value::Null => "",
        Value::String(s) => s.as_str(),
        other => return Err(format!("der Feldname muss ein Text sein, nicht {other}")),
    };
    let mut cents: i64 = 0;
    let mut sum = 0.0;
    let mut all_cents = true;
    for item in list {
        match at_path(item, path) {
            Value::Object(o) if o.contains_key("cent") => {
                if let Some(c) = o.get("cent").and_then(Value::as_i64) {
                    cents += c;
                }
            }
            Value::Number(n) if n.is_i64() => cents += n.as_i64().unwrap_or(0),
            other => {
                if let Some(x) = number_of(other).map_err(|m| format!("„{path}“: {m}"))? {
                    all_cents = false;
                    sum += x;
                }
            }
        }
    }
    Ok(if all_cents {
        Value::from(cents)
    } else {
        serde_json::Number::from_f64(sum + cents as f64)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    })
}

/// The text of a grouping key: strings as they are, fields by their `text`
/// or `name`, numbers as written.
fn key_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Object(o) => o
            .get("text")
            .or_else(|| o.get("name"))
            .map(key_text)
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

/// `{{#each (gruppiere massnahmen "status")}}{{name}}: {{anzahl}}{{/each}}`:
/// the list grouped by a field, groups in order of first appearance, each
/// `{name, anzahl, eintraege}`.
fn gruppiere(h: &Helper) -> Result<Value, String> {
    let list = match need(h, 0, "die Liste")? {
        Value::Array(a) => a.as_slice(),
        Value::Null => &[],
        other => return Err(format!("keine Liste: {other}")),
    };
    let path = need(h, 1, "das Feld, nach dem gruppiert wird")?
        .as_str()
        .ok_or("der Feldname muss ein Text sein")?;
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for item in list {
        let key = key_text(at_path(item, path));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, items)) => items.push(item.clone()),
            None => groups.push((key, vec![item.clone()])),
        }
    }
    Ok(Value::Array(
        groups
            .into_iter()
            .map(|(name, eintraege)| {
                serde_json::json!({"name": name, "anzahl": eintraege.len(), "eintraege": eintraege})
            })
            .collect(),
    ))
}

/// `{{join liste}}`: the items joined with ", "; `{{join liste " / "}}`
/// with another separator. Items (and the separator) are escaped for the
/// format; fields show their `text` or `name`.
fn join(
    h: &Helper,
    hb: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let esc = hb.get_escape_fn();
    let other = |m: String| RenderErrorReason::Other(format!("join: {m}"));
    let sep = match h.param(1) {
        None => ", ".to_string(),
        Some(_) => esc(&key_text(opt_param(h, 1).map_err(other)?)),
    };
    let s = match need(h, 0, "die Liste").map_err(other)? {
        Value::Array(items) => items
            .iter()
            .map(|i| esc(&key_text(i)))
            .collect::<Vec<_>>()
            .join(&sep),
        Value::Null => String::new(),
        other => esc(&key_text(other)),
    };
    out.write(&s)?;
    Ok(())
}

// `{{punkt x}}`: the full stop that ends a sentence after `x`, unless `x`
// already ends in one ("N. N.", "e. V.") or in `!`/`?`.
handlebars::handlebars_helper!(
    punkt: |v: Value| {
        let t = v.as_str().unwrap_or_default().trim_end();
        if t.ends_with(['.', '!', '?']) { "" } else { "." }
    }
);

/// The first parameter of a helper, or an error naming the helper.
pub fn param<'a>(h: &'a Helper, i: usize) -> Result<&'a Value, RenderError> {
    h.param(i)
        .map(|p| p.value())
        .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex("helper", i).into())
}

/// A helper that writes `f(value)` unescaped: for helpers that produce
/// finished markup of the output format.
pub fn raw_helper(
    f: impl Fn(&Value) -> Result<String, String> + Send + Sync + 'static,
) -> Box<dyn handlebars::HelperDef + Send + Sync + 'static> {
    Box::new(
        move |h: &Helper,
              _: &Handlebars,
              _: &Context,
              _: &mut RenderContext,
              out: &mut dyn Output|
              -> HelperResult {
            let v = param(h, 0)?;
            let s = f(v).map_err(|m| RenderErrorReason::Other(format!("{}: {m}", h.name())))?;
            out.write(&s)?;
            Ok(())
        },
    )
}

/// The rich text of a model value (null → empty).
pub fn rich_text(v: &Value) -> Result<RichText, String> {
    if v.is_null() {
        return Ok(RichText::default());
    }
    serde_json::from_value(v.clone()).map_err(|e| format!("kein Text: {e}"))
}

/// Walks rich text for a target format.
pub trait RichTextWriter {
    fn text(&mut self, t: &str);
    fn start_bold(&mut self);
    fn end_bold(&mut self);
    fn start_italic(&mut self);
    fn end_italic(&mut self);
    fn line_break(&mut self);
}

pub fn write_inlines(w: &mut impl RichTextWriter, inlines: &[Inline]) {
    for i in inlines {
        match i {
            Inline::Text { text } => w.text(text),
            Inline::Fett { inhalt } => {
                w.start_bold();
                write_inlines(w, inhalt);
                w.end_bold();
            }
            Inline::Kursiv { inhalt } => {
                w.start_italic();
                write_inlines(w, inhalt);
                w.end_italic();
            }
            Inline::Umbruch => w.line_break(),
        }
    }
}

/// Blocks of rich text, for writers that handle lists themselves.
pub fn blocks(r: &RichText) -> &[Block] {
    &r.blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Renders `tpl` over `data` with the common helpers and XML-like
    /// escaping of `<` (so the tests see where escaping applies).
    fn r(tpl: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(|s| s.replace('<', "&lt;"));
        register_common(&mut hb);
        hb.render_template(tpl, &data)
            .unwrap_or_else(|e| panic!("{tpl}: {e}"))
    }

    fn err(tpl: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register_common(&mut hb);
        hb.render_template(tpl, &data).unwrap_err().to_string()
    }

    #[test]
    fn geld_formats_cents_fields_and_euros() {
        let kosten = json!({"cent": 1_250_000, "euro": 12500.0, "text": "12.500 €"});
        assert_eq!(r("{{geld k}}", json!({ "k": kosten })), "12.500 €");
        assert_eq!(r("{{geld 1250050}}", json!({})), "12.500,50 €");
        assert_eq!(r("{{geld 12500 euro=true}}", json!({})), "12.500 €");
        assert_eq!(r("{{geld 99.5 euro=true}}", json!({})), "99,50 €");
        assert_eq!(r("{{geld -500}}", json!({})), "−5 €");
        assert_eq!(r("{{geld k}}", json!({"k": null})), "");
        let leer = json!({"cent": null, "euro": 0.0, "text": "–"});
        assert_eq!(r("{{geld k}}", json!({ "k": leer })), "–");
        assert!(err("{{geld 12.5}}", json!({})).contains("euro=true"));
    }

    #[test]
    fn datum_formats_iso_dates() {
        let stand = json!({"text": "15.11.2026", "iso": "2026-11-15", "jahr": 2026});
        assert_eq!(r("{{datum \"2027-12-31\"}}", json!({})), "31.12.2027");
        assert_eq!(r("{{datum s}}", json!({ "s": stand })), "15.11.2026");
        assert_eq!(
            r("{{datum s format=\"lang\"}}", json!({ "s": stand })),
            "15. November 2026"
        );
        assert_eq!(
            r("{{datum \"2027-03-01\" format=\"monat\"}}", json!({})),
            "03/2027"
        );
        assert_eq!(
            r("{{datum \"2027-03-01\" format=\"jahr\"}}", json!({})),
            "2027"
        );
        // A period (`beginn`, `ende`) shows its own text.
        let beginn = json!({"text": "Q3 2027", "von": "2027-07-01", "bis": "2027-09-30"});
        assert_eq!(r("{{datum b}}", json!({ "b": beginn })), "Q3 2027");
        assert_eq!(r("{{datum b.von}}", json!({ "b": beginn })), "01.07.2027");
        assert!(err("{{datum \"31.12.2027\"}}", json!({})).contains("kein ISO-Datum"));
    }

    #[test]
    fn zahl_is_german() {
        assert_eq!(r("{{zahl 1234.5}}", json!({})), "1.234,5");
        assert_eq!(r("{{zahl 1234567}}", json!({})), "1.234.567");
        assert_eq!(r("{{zahl 3 2}}", json!({})), "3,00");
        assert_eq!(
            r("{{zahl z}}", json!({"z": {"wert": 0.25, "text": "0,25"}})),
            "0,25"
        );
        assert_eq!(r("{{zahl \"1.234,5\" 1}}", json!({})), "1.234,5");
        assert_eq!(r("{{zahl n}}", json!({"n": null})), "");
        assert!(err("{{zahl 1 9}}", json!({})).contains("0 bis 6"));
    }

    #[test]
    fn prozent_of_values_and_shares() {
        assert_eq!(r("{{prozent 17.5}}", json!({})), "17,5 %");
        assert_eq!(r("{{prozent 34}}", json!({})), "34 %");
        assert_eq!(r("{{prozent 33.333}}", json!({})), "33,3 %");
        assert_eq!(r("{{prozent 12 von=48}}", json!({})), "25 %");
        assert_eq!(r("{{prozent 1 2 von=3}}", json!({})), "33,33 %");
        assert_eq!(r("{{prozent 1 von=0}}", json!({})), "–");
    }

    #[test]
    fn join_escapes_each_item() {
        let d = json!({"l": ["a<b", "c"], "o": [{"name": "Jobcenter"}, {"text": "VHS"}]});
        assert_eq!(r("{{join l}}", d.clone()), "a&lt;b, c");
        assert_eq!(r("{{join l \" / \"}}", d.clone()), "a&lt;b / c");
        assert_eq!(r("{{join o}}", d.clone()), "Jobcenter, VHS");
        assert_eq!(r("{{join n}}", json!({"n": null})), "");
    }

    #[test]
    fn plural_counts_numbers_and_lists() {
        assert_eq!(
            r("{{plural 1 \"Maßnahme\" \"Maßnahmen\"}}", json!({})),
            "1 Maßnahme"
        );
        assert_eq!(
            r("{{plural 51 \"Maßnahme\" \"Maßnahmen\"}}", json!({})),
            "51 Maßnahmen"
        );
        assert_eq!(r("{{plural 0 \"Ziel\" \"Ziele\"}}", json!({})), "0 Ziele");
        assert_eq!(
            r("{{plural 1200 \"Person\" \"Personen\"}}", json!({})),
            "1.200 Personen"
        );
        assert_eq!(
            r("{{plural l \"Ziel\" \"Ziele\"}}", json!({"l": [1]})),
            "1 Ziel"
        );
        assert_eq!(
            r(
                "{{plural l \"Ziel\" \"Ziele\" zahl=false}}",
                json!({"l": [1, 2]})
            ),
            "Ziele"
        );
    }

    #[test]
    fn summe_adds_cents_and_numbers() {
        let m = json!({"m": [
            {"kosten": {"cent": 1_000_000, "euro": 10000.0, "text": "10.000 €"}, "n": 1.5},
            {"kosten": {"cent": null, "euro": 0.0, "text": ""}, "n": null},
            {"kosten": {"cent": 250_050, "euro": 2500.5, "text": "2.500,50 €"}, "n": 2},
        ]});
        assert_eq!(r("{{summe m \"kosten\"}}", m.clone()), "1250050");
        assert_eq!(r("{{summe m \"kosten.cent\"}}", m.clone()), "1250050");
        assert_eq!(r("{{geld (summe m \"kosten\")}}", m.clone()), "12.500,50 €");
        assert_eq!(r("{{zahl (summe m \"n\")}}", m.clone()), "3,5");
        assert_eq!(r("{{summe l}}", json!({"l": [1, 2, 3]})), "6");
        assert_eq!(r("{{summe l \"x\"}}", json!({"l": []})), "0");
    }

    #[test]
    fn gruppiere_keeps_first_appearance_order() {
        let m = json!({"m": [
            {"titel": "A", "status": "geplant"},
            {"titel": "B", "status": "laufend"},
            {"titel": "C<", "status": "geplant"},
        ]});
        assert_eq!(
            r(
                "{{#each (gruppiere m \"status\")}}{{name}}: {{anzahl}} ({{#each eintraege}}{{titel}}{{/each}})|{{/each}}",
                m
            ),
            "geplant: 2 (AC&lt;)|laufend: 1 (B)|"
        );
    }

    #[test]
    fn helpers_escape_through_the_format() {
        // A value helper's result goes through the escape function like a field.
        assert_eq!(r("{{plural 2 \"<x>\" \"<y>\"}}", json!({})), "2 &lt;y>");
        assert_eq!(r("{{{plural 2 \"<x>\" \"<y>\"}}}", json!({})), "2 <y>");
    }
}

#[cfg(test)]
mod override_tests {
    use super::*;
    use crate::embedded::templates::{check_syntax, TYPST};

    fn vorlage(file: &str, text: &str) -> Override {
        Override {
            file: file.into(),
            shown: format!("vorlagen/{file}"),
            text: text.into(),
        }
    }

    #[test]
    fn an_override_replaces_only_its_twin() {
        let o = vorlage(
            "typst/kapitel-1.typ.hbs",
            "// Vorlage: templates/typst/kapitel-1.typ.hbs\n= Eigenes Kapitel\n",
        );
        let hb = registry_with(TYPST, |s| s.to_string(), &[o]).unwrap();
        let k1 = hb.get_template("kapitel-1").unwrap();
        let text = format!("{:?}", k1.elements);
        assert!(
            text.contains("// Vorlage: vorlagen/typst/kapitel-1.typ.hbs"),
            "{text}"
        );
        assert!(text.contains("Eigenes Kapitel"));
        let k2 = format!("{:?}", hb.get_template("kapitel-2").unwrap().elements);
        assert!(k2.contains("templates/typst/kapitel-2.typ.hbs"));
    }

    #[test]
    fn an_override_without_marker_gets_one_and_lines_stay_right() {
        let t = TYPST.iter().find(|t| t.name == "kapitel-1").unwrap();
        let o = vorlage("typst/kapitel-1.typ.hbs", "= A\n{{fehlt}}\n");
        let (text, offset) = effective_text(t, &o);
        assert_eq!(offset, 1);
        assert!(text.starts_with("// Vorlage: vorlagen/typst/kapitel-1.typ.hbs\n= A\n"));
        let hb = registry_with(TYPST, |s| s.to_string(), std::slice::from_ref(&o)).unwrap();
        let e = hb.render("kapitel-1", &serde_json::json!({})).unwrap_err();
        let e = TemplateError::from_render_in(&e, TYPST, &[o]);
        assert_eq!(e.file, "vorlagen/typst/kapitel-1.typ.hbs");
        assert_eq!(e.line, Some(2), "{e}");
    }

    #[test]
    fn teil_renders_like_a_partial() {
        let eins = vorlage("typst/kapitel-1.typ.hbs", "{{x}}/{{@root.y}}/{{@index}}");
        let zwei = vorlage(
            "typst/kapitel-2.typ.hbs",
            "{{#each liste}}<{{teil \"kapitel-1\"}}|{{> kapitel-1}}>{{/each}}",
        );
        let hb = registry_with(TYPST, |s| s.to_string(), &[eins, zwei]).unwrap();
        let data = serde_json::json!({"y": "Y", "liste": [{"x": "a"}, {"x": "b"}]});
        let out = hb.render("kapitel-2", &data).unwrap();
        let parts: Vec<&str> = out.split('<').skip(1).collect();
        assert_eq!(parts.len(), 2, "{out}");
        for (i, part) in parts.iter().enumerate() {
            let (teil, partial) = part.trim_end_matches('>').split_once('|').unwrap();
            assert_eq!(teil, partial);
            assert!(teil.ends_with(&format!("/Y/{i}")), "{teil}");
        }
    }

    #[test]
    fn teil_in_a_circle_is_an_error_not_a_crash() {
        let eins = vorlage("typst/kapitel-1.typ.hbs", "{{teil \"kapitel-2\"}}");
        let zwei = vorlage("typst/kapitel-2.typ.hbs", "{{teil \"kapitel-1\"}}");
        let selbst = vorlage("typst/kapitel-3.typ.hbs", "{{teil \"kapitel-3\"}}");
        let gut = vorlage("typst/anhang.typ.hbs", "{{teil \"titelseite\"}}");
        let titel = vorlage("typst/titelseite.typ.hbs", "Titel");
        let hb =
            registry_with(TYPST, |s| s.to_string(), &[eins, zwei, selbst, gut, titel]).unwrap();
        let e = hb.render("kapitel-1", &serde_json::json!({})).unwrap_err();
        assert!(e.to_string().contains("gegenseitig"), "{e}");
        let e = hb.render("kapitel-3", &serde_json::json!({})).unwrap_err();
        assert!(e.to_string().contains("bindet sich selbst ein"), "{e}");
        // The depth count is back at zero after the errors.
        let out = hb.render("anhang", &serde_json::json!({})).unwrap();
        assert!(out.ends_with("Titel"), "{out}");
    }

    #[test]
    fn teil_with_an_unknown_name_names_file_and_line() {
        let o = vorlage("typst/kapitel-1.typ.hbs", "= A\n{{teil \"kapitel-9\"}}\n");
        let hb = registry_with(TYPST, |s| s.to_string(), std::slice::from_ref(&o)).unwrap();
        let e = hb.render("kapitel-1", &serde_json::json!({})).unwrap_err();
        let e = TemplateError::from_render_in(&e, TYPST, &[o]);
        assert_eq!(e.file, "vorlagen/typst/kapitel-1.typ.hbs");
        assert_eq!(e.line, Some(2), "{e}");
        assert!(
            e.message.contains("den Teil „kapitel-9“ gibt es nicht"),
            "{e}"
        );
    }

    #[test]
    fn parsed_registries_are_reused_only_for_the_same_templates() {
        fn upper(s: &str) -> String {
            s.to_uppercase()
        }
        let render = |hb: &Handlebars<'static>| {
            hb.render("kapitel-1", &serde_json::json!({"x": "klein"}))
                .unwrap()
        };
        let eins = vorlage("typst/kapitel-1.typ.hbs", "Eins {{x}}\n");
        let zwei = vorlage("typst/kapitel-1.typ.hbs", "Zwei {{x}}\n");
        let a = registry_with(TYPST, upper, std::slice::from_ref(&eins)).unwrap();
        assert!(render(&a).ends_with("Eins KLEIN\n"), "{}", render(&a));
        // The same again comes from the cache and renders the same.
        let b = registry_with(TYPST, upper, std::slice::from_ref(&eins)).unwrap();
        assert_eq!(render(&a), render(&b));
        // A changed override text, or another escape function, is parsed anew.
        let c = registry_with(TYPST, upper, &[zwei]).unwrap();
        assert!(render(&c).ends_with("Zwei KLEIN\n"), "{}", render(&c));
        let d = registry_with(TYPST, |s| s.to_string(), &[eins]).unwrap();
        assert!(render(&d).ends_with("Eins klein\n"), "{}", render(&d));
        // Helpers registered on a copy do not reach the cached registry.
        let mut e = registry_with(TYPST, upper, &[]).unwrap();
        e.register_helper(
            "nur-hier",
            Box::new(
                |_: &handlebars::Helper,
                 _: &Handlebars,
                 _: &Context,
                 _: &mut RenderContext,
                 _: &mut dyn Output|
                 -> HelperResult { Ok(()) },
            ),
        );
        let f = registry_with(TYPST, upper, &[]).unwrap();
        let probe = "{{nur-hier}}";
        assert!(e.render_template(probe, &serde_json::json!({})).is_ok());
        assert!(f.render_template(probe, &serde_json::json!({})).is_err());
    }

    #[test]
    fn a_broken_override_names_file_and_line() {
        let o = vorlage(
            "typst/kapitel-2.typ.hbs",
            "// Vorlage: x\n= B\n\n{{#if meta.titel}}\nText\n",
        );
        let e = registry_with(TYPST, |s| s.to_string(), std::slice::from_ref(&o)).unwrap_err();
        assert_eq!(e.file, "vorlagen/typst/kapitel-2.typ.hbs");
        assert!(e.line.is_some(), "{e}");
        assert!(e.to_string().contains("Zeile"), "{e}");
        let (line, _) = check_syntax(&o.text).unwrap_err();
        assert!(line.is_some());
    }

    #[test]
    fn a_misspelt_field_in_a_helper_is_an_error() {
        let mut hb = registry(&[], |s| s.to_string()).unwrap();
        hb.register_template_string("t", "{{geld kostn}}").unwrap();
        let e = hb
            .render("t", &serde_json::json!({"kosten": 1}))
            .unwrap_err();
        assert!(e.to_string().contains("„kostn“ gibt es nicht"), "{e}");
    }
}
