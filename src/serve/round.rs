//! The report round in `konzept serve`: when the project has a round under
//! `sachstand/<jahr>/` (`konzept report new`), a group's page offers its
//! status workbook, takes the filled-in return with the guards, history
//! and audit log of a concept workbook and shows its problems from
//! `report::check`; the Koordination sees the return board, uploads on a
//! group's behalf and builds the Sachstandsbericht with its
//! Mitteilungsvorlage (one build at a time, the lock of the concept
//! build). A return lands only in the group's own file
//! `sachstand/<jahr>/sachstand-<feld>.xlsx`: nothing in a request names a
//! path. Without a round nothing here shows.

use crate::diag::{Diagnostics, Severity};
use crate::report;
use crate::serve::access::Role;
use crate::serve::actions::{
    build_answer, build_summary, capitalised, cross_site, json_response, receive, wants_json,
    Received,
};
use crate::serve::pages::{
    annotated_copy_of, blocking, download, failed, not_found_page, render_page, role_and_field,
    XLSX,
};
use crate::serve::state::{App, BuildState, Field};
use crate::serve::views::round::{
    build_action, in_round, round_dir, running, shown, upload_action, year,
};
use crate::serve::{guard, store, views};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::sync::Arc;

type Shared = State<Arc<App>>;

// ---------------------------------------------------------------- downloads

pub async fn workbook(state: Shared, UrlPath(token): UrlPath<String>) -> Response {
    workbook_impl(state, token, None).await
}

pub async fn workbook_for(
    state: Shared,
    UrlPath((token, kurz)): UrlPath<(String, String)>,
) -> Response {
    workbook_impl(state, token, Some(kurz)).await
}

/// The field's status workbook as it is now: the form of `konzept report
/// new` or the last return.
async fn workbook_impl(State(app): Shared, token: String, kurz: Option<String>) -> Response {
    let (_, field) = match role_and_field(&app, &token, kurz.as_deref()) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some(jahr) = year(&app) else {
        return not_found_page();
    };
    let name = report::workbook_name(&field.kurz);
    let path = round_dir(&app.root, jahr).join(&name);
    match blocking(move || std::fs::read(path).ok()).await {
        Ok(Some(bytes)) => download(bytes, &name, XLSX),
        Ok(None) => (
            StatusCode::NOT_FOUND,
            Html(views::notice(
                "Keine Sachstandsmappe",
                &format!("Für Ihr Handlungsfeld liegt im Ordner „{}/{jahr}“ keine Sachstandsmappe „{name}“. Die Koordination legt sie mit „konzept report new --jahr {jahr}“ an.", report::FOLDER),
                Some(&format!("/{token}/")),
            )),
        )
            .into_response(),
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

/// The field's status workbook with its problems marked, as `konzept check
/// --annotate` marks a concept workbook.
async fn annotated_impl(State(app): Shared, token: String, kurz: Option<String>) -> Response {
    let (_, field) = match role_and_field(&app, &token, kurz.as_deref()) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some(jahr) = year(&app) else {
        return not_found_page();
    };
    let root = app.root.clone();
    let made = blocking(move || {
        let round = report::check(&root, jahr);
        let file = shown(jahr, &field.kurz);
        annotated_copy_of(&root, None, &round.diagnostics, &file)
    })
    .await;
    match made {
        Ok(Some((name, bytes))) => download(bytes, &name, XLSX),
        Ok(None) => failed(
            "Zu dieser Sachstandsmappe gibt es keine Meldungen – oder noch keine Mappe –, also auch keine kommentierte Kopie.",
            &format!("/{token}/"),
        ),
        Err(r) => r,
    }
}

// ------------------------------------------------------------------ uploads

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
    let Some(jahr) = year(&app) else {
        return not_found_page();
    };
    let action = upload_action(jahr, &role, &field.kurz);
    let Received {
        name,
        bytes,
        base,
        origin,
    } = match receive(&app, &role, &action, &token, &headers, multipart).await {
        Ok(r) => r,
        Err(r) => return r,
    };
    let _writing = app.writing.lock().await;
    let app2 = app.clone();
    let upload = Upload {
        role,
        field,
        jahr,
        name,
        base,
        origin,
        json,
    };
    match blocking(move || store_return(&app2, &upload, &bytes)).await {
        Ok(r) => r,
        Err(r) => r,
    }
}

/// A return as it arrived.
struct Upload {
    role: Role,
    field: Field,
    jahr: i32,
    /// The name on the uploader's computer (shown only).
    name: String,
    base: String,
    origin: String,
    json: bool,
}

/// The answer to a refused return: page or JSON, and a line in the log.
fn reject_return(
    app: &App,
    u: &Upload,
    bytes: &[u8],
    text: String,
    hint: Option<String>,
) -> Response {
    let ergebnis_log = format!("abgelehnt: {text}");
    store::log(
        &app.root,
        &u.role,
        &upload_action(u.jahr, &u.role, &u.field.kurz),
        &u.name,
        Some(bytes),
        &ergebnis_log,
    );
    if u.json {
        let d = crate::diag::Diagnostic::new(
            Severity::Error,
            crate::diag::Location::file(&u.name),
            text,
        )
        .with_hint_opt(hint);
        return json_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            serde_json::to_string_pretty(&[d]).unwrap_or_default() + "\n",
        );
    }
    let full = match &hint {
        Some(h) => format!("{text}. {}", capitalised(h)),
        None => text,
    };
    let ergebnis = views::result_box(
        false,
        &format!("„{}“ wurde nicht übernommen", u.name),
        &full,
    );
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(render_page(
            app,
            &u.role,
            &u.base,
            &u.origin,
            Some(ergebnis),
        )),
    )
        .into_response()
}

/// Checks a return with the guards of `konzept report check`, puts it in
/// place as the field's status workbook and answers with its problems.
fn store_return(app: &App, u: &Upload, bytes: &[u8]) -> Response {
    let ext = u
        .name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let file_name = report::workbook_name(&u.field.kurz);
    if ext != "xlsx" {
        return reject_return(
            app,
            u,
            bytes,
            format!("„{}“ ist keine Excel-Arbeitsmappe (.xlsx)", u.name),
            Some(format!("die Sachstandsmappe „{file_name}“ im Format .xlsx speichern (in LibreOffice: Datei › Speichern unter › Excel 2007–365) und diese Datei hochladen")),
        );
    }
    if let Err(d) = crate::input::workbook::read_workbook_bytes(bytes.to_vec(), &ext, &u.name) {
        return reject_return(app, u, bytes, d.message.clone(), d.hint.clone());
    }
    let round = report::check(&app.root, u.jahr);
    if round.concept.is_none() {
        return reject_return(
            app,
            u,
            bytes,
            format!("die Sachstandsmappen {} können gerade nicht angenommen werden, weil das beschlossene Konzept ({}/{}) fehlt oder nicht gelesen werden kann", u.jahr, report::FOLDER, report::SNAPSHOT_FILE),
            Some("bitte der Koordination Bescheid geben; `konzept report check` zeigt ihr den Grund".into()),
        );
    }
    if !in_round(&round, &u.field.kurz) {
        return reject_return(
            app,
            u,
            bytes,
            format!("das Handlungsfeld „{}“ hat im Sachstandsbericht {} keine Sachstandsmappe, weil das beschlossene Konzept es nicht enthält", u.field.name, u.jahr),
            Some("bitte der Koordination melden".into()),
        );
    }
    let target = round_dir(&app.root, u.jahr).join(&file_name);
    if let Err(e) = store::replace(&target, &[], bytes) {
        return reject_return(
            app,
            u,
            bytes,
            format!("die Sachstandsmappe kann auf dem Server nicht gespeichert werden ({e})"),
            Some("bitte der Koordination melden: der Server braucht Schreibrechte im Ordner sachstand".into()),
        );
    }
    let round = report::check(&app.root, u.jahr);
    let file = shown(u.jahr, &u.field.kurz);
    let mut mine = Diagnostics::new();
    for d in round
        .diagnostics
        .iter()
        .filter(|d| d.location.file.as_deref() == Some(file.as_str()))
    {
        mine.push(d.clone());
    }
    let counts =
        crate::annotate::counts(mine.count(Severity::Error), mine.count(Severity::Warning));
    let action = upload_action(u.jahr, &u.role, &u.field.kurz);
    store::log(
        &app.root,
        &u.role,
        &action,
        &u.name,
        Some(bytes),
        &format!("gespeichert: {counts}"),
    );
    if u.json {
        return json_response(StatusCode::OK, mine.render_json());
    }
    let text = if mine.is_empty() {
        "Die Sachstandsmappe ist gespeichert und ohne Meldungen. Vielen Dank!".to_string()
    } else {
        format!("Die Sachstandsmappe ist gespeichert. Sie hat {counts}: die Liste unter „Sachstandsbericht {}“ nennt Blatt und Zelle. Bitte korrigieren und die Mappe erneut hochladen.", u.jahr)
    };
    let ergebnis = views::result_box(
        !mine.has_errors(),
        &format!("„{}“ ist angekommen", u.name),
        &text,
    );
    Html(render_page(
        app,
        &u.role,
        &u.base,
        &u.origin,
        Some(ergebnis),
    ))
    .into_response()
}

// -------------------------------------------------------------------- build

/// Builds the Sachstandsbericht of `jahr` now and keeps the result.
pub fn build_now(app: &App, jahr: i32) -> BuildState {
    let opts = crate::pipeline::BuildOptions {
        time_limit: app.options.time_limit,
        ..Default::default()
    };
    let built = report::build(&app.root, jahr, &opts);
    let dateien: Vec<(String, String)> = built
        .written
        .iter()
        .filter_map(|(p, what)| Some((p.file_name()?.to_string_lossy().into_owned(), what.clone())))
        .collect();
    let erfolg = !built.diagnostics.has_errors() && !dateien.is_empty();
    let state = BuildState::Fertig {
        zeit: store::now_utc().format("%d.%m.%Y %H:%M").to_string(),
        dateien,
        meldungen: built.diagnostics.sorted().into_iter().cloned().collect(),
        erfolg,
    };
    if let Ok(mut s) = app.report_build.lock() {
        *s = state.clone();
    }
    state
}

/// „Sachstandsbericht erstellen“: with `Accept: application/json` the
/// build runs in the request and answers the file names (or the problems);
/// in the browser it starts and the page reloads itself until it is done.
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
    let Some(jahr) = year(&app) else {
        return not_found_page();
    };
    if json {
        let _one = app.building.clone().lock_owned().await;
        let app2 = app.clone();
        let state = match blocking(move || build_now(&app2, jahr)).await {
            Ok(s) => s,
            Err(r) => return r,
        };
        store::log(
            &app.root,
            &Role::Koordination,
            &build_action(jahr),
            "",
            None,
            &build_summary(&state),
        );
        return build_answer(state);
    }
    let Ok(one) = app.building.clone().try_lock_owned() else {
        if running(&app) {
            return Redirect::to(&format!("/{token}/")).into_response();
        }
        // The concept is being built: one build at a time.
        let base = format!("/{token}/");
        let origin = guard::base_url(&headers, app.options.tls);
        let ergebnis = views::result_box(false, "Bitte einen Moment warten", "Gerade wird das Konzept erstellt; es läuft immer nur ein Lauf. Wenn das Konzept fertig ist, bitte erneut auf „Sachstandsbericht erstellen“ klicken.");
        return match blocking(move || {
            render_page(&app, &Role::Koordination, &base, &origin, Some(ergebnis))
        })
        .await
        {
            Ok(html) => (StatusCode::CONFLICT, Html(html)).into_response(),
            Err(r) => r,
        };
    };
    if let Ok(mut s) = app.report_build.lock() {
        *s = BuildState::Laeuft {
            seit: std::time::Instant::now(),
        };
    }
    let app2 = app.clone();
    tokio::spawn(async move {
        let app3 = app2.clone();
        let state = tokio::task::spawn_blocking(move || build_now(&app3, jahr)).await;
        let summary = match &state {
            Ok(s) => build_summary(s),
            Err(_) => {
                if let Ok(mut s) = app2.report_build.lock() {
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
            &build_action(jahr),
            "",
            None,
            &summary,
        );
        drop(one);
    });
    Redirect::to(&format!("/{token}/")).into_response()
}
