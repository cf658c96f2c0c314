//! Instructors' tools: `tradeport new`, forgiving input where it is harmless, `check`'s
//! warnings, `simulate`, and a variant of a scenario for every student.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tradeport::cli::{CheckStyle, check_with_warnings, new_scenario};
use tradeport::scenario::{self, load};

/// A fresh, empty folder for one test.
fn empty_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradeport-authoring-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn checked(path: &Path) -> ((usize, usize), String) {
    let mut out = Vec::new();
    let counts =
        check_with_warnings(&[path.to_path_buf()], &mut out, CheckStyle::Plain).unwrap_or_else(|e| panic!("{e}"));
    (counts, String::from_utf8_lossy(&out).to_string())
}

#[test]
fn new_writes_a_scenario_that_passes_check_without_warnings_and_the_expert_earns_every_point() {
    let dir = empty_folder("new");
    for (mode, lang) in [("b2b", "en"), ("b2c", "zh"), ("c2c", "en")] {
        let file = dir.join(format!("my-first-{mode}.scenario.ron"));
        let mut out = Vec::new();
        let written = new_scenario(mode, lang, &file, &mut out).unwrap_or_else(|e| panic!("{e}"));
        let printed = String::from_utf8_lossy(&out);
        assert!(written, "{printed}");
        let ((errors, warnings), text) = checked(&file);
        assert_eq!((errors, warnings), (0, 0), "{mode}: {text}");
        let loaded = scenario::load_scenario_file(&file).unwrap_or_else(|d| panic!("{d:?}"));
        assert_eq!(loaded.meta().id, format!("my-first-{mode}"));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        assert!(!text.contains("rules/"), "{mode}: bundled packs are named by id");
        assert!(
            text.starts_with(if lang == "zh" {
                "// 由 `tradeport new`"
            } else {
                "// A new "
            }),
            "{mode}: the guide in its language"
        );
        let seed = loaded.seed();
        let run = tradeport::sim::expert::play(Arc::new(loaded), seed);
        assert_eq!(run.report.total_earned, run.report.total_possible, "{mode}");
        assert!(run.report.total_possible > 0);
        // Never over an existing file.
        let mut out = Vec::new();
        assert!(!new_scenario(mode, lang, &file, &mut out).unwrap_or_else(|e| panic!("{e}")));
        assert!(String::from_utf8_lossy(&out).contains("never overwrites"));
    }
    // A name that cannot be an id is refused before anything is written.
    let mut out = Vec::new();
    assert!(!new_scenario("b2b", "en", &dir.join("My Deal.ron"), &mut out).unwrap_or_else(|e| panic!("{e}")));
    assert!(!dir.join("My Deal.ron").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The bundled B2B scenario's text with `edit` applied, parsed (not validated).
fn parse_edited(
    edit: impl FnOnce(String) -> String,
) -> Result<scenario::file::ScenarioFile, Vec<scenario::error::Diagnostic>> {
    let text = std::fs::read_to_string("scenarios/b2b-silk-blouses.scenario.ron").unwrap_or_else(|e| panic!("{e}"));
    load::parse_scenario("edited.scenario.ron", &edit(text))
}

#[test]
fn a_byte_order_mark_is_accepted_and_keeps_the_content_hash() {
    let plain = parse_edited(|t| t).unwrap_or_else(|d| panic!("{d:?}"));
    let marked = parse_edited(|t| format!("\u{feff}{t}")).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(plain, marked);
    let path = Path::new("scenarios/b2b-silk-blouses.scenario.ron");
    let a = scenario::assemble_at(path, &plain).unwrap_or_else(|d| panic!("{d:?}"));
    let b = scenario::assemble_at(path, &marked).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(a.content_hash(), b.content_hash());
}

#[test]
fn an_empty_file_says_it_is_empty() {
    for text in ["", "  \n\n", "\u{feff}"] {
        let d = load::parse_scenario("empty.scenario.ron", text).unwrap_err();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "the file is empty");
        assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("tradeport new")));
    }
}

#[test]
fn full_width_punctuation_outside_quotes_is_named() {
    for (from, to, named) in [
        ("length_days: 20,", "length_days： 20,", "full-width (Chinese) colon"),
        ("length_days: 20,", "length_days: 20，", "full-width (Chinese) comma"),
        (
            "home_currency: \"CNY\",",
            "home_currency: “CNY”,",
            "full-width (Chinese) opening quotation mark",
        ),
        (
            "starting_reputation: 60,",
            "starting_reputation: 60）,",
            "full-width (Chinese) closing parenthesis",
        ),
    ] {
        let d = parse_edited(|t| t.replacen(from, to, 1)).unwrap_err();
        let hint = d[0].hint.clone().unwrap_or_default();
        assert!(hint.contains(named), "{to}: {} / {hint}", d[0].message);
    }
    // Full-width marks inside quoted text are text, and a plain syntax error gets no such hint.
    assert!(parse_edited(|t| t).is_ok_and(|f| f.meta.title.zh.contains('真')));
    let d = parse_edited(|t| t.replacen("length_days: 20,", "length_days: 20 20,", 1)).unwrap_err();
    assert!(
        !d[0].hint.clone().unwrap_or_default().contains("full-width"),
        "{:?}",
        d[0]
    );
}

#[test]
fn a_chinese_only_text_is_shown_to_english_readers_marked_as_such() {
    let file =
        parse_edited(|t| t.replacen("en: \"Silk Blouses for Hamburg\",", "", 1)).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(file.meta.title.zh, "真丝女衬衫出口汉堡");
    assert_eq!(
        file.meta.title.en,
        format!("{}真丝女衬衫出口汉堡", tradeport::sim::terms::CHINESE_ONLY)
    );
    let loaded = scenario::assemble_at(Path::new("scenarios/b2b-silk-blouses.scenario.ron"), &file);
    assert!(loaded.is_ok(), "{:?}", loaded.err());
    // A text in neither language is still an error.
    let file = parse_edited(|t| {
        t.replacen("en: \"Silk Blouses for Hamburg\",", "", 1)
            .replacen("zh: \"真丝女衬衫出口汉堡\",", "", 1)
    })
    .unwrap_or_else(|d| panic!("{d:?}"));
    let d = scenario::assemble_at(Path::new("scenarios/b2b-silk-blouses.scenario.ron"), &file).unwrap_err();
    assert!(
        d.iter()
            .any(|d| d.path == "meta.title.en" && d.message == "text is empty"),
        "{d:?}"
    );
}

fn bundled(id: &str) -> Arc<tradeport::sim::Scenario> {
    let path = PathBuf::from(format!("scenarios/{id}.scenario.ron"));
    Arc::new(scenario::load_scenario_file(&path).unwrap_or_else(|d| panic!("{d:?}")))
}

const BUNDLED: [&str; 3] = ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"];

#[test]
fn simulate_is_deterministic_for_a_seed_whatever_the_threads() {
    use tradeport::sim::players::Player;
    use tradeport::sim::simulate::play_runs;
    let scenario = bundled("c2c-vintage-cameras");
    for player in Player::ALL {
        let one = play_runs(&scenario, player, 6, 77, 1, &|_| {});
        let two = play_runs(&scenario, player, 6, 77, 2, &|_| {});
        assert_eq!(one, two, "{player:?}");
        assert_eq!(one.runs.len(), 6);
        let other = play_runs(&scenario, player, 6, 78, 2, &|_| {});
        assert_ne!(
            one.runs.iter().map(|r| r.seed).collect::<Vec<_>>(),
            other.runs.iter().map(|r| r.seed).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_expert_beats_the_novice_who_beats_random_play_on_every_bundled_scenario() {
    use tradeport::sim::players::Player;
    use tradeport::sim::simulate::{Distribution, criteria, play_runs};
    for id in BUNDLED {
        let scenario = bundled(id);
        let criteria = criteria(&scenario);
        let mean = |player| {
            let runs = play_runs(&scenario, player, 24, scenario.seed(), 2, &|_| {});
            Distribution::of(&runs.runs, &criteria).mean_bp
        };
        let (expert, novice, random) = (mean(Player::Expert), mean(Player::Novice), mean(Player::Random));
        assert_eq!(expert, 10_000, "{id}: the expert earns every point on every seed");
        assert!(
            novice < expert && random < novice,
            "{id}: {expert} / {novice} / {random}"
        );
        // Far enough apart to tell skill: a novice loses at least a tenth, random play more.
        assert!(novice <= 9_000 && random + 1_000 <= novice, "{id}: {novice} / {random}");
    }
}

#[test]
fn simulate_prints_distributions_criteria_balance_and_throughput_and_writes_a_csv() {
    let dir = empty_folder("simulate");
    let csv = dir.join("runs.csv");
    let args = tradeport::cli::SimulateArgs {
        scenario: "b2b-silk-blouses".to_string(),
        runs: 5,
        players: "novice,expert".to_string(),
        csv: Some(csv.clone()),
        seed: Some(11),
        threads: Some(2),
        quiet: true,
    };
    let mut out = Vec::new();
    assert!(tradeport::cli::simulate(&args, &mut out).unwrap_or_else(|e| panic!("{e}")));
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("novice: 5 runs, mean ") && text.contains("expert: 5 runs, mean 100.0%"),
        "{text}"
    );
    assert!(text.contains("90–100% |"), "{text}");
    assert!(
        text.contains("Criteria: share of runs earning all the points (novice / expert)"),
        "{text}"
    );
    assert!(
        text.contains("Throughput (2 threads): novice ") && text.contains(" runs/s"),
        "{text}"
    );
    let rows = std::fs::read_to_string(&csv).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.lines().count(), 11, "{rows}");
    assert!(rows.starts_with("player,run,seed,earned,possible,percent,"));
    assert!(
        rows.lines()
            .nth(6)
            .is_some_and(|l| l.starts_with("expert,1,11,100,100,100.0,")),
        "{rows}"
    );
    // An unknown player is named, and nothing is played.
    let mut out = Vec::new();
    let bad = tradeport::cli::SimulateArgs {
        players: "expert,genius".to_string(),
        csv: None,
        ..args
    };
    assert!(!tradeport::cli::simulate(&bad, &mut out).unwrap_or_else(|e| panic!("{e}")));
    assert!(String::from_utf8_lossy(&out).contains("unknown player `genius`"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn balance_warnings_fire_on_an_easy_or_undiscriminating_rubric_and_not_on_a_balanced_one() {
    use tradeport::sim::players::Player;
    use tradeport::sim::simulate::{Criterion, Distribution, RunScore, balance_warnings};
    let criteria = vec![Criterion {
        task: tradeport::sim::terms::Text {
            en: "Task".into(),
            zh: String::new(),
        },
        description: tradeport::sim::terms::Text {
            en: "Shows up".into(),
            zh: String::new(),
        },
        possible: 10,
    }];
    let runs = |earned: u32, criterion: u32| -> Vec<RunScore> {
        (0..20)
            .map(|i| RunScore {
                seed: i,
                earned,
                possible: 100,
                criteria: vec![criterion],
            })
            .collect()
    };
    let of = |earned, criterion| Distribution::of(&runs(earned, criterion), &criteria);
    let balanced = [
        (Player::Expert, of(100, 10)),
        (Player::Novice, of(70, 10)),
        (Player::Random, of(40, 0)),
    ];
    assert!(balance_warnings(&balanced, &criteria, 20).is_empty());
    let easy = [
        (Player::Expert, of(100, 10)),
        (Player::Novice, of(95, 10)),
        (Player::Random, of(65, 10)),
    ];
    let warnings = balance_warnings(&easy, &criteria, 20).join("\n");
    assert!(
        warnings.contains("novices earn 95.0% on average: too easy"),
        "{warnings}"
    );
    assert!(warnings.contains("random play earns 65.0% on average"), "{warnings}");
    assert!(
        warnings.contains("`Shows up` (Task) is earned even by random play"),
        "{warnings}"
    );
    let hard = [(Player::Expert, of(80, 0)), (Player::Novice, of(80, 0))];
    let warnings = balance_warnings(&hard, &criteria, 20).join("\n");
    assert!(warnings.contains("the expert earns 80.0% on average"), "{warnings}");
    assert!(warnings.contains("novices score as well as the expert"), "{warnings}");
    assert!(
        warnings.contains("the expert earns `Shows up` (Task) in fewer than half of the runs"),
        "{warnings}"
    );
}

/// The warnings of the bundled B2B scenario with `from` replaced by `to` (once).
fn warnings_with(from: &str, to: &str) -> Vec<String> {
    let path = Path::new("scenarios/b2b-silk-blouses.scenario.ron");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains(from), "the bundled scenario has `{from}`");
    let edited = text.replacen(from, to, 1);
    let file = load::parse_scenario("edited.scenario.ron", &edited).unwrap_or_else(|d| panic!("{d:?}"));
    let scenario = scenario::assemble_at(path, &file).unwrap_or_else(|d| panic!("{to}: {d:?}"));
    tradeport::authoring::warnings(&Arc::new(scenario), Some(&edited))
}

#[test]
fn each_warning_fires_on_its_mistake_and_the_bundled_scenarios_have_none() {
    for id in BUNDLED {
        let path = format!("scenarios/{id}.scenario.ron");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let warnings = tradeport::authoring::warnings(&bundled(id), Some(&text));
        assert!(warnings.is_empty(), "{id}: {warnings:#?}");
    }
    let cases = [
        (
            "check: LetterPointRight(point: \"price\"),",
            "check: ContractSigned,",
            "setup.tasks[0].rubric[2]: `ContractSigned` checks a negotiation (`negotiation:`), which task `reply-inquiry` (Inbox) does not have",
        ),
        (
            "from: \"hanse-forwarding\",",
            "from: \"\",",
            "asks for a reply to a letter from `hanse-forwarding`, but `hanse-forwarding` never writes",
        ),
        (
            "reservation: \"0.40\",",
            "reservation: \"0.99\",",
            "no zone of agreement",
        ),
        (
            "UnitPrice(currency: \"EUR\", from: \"23.00\", to: \"32.00\", step: \"0.50\")",
            "UnitPrice(currency: \"EUR\", from: \"10.00\", to: \"19.00\", step: \"0.50\")",
            "every unit price is at or below the unit cost of `SB-6206-IVY`",
        ),
        (
            "net_kg: \"216.000\"",
            "net_kg: \"116.000\"",
            "declaration.lines[0].net_kg: 116.000 kg for 1200 × `SB-6206-IVY` of 180 g each (216.000 kg)",
        ),
        (
            "consignor: \"Hangzhou West Lake Silk Garments Co., Ltd.\"",
            "consignor: \"Ningbo Sunrise Trading Co., Ltd.\"",
            "declaration.consignor: `Ningbo Sunrise Trading Co., Ltd.` is not the student's company",
        ),
        (
            "daily_chance: \"8%\"",
            "daily_chance: \"0%\"",
            "has no chance of happening",
        ),
        (
            "change: \"-2%\"",
            "change: \"0%\"",
            "changes nothing (a change of zero)",
        ),
        (
            "zh: \"真丝女衬衫出口汉堡\"",
            "zh: \"真丝女衬衫出口汉堡𠀀\"",
            "(U+20000) is not in the bundled font",
        ),
    ];
    for (from, to, expected) in cases {
        let warnings = warnings_with(from, to);
        assert!(
            warnings.iter().any(|w| w.contains(expected)),
            "`{to}` should warn `{expected}`: {warnings:#?}"
        );
    }
}
