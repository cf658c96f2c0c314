//! The headless commands speak the reader's language: `list`, `new`, `landed-cost`, `expert`,
//! `tournament`, `simulate`, `replay`, `report` and `verify` with a Chinese catalogue print no
//! English sentence outside what is data (ids, file paths, quoted spans, rule citations,
//! descriptions from files), and with the English one print what they always printed.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tradeport::cli;
use tradeport::i18n::{Catalogue, Language};
use tradeport::sim::said::Said;
use tradeport::sim::save::{ReportFile, SaveFile, Student};

use crate::check_lang::without_quotes;
use crate::said::{english_run, problems, variables};

fn chinese() -> Catalogue {
    Catalogue::new(Language::Chinese)
}

fn english() -> Catalogue {
    Catalogue::new(Language::English)
}

/// The lines of `text` (data in `data` replaced first) that hold a run of two English words
/// outside quoted spans.
fn english_lines(text: &str, data: &[String]) -> Vec<String> {
    let mut data: Vec<&String> = data.iter().filter(|d| !d.is_empty()).collect();
    // Longer data first, so that a name inside a longer one does not split it.
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    text.lines()
        .filter_map(|line| {
            let mut bare = line.to_string();
            for d in &data {
                bare = bare.replace(d.as_str(), "·");
            }
            english_run(&without_quotes(&bare), 3).map(|run| format!("{run:?} in: {line}"))
        })
        .collect()
}

fn assert_chinese(what: &str, text: &str, data: &[String]) {
    assert!(
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{what}: no Chinese at all:\n{text}"
    );
    let english = english_lines(text, data);
    assert!(
        english.is_empty(),
        "{what}: {} English lines:\n{}\n--- output:\n{text}",
        english.len(),
        english.join("\n")
    );
}

fn output(run: impl FnOnce(&mut Vec<u8>) -> std::io::Result<bool>) -> (bool, String) {
    let mut out = Vec::new();
    let ok = run(&mut out).unwrap_or_else(|e| panic!("{e}"));
    (ok, String::from_utf8_lossy(&out).to_string())
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradeport-cli-lang-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn scenario(id: &str) -> Arc<tradeport::sim::Scenario> {
    let path = format!("scenarios/{id}.scenario.ron");
    Arc::new(
        tradeport::scenario::load_scenario_file(Path::new(&path))
            .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d))),
    )
}

/// The valid shipment fixtures of `tests/landed-cost`.
fn shipments() -> Vec<PathBuf> {
    let files = crate::landed_cost::shipment_files("tests/landed-cost");
    assert!(files.len() >= 10, "found {} shipment files", files.len());
    files
}

#[test]
fn landed_cost_is_explained_in_chinese_and_unchanged_in_english() {
    let variables = variables();
    let mut found = Vec::new();
    for file in shipments() {
        let shipment = tradeport::scenario::load_shipment_file(&file)
            .unwrap_or_else(|d| panic!("{}", tradeport::scenario::error::render_plain(&d)));
        let consignment = shipment.consignment();
        let result = tradeport::sim::customs::landed_cost(&consignment);
        // The English of every sentence is the engine's English, as the goldens hold it.
        assert_eq!(tradeport::i18n::english().say(&result.regime_said()), result.regime);
        let mut saids: Vec<Said> = vec![result.regime_said()];
        for line in &result.lines {
            let said = result.said(line);
            assert_eq!(english().say(&said), result.explain(line), "{}", file.display());
            saids.push(said);
        }
        for said in &saids {
            found.extend(problems(said, &variables));
        }
        let (valid, english_text) = output(|out| cli::landed_cost_in(&file, false, out, &english()));
        assert!(valid);
        let golden = std::fs::read_to_string(file.to_string_lossy().replace(".shipment.ron", ".expected"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(english_text, golden, "{}", file.display());
        let (_, json) = output(|out| cli::landed_cost_in(&file, true, out, &chinese()));
        let (_, json_english) = output(|out| cli::landed_cost(&file, true, out));
        assert_eq!(json, json_english, "the JSON stays English");

        let (valid, text) = output(|out| cli::landed_cost_in(&file, false, out, &chinese()));
        assert!(valid);
        // Data: descriptions and fee names from the file, rule ids, program names and the
        // rules' sources (citations) from the rule pack.
        let mut data: Vec<String> = consignment.lines.iter().map(|l| l.description.clone()).collect();
        data.extend(consignment.fees.iter().map(|(name, _)| name.clone()));
        for line in &result.lines {
            data.extend(line.rule_id.as_deref().map(str::to_string));
            if let tradeport::sim::customs::landed_cost::Reason::AdditionalDuty { program, .. } = &line.reason {
                data.push(program.clone());
            }
        }
        let cited: String = text
            .lines()
            .filter(|l| !l.starts_with("  ["))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(text.contains("到岸成本：") && text.contains("依据："), "{text}");
        assert_chinese(&file.display().to_string(), &cited, &data);
        assert!(
            text.lines().filter(|l| l.starts_with("  [")).count()
                == golden.lines().filter(|l| l.starts_with("  [")).count(),
            "the sources are cited as written"
        );
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn list_and_new_speak_chinese() {
    let (_, text) = output(|out| cli::list_in(out, &chinese()).map(|()| true));
    let (_, plain) = output(|out| cli::list(out).map(|()| true));
    let (_, english_text) = output(|out| cli::list_in(out, &english()).map(|()| true));
    assert_eq!(english_text, plain);
    assert!(
        plain.contains(" min  ") && plain.contains("Bundled scenarios in "),
        "{plain}"
    );
    let mut data = vec![tradeport::catalog::bundled_dir().display().to_string()];
    data.extend(
        tradeport::catalog::scenario_files(&tradeport::catalog::bundled_dir())
            .iter()
            .filter_map(|p| {
                p.file_name()?
                    .to_str()?
                    .strip_suffix(".scenario.ron")
                    .map(str::to_string)
            }),
    );
    assert!(text.contains("分钟"), "{text}");
    assert_chinese("list", &text, &data);

    let dir = scratch("new");
    let file = dir.join("my-first-b2c.scenario.ron");
    let (written, text) = output(|out| cli::new_scenario_in("b2c", "zh", &file, out, &chinese()));
    assert!(written, "{text}");
    let data = vec![file.display().to_string(), "my-first-b2c".to_string()];
    assert!(text.contains("已写入") && text.contains("下一步"), "{text}");
    assert_chinese("new", &text, &data);
    let (written, text) = output(|out| cli::new_scenario_in("b2c", "zh", &file, out, &chinese()));
    assert!(!written);
    assert_chinese("new over a file", &text, &data);
    // English: as `new` always printed it.
    let other = dir.join("my-other-b2b.scenario.ron");
    let (_, text) = output(|out| cli::new_scenario_in("b2b", "en", &other, out, &english()));
    let shown = other.display().to_string();
    assert!(
        text.starts_with(&format!("wrote {shown} (scenario `my-other-b2b`)\n")),
        "{text}"
    );
    assert!(text.ends_with(&format!(
        "next: edit it (the comment at the top says where to start), then `tradeport check {shown}` and `tradeport simulate {shown}`\n"
    )));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn expert_and_tournament_speak_chinese() {
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let (ok, text) = output(|out| cli::expert_in(id, Some(7), out, &chinese()));
        assert!(ok, "{text}");
        let (_, english_text) = output(|out| cli::expert_in(id, Some(7), out, &english()));
        let (_, plain) = output(|out| cli::expert(id, Some(7), out));
        assert_eq!(english_text, plain);
        // The English lines as `expert` always wrote them.
        let run = tradeport::sim::expert::play(scenario(id), 7);
        let r = &run.report;
        assert!(plain.starts_with(&format!(
            "Expert run: {} ({}), seed 7, {} of {} days\n",
            r.title.en, r.scenario_id, r.days_played, r.length_days
        )));
        for m in &run.moves {
            let task = m.task.as_deref().map_or_else(String::new, |t| format!(" [{t}]"));
            assert!(
                plain.contains(&format!("day {}{task}: {}\n", m.day, m.what.en)),
                "{plain}"
            );
        }
        assert!(plain.ends_with(&format!(
            "Total: {} / {} points; cash {} → {}; reputation {} → {}\n",
            r.total_earned,
            r.total_possible,
            r.cash_start_home.format(),
            r.cash_end_home.format(),
            r.reputation_start,
            r.reputation_end
        )));
        let mut data = vec![id.to_string()];
        data.extend(r.tasks.iter().map(|t| t.id.clone()));
        data.extend(run.moves.iter().filter_map(|m| m.task.clone()));
        // The senders of the letters the expert answered, as the scenario names them.
        data.extend(run.moves.iter().filter_map(|m| {
            let name = m.what.en.strip_prefix("answered ")?.split_once("'s letter")?.0;
            Some(name.to_string())
        }));
        assert_chinese(id, &text, &data);
    }

    let args = cli::TournamentArgs {
        scenario: "scenarios/b2b-silk-blouses.scenario.ron".to_string(),
        task: None,
        runs: 2,
        seed: 1,
        rounds: Some(20),
    };
    let (ok, text) = output(|out| cli::tournament_in(&args, out, &chinese()));
    assert!(ok, "{text}");
    // The table's rows name the strategies as the literature does.
    let said: String = text
        .lines()
        .filter(|l| !l.contains('%'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_chinese("tournament", &said, &["b2b-silk-blouses".to_string()]);
    let none = cli::TournamentArgs {
        scenario: "scenarios/c2c-vintage-cameras.scenario.ron".to_string(),
        ..args
    };
    let (ok, text) = output(|out| cli::tournament_in(&none, out, &chinese()));
    assert!(!ok);
    assert_chinese(
        "tournament without a negotiation",
        &text,
        std::slice::from_ref(&none.scenario),
    );
}

#[test]
fn simulate_speaks_chinese_and_its_warnings_too() {
    let args = cli::SimulateArgs {
        scenario: "b2b-silk-blouses".to_string(),
        runs: 3,
        players: "novice,expert,random".to_string(),
        csv: None,
        seed: Some(11),
        threads: Some(1),
        quiet: true,
    };
    let (ok, text) = output(|out| cli::simulate_in(&args, out, &chinese()));
    assert!(ok, "{text}");
    assert!(text.contains("专家：3 次，平均 100.0%"), "{text}");
    assert_chinese("simulate", &text, &[]);
    let bad = cli::SimulateArgs {
        players: "expert,genius".to_string(),
        ..args
    };
    let (ok, text) = output(|out| cli::simulate_in(&bad, out, &chinese()));
    assert!(!ok);
    assert_chinese("simulate with an unknown player", &text, &[]);

    // Every kind of balance warning is put into Chinese, and its English is the simulation's.
    use tradeport::sim::players::Player;
    use tradeport::sim::simulate::{Criterion, Distribution, RunScore, balance_warnings, balance_warnings_said};
    use tradeport::sim::terms::Text;
    let criteria = vec![
        Criterion {
            task: Text {
                en: "Quote the buyer".into(),
                zh: "给买家报价".into(),
            },
            description: Text {
                en: "The price covers the cost".into(),
                zh: "价格覆盖成本".into(),
            },
            possible: 40,
        },
        Criterion {
            task: Text {
                en: "Ship the goods".into(),
                zh: "发货".into(),
            },
            description: Text {
                en: "The parcel leaves on time".into(),
                zh: "包裹按时发出".into(),
            },
            possible: 60,
        },
    ];
    let of = |earned: u32, per: [u32; 2]| {
        let runs: Vec<RunScore> = (0..20)
            .map(|i| RunScore {
                seed: i,
                earned,
                possible: 100,
                criteria: per.to_vec(),
            })
            .collect();
        Distribution::of(&runs, &criteria)
    };
    let mut warnings = Vec::new();
    for results in [
        vec![
            (Player::Expert, of(60, [0, 60])),
            (Player::Novice, of(95, [40, 60])),
            (Player::Random, of(95, [40, 60])),
        ],
        vec![(Player::Novice, of(20, [0, 20])), (Player::Random, of(70, [40, 30]))],
    ] {
        let english_words = balance_warnings(&results, &criteria, 20);
        let said = balance_warnings_said(&results, &criteria, 20);
        assert_eq!(english_words.len(), said.len());
        warnings.extend(english_words.into_iter().zip(said));
    }
    let mut kinds = std::collections::BTreeSet::new();
    for (warning, said) in &warnings {
        assert_eq!(english().say(said), *warning);
        kinds.insert(said.key.to_string());
        let words = chinese().say(said);
        assert_chinese(warning, &words, &[]);
    }
    assert_eq!(kinds.len(), 8, "{kinds:?}");
}

fn student() -> Student {
    Student {
        name: "Li Na".into(),
        id: "2026-0417".into(),
    }
}

#[test]
fn replay_report_and_verify_speak_chinese_and_english_as_before() {
    let dir = scratch("saves");
    let save_path = dir.join("save.ron");
    let report_path = dir.join("li-na.report.ron");
    let run = tradeport::sim::expert::play(scenario("c2c-vintage-cameras"), 3);
    let save = SaveFile::of(&run.session, student());
    tradeport::saves::store(&save_path, &save).unwrap_or_else(|e| panic!("{e}"));
    let mut data = vec![
        report_path.display().to_string(),
        save_path.display().to_string(),
        dir.join("tampered.report.ron").display().to_string(),
        dir.join("li-na.html").display().to_string(),
        dir.join("class.csv").display().to_string(),
        dir.display().to_string(),
        tradeport::catalog::resolve_bundled("c2c-vintage-cameras")
            .unwrap_or_else(|e| panic!("{e}"))
            .display()
            .to_string(),
        save.scenario_id.clone(),
        save.scenario_hash.clone(),
        save.log_digest(),
        "Li Na".to_string(),
    ];
    data.extend(run.report.tasks.iter().map(|t| t.id.clone()));

    // replay
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ok = cli::replay_in(&save_path, None, Some(&report_path), (&mut out, &mut err), &chinese())
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out).to_string();
    assert!(ok, "{}", String::from_utf8_lossy(&err));
    assert!(text.contains("学生：Li Na (2026-0417)"), "{text}");
    assert_chinese("replay", &text, &data);
    let report = tradeport::sim::Report::of(&run.session);
    let mut before = format!(
        "scenario:   {} ({})\nseed:       {}\nlog:        {} commands, digest {}\nstudent:    Li Na (2026-0417)\ndays:       {} of {}{}\npoints:     {} / {}\ncash:       {} -> {}\nreputation: {} -> {}\n",
        save.scenario_id,
        save.scenario_hash,
        save.seed,
        save.commands.len(),
        save.log_digest(),
        report.days_played,
        report.length_days,
        if report.finished { ", finished" } else { "" },
        report.total_earned,
        report.total_possible,
        report.cash_start_home.format(),
        report.cash_end_home.format(),
        report.reputation_start,
        report.reputation_end
    );
    for t in &report.tasks {
        before.push_str(&format!("task {}: {} / {}\n", t.id, t.earned(), t.possible()));
    }
    assert_eq!(
        cli::render_replay(&report, &save),
        before,
        "the English replay is unchanged"
    );
    assert_eq!(cli::render_replay_in(&report, &save, &english()), before);

    // verify, then a tampered report
    let reports = [report_path.clone()];
    let (ok, text) = output(|out| cli::verify_class_in(&reports, (None, None), None, out, &chinese()));
    assert!(ok, "{text}");
    assert!(text.starts_with("已验证：Li Na (2026-0417)"), "{text}");
    assert_chinese("verify", &text, &data);
    let (_, english_text) = output(|out| cli::verify_class_in(&reports, (None, None), None, out, &english()));
    let (_, plain) = output(|out| cli::verify_all(&reports, None, None, out));
    assert_eq!(english_text, plain);
    assert!(
        plain.starts_with("verified: Li Na (2026-0417) on c2c-vintage-cameras, seed 3: ")
            && plain.contains(" points; checked against ")
            && plain.ends_with("\n1 of 1 report(s) verified\n"),
        "{plain}"
    );
    let tampered = dir.join("tampered.report.ron");
    let claims = ReportFile::of(&run.session, student()).to_text();
    let edited =
        claims
            .replacen("reputation_end: ", "reputation_end: 9", 1)
            .replacen("days_played: ", "days_played: 9", 1);
    std::fs::write(&tampered, edited).unwrap_or_else(|e| panic!("{e}"));
    let both = [report_path.clone(), tampered.clone()];
    let (ok, text) =
        output(|out| cli::verify_class_in(&both, (None, None), Some(&dir.join("class.csv")), out, &chinese()));
    assert!(!ok);
    assert!(
        text.contains("项声明不成立") && text.contains("结束时的信誉：报告写的是 9"),
        "{text}"
    );
    assert!(text.contains("2 份报告中有 1 份通过验证"), "{text}");
    assert_chinese("verify of a tampered report", &text, &data);
    let (_, english_text) = output(|out| cli::verify_class_in(&both, (None, None), None, out, &english()));
    let (_, plain) = output(|out| cli::verify_all(&both, None, None, out));
    assert_eq!(english_text, plain);
    assert!(plain.contains("  reputation at the end: the report says 9"), "{plain}");
    // With a class code the report was not played with.
    let (ok, text) = output(|out| cli::verify_class_in(&reports, (None, Some("ABC123")), None, out, &chinese()));
    assert!(!ok);
    assert_chinese("verify without the class code", &text, &data);

    // report: the page and the gradebook row
    let html = dir.join("li-na.html");
    let csv = dir.join("class.csv");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ok = cli::report_in(
        &save_path,
        None,
        (Some(&html), Some(&csv)),
        (&mut out, &mut err),
        &chinese(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out).to_string();
    assert!(ok, "{}", String::from_utf8_lossy(&err));
    assert!(std::fs::read_to_string(&html).is_ok_and(|h| h.contains("lang=\"zh-CN\"")));
    assert_chinese("report", &text, &data);
    // The gradebook's header is in the reader's language; a row added in English to the same
    // file is taken (same columns), and the header is written once.
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ok = cli::report_in(&save_path, None, (None, Some(&csv)), (&mut out, &mut err), &english())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(ok, "{}", String::from_utf8_lossy(&err));
    let gradebook = std::fs::read_to_string(&csv).unwrap_or_default();
    let lines: Vec<&str> = gradebook.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some(tradeport::export::csv_header_in(&chinese()).as_str())
    );
    assert!(lines[0].starts_with("学生姓名,学号,情景,"), "{}", lines[0]);
    assert_eq!(
        lines[0].split(',').count(),
        tradeport::export::csv_header().split(',').count(),
        "the same columns"
    );
    assert_eq!(lines.iter().filter(|l| l.starts_with("学生姓名")).count(), 1);
    assert!(lines.len() >= 3, "{gradebook}");
    assert_eq!(
        tradeport::export::csv_header(),
        "student_name,student_id,scenario,seed,days_played,finished,mode,points,possible,percent,Import/export handling (points/possible),Customs declaration and inspection (points/possible),Market research and marketing (points/possible),Store operation (points/possible),Business English communication (points/possible),cash_end,currency,reputation_end,scenario_hash,log_digest",
        "the English header is the one scripts read"
    );
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ok = cli::report_in(&save_path, None, (None, None), (&mut out, &mut err), &chinese())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(ok);
    assert_chinese("report without files", &String::from_utf8_lossy(&out), &data);
    // A tampered report is refused, in Chinese.
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ok = cli::report_in(
        &tampered,
        None,
        (Some(&dir.join("no.html")), None),
        (&mut out, &mut err),
        &chinese(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!ok);
    assert_chinese("report of a tampered report", &String::from_utf8_lossy(&err), &data);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Why a save cannot be read or replayed, and each claim of a report that does not hold: the
/// English of the sentence is the simulation's own text, the Chinese has no English sentence.
#[test]
fn save_errors_and_claims_read_in_both_languages() {
    use tradeport::sim::save::SaveError;
    let errors = [
        SaveError::Corrupted("x".into()),
        SaveError::TooNew { found: 9, supported: 3 },
        SaveError::WrongScenario {
            expected: "a".into(),
            expected_hash: "h1".into(),
            found: "a".into(),
            found_hash: "h2".into(),
        },
        SaveError::WrongScenario {
            expected: "a".into(),
            expected_hash: "h1".into(),
            found: "b".into(),
            found_hash: "h2".into(),
        },
        SaveError::Replay {
            index: 4,
            error: "x".into(),
        },
        SaveError::OtherVariant {
            class_code: "C".into(),
            student_id: "S".into(),
        },
    ];
    let variables = variables();
    for error in &errors {
        let said = cli::save_error_said(error);
        assert_eq!(english().say(&said), error.to_string());
        assert!(
            problems(&said, &variables).is_empty(),
            "{:?}",
            problems(&said, &variables)
        );
        assert_chinese(&error.to_string(), &chinese().say(&said), &[]);
    }
    // A forged report's claims: each one that does not hold, in English as verify() gives
    // it and in Chinese.
    let scenario = scenario("c2c-vintage-cameras");
    let run = tradeport::sim::expert::play(Arc::clone(&scenario), 3);
    let mut forged = ReportFile::of(&run.session, student());
    forged.claims.cash_end += 100;
    forged.claims.total_earned += 5;
    forged.claims.reputation_end += 1;
    let english_claims = forged.verify(Arc::clone(&scenario)).unwrap_or_else(|e| panic!("{e}"));
    let said = forged
        .verify_said(Arc::clone(&scenario))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(said.len(), 3, "{english_claims:?}");
    for (claim, said) in english_claims.iter().zip(&said) {
        assert_eq!(english().say(said), *claim);
        assert!(
            problems(said, &variables).is_empty(),
            "{:?}",
            problems(said, &variables)
        );
        assert_chinese(claim, &chinese().say(said), &[]);
    }
}
