//! `konzept serve` without a socket: every handler through tower's
//! `oneshot`, on a copy of the Musterstadt example — the two roles, the
//! JSON twins, uploads good and broken, and the hostile cases of the issue
//! (cross-site POST, wrong and renewed token, zip bomb, 25 MB upload,
//! path-like file names, two uploads at once, too many uploads).

use crate::support::common::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use konzept::serve::access::Role;
use konzept::serve::state::{App, Options};
use std::path::Path;
use std::sync::Arc;
use tower::ServiceExt;

fn app_with(options: Options) -> (tempfile::TempDir, Arc<App>) {
    let dir = copy_to_temp(&repo().join("examples/musterstadt"));
    let app = App::open(dir.path(), options).expect("server opens the example");
    (dir, Arc::new(app))
}

fn app() -> (tempfile::TempDir, Arc<App>) {
    app_with(Options::default())
}

fn token(app: &App, role: &Role) -> String {
    app.token(role).expect("a link for every role")
}

fn bildung() -> Role {
    Role::Feld("B".into())
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
}

async fn send(app: &Arc<App>, request: Request<Body>) -> Answer {
    let response = konzept::serve::router(app.clone())
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &Arc<App>, path: &str) -> Answer {
    send(
        app,
        Request::get(path)
            .header(header::HOST, "intranet:8080")
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

const BOUNDARY: &str = "----konzept-test-grenze";

fn multipart(file_name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn upload_request(
    path: &str,
    file_name: &str,
    bytes: &[u8],
    extra: &[(&'static str, &'static str)],
) -> Request<Body> {
    let mut r = Request::post(path)
        .header(header::HOST, "intranet:8080")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::ACCEPT, "application/json");
    for (k, v) in extra {
        r = r.header(*k, *v);
    }
    r.body(Body::from(multipart(file_name, bytes))).unwrap()
}

fn example_workbook(name: &str) -> Vec<u8> {
    std::fs::read(
        repo()
            .join("examples/musterstadt/arbeitsgruppen")
            .join(name),
    )
    .unwrap()
}

fn broken_workbook() -> Vec<u8> {
    std::fs::read(repo().join("tests/fixtures/failing/broken/arbeitsgruppen/ag-bildung.xlsx"))
        .unwrap()
}

fn versions(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.join("arbeitsgruppen/.versionen"))
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn audit_log(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(".konzept-serve/protokoll.jsonl")).unwrap_or_default()
}

#[tokio::test]
async fn pages_of_both_roles_with_security_headers() {
    let (_dir, app) = app();
    let k = token(&app, &Role::Koordination);
    let page = get(&app, &format!("/{k}/")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(
        html.contains("Rücklauf der Arbeitsmappen") && html.contains("Konzept erstellen"),
        "{html}"
    );
    for field in &app.fields {
        assert!(
            html.contains(&field.name),
            "Koordination sieht {}",
            field.name
        );
    }
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert_eq!(page.headers["referrer-policy"], "no-referrer");
    assert!(!html.contains("<script"), "no script on the page");

    // A group sees its own field only, not the others nor the links.
    let b = token(&app, &bildung());
    let own = get(&app, &format!("/{b}/")).await;
    assert_eq!(own.status, StatusCode::OK);
    let html = own.text();
    assert!(html.contains("Bildung und Sprachförderung"));
    assert!(
        !html.contains("Wohnen und Zusammenleben") && !html.contains(&k),
        "{html}"
    );
    let status = get(&app, &format!("/{b}/status.json")).await.json();
    assert_eq!(status["kurz"], "B");
    let all = get(&app, &format!("/{k}/status.json")).await.json();
    assert_eq!(all["felder"].as_array().unwrap().len(), 7);
    // A group cannot reach the Koordination's routes.
    assert_eq!(
        get(&app, &format!("/{b}/formular/W")).await.status,
        StatusCode::NOT_FOUND
    );
    let css = get(&app, "/stil.css").await;
    assert_eq!(css.status, StatusCode::OK);
}

#[tokio::test]
async fn wrong_and_renewed_tokens_get_404() {
    let (dir, app) = app();
    let b = token(&app, &bildung());
    for path in [
        "/abc/",
        "/abc/status.json",
        "/../konzept.toml",
        "/arbeitsgruppen/",
        "/.konzept-serve/zugang.json",
    ] {
        assert_eq!(
            get(&app, path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // One character off is as wrong as any other token.
    let mut almost = b.clone();
    almost.pop();
    almost.push(if b.ends_with('A') { 'B' } else { 'A' });
    assert_eq!(
        get(&app, &format!("/{almost}/")).await.status,
        StatusCode::NOT_FOUND
    );
    // Renewing from the Koordination page: the old link is gone.
    let k = token(&app, &Role::Koordination);
    let renewed = send(
        &app,
        Request::post(format!("/{k}/erneuern/B"))
            .header(header::HOST, "intranet:8080")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(renewed.status, StatusCode::OK, "{}", renewed.text());
    let new = token(&app, &bildung());
    assert_ne!(new, b);
    assert!(renewed.text().contains(&new));
    assert_eq!(
        get(&app, &format!("/{b}/")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&app, &format!("/{new}/")).await.status, StatusCode::OK);
    // No token on disk, only hashes.
    let stored = std::fs::read_to_string(dir.path().join(".konzept-serve/zugang.json")).unwrap();
    assert!(!stored.contains(&new) && !stored.contains(&k), "{stored}");
    assert!(!audit_log(dir.path()).contains(&new));
}

#[tokio::test]
async fn upload_broken_then_good_workbook() {
    let (dir, app) = app();
    let b = token(&app, &bildung());
    let target = dir.path().join("arbeitsgruppen/ag-bildung.xlsx");
    let original = std::fs::read(&target).unwrap();

    let broken = send(
        &app,
        upload_request(
            &format!("/{b}/upload"),
            "AG Bildung (Entwurf).xlsx",
            &broken_workbook(),
            &[],
        ),
    )
    .await;
    assert_eq!(broken.status, StatusCode::OK, "{}", broken.text());
    let list = broken.json();
    let errors: Vec<&serde_json::Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(!errors.is_empty(), "{list}");
    assert!(
        errors
            .iter()
            .all(|d| d["file"] == "arbeitsgruppen/ag-bildung.xlsx"),
        "{list}"
    );
    assert!(
        errors
            .iter()
            .any(|d| d["cell"].is_string() && d["sheet"].is_string()),
        "{list}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), broken_workbook());
    // The previous file is kept.
    let kept = versions(dir.path());
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        std::fs::read(dir.path().join("arbeitsgruppen/.versionen").join(&kept[0])).unwrap(),
        original
    );
    // The page shows the problems with their cells.
    let page = get(&app, &format!("/{b}/")).await.text();
    assert!(
        page.contains("AG Bildung (Entwurf).xlsx")
            && page.contains("Meldungen zu Ihrer Arbeitsmappe"),
        "{page}"
    );
    let annotated = get(&app, &format!("/{b}/kommentiert")).await;
    assert_eq!(annotated.status, StatusCode::OK);
    assert!(annotated.body.starts_with(b"PK"));

    let good = send(
        &app,
        upload_request(&format!("/{b}/upload"), "ag-bildung.xlsx", &original, &[]),
    )
    .await;
    assert_eq!(good.status, StatusCode::OK);
    assert!(
        good.json()
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["severity"] != "error"),
        "{}",
        good.text()
    );
    assert_eq!(versions(dir.path()).len(), 2);
    let log = audit_log(dir.path());
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert_eq!(lines[0]["zugang"], "feld:B");
    assert_eq!(lines[0]["datei"], "AG Bildung (Entwurf).xlsx");
    assert_eq!(lines[1]["sha256"].as_str().unwrap().len(), 64);
    assert!(lines[1]["ergebnis"]
        .as_str()
        .unwrap()
        .starts_with("gespeichert"));
    assert!(!log.contains(&b));
    // The current workbook, as uploaded.
    let current = get(&app, &format!("/{b}/mappe")).await;
    assert_eq!(current.status, StatusCode::OK);
    assert_eq!(current.body, original);
    // The blank form.
    let form = get(&app, &format!("/{b}/formular")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.starts_with(b"PK"));
    assert!(form.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("ag-bildung.xlsx"));
}

#[tokio::test]
async fn cross_site_posts_change_nothing() {
    let (dir, app) = app();
    let b = token(&app, &bildung());
    let k = token(&app, &Role::Koordination);
    let before = std::fs::read(dir.path().join("arbeitsgruppen/ag-bildung.xlsx")).unwrap();
    for extra in [
        &[("origin", "https://boese.example")][..],
        &[("sec-fetch-site", "cross-site")][..],
        &[("origin", "null")][..],
    ] {
        let r = send(
            &app,
            upload_request(&format!("/{b}/upload"), "x.xlsx", &broken_workbook(), extra),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{extra:?}");
        let build = send(
            &app,
            Request::post(format!("/{k}/build"))
                .header(header::HOST, "intranet:8080")
                .header(extra[0].0, extra[0].1)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(build.status, StatusCode::FORBIDDEN);
    }
    // A same-origin browser POST is fine.
    let ok = send(
        &app,
        upload_request(
            &format!("/{b}/upload"),
            "ag-bildung.xlsx",
            &before,
            &[
                ("origin", "http://intranet:8080"),
                ("sec-fetch-site", "same-origin"),
            ],
        ),
    )
    .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(
        std::fs::read(dir.path().join("arbeitsgruppen/ag-bildung.xlsx")).unwrap(),
        before
    );
    // GET cannot change anything: there is no GET route for it.
    assert_eq!(
        get(&app, &format!("/{b}/upload")).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn hostile_uploads_are_refused_and_the_server_keeps_serving() {
    let (dir, app) = app();
    let b = token(&app, &bildung());
    let target = dir.path().join("arbeitsgruppen/ag-bildung.xlsx");
    let before = std::fs::read(&target).unwrap();
    let bad = |name: &str| std::fs::read(repo().join("tests/fixtures/failing").join(name)).unwrap();
    for (file, bytes) in [
        ("bombe.xlsx", bad("robustness/zip-bomb.xlsx")),
        ("geheim.xlsx", bad("bad-files/password.xlsx")),
        ("halb.xlsx", bad("bad-files/truncated.xlsx")),
        ("brief.xlsx", bad("bad-files/not-a-spreadsheet.xlsx")),
        ("bild.png", before.clone()),
    ] {
        let r = send(
            &app,
            upload_request(&format!("/{b}/upload"), file, &bytes, &[]),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{file}: {}",
            r.text()
        );
        let d = &r.json()[0];
        assert_eq!(d["severity"], "error");
        assert!(
            d["message"]
                .as_str()
                .unwrap()
                .chars()
                .any(|c| "äöüß„".contains(c))
                || d["hint"].is_string(),
            "{file}: {d}"
        );
        assert_eq!(
            std::fs::read(&target).unwrap(),
            before,
            "{file} must not replace the workbook"
        );
    }
    assert!(versions(dir.path()).is_empty());
    // 25 MB: over the limit of 20 MB.
    let huge = vec![b'P'; 25 * 1024 * 1024];
    let r = send(
        &app,
        upload_request(&format!("/{b}/upload"), "gross.xlsx", &huge, &[]),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    assert!(r.text().contains("zu groß"));
    // The same as a page in the browser.
    let mut page = upload_request(
        &format!("/{b}/upload"),
        "bombe.xlsx",
        &bad("robustness/zip-bomb.xlsx"),
        &[],
    );
    page.headers_mut().remove(header::ACCEPT);
    let r = send(&app, page).await;
    assert!(r.text().contains("wurde nicht übernommen"), "{}", r.text());
    assert_eq!(get(&app, &format!("/{b}/")).await.status, StatusCode::OK);
    let log = audit_log(dir.path());
    assert!(
        log.lines().count() >= 6 && log.contains("abgelehnt"),
        "{log}"
    );
}

#[tokio::test]
async fn path_like_file_names_only_show() {
    let (dir, app) = app();
    let b = token(&app, &bildung());
    let bytes = example_workbook("ag-bildung.xlsx");
    for name in [
        "../../konzept.toml.xlsx",
        "..\\..\\steuerung.xlsx",
        "/etc/passwd.xlsx",
        "<script>alert(1)</script>.xlsx",
    ] {
        let mut r = upload_request(&format!("/{b}/upload"), name, &bytes, &[]);
        r.headers_mut().remove(header::ACCEPT);
        let answer = send(&app, r).await;
        assert_eq!(answer.status, StatusCode::OK, "{name}");
        assert!(
            !answer.text().contains("<script>alert"),
            "the name is escaped"
        );
    }
    assert_eq!(
        std::fs::read(dir.path().join("konzept.toml")).unwrap(),
        std::fs::read(repo().join("examples/musterstadt/konzept.toml")).unwrap()
    );
    assert_eq!(
        std::fs::read(dir.path().join("steuerung.xlsx")).unwrap(),
        std::fs::read(repo().join("examples/musterstadt/steuerung.xlsx")).unwrap()
    );
    assert!(!dir.path().join("konzept.toml.xlsx").exists());
    assert_eq!(
        std::fs::read(dir.path().join("arbeitsgruppen/ag-bildung.xlsx")).unwrap(),
        bytes
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_uploads_at_once_both_in_the_history() {
    let (dir, app) = app();
    let b = token(&app, &bildung());
    let first = broken_workbook();
    let second = example_workbook("ag-bildung.xlsx");
    let (a, c) = tokio::join!(
        send(
            &app,
            upload_request(&format!("/{b}/upload"), "eins.xlsx", &first, &[])
        ),
        send(
            &app,
            upload_request(&format!("/{b}/upload"), "zwei.xlsx", &second, &[])
        )
    );
    assert_eq!((a.status, c.status), (StatusCode::OK, StatusCode::OK));
    let now = std::fs::read(dir.path().join("arbeitsgruppen/ag-bildung.xlsx")).unwrap();
    assert!(now == first || now == second);
    // The original and the upload that lost are in .versionen/.
    let kept = versions(dir.path());
    assert_eq!(kept.len(), 2, "{kept:?}");
    let kept_bytes: Vec<Vec<u8>> = kept
        .iter()
        .map(|n| std::fs::read(dir.path().join("arbeitsgruppen/.versionen").join(n)).unwrap())
        .collect();
    let loser = if now == first { &second } else { &first };
    assert!(kept_bytes.contains(loser));
    // No half-written or temporary file anywhere.
    let leftovers: Vec<String> = std::fs::read_dir(dir.path().join("arbeitsgruppen"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[tokio::test]
async fn uploads_per_minute_are_bounded() {
    let (_dir, app) = app_with(Options {
        uploads_per_minute: 2,
        ..Options::default()
    });
    let b = token(&app, &bildung());
    let bytes = example_workbook("ag-bildung.xlsx");
    for _ in 0..2 {
        let r = send(
            &app,
            upload_request(&format!("/{b}/upload"), "ag-bildung.xlsx", &bytes, &[]),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let r = send(
        &app,
        upload_request(&format!("/{b}/upload"), "ag-bildung.xlsx", &bytes, &[]),
    )
    .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // The Koordination may upload for a field; a group only for its own.
    let k = token(&app, &Role::Koordination);
    let r = send(
        &app,
        upload_request(
            &format!("/{k}/upload/J"),
            "jugend.xlsx",
            &example_workbook("ag-jugend.xlsx"),
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = send(
        &app,
        upload_request(
            &format!("/{k}/upload"),
            "jugend.xlsx",
            &example_workbook("ag-jugend.xlsx"),
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let j = token(&app, &Role::Feld("J".into()));
    let r = send(
        &app,
        upload_request(
            &format!("/{j}/upload/W"),
            "wohnen.xlsx",
            &example_workbook("ag-wohnen.xlsx"),
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Another link has its own count.
    let w = token(&app, &Role::Feld("W".into()));
    let r = send(
        &app,
        upload_request(
            &format!("/{w}/upload"),
            "ag-wohnen.xlsx",
            &example_workbook("ag-wohnen.xlsx"),
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn build_and_download_the_documents() {
    let (_dir, app) = app();
    let k = token(&app, &Role::Koordination);
    let r = send(
        &app,
        Request::post(format!("/{k}/build"))
            .header(header::HOST, "intranet:8080")
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let files: Vec<String> = serde_json::from_slice(&r.body).unwrap();
    let pdf = files
        .iter()
        .find(|f| f.starts_with("Integrationskonzept") && f.ends_with(".pdf"))
        .expect("the PDF");
    for ext in [".docx", ".odt", ".json"] {
        assert!(files.iter().any(|f| f.ends_with(ext)), "{files:?}");
    }
    let got = get(&app, &format!("/{k}/ausgabe/{pdf}")).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(got.body.starts_with(b"%PDF"));
    // The OpenDocument text beside PDF and DOCX.
    let odt = files.iter().find(|f| f.ends_with(".odt")).expect("the ODT");
    let got = get(&app, &format!("/{k}/ausgabe/{odt}")).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(
        got.headers[header::CONTENT_TYPE],
        "application/vnd.oasis.opendocument.text"
    );
    assert!(got.body.starts_with(b"PK"));
    for bad in [
        "..%2Fkonzept.toml",
        ".konzept-serve",
        "%2Fetc%2Fpasswd",
        "konzept.toml",
    ] {
        assert_eq!(
            get(&app, &format!("/{k}/ausgabe/{bad}")).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
    // Groups cannot build or download.
    let b = token(&app, &bildung());
    assert_eq!(
        get(&app, &format!("/{b}/ausgabe/{pdf}")).await.status,
        StatusCode::NOT_FOUND
    );
    // The preview of the first pages.
    let png = get(&app, &format!("/{k}/vorschau/1.png")).await;
    assert_eq!(png.status, StatusCode::OK);
    assert!(png.body.starts_with(b"\x89PNG"));
    let page = get(&app, &format!("/{k}/")).await.text();
    assert!(
        page.contains(pdf.as_str()) && page.contains("vorschau/1.png"),
        "{page}"
    );
}

#[test]
fn links_are_printed_koordination_first() {
    let dir = copy_to_temp(&repo().join("examples/musterstadt"));
    let out = konzept(&[
        "serve",
        dir.path().to_str().unwrap(),
        "--links",
        "--url",
        "https://konzept.musterstadt.de",
    ]);
    out.assert_code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 8, "{}", out.stdout);
    assert!(
        lines[0].starts_with("Koordination")
            && lines[0].contains("https://konzept.musterstadt.de/")
    );
    assert!(lines[1].starts_with("Arbeitsgruppe Bildung und Sprachförderung"));
    // The same links again; renewing one changes only that one.
    let again = konzept(&[
        "serve",
        dir.path().to_str().unwrap(),
        "--links",
        "--url",
        "https://k.de",
    ]);
    assert_eq!(again.stdout.lines().count(), 8);
    let token_of = |l: &str| l.rsplit('/').nth(1).unwrap().to_string();
    assert_eq!(
        token_of(again.stdout.lines().nth(2).unwrap()),
        token_of(lines[2])
    );
    assert!(token_of(lines[0]).len() >= 22);
    let renewed = konzept(&[
        "serve",
        dir.path().to_str().unwrap(),
        "--links",
        "--renew",
        "Bildung und Sprachförderung",
    ]);
    renewed.assert_code(0);
    let new: Vec<&str> = renewed.stdout.lines().collect();
    assert_ne!(token_of(new[1]), token_of(lines[1]));
    assert_eq!(token_of(new[2]), token_of(lines[2]));
    let wrong = konzept(&[
        "serve",
        dir.path().to_str().unwrap(),
        "--links",
        "--renew",
        "Sport",
    ]);
    wrong.assert_code(1);
    assert!(
        wrong.stderr.contains("kein solcher Zugang"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn tls_needs_a_readable_certificate() {
    let dir = copy_to_temp(&repo().join("examples/musterstadt"));
    let out = konzept(&[
        "serve",
        dir.path().to_str().unwrap(),
        "--listen",
        "127.0.0.1:0",
        "--tls-cert",
        "fehlt.pem",
        "--tls-key",
        "fehlt-auch.pem",
    ]);
    out.assert_code(1);
    assert!(
        out.stderr.contains("„fehlt.pem“") && out.stderr.contains("hinweis:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.is_empty(),
        "no links before the server can start: {}",
        out.stdout
    );
}

// ------------------------------------------------- the report round (issue 20)

const RETURN_ACTION: &str = "hochladen (Sachstand 2028)";

fn status_file(dir: &Path, kurz: &str) -> std::path::PathBuf {
    dir.join(format!("sachstand/2028/sachstand-{kurz}.xlsx"))
}

/// The group's status workbook with cells changed (sheet, A1, text).
fn edited_status_workbook(dir: &Path, kurz: &str, cells: &[(&str, &str)]) -> Vec<u8> {
    let mut book = umya_spreadsheet::reader::xlsx::read(status_file(dir, kurz)).unwrap();
    let ws = book.sheet_by_name_mut("Maßnahmen").unwrap();
    for (at, value) in cells {
        ws.cell_mut(*at).set_value_string(*value);
    }
    let out = tempfile::NamedTempFile::with_suffix(".xlsx").unwrap();
    umya_spreadsheet::writer::xlsx::write(&book, out.path()).unwrap();
    std::fs::read(out.path()).unwrap()
}

fn status_versions(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.join("sachstand/2028/.versionen"))
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[tokio::test]
async fn a_group_returns_its_status_workbook() {
    let (dir, app) = app();
    let b = token(&app, &bildung());
    let page = get(&app, &format!("/{b}/")).await.text();
    assert!(
        page.contains("Sachstandsbericht 2028") && page.contains("sachstand/mappe"),
        "{page}"
    );
    // The status workbook as `konzept report new` wrote it.
    let original = std::fs::read(status_file(dir.path(), "b")).unwrap();
    let form = get(&app, &format!("/{b}/sachstand/mappe")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.body, original);
    assert!(form.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("sachstand-b.xlsx"));

    // A return with a measure the adopted concept does not have.
    let broken = edited_status_workbook(dir.path(), "b", &[("A3", "B99")]);
    let r = send(
        &app,
        upload_request(
            &format!("/{b}/sachstand/upload"),
            "Sachstand Bildung.xlsx",
            &broken,
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let list = r.json();
    let error = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap_or_else(|| panic!("an error: {list}"));
    assert_eq!(error["file"], "sachstand/2028/sachstand-b.xlsx");
    assert_eq!(error["sheet"], "Maßnahmen");
    assert_eq!(error["cell"], "A3");
    assert!(
        error["message"].as_str().unwrap().contains("„B99“"),
        "{error}"
    );
    assert_eq!(std::fs::read(status_file(dir.path(), "b")).unwrap(), broken);
    let kept = status_versions(dir.path());
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        std::fs::read(dir.path().join("sachstand/2028/.versionen").join(&kept[0])).unwrap(),
        original
    );
    // The page names the cell and the file in the history.
    let page = get(&app, &format!("/{b}/")).await.text();
    assert!(
        page.contains("Meldungen zu Ihrer Sachstandsmappe")
            && page.contains("<td>A3</td>")
            && page.contains("Sachstand Bildung.xlsx")
            && page.contains("mit Fehlern"),
        "{page}"
    );
    let annotated = get(&app, &format!("/{b}/sachstand/kommentiert")).await;
    assert_eq!(annotated.status, StatusCode::OK, "{}", annotated.text());
    assert!(annotated.body.starts_with(b"PK"));

    // The corrected return; a path-like name only shows.
    let mut good = upload_request(
        &format!("/{b}/sachstand/upload"),
        "../../konzept.toml.xlsx",
        &original,
        &[],
    );
    good.headers_mut().remove(header::ACCEPT);
    let r = send(&app, good).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("ist angekommen"), "{}", r.text());
    assert_eq!(
        std::fs::read(status_file(dir.path(), "b")).unwrap(),
        original
    );
    assert!(!dir.path().join("konzept.toml.xlsx").exists());
    assert_eq!(status_versions(dir.path()).len(), 2);
    let status = get(&app, &format!("/{b}/status.json")).await.json();
    let line = &status["sachstand"]["feld"];
    assert_eq!(line["kurz"], "B", "{status}");
    assert_eq!(
        (line["fehler"].as_u64(), line["abgegeben"].as_bool()),
        (Some(0), Some(true))
    );

    // Only .xlsx: the status workbook keeps its name and format.
    let r = send(
        &app,
        upload_request(
            &format!("/{b}/sachstand/upload"),
            "sachstand.ods",
            &original,
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()[0]["hint"].as_str().unwrap().contains(".xlsx"));
    let log: Vec<serde_json::Value> = audit_log(dir.path())
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(log.len(), 3);
    assert!(log
        .iter()
        .all(|e| e["aktion"] == RETURN_ACTION && e["zugang"] == "feld:B"));
    assert!(log[2]["ergebnis"]
        .as_str()
        .unwrap()
        .starts_with("abgelehnt"));
    // The concept workbooks were not touched.
    assert!(versions(dir.path()).is_empty());
}

#[tokio::test]
async fn a_group_cannot_reach_another_groups_status_workbook() {
    let (dir, app) = app();
    let b = token(&app, &bildung());
    let wohnen = std::fs::read(status_file(dir.path(), "w")).unwrap();
    let bytes = std::fs::read(status_file(dir.path(), "b")).unwrap();
    for path in [
        format!("/{b}/sachstand/upload/W"),
        format!("/{b}/sachstand/upload/..%2F..%2Fkonzept.toml"),
    ] {
        let r = send(&app, upload_request(&path, "sachstand-w.xlsx", &bytes, &[])).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        get(&app, &format!("/{b}/sachstand/mappe/W")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(
            &app,
            Request::post(format!("/{b}/sachstand/build"))
                .header(header::HOST, "intranet:8080")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    // A return from another site changes nothing.
    let r = send(
        &app,
        upload_request(
            &format!("/{b}/sachstand/upload"),
            "x.xlsx",
            &wohnen,
            &[("origin", "https://boese.example")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(std::fs::read(status_file(dir.path(), "w")).unwrap(), wohnen);
    assert_eq!(std::fs::read(status_file(dir.path(), "b")).unwrap(), bytes);
    assert!(status_versions(dir.path()).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordination_builds_the_report() {
    let (dir, app) = app();
    let k = token(&app, &Role::Koordination);
    let page = get(&app, &format!("/{k}/")).await.text();
    assert!(
        page.contains("Rücklauf der Sachstandsmappen 2028")
            && page.contains("Sachstandsbericht erstellen")
            && page.contains("id=\"datei-sachstand-w\""),
        "{page}"
    );
    let status = get(&app, &format!("/{k}/status.json")).await.json();
    assert_eq!(status["sachstand"]["jahr"], 2028);
    assert_eq!(status["sachstand"]["felder"].as_array().unwrap().len(), 7);
    // Upload on behalf of a group.
    let wohnen = std::fs::read(status_file(dir.path(), "w")).unwrap();
    let r = send(
        &app,
        upload_request(
            &format!("/{k}/sachstand/upload/W"),
            "wohnen.xlsx",
            &wohnen,
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(audit_log(dir.path()).contains("\"zugang\":\"koordination\""));
    // The group sees it in its history.
    let w = token(&app, &Role::Feld("W".into()));
    let page = get(&app, &format!("/{w}/")).await.text();
    assert!(
        page.contains("wohnen.xlsx (von der Koordination)"),
        "{page}"
    );

    let r = send(
        &app,
        Request::post(format!("/{k}/sachstand/build"))
            .header(header::HOST, "intranet:8080")
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let files: Vec<String> = serde_json::from_slice(&r.body).unwrap();
    for name in [
        "Sachstandsbericht-Musterstadt-2028.pdf",
        "Mitteilungsvorlage-Musterstadt-2028.pdf",
        "Sachstandsbericht-Musterstadt-2028.docx",
        "Mitteilungsvorlage-Musterstadt-2028.oparl.json",
    ] {
        assert!(files.iter().any(|f| f == name), "{name}: {files:?}");
    }
    let pdf = get(
        &app,
        &format!("/{k}/ausgabe/Sachstandsbericht-Musterstadt-2028.pdf"),
    )
    .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.body.starts_with(b"%PDF"));
    let page = get(&app, &format!("/{k}/")).await.text();
    assert!(
        page.contains("ausgabe/Mitteilungsvorlage-Musterstadt-2028.pdf"),
        "{page}"
    );
    assert!(audit_log(dir.path()).contains("erstellen (Sachstand 2028)"));
    // After a restart the documents are offered from the output folder, each
    // in its own section.
    let again = Arc::new(App::open(dir.path(), Options::default()).unwrap());
    let page = get(&again, &format!("/{k}/")).await.text();
    let concept = &page[page.find("id=\"konzept\"").unwrap()..page.find("id=\"felder\"").unwrap()];
    let round =
        &page[page.find("id=\"sachstand\"").unwrap()..page.find("id=\"ruecklauf\"").unwrap()];
    assert!(
        round.contains("ausgabe/Sachstandsbericht-Musterstadt-2028.pdf"),
        "{round}"
    );
    assert!(
        !concept.contains("Sachstandsbericht-Musterstadt"),
        "{concept}"
    );

    // One build at a time: while the concept is built, the report waits.
    let one = app.building.clone().lock_owned().await;
    let r = send(
        &app,
        Request::post(format!("/{k}/sachstand/build"))
            .header(header::HOST, "intranet:8080")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.text().contains("Gerade wird das Konzept erstellt"),
        "{}",
        r.text()
    );
    // While the report is built, the page says so and reloads itself.
    *app.report_build.lock().unwrap() = konzept::serve::state::BuildState::Laeuft {
        seit: std::time::Instant::now(),
    };
    let page = get(&app, &format!("/{k}/")).await.text();
    assert!(
        page.contains("Der Sachstandsbericht wird erstellt")
            && page.contains("http-equiv=\"refresh\""),
        "{page}"
    );
    drop(one);
}

#[tokio::test]
async fn without_a_report_round_nothing_of_it_shows() {
    let dir = copy_to_temp(&repo().join("examples/musterstadt"));
    std::fs::remove_dir_all(dir.path().join("sachstand")).unwrap();
    let app = Arc::new(App::open(dir.path(), Options::default()).unwrap());
    let k = token(&app, &Role::Koordination);
    let b = token(&app, &bildung());
    for path in [format!("/{k}/"), format!("/{b}/")] {
        let page = get(&app, &path).await.text();
        assert!(page.contains("<h1>"), "{page}");
        assert!(!page.contains("Sachstand"), "{path}: {page}");
    }
    for path in [format!("/{k}/status.json"), format!("/{b}/status.json")] {
        assert!(get(&app, &path).await.json().get("sachstand").is_none());
    }
    assert_eq!(
        get(&app, &format!("/{b}/sachstand/mappe")).await.status,
        StatusCode::NOT_FOUND
    );
    // `konzept serve --jahr` names a round that is not there.
    let err = App::open(
        dir.path(),
        Options {
            jahr: Some(2031),
            ..Options::default()
        },
    )
    .err()
    .expect("no round 2031");
    assert!(
        err.contains("2031") && err.contains("konzept report new"),
        "{err}"
    );
}

#[tokio::test]
async fn a_round_without_the_adopted_concept_takes_no_returns() {
    let dir = copy_to_temp(&repo().join("examples/musterstadt"));
    std::fs::remove_file(dir.path().join("sachstand/beschluss.json")).unwrap();
    let app = Arc::new(App::open(dir.path(), Options::default()).unwrap());
    let b = token(&app, &bildung());
    let k = token(&app, &Role::Koordination);
    let page = get(&app, &format!("/{b}/")).await.text();
    assert!(
        page.contains("können gerade nicht angenommen werden"),
        "{page}"
    );
    let office = get(&app, &format!("/{k}/")).await.text();
    assert!(
        office.contains("Die Runde 2028 kann nicht gelesen werden")
            && office.contains("beschluss.json")
            && !office.contains("Sachstandsbericht erstellen</button>"),
        "{office}"
    );
    let before = std::fs::read(status_file(dir.path(), "b")).unwrap();
    let r = send(
        &app,
        upload_request(
            &format!("/{b}/sachstand/upload"),
            "sachstand-b.xlsx",
            &before,
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()[0]["message"]
        .as_str()
        .unwrap()
        .contains("beschluss.json"));
    assert!(status_versions(dir.path()).is_empty());
}
