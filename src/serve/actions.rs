//! The POST handlers: upload a workbook, build the concept, renew a link.
//! Each first checks the link, then that the request comes from a page of
//! this server (`guard::same_site`), then does its work off the async
//! threads; with `Accept: application/json` the answer is JSON.

use crate::diag::{Diagnostic, Diagnostics, Location, Severity};
use crate::serve::access::Role;
use crate::serve::pages::{blocking, not_found_page, render_page, role_and_field};
use crate::serve::state::{App, BuildState, Field};
use crate::serve::{guard, store, views};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::sync::Arc;

type Shared = State<Arc<App>>;

pub(super) fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"))
}

pub(super) fn json_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The answer to a refused request, as a page or as JSON (one diagnostic).
pub(super) fn refuse(
    status: StatusCode,
    json: bool,
    titel: &str,
    text: &str,
    back: Option<&str>,
) -> Response {
    if json {
        let d = Diagnostic::new(Severity::Error, Location::default(), text.to_string());
        let body = serde_json::to_string_pretty(&[d]).unwrap_or_default() + "\n";
        return json_response(status, body);
    }
    (status, Html(views::notice(titel, text, back))).into_response()
}

pub(super) fn cross_site(json: bool) -> Response {
    refuse(
        StatusCode::FORBIDDEN,
        json,
        "Anfrage abgelehnt",
        "Diese Anfrage kam nicht von einer Seite dieses Servers und wurde deshalb nicht ausgeführt. Bitte die Seite über Ihren Link öffnen und dort noch einmal versuchen.",
        None,
    )
}

pub async fn upload(
    state: Shared,
    UrlPath(token): UrlPath<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    upload_impl(state, token, None, headers, multipart).await
}

pub async fn upload_for(
    state: Shared,
    UrlPath((token, kurz)): UrlPath<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    upload_impl(state, token, Some(kurz), headers, multipart).await
}

/// The name the file had on the uploader's computer, only to be shown:
/// without folders and control characters, at most 120 characters.
pub fn shown_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = last.chars().filter(|c| !c.is_control()).take(120).collect();
    if clean.trim().is_empty() {
        "(ohne Namen)".into()
    } else {
        clean
    }
}

/// Reads the field `datei` of the form: (shown name, bytes), or the German
/// reason and status why not.
async fn read_file(
    multipart: Result<Multipart, MultipartRejection>,
    limit_mb: usize,
) -> Result<(String, Vec<u8>), (StatusCode, String)> {
    let too_big = || {
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Die Datei ist zu groß: höchstens {limit_mb} MB. Bitte Bilder und nicht benötigte Blätter aus der Arbeitsmappe entfernen und erneut hochladen."),
        )
    };
    let unreadable = || {
        (
            StatusCode::BAD_REQUEST,
            "Es kam keine Datei an. Bitte eine Arbeitsmappe auswählen und auf „Hochladen und prüfen“ klicken.".to_string(),
        )
    };
    let mut multipart = multipart.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_big()
        } else {
            unreadable()
        }
    })?;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => return Err(unreadable()),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_big()),
            Err(_) => return Err(unreadable()),
        };
        if field.name() != Some("datei") {
            continue;
        }
        let name = shown_name(field.file_name().unwrap_or(""));
        let bytes = field.bytes().await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_big()
            } else {
                unreadable()
            }
        })?;
        if bytes.is_empty() {
            return Err((
                StatusCode::BAD_REQUEST,
                format!(
                    "Die Datei „{name}“ ist leer. Bitte die gespeicherte Arbeitsmappe auswählen."
                ),
            ));
        }
        if bytes.len() > limit_mb * 1024 * 1024 {
            return Err(too_big());
        }
        return Ok((name, bytes.to_vec()));
    }
}

/// An uploaded file that passed the guards every upload passes, with the
/// link's page and the server's address for the answer.
pub(super) struct Received {
    pub name: String,
    pub bytes: Vec<u8>,
    pub base: String,
    pub origin: String,
}

/// The guards of every upload through `token`'s link: a request from the
/// same site, at most `uploads_per_minute` per link, at most `upload_limit`
/// bytes. A refusal is logged under `action` and answered (page or JSON).
pub(super) async fn receive(
    app: &App,
    role: &Role,
    action: &str,
    token: &str,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Received, Response> {
    let json = wants_json(headers);
    if !guard::same_site(headers) {
        let why = "abgelehnt: Anfrage von einer fremden Seite";
        store::log(&app.root, role, action, "", None, why);
        return Err(cross_site(json));
    }
    let base = format!("/{token}/");
    if !app.allow_upload(role) {
        return Err(refuse(
            StatusCode::TOO_MANY_REQUESTS,
            json,
            "Zu viele Uploads",
            &format!("Über diesen Link wurden in der letzten Minute schon {} Dateien hochgeladen. Bitte eine Minute warten und dann erneut hochladen.", app.options.uploads_per_minute),
            Some(&base),
        ));
    }
    let (name, bytes) = match read_file(multipart, app.options.upload_limit / 1024 / 1024).await {
        Ok(f) => f,
        Err((status, text)) => {
            store::log(
                &app.root,
                role,
                action,
                "",
                None,
                &format!("abgelehnt: {text}"),
            );
            return Err(refuse(
                status,
                json,
                "Nicht hochgeladen",
                &text,
                Some(&base),
            ));
        }
    };
    let origin = guard::base_url(headers, app.options.tls);
    Ok(Received {
        name,
        bytes,
        base,
        origin,
    })
}

async fn upload_impl(
    State(app): Shared,
    token: String,
    kurz: Option<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let json = wants_json(&headers);
    let (role, field) = match role_and_field(&app, &token, kurz.as_deref()) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Received {
        name,
        bytes,
        base,
        origin,
    } = match receive(&app, &role, "hochladen", &token, &headers, multipart).await {
        Ok(r) => r,
        Err(r) => return r,
    };
    let _writing = app.writing.lock().await;
    let app2 = app.clone();
    let done =
        blocking(move || store_upload(&app2, &role, &field, &name, &bytes, &base, &origin, json))
            .await;
    match done {
        Ok(r) => r,
        Err(r) => r,
    }
}

/// Checks an upload with the guards of `konzept check`, puts it in place
/// and answers with its problems.
#[allow(clippy::too_many_arguments)]
fn store_upload(
    app: &App,
    role: &Role,
    field: &Field,
    name: &str,
    bytes: &[u8],
    base: &str,
    origin: &str,
    json: bool,
) -> Response {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let reject = |text: String, hint: Option<String>| {
        store::log(
            &app.root,
            role,
            "hochladen",
            name,
            Some(bytes),
            &format!("abgelehnt: {text}"),
        );
        let full = match &hint {
            Some(h) => format!("{text}. {}", capitalised(h)),
            None => text.clone(),
        };
        if json {
            let d =
                Diagnostic::new(Severity::Error, Location::file(name), text).with_hint_opt(hint);
            return json_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::to_string_pretty(&[d]).unwrap_or_default() + "\n",
            );
        }
        let ergebnis = views::result_box(false, &format!("„{name}“ wurde nicht übernommen"), &full);
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(render_page(app, role, base, origin, Some(ergebnis))),
        )
            .into_response()
    };
    if !views::WORKBOOK_EXTS.contains(&ext.as_str()) {
        return reject(
            format!("„{name}“ ist keine Arbeitsmappe"),
            Some("eine Excel-Datei (.xlsx, .xls) oder LibreOffice-Datei (.ods) hochladen".into()),
        );
    }
    // The same guards as `konzept check`: zip bombs, encrypted, truncated,
    // wrong type. Nothing is stored that check would refuse to read.
    if let Err(d) = crate::input::workbook::read_workbook_bytes(bytes.to_vec(), &ext, name) {
        return reject(d.message.clone(), d.hint.clone());
    }
    let before = crate::pipeline::check(&app.root);
    let previous = views::current_files(app, field, Some(&before));
    let target = app.workbooks.join(format!("{}.{ext}", field.stem()));
    if let Err(e) = store::replace(&target, &previous, bytes) {
        return reject(
            format!("die Arbeitsmappe kann auf dem Server nicht gespeichert werden ({e})"),
            Some(
                "bitte der Koordination melden: der Server braucht Schreibrechte im Projektordner"
                    .into(),
            ),
        );
    }
    let checked = crate::pipeline::check(&app.root);
    let file = views::relative(&app.root, &target);
    let mut mine = Diagnostics::new();
    for d in checked
        .diagnostics
        .iter()
        .filter(|d| d.location.file.as_deref() == Some(file.as_str()))
    {
        mine.push(d.clone());
    }
    let counts =
        crate::annotate::counts(mine.count(Severity::Error), mine.count(Severity::Warning));
    store::log(
        &app.root,
        role,
        "hochladen",
        name,
        Some(bytes),
        &format!("gespeichert: {counts}"),
    );
    if json {
        return json_response(StatusCode::OK, mine.render_json());
    }
    let gut = !mine.has_errors();
    let text = if mine.is_empty() {
        "Die Arbeitsmappe ist gespeichert und ohne Meldungen. Vielen Dank!".to_string()
    } else {
        format!("Die Arbeitsmappe ist gespeichert. Sie hat {counts}: die Liste unten nennt Blatt und Zelle. Bitte korrigieren und die Mappe erneut hochladen.")
    };
    let ergebnis = views::result_box(gut, &format!("„{name}“ ist angekommen"), &text);
    let html = match role {
        Role::Koordination => views::coordination_page(app, &checked, base, origin, Some(ergebnis)),
        Role::Feld(_) => views::group_page(app, field, &checked, base, Some(ergebnis)),
    };
    Html(html).into_response()
}

pub(super) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => {
            f.to_uppercase().chain(c).collect::<String>() + if s.ends_with('.') { "" } else { "." }
        }
        None => String::new(),
    }
}

/// Builds the concept now (one build at a time) and keeps the result and
/// the preview of the first pages in the state.
pub fn build_now(app: &App) -> BuildState {
    let opts = crate::pipeline::BuildOptions {
        time_limit: app.options.time_limit,
        ..Default::default()
    };
    let report = crate::pipeline::build(&app.root, &opts);
    let dateien: Vec<(String, String)> = report
        .written
        .iter()
        .filter_map(|(p, what)| Some((p.file_name()?.to_string_lossy().into_owned(), what.clone())))
        .collect();
    let erfolg = !report.diagnostics.has_errors();
    if erfolg {
        if let Ok(mut p) = app.preview.lock() {
            *p =
                crate::pipeline::preview_pages(&app.root, &opts, PREVIEW_PAGES).unwrap_or_default();
        }
    }
    let state = BuildState::Fertig {
        zeit: store::now_utc().format("%d.%m.%Y %H:%M").to_string(),
        dateien,
        meldungen: report.diagnostics.sorted().into_iter().cloned().collect(),
        erfolg,
    };
    if let Ok(mut s) = app.build.lock() {
        *s = state.clone();
    }
    state
}

/// How many pages the preview shows.
const PREVIEW_PAGES: usize = 4;

pub async fn build(
    State(app): Shared,
    UrlPath(token): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let json = wants_json(&headers);
    if app.role_of(&token) != Some(Role::Koordination) {
        return not_found_page();
    }
    if !guard::same_site(&headers) {
        return cross_site(json);
    }
    if json {
        let _one = app.building.clone().lock_owned().await;
        let app2 = app.clone();
        let state = match blocking(move || build_now(&app2)).await {
            Ok(s) => s,
            Err(r) => return r,
        };
        store::log(
            &app.root,
            &Role::Koordination,
            "erstellen",
            "",
            None,
            &build_summary(&state),
        );
        return build_answer(state);
    }
    // In the browser: start the build and show the page, which reloads
    // itself while the build runs (no script needed).
    if let Ok(one) = app.building.clone().try_lock_owned() {
        if let Ok(mut s) = app.build.lock() {
            *s = BuildState::Laeuft {
                seit: std::time::Instant::now(),
            };
        }
        let app2 = app.clone();
        tokio::spawn(async move {
            let app3 = app2.clone();
            let state = tokio::task::spawn_blocking(move || build_now(&app3)).await;
            let summary = match &state {
                Ok(s) => build_summary(s),
                Err(_) => {
                    if let Ok(mut s) = app2.build.lock() {
                        *s = BuildState::Fertig {
                            zeit: String::new(),
                            dateien: Vec::new(),
                            meldungen: Vec::new(),
                            erfolg: false,
                        };
                    }
                    "abgebrochen (interner Fehler)".into()
                }
            };
            store::log(
                &app2.root,
                &Role::Koordination,
                "erstellen",
                "",
                None,
                &summary,
            );
            drop(one);
        });
    }
    // No fragment: the page's refresh must load it anew.
    Redirect::to(&format!("/{token}/")).into_response()
}

pub(super) fn build_summary(state: &BuildState) -> String {
    match state {
        BuildState::Fertig {
            dateien,
            erfolg: true,
            ..
        } => format!("{} Dateien geschrieben", dateien.len()),
        BuildState::Fertig { meldungen, .. } => format!(
            "kein Dokument: {} Fehler",
            meldungen
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
        ),
        _ => String::new(),
    }
}

pub async fn renew(
    State(app): Shared,
    UrlPath((token, kurz)): UrlPath<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if app.role_of(&token) != Some(Role::Koordination) {
        return not_found_page();
    }
    let Some(field) = app.field(&kurz).cloned() else {
        return not_found_page();
    };
    if !guard::same_site(&headers) {
        return cross_site(false);
    }
    let role = field.role();
    let renewed = app
        .access
        .lock()
        .map_err(|_| "interner Fehler".to_string())
        .and_then(|mut a| a.renew(&role));
    let base = format!("/{token}/");
    let ergebnis = match renewed {
        Ok(()) => {
            store::log(
                &app.root,
                &Role::Koordination,
                "erneuert",
                "",
                None,
                &format!("neuer Link für {}", role.label()),
            );
            views::result_box(true, "Link erneuert", &format!("Die Arbeitsgruppe „{}“ hat einen neuen Link (unten unter „Zugänge“); der alte gilt nicht mehr. Bitte den neuen Link der Arbeitsgruppe schicken.", field.name))
        }
        Err(e) => views::result_box(false, "Link nicht erneuert", &e),
    };
    let origin = guard::base_url(&headers, app.options.tls);
    match blocking(move || render_page(&app, &Role::Koordination, &base, &origin, Some(ergebnis)))
        .await
    {
        Ok(html) => Html(html).into_response(),
        Err(r) => r,
    }
}

/// The JSON answer to a finished build: the files written, or the problems.
pub(super) fn build_answer(state: BuildState) -> Response {
    match state {
        BuildState::Fertig {
            dateien,
            erfolg: true,
            ..
        } => {
            let names: Vec<&String> = dateien.iter().map(|(n, _)| n).collect();
            json_response(
                StatusCode::OK,
                serde_json::to_string_pretty(&names).unwrap_or_default() + "\n",
            )
        }
        BuildState::Fertig { meldungen, .. } => json_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            serde_json::to_string_pretty(&meldungen).unwrap_or_default() + "\n",
        ),
        _ => json_response(StatusCode::INTERNAL_SERVER_ERROR, "[]\n".into()),
    }
}
