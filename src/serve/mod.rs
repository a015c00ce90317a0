//! `konzept serve`: the office and the working groups in the browser, on one
//! intranet server. The Koordination (one secret link) sees the return
//! board, every field's workbook with its problems and history, builds the
//! concept and downloads it; each working group (one secret link per field
//! of action) downloads its form, uploads its workbook and sees its
//! problems at once. Server-rendered HTML without script (axum, minijinja,
//! templates in `templates/web/`); JSON twins for scripts and tests.
//!
//! `access.rs` are the links (tokens as hashes), `state.rs` what the
//! handlers share, `guard.rs` the security headers and the same-site check
//! of POSTs, `store.rs` the atomic replace with `.versionen/` and the audit
//! log, `views.rs` the pages, `pages.rs` the GET handlers and downloads,
//! `actions.rs` upload, build and renewing a link, `round.rs` the report
//! round's downloads, returns and build (its page values in
//! `views/round.rs`).

pub mod access;
mod actions;
pub mod guard;
mod pages;
mod round;
pub mod state;
pub mod store;
pub mod views;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use state::{App, Options};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub use actions::build_now;

/// The routes of the server; every page lies under its link's token.
pub fn router(app: Arc<App>) -> Router {
    let limit = app.options.upload_limit + 256 * 1024;
    let timeout = tower_http::timeout::TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        Duration::from_secs(120),
    );
    let uploads = Router::new()
        .route("/{token}/upload", post(actions::upload))
        .route("/{token}/upload/{kurz}", post(actions::upload_for))
        .route("/{token}/sachstand/upload", post(round::upload))
        .route("/{token}/sachstand/upload/{kurz}", post(round::upload_for))
        .layer(DefaultBodyLimit::max(limit))
        .layer(timeout);
    let rest = Router::new()
        .route("/", get(pages::root))
        .route("/stil.css", get(pages::style))
        .route("/{token}", get(pages::page))
        .route("/{token}/", get(pages::page))
        .route("/{token}/status.json", get(pages::status_json))
        .route("/{token}/formular", get(pages::form))
        .route("/{token}/formular/{kurz}", get(pages::form_for))
        .route("/{token}/mappe", get(pages::workbook))
        .route("/{token}/mappe/{kurz}", get(pages::workbook_for))
        .route("/{token}/kommentiert", get(pages::annotated))
        .route("/{token}/kommentiert/{kurz}", get(pages::annotated_for))
        .route("/{token}/ausgabe/{datei}", get(pages::output))
        .route("/{token}/sachstand/mappe", get(round::workbook))
        .route("/{token}/sachstand/mappe/{kurz}", get(round::workbook_for))
        .route("/{token}/sachstand/kommentiert", get(round::annotated))
        .route(
            "/{token}/sachstand/kommentiert/{kurz}",
            get(round::annotated_for),
        )
        .route("/{token}/vorschau/{datei}", get(pages::preview))
        .route("/{token}/erneuern/{kurz}", post(actions::renew))
        .layer(DefaultBodyLimit::max(64 * 1024))
        .layer(timeout);
    // Builds may take minutes: no time limit of their own (Typst has one).
    let build = Router::new()
        .route("/{token}/build", post(actions::build))
        .route("/{token}/sachstand/build", post(round::build))
        .layer(DefaultBodyLimit::max(64 * 1024));
    uploads
        .merge(rest)
        .merge(build)
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(guard::headers))
        .with_state(app)
}

/// What `konzept serve` was asked.
#[derive(Debug, Clone, Default)]
pub struct Serve {
    pub root: PathBuf,
    /// `ADRESSE:PORT`; default `127.0.0.1` and a free port.
    pub listen: Option<String>,
    /// The address the links start with when the server sits behind a
    /// reverse proxy (`https://konzept.stadt.de`).
    pub url: Option<String>,
    /// Only print the links.
    pub links_only: bool,
    /// Renew the link of `koordination` or of a field (name or short name).
    pub renew: Option<String>,
    pub tls: Option<(PathBuf, PathBuf)>,
    pub options: Options,
}

/// The lines `konzept serve` prints: name and URL of every link.
pub fn link_lines(app: &App, start: &str) -> String {
    let links = app.links();
    let width = links
        .iter()
        .map(|(n, _, _)| n.chars().count())
        .max()
        .unwrap_or(0);
    links
        .iter()
        .map(|(name, _, path)| {
            let pad = " ".repeat(width - name.chars().count());
            format!("{name}{pad}  {}{path}\n", start.trim_end_matches('/'))
        })
        .collect()
}

fn renew_role(app: &App, name: &str) -> Result<access::Role, String> {
    let wanted = crate::text::normalize(name);
    if wanted == "koordination" {
        return Ok(access::Role::Koordination);
    }
    app.fields
        .iter()
        .find(|f| crate::text::normalize(&f.kurz) == wanted || crate::text::normalize(&f.name) == wanted)
        .map(state::Field::role)
        .ok_or_else(|| {
            let known: Vec<String> = app.fields.iter().map(|f| format!("„{}“ ({})", f.name, f.kurz)).collect();
            format!(
                "--renew „{name}“: kein solcher Zugang\n  hinweis: „koordination“ oder ein Handlungsfeld angeben: {}",
                known.join(", ")
            )
        })
}

/// Runs `konzept serve`; returns a German message when it cannot start.
pub fn run(s: Serve) -> Result<(), String> {
    let tls = s.tls.is_some();
    let mut options = s.options.clone();
    options.tls = tls;
    let app = App::open(&s.root, options)?;
    if let Some(name) = &s.renew {
        let role = renew_role(&app, name)?;
        app.access
            .lock()
            .map_err(|_| "interner Fehler".to_string())?
            .renew(&role)?;
        store::log(
            &app.root,
            &role,
            "erneuert",
            "",
            None,
            "neuer Link (Befehlszeile)",
        );
        eprintln!(
            "Der Link „{}“ ist erneuert; der alte gilt nicht mehr.",
            role.label()
        );
    }
    let scheme = if tls { "https" } else { "http" };
    if s.links_only {
        let start = match (&s.url, &s.listen) {
            (Some(u), _) => u.clone(),
            (None, Some(l)) => format!("{scheme}://{l}"),
            (None, None) => format!("{scheme}://ADRESSE:PORT"),
        };
        print!("{}", link_lines(&app, &start));
        return Ok(());
    }
    let listen = s.listen.clone().unwrap_or_else(|| "127.0.0.1:0".into());
    let listener = std::net::TcpListener::bind(&listen).map_err(|e| {
        format!(
            "der Server kann nicht an „{listen}“ lauschen: {e}\n  hinweis: eine andere Adresse oder einen freien Port mit --listen ADRESSE:PORT angeben, z. B. --listen 127.0.0.1:8080"
        )
    })?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    // The certificate is loaded before the links are shown: a wrong one
    // stops here.
    let tls = match &s.tls {
        Some((cert, key)) => Some(runtime.block_on(load_tls(cert, key))?),
        None => None,
    };
    let start = s
        .url
        .clone()
        .unwrap_or_else(|| format!("{scheme}://{addr}"));
    println!("konzept serve: {} – beenden mit Strg+C", s.root.display());
    print!("{}", link_lines(&app, &start));
    use std::io::Write;
    let _ = std::io::stdout().flush();
    runtime.block_on(serve(Arc::new(app), listener, tls))
}

async fn load_tls(
    cert: &Path,
    key: &Path,
) -> Result<axum_server::tls_rustls::RustlsConfig, String> {
    // ring: no C toolchain needed beyond what Typst's build uses
    // (aws-lc-rs would need cmake); TLS 1.3 with classic key exchange.
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key)
        .await
        .map_err(|e| tls_error(cert, key, &e))
}

async fn serve(
    app: Arc<App>,
    listener: std::net::TcpListener,
    tls: Option<axum_server::tls_rustls::RustlsConfig>,
) -> Result<(), String> {
    let service = router(app).into_make_service();
    let handle = axum_server::Handle::<std::net::SocketAddr>::new();
    let stop = handle.clone();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        stop.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    let result = match tls {
        Some(config) => {
            let mut server = axum_server::tls_rustls::from_tcp_rustls(listener, config)
                .map_err(|e| e.to_string())?
                .handle(handle);
            limit_headers(server.http_builder());
            server.serve(service).await
        }
        None => {
            let mut server = axum_server::from_tcp(listener)
                .map_err(|e| e.to_string())?
                .handle(handle);
            limit_headers(server.http_builder());
            server.serve(service).await
        }
    };
    result.map_err(|e| format!("der Server ist abgebrochen: {e}"))
}

/// Slow clients may not hold a connection open with half a request.
fn limit_headers(
    builder: &mut hyper_util::server::conn::auto::Builder<hyper_util::rt::TokioExecutor>,
) {
    builder
        .http1()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(Duration::from_secs(30))
        .max_buf_size(64 * 1024);
}

fn tls_error(cert: &Path, key: &Path, e: &std::io::Error) -> String {
    format!(
        "das Zertifikat „{}“ oder der Schlüssel „{}“ kann nicht geladen werden: {e}\n  hinweis: beide Dateien im PEM-Format angeben (--tls-cert zertifikat.pem --tls-key schluessel.pem), oder TLS dem Reverse Proxy überlassen (docs/betrieb.md)",
        cert.display(),
        key.display()
    )
}
