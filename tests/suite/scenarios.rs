//! Bundled scenarios validate and round-trip; every broken fixture gives its exact diagnostics.

use std::path::{Path, PathBuf};

use tradeport::catalog;
use tradeport::scenario::error::render_plain;
use tradeport::scenario::file::ScenarioFile;
use tradeport::scenario::{load, load_rule_pack_file, load_scenario_file};

fn bundled_scenarios() -> Vec<PathBuf> {
    let files = catalog::scenario_files(Path::new("scenarios"));
    assert!(
        files.len() >= 3,
        "expected at least three bundled scenarios, found {files:?}"
    );
    files
}

#[test]
fn every_bundled_scenario_and_rule_pack_validates() {
    for path in catalog::expand(&[PathBuf::from("scenarios")]) {
        let result = match catalog::kind_of(&path) {
            Some(catalog::FileKind::RulePack) => load_rule_pack_file(&path).map(|_| ()),
            // Validated by the HS tests (it is compiled into the game).
            Some(catalog::FileKind::Nomenclature) => Ok(()),
            _ => load_scenario_file(&path).map(|_| ()),
        };
        if let Err(d) = result {
            panic!("{} does not validate:\n{}", path.display(), render_plain(&d));
        }
    }
}

#[test]
fn bundled_scenarios_cover_b2b_b2c_and_c2c_with_chinese_titles() {
    let mut modes = Vec::new();
    for path in bundled_scenarios() {
        let scenario = load_scenario_file(&path).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
        assert!(
            !scenario.meta().title.zh.is_empty(),
            "{} has no Chinese title",
            path.display()
        );
        modes.push(scenario.meta().mode);
    }
    modes.sort();
    modes.dedup();
    assert_eq!(modes.len(), 3, "one scenario per trade mode, got {modes:?}");
}

#[test]
fn default_scenario_exists() {
    let path = catalog::resolve(catalog::DEFAULT_SCENARIO_ID).unwrap_or_else(|e| panic!("{e}"));
    assert!(load_scenario_file(&path).is_ok());
}

#[test]
fn scenarios_round_trip_through_ron() {
    let mut paths = bundled_scenarios();
    paths.push(PathBuf::from("tests/fixtures/good/minimal.scenario.ron"));
    for path in paths {
        let label = path.display().to_string();
        let text = load::read_text(&path, &label).unwrap_or_else(|d| panic!("{d}"));
        let parsed: ScenarioFile =
            load::parse_scenario(&label, &text).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
        let written =
            ron::ser::to_string_pretty(&parsed, ron::ser::PrettyConfig::default()).unwrap_or_else(|e| panic!("{e}"));
        let reparsed =
            load::parse_scenario("written", &written).unwrap_or_else(|d| panic!("{}\n{written}", render_plain(&d)));
        assert_eq!(parsed, reparsed, "{label} changed after a write/read round trip");
    }
}

#[test]
fn good_fixture_and_benchmark_scenario_validate() {
    for path in [
        "tests/fixtures/good/minimal.scenario.ron",
        "benches/negotiation-3-issues.scenario.ron",
    ] {
        if let Err(d) = load_scenario_file(Path::new(path)) {
            panic!("{path}: {}", render_plain(&d));
        }
    }
}

#[test]
fn every_bad_fixture_gives_its_expected_diagnostics() {
    let files = catalog::scenario_files(Path::new("tests/fixtures/bad"));
    assert!(
        files.len() >= 20,
        "need at least 20 broken fixtures, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let expected_path = PathBuf::from(path.display().to_string().replace(".scenario.ron", ".expected"));
        let expected =
            std::fs::read_to_string(&expected_path).unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let actual = match load_scenario_file(path) {
            Ok(_) => String::new(),
            Err(d) => render_plain(&d),
        };
        assert!(
            !expected.trim().is_empty(),
            "{} expects no problem: a broken fixture must be broken",
            expected_path.display()
        );
        if actual != expected {
            failures.push(format!(
                "--- {}\nexpected:\n{expected}\nactual:\n{actual}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn several_mistakes_are_all_reported_in_one_pass() {
    let path = Path::new("tests/fixtures/bad/30-several-semantic-mistakes.scenario.ron");
    let d = load_scenario_file(path).err().unwrap_or_default();
    assert!(d.len() >= 5, "expected every mistake at once, got {}", render_plain(&d));
    assert!(
        d.iter().all(|d| !d.path.is_empty() && d.hint.is_some()),
        "each has a path and a hint: {}",
        render_plain(&d)
    );
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let path = Path::new("tests/fixtures/bad/01-syntax-missing-comma.scenario.ron");
    let d = load_scenario_file(path).err().unwrap_or_default();
    assert_eq!(d.len(), 1);
    assert!(d[0].at.is_some(), "syntax error without position: {}", d[0]);
}
