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
            .contains("\"Our best price is EUR 29.50 per piece FOB Ningbo, Incoterms 2020, shipped by container, for 2,400 pcs in sizes 34-44.\" (wrong)"),
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
        rate.reason.en.contains("\"OK, please book one 20'GP at USD 1,650 on the Thursday sailing from Ningbo to Hamburg and send us the booking confirmation.\" (vague)"),
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

/// Whether the right statement gives itself away by its length: over every point of every
/// bundled letter and every topic of every buyer's question, the right statement may be the
/// longest of its point no more often than chance (1 in k for k statements).
#[test]
fn the_right_statement_is_not_the_longest_more_often_than_chance() {
    use tradeport::sim::c2c::Statement;
    let mut seen = std::collections::BTreeSet::new();
    let (mut points, mut longest, mut chance) = (0u32, 0u32, 0.0f64);
    let mut giveaways = Vec::new();
    let mut tally = |id: &str, label: &str, list: &[Statement]| {
        let rights: Vec<&Statement> = list.iter().filter(|s| s.verdict == Verdict::Right).collect();
        let [right] = rights.as_slice() else { return };
        if !seen.insert(right.text.en.clone()) {
            return;
        }
        points += 1;
        chance += 1.0 / list.len() as f64;
        let length = right.text.en.chars().count();
        if list
            .iter()
            .filter(|s| s.verdict != Verdict::Right)
            .all(|s| s.text.en.chars().count() < length)
        {
            longest += 1;
            giveaways.push(format!("{id}: {label}"));
        }
    };
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let run = tradeport::sim::expert::play(scenario(id), 7);
        let session = &run.session;
        for task in session.scenario().tasks().iter().filter(|t| t.letter.is_some()) {
            for (_, label, list) in session.letters_desk().letter_options(&task.id) {
                tally(id, &label.en, &list);
            }
        }
        for question in session.world().inbox().iter().filter_map(|m| m.question) {
            for (topic, list) in session.shop_desk().answer_options(question) {
                tally(id, &format!("{topic:?}"), &list);
            }
        }
    }
    assert!(points >= 12, "only {points} points found");
    assert!(
        f64::from(longest) <= chance.ceil(),
        "the right statement is the longest in {longest} of {points} points (chance: {chance:.1}): {giveaways:#?}"
    );
}

/// The B2B inquiry answered on day 1 with `text` in the student's own words: the session and
/// the reply it recorded.
fn write_the_inquiry_reply(text: &str) -> (Session, tradeport::sim::letters::LetterReply) {
    let mut s = Session::new(scenario("b2b-silk-blouses"), None);
    s.apply(Command::WriteLetterReply {
        task: "reply-inquiry".into(),
        text: text.into(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let reply = s
        .letters_desk()
        .letter_reply("reply-inquiry")
        .cloned()
        .unwrap_or_else(|| panic!("no reply recorded"));
    (s, reply)
}

/// The inquiry answered in the student's own words: every point found and checked against its
/// facts, each verdict quoting the student's sentence; the tone judged on the whole text.
#[test]
fn a_written_reply_is_read_point_by_point_and_quotes_the_students_sentences() {
    let good = "Dear Ms Vogel,\nthank you for your inquiry.\n\
        We quote EUR 29.50 per piece FCA Ningbo, Incoterms® 2020.\n\
        Our minimum order is 1,200 pieces per colour, so your 2,400 pieces are well above it.\n\
        Lead time is 45 days from the signed contract and your deposit.\n\
        We will send two samples to Hamburg this week, free of charge.\n\
        Payment: 30% T/T deposit and 70% against the copy of the B/L, or an L/C at sight.\n\
        Best regards,\nWang Li";
    let (s, reply) = write_the_inquiry_reply(good);
    for (id, _, sent) in &reply.sent {
        let sent = sent.as_ref().unwrap_or_else(|| panic!("{id}: not found"));
        assert_eq!(sent.verdict, Verdict::Right, "{id}: {} — {}", sent.text.en, sent.why.en);
        assert!(good.contains(&sent.text.en), "{id} quotes the student's own sentence");
    }
    assert_eq!(reply.grade.right, 5);
    assert!(reply.grade.tone >= 26, "{:?}", reply.grade.tone_missing);
    // Replaying the save gives the same grade.
    let mut again = Session::new(s.shared_scenario(), Some(s.seed()));
    for command in s.commands() {
        again.apply(command.clone()).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(again.letters_desk().letter_reply("reply-inquiry"), Some(&reply));

    // FOB instead of FCA, no version; a lead time with no start; a refusal; D/A; no MOQ.
    let poor = "Our best price is EUR 29.50 per piece FOB Ningbo. We ship in 45 days. \
        Samples are only possible after you place an order. Payment is D/A 90 days.";
    let (_, reply) = write_the_inquiry_reply(poor);
    let verdict = |id: &str| {
        reply
            .sent
            .iter()
            .find(|(p, _, _)| p == id)
            .and_then(|(_, _, s)| s.clone())
    };
    let price = verdict("price").unwrap_or_else(|| panic!("price found"));
    assert_eq!(price.verdict, Verdict::Wrong, "{}", price.why.en);
    assert_eq!(price.text.en, "Our best price is EUR 29.50 per piece FOB Ningbo.");
    assert!(price.why.en.contains("FOB does not match"), "{}", price.why.en);
    assert!(price.why.zh.contains("FOB 与事实不符"), "{}", price.why.zh);
    let lead = verdict("lead-time").unwrap_or_else(|| panic!("lead time found"));
    assert_eq!(lead.verdict, Verdict::Vague, "{}", lead.why.en);
    assert!(lead.why.en.contains("from when the days count"), "{}", lead.why.en);
    let samples = verdict("samples").unwrap_or_else(|| panic!("samples found"));
    assert_eq!(samples.verdict, Verdict::Wrong, "{}", samples.why.en);
    let payment = verdict("payment").unwrap_or_else(|| panic!("payment found"));
    assert_eq!(payment.verdict, Verdict::Wrong, "{}", payment.why.en);
    assert!(verdict("moq").is_none(), "no sentence about the MOQ");
    assert_eq!(reply.grade.right, 0);
    assert!(reply.grade.tone < 20, "no greeting, thanks or sign-off");

    // The worst a student can type reads without a panic: numbers run together, currency
    // signs with nothing after them, a trailing "from", Chinese and emoji mid-word, at the
    // most characters a reply may have.
    let worst: String = "1,2.3,4€$£ EUR FCA Port of from 喆.😀 i.e. 99999999999999999 days;"
        .chars()
        .cycle()
        .take(tradeport::sim::writing::MAX_REPLY_CHARS)
        .collect();
    let (_, reply) = write_the_inquiry_reply(&worst);
    assert_eq!(reply.sent.len(), 5, "every point judged");

    // A written reply is bounded, and a letter is answered once.
    let mut s = Session::new(scenario("b2b-silk-blouses"), None);
    let long = "x".repeat(tradeport::sim::writing::MAX_REPLY_CHARS + 1);
    assert!(matches!(
        s.apply(Command::WriteLetterReply {
            task: "reply-inquiry".into(),
            text: long,
        }),
        Err(RuleError::ReplyTooLong {
            max: 4_000,
            chars: 4_001
        })
    ));
    assert!(s.letters_desk().letter_reply("reply-inquiry").is_none());
}

/// The facts the reader finds in English trade sentences.
#[test]
fn the_reader_finds_amounts_incoterms_places_quantities_days_and_payment_terms() {
    use tradeport::sim::writing::{Fact, facts_in, sentences};
    let facts = facts_in(
        "We quote EUR 29.50 per piece FCA Ningbo, Incoterms® 2020, for 2,400 pcs; 30% T/T deposit, balance 45 days from your deposit.",
    );
    for wanted in [
        Fact::Amount {
            currency: "EUR".into(),
            hundredths: 2950,
        },
        Fact::Incoterm("FCA".into()),
        Fact::Place("ningbo".into()),
        Fact::Version(2020),
        Fact::Pieces(2400),
        Fact::Percent(30),
        Fact::Payment("T/T".into()),
        Fact::Payment("deposit".into()),
        Fact::Days(45),
        Fact::From("deposit".into()),
    ] {
        assert!(facts.contains(&wanted), "{wanted:?} in {facts:?}");
    }
    assert!(facts_in("€6 and $35 and USD 1,560").contains(&Fact::Amount {
        currency: "USD".into(),
        hundredths: 156_000
    }));
    assert!(facts_in("€6").contains(&Fact::Amount {
        currency: "EUR".into(),
        hundredths: 600
    }));
    // A decimal point does not end a sentence; a full stop and a line break do.
    assert_eq!(
        sentences("Price EUR 29.50 FCA. Lead time 45 days!\nThanks"),
        ["Price EUR 29.50 FCA.", "Lead time 45 days!", "Thanks"]
    );
}

/// The reader agrees with the prepared statements of every bundled letter: each right
/// statement, written as the reply, reads right; no wrong or vague one does.
#[test]
fn written_as_replies_the_prepared_statements_read_as_they_are_graded() {
    let mut points = 0;
    let mut disagree = Vec::new();
    for id in ["b2b-silk-blouses", "b2c-eu-storefront"] {
        let run = tradeport::sim::expert::play(scenario(id), 7);
        let session = &run.session;
        for task in session.scenario().tasks().iter().filter(|t| t.letter.is_some()) {
            for (point, _, list) in session.letters_desk().letter_options(&task.id) {
                let Some(right) = list.iter().find(|s| s.verdict == Verdict::Right) else {
                    continue;
                };
                points += 1;
                let phrases = phrases_of(task, &point);
                for statement in &list {
                    let read = tradeport::sim::writing::read_point_with(&statement.text.en, right, &phrases)
                        .map(|s| s.verdict);
                    let agrees = match statement.verdict {
                        Verdict::Right => read == Some(Verdict::Right),
                        _ => read != Some(Verdict::Right),
                    };
                    if !agrees {
                        disagree.push(format!(
                            "{id}/{point}: {:?} read as {read:?}: {}",
                            statement.verdict, statement.text.en
                        ));
                    }
                }
            }
        }
    }
    assert!(points >= 9, "{points}");
    assert!(disagree.is_empty(), "{disagree:#?}");
}

/// The reader takes a student's own wording: extra facts beside the right ones, a port named
/// "Port of …", a declined risk, the MOQ without the buyer's quantity; and it catches an
/// unsafe payment written in other words.
#[test]
fn the_reader_takes_paraphrases_and_extra_facts_and_catches_unsafe_terms() {
    let session = Session::new(scenario("b2b-silk-blouses"), None);
    let options = session.letters_desk().letter_options("reply-inquiry");
    let right = |point: &str| {
        options
            .iter()
            .find(|(id, _, _)| id == point)
            .and_then(|(_, _, list)| list.iter().find(|s| s.verdict == Verdict::Right).cloned())
            .unwrap_or_else(|| panic!("{point}"))
    };
    for (point, text, verdict) in [
        (
            "price",
            "We quote EUR 29.50 per piece FCA Port of Ningbo, Incoterms 2020, i.e. EUR 70,800 for 2,400 pcs.",
            Verdict::Right,
        ),
        (
            "price",
            "Instead of FOB we quote EUR 29.50 per piece FCA Ningbo, Incoterms 2020.",
            Verdict::Right,
        ),
        ("price", "We quote EUR 29.50 per piece FCA Ningbo.", Verdict::Vague),
        (
            "lead-time",
            "Lead time is 45 days from contract and deposit payment.",
            Verdict::Right,
        ),
        ("lead-time", "Lead time is 45 days.", Verdict::Vague),
        ("moq", "Our MOQ is 1,200 pieces per colour.", Verdict::Right),
        ("moq", "Our MOQ is 500 pieces per colour.", Verdict::Wrong),
        (
            "payment",
            "We cannot accept D/A; payment is by L/C at sight.",
            Verdict::Right,
        ),
        ("payment", "Payment: T/T 90 days after shipment.", Verdict::Wrong),
        (
            "payment",
            "Payment: 10% T/T deposit, 90% after arrival.",
            Verdict::Wrong,
        ),
        (
            "samples",
            "Samples are only possible after you place an order.",
            Verdict::Wrong,
        ),
        ("samples", "Samples can be arranged at some point.", Verdict::Vague),
    ] {
        let read = tradeport::sim::writing::read_point(text, &right(point));
        let read = read.unwrap_or_else(|| panic!("{point}: not found in {text:?}"));
        assert_eq!(read.verdict, verdict, "{point}: {text:?} — {}", read.why.en);
        assert!(
            text.contains(&read.text.en),
            "quotes the student's own words: {}",
            read.text.en
        );
        assert!(
            !read.why.zh.is_empty() && !read.why.zh.contains("from "),
            "{}",
            read.why.zh
        );
    }
}

/// A letter point's own phrases for written replies (empty when the scenario gives none).
fn phrases_of(task: &tradeport::sim::scenario::Task, point: &str) -> tradeport::sim::scenario::letter::PointPhrases {
    task.letter
        .as_ref()
        .and_then(|l| l.points.iter().find(|p| p.id == point))
        .map(|p| p.phrases.clone())
        .unwrap_or_default()
}

/// Where the facts cannot tell (samples free or charged; VAT at checkout or at the door), a
/// point's own phrases do: a wrong phrase is wrong, a right passage without the phrase it
/// must say is vague, and a denied wrong phrase ("you will not pay the postman") is no error.
#[test]
fn a_points_own_phrases_catch_what_its_facts_cannot() {
    for (id, point, text, verdict) in [
        (
            "b2b-silk-blouses",
            "samples",
            "We charge USD 200 for the two samples, sent by express courier to Hamburg.",
            Verdict::Wrong,
        ),
        (
            "b2b-silk-blouses",
            "samples",
            "We will send two samples (sizes 36 and 40) to Hamburg by express courier this week.",
            Verdict::Vague,
        ),
        (
            "b2b-silk-blouses",
            "samples",
            "Two samples, sizes 36 and 40, go to Hamburg by courier this week at our cost.",
            Verdict::Right,
        ),
        (
            "b2c-eu-storefront",
            "vat",
            "You pay the 20% VAT to the postman as your parcel is under EUR 150.",
            Verdict::Wrong,
        ),
        (
            "b2c-eu-storefront",
            "vat",
            "The 20% French VAT is paid when you check out, as your parcel is under EUR 150.",
            Verdict::Right,
        ),
        (
            "b2c-eu-storefront",
            "vat",
            "The 20% French VAT is part of the deal, as your parcel is under EUR 150.",
            Verdict::Vague,
        ),
        (
            "b2c-eu-storefront",
            "vat",
            "You won\u{2019}t have to pay anything to the postman: the 20% VAT is paid at checkout through IOSS, as your parcel is under EUR 150.",
            Verdict::Right,
        ),
        (
            "b2b-silk-blouses",
            "samples",
            "We charge nothing for the two samples (sizes 36 and 40), sent to Hamburg by courier this week.",
            Verdict::Right,
        ),
        (
            "b2b-silk-blouses",
            "samples",
            "Two samples (sizes 36 and 40) go to Hamburg by courier this week. They are free of charge.",
            Verdict::Right,
        ),
        (
            "b2b-silk-blouses",
            "samples",
            "Two samples (sizes 36 and 40) go to Hamburg by courier this week; feel free to ask for more.",
            Verdict::Vague,
        ),
        (
            "b2c-eu-storefront",
            "vat",
            "You will not pay the postman anything: the 20% VAT is paid at checkout through IOSS, as your parcel is under EUR 150.",
            Verdict::Right,
        ),
    ] {
        let s = scenario(id);
        let task = s
            .tasks()
            .iter()
            .find(|t| {
                t.letter
                    .as_ref()
                    .is_some_and(|l| l.points.iter().any(|p| p.id == point))
            })
            .unwrap_or_else(|| panic!("{id}: a letter with point {point}"));
        let phrases = phrases_of(task, point);
        assert!(!phrases.is_empty(), "{id}/{point} has phrases");
        let session = Session::new(Arc::clone(&s), None);
        let options = session.letters_desk().letter_options(&task.id);
        let right = options
            .iter()
            .find(|(p, _, _)| p == point)
            .and_then(|(_, _, list)| list.iter().find(|s| s.verdict == Verdict::Right).cloned())
            .unwrap_or_else(|| panic!("{point}"));
        let read = tradeport::sim::writing::read_point_with(text, &right, &phrases)
            .unwrap_or_else(|| panic!("{point}: not found in {text:?}"));
        assert_eq!(read.verdict, verdict, "{point}: {text:?} — {}", read.why.en);
        assert!(!read.why.zh.is_empty());
        // Without the phrases the facts alone take the wrong ones for right: what they add.
        if verdict == Verdict::Wrong {
            let by_facts = tradeport::sim::writing::read_point(text, &right).map(|r| r.verdict);
            assert_eq!(by_facts, Some(Verdict::Right), "{text}");
        }
    }
}

/// Seen in a window: the lead time was read from the payment sentence (its "deposit").
#[test]
fn the_lead_time_is_read_from_the_sentence_that_gives_days_not_from_the_payment() {
    let session = Session::new(scenario("b2b-silk-blouses"), None);
    let options = session.letters_desk().letter_options("reply-inquiry");
    let right = options
        .iter()
        .find(|(id, _, _)| id == "lead-time")
        .and_then(|(_, _, list)| list.iter().find(|s| s.verdict == Verdict::Right).cloned())
        .unwrap_or_else(|| panic!("lead time"));
    let text = "Lead time is 45 days. Payment: 30% T/T deposit and 70% against the B/L copy.";
    let read = tradeport::sim::writing::read_point(text, &right).unwrap_or_else(|| panic!("found"));
    assert_eq!(read.text.en, "Lead time is 45 days.");
    assert_eq!(read.verdict, Verdict::Vague, "{}", read.why.en);
    assert!(read.why.en.contains("from when the days count"), "{}", read.why.en);
    assert!(
        !read.why.en.contains("number of days"),
        "the days are there: {}",
        read.why.en
    );
}
