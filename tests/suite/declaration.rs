//! The declaration check: each rule has a passing and a failing case, and the session lodges,
//! refuses and clears declarations as a customs office would.

use std::path::Path;
use std::sync::Arc;

use tradeport::scenario::error::render_plain;
use tradeport::scenario::file::{Incoterm, TransportMode};
use tradeport::scenario::load_scenario_file;
use tradeport::sim::customs::declaration::{
    DeclarationCase, DeclarationForm, Verdict, check_declaration, model_answer,
};
use tradeport::sim::{Command, Event, Micros, RuleError, Scenario, Session};

const TASK: &str = "export-declaration";

fn scenario() -> Arc<Scenario> {
    Arc::new(
        load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", render_plain(&d))),
    )
}

fn case(s: &Scenario) -> DeclarationCase {
    s.tasks()
        .iter()
        .find_map(|t| t.declaration.clone())
        .unwrap_or_else(|| panic!("the B2B scenario has a declaration task"))
}

fn verdict_of(s: &Scenario, case: &DeclarationCase, form: &DeclarationForm, field: &str) -> Verdict {
    let check = check_declaration(case, s.products(), form);
    check
        .verdict(field)
        .cloned()
        .unwrap_or_else(|| panic!("no verdict for {field}: {check:?}"))
}

fn wrong_text(v: &Verdict) -> String {
    match v {
        Verdict::Wrong(w) => crate::english(w),
        other => panic!("expected Wrong, got {other:?}"),
    }
}

#[test]
fn the_model_answer_is_correct_in_every_field_and_clears() {
    let s = scenario();
    let case = case(&s);
    let check = check_declaration(&case, s.products(), &model_answer(&case, s.products()));
    assert_eq!(check.wrong(), 0, "{check:?}");
    assert!(check.clears());
    assert!(
        check.fields.len() >= 9 + 2 * 12,
        "every header field and every line field is checked: {}",
        check.fields.len()
    );
}

#[test]
fn trade_mode_must_be_general_trade() {
    let s = scenario();
    let case = case(&s);
    let mut form = model_answer(&case, s.products());
    assert_eq!(verdict_of(&s, &case, &form, "trade_mode"), Verdict::Correct);
    form.trade_mode = "9610".to_string();
    let v = verdict_of(&s, &case, &form, "trade_mode");
    assert!(wrong_text(&v).contains("retail parcels"), "{v:?}");
}

#[test]
fn net_weight_above_gross_is_wrong() {
    let s = scenario();
    let case = case(&s);
    let mut form = model_answer(&case, s.products());
    assert_eq!(verdict_of(&s, &case, &form, "lines[0].gross_kg"), Verdict::Correct);
    form.lines[0].net_kg = "320.000".to_string();
    let v = verdict_of(&s, &case, &form, "lines[0].gross_kg");
    assert!(wrong_text(&v).contains("above gross weight"), "{v:?}");
    assert!(matches!(
        verdict_of(&s, &case, &form, "lines[0].net_kg"),
        Verdict::Wrong(_)
    ));
}

#[test]
fn declaring_less_than_the_invoice_price_is_undervaluation() {
    let s = scenario();
    let case = case(&s);
    let mut form = model_answer(&case, s.products());
    form.lines[0].unit_price = "18.00".to_string();
    form.lines[0].total_price = "21600.00".to_string();
    let check = check_declaration(&case, s.products(), &form);
    assert!(check.undervalued());
    assert!(!check.clears());
    assert!(wrong_text(check.verdict("lines[0].unit_price").unwrap_or(&Verdict::Correct)).starts_with("undervalued"));
}

#[test]
fn total_must_be_quantity_times_price_and_match_the_invoice() {
    let s = scenario();
    let case = case(&s);
    let mut form = model_answer(&case, s.products());
    form.lines[1].total_price = "29000.00".to_string();
    let v = verdict_of(&s, &case, &form, "lines[1].total_price");
    assert!(wrong_text(&v).contains("quantity × unit price"), "{v:?}");
}

#[test]
fn commodity_code_needs_all_ten_digits_and_the_right_subheading() {
    let s = scenario();
    let case = case(&s);
    let mut form = model_answer(&case, s.products());
    form.lines[0].commodity_code = "620610".to_string();
    assert!(wrong_text(&verdict_of(&s, &case, &form, "lines[0].commodity_code")).contains("10-digit"));
    form.lines[0].commodity_code = "6206200000".to_string();
    assert!(wrong_text(&verdict_of(&s, &case, &form, "lines[0].commodity_code")).contains("wrong subheading"));
}

#[test]
fn fob_for_a_container_is_flagged_even_when_the_contract_says_so() {
    let s = scenario();
    let mut case = case(&s);
    let mut form = model_answer(&case, s.products());
    form.incoterm = Some(Incoterm::FOB);
    assert!(wrong_text(&verdict_of(&s, &case, &form, "incoterm")).contains("does not match the contract"));
    case.incoterm = Incoterm::FOB;
    assert!(
        matches!(verdict_of(&s, &case, &form, "incoterm"), Verdict::Warning(w) if crate::english(&w).contains("FCA"))
    );
}

#[test]
fn parties_transport_and_brand_are_checked_against_the_documents() {
    let s = scenario();
    let case = case(&s);
    let mut form = model_answer(&case, s.products());
    form.consignee = "Modehaus Albrecht KG".to_string();
    form.transport_mode = Some(TransportMode::Air);
    form.lines[0].brand_type = Some(tradeport::scenario::file::BrandType::NoBrand);
    let check = check_declaration(&case, s.products(), &form);
    assert!(matches!(check.verdict("consignee"), Some(Verdict::Wrong(w)) if crate::english(w).contains("Nordkontor")));
    assert!(matches!(check.verdict("transport_mode"), Some(Verdict::Wrong(_))));
    assert!(
        matches!(check.verdict("lines[0].brand_type"), Some(Verdict::Wrong(w)) if crate::english(w).contains("domestic own brand"))
    );
    // Case and spacing of names do not matter.
    let mut tidy = model_answer(&case, s.products());
    tidy.consignee = "  nordkontor   MODE gmbh ".to_string();
    assert_eq!(
        check_declaration(&case, s.products(), &tidy).verdict("consignee"),
        Some(&Verdict::Correct)
    );
}

#[test]
fn an_empty_form_is_wrong_everywhere_and_says_what_is_missing() {
    let s = scenario();
    let case = case(&s);
    let check = check_declaration(&case, s.products(), &DeclarationForm::default());
    assert!(!check.clears());
    assert!(matches!(check.verdict("trade_mode"), Some(Verdict::Wrong(w)) if crate::english(w).starts_with("missing")));
    assert!(matches!(check.verdict("lines"), Some(Verdict::Wrong(_))));
}

fn lodge(session: &mut Session, form: DeclarationForm) -> Vec<Event> {
    session
        .apply(Command::SubmitDeclaration {
            task: TASK.to_string(),
            form: Box::new(form),
        })
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_session_lodges_until_the_goods_clear_then_refuses() {
    let s = scenario();
    let case = case(&s);
    let mut session = Session::new(Arc::clone(&s), None);
    let mut wrong = model_answer(&case, s.products());
    wrong.trade_mode = "9710".to_string();
    let events = lodge(&mut session, wrong);
    assert!(
        matches!(
            events.first(),
            Some(Event::DeclarationChecked {
                attempt: 1,
                cleared: false,
                wrong: 1,
                ..
            })
        ),
        "{events:?}"
    );
    let events = lodge(&mut session, model_answer(&case, s.products()));
    assert!(
        matches!(
            events.first(),
            Some(Event::DeclarationChecked {
                attempt: 2,
                cleared: true,
                ..
            })
        ),
        "{events:?}"
    );
    let before = session.timeline().len();
    let again = session.apply(Command::SubmitDeclaration {
        task: TASK.to_string(),
        form: Box::default(),
    });
    assert_eq!(again, Err(RuleError::AlreadyCleared(TASK.to_string())));
    assert_eq!(
        session.timeline().len(),
        before,
        "a refused command changed the session"
    );
    assert_eq!(session.customs_desk().declaration_attempts(TASK).len(), 2);
    assert_eq!(
        session.apply(Command::SubmitDeclaration {
            task: "reply-inquiry".to_string(),
            form: Box::default()
        }),
        Err(RuleError::NoDeclaration("reply-inquiry".to_string()))
    );
}

#[test]
fn a_rejected_declaration_costs_the_amendment_fee_and_is_booked() {
    let s = scenario();
    let case = case(&s);
    let mut session = Session::new(Arc::clone(&s), None);
    let cny = tradeport::sim::CurrencyCode::parse("CNY").unwrap_or_else(|| panic!("CNY"));
    let cash_before = session.world().cash().get(&cny).copied().unwrap_or(0);
    let mut wrong = model_answer(&case, s.products());
    wrong.consignee = "Someone else".to_string();
    let events = lodge(&mut session, wrong);
    let fees: i64 = events
        .iter()
        .filter_map(|e| match e {
            Event::CustomsCharged { money, .. } => Some(money.minor),
            _ => None,
        })
        .sum();
    assert!(fees >= 30_000, "at least the ¥300 amendment fee: {events:?}");
    assert_eq!(
        session.world().cash().get(&cny).copied().unwrap_or(0),
        cash_before - fees
    );
    let booked: i64 = session.world().ledger().iter().map(|e| e.money.minor).sum();
    assert_eq!(booked, -fees, "every charge is in the ledger");
}

#[test]
fn undervaluation_is_penalised_in_proportion_to_the_shortfall() {
    let s = scenario();
    let case = case(&s);
    let mut form = model_answer(&case, s.products());
    form.lines[0].unit_price = "20.40".to_string(); // €8.00 below the invoice on 1,200 pieces
    assert_eq!(case.undervalued_amount(&form), 800 * 1_200);
    let mut session = Session::new(Arc::clone(&s), None);
    let events = lodge(&mut session, form);
    let penalty = events.iter().find_map(|e| match e {
        Event::CustomsCharged {
            account: tradeport::sim::session::Account::CustomsPenalties,
            money,
            ..
        } => Some(*money),
        _ => None,
    });
    // 30% of €9,600 = €2,880, charged in yuan at the day's EUR rate.
    let rate = session
        .world()
        .rates()
        .get(&case.currency)
        .copied()
        .unwrap_or(Micros::ONE);
    let expected = tradeport::sim::money::convert(288_000, 2, rate, 2);
    assert_eq!(penalty.map(|m| m.minor), Some(expected), "{events:?}");
}

#[test]
fn inspection_risk_rises_with_errors_and_undervaluation() {
    let s = scenario();
    let k = case(&s).clearance;
    assert_eq!(k.inspection_chance(0, false).0, 300);
    assert_eq!(k.inspection_chance(2, false).0, 2_300);
    assert_eq!(k.inspection_chance(2, true).0, 7_300);
    assert_eq!(k.inspection_chance(50, true).0, 10_000, "never above 100%");
}

#[test]
fn accepted_goods_are_released_after_the_normal_time_and_runs_repeat_exactly() {
    let s = scenario();
    let case = case(&s);
    let run = |seed: u64| {
        let mut session = Session::new(Arc::clone(&s), Some(seed));
        let events = lodge(&mut session, model_answer(&case, s.products()));
        let due = events.iter().find_map(|e| match e {
            Event::ReleaseScheduled { day, .. } => Some(*day),
            _ => None,
        });
        let due = due.unwrap_or_else(|| panic!("an accepted declaration schedules release: {events:?}"));
        let inspected = events.iter().any(|e| matches!(e, Event::InspectionOrdered { .. }));
        assert_eq!(
            due,
            1 + case.clearance.normal_days + if inspected { case.clearance.inspection_days } else { 0 }
        );
        while session.day() < due {
            assert_eq!(session.customs_desk().released_on(TASK), None);
            let _ = session.apply(Command::EndDay);
        }
        assert_eq!(session.customs_desk().released_on(TASK), Some(due));
        session.timeline().to_vec()
    };
    for seed in [1, 2, 3, 42] {
        assert_eq!(run(seed), run(seed), "same seed and actions, same story");
    }
}

#[test]
fn the_report_totals_customs_fees_and_penalties_from_the_ledger() {
    let s = scenario();
    let case = case(&s);
    let mut session = Session::new(Arc::clone(&s), None);
    let mut form = model_answer(&case, s.products());
    form.lines[0].unit_price = "20.40".to_string();
    let _ = lodge(&mut session, form);
    let report = tradeport::sim::Report::of(&session);
    let booked: i64 = session.world().ledger().iter().map(|e| -e.money.minor).sum();
    assert!(report.customs_penalties.minor > 0, "undervaluation was penalised");
    assert_eq!(report.customs_fees.minor + report.customs_penalties.minor, booked);
    assert_eq!(
        report.tasks.iter().find(|t| t.id == TASK).map(|t| t.status),
        Some(tradeport::sim::report::TaskStatus::Attempted)
    );
}

/// Every checked field: correct in the model answer, wrong after a realistic mistake.
#[test]
fn every_field_has_a_passing_and_a_failing_case() {
    type Mutation = fn(&mut DeclarationForm);
    let cases: &[(&str, Mutation)] = &[
        ("trade_mode", |f| f.trade_mode = "9810".into()),
        ("consignor", |f| f.consignor = "West Lake Trading".into()),
        ("consignee", |f| f.consignee = String::new()),
        ("contract_no", |f| f.contract_no = "WLS-NK-2026-013".into()),
        ("port_of_loading", |f| f.port_of_loading = "Shanghai".into()),
        ("destination_country", |f| f.destination_country = "NL".into()),
        ("transport_mode", |f| f.transport_mode = None),
        ("incoterm", |f| f.incoterm = Some(Incoterm::EXW)),
        ("currency", |f| f.currency = "USD".into()),
        ("lines[0].commodity_code", |f| {
            f.lines[0].commodity_code = "6106100000".into()
        }),
        ("lines[0].name_and_spec", |f| f.lines[0].name_and_spec = "Blouse".into()),
        ("lines[0].brand_type", |f| f.lines[0].brand_type = None),
        ("lines[0].export_preference", |f| {
            f.lines[0].export_preference = "7".into()
        }),
        ("lines[0].first_quantity", |f| f.lines[0].first_quantity = "1100".into()),
        ("lines[0].second_quantity", |f| {
            f.lines[0].second_quantity = "312.000".into()
        }),
        ("lines[0].net_kg", |f| f.lines[0].net_kg = "200.000".into()),
        ("lines[0].gross_kg", |f| f.lines[0].gross_kg = "300.000".into()),
        ("lines[1].unit_price", |f| f.lines[1].unit_price = "26.00".into()),
        ("lines[1].total_price", |f| f.lines[1].total_price = "abc".into()),
        ("lines[1].origin", |f| f.lines[1].origin = "VN".into()),
        ("lines[1].destination", |f| f.lines[1].destination = "FR".into()),
        ("lines", |f| {
            f.lines.pop();
        }),
    ];
    let s = scenario();
    let case = case(&s);
    let right = model_answer(&case, s.products());
    let right_check = check_declaration(&case, s.products(), &right);
    for (field, mutate) in cases {
        if *field != "lines" {
            assert_eq!(
                right_check.verdict(field),
                Some(&Verdict::Correct),
                "{field} in the model answer"
            );
        }
        let mut wrong = right.clone();
        mutate(&mut wrong);
        let check = check_declaration(&case, s.products(), &wrong);
        assert!(
            matches!(check.verdict(field), Some(Verdict::Wrong(_))),
            "{field} after the mistake: {:?}",
            check.verdict(field)
        );
        assert!(!check.clears(), "{field}: a wrong declaration must not clear");
    }
}

#[test]
fn the_declaration_criteria_are_scored_from_the_desk() {
    use std::sync::Arc;
    use tradeport::scenario::error::render_plain;
    use tradeport::scenario::load_scenario_file;
    use tradeport::sim::customs::declaration::model_answer;
    use tradeport::sim::{Command, Report, Session};
    let scenario = Arc::new(
        load_scenario_file(std::path::Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", render_plain(&d))),
    );
    let mut session = Session::new(Arc::clone(&scenario), None);
    let case = session
        .customs_desk()
        .declaration_case("export-declaration")
        .unwrap_or_else(|| panic!("a declaration"));
    let right = model_answer(&case, scenario.products());
    let mut wrong = right.clone();
    wrong.trade_mode = "9610".into();
    let earned = |session: &Session, id: &str| {
        let report = Report::of(session);
        report
            .tasks
            .iter()
            .flat_map(|t| t.criteria.clone())
            .find(|c| c.id == id)
            .map(|c| (c.earned, c.reason.en))
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(earned(&session, "supervision-0110").0, 0, "nothing lodged yet");
    session
        .apply(Command::SubmitDeclaration {
            task: "export-declaration".into(),
            form: Box::new(wrong),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let (points, why) = earned(&session, "supervision-0110");
    assert_eq!((points, why.as_str()), (0, "wrong on declaration 1: trade_mode"));
    assert!(earned(&session, "hs-and-elements").0 > 0, "the other fields were right");
    session
        .apply(Command::SubmitDeclaration {
            task: "export-declaration".into(),
            form: Box::new(right),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        earned(&session, "supervision-0110").0 > 0,
        "right on the second declaration"
    );
    let (points, why) = earned(&session, "released-first-time");
    assert_eq!(points, 0);
    assert!(
        why.starts_with("the first declaration had 1 wrong field(s); 2 lodged"),
        "{why}"
    );
}
