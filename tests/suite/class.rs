//! The host's side of a class (issue 18, first part): joining and seating, starting the
//! tables (people or the AI at the counterparts' seat), and every student's command checked
//! against the token, the seat and the rules, with refusals logged and nothing changed.

use std::path::Path;
use std::sync::Arc;

use tradeport::class::bot::{Policy, SeatPlayer};
use tradeport::class::mirror::Mirror;
use tradeport::class::package;
use tradeport::class::view::seat_view;
use tradeport::class::{Class, JoinError, Refusal, StudentId, Token};
use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::{Command, Event, RuleError, Scenario};

fn bundled(id: &str) -> Arc<Scenario> {
    let path = format!("scenarios/{id}.scenario.ron");
    Arc::new(load_scenario_file(Path::new(&path)).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

fn token(n: u8) -> Token {
    Token::from_bytes([n; 16])
}

fn offer(options: Vec<usize>) -> Command {
    Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options,
        note: String::new(),
    }
}

/// A B2B class of three: a pair at table 0, one student with the AI at table 1.
fn b2b_class_of_three() -> Class {
    let mut class = Class::new(bundled("b2b-silk-blouses"));
    for (i, (name, number)) in [("Li Na", "2024001"), ("Wang Wei", "2024002"), ("Zhang Min", "2024003")]
        .into_iter()
        .enumerate()
    {
        let n = u8::try_from(i + 1).unwrap_or(0);
        class.join(name, number, token(n)).unwrap_or_else(|e| panic!("{e}"));
    }
    class
}

#[test]
fn students_fill_each_table_s_seats_in_join_order() {
    let class = b2b_class_of_three();
    let seated: Vec<(usize, &str)> = class.students().iter().map(|s| (s.table, s.seat.as_str())).collect();
    assert_eq!(seated, [(0, "company"), (0, "counterparts"), (1, "company")]);
    assert_eq!(
        class.tables()[1].seats().get("counterparts"),
        Some(&Vec::new()),
        "left to the AI"
    );
    // Without a negotiation there is no counterparts' seat to take: one student per table.
    let mut b2c = Class::new(bundled("b2c-eu-storefront"));
    for n in 1..=2 {
        b2c.join("Student", &format!("{n}"), token(n))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let seated: Vec<(usize, &str)> = b2c.students().iter().map(|s| (s.table, s.seat.as_str())).collect();
    assert_eq!(seated, [(0, "company"), (1, "company")]);
}

#[test]
fn joins_are_refused_when_locked_started_or_badly_named_without_change() {
    let mut class = Class::new(bundled("b2b-silk-blouses"));
    assert_eq!(class.join("  ", "2024001", token(1)), Err(JoinError::BadName));
    assert_eq!(
        class.join(&"x".repeat(81), "2024001", token(1)),
        Err(JoinError::BadName)
    );
    class.set_locked(true);
    assert_eq!(class.join("Li Na", "2024001", token(1)), Err(JoinError::Locked));
    class.set_locked(false);
    assert!(class.students().is_empty());
    class
        .join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    class.start();
    assert_eq!(class.join("Late", "2024009", token(9)), Err(JoinError::Started));
    assert_eq!(class.students().len(), 1);
}

#[test]
fn a_pair_plays_both_sides_and_the_ai_fills_an_empty_counterparts_seat() {
    let mut class = b2b_class_of_three();
    class.start();
    let talks = |class: &Class, table: usize| {
        class.tables()[table]
            .session()
            .and_then(|s| s.talks_desk().talks("negotiate-deal"))
            .map(|t| t.is_hotseat())
    };
    // Every class table plays on hotseat rules: the AI's moves are commands in the log too.
    assert_eq!(talks(&class, 0), Some(true), "two students");
    assert_eq!(talks(&class, 1), Some(true), "a student and the AI");
    assert_eq!(class.tables()[0].ai_seat(), None);
    assert_eq!(
        class.tables()[1].ai_seat(),
        Some("counterparts"),
        "the AI took the empty seat"
    );
    // The AI (the scenario's own counterpart strategy) answers the lone exporter's offer at
    // once, from the counterparts' seat, and that answer is in the table's log.
    class
        .submit(&token(3), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    let alone = class.tables()[1].session().unwrap_or_else(|| panic!("started"));
    assert_eq!(
        alone.command_seats(),
        ["company", "counterparts"],
        "{:?}",
        alone.commands()
    );
    let talks = alone
        .talks_desk()
        .talks("negotiate-deal")
        .unwrap_or_else(|| panic!("talks"));
    assert!(
        talks.ending().is_some() || talks.to_move() == Some(tradeport::sim::negotiation::Side::Seller),
        "the AI answered"
    );
    // The pair's table waits for the importer: nobody answers for them.
    class
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    let pair = class.tables()[0].session().unwrap_or_else(|| panic!("started"));
    assert_eq!(pair.command_seats(), ["company"]);
}

#[test]
fn two_students_strike_a_deal_through_the_host() {
    let mut class = b2b_class_of_three();
    class.start();
    class
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    let events = class
        .submit(
            &token(2),
            "counterparts",
            Command::AcceptOffer {
                task: "negotiate-deal".to_string(),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        events.iter().any(|e| matches!(e, Event::ContractSigned { .. })),
        "{events:?}"
    );
    let session = class.tables()[0].session().unwrap_or_else(|| panic!("started"));
    assert_eq!(session.command_seats(), ["company", "counterparts"]);
    assert!(class.refusals().is_empty());
}

#[test]
fn forged_commands_are_refused_logged_and_change_nothing() {
    let mut class = b2b_class_of_three();
    assert_eq!(
        class.submit(&token(1), "company", Command::EndDay),
        Err(Refusal::NotStarted)
    );
    class.start();
    let log_len = |class: &Class| class.tables()[0].session().map_or(0, |s| s.commands().len());
    let forged = [
        // A token nobody holds.
        (token(99), "company", offer(vec![18, 2, 0, 0]), Refusal::UnknownToken),
        // The importer's token on the exporter's seat.
        (
            token(2),
            "company",
            offer(vec![18, 2, 0, 0]),
            Refusal::NotYourSeat("company".to_string()),
        ),
        // The importer out of turn: the exporter opens.
        (
            token(2),
            "counterparts",
            offer(vec![4, 2, 2, 3]),
            Refusal::Rule(RuleError::NotThisSeat("counterparts".to_string())),
        ),
    ];
    for (token, seat, command, expected) in forged {
        assert_eq!(class.submit(&token, seat, command), Err(expected));
    }
    // Oversized: a note far over the limit.
    let long = Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options: vec![18, 2, 0, 0],
        note: "x".repeat(1_000_000),
    };
    assert!(matches!(
        class.submit(&token(1), "company", long),
        Err(Refusal::Rule(RuleError::Limit(_)))
    ));
    assert_eq!(log_len(&class), 0, "nothing was applied");
    let who: Vec<Option<StudentId>> = class.refusals().iter().map(|r| r.student).collect();
    assert_eq!(
        who,
        [
            Some(StudentId(0)),
            None,
            Some(StudentId(1)),
            Some(StudentId(1)),
            Some(StudentId(0))
        ]
    );
}

#[test]
fn tokens_are_random_hex_and_never_shown() {
    let a = Token::random().unwrap_or_else(|e| panic!("{e}"));
    let b = Token::random().unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(a, b);
    assert_eq!(a.to_hex().len(), 32);
    assert_eq!(Token::from_hex(&a.to_hex()), Some(a.clone()));
    assert!(a.same_as(&a.clone()) && !a.same_as(&b));
    assert_eq!(Token::from_hex("not a token"), None);
    assert_eq!(Token::from_hex(&"g".repeat(32)), None);
    assert!(!format!("{a:?}").contains(&a.to_hex()[..8]));
}

#[test]
fn each_seat_is_sent_only_its_own_side() {
    let mut class = b2b_class_of_three();
    class.start();
    class
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    let exporter = class.view_for(&token(1)).unwrap_or_else(|| panic!("exporter's view"));
    let importer = class.view_for(&token(2)).unwrap_or_else(|| panic!("importer's view"));
    let session = class.tables()[0].session().unwrap_or_else(|| panic!("started"));
    let talks = session
        .talks_desk()
        .talks("negotiate-deal")
        .unwrap_or_else(|| panic!("talks"));
    let case = talks.case();
    let (seller, buyer) = (
        case.preferences(tradeport::sim::negotiation::Side::Seller),
        case.preferences(tradeport::sim::negotiation::Side::Buyer),
    );
    let bid = talks.offers()[0].bid;
    assert_ne!(
        seller.utility(bid),
        buyer.utility(bid),
        "the sides value the offer differently"
    );
    assert_ne!(seller.reservation(), buyer.reservation());

    let theirs = |view: &tradeport::class::view::SeatView| {
        let n = &view.negotiations[0];
        (n.own_walk_away, n.offers[0].worth_to_me)
    };
    assert_eq!(theirs(&exporter), (seller.reservation(), seller.utility(bid)));
    assert_eq!(theirs(&importer), (buyer.reservation(), buyer.utility(bid)));
    assert!(exporter.company.is_some(), "the exporter sees the company");
    assert!(
        importer.company.is_none(),
        "the importer does not see the exporter's cash or inbox"
    );
    // What goes on the wire for the importer holds none of the seller's values.
    let wire = ron::to_string(&importer).unwrap_or_else(|e| panic!("{e}"));
    for secret in [seller.reservation(), seller.utility(bid)] {
        assert!(
            !wire.contains(&format!(":{secret}")),
            "seller's {secret} sent to the importer: {wire}"
        );
    }
    // The task's title goes out; its description (the exporter's brief: the margin to keep)
    // does not.
    let task = &class.scenario().tasks()[1];
    assert_eq!(task.id, "negotiate-deal");
    assert_eq!(importer.negotiations[0].title, task.title);
    assert!(
        !wire.contains(&task.description.en),
        "the exporter's task description sent to the importer"
    );
    assert!(class.view_for(&token(99)).is_none(), "no view for an unknown token");
}

/// Plays table 0's deal (both students) and table 1's first offer (the student against the AI),
/// then a day for everyone.
fn a_class_under_way() -> Class {
    let mut class = b2b_class_of_three();
    class.start();
    for (t, seat, command) in [
        (1, "company", offer(vec![18, 2, 0, 0])),
        (
            2,
            "counterparts",
            Command::AcceptOffer {
                task: "negotiate-deal".to_string(),
            },
        ),
        (3, "company", offer(vec![18, 2, 0, 0])),
    ] {
        class.submit(&token(t), seat, command).unwrap_or_else(|e| panic!("{e}"));
    }
    for day in class.advance_day() {
        day.unwrap_or_else(|e| panic!("{e}"));
    }
    class
}

#[test]
fn a_paused_class_refuses_students_but_the_instructor_advances_the_day() {
    let mut class = b2b_class_of_three();
    class.start();
    class.set_paused(true);
    assert_eq!(
        class.submit(&token(1), "company", offer(vec![18, 2, 0, 0])),
        Err(Refusal::Paused)
    );
    let days: Vec<bool> = class.advance_day().iter().map(Result::is_ok).collect();
    assert_eq!(days, [true, true], "both tables moved on");
    assert!(class.tables().iter().all(|t| t.session().is_some_and(|s| s.day() == 2)));
    class.set_paused(false);
    class
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_restarted_host_resumes_the_class_from_its_autosave() {
    let class = a_class_under_way();
    let text = class.record_text();
    assert!(!text.contains("Token("), "tokens are written as hex");
    let resumed = Class::resume(Arc::clone(class.scenario()), &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resumed.record(), class.record(), "the same seats, tokens and logs");
    for (a, b) in class.tables().iter().zip(resumed.tables()) {
        let (a, b) = (
            a.session().unwrap_or_else(|| panic!("a")),
            b.session().unwrap_or_else(|| panic!("b")),
        );
        assert_eq!(a.timeline(), b.timeline(), "every session replays exactly");
    }
    // The same tokens still hold the same seats.
    let mut resumed = resumed;
    assert!(matches!(
        resumed.submit(&token(2), "company", Command::EndDay),
        Err(Refusal::NotYourSeat(_))
    ));
    assert!(resumed.view_for(&token(3)).is_some());
    // Another scenario, or a damaged file, is refused plainly.
    assert!(matches!(
        Class::resume(bundled("c2c-vintage-cameras"), &text),
        Err(tradeport::class::record::ResumeError::WrongScenario(_))
    ));
    assert!(matches!(
        Class::resume(Arc::clone(class.scenario()), &text.replace("seats", "sets")),
        Err(tradeport::class::record::ResumeError::Unreadable(_))
    ));
}

#[test]
fn the_end_of_class_gives_every_student_a_verifiable_report_and_one_gradebook() {
    let class = a_class_under_way();
    let reports = class.collect_reports();
    let names: Vec<(&str, Option<&str>)> = reports
        .iter()
        .map(|(s, r)| (s.name.as_str(), r.seat.as_deref()))
        .collect();
    assert_eq!(
        names,
        [("Li Na", None), ("Wang Wei", Some("counterparts")), ("Zhang Min", None)],
        "every student, the importer with their own seat's report"
    );
    // The importer's report is graded from the buyer's brief: a deal they accepted above
    // their walk-away earns the first criterion; the exporter's report knows nothing of it.
    let importer = &reports[1].1;
    assert!(importer.claims.total_possible > 0);
    assert_eq!(
        importer.claims.cash_end, 0,
        "the counterparts have no company in the game"
    );
    assert_ne!(importer.claims, reports[0].1.claims);
    // A report cannot choose to be checked as another seat's: the company's report relabelled
    // as the importer's no longer verifies.
    let mut relabelled = reports[0].1.clone();
    relabelled.seat = Some("counterparts".to_string());
    let problems = relabelled
        .verify(Arc::clone(class.scenario()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !problems.is_empty(),
        "the company's claims do not hold as the importer's"
    );
    relabelled.seat = Some("company".to_string());
    assert!(
        relabelled.verify(Arc::clone(class.scenario())).is_err(),
        "not a counterparts' seat"
    );
    for (student, report) in &reports {
        let problems = report
            .verify(Arc::clone(class.scenario()))
            .unwrap_or_else(|e| panic!("{}: {e}", student.name));
        assert!(problems.is_empty(), "{}: {problems:?}", student.name);
        assert_eq!(report.student.id, student.number);
    }
    let csv = class.gradebook_csv();
    assert_eq!(csv.lines().count(), 4, "a header and three rows:\n{csv}");
    assert!(csv.contains("Li Na") && csv.contains("2024003"), "{csv}");
}

#[test]
fn the_class_keeps_one_calendar_the_day_ends_when_everyone_has_ended_it() {
    let mut class = b2b_class_of_three();
    class.start();
    let day = |class: &Class| -> Vec<u32> { class.dashboard().iter().map(|r| r.day).collect() };
    assert_eq!(
        class.submit(&token(1), "company", Command::EndDay),
        Ok(Vec::new()),
        "waits for the others"
    );
    class
        .submit(&token(2), "counterparts", Command::EndDay)
        .unwrap_or_else(|e| panic!("{e}"));
    let ready: Vec<bool> = class.dashboard().iter().map(|r| r.ready).collect();
    assert_eq!(ready, [true, true, false]);
    assert_eq!(day(&class), [1, 1, 1]);
    let events = class
        .submit(&token(3), "company", Command::EndDay)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        events.iter().any(|e| matches!(e, Event::DayStarted { day: 2, .. })),
        "{events:?}"
    );
    assert_eq!(day(&class), [2, 2, 2]);
    assert!(class.dashboard().iter().all(|r| !r.ready));
}

#[test]
fn the_dashboard_shows_each_student_and_every_deal_for_one_pareto_chart() {
    let class = a_class_under_way();
    let rows = class.dashboard();
    let seen: Vec<(&str, &str, Option<&str>)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.seat.as_str(), r.last_action.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            ("Li Na", "company", Some("EndDay")),
            ("Wang Wei", "counterparts", Some("AcceptOffer")),
            ("Zhang Min", "company", Some("EndDay")),
        ]
    );
    // The dashboard shows the same in the instructor's language.
    let chinese = tradeport::i18n::Catalogue::new(tradeport::i18n::Language::Chinese);
    let said: Vec<Option<String>> = rows
        .iter()
        .map(|r| r.last_said.as_ref().map(|s| chinese.say(s)))
        .collect();
    assert_eq!(
        said,
        [
            Some("结束了这一天".to_string()),
            Some("接受了桌上的报价".to_string()),
            Some("结束了这一天".to_string())
        ]
    );
    assert!(rows[0].cash.is_some() && rows[0].points.is_some());
    assert!(
        rows[1].cash.is_none() && rows[1].points.is_none(),
        "the importer has no company"
    );
    let deals = class.deals();
    assert_eq!(deals.len(), 1, "only table 0 has agreed: {deals:?}");
    let session = class.tables()[0].session().unwrap_or_else(|| panic!("started"));
    let talks = session
        .talks_desk()
        .talks("negotiate-deal")
        .unwrap_or_else(|| panic!("talks"));
    let bid = talks.offers()[0].bid;
    assert_eq!(
        (deals[0].seller, deals[0].buyer),
        (
            talks
                .case()
                .preferences(tradeport::sim::negotiation::Side::Seller)
                .utility(bid),
            talks
                .case()
                .preferences(tradeport::sim::negotiation::Side::Buyer)
                .utility(bid)
        )
    );
}

#[test]
fn a_removed_student_s_token_holds_nothing_and_a_newcomer_takes_the_seat() {
    let mut class = a_class_under_way();
    assert!(class.remove(StudentId(1)), "the importer leaves");
    assert!(!class.remove(StudentId(1)), "once");
    assert_eq!(
        class.submit(&token(2), "counterparts", Command::EndDay),
        Err(Refusal::UnknownToken)
    );
    // Table 1's counterparts are the AI's: only the vacant seat at table 0 can be taken.
    let (newcomer, _) = class
        .join("Chen Jie", "2024004", token(4))
        .unwrap_or_else(|e| panic!("{e}"));
    let seat = class
        .students()
        .iter()
        .find(|s| s.id == newcomer)
        .map(|s| (s.table, s.seat.clone()));
    assert_eq!(seat, Some((0, "counterparts".to_string())));
    assert_eq!(
        class.join("Late", "2024005", token(5)),
        Err(JoinError::Started),
        "no seat left"
    );
    let names: Vec<String> = class.dashboard().iter().map(|r| r.name.clone()).collect();
    assert_eq!(names, ["Li Na", "Zhang Min", "Chen Jie"]);
    // The class file keeps who left, and resumes.
    let resumed = Class::resume(Arc::clone(class.scenario()), &class.record_text()).unwrap_or_else(|e| panic!("{e}"));
    assert!(resumed.student_by_token(&token(2)).is_none());
    assert!(resumed.student_by_token(&token(4)).is_some());
}

/// Plays a table of two bots through the class's rules, with each bot fed only what the host
/// would send its seat; returns the class when every table's scenario is over.
fn bots_play(exporter: Policy, importer: Policy) -> Class {
    let path = Path::new("scenarios/b2b-silk-blouses.scenario.ron");
    let mut class = Class::new(bundled("b2b-silk-blouses"));
    class
        .join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    class
        .join("Wang Wei", "2024002", token(2))
        .unwrap_or_else(|e| panic!("{e}"));
    class.start();
    let package = package::package(path, class.tables_are_hotseat()).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    let followed = Arc::new(package::unpack(&package).unwrap_or_else(|d| panic!("{}", render_plain(&d))));
    let start = class.table_start(0).unwrap_or_else(|| panic!("started"));
    let mut players = [
        (
            token(1),
            "company",
            SeatPlayer::new(exporter, "company", Some(Mirror::new(followed, start))),
        ),
        (
            token(2),
            "counterparts",
            SeatPlayer::new(importer, "counterparts", None),
        ),
    ];
    let mut sent = 0;
    // What the host sends after every change: the table's new commands to the company's PC,
    // then each seat's view.
    let send = |class: &Class, players: &mut [(Token, &str, SeatPlayer)], sent: &mut usize| {
        let log = class.table_log(0, *sent);
        players[0].2.on_log(*sent, &log).unwrap_or_else(|e| panic!("{e}"));
        *sent += log.len();
        for (token, _, player) in players.iter_mut() {
            player.on_view(class.view_for(token).unwrap_or_else(|| panic!("a view")));
        }
    };
    send(&class, &mut players, &mut sent);
    for _ in 0..5_000 {
        if class.is_over() {
            break;
        }
        let mut moved = false;
        for i in 0..players.len() {
            let (token, seat, player) = &mut players[i];
            let Some(command) = player.next_command() else { continue };
            moved = true;
            match class.submit(token, seat, command) {
                Ok(_) => send(&class, &mut players, &mut sent),
                Err(_) => players[i].2.on_refused(),
            }
        }
        assert!(
            moved,
            "the bots wait for each other on day {:?}",
            class.view_for(&token(1)).map(|v| v.day)
        );
    }
    assert!(class.is_over(), "the scenario ends");
    class
}

#[test]
fn two_bots_play_a_deal_from_inquiry_to_payment_from_what_each_seat_is_sent() {
    for (exporter, importer) in [
        (Policy::Expert, Policy::Expert),
        (Policy::Expert, Policy::Novice),
        (Policy::Novice, Policy::Expert),
    ] {
        let class = bots_play(exporter, importer);
        let session = class.tables()[0].session().unwrap_or_else(|| panic!("started"));
        let talks = session
            .talks_desk()
            .talks("negotiate-deal")
            .unwrap_or_else(|| panic!("talks"));
        assert!(
            matches!(
                talks.ending(),
                Some(tradeport::sim::negotiation::TalksEnding::Agreed { .. })
            ),
            "{exporter:?} vs {importer:?}: a deal; {:?} after {:?}",
            talks.ending(),
            talks.offers().iter().map(|o| (o.by, o.bid)).collect::<Vec<_>>()
        );
        assert!(
            talks
                .offers()
                .iter()
                .any(|o| o.by == tradeport::sim::negotiation::Side::Buyer),
            "the importer bot made offers of its own"
        );
        let paid = session
            .world()
            .ledger()
            .iter()
            .any(|e| e.account == tradeport::sim::session::Account::ExportProceeds && e.money.minor > 0);
        assert!(
            paid,
            "{exporter:?} vs {importer:?}: the buyer paid; ledger {:?}",
            session.world().ledger()
        );
        let reports = class.collect_reports();
        assert_eq!(reports.len(), 2);
        for (student, report) in &reports {
            let problems = report
                .verify(Arc::clone(class.scenario()))
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(problems.is_empty(), "{}: {problems:?}", student.name);
        }
        eprintln!(
            "{exporter:?} vs {importer:?}: exporter {}/{}, importer {}/{}, {} offers",
            reports[0].1.claims.total_earned,
            reports[0].1.claims.total_possible,
            reports[1].1.claims.total_earned,
            reports[1].1.claims.total_possible,
            talks.offers().len()
        );
    }
}

#[test]
fn the_company_s_pc_gets_no_counterparts_brief_and_follows_its_table_exactly() {
    let path = Path::new("scenarios/b2b-silk-blouses.scenario.ron");
    let package = package::package(path, true).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    // The buyer's brief (weights 45/15/10/30, walk-away 0.35) and Nordkontor's Boulware
    // strategy are not in what is sent; the seller's own brief is.
    assert!(!package.scenario.contains("\"45%\"") && !package.scenario.contains("reservation: \"0.35\""));
    assert!(!package.scenario.contains("Boulware"));
    assert!(package.scenario.contains("\"50%\"") && package.scenario.contains("reservation: \"0.40\""));
    assert!(
        package.packs.iter().all(|(_, label, _)| !label.contains('/')),
        "no host folders"
    );
    let followed = package::unpack(&package).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    // An oversized or damaged package is refused with a message, not a crash.
    let mut big = package.clone();
    big.scenario = "x".repeat(2 * 1024 * 1024);
    assert!(package::unpack(&big).is_err());
    let mut damaged = package.clone();
    damaged.scenario = damaged.scenario.replace("deadline_rounds", "dedline_rounds");
    assert!(package::unpack(&damaged).is_err());
    // Followed move by move, the company's table looks the same on the PC as on the host.
    let class = a_class_under_way();
    let mut mirror = Mirror::new(
        Arc::new(followed),
        class.table_start(0).unwrap_or_else(|| panic!("started")),
    );
    mirror
        .extend(0, &class.table_log(0, 0))
        .unwrap_or_else(|e| panic!("{e}"));
    let session = mirror.session().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(seat_view(&session, "company"), class.view_for(&token(1)));
    assert!(
        mirror.extend(0, &class.table_log(0, 0)).is_err(),
        "a log that does not follow on"
    );
}

#[test]
fn a_join_code_is_the_host_s_address_written_short() {
    use std::net::{Ipv4Addr, SocketAddrV4};
    use tradeport::class::code;
    for address in [
        SocketAddrV4::new(Ipv4Addr::new(192, 168, 1, 23), 5000),
        SocketAddrV4::new(Ipv4Addr::new(10, 0, 0, 1), 1),
        SocketAddrV4::new(Ipv4Addr::new(255, 255, 255, 255), 65535),
        SocketAddrV4::new(Ipv4Addr::new(127, 0, 0, 1), 0),
    ] {
        let written = code::encode(address);
        assert_eq!(written.len(), 11, "{written}");
        assert_eq!(code::decode(&written), Some(address));
        // Typed in lower case, without the dash, with O for 0: still the same class.
        let typed = written.to_lowercase().replace('-', "").replace('0', "o");
        assert_eq!(code::parse_target(&typed), Some(address), "{typed}");
    }
    // The example in README.md and docs/class.md (worked out by hand in base 32).
    assert_eq!(
        code::encode(SocketAddrV4::new(Ipv4Addr::new(192, 168, 1, 23), 5000)),
        "60N00-HE4W8"
    );
    assert_eq!(
        code::parse_target("192.168.1.23:5000"),
        Some(SocketAddrV4::new(Ipv4Addr::new(192, 168, 1, 23), 5000))
    );
    for wrong in ["", "ABCDE", "ABCDE-FGHIJK", "UUUUU-UUUUU", "ZZZZZ-ZZZZZ", "12345-6789!"] {
        assert_eq!(code::parse_target(wrong), None, "{wrong}");
    }
}

#[test]
fn a_class_run_as_an_exam_gives_exam_reports_and_resumes_as_one() {
    use tradeport::sim::session::PlayMode;
    let mut class = Class::new(bundled("b2b-silk-blouses")).with_mode(PlayMode::Exam);
    class
        .join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    class
        .join("Wang Wei", "2024002", token(2))
        .unwrap_or_else(|e| panic!("{e}"));
    class.start();
    class
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    let start = class.table_start(0).unwrap_or_else(|| panic!("started"));
    assert_eq!(start.mode, PlayMode::Exam, "the students' PCs are told");
    for (student, report) in class.collect_reports() {
        assert_eq!(report.claims.mode, PlayMode::Exam, "{}", student.name);
        let problems = report
            .verify(Arc::clone(class.scenario()))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(problems.is_empty(), "{problems:?}");
    }
    let resumed = Class::resume(Arc::clone(class.scenario()), &class.record_text()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resumed.mode(), PlayMode::Exam);
    assert_eq!(resumed.tables()[0].session().map(|s| s.mode()), Some(PlayMode::Exam));
    // A class file from before modes is a practice class.
    let old = class.record_text().replace("mode: Exam,", "");
    assert_ne!(old, class.record_text());
    let practice = Class::resume(Arc::clone(class.scenario()), &old).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(practice.mode(), PlayMode::Practice);
}

#[test]
fn the_instructor_fires_a_scenario_event_at_one_table_and_every_report_still_verifies() {
    let mut class = b2b_class_of_three();
    class.start();
    let eur = tradeport::sim::CurrencyCode::parse("EUR").unwrap_or_else(|| panic!("EUR"));
    let rate = |class: &Class, table: usize| {
        class.tables()[table]
            .session()
            .and_then(|s| s.world().rate(eur))
            .unwrap_or_else(|| panic!("a EUR rate at table {table}"))
    };
    let before = (rate(&class, 0), rate(&class, 1));

    // Nobody but the instructor fires events: a student's attempt is refused and logged.
    let forged = class.submit(
        &token(1),
        "company",
        Command::FireEvent {
            event: "eur-weakens".to_string(),
        },
    );
    assert!(forged.is_err(), "{forged:?}");
    // An event the scenario does not have is refused, and nothing changes.
    let unknown = class.fire_event(None, "euro-collapses");
    assert!(
        unknown.iter().all(|(_, r)| matches!(r, Err(RuleError::NoSuchEvent(_)))),
        "{unknown:?}"
    );
    assert_eq!((rate(&class, 0), rate(&class, 1)), before);

    // The scenario's own "-2%" at table 1 only: EUR falls 2% there, table 2 keeps its rate.
    let fired = class.fire_event(Some(0), "eur-weakens");
    assert_eq!(fired.len(), 1);
    assert!(fired[0].1.is_ok(), "{fired:?}");
    assert_eq!(
        rate(&class, 0).0,
        before.0.0 - before.0.0 * 2 / 100,
        "2% down at table 1"
    );
    assert_eq!(rate(&class, 1), before.1, "table 2 untouched");
    let log = class.table_log(0, 0);
    assert_eq!(
        log.last(),
        Some(&(
            "instructor".to_string(),
            Command::FireEvent {
                event: "eur-weakens".to_string()
            }
        )),
        "in the table's log, from the instructor's seat"
    );
    // It happens at most as often as the scenario allows (once, by default).
    let again = class.fire_event(Some(0), "eur-weakens");
    assert!(matches!(again[0].1, Err(RuleError::EventSpent(_))), "{again:?}");

    // Every report, replayed from its log with the instructor's event, verifies.
    class.end();
    for (student, report) in class.collect_reports() {
        let problems = report
            .verify(Arc::clone(class.scenario()))
            .unwrap_or_else(|e| panic!("{}: {e}", student.name));
        assert!(problems.is_empty(), "{}: {problems:?}", student.name);
    }
}

#[test]
fn a_host_answers_a_search_on_the_network_and_ignores_everything_else() {
    use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
    use tradeport::class::discovery::{Announcement, Responder, Search};
    let loopback = |port| SocketAddrV4::new(Ipv4Addr::LOCALHOST, port);
    let v4 = |a: std::io::Result<SocketAddr>| match a {
        Ok(SocketAddr::V4(a)) => a,
        other => panic!("{other:?}"),
    };
    let responder = Responder::open(
        loopback(0),
        &Announcement {
            version: "9.9.9".to_string(),
            port: 5000,
            title: "Silk Blouses\u{1b}[31m for Hamburg".to_string(),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let host = v4(responder.local_addr());
    let mut search = Search::start(&[host]).unwrap_or_else(|e| panic!("{e}"));
    let answers_to = loopback(v4(search.local_addr()).port());
    // A stranger's datagram to the host gets no answer; forged answers to the PC (port 0, too
    // long, another program's) are not classes.
    let stranger = UdpSocket::bind(loopback(0)).unwrap_or_else(|e| panic!("{e}"));
    stranger
        .set_read_timeout(Some(std::time::Duration::from_millis(200)))
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = stranger.send_to(b"TRADEPORT-DISCOVER 2", host);
    let _ = stranger.send_to(b"TRADEPORT-CLASS 1\n9.9.9\n0\nNo port", answers_to);
    let _ = stranger.send_to(
        format!("TRADEPORT-CLASS 1\n9.9.9\n6000\n{}", "x".repeat(600)).as_bytes(),
        answers_to,
    );
    let _ = stranger.send_to(b"HTTP/1.1 200 OK", answers_to);
    let mut answered = 0;
    for _ in 0..400 {
        answered += responder.answer_waiting();
        if !search.poll().is_empty() && answered > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // A little longer, for anything else to arrive.
    for _ in 0..20 {
        responder.answer_waiting();
        search.poll();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(answered, 1, "the one real question was answered");
    let found = search.found();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].address, loopback(5000), "the host's address, the class's port");
    assert_eq!(found[0].code, tradeport::class::code::encode(loopback(5000)));
    assert_eq!(found[0].version, "9.9.9");
    assert!(found[0].title.starts_with("Silk Blouses"), "{}", found[0].title);
    assert!(!found[0].title.contains('\u{1b}'), "escaped: {:?}", found[0].title);
    let mut buffer = [0u8; 64];
    assert!(
        stranger.recv_from(&mut buffer).is_err(),
        "the stranger's wrong question was not answered"
    );
}

/// The bundled B2B scenario with `away_seat: AiHolds`.
fn b2b_where_the_ai_holds_away_seats() -> Arc<Scenario> {
    let path = Path::new("scenarios/b2b-silk-blouses.scenario.ron");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let mut file =
        tradeport::scenario::load::parse_scenario("b2b", &text).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    file.setup.away_seat = tradeport::scenario::file::AwaySeat::AiHolds;
    Arc::new(tradeport::scenario::assemble_at(path, &file).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

#[test]
fn an_away_importer_s_seat_waits_by_default_and_is_held_by_the_ai_where_the_scenario_says() {
    let counterparts_moves = |class: &Class| {
        class
            .table_log(0, 0)
            .iter()
            .filter(|(seat, _)| seat == "counterparts")
            .count()
    };
    // The bundled scenario: the deal waits for the importer.
    let mut waits = Class::new(bundled("b2b-silk-blouses"));
    waits
        .join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    waits
        .join("Wang Wei", "2024002", token(2))
        .unwrap_or_else(|e| panic!("{e}"));
    waits.start();
    waits
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !waits.set_away(StudentId(1), true),
        "the scenario does not let the AI hold seats"
    );
    assert_eq!(counterparts_moves(&waits), 0, "the deal waits");

    // With `away_seat: AiHolds` the AI answers for the away importer, and stops when they are back.
    let mut held = Class::new(b2b_where_the_ai_holds_away_seats());
    held.join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    held.join("Wang Wei", "2024002", token(2))
        .unwrap_or_else(|e| panic!("{e}"));
    held.start();
    held.submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!held.set_away(StudentId(0), true), "a company's seat always waits");
    assert!(held.set_away(StudentId(1), true));
    assert!(held.is_held_by_ai(StudentId(1)));
    assert!(held.dashboard()[1].held_by_ai);
    assert_eq!(
        counterparts_moves(&held),
        1,
        "the AI answered the offer from the importer's seat"
    );
    // The exporter ends the day: the held importer is not waited for.
    let day = held.tables()[0].session().map_or(0, |s| s.day());
    held.submit(&token(1), "company", Command::EndDay)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(held.tables()[0].session().map_or(0, |s| s.day()), day + 1);
    // Back: the seat is the student's again; the next offer waits for them.
    assert!(held.set_away(StudentId(1), false));
    assert!(!held.is_held_by_ai(StudentId(1)));
    let talks_open = held.tables()[0]
        .session()
        .and_then(|s| s.talks_desk().talks("negotiate-deal"))
        .is_some_and(|t| t.ending().is_none());
    if talks_open {
        // The AI countered: the exporter's move, and nobody answers it for the student now.
        let before = counterparts_moves(&held);
        held.submit(&token(1), "company", offer(vec![17, 2, 0, 0]))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(counterparts_moves(&held), before, "nobody answers for the student now");
    } else {
        let last = held
            .table_log(0, 0)
            .into_iter()
            .rev()
            .find(|(seat, _)| seat == "counterparts");
        assert!(
            matches!(last, Some((_, Command::AcceptOffer { .. }))),
            "the AI accepted for the importer: {last:?}"
        );
    }
    // Every report still verifies, the AI's moves included.
    held.end();
    for (student, report) in held.collect_reports() {
        let problems = report
            .verify(Arc::clone(held.scenario()))
            .unwrap_or_else(|e| panic!("{}: {e}", student.name));
        assert!(problems.is_empty(), "{}: {problems:?}", student.name);
    }
}

#[test]
fn before_the_start_the_instructor_moves_students_between_seats_and_tables() {
    let mut class = b2b_class_of_three();
    let place = |class: &Class, id: u32| {
        class
            .students()
            .iter()
            .find(|s| s.id == StudentId(id))
            .map(|s| (s.table, s.seat.clone()))
    };
    // Zhang Min takes Wang Wei's importer seat; Wang Wei takes hers.
    class
        .assign(StudentId(2), 0, "counterparts")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(place(&class, 2), Some((0, "counterparts".to_string())));
    assert_eq!(place(&class, 1), Some((1, "company".to_string())));
    // Wang Wei to a new table: his old one is left empty and goes; two tables remain.
    class
        .assign(StudentId(1), 2, "company")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(class.tables().len(), 2);
    assert_eq!(place(&class, 1), Some((1, "company".to_string())));
    // Refused, and nothing changes: a table with an importer but no exporter, a seat or
    // table the class does not have.
    let before: Vec<_> = (0..3).map(|i| place(&class, i)).collect();
    assert_eq!(
        class.assign(StudentId(0), 1, "counterparts"),
        Err(tradeport::class::AssignError::CompanyEmpty)
    );
    assert!(matches!(
        class.assign(StudentId(0), 0, "instructor"),
        Err(tradeport::class::AssignError::NoSeat(_))
    ));
    assert_eq!(
        class.assign(StudentId(0), 5, "company"),
        Err(tradeport::class::AssignError::NoTable(6))
    );
    assert_eq!((0..3).map(|i| place(&class, i)).collect::<Vec<_>>(), before);
    // After the start the seats are fixed; the moved pair plays.
    class.start();
    assert_eq!(
        class.assign(StudentId(1), 0, "company"),
        Err(tradeport::class::AssignError::Started)
    );
    class
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    class
        .submit(&token(3), "counterparts", offer(vec![5, 2, 0, 2]))
        .unwrap_or_else(|e| panic!("Zhang Min answers from the importer's seat: {e}"));
}
