//! What protects every request: security headers on every answer, and the
//! check that a state-changing request (POST) comes from a page of this
//! server and not from another site.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The Content Security Policy: no script at all, styles and images only
/// from this server, forms only to it, never inside a frame.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the security headers to every answer.
pub async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let mut set = |name: &'static str, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set("content-security-policy", CSP);
    set("x-content-type-options", "nosniff");
    set("referrer-policy", "no-referrer");
    set("x-frame-options", "DENY");
    set("cross-origin-opener-policy", "same-origin");
    set("cross-origin-resource-policy", "same-origin");
    set("cache-control", "no-store");
    response
}

/// Whether a POST may change something: a browser tells with
/// `Sec-Fetch-Site` (every current browser) or else `Origin` where the
/// request comes from; it must be this server. `Sec-Fetch-Site` decides
/// when sent: with `Referrer-Policy: no-referrer` a browser sends
/// `Origin: null` even for its own forms. Scripts (curl) send neither and
/// may post.
pub fn same_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin") | Ok("none"));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    // The host (with port) of the Origin must be the one the browser asked:
    // `Host`, or behind a reverse proxy `X-Forwarded-Host`.
    let origin_host = origin
        .split_once("://")
        .map_or("", |(_, rest)| rest)
        .trim_end_matches('/');
    let hosts = [header::HOST.as_str(), "x-forwarded-host"];
    hosts.iter().any(|name| {
        headers
            .get(*name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|h| !h.is_empty() && h.eq_ignore_ascii_case(origin_host))
    })
}

/// The start of a link as the browser reached it: `http://host:port`.
pub fn base_url(headers: &HeaderMap, tls: bool) -> String {
    let get = |n: &str| headers.get(n).and_then(|v| v.to_str().ok());
    let host = get("x-forwarded-host")
        .or_else(|| get(header::HOST.as_str()))
        .unwrap_or("localhost");
    let https = tls || get("x-forwarded-proto").is_some_and(|p| p.eq_ignore_ascii_case("https"));
    format!("{}://{host}", if https { "https" } else { "http" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.insert(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(same_site(&h(&[])));
        assert!(same_site(&h(&[
            ("host", "intranet:8080"),
            ("origin", "http://intranet:8080")
        ])));
        assert!(!same_site(&h(&[
            ("host", "intranet:8080"),
            ("origin", "https://boese.example")
        ])));
        assert!(!same_site(&h(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_site(&h(&[("sec-fetch-site", "same-site")])));
        assert!(same_site(&h(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_site(&h(&[("origin", "null")])));
        // A form of this server under `Referrer-Policy: no-referrer`.
        assert!(same_site(&h(&[
            ("origin", "null"),
            ("sec-fetch-site", "same-origin")
        ])));
        assert!(!same_site(&h(&[
            ("origin", "http://intranet:8080"),
            ("host", "intranet:8080"),
            ("sec-fetch-site", "cross-site")
        ])));
    }
}
