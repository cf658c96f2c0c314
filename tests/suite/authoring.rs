//! Instructors' tools: `tradeport new`, forgiving input where it is harmless, `check`'s
//! warnings, `simulate`, and a variant of a scenario for every student.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check_lang::without_quotes;
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
    // A file saved with the mark, read from disk beside its rule packs, is the bundled one.
    let dir = empty_folder("bom");
    let text = std::fs::read_to_string("scenarios/b2c-eu-storefront.scenario.ron").unwrap_or_else(|e| panic!("{e}"));
    let with_mark = dir.join("b2c-eu-storefront.scenario.ron");
    std::fs::write(&with_mark, format!("\u{feff}{text}")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    for pack in ["eu", "cn-export"] {
        std::fs::copy(
            format!("scenarios/rules/{pack}.rules.ron"),
            dir.join(format!("rules/{pack}.rules.ron")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let loaded = scenario::load_scenario_file(&with_mark).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(loaded.content_hash(), bundled("b2c-eu-storefront").content_hash());
    let _ = std::fs::remove_dir_all(&dir);
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
    // A text written `en: ""` stays empty (as it always read: its file keeps its hash); only
    // one that leaves `en` out is Chinese-only.
    let file = parse_edited(|t| t.replacen("en: \"Silk Blouses for Hamburg\"", "en: \"\"", 1))
        .unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(file.meta.title.en, "");
    // A product's name goes on documents: it needs its English.
    let file = parse_edited(|t| t.replacen("en: \"Women's long-sleeve blouse, 100% mulberry silk, ivory\",", "", 1))
        .unwrap_or_else(|d| panic!("{d:?}"));
    let d = scenario::assemble_at(Path::new("scenarios/b2b-silk-blouses.scenario.ron"), &file).unwrap_err();
    assert!(
        d.iter()
            .any(|d| d.path == "setup.products[0].name.en" && d.message == "this text needs English"),
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

/// The warnings of the bundled B2B scenario with `from` replaced by `to` (once), in English.
fn warnings_with(from: &str, to: &str) -> Vec<String> {
    warning_values_with(from, to).iter().map(ToString::to_string).collect()
}

/// The warnings of the bundled B2B scenario with `from` replaced by `to` (once).
fn warning_values_with(from: &str, to: &str) -> Vec<tradeport::authoring::Warning> {
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
            "asks for a reply to a letter from `hanse-forwarding`, but `hanse-forwarding` does not write by day",
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
            "(U+20000) is not in the interface font",
        ),
    ];
    // A character the font lacks in a comment is never drawn: no warning.
    let quiet = warnings_with("    format: 1,", "    format: 1, /* 𠀀 */ // 𠀀");
    assert!(!quiet.iter().any(|w| w.contains("bundled font")), "{quiet:#?}");
    for (from, to, expected) in cases {
        let warnings = warnings_with(from, to);
        assert!(
            warnings.iter().any(|w| w.contains(expected)),
            "`{to}` should warn `{expected}`: {warnings:#?}"
        );
    }
}

/// What the expert's run misses when the negotiation of the bundled B2B scenario cannot
/// close (the AI expert earns nothing of these criteria), in English.
const NO_CONTRACT: [&str; 4] = [
    "the AI expert earns 0 of 5 on `Uses FCA (or CPT/CIP) rather than FOB for the containerised shipment, or justifies FOB.` (Close the blouse contract): no contract was signed — check that a student can earn it",
    "the AI expert earns 0 of 5 on `Payment protects the seller: at least 30% T/T deposit with the balance before the B/L is released, or an L/C at sight.` (Close the blouse contract): no contract was signed — check that a student can earn it",
    "the AI expert earns 0 of 10 on `Agreed unit price is at least unit cost + 15% in CNY at the rate on the contract day.` (Close the blouse contract): no contract was signed — check that a student can earn it",
    "the AI expert earns 0 of 5 on `A contract is agreed before the buyer runs out of patience.` (Close the blouse contract): no contract was signed — check that a student can earn it",
];

/// Every warning the tests above provoke reads in Chinese (no two English words in a row
/// outside what it quotes from the file: ids, field paths, the criterion), and its English is
/// word for word what `check` printed before the warnings were catalogue sentences.
#[test]
fn every_warning_reads_in_chinese_and_its_english_is_unchanged() {
    use tradeport::i18n::{Catalogue, Language};
    let chinese = Catalogue::new(Language::Chinese);
    let english = Catalogue::new(Language::English);
    let inquiry = |why: &str| {
        format!(
            "the AI expert earns 0 of 6 on `States the Incoterm with a named place and version, e.g. 'FCA Ningbo, Incoterms 2020', and offers FCA for the container rather than the FOB asked for.` (Answer Nordkontor's inquiry): {why} — check that a student can earn it"
        )
    };
    let no_offer = [
        "the AI expert earns 0 of 5 on `Opening offer leaves room to concede: worth at least 0.85 to you by your brief (a high price, secure payment).` (Close the blouse contract): you made no offer — check that a student can earn it",
        "the AI expert earns 0 of 5 on `Concessions get smaller each round and are traded for something (quantity, deposit, delivery date).` (Close the blouse contract): you made no offer — check that a student can earn it",
    ];
    let no_deal: Vec<String> = no_offer
        .iter()
        .chain(NO_CONTRACT.iter())
        .map(ToString::to_string)
        .collect();
    let wrong_activity = |check: &str, what: &str| {
        format!(
            "setup.tasks[0].rubric[2]: `{check}` checks {what}, which task `reply-inquiry` (Inbox) does not have: no play can earn it; move the criterion to the task that has one"
        )
    };
    let cases: Vec<(&str, &str, Vec<String>)> = vec![
        (
            "check: LetterPointRight(point: \"price\"),",
            "check: ContractSigned,",
            vec![
                wrong_activity("ContractSigned", "a negotiation (`negotiation:`)"),
                inquiry("no contract was signed"),
            ],
        ),
        (
            "check: LetterPointRight(point: \"price\"),",
            "check: DeclarationFirstTime,",
            vec![
                wrong_activity("DeclarationFirstTime", "a declaration (`declaration:`)"),
                inquiry("no declaration was lodged"),
            ],
        ),
        (
            "check: LetterPointRight(point: \"price\"),",
            "check: ListingLive,",
            vec![
                wrong_activity(
                    "ListingLive",
                    "a storefront listing (activity `Storefront` or `Promotion`)",
                ),
                inquiry("not listed"),
            ],
        ),
        (
            "from: \"hanse-forwarding\",",
            "from: \"\",",
            vec!["setup.tasks[2]: task `book-freight` asks for a reply to a letter from `hanse-forwarding`, but `hanse-forwarding` does not write by day 14 for certain (only a random event may): add a `Message(from: \"hanse-forwarding\", …)` event on day 14 or before".to_string()],
        ),
        (
            "reservation: \"0.40\",",
            "reservation: \"0.99\",",
            std::iter::once("setup.tasks[1].negotiation: no zone of agreement: no offer is worth its walk-away value to both the seller and the buyer, so no deal is possible; lower one side's `reservation` or widen the options".to_string())
                .chain(no_deal.iter().cloned())
                .collect(),
        ),
        (
            "UnitPrice(currency: \"EUR\", from: \"23.00\", to: \"32.00\", step: \"0.50\")",
            "UnitPrice(currency: \"EUR\", from: \"10.00\", to: \"19.00\", step: \"0.50\")",
            std::iter::once("setup.tasks[1].negotiation: every unit price is at or below the unit cost of `SB-6206-IVY` at the starting rate: no deal leaves a margin; raise the price options".to_string())
                .chain(no_deal.iter().cloned())
                .collect(),
        ),
        (
            "net_kg: \"216.000\"",
            "net_kg: \"116.000\"",
            vec!["setup.tasks[3].declaration.lines[0].net_kg: 116.000 kg for 1200 × `SB-6206-IVY` of 180 g each (216.000 kg): the packing list and the product disagree".to_string()],
        ),
        (
            "consignor: \"Hangzhou West Lake Silk Garments Co., Ltd.\"",
            "consignor: \"Ningbo Sunrise Trading Co., Ltd.\"",
            vec!["setup.tasks[3].declaration.consignor: `Ningbo Sunrise Trading Co., Ltd.` is not the student's company (`Hangzhou West Lake Silk Garments Co., Ltd.`): the model answer would declare someone else's goods".to_string()],
        ),
        (
            "daily_chance: \"8%\"",
            "daily_chance: \"0%\"",
            vec!["setup.events.random[0]: `eur-weakens` has no chance of happening (daily_chance or max_times is zero)".to_string()],
        ),
        (
            "change: \"-2%\"",
            "change: \"0%\"",
            vec!["setup.events.random[0]: `eur-weakens` changes nothing (a change of zero)".to_string()],
        ),
        (
            "zh: \"真丝女衬衫出口汉堡\"",
            "zh: \"真丝女衬衫出口汉堡𠀀\"",
            vec!["line 13:27: `𠀀` (U+20000) is not in the interface font (Latin, GB 18030 level 1 Chinese, Traditional and rare name characters): it shows as a box on screen; use a common character instead".to_string()],
        ),
    ];
    let mut warnings = Vec::new();
    for (from, to, expected) in cases {
        let found = warning_values_with(from, to);
        let shown: Vec<String> = found.iter().map(|w| w.text(&english)).collect();
        assert_eq!(shown, expected, "`{to}`");
        warnings.extend(found);
    }
    // And what a sample student's variant meets, said with the student.
    let dir = empty_folder("variant-warnings-in-chinese");
    let path = scenario_with_variants(
        &dir,
        r#"(field: "setup.tasks[1].negotiation.buyer.reservation", from: "0.35", to: "0.99", step: "0.01")"#,
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let file = load::parse_scenario("variants.scenario.ron", &text).unwrap_or_else(|d| panic!("{d:?}"));
    let varied = tradeport::authoring::variant_warnings(&path, &file);
    let student = |n: u32, warning: &str| format!("in the variant of sample student {n} (class CHECK): {warning}");
    let mut expected = vec![student(
        1,
        "setup.tasks[1].negotiation: no zone of agreement: no offer is worth its walk-away value to both the seller and the buyer, so no deal is possible; lower one side's `reservation` or widen the options",
    )];
    expected.extend(NO_CONTRACT.iter().map(|w| student(1, w)));
    expected.push(student(3, "the AI expert earns 0 of 5 on `Concessions get smaller each round and are traded for something (quantity, deposit, delivery date).` (Close the blouse contract): accepting gave up 0.252 after 0.002 before — check that a student can earn it"));
    assert_eq!(varied.iter().map(ToString::to_string).collect::<Vec<_>>(), expected);
    warnings.extend(varied);
    let _ = std::fs::remove_dir_all(&dir);

    let english_lines: Vec<String> = warnings
        .iter()
        .map(|w| w.text(&chinese))
        .filter_map(|text| crate::said::english_run(&without_quotes(&text), 3).map(|run| format!("{run:?} in: {text}")))
        .collect();
    assert!(
        english_lines.is_empty(),
        "{} warnings with English:\n{}",
        english_lines.len(),
        english_lines.join("\n")
    );
}

/// The bundled B2B scenario with `variants` ranges, written to `dir` (rule packs by id).
fn scenario_with_variants(dir: &Path, ranges: &str) -> PathBuf {
    let text = std::fs::read_to_string("scenarios/b2b-silk-blouses.scenario.ron").unwrap_or_else(|e| panic!("{e}"));
    let text = text
        .replace("file: \"rules/cn-export.rules.ron\"", "file: \"\"")
        .replace("file: \"rules/eu.rules.ron\"", "file: \"\"")
        .replace("id: \"b2b-silk-blouses\"", "id: \"silk-variants\"");
    let end = text.rfind(')').unwrap_or_else(|| unreachable!());
    let varied = format!("{}    variants: [{ranges}],\n)\n", &text[..end]);
    let path = dir.join("silk-variants.scenario.ron");
    std::fs::write(&path, varied).unwrap_or_else(|e| panic!("{e}"));
    path
}

const RANGES: &str = r#"
        (field: "setup.tasks[1].negotiation.buyer.reservation", from: "0.30", to: "0.40", step: "0.01"),
        (field: "setup.products[0].unit_cost.amount", from: "160.00", to: "176.00", step: "0.50"),
        (field: "setup.exchange_rates[0].rate", from: "8.1000", to: "8.4000", step: "0.0050"),
    "#;

#[test]
fn two_students_variants_differ_and_each_verifies_only_as_its_own() {
    use tradeport::sim::save::{ReportFile, SaveFile, Student};
    use tradeport::sim::scenario::VariantKey;
    let dir = empty_folder("variants");
    let path = scenario_with_variants(&dir, RANGES);
    // The file as written is valid, at its ranges' lowest and highest values too.
    let ((errors, _), text) = checked(&path);
    assert_eq!(errors, 0, "{text}");
    let base = scenario::load_scenario_file(&path).unwrap_or_else(|d| panic!("{d:?}"));
    let li = VariantKey::new("gz-2026-a", "S01");
    let wang = VariantKey::new("GZ-2026-A", "S02");
    let a = scenario::variant::load(&path, &li).unwrap_or_else(|d| panic!("{d:?}"));
    let b = scenario::variant::load(&path, &wang).unwrap_or_else(|d| panic!("{d:?}"));
    assert_ne!(a.seed(), b.seed());
    assert_ne!(a.seed(), base.seed());
    assert_ne!(a.content_hash(), b.content_hash());
    assert_eq!(a.variant(), Some(&li));
    // Each drawn number lies in its range (and the same key draws the same variant).
    let again = scenario::variant::load(&path, &li).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(again.content_hash(), a.content_hash());
    let cost = |s: &tradeport::sim::Scenario| s.products()[0].unit_cost.minor;
    assert!((16_000..=17_600).contains(&cost(&a)) && (16_000..=17_600).contains(&cost(&b)));
    let differ = [&a, &b].map(|s| {
        (
            cost(s),
            s.tasks()[1].negotiation.as_ref().map(|n| n.buyer.reservation()),
        )
    });
    assert_ne!(differ[0], differ[1], "two students' numbers differ");

    // Li Na plays her variant; her report verifies, and as Wang Wei's it does not.
    let arc = Arc::new(a);
    let run = tradeport::sim::expert::play(Arc::clone(&arc), arc.seed());
    let li_na = Student {
        name: "Li Na".into(),
        id: "S01".into(),
    };
    let report = ReportFile::of(&run.session, li_na);
    assert_eq!(report.save.class_code.as_deref(), Some("GZ-2026-A"));
    let file = dir.join("li-na.report.ron");
    std::fs::write(&file, report.to_text()).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    let scenario_arg = path.display().to_string();
    let verified = tradeport::cli::verify(&file, Some(&scenario_arg), &mut out).unwrap_or_else(|e| panic!("{e}"));
    let printed = String::from_utf8_lossy(&out);
    assert!(verified, "{printed}");
    assert!(
        printed.contains("variant of class GZ-2026-A for student number S01"),
        "{printed}"
    );
    let copied = report
        .to_text()
        .replace("id: \"S01\"", "id: \"S02\"")
        .replace("name: \"Li Na\"", "name: \"Wang Wei\"");
    assert_ne!(copied, report.to_text());
    std::fs::write(&file, copied).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    assert!(!tradeport::cli::verify(&file, Some(&scenario_arg), &mut out).unwrap_or_else(|e| panic!("{e}")));
    let printed = String::from_utf8_lossy(&out);
    assert!(printed.contains("another student's variant"), "{printed}");
    // The instructor names the class's code: her report verifies with it, not with another;
    // a report played without any code (copied from a classmate who left it out) is refused.
    std::fs::write(&file, report.to_text()).unwrap_or_else(|e| panic!("{e}"));
    let with_code = |code: &str, path: &Path| {
        let mut out = Vec::new();
        let ok = tradeport::cli::verify_class(&[path.to_path_buf()], Some(&scenario_arg), None, Some(code), &mut out)
            .unwrap_or_else(|e| panic!("{e}"));
        (ok, String::from_utf8_lossy(&out).to_string())
    };
    assert!(with_code("gz-2026-a", &file).0);
    let (ok, printed) = with_code("GZ-2026-B", &file);
    assert!(
        !ok && printed.contains("played with class code GZ-2026-A, not GZ-2026-B"),
        "{printed}"
    );
    let plain_run = tradeport::sim::expert::play(Arc::new(base.clone()), base.seed());
    let plain_report = ReportFile::of(
        &plain_run.session,
        Student {
            name: "Wang Wei".into(),
            id: "S02".into(),
        },
    );
    let plain_file = dir.join("wang-wei.report.ron");
    std::fs::write(&plain_file, plain_report.to_text()).unwrap_or_else(|e| panic!("{e}"));
    let (ok, printed) = with_code("GZ-2026-A", &plain_file);
    assert!(
        !ok && printed.contains("played without the class code GZ-2026-A"),
        "{printed}"
    );
    let mut out = Vec::new();
    assert!(
        tradeport::cli::verify(&plain_file, Some(&scenario_arg), &mut out).unwrap_or_else(|e| panic!("{e}")),
        "without --class-code the scenario as written is checked, as before"
    );
    // Nor does her save replay on the scenario as written, nor a save without a class code
    // on a variant.
    let save = SaveFile::of(
        &run.session,
        Student {
            name: "Li Na".into(),
            id: "S01".into(),
        },
    );
    assert!(save.replay(Arc::new(base)).is_err());
    let plain = SaveFile {
        class_code: None,
        ..save
    };
    assert!(plain.replay(Arc::clone(&arc)).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ranges_that_only_fail_together_are_found_in_a_sample_students_variant() {
    let dir = empty_folder("mixed-variants");
    // Both ends are valid (18 days and due on 18, 20 and 20), but a student who draws a
    // short scenario and a late due day cannot start.
    let path = scenario_with_variants(
        &dir,
        r#"(field: "setup.length_days", from: "18", to: "20", step: "1"),
           (field: "setup.tasks[3].due_day", from: "18", to: "20", step: "1")"#,
    );
    let ((errors, _), text) = checked(&path);
    assert_eq!(errors, 1, "{text}");
    assert!(text.contains("in the variant of sample student"), "{text}");
    // A range that leaves some students no deal is a warning, named with a sample student.
    let path = scenario_with_variants(
        &dir,
        r#"(field: "setup.tasks[1].negotiation.buyer.reservation", from: "0.35", to: "0.99", step: "0.01")"#,
    );
    let ((errors, warnings), text) = checked(&path);
    assert_eq!(errors, 0, "{text}");
    assert!(
        warnings > 0 && text.contains("in the variant of sample student"),
        "{text}"
    );
    assert!(text.contains("no zone of agreement"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_a_class_code_saves_keep_their_exact_text_and_bad_ranges_are_errors() {
    let scenario = bundled("b2b-silk-blouses");
    let run = tradeport::sim::expert::play(Arc::clone(&scenario), scenario.seed());
    let save = tradeport::sim::save::SaveFile::of(&run.session, Default::default());
    assert!(save.class_code.is_none() && !save.to_text().contains("class_code"));
    let dir = empty_folder("bad-variants");
    for (ranges, expected) in [
        (
            r#"(field: "setup.nowhere", from: "1", to: "2", step: "1")"#,
            "is not a number of this scenario",
        ),
        (
            r#"(field: "setup.tasks[1].negotiation.buyer.reservation", from: "0.5", to: "0.4", step: "0.01")"#,
            "`from` at most `to`",
        ),
        (
            r#"(field: "setup.length_days", from: "10", to: "400", step: "1")"#,
            "at its highest value",
        ),
    ] {
        let path = scenario_with_variants(&dir, ranges);
        let ((errors, _), text) = checked(&path);
        assert_eq!(errors, 1, "{ranges}: {text}");
        assert!(text.contains(expected), "{ranges}: {text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_workshop_edits_knobs_checks_live_and_saves_a_new_file_beside_the_original() {
    use tradeport::authoring::workbench::{KnobKind, Workbench, to_ron};
    // What the workshop writes reads back as the same scenario, for every bundled file.
    for id in BUNDLED {
        let path = PathBuf::from(format!("scenarios/{id}.scenario.ron"));
        let bench = Workbench::open(&path).unwrap_or_else(|d| panic!("{d:?}"));
        assert!(bench.problems.is_empty() && bench.warnings.is_empty(), "{id}");
        let again = load::parse_scenario("again.ron", &to_ron(&bench.file)).unwrap_or_else(|d| panic!("{id}: {d:?}"));
        assert_eq!(again, bench.file, "{id}");
    }
    let dir = empty_folder("workshop");
    let mut out = Vec::new();
    assert!(new_scenario("b2b", "en", &dir.join("silk.scenario.ron"), &mut out).unwrap_or_else(|e| panic!("{e}")));
    let mut bench = Workbench::open(&dir.join("silk.scenario.ron")).unwrap_or_else(|d| panic!("{d:?}"));
    let knobs = bench.knobs();
    for field in [
        "setup.start_date",
        "setup.products[0].unit_cost.amount",
        "setup.exchange_rates[0].rate",
        "setup.counterparts[0].personality.strategy",
        "setup.tasks[1].negotiation.buyer.reservation",
        "setup.tasks[0].rubric[0].points",
    ] {
        assert!(knobs.iter().any(|k| k.field == field), "{field} is a knob");
    }
    assert!(knobs.iter().any(|k| matches!(k.kind, KnobKind::Choice(_))));
    // A change the rules refuse is a problem at once, with its field; undoing it clears it.
    bench
        .set("setup.tasks[0].rubric[0].points", "9")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(bench.changed);
    assert!(
        bench.problems.iter().any(|d| d.message.contains("100")),
        "{:?}",
        bench.problems
    );
    bench
        .set("setup.tasks[0].rubric[0].points", "8")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(bench.problems.is_empty(), "{:?}", bench.problems);
    // A valid change that breaks play is a warning at once: no zone of agreement.
    bench
        .set("setup.tasks[1].negotiation.buyer.reservation", "0.99")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        bench
            .warnings
            .iter()
            .any(|w| w.to_string().contains("no zone of agreement")),
        "{:?}",
        bench.warnings
    );
    bench
        .set("setup.tasks[1].negotiation.buyer.reservation", "0.30")
        .unwrap_or_else(|e| panic!("{e}"));
    bench
        .set("setup.products[0].unit_cost.amount", "170.00")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(bench.set("setup.length_days", "twenty").is_err(), "not a whole number");
    assert!(
        bench
            .set("setup.counterparts[0].personality.strategy", "Greedy")
            .is_err()
    );
    // A quick simulate of the variant.
    let quick = bench.quick_simulate(4, 2).unwrap_or_else(|| unreachable!("valid"));
    assert_eq!(quick.players.len(), 3);
    // Saved beside the original under a new id; never over a file.
    let saved = bench
        .save_as("silk-cheaper.scenario.ron")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved, dir.join("silk-cheaper.scenario.ron"));
    let text = std::fs::read_to_string(&saved).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("The original's comments are not carried over"));
    let reloaded = scenario::load_scenario_file(&saved).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(reloaded.meta().id, "silk-cheaper");
    assert!(
        reloaded.meta().title.en.ends_with("(silk-cheaper)"),
        "an unchanged title names the copy: {}",
        reloaded.meta().title.en
    );
    assert_eq!(reloaded.products()[0].unit_cost.minor, 17_000);
    assert!(
        bench
            .save_as("silk-cheaper.scenario.ron")
            .is_err_and(|e| e.contains("exists"))
    );
    assert!(bench.save_as("Silk Cheaper.ron").is_err());
    let _ = std::fs::remove_dir_all(&dir);
}
