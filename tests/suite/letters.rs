//! Business letters answered point by point: the importer's inquiry and the forwarder's
//! quotation (B2B), and Claire's question about what she pays (B2C, with a total the game
//! computes from the landed-cost rules).

use std::path::Path;
use std::sync::Arc;

use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::c2c::Verdict;
use tradeport::sim::report::CriterionResult;
use tradeport::sim::{Command, Report, RuleError, Scenario, Session};

fn scenario(id: &str) -> Arc<Scenario> {
    let path = format!("scenarios/{id}.scenario.ron");
    Arc::new(load_scenario_file(Path::new(&path)).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

fn criterion(session: &Session, id: &str) -> CriterionResult {
    Report::of(session)
        .tasks
        .iter()
        .flat_map(|t| t.criteria.clone())
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id}"))
}

/// For each point, the index of the statement with `verdict` (or the right one).
fn choose(session: &Session, task: &str, pick: impl Fn(&str) -> Verdict) -> Vec<Option<usize>> {
    session
        .letters_desk()
        .letter_options(task)
        .iter()
        .map(|(id, _, list)| list.iter().position(|s| s.verdict == pick(id)))
        .collect()
}

const GOOD_NOTE: &str = "Dear Ms Vogel,\nthank you for your inquiry. Our answers are below.\n\nBest regards,\nWang Li";

#[test]
fn a_complete_reply_to_the_inquiry_earns_its_criteria_and_a_second_one_is_refused() {
    let mut s = Session::new(scenario("b2b-silk-blouses"), None);
    assert!(
        s.letters_desk().letter_message("reply-inquiry").is_some(),
        "Katrin's inquiry arrives on day 1"
    );
    let options = s.letters_desk().letter_options("reply-inquiry");
    let ids: Vec<&str> = options.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["price", "moq", "lead-time", "samples", "payment"]);
    // A choice per point is required, and an index must exist: refused, nothing changes.
    let short = Command::ReplyToLetter {
        task: "reply-inquiry".into(),
        choices: vec![Some(0)],
        note: GOOD_NOTE.into(),
    };
    assert!(matches!(s.apply(short), Err(RuleError::BadLetterChoices(5))));
    let out_of_range = Command::ReplyToLetter {
        task: "reply-inquiry".into(),
        choices: vec![Some(9), None, None, None, None],
        note: GOOD_NOTE.into(),
    };
    assert!(s.apply(out_of_range).is_err());
    assert!(s.letters_desk().letter_reply("reply-inquiry").is_none());

    s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let events = s
        .apply(Command::ReplyToLetter {
            task: "reply-inquiry".into(),
            choices: choose(&s, "reply-inquiry", |_| Verdict::Right),
            note: GOOD_NOTE.into(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        &events[..],
        [tradeport::sim::Event::LetterSent { score: 100, .. }]
    ));
    let reply = s
        .letters_desk()
        .letter_reply("reply-inquiry")
        .unwrap_or_else(|| panic!("sent"));
    assert_eq!((reply.asked_day, reply.day, reply.grade.score), (1, 2, 100));
    for id in [
        "answers-all-questions",
        "professional-tone",
        "incoterm-named-place",
        "reply-on-time",
    ] {
        let c = criterion(&s, id);
        assert_eq!(c.earned, c.possible, "{id}: {}", c.reason.en);
    }
    assert_eq!(
        criterion(&s, "incoterm-named-place").reason.en,
        "Price basis: \"We quote EUR 29.50 per piece FCA Ningbo container terminal, Incoterms 2020, for 2,400 pcs in sizes 34-44.\" (right)"
    );
    assert_eq!(
        criterion(&s, "reply-on-time").reason.en,
        "answered 1 day(s) after the letter arrived, graded 100/100 (needed within 2 day(s) and 40)"
    );
    // One reply per letter.
    let again = Command::ReplyToLetter {
        task: "reply-inquiry".into(),
        choices: vec![None; 5],
        note: String::new(),
    };
    assert!(matches!(s.apply(again), Err(RuleError::AlreadyAnswered(_))));
    assert_eq!(
        s.letters_desk().letter_reply("reply-inquiry").map(|r| r.grade.score),
        Some(100)
    );
}

#[test]
fn a_late_reply_quoting_fob_loses_the_points_it_should_with_reasons() {
    let mut s = Session::new(scenario("b2b-silk-blouses"), None);
    for _ in 0..3 {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    // Day 4: FOB without a place, a vague lead time, the rest right; a curt note.
    s.apply(Command::ReplyToLetter {
        task: "reply-inquiry".into(),
        choices: choose(&s, "reply-inquiry", |id| match id {
            "price" => Verdict::Wrong,
            "lead-time" => Verdict::Vague,
            _ => Verdict::Right,
        }),
        note: "see below".into(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let price = criterion(&s, "incoterm-named-place");
    assert_eq!(price.earned, 0);
    assert!(
        price
            .reason
            .en
            .contains("\"Our best price is EUR 29.50 per piece FOB.\" (wrong)"),
        "{}",
        price.reason.en
    );
    assert!(price.is_mistake() && price.hint.is_some());
    let all = criterion(&s, "answers-all-questions");
    assert_eq!(
        (all.earned, all.reason.en.as_str()),
        (0, "Price basis wrong, Lead time vague")
    );
    let tone = criterion(&s, "professional-tone");
    assert_eq!(tone.earned, 0);
    assert!(
        tone.reason
            .en
            .starts_with("tone 4/30 (needed 22); missing a greeting, thanks for the interest"),
        "{}",
        tone.reason.en
    );
    let on_time = criterion(&s, "reply-on-time");
    assert_eq!(on_time.earned, 0);
    assert!(
        on_time.reason.en.starts_with("answered 3 day(s) after"),
        "{}",
        on_time.reason.en
    );
}

#[test]
fn the_forwarders_letter_cannot_be_answered_before_it_arrives() {
    let mut s = Session::new(scenario("b2b-silk-blouses"), None);
    let early = Command::ReplyToLetter {
        task: "book-freight".into(),
        choices: vec![None, None],
        note: String::new(),
    };
    assert!(matches!(s.apply(early), Err(RuleError::LetterNotArrived(_))));
    assert!(matches!(
        s.apply(Command::ReplyToLetter {
            task: "negotiate-deal".into(),
            choices: Vec::new(),
            note: String::new(),
        }),
        Err(RuleError::NoLetter(_))
    ));
    while s.letters_desk().letter_message("book-freight").is_none() {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(s.day(), 6, "Hanse's rate comes on day 6");
    s.apply(Command::ReplyToLetter {
        task: "book-freight".into(),
        choices: choose(&s, "book-freight", |id| {
            if id == "rate" { Verdict::Vague } else { Verdict::Right }
        }),
        note: "Dear Mr Brandt, thank you for the rate. Best regards, Wang Li".into(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(criterion(&s, "quote-checked").earned, 4);
    let rate = criterion(&s, "freight-rate");
    assert_eq!(rate.earned, 0, "accepting USD 1,650 as quoted");
    assert!(
        rate.reason.en.contains("\"OK, please book at USD 1,650.\" (vague)"),
        "{}",
        rate.reason.en
    );
}

#[test]
fn claires_total_is_computed_from_the_prices_and_the_eu_duty_rules() {
    let mut s = Session::new(scenario("b2c-eu-storefront"), None);
    while s.letters_desk().letter_message("landed-cost-reply").is_none() {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let total = |s: &Session| {
        s.letters_desk()
            .letter_options("landed-cost-reply")
            .into_iter()
            .find(|(id, _, _)| id == "total")
            .map(|(_, _, list)| list)
            .unwrap_or_default()
    };
    // Nothing listed in France yet: the market's reference prices, EUR 54.90 + EUR 11.99.
    let statements = total(&s);
    assert_eq!(statements.len(), 4);
    let right: Vec<_> = statements.iter().filter(|st| st.verdict == Verdict::Right).collect();
    assert_eq!(right.len(), 1);
    assert!(
        right[0].text.en.starts_with("Your total at checkout is 66.89 EUR:"),
        "{}",
        right[0].text.en
    );
    // The duty is the engine's: EUR 3 for each of the two subheadings (6206 20, 3926 90).
    assert!(
        right[0].why.en.contains("the parcel's 6.00 EUR duty"),
        "{}",
        right[0].why.en
    );
    let texts: Vec<&str> = statements.iter().map(|st| st.text.en.as_str()).collect();
    assert!(
        texts.contains(&"Your total at checkout is 80.27 EUR: 66.89 EUR plus 20% VAT."),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Your total at checkout is 72.89 EUR: 66.89 EUR plus 6.00 EUR customs duty."),
        "{texts:?}"
    );

    let right_at = |s: &Session| total(s).iter().position(|st| st.verdict == Verdict::Right);
    let before = right_at(&s);
    // Listed in France at EUR 52.90: the total follows the student's own price.
    s.apply(Command::PublishListing {
        market: "fr-marketplace".into(),
        sku: "WB-6206-MER".into(),
        text: Box::default(),
        terms: Box::new(tradeport::sim::market::ListingTerms {
            price: 5_290,
            add_stock: 1,
            bid: 0,
            daily_budget: 0,
            discount: tradeport::sim::BasisPoints(0),
            shipping: "postal".into(),
            handling_days: 2,
        }),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let right = total(&s).into_iter().find(|st| st.verdict == Verdict::Right);
    assert!(
        right.is_some_and(|st| st.text.en.starts_with("Your total at checkout is 64.89 EUR:")),
        "52.90 + 11.99"
    );
    assert_eq!(
        right_at(&s),
        before,
        "a statement keeps its place when the price changes"
    );
    s.apply(Command::ReplyToLetter {
        task: "landed-cost-reply".into(),
        choices: choose(&s, "landed-cost-reply", |_| Verdict::Right),
        note: "Hello Claire, thank you for your order! Best regards, BayVolt".into(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    for id in [
        "ioss-explained",
        "duty-per-subheading",
        "clear-english",
        "correct-total",
    ] {
        let c = criterion(&s, id);
        assert_eq!(c.earned, c.possible, "{id}: {}", c.reason.en);
    }
}

#[test]
fn an_empty_reply_earns_nothing_not_even_for_being_on_time() {
    let mut s = Session::new(scenario("b2b-silk-blouses"), None);
    s.apply(Command::ReplyToLetter {
        task: "reply-inquiry".into(),
        choices: vec![None; 5],
        note: String::new(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let report = Report::of(&s);
    let task = report
        .tasks
        .iter()
        .find(|t| t.id == "reply-inquiry")
        .unwrap_or_else(|| panic!("the task"));
    assert_eq!(task.earned(), 0, "{:?}", task.criteria);
    assert!(criterion(&s, "reply-on-time").reason.en.contains("graded 0/100"));
}
