//! Saves and verifiable reports: a save round-trips, replays byte-identically for every bundled
//! scenario, damaged / truncated / future saves give clear errors and are kept aside, and an
//! edited report no longer verifies.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tradeport::scenario::error::render_plain;
use tradeport::scenario::file::ConditionGrade;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::c2c::{ItemTerms, SaleFormat, Shop};
use tradeport::sim::save::{ReportFile, SAVE_FORMAT, SaveError, SaveFile, Student};
use tradeport::sim::{Command, Report, Scenario, Session};

fn scenario(id: &str) -> Arc<Scenario> {
    let path = format!("scenarios/{id}.scenario.ron");
    Arc::new(load_scenario_file(Path::new(&path)).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

fn student() -> Student {
    Student {
        name: "Li Na".into(),
        id: "2026-0417".into(),
    }
}

/// A scripted run of a bundled scenario with some real decisions in it.
fn scripted(id: &str) -> Session {
    let mut session = Session::new(scenario(id), None);
    match id {
        "b2b-silk-blouses" => {
            let _ = session.apply(Command::EndDay);
            session
                .apply(Command::MakeOffer {
                    task: "negotiate-deal".into(),
                    options: vec![18, 2, 0, 0],
                    note: "Our best price for 2,400 pieces.".into(),
                })
                .unwrap_or_else(|e| panic!("{e}"));
        }
        "c2c-vintage-cameras" => {
            session
                .apply(Command::ListItem {
                    terms: Box::new(ItemTerms {
                        market: "us-buyers".into(),
                        sku: "CAM-SEAGULL".into(),
                        format: SaleFormat::Auction {
                            start_price: 9_900,
                            reserve: Some(18_500),
                            buy_it_now: None,
                            days: 5,
                            soft_close: false,
                        },
                        postage: "ems".into(),
                        handling_days: 2,
                        duty_paid: false,
                        claimed_grade: ConditionGrade::Good,
                        disclosed_faults: vec![0, 1],
                        states_import_charges: true,
                    }),
                })
                .unwrap_or_else(|e| panic!("{e}"));
        }
        _ => {}
    }
    for _ in 0..10 {
        for question in session.shop_desk().shop().map(Shop::unanswered).unwrap_or_default() {
            let choices = session.shop_desk().true_choices(question);
            let _ = session.apply(Command::AnswerQuestion {
                question,
                choices,
                note: "Hello, thank you! Best regards".into(),
            });
        }
        for order in session.shop_desk().shop().map(Shop::awaiting_post).unwrap_or_default() {
            if let Some(form) = session.shop_desk().model_cn23(order) {
                let _ = session.apply(Command::PostParcel {
                    order,
                    form: Box::new(form),
                });
            }
        }
        let _ = session.apply(Command::EndDay);
    }
    session
}

#[test]
fn every_bundled_scenario_replays_byte_identically_from_its_save() {
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let original = scripted(id);
        assert_eq!(original.scenario().content_hash().len(), 64, "a BLAKE3 hex digest");
        let save = SaveFile::of(&original, student());
        let text = save.to_text();
        let parsed = SaveFile::parse(&text).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(parsed, save, "{id}: the save round-trips");
        let replayed = parsed.replay(scenario(id)).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(
            format!("{:?}", replayed.timeline()),
            format!("{:?}", original.timeline()),
            "{id}: the same events"
        );
        assert_eq!(Report::of(&replayed), Report::of(&original), "{id}: the same report");
        assert_eq!(
            SaveFile::of(&replayed, student()).to_text(),
            text,
            "{id}: byte-identical"
        );
    }
}

#[test]
fn a_save_for_another_scenario_or_an_impossible_log_is_refused() {
    let save = SaveFile::of(&scripted("b2b-silk-blouses"), student());
    assert!(matches!(
        save.replay(scenario("c2c-vintage-cameras")),
        Err(SaveError::WrongScenario { .. })
    ));
    let mut edited = save.clone();
    edited.scenario_hash = "0".repeat(64);
    assert!(matches!(
        edited.replay(scenario("b2b-silk-blouses")),
        Err(SaveError::WrongScenario { .. })
    ));
    // A command the scenario cannot accept: the log was not played on it.
    let mut forged = save;
    forged.commands.insert(
        0,
        Command::AcceptOffer {
            task: "no-such-task".into(),
        },
    );
    assert!(matches!(
        forged.replay(scenario("b2b-silk-blouses")),
        Err(SaveError::Replay { index: 0, .. })
    ));
}

/// A fresh scratch folder in the system temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradeport-saves-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

#[test]
fn damaged_truncated_and_future_saves_give_clear_errors_and_are_kept_aside() {
    let save = SaveFile::of(&scripted("c2c-vintage-cameras"), student());
    let text = save.to_text();
    // Truncated and damaged text.
    let truncated = &text[..text.len() / 2];
    assert!(matches!(SaveFile::parse(truncated), Err(SaveError::Corrupted(_))));
    assert!(matches!(SaveFile::parse("not a save"), Err(SaveError::Corrupted(_))));
    assert!(matches!(SaveFile::parse(""), Err(SaveError::Corrupted(_))));
    // A newer format is called newer, not broken.
    let future = text.replacen(&format!("format: {SAVE_FORMAT}"), "format: 99", 1);
    let error = SaveFile::parse(&future).map(|_| ()).unwrap_err_or_panic();
    assert_eq!(
        error,
        SaveError::TooNew {
            found: 99,
            supported: SAVE_FORMAT
        }
    );
    assert!(error.to_string().contains("newer Tradeport"));

    // On disk: a good save is replaced atomically, an unreadable one is moved aside first.
    let dir = scratch("aside");
    let path = dir.join("c2c-vintage-cameras.ron");
    assert_eq!(
        tradeport::saves::store(&path, &save).unwrap_or_else(|e| panic!("{e}")),
        None
    );
    assert_eq!(tradeport::saves::read_save(&path).ok(), Some(save.clone()));
    assert!(
        !dir.join(".c2c-vintage-cameras.ron.tmp").exists(),
        "no temporary file left"
    );
    for broken in [truncated.to_string(), future] {
        std::fs::write(&path, &broken).unwrap_or_else(|e| panic!("{e}"));
        assert!(tradeport::saves::read_save(&path).is_err());
        let kept = tradeport::saves::store(&path, &save)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("the unreadable save is kept aside"));
        assert_eq!(std::fs::read_to_string(&kept).ok(), Some(broken), "kept as it was");
        assert_eq!(tradeport::saves::read_save(&path).ok(), Some(save.clone()));
    }
    assert!(dir.join("c2c-vintage-cameras.unreadable.ron").exists());
    assert!(
        dir.join("c2c-vintage-cameras.unreadable-2.ron").exists(),
        "a second one is numbered"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

trait UnwrapErr<E> {
    fn unwrap_err_or_panic(self) -> E;
}
impl<T, E> UnwrapErr<E> for Result<T, E> {
    fn unwrap_err_or_panic(self) -> E {
        match self {
            Ok(_) => panic!("expected an error"),
            Err(e) => e,
        }
    }
}

#[test]
fn a_report_verifies_and_editing_any_number_breaks_it() {
    let session = scripted("c2c-vintage-cameras");
    let report = ReportFile::of(&session, student());
    let text = report.to_text();
    let parsed = ReportFile::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.verify(scenario("c2c-vintage-cameras")), Ok(Vec::new()));
    assert_eq!(parsed.log_digest, parsed.save.log_digest());

    // Edit the claimed cash, reputation or a task's points: each is caught.
    let edits: Vec<Box<dyn Fn(&mut ReportFile)>> = vec![
        Box::new(|r| r.claims.cash_end += 100),
        Box::new(|r| r.claims.reputation_end += 1),
        Box::new(|r| r.claims.total_earned += 5),
        Box::new(|r| {
            if let Some(t) = r.claims.tasks.first_mut() {
                t.1 += 1;
            }
        }),
        Box::new(|r| r.student.name = "Someone Else".into()),
        Box::new(|r| r.seed += 1),
        Box::new(|r| r.claims.mode = tradeport::sim::session::PlayMode::Exam),
    ];
    for edit in edits {
        let mut forged = parsed.clone();
        edit(&mut forged);
        let problems = ReportFile::parse(&forged.to_text())
            .unwrap_or_else(|e| panic!("{e}"))
            .verify(scenario("c2c-vintage-cameras"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!problems.is_empty(), "{forged:?}");
    }
    // Editing the text of the file directly: one digit of the cash.
    let cash = format!("cash_end: {}", parsed.claims.cash_end);
    let edited = text.replacen(&cash, &format!("cash_end: {}", parsed.claims.cash_end + 1), 1);
    assert_ne!(edited, text);
    let problems = ReportFile::parse(&edited)
        .unwrap_or_else(|e| panic!("{e}"))
        .verify(scenario("c2c-vintage-cameras"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("cash at the end"));
    // Changing the log (a different decision) changes the digest and the replay.
    let mut other = parsed;
    other.save.commands.pop();
    let problems = other
        .verify(scenario("c2c-vintage-cameras"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(problems.iter().any(|p| p.starts_with("log digest")));
}

#[test]
fn the_replay_and_verify_commands_print_what_an_instructor_needs() {
    let dir = scratch("cli");
    let save_path = dir.join("save.ron");
    let report_path = dir.join("report.ron");
    let session = scripted("c2c-vintage-cameras");
    tradeport::saves::store(&save_path, &SaveFile::of(&session, student())).unwrap_or_else(|e| panic!("{e}"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ok = tradeport::cli::replay(&save_path, None, Some(&report_path), &mut out, &mut err)
        .unwrap_or_else(|e| panic!("{e}"));
    let printed = String::from_utf8_lossy(&out).to_string();
    assert!(ok, "{}", String::from_utf8_lossy(&err));
    assert!(printed.contains("scenario:   c2c-vintage-cameras ("), "{printed}");
    assert!(printed.contains("student:    Li Na (2026-0417)"), "{printed}");
    assert!(printed.contains(&format!(
        "cash:       5,000.00 CNY -> {}",
        Report::of(&session).cash_end_home.format()
    )));
    let mut out = Vec::new();
    assert!(tradeport::cli::verify(&report_path, None, &mut out).unwrap_or_else(|e| panic!("{e}")));
    assert!(String::from_utf8_lossy(&out).starts_with("verified: Li Na (2026-0417) on c2c-vintage-cameras"));
    // A tampered report fails with the reason.
    let text = std::fs::read_to_string(&report_path).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&report_path, text.replacen("reputation_end: ", "reputation_end: 9", 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    assert!(!tradeport::cli::verify(&report_path, None, &mut out).unwrap_or_else(|e| panic!("{e}")));
    let printed = String::from_utf8_lossy(&out).to_string();
    assert!(
        printed.starts_with("NOT VERIFIED: ") && printed.contains(": 1 claim(s) do not hold"),
        "{printed}"
    );
    assert!(printed.contains("reputation at the end"), "{printed}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Compares `actual` with the golden file, or rewrites it with TRADEPORT_BLESS=1.
fn golden(path: &str, actual: &str) {
    let path = Path::new(path);
    if std::env::var_os("TRADEPORT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("{e}"));
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        actual,
        expected,
        "{} changed; if on purpose, rerun with TRADEPORT_BLESS=1",
        path.display()
    );
}

#[test]
fn html_and_csv_reports_match_their_golden_outputs() {
    let session = scripted("c2c-vintage-cameras");
    let save = SaveFile::of(&session, student());
    let report = Report::of(&session);
    let expert = tradeport::sim::expert::play_like(&session);
    let html = tradeport::export::html(&report, &save, Some(&expert), &english_catalogue());
    golden("tests/reports/c2c-scripted.html", &html);
    let csv = format!(
        "{}\n{}\n",
        tradeport::export::csv_header(),
        tradeport::export::csv_row(&report, &save)
    );
    golden("tests/reports/c2c-scripted.csv", &csv);
    // What an instructor needs is on the page.
    assert!(html.contains("Li Na (2026-0417)"));
    assert!(html.contains(&save.log_digest()));
    assert!(html.contains(&save.scenario_hash));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<script"), "self-contained and static");
    // Each point lost carries its rule and hint; the expert's run sits beside the student's.
    assert!(
        html.contains("Rule: Auctions discover the price of scarce items"),
        "the format rule"
    );
    assert!(html.contains("Next time: List everything on day 1 or 2."));
    assert!(html.contains("<h2>Hints for next time</h2>"));
    assert!(html.contains(&format!("earned <strong>{} / 100</strong>", expert.report.total_earned)));
    assert!(html.contains("Day 1: auctioned CAM-SEAGULL"), "the expert's decisions");
    assert!(html.contains("class=\"bar expert\""), "the expert's bar in the chart");
    // The row has as many fields as the header.
    let header = tradeport::export::csv_header();
    let row = tradeport::export::csv_row(&report, &save);
    assert_eq!(header.split(',').count(), row.split(',').count());
    assert!(row.contains(&format!(
        ",{},CNY,",
        tradeport::export::plain_decimal(report.cash_end_home.minor, 2)
    )));
    assert_eq!(tradeport::export::plain_decimal(-1_250, 2), "-12.50");
    assert_eq!(tradeport::export::plain_decimal(651_888, 2), "6518.88");
}

#[test]
fn names_are_escaped_in_html_and_quoted_in_csv() {
    let session = scripted("b2c-eu-storefront");
    let odd = Student {
        name: "Wang, \"Tiger\" <b>".into(),
        id: "A&B".into(),
    };
    let save = SaveFile::of(&session, odd);
    let report = Report::of(&session);
    let html = tradeport::export::html(&report, &save, None, &english_catalogue());
    assert!(html.contains("Wang, &quot;Tiger&quot; &lt;b&gt; (A&amp;B)"));
    assert!(!html.contains("<b>"));
    let row = tradeport::export::csv_row(&report, &save);
    assert!(
        row.starts_with("\"Wang, \"\"Tiger\"\" <b>\",A&B,b2c-eu-storefront,"),
        "{row}"
    );
}

#[test]
fn the_report_command_writes_html_and_appends_gradebook_rows() {
    let dir = scratch("report");
    let csv = dir.join("class.csv");
    for (i, name) in ["Li Na", "Chen Wei"].iter().enumerate() {
        let save_path = dir.join(format!("save-{i}.ron"));
        let save = SaveFile::of(
            &scripted("c2c-vintage-cameras"),
            Student {
                name: (*name).into(),
                id: format!("S{i}"),
            },
        );
        tradeport::saves::store(&save_path, &save).unwrap_or_else(|e| panic!("{e}"));
        let html = dir.join(format!("report-{i}.html"));
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let ok = tradeport::cli::report(
            &save_path,
            None,
            (Some(&html), tradeport::i18n::Language::English),
            Some(&csv),
            &mut out,
            &mut err,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(ok, "{}", String::from_utf8_lossy(&err));
        assert!(std::fs::read_to_string(&html).is_ok_and(|h| h.contains(name)));
    }
    let lines: Vec<String> = std::fs::read_to_string(&csv)
        .unwrap_or_else(|e| panic!("{e}"))
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(lines.len(), 3, "one header and a row per student: {lines:?}");
    assert_eq!(lines[0], tradeport::export::csv_header());
    assert!(lines[1].starts_with("Li Na,S0,") && lines[2].starts_with("Chen Wei,S1,"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_profile_keeps_the_best_finished_run_per_scenario() {
    use tradeport::sim::profile::Profile;
    let mut profile = Profile::new();
    let unfinished = Report::of(&scripted("c2c-vintage-cameras"));
    profile.record(&unfinished);
    assert!(profile.scenarios.is_empty(), "an unfinished run does not count");
    let mut finished = unfinished.clone();
    finished.finished = true;
    finished.total_earned = 40;
    profile.record(&finished);
    let mut better = finished.clone();
    better.total_earned = 70;
    profile.record(&better);
    let mut worse = finished.clone();
    worse.total_earned = 10;
    profile.record(&worse);
    assert_eq!(profile.scenarios.len(), 1);
    assert_eq!(profile.scenarios[0].best_exam, None, "no exam yet");
    // An exam counts as a run, and its score is kept apart: practice help is not in it.
    let mut exam = finished.clone();
    exam.mode = tradeport::sim::session::PlayMode::Exam;
    exam.total_earned = 55;
    profile.record(&exam);
    let s = &profile.scenarios[0];
    assert_eq!((s.runs, s.best, s.possible, s.best_exam), (4, 70, 100, Some(55)));
    // A profile written before exams existed still reads.
    let old = profile.to_text().replace("best_exam: Some(55),", "");
    assert_eq!(Profile::parse(&old).map(|p| p.scenarios[0].best_exam), Ok(None));
    let text = profile.to_text();
    assert_eq!(Profile::parse(&text), Ok(profile.clone()));
    let newer = text.replacen("format: 1", "format: 5", 1);
    assert!(Profile::parse(&newer).is_err_and(|e| e.contains("newer Tradeport")));
    assert!(Profile::parse("(format: 1, scen").is_err_and(|e| e.contains("damaged")));
    let totals = profile.competencies();
    assert_eq!(
        totals.values().map(|(_, p)| p).sum::<u32>(),
        100,
        "every competency's possible points"
    );
}

#[test]
fn exam_mode_is_saved_replayed_reported_and_old_saves_are_practice() {
    use tradeport::sim::session::PlayMode;
    let mut session = Session::new(scenario("b2b-silk-blouses"), None).with_mode(PlayMode::Exam);
    session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let save = SaveFile::of(&session, student());
    assert_eq!(save.mode, PlayMode::Exam);
    let text = save.to_text();
    assert!(text.contains("mode: Exam"), "{text}");
    let replayed = SaveFile::parse(&text)
        .and_then(|s| s.replay(scenario("b2b-silk-blouses")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(replayed.mode(), PlayMode::Exam);
    let report = Report::of(&replayed);
    assert_eq!(report.mode, PlayMode::Exam);
    let row = tradeport::export::csv_row(&report, &save);
    assert!(row.contains(",false,exam,"), "{row}");
    assert!(tradeport::export::csv_header().contains(",finished,mode,points,"));
    let html = tradeport::export::html(&report, &save, None, &english_catalogue());
    assert!(
        html.contains("Played in exam mode (hints off)."),
        "the page says how it was played"
    );
    assert_eq!(tradeport::export::student_label(&Student::default()), "(no name given)");
    assert_eq!(tradeport::export::student_label(&student()), "Li Na (2026-0417)");
    // A save written before modes existed has no `mode` and is practice.
    let old = text.replace("    mode: Exam,\n", "");
    assert_ne!(old, text);
    assert_eq!(
        SaveFile::parse(&old).unwrap_or_else(|e| panic!("{e}")).mode,
        PlayMode::Practice
    );
}

#[test]
fn an_instructor_verifies_a_class_of_reports_into_one_gradebook() {
    let dir = scratch("class");
    let students = [
        ("Li Na", "2026-0417"),
        ("Wang Wei", "2026-0418"),
        ("Zhao Min", "2026-0419"),
    ];
    let mut paths = Vec::new();
    for (i, (name, id)) in students.iter().enumerate() {
        let session = scripted(["c2c-vintage-cameras", "b2b-silk-blouses", "c2c-vintage-cameras"][i]);
        let who = Student {
            name: (*name).into(),
            id: (*id).into(),
        };
        let path = dir.join(format!("{id}.report.ron"));
        let mut text = ReportFile::of(&session, who).to_text();
        if i == 2 {
            // Zhao Min gave themself five more points.
            let claimed = format!("total_earned: {}", Report::of(&session).total_earned);
            text = text.replacen(
                &claimed,
                &format!("total_earned: {}", Report::of(&session).total_earned + 5),
                1,
            );
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        paths.push(path);
    }
    let csv = dir.join("class.csv");
    let mut out = Vec::new();
    let all = tradeport::cli::verify_all(&paths, None, Some(&csv), &mut out).unwrap_or_else(|e| panic!("{e}"));
    let printed = String::from_utf8_lossy(&out).to_string();
    assert!(!all, "one report was edited");
    assert!(
        printed.contains("verified: Li Na (2026-0417) on c2c-vintage-cameras"),
        "{printed}"
    );
    assert!(
        printed.contains("verified: Wang Wei (2026-0418) on b2b-silk-blouses"),
        "{printed}"
    );
    assert!(
        printed.contains("2026-0419.report.ron: 1 claim(s) do not hold"),
        "{printed}"
    );
    assert!(
        printed.contains("2 of 3 report(s) verified; 2 row(s) added to"),
        "{printed}"
    );
    let gradebook = std::fs::read_to_string(&csv).unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<&str> = gradebook.lines().collect();
    assert_eq!(rows.len(), 3, "the header and the two verified students: {gradebook}");
    assert!(rows[0].starts_with("student_name,student_id,scenario,"));
    assert!(rows[1].starts_with("Li Na,2026-0417,c2c-vintage-cameras,"));
    assert!(rows[2].starts_with("Wang Wei,2026-0418,b2b-silk-blouses,"));
    // A gradebook from a version with other columns is refused, not mixed.
    let old = dir.join("old.csv");
    std::fs::write(
        &old,
        "student_name,student_id,scenario,seed,days_played,finished,points\nA,1,x,1,1,true,5\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let refused = tradeport::cli::verify_all(&paths[..1], None, Some(&old), &mut Vec::new());
    assert!(refused.is_err_and(|e| e.to_string().contains("has other columns")));
    assert_eq!(
        std::fs::read_to_string(&old).map(|t| t.lines().count()).ok(),
        Some(2),
        "the old gradebook is untouched"
    );
    // `report` takes a student's report file too, once it verifies, and refuses an edited one.
    let html = dir.join("li-na.html");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert!(
        tradeport::cli::report(
            &paths[0],
            None,
            (Some(&html), tradeport::i18n::Language::English),
            None,
            &mut out,
            &mut err
        )
        .unwrap_or_else(|e| panic!("{e}"))
    );
    assert!(std::fs::read_to_string(&html).is_ok_and(|h| h.contains("Li Na (2026-0417)")));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let forged = dir.join("zhao.html");
    assert!(
        !tradeport::cli::report(
            &paths[2],
            None,
            (Some(&forged), tradeport::i18n::Language::English),
            None,
            &mut out,
            &mut err
        )
        .unwrap_or_else(|e| panic!("{e}"))
    );
    assert!(String::from_utf8_lossy(&err).contains("claim(s) do not hold"));
    assert!(!forged.exists(), "no page for a report that does not verify");
    let _ = std::fs::remove_dir_all(&dir);
}

fn english_catalogue() -> tradeport::i18n::Catalogue {
    tradeport::i18n::Catalogue::new(tradeport::i18n::Language::English)
}

/// The printable report in Chinese: headings, criteria, reasons and hints in Chinese, the
/// scenario's English title under its Chinese one, every fact escaped as in English.
#[test]
fn the_html_report_is_written_in_the_readers_language() {
    let session = scripted("c2c-vintage-cameras");
    let save = SaveFile::of(&session, student());
    let report = Report::of(&session);
    let expert = tradeport::sim::expert::play_like(&session);
    let chinese = tradeport::i18n::Catalogue::new(tradeport::i18n::Language::Chinese);
    let html = tradeport::export::html(&report, &save, Some(&expert), &chinese);
    assert!(html.contains("<html lang=\"zh-CN\">"));
    for heading in [
        "<h2>按能力</h2>",
        "<h2>按任务</h2>",
        "<h2>专家会怎么做</h2>",
        "<h2>验证信息</h2>",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
    assert!(html.contains(&format!("<h1>{}</h1>", report.title.zh)));
    assert!(html.contains(&format!("<p class=\"muted\">{}</p>", report.title.en)));
    let task = &report.tasks[0];
    assert!(html.contains(&task.title.zh), "{}", task.title.zh);
    assert!(html.contains(&task.criteria[0].description.zh));
    assert!(html.contains(&format!("得分 <strong>{} / 100</strong>", expert.report.total_earned)));
    assert!(html.contains("<code>tradeport verify REPORT.ron</code>"));
    for english in [
        "By competency",
        "By task",
        "Hints for next time",
        "Played in",
        "Money and reputation",
    ] {
        assert!(!html.contains(english), "{english}");
    }
}
