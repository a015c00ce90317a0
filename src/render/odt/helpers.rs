//! The Handlebars helpers of the ODT: the same names and parameters as the
//! DOCX's (so a template author learns them once), writing ODF text markup
//! and collecting what the other parts need in the shared [`State`].

use super::escape::spans;
use super::params::{first, hash_str, run_style, value_text};
use super::state::{lock, Shared, State};
use super::{pictures, rich_text, tables, toc};
use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
    Renderable, StringOutput,
};
use serde_json::Value;

type Simple = dyn Fn(&Helper, &mut State) -> Result<String, String> + Send + Sync;

/// A helper that writes finished markup computed from its parameters and the
/// shared state.
fn simple(state: &Shared, f: Box<Simple>) -> Box<dyn handlebars::HelperDef + Send + Sync> {
    let state = state.clone();
    Box::new(
        move |h: &Helper,
              _: &Handlebars,
              _: &Context,
              _: &mut RenderContext,
              out: &mut dyn Output|
              -> HelperResult {
            let s = f(h, &mut lock(&state))
                .map_err(|m| RenderErrorReason::Other(format!("{}: {m}", h.name())))?;
            out.write(&s)?;
            Ok(())
        },
    )
}

type Around = dyn Fn(&Helper, &mut State, Option<&str>) -> Result<String, String> + Send + Sync;

/// A block helper: `f(…, None)` gives the opening markup, then the block is
/// rendered, then `f(…, Some(inner))` gives the closing markup.
struct BlockHelper {
    state: Shared,
    f: Box<Around>,
}

impl handlebars::HelperDef for BlockHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let err = |m: String| RenderErrorReason::Other(format!("{}: {m}", h.name()));
        let open = (self.f)(h, &mut lock(&self.state), None).map_err(err)?;
        let mut inner = StringOutput::new();
        if let Some(t) = h.template() {
            t.render(r, ctx, rc, &mut inner)?;
        }
        let inner = inner
            .into_string()
            .map_err(|e| RenderErrorReason::Other(e.to_string()))?;
        let close = (self.f)(h, &mut lock(&self.state), Some(&inner)).map_err(err)?;
        let pairs = std::mem::take(&mut lock(&self.state).ersetzen);
        let (open, inner) = crate::render::shared::markers::fill_block(pairs, &open, &inner);
        out.write(&open)?;
        out.write(&inner)?;
        out.write(&close)?;
        Ok(())
    }
}

fn block(state: &Shared, f: Box<Around>) -> Box<dyn handlebars::HelperDef + Send + Sync> {
    Box::new(BlockHelper {
        state: state.clone(),
        f,
    })
}

handlebars::handlebars_helper!(ConcatHelper: |*args| {
    // `(concat "Kennzahlen – " name)`: the texts of the arguments joined.
    Value::String(args.iter().map(|a| value_text(a)).collect())
});

handlebars::handlebars_helper!(WertHelper: |text: Value, einheit: Value| {
    // A value with its unit, as the PDF prints it: "12,5 %" stays, other
    // units follow after a space ("1.234 Personen").
    let t = value_text(&text);
    let e = value_text(&einheit);
    Value::String(if e.is_empty() || e == "%" { t } else { format!("{t}\u{a0}{e}") })
});

handlebars::handlebars_helper!(JahreHelper: |v: Value| {
    // The `jahr` of each element: column labels from `finanzen.jahre`.
    Value::Array(
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.get("jahr").cloned()).collect())
            .unwrap_or_default(),
    )
});

/// Registers the ODT helpers; they share `state` while the body renders.
pub(super) fn register_helpers(hb: &mut Handlebars<'static>, state: &Shared) {
    hb.register_helper("jahre", Box::new(JahreHelper));
    hb.register_helper("concat", Box::new(ConcatHelper));
    hb.register_helper("wert", Box::new(WertHelper));
    hb.register_helper(
        "runs",
        simple(
            state,
            Box::new(|h, _| Ok(spans(&value_text(&first(h)), run_style(h)))),
        ),
    );
    hb.register_helper("absatz", simple(state, Box::new(paragraph)));
    hb.register_helper("hinweis", simple(state, Box::new(note)));
    hb.register_helper("text", simple(state, Box::new(rich_text::text)));
    hb.register_helper("ueberschrift", simple(state, Box::new(toc::heading)));
    hb.register_helper("fussnote", simple(state, Box::new(toc::footnote)));
    hb.register_helper(
        "inhaltsverzeichnis",
        simple(state, Box::new(|_, _| Ok(toc::TOC_MARKER.to_string()))),
    );
    hb.register_helper("tabelle", block(state, Box::new(tables::table)));
    hb.register_helper("zeile", block(state, Box::new(tables::row)));
    hb.register_helper("kopf", simple(state, Box::new(tables::header_row)));
    hb.register_helper("zelle", simple(state, Box::new(tables::cell)));
    hb.register_helper("zellinhalt", block(state, Box::new(tables::cell_content)));
    hb.register_helper("gruppenzeile", simple(state, Box::new(tables::group_row)));
    hb.register_helper("gantt", simple(state, Box::new(tables::gantt)));
    hb.register_helper("beschriftung", simple(state, Box::new(tables::caption)));
    hb.register_helper("logo", simple(state, Box::new(pictures::logo)));
    hb.register_helper("titelbild", simple(state, Box::new(pictures::cover)));
    hb.register_helper(
        "diagramm",
        simple(state, Box::new(|h, st| pictures::chart(&first(h), st))),
    );
}

/// `{{{absatz text [stil="…"] [fett=true] …}}}`: a paragraph of one span.
fn paragraph(h: &Helper, _: &mut State) -> Result<String, String> {
    let stil = hash_str(h, "stil").unwrap_or_else(|| "Text_20_body".into());
    Ok(format!(
        "<text:p text:style-name=\"{}\">{}</text:p>",
        crate::render::docx::escape_xml(&stil),
        spans(&value_text(&first(h)), run_style(h))
    ))
}

/// `{{{hinweis text}}}`: a note paragraph (light accent box).
fn note(h: &Helper, _: &mut State) -> Result<String, String> {
    Ok(format!(
        "<text:p text:style-name=\"Hinweis\">{}</text:p>",
        spans(&value_text(&first(h)), run_style(h))
    ))
}
