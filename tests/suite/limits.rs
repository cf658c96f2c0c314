//! Every number a scenario file holds has an upper bound, and at every accepted maximum the
//! scenario plays to its end: the AI expert's whole run, its save replayed and the report
//! (which runs the expert again) all complete without a panic or an overflow. (How long that
//! takes and how much memory it needs is measured by `cargo bench --no-default-features
//! --bench limits`, in a release build.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tradeport::scenario::file::ScenarioFile;
use tradeport::scenario::limits::{
    INTEGER_LIMITS, MAX_LIST_ITEMS, MAX_TEXT_CHARS, at_maximum, integer_limit, set_field,
};
use tradeport::scenario::{assemble_at, load};
use tradeport::sim::expert;
use tradeport::sim::save::{ReportFile, SaveFile, Student};

fn bundled() -> Vec<PathBuf> {
    ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"]
        .iter()
        .map(|id| PathBuf::from(format!("scenarios/{id}.scenario.ron")))
        .collect()
}

fn parsed(path: &Path) -> ScenarioFile {
    let label = path.display().to_string();
    let text = load::read_text(path, &label).unwrap_or_else(|d| panic!("{d}"));
    load::parse_scenario(&label, &text).unwrap_or_else(|d| panic!("{d:?}"))
}

/// Plays `file` (validated as if at `path`) to its end as the expert, replays its save and
/// builds the report with the expert's run, as `tradeport report` does.
fn play_through(path: &Path, file: &ScenarioFile, what: &str) -> bool {
    let scenario = match assemble_at(path, file) {
        Ok(s) => s,
        Err(d) => {
            if std::env::var_os("TRADEPORT_SHOW_REFUSED").is_some() {
                eprintln!(
                    "{what}: refused: {}",
                    d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(" | ")
                );
            }
            return false;
        }
    };
    let scenario = Arc::new(scenario);
    let run = expert::play(scenario.clone(), scenario.seed());
    assert!(
        run.session.is_finished(),
        "{what}: the expert's run did not reach the end"
    );
    let save = SaveFile::of(&run.session, Student::default());
    let text = save.to_text();
    let again = SaveFile::parse(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
    let replayed = again.replay(scenario).unwrap_or_else(|e| panic!("{what}: replay: {e}"));
    let report = ReportFile::of(&replayed, Student::default());
    assert_eq!(
        report.claims.total_earned, run.report.total_earned,
        "{what}: the replay scores as the run"
    );
    let expert_again = expert::play_like(&replayed);
    assert_eq!(expert_again.report.total_earned, run.report.total_earned, "{what}");
    true
}

#[test]
fn every_whole_number_field_of_the_schema_has_a_bound() {
    let fields = crate::docs::integer_fields();
    assert!(
        fields.len() >= 40,
        "the schema trace found only {} integer fields",
        fields.len()
    );
    let missing: Vec<&String> = fields.iter().filter(|f| integer_limit(f).is_none()).collect();
    assert!(missing.is_empty(), "whole-number fields without a bound: {missing:?}");
    let doc = std::fs::read_to_string("docs/limits.md").unwrap_or_else(|e| panic!("docs/limits.md: {e}"));
    let undocumented: Vec<&str> = INTEGER_LIMITS
        .iter()
        .map(|(name, _, _)| *name)
        .filter(|name| !doc.contains(&format!("`{name}`")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "bounds not in docs/limits.md: {undocumented:?}"
    );
    assert_eq!(
        (MAX_TEXT_CHARS, MAX_LIST_ITEMS),
        (20_000, 500),
        "docs/limits.md states these"
    );
    assert!(doc.contains("20,000 characters") && doc.contains("500 items"));
}

#[test]
fn a_value_one_over_its_bound_is_refused_with_the_path() {
    let path = PathBuf::from("scenarios/b2c-eu-storefront.scenario.ron");
    let mut value = serde_json::to_value(parsed(&path)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(set_field(&mut value, "daily_shoppers", 20_001), 2);
    assert_eq!(set_field(&mut value, "reviews", 4_000_000_000), 6);
    let file: ScenarioFile = serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"));
    let problems = assemble_at(&path, &file).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 8, "{shown:#?}");
    assert!(
        shown
            .iter()
            .any(|s| s.contains("setup.markets[0].demand.daily_shoppers") && s.contains("20001 is out of range")),
        "{shown:#?}"
    );
    assert!(shown.iter().any(|s| s.contains("hint: use a value from 0 to 20000")));
}

#[test]
fn money_over_the_limit_is_refused_not_wrapped() {
    let path = PathBuf::from("scenarios/b2c-eu-storefront.scenario.ron");
    let mut file = parsed(&path);
    file.setup.products[0].unit_cost.amount = "1000000000.01".into();
    let problems = assemble_at(&path, &file).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|d| d.path == "setup.products[0].unit_cost.amount" && d.message.contains("too large")),
        "{problems:#?}"
    );
    file.setup.products[0].unit_cost.amount = "1000000000.00".into();
    assert!(
        !assemble_at(&path, &file)
            .err()
            .unwrap_or_default()
            .iter()
            .any(|d| d.path == "setup.products[0].unit_cost.amount"),
        "the limit itself is accepted"
    );
}

/// The case: a competitor with 4 billion reviews wrapped the review sum and divided by
/// zero at the end of the day. Now it is refused; at the limit the store plays.
#[test]
fn a_competitor_with_the_most_reviews_plays_to_the_end() {
    let path = PathBuf::from("scenarios/b2c-eu-storefront.scenario.ron");
    let file = at_maximum(&parsed(&path), "reviews", None).unwrap_or_else(|| panic!("no reviews"));
    assert!(
        play_through(&path, &file, "reviews at the limit"),
        "the limit is accepted"
    );
}

#[test]
fn every_accepted_maximum_plays_to_the_end_with_the_expert() {
    let mut accepted = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for path in bundled() {
        let original = parsed(&path);
        for (field, _, max) in INTEGER_LIMITS {
            if matches!(*field, "seed" | "format") {
                continue;
            }
            let Some(file) = at_maximum(&original, field, None) else {
                continue;
            };
            seen.insert(*field);
            let what = format!("{}: {field} = {max}", path.display());
            if play_through(&path, &file, &what) {
                accepted.insert(*field);
                continue;
            }
            // Days past the scenario's end are refused; try them on the longest scenario.
            if let Some(file) = at_maximum(&original, field, Some(366))
                && play_through(&path, &file, &format!("{what}, 366 days"))
            {
                accepted.insert(*field);
            }
        }
    }
    // Maxima refused for a reason of meaning: points must add up to the rubric's total,
    // CNY/EUR/USD have 2 decimals, and `min` is also a tone score out of 30 (its maximum of
    // 1,000 is a listing quality, which the bundled rubrics do not ask for).
    let not_played: Vec<&str> = seen.iter().filter(|f| !accepted.contains(*f)).copied().collect();
    assert_eq!(
        not_played,
        ["min", "minor_units", "points", "rubric_total"],
        "maxima never accepted in any bundled scenario: is the bound out of step with the rules?"
    );
    assert!(
        accepted.len() >= 30,
        "only {} fields played at their maximum",
        accepted.len()
    );
}

/// Every amount of money in each bundled scenario at the money limit, with the largest counts: refused with a message where a line or a deal would pass the limit, and
/// otherwise played to the end without an overflow.
#[test]
fn money_at_its_limit_with_the_largest_counts_plays_or_is_refused() {
    let mut played = 0;
    for path in bundled() {
        let original = parsed(&path);
        let mut value = serde_json::to_value(&original).unwrap_or_else(|e| panic!("{e}"));
        set_money(&mut value, "1000000000");
        let mut file: ScenarioFile = serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"));
        // (A year of the most shoppers takes a minute in a debug build: the benchmark plays it.)
        for field in [
            "buyers_per_day",
            "stock",
            "reviews",
            "followers",
            "Quantity",
            "quantity",
        ] {
            if let Some(next) = at_maximum(&file, field, None) {
                file = next;
            }
        }
        match assemble_at(&path, &file) {
            Ok(_) => {
                assert!(play_through(
                    &path,
                    &file,
                    &format!("{}: money at the limit", path.display())
                ));
                played += 1;
            }
            Err(problems) => assert!(
                problems.iter().all(|d| !d.message.is_empty() && !d.path.is_empty()),
                "{problems:?}"
            ),
        }
    }
    assert!(played >= 1, "no bundled scenario played with its money at the limit");
}

/// Sets every `amount` of a money value (`(currency, amount)`) to `to`.
fn set_money(v: &mut serde_json::Value, to: &str) {
    match v {
        serde_json::Value::Object(map) => {
            let is_money = map.contains_key("currency") && map.contains_key("amount");
            for (key, item) in map.iter_mut() {
                if is_money && key == "amount" {
                    *item = serde_json::Value::from(to);
                } else {
                    set_money(item, to);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| set_money(i, to)),
        _ => {}
    }
}
