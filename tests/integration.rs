//! Integration tests: one binary, one module per feature. Each test builds a
//! project in a temp dir (or copies one from `tests/fixtures/`) and runs the
//! real `konzept` binary on it.

#[path = "integration/common.rs"]
mod common;

#[path = "integration/architecture.rs"]
mod architecture;

#[path = "integration/check.rs"]
mod check;

#[path = "integration/values.rs"]
mod values;

#[path = "integration/headers.rs"]
mod headers;

#[path = "integration/cross_checks.rs"]
mod cross_checks;

#[path = "integration/fixtures.rs"]
mod fixtures;

#[path = "integration/build.rs"]
mod build;

#[path = "../benches/support/generator.rs"]
mod generator;

#[path = "integration/generator.rs"]
mod generator_tests;

#[path = "integration/annotate.rs"]
mod annotate;
