//! The session is deterministic, validates before it changes anything, and rule packs pick
//! the rules in force by date.

use std::path::Path;
use std::sync::Arc;

use tradeport::scenario::error::render_plain;
use tradeport::scenario::{load_rule_pack_file, load_scenario_file};
use tradeport::sim::rules::RuleKind;
use tradeport::sim::session::MessageId;
use tradeport::sim::{Command, Date, Event, Report, RuleError, Scenario, Session};

fn scenario(id: &str) -> Arc<Scenario> {
    let path = format!("scenarios/{id}.scenario.ron");
    Arc::new(load_scenario_file(Path::new(&path)).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

/// Plays every day to the end and returns the session.
fn play_out(scenario: &Arc<Scenario>, seed: Option<u64>) -> Session {
    let mut session = Session::new(Arc::clone(scenario), seed);
    while !session.is_finished() {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    session
}

#[test]
fn same_seed_gives_the_same_session() {
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let s = scenario(id);
        let a = play_out(&s, None);
        let b = play_out(&s, None);
        assert_eq!(a.timeline(), b.timeline(), "{id}: timelines differ for the same seed");
        assert_eq!(a.world().rates(), b.world().rates());
        assert_eq!(a.world().cash(), b.world().cash());
        assert_eq!(Report::of(&a), Report::of(&b));
    }
}

#[test]
fn different_seeds_give_different_exchange_rate_paths() {
    let s = scenario("b2c-eu-storefront");
    let a = play_out(&s, Some(1));
    let b = play_out(&s, Some(2));
    assert_ne!(a.world().rates(), b.world().rates(), "drift should depend on the seed");
}

#[test]
fn days_advance_to_the_end_then_commands_are_refused_without_change() {
    let s = scenario("b2b-silk-blouses");
    let mut session = Session::new(Arc::clone(&s), None);
    assert_eq!(session.day(), 1);
    assert_eq!(session.date(), s.start_date());
    let events = session.apply(Command::EndDay).unwrap_or_default();
    assert!(
        matches!(events.first(), Some(Event::DayStarted { day: 2, .. })),
        "{events:?}"
    );
    assert_eq!(session.date(), s.start_date().plus_days(1));
    while !session.is_finished() {
        let _ = session.apply(Command::EndDay);
    }
    assert_eq!(session.day(), s.length_days());
    let timeline_len = session.timeline().len();
    assert_eq!(session.apply(Command::EndDay), Err(RuleError::ScenarioOver));
    assert_eq!(
        session.timeline().len(),
        timeline_len,
        "a refused command changed the session"
    );
}

#[test]
fn unknown_message_is_refused_and_reading_marks_read() {
    let s = scenario("b2b-silk-blouses");
    let mut session = Session::new(s, None);
    assert!(
        !session.world().inbox().is_empty(),
        "day-1 messages should arrive at once"
    );
    let unread = session.world().unread_count();
    assert_eq!(
        session.apply(Command::MarkRead(MessageId(999))),
        Err(RuleError::NoSuchMessage(MessageId(999)))
    );
    assert_eq!(session.world().unread_count(), unread);
    let first = session.world().inbox()[0].id;
    assert_eq!(
        session.apply(Command::MarkRead(first)),
        Ok(vec![Event::MessageRead { id: first }])
    );
    assert_eq!(session.world().unread_count(), unread - 1);
    // Reading it again is allowed and changes nothing.
    assert_eq!(session.apply(Command::MarkRead(first)), Ok(vec![]));
}

#[test]
fn report_adds_up_to_the_rubric_and_says_nothing_was_submitted() {
    let s = scenario("c2c-vintage-cameras");
    let session = play_out(&s, None);
    let report = Report::of(&session);
    assert_eq!(report.total_possible, s.rubric_total());
    assert_eq!(
        report.total_earned, 0,
        "no activity was carried out, so nothing is earned"
    );
    let by_competency: u32 = report.competencies.values().map(|(_, p)| p).sum();
    assert_eq!(by_competency, s.rubric_total());
    assert!(report.finished);
    assert!(!report.ended_early, "the session was played to its last day");
}

#[test]
fn finishing_early_is_reported_as_stopping_early() {
    let s = scenario("c2c-vintage-cameras");
    let mut session = Session::new(Arc::clone(&s), Some(1));
    session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    session.apply(Command::FinishEarly).unwrap_or_else(|e| panic!("{e}"));
    let report = Report::of(&session);
    assert!(report.finished && report.ended_early);
    assert_eq!(report.days_played, 2);
    assert!(report.days_played < report.length_days);
}

fn pack(file: &str) -> tradeport::sim::RulePack {
    load_rule_pack_file(Path::new(&format!("scenarios/rules/{file}")))
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)))
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn eu_three_euro_duty_applies_from_1_july_2026_and_150_euro_relief_ends_the_day_before() {
    let eu = pack("eu.rules.ron");
    let fixed_duty = |d: &str| {
        eu.in_force(date(d))
            .any(|r| matches!(r.kind, RuleKind::FixedDutyPerCategory { .. }))
    };
    let relief = |d: &str| {
        eu.in_force(date(d))
            .any(|r| matches!(r.kind, RuleKind::DeMinimis { .. }))
    };
    assert!(!fixed_duty("2026-06-30"));
    assert!(fixed_duty("2026-07-01"));
    assert!(relief("2026-06-30"));
    assert!(!relief("2026-07-01"));
    // The €3 amount is data: 300 cents.
    let amount = eu.in_force(date("2026-07-01")).find_map(|r| match &r.kind {
        RuleKind::FixedDutyPerCategory { amount, .. } => Some(amount.minor),
        _ => None,
    });
    assert_eq!(amount, Some(300));
}

#[test]
fn us_800_dollar_de_minimis_is_suspended_from_29_august_2025() {
    let us = pack("us.rules.ron");
    let de_minimis = |d: &str| {
        us.in_force(date(d))
            .any(|r| matches!(r.kind, RuleKind::DeMinimis { .. }))
    };
    assert!(de_minimis("2025-08-28"));
    assert!(!de_minimis("2025-08-29"));
}

#[test]
fn china_retail_import_limits_are_5000_and_26000_yuan_with_taxes_at_70_percent() {
    let cn = pack("cn-import.rules.ron");
    let today = date("2026-11-25");
    let limits = cn.in_force(today).find_map(|r| match &r.kind {
        RuleKind::TransactionLimit {
            per_transaction,
            per_person_per_year,
        } => Some((per_transaction.minor, per_person_per_year.minor)),
        _ => None,
    });
    assert_eq!(limits, Some((500_000, 2_600_000)));
    let reduction = cn.in_force(today).find_map(|r| match &r.kind {
        RuleKind::TaxReduction { percent_of_normal } => Some(*percent_of_normal),
        _ => None,
    });
    assert_eq!(reduction.map(|p| p.0), Some(7_000));
}
