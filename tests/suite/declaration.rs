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
use tradeport::sim::{Command, Event, RuleError, Scenario, Session};

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

fn wrong_text(v: &Verdict) -> &str {
    match v {
        Verdict::Wrong(w) => w,
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
    assert!(matches!(verdict_of(&s, &case, &form, "incoterm"), Verdict::Warning(w) if w.contains("FCA")));
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
    assert!(matches!(check.verdict("consignee"), Some(Verdict::Wrong(w)) if w.contains("Nordkontor")));
    assert!(matches!(check.verdict("transport_mode"), Some(Verdict::Wrong(_))));
    assert!(
        matches!(check.verdict("lines[0].brand_type"), Some(Verdict::Wrong(w)) if w.contains("domestic own brand"))
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
    assert!(matches!(check.verdict("trade_mode"), Some(Verdict::Wrong(w)) if w.starts_with("missing")));
    assert!(matches!(check.verdict("lines"), Some(Verdict::Wrong(_))));
}

#[test]
fn the_session_lodges_until_the_goods_clear_then_refuses() {
    let s = scenario();
    let case = case(&s);
    let mut session = Session::new(Arc::clone(&s), None);
    let mut wrong = model_answer(&case, s.products());
    wrong.trade_mode = "9710".to_string();
    let events = session
        .apply(Command::SubmitDeclaration {
            task: TASK.to_string(),
            form: Box::new(wrong),
        })
        .unwrap_or_default();
    assert!(
        matches!(
            events.as_slice(),
            [Event::DeclarationChecked {
                attempt: 1,
                cleared: false,
                wrong: 1,
                ..
            }]
        ),
        "{events:?}"
    );
    let events = session
        .apply(Command::SubmitDeclaration {
            task: TASK.to_string(),
            form: Box::new(model_answer(&case, s.products())),
        })
        .unwrap_or_default();
    assert!(
        matches!(
            events.as_slice(),
            [Event::DeclarationChecked {
                attempt: 2,
                cleared: true,
                ..
            }]
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
    assert_eq!(session.declaration_attempts(TASK).len(), 2);
    assert_eq!(
        session.apply(Command::SubmitDeclaration {
            task: "reply-inquiry".to_string(),
            form: Box::default()
        }),
        Err(RuleError::NoDeclaration("reply-inquiry".to_string()))
    );
}
