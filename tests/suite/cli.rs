//! `tradeport check` and `list` as a person runs them.

use std::path::PathBuf;

use tradeport::cli::{CheckStyle, TournamentArgs, check, list, tournament};

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
fn check_warns_of_a_misnamed_file_and_a_duplicate_id_without_failing() {
    let dir = std::env::temp_dir().join(format!("tradeport-check-warn-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    for pack in ["us", "uk", "cn-export"] {
        let name = format!("{pack}.rules.ron");
        std::fs::copy(
            PathBuf::from("scenarios/rules").join(&name),
            dir.join("rules").join(&name),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let source = PathBuf::from("scenarios/c2c-vintage-cameras.scenario.ron");
    std::fs::copy(&source, dir.join("c2c-vintage-cameras.scenario.ron")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(&source, dir.join("my-copy.scenario.ron")).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    let (failed, warnings) =
        tradeport::cli::check_with_warnings(std::slice::from_ref(&dir), &mut out, CheckStyle::Plain)
            .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out);
    assert_eq!(failed, 0, "warnings are not errors: {text}");
    assert_eq!(warnings, 2, "{text}");
    assert!(
        text.contains("the file is named `my-copy` but the scenario's id is `c2c-vintage-cameras`"),
        "{text}"
    );
    assert!(
        text.contains("scenario id `c2c-vintage-cameras` is used by 2 files"),
        "{text}"
    );
    assert!(text.contains("0 with errors, 2 warnings"), "{text}");
    // A criterion the expert cannot earn (the lens is to be sold at a fixed price, yet the
    // rubric asks its auction to end above the reserve) is named, with why.
    let text = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("{e}"));
    let unearnable = text.replace(
        "AuctionSoldAboveReserve(product: \"CAM-SEAGULL\")",
        "AuctionSoldAboveReserve(product: \"LENS-FD50\")",
    );
    assert_ne!(unearnable, text, "the bundled rubric has the auction criterion");
    std::fs::write(dir.join("my-copy.scenario.ron"), unearnable).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    let (failed, _) = tradeport::cli::check_with_warnings(std::slice::from_ref(&dir), &mut out, CheckStyle::Plain)
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out);
    assert_eq!(failed, 0, "{text}");
    assert!(
        text.contains("the AI expert earns 0 of 6 on `The Seagull auction ends above its reserve.`")
            && text.contains("LENS-FD50 was not auctioned to a close"),
        "{text}"
    );
    // The bundled folder has none.
    let mut out = Vec::new();
    let bundled = tradeport::cli::check_with_warnings(&[PathBuf::from("scenarios")], &mut out, CheckStyle::Plain)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bundled, (0, 0), "{}", String::from_utf8_lossy(&out));
    let _ = std::fs::remove_dir_all(&dir);
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

#[test]
fn tournament_prints_every_pairing_and_the_throughput() {
    let args = TournamentArgs {
        scenario: "scenarios/b2b-silk-blouses.scenario.ron".to_string(),
        task: None,
        runs: 5,
        seed: 1,
        rounds: Some(20),
    };
    let mut out = Vec::new();
    assert!(tournament(&args, &mut out).unwrap_or(false));
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("task `negotiate-deal`") && text.contains("deadline 20 rounds"),
        "{text}"
    );
    // The standard six plus the scenario's own Boulware (e=0.4) and Conceder (e=2.5): 8 × 8.
    let rows = text
        .lines()
        .filter(|l| l.contains('%') && !l.starts_with("Reservation"))
        .count();
    assert_eq!(rows, 64, "{text}");
    assert!(text.contains("Boulware (e=0.4)") && text.contains("Conceder (e=2.5)"));
    assert!(
        text.contains("320 negotiations in") && text.contains("negotiations per second"),
        "{text}"
    );

    // A scenario without a negotiation says which tasks have one (none) and fails.
    let none = TournamentArgs {
        scenario: "scenarios/c2c-vintage-cameras.scenario.ron".to_string(),
        ..args
    };
    let mut out = Vec::new();
    assert!(!tournament(&none, &mut out).unwrap_or(true));
    assert!(String::from_utf8_lossy(&out).contains("tasks with a negotiation: none"));
}

#[test]
fn expert_prints_its_decisions_and_the_score_the_library_gives() {
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let mut out = Vec::new();
        assert!(tradeport::cli::expert(id, Some(7), &mut out).unwrap_or(false), "{id}");
        let text = String::from_utf8_lossy(&out);
        let path = tradeport::catalog::resolve(id).unwrap_or_else(|e| panic!("{e}"));
        let scenario = std::sync::Arc::new(
            tradeport::scenario::load_scenario_file(&path)
                .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d))),
        );
        let run = tradeport::sim::expert::play(scenario, 7);
        let total = format!(
            "Total: {} / {} points",
            run.report.total_earned, run.report.total_possible
        );
        assert!(text.contains(&total), "{id}: {total} in\n{text}");
        assert!(
            text.contains(&format!("seed 7, {} of", run.report.days_played)),
            "{text}"
        );
        // Every decision is printed, each with its day.
        let decisions = text.lines().filter(|l| l.starts_with("day ")).count();
        assert_eq!(decisions, run.moves.len(), "{id}");
        // Every criterion the expert misses is named with why.
        let missed: usize = run
            .report
            .tasks
            .iter()
            .map(|t| t.criteria.iter().filter(|c| c.earned < c.possible).count())
            .sum();
        assert_eq!(
            text.lines().filter(|l| l.starts_with("  missed ")).count(),
            missed,
            "{id}"
        );
    }
    let mut out = Vec::new();
    assert!(!tradeport::cli::expert("no-such-scenario", None, &mut out).unwrap_or(true));
}

#[test]
fn window_sizes_are_read_and_bounded() {
    use tradeport::cli::{WindowSize, parse_window_size};
    assert_eq!(
        parse_window_size("1366x768"),
        Ok(WindowSize {
            width: 1366,
            height: 768
        })
    );
    assert!(parse_window_size("100x100").is_err_and(|e| e.contains("outside")));
    assert!(parse_window_size("wide").is_err_and(|e| e.contains("WIDTHxHEIGHT")));
    assert!(parse_window_size("99999999999x768").is_err());
}
