//! `tradeport check` and `list` as a person runs them.

use std::path::PathBuf;

use tradeport::cli::{CheckStyle, check, list};

#[test]
fn check_passes_the_bundled_folder() {
    let mut out = Vec::new();
    let failed = check(&[PathBuf::from("scenarios")], &mut out, CheckStyle::Snippet).unwrap_or(usize::MAX);
    let text = String::from_utf8_lossy(&out);
    assert_eq!(failed, 0, "{text}");
    assert!(text.contains("9 files checked, 0 with errors"), "{text}");
}

#[test]
fn check_reports_each_broken_file_with_a_snippet() {
    let mut out = Vec::new();
    let failed = check(
        &[PathBuf::from("tests/fixtures/bad/03-unknown-field-typo.scenario.ron")],
        &mut out,
        CheckStyle::Snippet,
    )
    .unwrap_or(0);
    let text = String::from_utf8_lossy(&out);
    assert_eq!(failed, 1, "{text}");
    assert!(text.contains("unknown field `hs_cod`"), "{text}");
    assert!(text.contains("did you mean `hs_code`?"), "{text}");
    assert!(
        text.contains("03-unknown-field-typo.scenario.ron:"),
        "location missing: {text}"
    );
}

#[test]
fn check_counts_every_broken_fixture() {
    let mut out = Vec::new();
    let failed = check(&[PathBuf::from("tests/fixtures/bad")], &mut out, CheckStyle::Plain).unwrap_or(0);
    let bad = tradeport::catalog::scenario_files(std::path::Path::new("tests/fixtures/bad")).len();
    // Broken rule packs in bad/rules are checked too.
    assert!(failed >= bad, "only {failed} of {bad} broken files reported");
}

#[test]
fn check_of_an_empty_selection_fails() {
    let mut out = Vec::new();
    let failed = check(&[PathBuf::from("docs")], &mut out, CheckStyle::Plain).unwrap_or(0);
    assert_eq!(failed, 1, "{}", String::from_utf8_lossy(&out));
}

#[test]
fn list_names_the_bundled_scenarios() {
    let mut out = Vec::new();
    list(&mut out).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out);
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        assert!(text.contains(id), "{id} missing from:\n{text}");
    }
}
