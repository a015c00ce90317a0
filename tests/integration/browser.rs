//! The end-to-end tests of `konzept serve` in a real browser
//! (`tests/browser/`, node's test runner with playwright-core and Debian's
//! chromium, axe-core for accessibility), run from here so that the one test
//! command runs everything. `tools/test.sh` installs chromium and the npm
//! packages when they are missing.

use crate::support::common::*;
use std::process::Command;

#[test]
fn browser_round_and_accessibility() {
    let dir = repo().join("tests/browser");
    assert!(
        dir.join("node_modules/playwright-core").is_dir() && dir.join("node_modules/axe-core").is_dir(),
        "tests/browser/node_modules fehlt: `npm ci --prefix tests/browser` (tools/test.sh macht das)"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        std::path::Path::new(&chromium).exists(),
        "{chromium} fehlt: `apt-get install chromium` (tools/test.sh macht das)"
    );
    let out = Command::new("node")
        .args(["--test", "--test-concurrency=1", "serve.test.mjs"])
        .current_dir(&dir)
        .env("KONZEPT_BIN", env!("CARGO_BIN_EXE_konzept"))
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs (apt-get install nodejs)");
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "Browsertests fehlgeschlagen:\n{text}");
    assert!(
        text.contains("# pass 4") && text.contains("# fail 0"),
        "{text}"
    );
}
