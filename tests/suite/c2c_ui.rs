//! The C2C screens, clicked through with egui_kittest: the listing form sends parsed terms and
//! checks the break-even, the bid history shows bids, offers are answered, questions are
//! composed and graded, disputes are resolved, and the buying exercise is checked.

use std::path::Path;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradeport::i18n::{Catalogue, Language};
use tradeport::scenario::file::ConditionGrade;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::c2c::{ItemTerms, OfferReply, Resolution, SaleFormat, Verdict};
use tradeport::sim::session::MessageId;
use tradeport::sim::{Command, Session};
use tradeport::ui::c2c::{C2cDraft, C2cTab};
use tradeport::ui::play::{self, PlayDraft, PlayView};
use tradeport::ui::{Action, Page};

fn c2c_session(seed: u64) -> Session {
    let path = "scenarios/c2c-vintage-cameras.scenario.ron";
    let scenario = load_scenario_file(Path::new(path)).unwrap_or_else(|d| panic!("{d:?}"));
    Session::new(Arc::new(scenario), Some(seed))
}

struct State {
    draft: C2cDraft,
    actions: Vec<Action>,
}

fn harness<'a>(cat: &'a Catalogue, session: &'a Session, tab: C2cTab) -> Harness<'a, State> {
    Harness::builder().with_size(egui::vec2(1100.0, 1000.0)).build_ui_state(
        move |ui, state: &mut State| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                if let Some(a) = tradeport::ui::c2c::draw(ui, cat, session, &mut state.draft) {
                    state.actions.push(a);
                }
            });
        },
        State {
            draft: C2cDraft {
                tab,
                ..Default::default()
            },
            actions: Vec::new(),
        },
    )
}

fn last_command(actions: &[Action]) -> Command {
    match actions.last() {
        Some(Action::Marketplace(c)) => (**c).clone(),
        other => panic!("expected a shop command, got {other:?}"),
    }
}

fn list(session: &mut Session, market: &str, sku: &str, format: SaleFormat, grade: Option<ConditionGrade>) {
    let grade = grade.unwrap_or_else(|| {
        session
            .scenario()
            .product(sku)
            .and_then(|p| p.condition.as_ref().map(|c| c.0))
            .unwrap_or(ConditionGrade::VeryGood)
    });
    session
        .apply(Command::ListItem {
            terms: Box::new(ItemTerms {
                market: market.into(),
                sku: sku.into(),
                format,
                postage: "ems".into(),
                handling_days: 2,
                duty_paid: false,
                claimed_grade: grade,
                disclosed_faults: Vec::new(),
                states_import_charges: true,
            }),
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_listing_form_checks_the_break_even_and_sends_parsed_terms() {
    let cat = Catalogue::new(Language::English);
    let s = c2c_session(1);
    let mut h = harness(&cat, &s, C2cTab::Auction);
    h.state_mut().draft.auction.sku = Some("CAM-SEAGULL".into());
    h.state_mut().draft.auction.market = Some("us-buyers".into());
    h.run();
    assert!(
        h.query_by_label_contains("Enter a price to see the break-even check")
            .is_some()
    );
    // A start price with a decimal comma is refused with a hint; nothing is sent.
    h.state_mut().draft.auction.start_price = "99,00".into();
    h.get_by_label("List the item").click();
    h.run();
    assert!(h.state().actions.is_empty());
    assert!(h.query_by_label_contains("Write amounts as numbers").is_some());
    // A reserve below cost + postage + fee is called out; a sound one covers it. The Seagull
    // cost ¥900 and EMS for 1.5 kg is ¥222: $156.27 at 7.18, over 86.75% after the 13.25%
    // fee is $180.14.
    h.state_mut().draft.auction.start_price = "99.00".into();
    h.state_mut().draft.auction.reserve = "120.00".into();
    h.run();
    assert!(h.query_by_label_contains("Break-even price 180.14 USD").is_some());
    assert!(
        h.query_by_label_contains("does not cover cost, postage and fees")
            .is_some()
    );
    h.state_mut().draft.auction.reserve = "185.00".into();
    // eBay ends auctions at a fixed time: no soft close to choose, and the form says why.
    h.state_mut().draft.auction.soft_close = true;
    h.state_mut().draft.auction.disclosed.insert(0);
    h.run();
    assert!(
        h.query_by_label_contains("Auctions on eBay.com end at a fixed time")
            .is_some()
    );
    assert!(h.query_by_label_contains("Soft close").is_none());
    // The site's fee is marked as illustrative where it leaves eBay's other fees out.
    assert!(h.query_by_label_contains("Illustrative figures").is_some());
    assert!(
        h.query_by_label_contains("Your price covers cost, postage and fees")
            .is_some()
    );
    // The buyer's import charges at that price come from the US rules: cameras are duty-free,
    // but the Seagull is made in China, so Section 301 duty (7.5% of USD 185.00 = 13.88) is due
    // on delivery, with the carrier's fee.
    assert!(h.query_by_label_contains("No duty or import VAT is due").is_none());
    assert!(h.query_by_label_contains("On delivery you pay about").is_some());
    assert!(h.query_by_label_contains("duty 13.88 USD").is_some());
    h.get_by_label("List the item").click();
    h.run();
    let Command::ListItem { terms } = last_command(&h.state().actions) else {
        panic!("expected a listing")
    };
    assert_eq!(
        (terms.market.as_str(), terms.sku.as_str()),
        ("us-buyers", "CAM-SEAGULL")
    );
    assert_eq!(
        terms.format,
        SaleFormat::Auction {
            start_price: 9_900,
            reserve: Some(18_500),
            buy_it_now: None,
            days: 7,
            soft_close: false,
        }
    );
    assert_eq!(
        terms.claimed_grade,
        ConditionGrade::Good,
        "the true grade is the default"
    );
    assert_eq!(terms.disclosed_faults, vec![0]);
    assert_eq!(terms.postage, "ems");
}

#[test]
fn the_bid_history_shows_each_bid_and_the_secret_maxima_stay_secret() {
    let cat = Catalogue::new(Language::English);
    let mut s = c2c_session(3);
    list(
        &mut s,
        "us-buyers",
        "CAM-SEAGULL",
        SaleFormat::Auction {
            start_price: 9_900,
            reserve: Some(18_000),
            buy_it_now: None,
            days: 7,
            soft_close: false,
        },
        None,
    );
    for _ in 0..3 {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let listing = s
        .shop_desk()
        .shop()
        .and_then(|shop| shop.listings.first())
        .unwrap_or_else(|| panic!("listed"));
    let auction = listing.auction.as_ref().unwrap_or_else(|| panic!("an auction"));
    assert!(!auction.history().is_empty(), "bids came in three days");
    let mut h = harness(&cat, &s, C2cTab::Auction);
    h.run();
    assert!(h.query_by_label_contains("Bid history: Seagull").is_some());
    let price = tradeport::sim::money::format_minor(auction.current_price(), 2);
    assert!(
        h.query_by_label_contains(&format!("Current price {price} USD"))
            .is_some(),
        "{price}"
    );
    // Every bidder in the history is named.
    for entry in auction.history() {
        let name = &listing.buyers[entry.bidder.0 as usize].name;
        assert!(h.query_all_by_label(name).next().is_some(), "{name} missing");
    }
    // The leader's maximum is not shown unless it is the price.
    let leader = auction.leader().unwrap_or_else(|| panic!("a leader"));
    let max = auction.max_of(leader).unwrap_or(0);
    if max != auction.current_price() {
        let secret = format!("{} USD", tradeport::sim::money::format_minor(max, 2));
        assert!(
            h.query_by_label_contains(&secret).is_none(),
            "the maximum {secret} leaked"
        );
    }
    assert!(h.query_by_label_contains("Proxy bidding:").is_some());
}

/// A session with an offer waiting on the OM-1 in the UK.
fn session_with_offer() -> Session {
    for seed in 1..40 {
        let mut s = c2c_session(seed);
        list(
            &mut s,
            "uk-buyers",
            "CAM-OM1",
            SaleFormat::FixedPrice {
                price: 16_500,
                offers: true,
                auto_decline_below: None,
                auto_accept_from: None,
            },
            None,
        );
        for _ in 0..6 {
            if s.shop_desk()
                .shop()
                .is_some_and(|shop| shop.open_offers().next().is_some())
            {
                return s;
            }
            let _ = s.apply(Command::EndDay);
        }
    }
    panic!("no seed brought an offer")
}

#[test]
fn offers_are_accepted_countered_within_range_or_declined() {
    let cat = Catalogue::new(Language::English);
    let s = session_with_offer();
    let offer = s
        .shop_desk()
        .shop()
        .and_then(|shop| shop.open_offers().next().map(|o| (o.id, o.haggle.offer().unwrap_or(0))))
        .unwrap_or_else(|| panic!("an offer"));
    let mut h = harness(&cat, &s, C2cTab::Offers);
    h.run();
    let shown = format!(
        "{} GBP against your price 165.00 GBP",
        tradeport::sim::money::format_minor(offer.1, 2)
    );
    assert!(h.query_by_label_contains(&shown).is_some(), "{shown}");
    // The break-even (cost ¥650 and EMS ¥172 after the 12.8% fee, in pounds) is beside it.
    let floor = s
        .shop_desk()
        .break_even("uk-buyers", "CAM-OM1", "ems", false)
        .unwrap_or_else(|| panic!("a floor"));
    let floor_text = format!("{} GBP", tradeport::sim::money::format_minor(floor, 2));
    assert!(
        h.query_all_by_label_contains(&floor_text).next().is_some(),
        "{floor_text}"
    );
    assert!((9_500..10_500).contains(&floor), "about £99: {floor}");
    // A counter above the listing price is refused in the form.
    h.state_mut().draft.offers.counters.insert(offer.0, "170.00".into());
    h.get_all_by_label("Counter")
        .next()
        .unwrap_or_else(|| panic!("a counter button"))
        .click();
    h.run();
    assert!(h.state().actions.is_empty());
    assert!(
        h.query_by_label_contains("A counter-offer is above the buyer's")
            .is_some()
    );
    h.state_mut().draft.offers.counters.insert(offer.0, "150.00".into());
    h.get_all_by_label("Counter")
        .next()
        .unwrap_or_else(|| panic!("a counter button"))
        .click();
    h.run();
    assert_eq!(
        last_command(&h.state().actions),
        Command::ReplyToOffer {
            offer: offer.0,
            reply: OfferReply::Counter(15_000)
        }
    );
    h.get_all_by_label("Accept")
        .next()
        .unwrap_or_else(|| panic!("accept"))
        .click();
    h.run();
    assert_eq!(
        last_command(&h.state().actions),
        Command::ReplyToOffer {
            offer: offer.0,
            reply: OfferReply::Accept
        }
    );
}

type InboxState = (PlayDraft, Vec<Action>);

/// The play screen on the inbox page with one message open.
fn inbox_harness<'a>(cat: &'a Catalogue, s: &'a Session, open: MessageId) -> Harness<'a, InboxState> {
    let mut h = Harness::builder().with_size(egui::vec2(1280.0, 1000.0)).build_ui_state(
        move |ui, state: &mut InboxState| {
            let view = PlayView {
                cat,
                session: s,
                page: Page::Activity(tradeport::scenario::file::Activity::Inbox),
                auto_advance: false,
                paused: false,
                notice: None,
                class_seat: false,
            };
            if let Some(a) = play::draw(ui, &view, &mut state.0) {
                state.1.push(a);
            }
        },
        (
            PlayDraft {
                open_message: Some(open),
                ..Default::default()
            },
            Vec::new(),
        ),
    );
    h.run();
    h
}

#[test]
fn the_inbox_composes_an_answer_and_then_shows_its_grade() {
    let cat = Catalogue::new(Language::English);
    let mut s = c2c_session(5);
    s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let message = s
        .world()
        .inbox()
        .iter()
        .find(|m| m.question.is_some())
        .map(|m| (m.id, m.question))
        .unwrap_or_else(|| panic!("Priya's question arrives on day 2"));
    let question = message.1.unwrap_or_else(|| panic!("a question"));
    let options = s.shop_desk().answer_options(question);
    assert_eq!(options.len(), 3, "condition, shipping time and import charges");
    let mut h = inbox_harness(&cat, &s, message.0);
    assert!(h.query_by_label("Your answer").is_some());
    assert!(
        h.query_by_label_contains("3 point(s) still without an answer")
            .is_some()
    );
    // Pick the true statement on every point, start the note from the template, send.
    for (topic, list) in &options {
        let right = list
            .iter()
            .find(|st| st.verdict == Verdict::Right)
            .unwrap_or_else(|| panic!("{topic:?}"));
        h.get_by_label(&right.text.en).click();
        h.run();
    }
    h.get_by_label("Start from a template").click();
    h.run();
    assert!(
        h.state()
            .0
            .answers
            .notes
            .values()
            .any(|n| n.starts_with("Hello Priya,"))
    );
    h.get_by_label("Send the answer").click();
    h.run();
    let command = match h.state().1.last() {
        Some(Action::Marketplace(c)) => (**c).clone(),
        other => panic!("expected an answer, got {other:?}"),
    };
    let Command::AnswerQuestion { choices, note, .. } = &command else {
        panic!("expected an answer, got {command:?}")
    };
    assert!(choices.iter().all(Option::is_some));
    assert!(note.contains("Best regards"));
    drop(h);
    s.apply(command).unwrap_or_else(|e| panic!("{e}"));
    let h = inbox_harness(&cat, &s, message.0);
    assert!(h.query_by_label_contains("Answer graded 100/100").is_some());
    assert!(h.query_by_label_contains("within a day").is_some());
}

/// A shopper's question is answered in English in the Chinese interface too; "Show the
/// Chinese" (practice only) puts each statement's Chinese under it.
#[test]
fn a_questions_statements_are_english_with_the_chinese_on_request_in_practice() {
    let cat = Catalogue::new(Language::Chinese);
    for exam in [false, true] {
        let mut s = c2c_session(5);
        if exam {
            s = s.with_mode(tradeport::sim::session::PlayMode::Exam);
        }
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
        let (message, question) = s
            .world()
            .inbox()
            .iter()
            .find_map(|m| m.question.map(|q| (m.id, q)))
            .unwrap_or_else(|| panic!("Priya's question arrives on day 2"));
        let options = s.shop_desk().answer_options(question);
        let first = options[0].1[0].text.clone();
        assert!(!first.zh.is_empty() && first.zh != first.en);
        let mut h = inbox_harness(&cat, &s, message);
        assert!(h.query_by_label(&first.en).is_some(), "the English statement");
        assert!(h.query_by_label(&first.zh).is_none(), "no Chinese until asked");
        if exam {
            assert!(h.query_by_label("显示中文").is_none(), "an exam has no switch");
            continue;
        }
        // The question's own switch (the last; the buyer's message has one above it).
        let switches: Vec<_> = h.query_all_by_label("显示中文").collect();
        assert_eq!(switches.len(), 2);
        switches[1].click();
        h.run();
        assert!(h.query_by_label(&first.zh).is_some(), "the Chinese under it");
        assert!(h.query_by_label(&first.en).is_some(), "and the English stays");
    }
}

/// A session with a "not as described" dispute open (items described as mint, faults hidden).
fn session_with_dispute() -> Session {
    for seed in 1..40 {
        let mut s = c2c_session(seed);
        list(
            &mut s,
            "us-buyers",
            "CAM-OM1",
            SaleFormat::FixedPrice {
                price: 15_000,
                offers: false,
                auto_decline_below: None,
                auto_accept_from: None,
            },
            Some(ConditionGrade::Mint),
        );
        while !s.is_finished() && s.day() < 20 {
            let waiting = s
                .shop_desk()
                .shop()
                .map(tradeport::sim::c2c::Shop::awaiting_post)
                .unwrap_or_default();
            for order in waiting {
                if let Some(form) = s.shop_desk().model_cn23(order) {
                    let _ = s.apply(Command::PostParcel {
                        order,
                        form: Box::new(form),
                    });
                }
            }
            let _ = s.apply(Command::EndDay);
            let open = s
                .shop_desk()
                .shop()
                .and_then(|shop| shop.open_disputes().next().and_then(|o| o.dispute.clone()));
            if open.is_some_and(|d| d.kind == tradeport::sim::c2c::DisputeKind::NotAsDescribed) {
                return s;
            }
        }
    }
    panic!("no seed brought a dispute")
}

#[test]
fn a_dispute_is_answered_from_its_buttons_and_a_bad_partial_refund_is_refused() {
    let cat = Catalogue::new(Language::English);
    let s = session_with_dispute();
    let order = s
        .shop_desk()
        .shop()
        .and_then(|shop| shop.open_disputes().next().map(|o| o.id))
        .unwrap_or_else(|| panic!("a dispute"));
    let mut h = harness(&cat, &s, C2cTab::Disputes);
    h.run();
    assert!(h.query_by_label_contains("Not as described — CAM-OM1").is_some());
    assert!(h.query_by_label_contains("or the site decides").is_some());
    h.state_mut().draft.disputes.partial.insert(order, "95".into());
    h.get_by_label("Partial refund").click();
    h.run();
    assert!(h.state().actions.is_empty());
    assert!(h.query_by_label_contains("1% to 90%").is_some());
    h.state_mut().draft.disputes.partial.insert(order, "35%".into());
    h.get_by_label("Partial refund").click();
    h.run();
    assert_eq!(
        last_command(&h.state().actions),
        Command::ResolveDispute {
            order,
            resolution: Resolution::PartialRefund(tradeport::sim::BasisPoints(3_500))
        }
    );
    h.get_by_label("Return for a refund").click();
    h.run();
    assert_eq!(
        last_command(&h.state().actions),
        Command::ResolveDispute {
            order,
            resolution: Resolution::Return
        }
    );
}

#[test]
fn the_buying_exercise_checks_an_estimate_and_shows_the_breakdown() {
    let cat = Catalogue::new(Language::English);
    let mut s = c2c_session(2);
    let mut h = harness(&cat, &s, C2cTab::Buying);
    h.run();
    assert!(h.query_by_label_contains("Mamiya Sekor 80 mm").is_some());
    h.state_mut().draft.auction.estimate = "1600.00".into();
    h.get_by_label("Check my estimate").click();
    h.run();
    let command = last_command(&h.state().actions);
    assert_eq!(
        command,
        Command::EstimatePurchase {
            market: "us-buyers".into(),
            estimate: 160_000
        }
    );
    drop(h);
    // At 7.18 CNY/USD: $185 = ¥1,328.30, tax 20% = ¥265.66 (above the ¥50 waiver): ¥1,593.96.
    s.apply(command).unwrap_or_else(|e| panic!("{e}"));
    let grade = s
        .shop_desk()
        .shop()
        .and_then(|shop| shop.purchases.last().cloned())
        .unwrap_or_else(|| panic!("graded"));
    assert_eq!(
        (grade.price_home + grade.postage_home, grade.tax, grade.landed),
        (132_830, 26_566, 159_396)
    );
    assert!(grade.correct, "¥1,600 is within 3% of ¥1,593.96");
    let mut h = harness(&cat, &s, C2cTab::Buying);
    h.run();
    assert!(h.query_by_label_contains("Right: your 1,600.00 CNY").is_some());
    assert!(
        h.query_by_label_contains("+ import tax 265.66 CNY = 1,593.96 CNY")
            .is_some()
    );
    // The highest bid within the ¥1,800 budget is $173: $174 would land at ¥1,800.74.
    h.state_mut().draft.auction.max_bid = "174".into();
    h.run();
    assert!(
        h.query_by_label_contains("it would cost 1,800.74 CNY landed: over your budget")
            .is_some()
    );
    h.state_mut().draft.auction.max_bid = "173".into();
    h.run();
    assert!(
        h.query_by_label_contains("it would cost 1,792.13 CNY landed: within your budget")
            .is_some()
    );
    h.get_by_label("Place my maximum bid").click();
    h.run();
    assert_eq!(
        last_command(&h.state().actions),
        Command::BidAbroad {
            market: "us-buyers".into(),
            max: 17_300
        }
    );
}

#[test]
fn the_debrief_tells_the_shops_story_and_counts_the_work_done() {
    use tradeport::sim::Report;
    use tradeport::ui::debrief;
    let cat = Catalogue::new(Language::English);
    let mut s = c2c_session(9);
    list(
        &mut s,
        "us-buyers",
        "LENS-FD50",
        SaleFormat::FixedPrice {
            price: 6_900,
            offers: false,
            auto_decline_below: None,
            auto_accept_from: None,
        },
        None,
    );
    s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let question = s
        .shop_desk()
        .shop()
        .and_then(|shop| shop.questions.iter().find(|q| q.counterpart.is_some()).map(|q| q.id))
        .unwrap_or_else(|| panic!("Priya asks on day 2"));
    s.apply(Command::AnswerQuestion {
        question,
        choices: vec![None, None, None],
        note: "ok".into(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    while !s.is_finished() {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let report = Report::of(&s);
    let expert = tradeport::sim::expert::play_like(&s);
    let mut h = Harness::builder().with_size(egui::vec2(1280.0, 6000.0)).build_ui_state(
        |ui, actions: &mut Vec<Action>| {
            let view = debrief::DebriefView {
                cat: &cat,
                expert: Some(&expert),
                report: &report,
                session: &s,
                exported: None,
            };
            if let Some(a) = debrief::draw(ui, &view, &mut ()) {
                actions.push(a);
            }
        },
        Vec::new(),
    );
    h.run();
    assert!(h.query_by_label_contains("LENS-FD50 listed on us-buyers.").is_some());
    assert!(h.query_by_label_contains("LENS-FD50 sold to").is_some());
    // No statement chosen and a two-letter note: only "no shouting" earns its 4 points.
    assert!(
        h.query_by_label_contains("question: 4/100").is_some(),
        "the poor answer is in the timeline"
    );
    // The rubric is scored with the reason for each criterion; each point lost is explained
    // again with its rule and a hint.
    assert!(
        h.query_by_label_contains("What happened: not listed by day 3: CAM-OM1, CAM-SEAGULL")
            .is_some()
    );
    assert_eq!(
        h.query_all_by_label_contains("not listed by day 3: CAM-OM1, CAM-SEAGULL")
            .count(),
        2,
        "in the points lost and in the list of criteria"
    );
    assert!(
        h.query_by_label_contains("Rule: Time on the market: listings need days")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Next time: List everything on day 1 or 2.")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("What happened: LENS-FD50: 1 fault(s) not mentioned")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("LENS-FD50 sold for 69.00 USD against 69.00 USD asked")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("What happened: answered 0 day(s) after the question, graded 4/100")
            .is_some()
    );
    assert!(h.query_by_label_contains("Hints for next time").is_some());
    // The expert on the same seed: its score, its bars in the chart, and its decisions per task.
    assert!(
        h.query_by_label_contains(&format!(
            "The AI expert scored {} / 100 on the same seed.",
            expert.report.total_earned
        ))
        .is_some()
    );
    assert_eq!(
        h.query_all_by_label_contains("Expert: ").count(),
        expert.report.competencies.len(),
        "one expert bar per competency"
    );
    assert!(h.query_by_label_contains("What an expert would have done").is_some());
    let listing_task = expert
        .report
        .tasks
        .iter()
        .find(|t| t.id == "list-items")
        .map_or(0, |t| t.earned());
    let mine = report
        .tasks
        .iter()
        .find(|t| t.id == "list-items")
        .map_or(0, |t| t.earned());
    assert!(
        listing_task > mine,
        "the expert lists better ({listing_task} against {mine})"
    );
    assert!(
        h.query_by_label_contains(&format!("List the three items: you {mine} / 22, expert {listing_task}"))
            .is_some()
    );
    // The expert did better on listing, so its decisions there are open.
    assert!(h.query_by_label_contains("auctioned CAM-SEAGULL").is_some());
    // Floors cover costs (6), the lens sold at its full price (10) and no offer was accepted
    // below break-even (6, every sale at the asked price): 22 points.
    assert_eq!(report.total_earned, 22, "{:?}", report.tasks);
    assert_eq!(
        h.query_all_by_label_contains("Not attempted").count(),
        1,
        "only the CN23 task, which has no form yet"
    );
}

#[test]
fn the_cn23_form_posts_the_parcel_and_then_shows_each_box_judged() {
    use tradeport::sim::c2c::{Cn23Category, OrderId};
    let cat = Catalogue::new(Language::English);
    let mut s = c2c_session(1);
    list(
        &mut s,
        "us-buyers",
        "LENS-FD50",
        SaleFormat::FixedPrice {
            price: 6_900,
            offers: false,
            auto_decline_below: None,
            auto_accept_from: None,
        },
        None,
    );
    while s.shop_desk().shop().is_some_and(|shop| shop.orders.is_empty()) {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let order = OrderId(0);
    let mut h = harness(&cat, &s, C2cTab::Disputes);
    h.run();
    assert!(h.query_by_label("Parcels to post").is_some());
    assert!(h.query_by_label_contains("LENS-FD50 for Tom H.").is_some());
    h.get_by_label("Sale of goods").click();
    {
        let form = h.state_mut().draft.disputes.cn23.entry(order).or_default();
        form.description = "Canon FD 50 mm f/1.8 camera lens, used".into();
        form.quantity = 1;
        form.value = "69.00".into();
        form.currency = "usd".into();
        form.hs_code = "9002.11".into();
        form.origin = "cn".into();
        form.net_weight_g = 170;
        form.gross_weight_g = 380;
    }
    h.run();
    h.get_by_label("Sign the CN23 and post the parcel").click();
    h.run();
    let command = last_command(&h.state().actions);
    let Command::PostParcel { form, .. } = &command else {
        panic!("expected a parcel, got {command:?}")
    };
    assert_eq!(form.category, Some(Cn23Category::SaleOfGoods));
    assert_eq!(
        (form.value, form.currency.as_str(), form.origin.as_str()),
        (6_900, "USD", "CN")
    );
    drop(h);
    s.apply(command).unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness(&cat, &s, C2cTab::Disputes);
    h.run();
    // The lens was made in Japan: origin is the one wrong box, and the parcel is held.
    assert!(
        h.query_by_label_contains("7 of 8 boxes right; held at customs for 4 more days")
            .is_some()
    );
    assert!(h.query_by_label_contains("Origin is where it was made (JP)").is_some());
    assert!(h.query_by_label("Parcels to post").is_none());
}

#[test]
fn the_next_item_in_the_form_starts_from_its_own_grade_and_faults() {
    let cat = Catalogue::new(Language::English);
    let mut s = c2c_session(1);
    list(
        &mut s,
        "us-buyers",
        "CAM-SEAGULL",
        SaleFormat::FixedPrice {
            price: 25_000,
            offers: false,
            auto_decline_below: None,
            auto_accept_from: None,
        },
        None,
    );
    let mut h = harness(&cat, &s, C2cTab::Auction);
    // The draft still describes the Seagull that was just listed.
    h.state_mut().draft.auction.sku = Some("CAM-SEAGULL".into());
    h.state_mut().draft.auction.grade = Some(ConditionGrade::Mint);
    h.state_mut().draft.auction.disclosed.extend([0, 1]);
    h.run();
    let draft = &h.state().draft.auction;
    assert_ne!(
        draft.sku.as_deref(),
        Some("CAM-SEAGULL"),
        "the form moved to an item in hand"
    );
    assert_eq!(draft.grade, None, "the next item starts from its true grade");
    assert!(draft.disclosed.is_empty(), "no faults carried over from another item");
}

#[test]
fn in_exam_mode_the_listing_form_leaves_the_break_even_to_the_student() {
    let cat = Catalogue::new(Language::English);
    let s = c2c_session(1).with_mode(tradeport::sim::session::PlayMode::Exam);
    let mut h = harness(&cat, &s, C2cTab::Auction);
    h.state_mut().draft.auction.sku = Some("CAM-SEAGULL".into());
    h.state_mut().draft.auction.market = Some("us-buyers".into());
    h.state_mut().draft.auction.start_price = "99.00".into();
    h.state_mut().draft.auction.reserve = "120.00".into();
    h.run();
    assert!(
        h.query_by_label_contains("Exam mode: work out the break-even and the buyer's import charges yourself.")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Break-even price").is_none(),
        "no calculator in an exam"
    );
    assert!(h.query_by_label_contains("does not cover cost").is_none());
    // The form still lists the item: the exam grades what was decided.
    h.get_by_label("List the item").click();
    h.run();
    assert!(matches!(last_command(&h.state().actions), Command::ListItem { .. }));
}

#[test]
fn the_inbox_composes_a_reply_to_a_business_letter_and_then_shows_its_grade() {
    let cat = Catalogue::new(Language::English);
    let path = "scenarios/b2b-silk-blouses.scenario.ron";
    let scenario = load_scenario_file(Path::new(path)).unwrap_or_else(|d| panic!("{d:?}"));
    let mut s = Session::new(Arc::new(scenario), None);
    let inquiry = s
        .letters_desk()
        .letter_message("reply-inquiry")
        .map(|m| m.id)
        .unwrap_or_else(|| panic!("Katrin's inquiry"));
    let mut h = inbox_harness(&cat, &s, inquiry);
    assert!(h.query_by_label_contains("Your reply to Katrin Vogel").is_some());
    assert!(h.query_by_label_contains("send it by day 3").is_some());
    assert!(h.query_by_label_contains("5 point(s) without a statement").is_some());
    for (_, _, list) in s.letters_desk().letter_options("reply-inquiry") {
        let right = list
            .iter()
            .find(|st| st.verdict == Verdict::Right)
            .unwrap_or_else(|| panic!("a right statement"));
        h.get_by_label(&right.text.en).click();
        h.run();
    }
    // Practice mode offers a template for the note.
    h.get_by_label("Start from a template").scroll_to_me();
    h.run();
    h.get_by_label("Start from a template").click();
    h.run();
    h.get_by_label("Send the reply").click();
    h.run();
    let command = match h.state().1.last() {
        Some(Action::Marketplace(c)) => (**c).clone(),
        other => panic!("expected a reply, got {other:?}"),
    };
    let Command::ReplyToLetter { task, choices, note } = &command else {
        panic!("expected a reply, got {command:?}")
    };
    assert_eq!(task, "reply-inquiry");
    assert!(choices.iter().all(Option::is_some));
    assert!(
        note.starts_with("Dear Katrin Vogel") && note.contains("Best regards"),
        "{note}"
    );
    drop(h);
    s.apply(command).unwrap_or_else(|e| panic!("{e}"));
    let h = inbox_harness(&cat, &s, inquiry);
    assert!(
        h.query_by_label_contains("Reply sent: 100/100 (5 of 5 points right, tone 30/30)")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("within the 2 day(s) the writer waits")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Right: the price with the Incoterm")
            .is_some(),
        "why it was right"
    );
}

#[test]
fn a_fixed_price_listing_that_outlasts_the_scenario_says_until_sold() {
    let cat = Catalogue::new(Language::English);
    let mut s = c2c_session(1);
    list(
        &mut s,
        "us-buyers",
        "LENS-FD50",
        SaleFormat::FixedPrice {
            price: 9_900,
            offers: false,
            auto_decline_below: None,
            auto_accept_from: None,
        },
        None,
    );
    let mut h = harness(&cat, &s, C2cTab::Auction);
    h.run();
    assert!(
        h.query_by_label("until sold").is_some(),
        "not a day after the scenario's last"
    );
    assert!(h.query_by_label_contains("day 31").is_none());
}
