//! The helpers every format has (`geld`, `datum`, `zahl`, `join`, `teil`, …)
//! and the building blocks for a format's own helpers.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde_json::Value;

/// The helpers every format has. Value-returning helpers go through the
/// format's escape function like any `{{x}}`, so they are safe anywhere a
/// field is; only `join` writes itself (each item escaped).
pub(super) fn register_common(hb: &mut Handlebars<'static>) {
    hb.register_helper("punkt", Box::new(punkt));
    hb.register_helper("geld", value_helper(geld));
    hb.register_helper("datum", value_helper(datum));
    hb.register_helper("zahl", value_helper(zahl));
    hb.register_helper("prozent", value_helper(prozent));
    hb.register_helper("plural", value_helper(plural));
    hb.register_helper("zahlwort", value_helper(zahlwort));
    hb.register_helper("nennt", value_helper(nennt));
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

/// `{{zahlwort n}}`: „sieben“ for 7, „19“ for 19 – two to twelve as words,
/// as German running text writes counts; `n` may be a list (its length).
fn zahlwort(h: &Helper) -> Result<Value, String> {
    let n = match need(h, 0, "die Anzahl")? {
        Value::Array(a) => a.len() as f64,
        other => number_of(other)?.unwrap_or(0.0),
    };
    Ok(Value::String(if n >= 0.0 && n.fract() == 0.0 {
        crate::text::zahlwort(n as usize)
    } else {
        crate::input::values::format_number(n, 6)
    }))
}

/// `{{#unless (nennt texte.auftrag meta.verantwortlich)}}…{{/unless}}`: true
/// when the text (a field text or a Markdown text of the model) already names
/// every further parameter – compared as names are (case, spaces and
/// punctuation folded), so a generated sentence need not repeat what the
/// working group wrote.
fn nennt(h: &Helper) -> Result<Value, String> {
    fn collect(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push_str(s);
                out.push(' ');
            }
            Value::Number(n) => out.push_str(&format!("{n} ")),
            Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            Value::Object(o) => o.values().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    let mut text = String::new();
    collect(opt_param(h, 0)?, &mut text);
    let text = crate::text::normalize(&text);
    let mut i = 1;
    let mut alle = true;
    while h.param(i).is_some() {
        let mut wert = String::new();
        collect(opt_param(h, i)?, &mut wert);
        let wert = crate::text::normalize(&wert);
        alle &= !wert.is_empty() && text.contains(&wert);
        i += 1;
    }
    Ok(Value::Bool(i > 1 && alle))
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
