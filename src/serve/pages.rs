//! The GET handlers: the pages of both roles, `status.json` and the
//! downloads (blank form, annotated copy, built documents, preview pages).
//! Nothing in a request names a path on disk: a file is chosen by the link's
//! role, a field's short name or a plain file name looked up in the output
//! folder.

use crate::serve::access::Role;
use crate::serve::state::{App, Field};
use crate::serve::{guard, views};
use axum::extract::{Path as UrlPath, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use std::path::{Path, PathBuf};
use std::sync::Arc;

type Shared = State<Arc<App>>;

pub async fn root() -> Response {
    Html(views::notice(
        "Zugang nur über Ihren persönlichen Link",
        "Diese Seite erreichen Sie über den Link, den Ihnen die Koordination des Integrationskonzepts geschickt hat.",
        None,
    ))
    .into_response()
}

pub async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        views::STYLE,
    )
        .into_response()
}

pub async fn not_found() -> Response {
    not_found_page()
}

/// 404 for every wrong, renewed or mistyped link: says nothing about
/// whether a link existed.
pub fn not_found_page() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(views::notice(
            "Seite nicht gefunden",
            "Diesen Link gibt es nicht (mehr). Bitte prüfen Sie, ob er vollständig kopiert wurde; wurde er erneuert, erhalten Sie den neuen von der Koordination.",
            None,
        )),
    )
        .into_response()
}

/// The role of a link, or the 404 answer.
pub fn who(app: &App, token: &str) -> Result<Role, Response> {
    app.role_of(token).ok_or_else(not_found_page)
}

/// The field a request is about: a group's own, or for the Koordination
/// the one named in the path.
pub fn field_of<'a>(app: &'a App, role: &Role, kurz: Option<&str>) -> Result<&'a Field, Response> {
    match (role, kurz) {
        (Role::Feld(own), None) => app.field(own).ok_or_else(not_found_page),
        (Role::Koordination, Some(k)) => app.field(k).ok_or_else(not_found_page),
        _ => Err(not_found_page()),
    }
}

/// Who `token` is and the field the request is about: a group's own, or
/// the one `kurz` names for the Koordination; the 404 page otherwise.
pub fn role_and_field(
    app: &App,
    token: &str,
    kurz: Option<&str>,
) -> Result<(Role, Field), Response> {
    let role = who(app, token)?;
    let field = field_of(app, &role, kurz)?.clone();
    Ok((role, field))
}

/// Runs blocking work (reading workbooks, Typst) off the async threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(f).await.map_err(|_| {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            Html(views::notice(
                "Interner Fehler",
                "Die Anfrage konnte nicht bearbeitet werden. Bitte noch einmal versuchen; bleibt der Fehler, der Koordination melden.",
                None,
            )),
        )
            .into_response()
    })
}

pub async fn page(
    State(app): Shared,
    UrlPath(token): UrlPath<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let still = query.is_some_and(|q| q.split('&').any(|p| p == "still"));
    let role = match who(&app, &token) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let origin = guard::base_url(&headers, app.options.tls);
    let base = format!("/{token}/");
    let render = move || {
        if still && role == Role::Koordination {
            let checked = crate::pipeline::check(&app.root);
            views::coordination_page_with(&app, &checked, &base, &origin, None, false)
        } else {
            render_page(&app, &role, &base, &origin, None)
        }
    };
    match blocking(render).await {
        Ok(html) => Html(html).into_response(),
        Err(r) => r,
    }
}

/// The page of `role` after a fresh check of the project.
pub fn render_page(
    app: &App,
    role: &Role,
    base: &str,
    origin: &str,
    ergebnis: Option<serde_json::Value>,
) -> String {
    let checked = crate::pipeline::check(&app.root);
    match role {
        Role::Koordination => views::coordination_page(app, &checked, base, origin, ergebnis),
        Role::Feld(k) => match app.field(k) {
            Some(f) => views::group_page(app, f, &checked, base, ergebnis),
            None => views::notice(
                "Seite nicht gefunden",
                "Dieses Handlungsfeld gibt es nicht mehr.",
                None,
            ),
        },
    }
}

pub async fn status_json(State(app): Shared, UrlPath(token): UrlPath<String>) -> Response {
    let role = match who(&app, &token) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let json = blocking(move || {
        let checked = crate::pipeline::check(&app.root);
        let overview = crate::status::overview(&checked)?;
        let round = views::round::status_json(&app, &role);
        let text = match &role {
            Role::Koordination => crate::status::render_json(&overview),
            // A group sees only its own line.
            Role::Feld(k) => {
                let line = overview.felder.iter().find(|z| z.kurz == *k);
                serde_json::to_string_pretty(&line).unwrap_or_default()
            }
        };
        // The report round, when there is one, under `sachstand`.
        Some(match round {
            Some(r) => {
                let mut v: serde_json::Value = serde_json::from_str(&text).ok()?;
                v["sachstand"] = r;
                serde_json::to_string_pretty(&v).unwrap_or_default()
            }
            None => text,
        })
    })
    .await;
    match json {
        Ok(Some(text)) => ([(header::CONTENT_TYPE, "application/json")], text + "\n").into_response(),
        Ok(None) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            [(header::CONTENT_TYPE, "application/json")],
            "{\"fehler\": \"Das Projekt kann nicht gelesen werden; die Meldungen zeigt konzept check.\"}\n",
        )
            .into_response(),
        Err(r) => r,
    }
}

/// A download with a file name (non-ASCII names as RFC 5987 `filename*`).
pub fn download(bytes: Vec<u8>, name: &str, mime: &'static str) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut response = ([(header::CONTENT_TYPE, mime)], bytes).into_response();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn failed(text: &str, back: &str) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(views::notice("Das ging nicht", text, Some(back))),
    )
        .into_response()
}

pub async fn form(state: Shared, UrlPath(token): UrlPath<String>) -> Response {
    form_impl(state, token, None).await
}

pub async fn form_for(
    state: Shared,
    UrlPath((token, kurz)): UrlPath<(String, String)>,
) -> Response {
    form_impl(state, token, Some(kurz)).await
}

/// The field's blank form, made as `konzept workbooks --refresh` makes it.
async fn form_impl(State(app): Shared, token: String, kurz: Option<String>) -> Response {
    let (_, field) = match role_and_field(&app, &token, kurz.as_deref()) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let root = app.root.clone();
    let name = field.file.clone();
    let made = blocking(move || {
        let dir = tempfile::tempdir().ok()?;
        let done = crate::new::refresh_forms(&root, Some(&dir.path().join("f")));
        std::fs::read(dir.path().join("f").join(&field.file))
            .ok()
            .or_else(|| {
                eprintln!(
                    "warnung: Formular „{}“: {}",
                    field.file,
                    done.diagnostics.render_text()
                );
                None
            })
    })
    .await;
    match made {
        Ok(Some(bytes)) => download(bytes, &name, XLSX),
        Ok(None) => failed(
            "Das Formular kann gerade nicht erstellt werden, weil die konzept.toml oder die Steuerungsmappe Fehler hat. Bitte der Koordination melden.",
            &format!("/{token}/"),
        ),
        Err(r) => r,
    }
}

pub async fn workbook(state: Shared, UrlPath(token): UrlPath<String>) -> Response {
    workbook_impl(state, token, None).await
}

pub async fn workbook_for(
    state: Shared,
    UrlPath((token, kurz)): UrlPath<(String, String)>,
) -> Response {
    workbook_impl(state, token, Some(kurz)).await
}

/// The field's current workbook as it was uploaded last.
async fn workbook_impl(State(app): Shared, token: String, kurz: Option<String>) -> Response {
    let (_, field) = match role_and_field(&app, &token, kurz.as_deref()) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let file = blocking(move || {
        let path = views::current_files(&app, &field, None)
            .into_iter()
            .next()?;
        let name = path.file_name()?.to_string_lossy().into_owned();
        Some((name, std::fs::read(&path).ok()?))
    })
    .await;
    match file {
        Ok(Some((name, bytes))) => {
            let mime = match name
                .rsplit_once('.')
                .map(|(_, e)| e.to_lowercase())
                .as_deref()
            {
                Some("ods") => "application/vnd.oasis.opendocument.spreadsheet",
                Some("xls") => "application/vnd.ms-excel",
                Some("xlsx") => XLSX,
                _ => "application/octet-stream",
            };
            download(bytes, &name, mime)
        }
        Ok(None) => not_found_page(),
        Err(r) => r,
    }
}

pub async fn annotated(state: Shared, UrlPath(token): UrlPath<String>) -> Response {
    annotated_impl(state, token, None).await
}

pub async fn annotated_for(
    state: Shared,
    UrlPath((token, kurz)): UrlPath<(String, String)>,
) -> Response {
    annotated_impl(state, token, Some(kurz)).await
}

/// The field's workbook with its problems marked (`check --annotate`).
async fn annotated_impl(State(app): Shared, token: String, kurz: Option<String>) -> Response {
    let (_, field) = match role_and_field(&app, &token, kurz.as_deref()) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let app2 = app.clone();
    let made = blocking(move || annotated_copy(&app2, &field)).await;
    match made {
        Ok(Some((name, bytes))) => download(bytes, &name, XLSX),
        Ok(None) => failed(
            "Zu dieser Arbeitsmappe gibt es keine Meldungen – oder noch keine Arbeitsmappe –, also auch keine kommentierte Kopie.",
            &format!("/{token}/"),
        ),
        Err(r) => r,
    }
}

fn annotated_copy(app: &App, field: &Field) -> Option<(String, Vec<u8>)> {
    let checked = crate::pipeline::check(&app.root);
    let file = views::current_files(app, field, Some(&checked))
        .first()
        .map(|p| views::relative(&app.root, p))?;
    annotated_copy_of(
        &app.root,
        checked.config.as_ref(),
        &checked.diagnostics,
        &file,
    )
}

/// The workbook `file` (relative to the project) with the problems of
/// `diagnostics` that are in it marked, as `check --annotate` marks it: its
/// name and bytes; `None` when it has no problems or cannot be read.
pub fn annotated_copy_of(
    root: &Path,
    config: Option<&crate::config::Config>,
    diagnostics: &crate::diag::Diagnostics,
    file: &str,
) -> Option<(String, Vec<u8>)> {
    let mut only = crate::diag::Diagnostics::new();
    for d in diagnostics
        .iter()
        .filter(|d| d.location.file.as_deref() == Some(file))
    {
        only.push(d.clone());
    }
    let dir = tempfile::tempdir().ok()?;
    let report = crate::annotate::annotate(root, config, &only, dir.path());
    let copy = report.written.first()?.copy.clone();
    let name = copy.file_name()?.to_string_lossy().into_owned();
    Some((name, std::fs::read(&copy).ok()?))
}

/// The output folder of the project (`[ausgabe] verzeichnis`).
pub fn output_dir(app: &App) -> Option<PathBuf> {
    Some(app.output.clone())
}

/// A plain file name: no folder, nothing hidden.
pub fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0', ':'])
        && name.len() <= 200
}

pub async fn output(
    State(app): Shared,
    UrlPath((token, datei)): UrlPath<(String, String)>,
) -> Response {
    if app.role_of(&token) != Some(Role::Koordination) {
        return not_found_page();
    }
    let ext = datei
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let mime = match ext.as_str() {
        "pdf" => crate::render::oparl::PDF,
        "docx" => crate::render::oparl::DOCX,
        "odt" => crate::render::oparl::ODT,
        "json" => "application/json",
        _ => return not_found_page(),
    };
    if !plain_name(&datei) {
        return not_found_page();
    }
    let bytes = blocking(move || {
        let dir = output_dir(&app)?;
        let path: PathBuf = dir.join(&datei);
        path.is_file()
            .then(|| std::fs::read(path).ok())
            .flatten()
            .map(|b| (b, datei))
    })
    .await;
    match bytes {
        Ok(Some((b, name))) => download(b, &name, mime),
        Ok(None) => not_found_page(),
        Err(r) => r,
    }
}

pub async fn preview(
    State(app): Shared,
    UrlPath((token, datei)): UrlPath<(String, String)>,
) -> Response {
    if app.role_of(&token) != Some(Role::Koordination) {
        return not_found_page();
    }
    let n: Option<usize> = datei.strip_suffix(".png").and_then(|n| n.parse().ok());
    let png = n.and_then(|n| {
        let pages = app.preview.lock().ok()?;
        pages.get(n.checked_sub(1)?).cloned()
    });
    match png {
        Some(bytes) => ([(header::CONTENT_TYPE, "image/png")], bytes).into_response(),
        None => not_found_page(),
    }
}
