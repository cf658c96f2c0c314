//! C2C: proxy bidding against hand-computed results, haggling within the buyer's limit, answers
//! graded, parcels through customs, disputes posted to the ledger, and a golden replay of the
//! bundled scenario.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use tradeport::scenario::error::render_plain;
use tradeport::scenario::file::{ConditionGrade, QuestionTopic};
use tradeport::scenario::load_scenario_file;
use tradeport::sim::c2c::auction::HistoryKind;
use tradeport::sim::c2c::questions::statements;
use tradeport::sim::c2c::{
    Auction, AuctionResult, AuctionTerms, BidError, BidderId, BuyerBrief, Haggle, HaggleMove, HaggleState,
    IncrementTable, ItemTerms, OfferReply, Resolution, SaleFormat, ShopEvent, Verdict, grade_answer,
};
use tradeport::sim::money::CurrencyCode;
use tradeport::sim::negotiation::Strategy;
use tradeport::sim::session::Account;
use tradeport::sim::{Command, Event, Scenario, Session};

fn scenario() -> Arc<Scenario> {
    let path = "scenarios/c2c-vintage-cameras.scenario.ron";
    Arc::new(load_scenario_file(Path::new(path)).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

/// The teaching notes' example table, in cents: $1 up to $50, $2 to $100, $5 to $250, $10 to
/// $500, $20 to $1,000, $50 to $10,000, then $100.
fn increments() -> IncrementTable {
    IncrementTable::new(vec![
        (0, 100),
        (5_000, 200),
        (10_000, 500),
        (25_000, 1_000),
        (50_000, 2_000),
        (100_000, 5_000),
        (1_000_000, 10_000),
    ])
    .unwrap_or_else(|| panic!("a valid table"))
}

fn auction(start: i64, reserve: Option<i64>, buy_it_now: Option<i64>, soft_close: Option<u32>) -> Auction {
    Auction::new(
        AuctionTerms {
            start_price: start,
            reserve,
            buy_it_now,
            opens: 0,
            closes: 1_000,
            soft_close,
        },
        increments(),
    )
}

const A: BidderId = BidderId(0);
const B: BidderId = BidderId(1);
const C: BidderId = BidderId(2);

fn bid(a: &mut Auction, who: BidderId, max: i64, at: u32) {
    a.place_bid(who, max, at)
        .unwrap_or_else(|e| panic!("bid {max} by {who:?} at {at}: {e}"));
}

#[test]
fn the_increment_table_picks_the_step_of_the_current_price() {
    let t = increments();
    assert_eq!(t.at(0), 100);
    assert_eq!(t.at(4_999), 100);
    assert_eq!(t.at(5_000), 200);
    assert_eq!(t.at(24_999), 500);
    assert_eq!(t.at(2_000_000), 10_000);
    assert!(IncrementTable::new(vec![(100, 100)]).is_none(), "must start at 0");
    assert!(IncrementTable::new(vec![(0, 100), (0, 200)]).is_none(), "must rise");
    assert!(IncrementTable::new(vec![(0, 0)]).is_none(), "steps above zero");
}

/// The bundled eBay sites use eBay's own increment tables (DOMAIN.md, eBay help "Bid
/// increments") and no soft close.
#[test]
fn the_bundled_ebay_sites_use_ebays_increments_and_end_at_a_fixed_time() {
    let s = scenario();
    let site = |market: &str| {
        s.markets()
            .iter()
            .find(|m| m.id == market)
            .and_then(|m| m.auction_site.clone())
            .unwrap_or_else(|| panic!("{market} has an auction site"))
    };
    let us = site("us-buyers");
    assert_eq!(us.platform, "eBay.com");
    for (price, step) in [
        (0, 5),
        (99, 5),
        (100, 25),
        (500, 50),
        (2_500, 100),
        (10_000, 250),
        (25_000, 500),
        (50_000, 1_000),
        (100_000, 2_500),
        (250_000, 5_000),
        (500_000, 10_000),
    ] {
        assert_eq!(us.increments.at(price), step, "eBay.com at {price} cents");
    }
    let uk = site("uk-buyers");
    assert_eq!(uk.platform, "eBay.co.uk");
    for (price, step) in [
        (0, 5),
        (100, 20),
        (500, 50),
        (1_500, 100),
        (6_000, 200),
        (15_000, 500),
        (30_000, 1_000),
        (60_000, 2_000),
        (150_000, 5_000),
        (300_000, 10_000),
    ] {
        assert_eq!(uk.increments.at(price), step, "eBay.co.uk at {price} pence");
    }
    assert_eq!(us.soft_close_minutes, 0);
    assert_eq!(uk.soft_close_minutes, 0);
}

#[test]
fn the_winner_pays_the_second_maximum_plus_one_increment() {
    // Start $10. A's maximum $30: alone, A leads at the start price.
    let mut a = auction(1_000, None, None, None);
    bid(&mut a, A, 3_000, 10);
    assert_eq!((a.current_price(), a.leader()), (1_000, Some(A)));
    // B bids $25: the proxy raises A to $25 + $1 = $26.
    bid(&mut a, B, 2_500, 20);
    assert_eq!((a.current_price(), a.leader()), (2_600, Some(A)));
    assert_eq!(a.minimum_bid(C), 2_700);
    // The next bid must beat $26 by an increment.
    assert_eq!(a.place_bid(C, 2_650, 25), Err(BidError::TooLow { minimum: 2_700 }));
    assert_eq!(a.history().len(), 2, "a refused bid changes nothing");
    assert_eq!(
        a.close_if_due(1_000),
        Some(AuctionResult::Sold {
            winner: A,
            price: 2_600,
            at: 1_000,
            bought_now: false
        })
    );
}

#[test]
fn equal_maxima_go_to_the_earlier_bid_at_that_maximum() {
    let mut a = auction(1_000, None, None, None);
    bid(&mut a, A, 3_000, 10);
    bid(&mut a, C, 3_000, 30);
    assert_eq!((a.current_price(), a.leader()), (3_000, Some(A)));
    let result = a.close_if_due(1_000);
    assert_eq!(
        result,
        Some(AuctionResult::Sold {
            winner: A,
            price: 3_000,
            at: 1_000,
            bought_now: false
        })
    );
}

#[test]
fn the_price_never_exceeds_the_winners_own_maximum() {
    // $50.00 second maximum: the increment at $50 is $2, but A's maximum is $50.50.
    let mut a = auction(1_000, None, None, None);
    bid(&mut a, A, 5_050, 1);
    bid(&mut a, B, 5_000, 2);
    assert_eq!((a.current_price(), a.leader()), (5_050, Some(A)));
    // $100 second maximum: the $5 step applies, $105 is within A's $120.
    let mut a = auction(1_000, None, None, None);
    bid(&mut a, A, 12_000, 1);
    bid(&mut a, B, 10_000, 2);
    assert_eq!(a.current_price(), 10_500);
    // A later, higher bid takes the lead at the old leader's maximum plus a step.
    bid(&mut a, C, 15_000, 3);
    assert_eq!((a.current_price(), a.leader()), (12_500, Some(C)));
}

#[test]
fn the_leader_may_raise_their_maximum_without_raising_the_price() {
    let mut a = auction(1_000, None, None, None);
    bid(&mut a, A, 3_000, 1);
    bid(&mut a, B, 2_000, 2);
    assert_eq!(a.current_price(), 2_100);
    assert_eq!(a.minimum_bid(A), 3_001);
    bid(&mut a, A, 6_000, 3);
    assert_eq!(a.current_price(), 2_100);
    assert_eq!(a.history().last().map(|h| h.kind), Some(HistoryKind::Raised));
}

#[test]
fn a_reserve_that_is_not_met_means_no_sale() {
    let mut a = auction(1_000, Some(8_000), None, None);
    bid(&mut a, A, 6_000, 1);
    bid(&mut a, B, 7_000, 2);
    assert_eq!((a.current_price(), a.leader()), (6_200, Some(B)));
    assert!(!a.reserve_met());
    // The seller learns the highest bid as shown ($62), never B's secret $70 maximum.
    assert_eq!(
        a.close_if_due(1_000),
        Some(AuctionResult::ReserveNotMet { highest: 6_200 })
    );
}

#[test]
fn a_maximum_that_meets_the_reserve_lifts_the_price_to_it() {
    let mut a = auction(1_000, Some(8_000), None, None);
    bid(&mut a, A, 10_000, 1);
    assert_eq!(a.current_price(), 8_000, "the price jumps to the reserve");
    bid(&mut a, B, 8_500, 2);
    // $85 + the $2 step = $87, within A's $100.
    assert_eq!(a.current_price(), 8_700);
    assert_eq!(
        a.close_if_due(1_000),
        Some(AuctionResult::Sold {
            winner: A,
            price: 8_700,
            at: 1_000,
            bought_now: false
        })
    );
}

#[test]
fn buy_it_now_ends_the_auction_until_the_first_bid_takes_it_away() {
    let mut a = auction(5_000, None, Some(9_000), None);
    assert!(a.buy_it_now_open());
    assert_eq!(a.buy_it_now(A, 100), Ok(9_000));
    assert_eq!(
        a.result(),
        Some(AuctionResult::Sold {
            winner: A,
            price: 9_000,
            at: 100,
            bought_now: true
        })
    );
    assert_eq!(a.place_bid(B, 9_500, 101), Err(BidError::Closed));

    let mut a = auction(5_000, None, Some(9_000), None);
    bid(&mut a, A, 6_000, 1);
    assert!(!a.buy_it_now_open());
    assert_eq!(a.buy_it_now(B, 2), Err(BidError::NoBuyItNow));

    // With a reserve, buy-it-now stays until a bid meets the reserve.
    let mut a = auction(5_000, Some(8_000), Some(12_000), None);
    bid(&mut a, A, 6_000, 1);
    assert!(a.buy_it_now_open());
    bid(&mut a, B, 8_500, 2);
    assert!(!a.buy_it_now_open());
}

#[test]
fn a_soft_close_extends_after_a_late_bid_and_a_hard_close_does_not() {
    let mut a = auction(1_000, None, None, Some(5));
    bid(&mut a, A, 2_000, 990);
    assert_eq!(a.closes(), 1_000, "ten minutes before the end: no extension");
    bid(&mut a, B, 2_500, 997);
    assert_eq!(a.closes(), 1_002);
    assert_eq!(a.history().last().and_then(|h| h.extended_to), Some(1_002));
    // A answers in the extension and extends again.
    bid(&mut a, A, 3_000, 1_001);
    assert_eq!(a.closes(), 1_006);
    assert_eq!(a.close_if_due(1_005), None, "still open at 1005");
    assert_eq!(
        a.close_if_due(1_006),
        Some(AuctionResult::Sold {
            winner: A,
            price: 2_600,
            at: 1_006,
            bought_now: false
        })
    );

    let mut a = auction(1_000, None, None, None);
    bid(&mut a, A, 2_000, 990);
    bid(&mut a, B, 2_500, 999);
    assert_eq!(a.closes(), 1_000);
    assert_eq!(
        a.place_bid(A, 3_000, 1_000),
        Err(BidError::Closed),
        "the sniper wins a hard close"
    );
    assert!(matches!(
        a.close_if_due(1_000),
        Some(AuctionResult::Sold {
            winner: B,
            price: 2_100,
            ..
        })
    ));
}

proptest! {
    #[test]
    fn proxy_bidding_charges_second_maximum_plus_step_capped_at_the_winners(
        maxima in proptest::collection::vec(1_000i64..200_000, 1..12),
    ) {
        let mut a = auction(1_000, None, None, None);
        let mut accepted: Vec<(BidderId, i64)> = Vec::new();
        for (i, max) in maxima.iter().enumerate() {
            let who = BidderId(i as u32);
            if a.place_bid(who, *max, i as u32).is_ok() {
                accepted.push((who, *max));
            }
        }
        let Some(AuctionResult::Sold { winner, price, .. }) = a.close_if_due(1_000) else {
            return Err(TestCaseError::fail("the first bid is always accepted"));
        };
        // The winner holds the highest maximum, the earliest of equals.
        let top = accepted.iter().map(|(_, m)| *m).max().unwrap_or(0);
        let first_top = accepted.iter().find(|(_, m)| *m == top).map(|(w, _)| *w);
        prop_assert_eq!(Some(winner), first_top);
        prop_assert!(price <= top);
        let second = accepted.iter().filter(|(w, _)| *w != winner).map(|(_, m)| *m).max();
        let expected = match second {
            None => 1_000,
            Some(s) if s == top => top,
            Some(s) => (s + increments().at(s)).min(top),
        };
        prop_assert_eq!(price, expected.max(1_000));
    }

    #[test]
    fn a_haggling_buyer_never_goes_above_their_private_limit(
        seed in any::<u64>(),
        list in 2_000i64..100_000,
        target_pct in 40i64..95,
        limit_pct in 45i64..130,
        strategy in 0usize..4,
        counters in proptest::collection::vec(0i64..100, 1..8),
    ) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let limit = list * limit_pct / 100;
        let strategy = [
            Strategy::TimeDependent { e_milli: 500 },
            Strategy::TimeDependent { e_milli: 1_000 },
            Strategy::TimeDependent { e_milli: 2_000 },
            Strategy::TitForTat,
        ][strategy];
        let brief = BuyerBrief { target: list * target_pct / 100, limit, strategy, patience: 4 };
        let usd = CurrencyCode::parse("USD").unwrap_or_else(|| panic!("USD"));
        let Some(mut h) = Haggle::open(list, usd, 2, brief, &mut rng) else {
            return Err(TestCaseError::fail("a positive price always opens"));
        };
        let mut last_offer = 0;
        for pct in counters {
            let Some(offer) = h.offer() else { break };
            prop_assert!(offer <= limit, "offer {} above limit {}", offer, limit);
            prop_assert!(offer >= last_offer, "offers never go down");
            last_offer = offer;
            // Counter somewhere between the offer and the list price.
            let counter = offer + 1 + (list - offer - 1).max(0) * pct / 100;
            if counter <= offer || counter > list {
                break;
            }
            let _ = h.counter(counter, &mut rng);
        }
        if let HaggleState::Agreed { price } = h.state() {
            prop_assert!(price <= limit, "agreed {} above limit {}", price, limit);
        }
        for m in h.moves() {
            if let HaggleMove::BuyerOffers(p) | HaggleMove::BuyerAccepts(p) = m {
                prop_assert!(*p <= limit);
            }
        }
    }
}

#[test]
fn bargainers_open_at_their_target_and_concede_by_their_strategy() {
    let usd = CurrencyCode::parse("USD").unwrap_or_else(|| panic!("USD"));
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    // A 0.5x bargain hunter on a $70.00 lens with a $49.00 limit opens at $35.00.
    let brief = BuyerBrief {
        target: 3_500,
        limit: 4_900,
        strategy: Strategy::TimeDependent { e_milli: 500 },
        patience: 4,
    };
    let mut h = Haggle::open(7_000, usd, 2, brief, &mut rng).unwrap_or_else(|| panic!("opens"));
    assert_eq!(h.offer(), Some(3_500));
    // A counter above the limit is never accepted; the buyer rises but stays within $49.
    let mut offers = vec![3_500];
    while let Some(offer) = h.offer() {
        match h.counter(6_500.max(offer + 1), &mut rng) {
            Ok(HaggleMove::BuyerOffers(p)) => offers.push(p),
            Ok(other) => {
                assert_eq!(other, HaggleMove::BuyerLeaves, "never accepts $65");
                break;
            }
            Err(e) => panic!("{e}"),
        }
    }
    assert!(offers.windows(2).all(|w| w[0] <= w[1]), "{offers:?}");
    assert!(offers.iter().all(|p| *p <= 4_900), "{offers:?}");
    assert!(offers.len() >= 3, "the buyer concedes over a few rounds: {offers:?}");
    // A counter within the limit at the end is accepted.
    let mut h = Haggle::open(7_000, usd, 2, brief, &mut rng).unwrap_or_else(|| panic!("opens"));
    assert_eq!(
        h.counter(4_800, &mut rng)
            .map(|m| matches!(m, HaggleMove::BuyerOffers(_) | HaggleMove::BuyerAccepts(_))),
        Ok(true)
    );
    assert!(
        h.counter(3_000, &mut rng).is_err(),
        "a counter below the buyer's offer is refused"
    );
}

#[test]
fn answers_are_graded_on_truth_and_tone_and_unlawful_advice_scores_nothing() {
    let polite = "Hello Priya,\nthank you for your interest. Happy to help.\nBest regards, Chen";
    let all_right = grade_answer(&[Some(Verdict::Right), Some(Verdict::Right)], polite);
    assert_eq!((all_right.right, all_right.tone, all_right.score), (2, 30, 100));
    let curt = grade_answer(&[Some(Verdict::Right), Some(Verdict::Vague)], "ok");
    assert_eq!(curt.score, 35 + 4, "half the topics and only 'no shouting': {curt:?}");
    let shouting = grade_answer(&[Some(Verdict::Right)], "HELLO THANKS FOR ASKING, IT IS FINE");
    assert!(shouting.tone_missing.contains(&"normal capitals (no shouting)"));
    let unlawful = grade_answer(&[Some(Verdict::Right), Some(Verdict::Unlawful)], polite);
    assert!(unlawful.unlawful);
    assert_eq!(unlawful.score, 0);
    assert_eq!(
        grade_answer(&[None, None], polite).right,
        0,
        "unanswered topics count as wrong"
    );
}

#[test]
fn the_true_statement_uses_the_items_facts() {
    let facts = tradeport::sim::c2c::questions::AnswerFacts {
        dimensions_mm: (200, 150, 120),
        gross_weight_g: 900,
        true_grade: ConditionGrade::VeryGood,
        faults: vec![tradeport::scenario::file::Text {
            en: "Small dent".into(),
            zh: "小凹痕".into(),
        }],
        postage_name: tradeport::scenario::file::Text {
            en: "China Post EMS".into(),
            zh: "中国邮政EMS".into(),
        },
        days_to_door: 10,
        tracked: true,
        import_charges: tradeport::scenario::file::Text {
            en: "You pay £36.00".into(),
            zh: "".into(),
        },
        pays_at_door: true,
    };
    for (topic, needle) in [
        (QuestionTopic::Size, "200 × 150 × 120 mm and weighs 900 g"),
        (
            QuestionTopic::Condition,
            "Very good. Tested, and to be honest: Small dent",
        ),
        (
            QuestionTopic::ShippingTime,
            "China Post EMS (tracked); it reaches you in about 10 days",
        ),
        (QuestionTopic::ImportCharges, "You pay £36.00"),
    ] {
        let list = statements(topic, &facts, 1);
        let right: Vec<_> = list.iter().filter(|s| s.verdict == Verdict::Right).collect();
        assert_eq!(right.len(), 1, "{topic:?}");
        assert!(right[0].text.en.contains(needle), "{topic:?}: {}", right[0].text.en);
        assert_ne!(
            list[0].verdict,
            Verdict::Right,
            "seed 1 rotates the true statement away from the top"
        );
    }
    let charges = statements(QuestionTopic::ImportCharges, &facts, 0);
    assert!(
        charges.iter().any(|s| s.verdict == Verdict::Unlawful),
        "the 'mark it as a gift' trap is offered"
    );
}

/// The terms of a listing with the given format, posted by EMS and described honestly.
fn honest(market: &str, sku: &str, grade: ConditionGrade, faults: Vec<usize>, format: SaleFormat) -> Command {
    Command::ListItem {
        terms: Box::new(ItemTerms {
            market: market.into(),
            sku: sku.into(),
            format,
            postage: "ems".into(),
            handling_days: 2,
            duty_paid: false,
            claimed_grade: grade,
            disclosed_faults: faults,
            states_import_charges: true,
        }),
    }
}

#[test]
fn postage_is_priced_by_weight_and_import_charges_follow_the_destination_rules() {
    let s = scenario();
    let uk = s
        .markets()
        .iter()
        .find(|m| m.id == "uk-buyers")
        .unwrap_or_else(|| panic!("uk"));
    let us = s
        .markets()
        .iter()
        .find(|m| m.id == "us-buyers")
        .unwrap_or_else(|| panic!("us"));
    let site = us.auction_site.as_ref().unwrap_or_else(|| panic!("site"));
    let ems = site.postage("ems").unwrap_or_else(|| panic!("ems"));
    // 900 g: the first 500 g (¥150) and one more 500 g (¥36).
    assert_eq!(ems.price(900).format(), "186.00 CNY");
    assert_eq!(ems.price(500).format(), "150.00 CNY");
    assert_eq!(ems.price(1_500).format(), "222.00 CNY");
    let date = s.start_date();
    let om1 = s.product("CAM-OM1").unwrap_or_else(|| panic!("om1"));
    let lens = s.product("LENS-FD50").unwrap_or_else(|| panic!("lens"));
    // UK at £130: VAT at checkout (20% of £130 = £26), nothing at the door.
    let c = tradeport::sim::c2c::import_charges(&s, uk, om1, 13_000, 800, date);
    assert_eq!((c.vat_at_checkout, c.at_door()), (2_600, 0));
    // UK at £140: over £135, so duty 4% (£5.60) and import VAT 20% of £145.60 (£29.12) at
    // the door, plus Royal Mail's £8.
    let c = tradeport::sim::c2c::import_charges(&s, uk, om1, 14_000, 800, date);
    assert_eq!(
        (c.vat_at_checkout, c.duty, c.border_vat, c.collection_fee),
        (0, 560, 2_912, 800)
    );
    assert!(c.explain(false).en.contains("42.72 GBP"), "{}", c.explain(false).en);
    // US lens at $70: no de minimis since 29 Aug 2025, duty 2.3% = $1.61, plus the $10 fee.
    let c = tradeport::sim::c2c::import_charges(&s, us, lens, 7_000, 1_000, date);
    assert_eq!((c.duty, c.border_vat, c.at_door()), (161, 0, 1_161));
    // Duty-free camera into the US: nothing to collect, so no collection fee either.
    let c = tradeport::sim::c2c::import_charges(&s, us, om1, 18_000, 1_000, date);
    assert_eq!(c.at_door(), 0);
}

#[test]
fn listing_checks_terms_and_changes_nothing_on_error() {
    let s = scenario();
    let mut session = Session::new(Arc::clone(&s), Some(7));
    let bad = [
        SaleFormat::Auction {
            start_price: 0,
            reserve: None,
            buy_it_now: None,
            days: 7,
            soft_close: false,
        },
        SaleFormat::Auction {
            start_price: 10_000,
            reserve: Some(9_000),
            buy_it_now: None,
            days: 7,
            soft_close: false,
        },
        SaleFormat::Auction {
            start_price: 10_000,
            reserve: None,
            buy_it_now: Some(12_000),
            days: 7,
            soft_close: false,
        },
        SaleFormat::Auction {
            start_price: 10_000,
            reserve: None,
            buy_it_now: None,
            days: 4,
            soft_close: false,
        },
        // eBay ends auctions at a fixed time: a soft close is refused on its sites.
        SaleFormat::Auction {
            start_price: 10_000,
            reserve: None,
            buy_it_now: None,
            days: 7,
            soft_close: true,
        },
        SaleFormat::FixedPrice {
            price: 7_000,
            offers: false,
            auto_decline_below: Some(4_000),
            auto_accept_from: None,
        },
        SaleFormat::FixedPrice {
            price: 7_000,
            offers: true,
            auto_decline_below: Some(6_000),
            auto_accept_from: Some(5_000),
        },
    ];
    for format in bad {
        let before = session.commands().len();
        let result = session.apply(honest(
            "us-buyers",
            "LENS-FD50",
            ConditionGrade::Excellent,
            vec![0],
            format.clone(),
        ));
        assert!(result.is_err(), "{format:?} was accepted");
        assert_eq!(session.commands().len(), before);
        assert!(session.shop_desk().shop().is_some_and(|shop| shop.listings.is_empty()));
    }
    // A fault mentioned twice does not hide the other one; absurd amounts are refused.
    for command in [
        honest(
            "uk-buyers",
            "CAM-OM1",
            ConditionGrade::VeryGood,
            vec![0, 0],
            SaleFormat::FixedPrice {
                price: 13_000,
                offers: false,
                auto_decline_below: None,
                auto_accept_from: None,
            },
        ),
        honest(
            "uk-buyers",
            "CAM-OM1",
            ConditionGrade::VeryGood,
            vec![0, 1],
            SaleFormat::Auction {
                start_price: i64::MAX,
                reserve: None,
                buy_it_now: None,
                days: 7,
                soft_close: false,
            },
        ),
    ] {
        assert!(session.apply(command).is_err());
    }
    assert!(
        session
            .apply(Command::BidAbroad {
                market: "us-buyers".into(),
                max: i64::MAX
            })
            .is_err()
    );
    assert!(
        session
            .shop_desk()
            .shop()
            .is_some_and(|shop| shop.listings.is_empty() && shop.bids_abroad.is_empty())
    );
    // Duty paid needs a service that offers it; EMS does not.
    let mut command = honest(
        "us-buyers",
        "LENS-FD50",
        ConditionGrade::Excellent,
        vec![0],
        SaleFormat::FixedPrice {
            price: 7_000,
            offers: true,
            auto_decline_below: None,
            auto_accept_from: None,
        },
    );
    if let Command::ListItem { terms } = &mut command {
        terms.duty_paid = true;
    }
    assert!(session.apply(command.clone()).is_err());
    if let Command::ListItem { terms } = &mut command {
        terms.postage = "dhl".into();
    }
    session.apply(command.clone()).unwrap_or_else(|e| panic!("{e}"));
    // The lens is listed now, so it cannot be listed twice.
    assert!(session.apply(command).is_err());
}

/// Posts every sold item with a correct CN23.
fn post_parcels(session: &mut Session) {
    let waiting = session
        .shop_desk()
        .shop()
        .map(tradeport::sim::c2c::Shop::awaiting_post)
        .unwrap_or_default();
    for order in waiting {
        let form = session
            .shop_desk()
            .model_cn23(order)
            .unwrap_or_else(|| panic!("a model CN23"));
        session
            .apply(Command::PostParcel {
                order,
                form: Box::new(form),
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Sums the ledger of one account.
pub(crate) fn account_total(session: &Session, account: Account) -> i64 {
    session
        .world()
        .ledger()
        .iter()
        .filter(|e| e.account == account)
        .map(|e| e.money.minor)
        .sum()
}

/// Lists the OM-1 in the US overstated (Mint, faults hidden, untracked post), cheap enough to
/// sell fast, and plays until the buyer opens a dispute; returns the session or `None`.
fn session_with_dispute(seed: u64) -> Option<Session> {
    let s = scenario();
    let mut session = Session::new(Arc::clone(&s), Some(seed));
    let mut command = honest(
        "us-buyers",
        "CAM-OM1",
        ConditionGrade::Mint,
        vec![],
        SaleFormat::FixedPrice {
            price: 12_000,
            offers: false,
            auto_decline_below: None,
            auto_accept_from: None,
        },
    );
    if let Command::ListItem { terms } = &mut command {
        terms.postage = "small-packet".into();
        terms.handling_days = 1;
    }
    session.apply(command).ok()?;
    while !session.is_finished() {
        post_parcels(&mut session);
        session.apply(Command::EndDay).ok()?;
        if session
            .shop_desk()
            .shop()
            .is_some_and(|shop| shop.open_disputes().next().is_some())
        {
            return Some(session);
        }
    }
    None
}

#[test]
fn overstating_the_condition_brings_disputes_and_each_resolution_posts_to_the_ledger() {
    let found: Vec<Session> = (1..60).filter_map(session_with_dispute).take(4).collect();
    assert!(found.len() >= 3, "an overstated, hidden-fault listing draws disputes");
    let resolutions = [
        Resolution::FullRefund,
        Resolution::Return,
        Resolution::Decline,
        Resolution::PartialRefund(tradeport::sim::BasisPoints(3_000)),
    ];
    let mut checked = 0;
    for (mut session, resolution) in found.into_iter().zip(resolutions) {
        let order = session
            .shop_desk()
            .shop()
            .and_then(|shop| shop.open_disputes().next().cloned())
            .unwrap_or_else(|| panic!("a dispute"));
        let kind = order.dispute.as_ref().map(|d| d.kind);
        let cash_before = session.world().cash().values().sum::<i64>();
        let ledger_before = session.world().ledger().len();
        let reputation_before = session.world().reputation();
        let result = session.apply(Command::ResolveDispute {
            order: order.id,
            resolution,
        });
        if result.is_err() {
            // A return or partial refund does not fit a parcel that never arrived.
            assert!(matches!(resolution, Resolution::Return | Resolution::PartialRefund(_)));
            assert_eq!(
                session.world().ledger().len(),
                ledger_before,
                "a refused resolution changes nothing"
            );
            continue;
        }
        checked += 1;
        let after = session
            .shop_desk()
            .shop()
            .and_then(|shop| shop.order(order.id))
            .cloned()
            .unwrap_or_else(|| panic!("order"));
        let outcome = after
            .dispute
            .as_ref()
            .and_then(|d| d.outcome.clone())
            .unwrap_or_else(|| panic!("resolved"));
        let new: Vec<_> = session.world().ledger()[ledger_before..].to_vec();
        // The refund is booked in CNY at today's USD rate, to the Refunds account.
        let rate = session
            .world()
            .rate(CurrencyCode::parse("USD").unwrap_or_else(|| panic!("USD")))
            .unwrap_or_else(|| panic!("rate"));
        let refund_cny = tradeport::sim::money::convert(outcome.refund, 2, rate, 2);
        let refunds: i64 = new
            .iter()
            .filter(|e| e.account == Account::Refunds)
            .map(|e| e.money.minor)
            .sum();
        assert_eq!(refunds, -refund_cny, "{resolution:?} on {kind:?}");
        let postage: i64 = new
            .iter()
            .filter(|e| e.account == Account::Logistics)
            .map(|e| e.money.minor)
            .sum();
        assert_eq!(postage, -outcome.return_postage.map_or(0, |m| m.minor));
        // Cash moves by exactly what the ledger says.
        let moved: i64 = new.iter().map(|e| e.money.minor).sum();
        assert_eq!(session.world().cash().values().sum::<i64>() - cash_before, moved);
        // Reputation follows the outcome (clamped at 0..=100).
        let expected = (i64::from(reputation_before) + i64::from(outcome.reputation)).clamp(0, 100);
        assert_eq!(i64::from(session.world().reputation()), expected);
        match resolution {
            Resolution::FullRefund => assert_eq!(outcome.refund, after.price),
            Resolution::Return => {
                assert_eq!(outcome.refund, after.price);
                assert!(outcome.item_back);
                assert!(
                    session
                        .shop_desk()
                        .shop()
                        .is_some_and(|s| s.in_hand.contains("CAM-OM1")),
                    "the camera is back in hand"
                );
            }
            Resolution::Decline => {
                assert!(outcome.decided_by_site);
                // The claim was justified (overstated listing or a lost parcel): full refund, a defect.
                assert_eq!((outcome.refund, outcome.reputation), (after.price, -6));
            }
            Resolution::PartialRefund(bp) => assert_eq!(outcome.refund, bp.of(after.price)),
        }
        // A second answer to the same dispute is refused.
        assert!(
            session
                .apply(Command::ResolveDispute {
                    order: order.id,
                    resolution: Resolution::FullRefund
                })
                .is_err()
        );
    }
    assert!(checked >= 3, "checked {checked} resolutions");
    let _ = account_total;
}

/// A student's reasonable play: everything listed honestly on day 1, questions answered truly
/// and politely the day they come, offers countered at 90% (accepted from 85%), disputes
/// refunded. Returns the session and a readable log of every day's events and ledger lines.
fn play_bundled(seed: Option<u64>) -> (Session, String) {
    use std::fmt::Write;
    let s = scenario();
    let mut session = Session::new(Arc::clone(&s), seed);
    let mut log = String::new();
    let listings = [
        honest(
            "us-buyers",
            "LENS-FD50",
            ConditionGrade::Excellent,
            vec![0],
            SaleFormat::FixedPrice {
                price: 6_900,
                offers: true,
                auto_decline_below: Some(4_000),
                auto_accept_from: None,
            },
        ),
        honest(
            "us-buyers",
            "CAM-SEAGULL",
            ConditionGrade::Good,
            vec![0, 1],
            SaleFormat::Auction {
                start_price: 9_900,
                reserve: Some(18_000),
                buy_it_now: None,
                days: 7,
                soft_close: false,
            },
        ),
        honest(
            "uk-buyers",
            "CAM-OM1",
            ConditionGrade::VeryGood,
            vec![0, 1],
            SaleFormat::FixedPrice {
                price: 13_900,
                offers: true,
                auto_decline_below: Some(8_000),
                auto_accept_from: None,
            },
        ),
    ];
    for command in listings {
        session.apply(command).unwrap_or_else(|e| panic!("{e}"));
    }
    let polite = "Hello,\nthank you for your interest! I hope this helps.\nBest regards, Chen Wei";
    let mut logged = 0;
    loop {
        // Answer questions truly.
        let open: Vec<_> = session
            .shop_desk()
            .shop()
            .map(|shop| {
                shop.questions
                    .iter()
                    .filter(|q| q.answer.is_none())
                    .map(|q| q.id)
                    .collect()
            })
            .unwrap_or_default();
        for q in open {
            let choices = session.shop_desk().true_choices(q);
            session
                .apply(Command::AnswerQuestion {
                    question: q,
                    choices,
                    note: polite.into(),
                })
                .unwrap_or_else(|e| panic!("{e}"));
        }
        // Offers: accept from 85% of the price, else counter at 90%.
        let offers: Vec<_> = session
            .shop_desk()
            .shop()
            .map(|shop| {
                shop.open_offers()
                    .map(|o| (o.id, o.haggle.offer().unwrap_or(0), o.haggle.list_price()))
                    .collect()
            })
            .unwrap_or_default();
        for (offer, amount, list) in offers {
            let reply = if amount * 100 >= list * 85 {
                OfferReply::Accept
            } else if list * 90 / 100 > amount {
                OfferReply::Counter(list * 90 / 100)
            } else {
                OfferReply::Accept
            };
            // A sale may have ended the other offers on the same item.
            let _ = session.apply(Command::ReplyToOffer { offer, reply });
        }
        post_parcels(&mut session);
        let disputes: Vec<_> = session
            .shop_desk()
            .shop()
            .map(|shop| shop.open_disputes().map(|o| o.id).collect())
            .unwrap_or_default();
        for order in disputes {
            session
                .apply(Command::ResolveDispute {
                    order,
                    resolution: Resolution::FullRefund,
                })
                .unwrap_or_else(|e| panic!("{e}"));
        }
        for (day, event) in &session.timeline()[logged..] {
            match event {
                Event::Shop(e) => writeln!(log, "day {day:2}: {}", shop_line(e)),
                Event::ReputationChanged { from, to, reason } => {
                    writeln!(log, "day {day:2}: reputation {from} -> {to}: {}", reason.en)
                }
                _ => Ok(()),
            }
            .unwrap_or_else(|e| panic!("{e}"));
        }
        logged = session.timeline().len();
        if session.is_finished() {
            break;
        }
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    writeln!(log, "ledger:").unwrap_or_else(|e| panic!("{e}"));
    for e in session.world().ledger() {
        writeln!(
            log,
            "  day {:2} {:?} {} {}",
            e.day,
            e.account,
            e.money.format(),
            crate::english(&e.memo)
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    writeln!(
        log,
        "cash: {}, reputation {}",
        session.world().net_cash_in_home().format(),
        session.world().reputation()
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (session, log)
}

/// A shop event for the replay log, with money written as money.
fn shop_line(event: &ShopEvent) -> String {
    match event {
        ShopEvent::Sold {
            order,
            sku,
            price,
            buyer,
        } => {
            format!("Sold {order:?} {sku} for {} to {buyer}", price.format())
        }
        ShopEvent::Refused { order, charges } => format!("Refused {order:?}: {} at the door", charges.format()),
        ShopEvent::DisputeResolved { order, refund, by_site } => {
            format!(
                "DisputeResolved {order:?}: refund {}, by the site: {by_site}",
                refund.format()
            )
        }
        other => format!("{other:?}"),
    }
}

#[test]
fn golden_replay_of_the_bundled_c2c_scenario() {
    let (session, log) = play_bundled(None);
    let golden_path = Path::new("tests/replays/c2c-21-days.expected");
    if std::env::var_os("TRADEPORT_BLESS").is_some() {
        std::fs::write(golden_path, &log).unwrap_or_else(|e| panic!("{e}"));
    }
    let golden = std::fs::read_to_string(golden_path).unwrap_or_else(|e| panic!("{}: {e}", golden_path.display()));
    assert_eq!(
        log, golden,
        "the C2C replay changed; if on purpose, rerun with TRADEPORT_BLESS=1"
    );
    // And the story is whole: the items were listed, questions answered, something sold and
    // was delivered, and the ledger's sales are the payouts of the sales.
    let shop = session.shop_desk().shop().unwrap_or_else(|| panic!("a shop"));
    assert_eq!(shop.listings.len(), 3);
    assert!(shop.questions.iter().all(|q| q.answer.is_some()));
    assert!(shop.orders.len() >= 2, "{log}");
    assert!(shop.orders.iter().any(|o| o.feedback.is_some()), "{log}");
    assert!(
        session
            .world()
            .ledger()
            .iter()
            .any(|e| e.account == Account::Marketplace && e.money.minor > 0)
    );
    assert!(
        session
            .world()
            .ledger()
            .iter()
            .any(|e| e.account == Account::Logistics && e.money.minor < 0)
    );
}

#[test]
fn the_same_seed_replays_the_same_c2c_story_and_another_seed_differs() {
    let (_, a) = play_bundled(Some(11));
    let (_, b) = play_bundled(Some(11));
    let (_, c) = play_bundled(Some(12));
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn bidding_abroad_pays_the_landed_cost_and_judges_the_maximum_against_the_budget() {
    let s = scenario();
    // Budget ¥1,800 at 7.18 CNY/USD with 20% tax and $35 postage: $173 lands at
    // (173 + 35) × 7.18 × 1.2 = ¥1,792.13, $174 at ¥1,800.74 (over).
    let session = Session::new(Arc::clone(&s), Some(4));
    let at = |price| {
        session
            .shop_desk()
            .landed_abroad("us-buyers", price)
            .unwrap_or_else(|| panic!("landed"))
    };
    assert_eq!((at(17_300).total, at(17_400).total), (179_213, 180_074));
    assert!(!at(17_300).tax_waived);

    let mut outcomes = Vec::new();
    for (seed, max) in [(4, 17_300), (5, 17_300), (6, 26_000), (7, 26_000)] {
        let mut session = Session::new(Arc::clone(&s), Some(seed));
        // Below the start price (half of $150) is refused and changes nothing; the refusal
        // names the minimum in dollars, not in cents.
        let refused = session
            .apply(Command::BidAbroad {
                market: "us-buyers".into(),
                max: 5_000,
            })
            .err()
            .map(|e| e.to_string());
        assert_eq!(refused.as_deref(), Some("the bid must be at least 75.00 USD"));
        assert!(
            session
                .shop_desk()
                .shop()
                .is_some_and(|shop| shop.bids_abroad.is_empty())
        );
        session
            .apply(Command::BidAbroad {
                market: "us-buyers".into(),
                max: max - 1_000,
            })
            .unwrap_or_else(|e| panic!("{e}"));
        // Raising the maximum the same day.
        session
            .apply(Command::BidAbroad {
                market: "us-buyers".into(),
                max,
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let mut ledger_before = session.world().ledger().len();
        while session
            .shop_desk()
            .shop()
            .is_some_and(|shop| shop.bids_abroad[0].outcome.is_none())
        {
            ledger_before = session.world().ledger().len();
            session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
        }
        let run = session
            .shop_desk()
            .shop()
            .map(|shop| shop.bids_abroad[0].clone())
            .unwrap_or_else(|| panic!("run"));
        let outcome = run.outcome.unwrap_or_else(|| panic!("closed"));
        assert_eq!(
            session.day(),
            4,
            "a 2-day auction opened at noon on day 1 closes with day 3"
        );
        assert_eq!(outcome.max_within_budget, max <= 17_300, "{outcome:?}");
        let paid: i64 = session.world().ledger()[ledger_before..]
            .iter()
            .filter(|e| e.account == Account::Purchases)
            .map(|e| e.money.minor)
            .sum();
        if outcome.won {
            assert!(outcome.price <= max, "never above the student's maximum");
            let landed = session
                .shop_desk()
                .landed_abroad("us-buyers", outcome.price)
                .unwrap_or_else(|| panic!("landed"));
            assert_eq!(outcome.landed, Some(landed));
            assert_eq!(paid, -landed.total, "price, postage and tax paid at the day's rate");
        } else {
            assert_eq!(paid, 0);
            let winner = run.auction.leader().unwrap_or_else(|| panic!("someone won"));
            assert!(
                run.auction.max_of(winner).unwrap_or(0) >= max,
                "the winner bid at least as much"
            );
        }
        outcomes.push(outcome.won);
    }
    assert!(
        outcomes.contains(&true),
        "a generous maximum wins sometimes: {outcomes:?}"
    );
}

#[test]
fn an_offer_lapses_at_the_end_of_the_day_after_the_student_sees_it() {
    let s = scenario();
    for seed in 1..40 {
        let mut session = Session::new(Arc::clone(&s), Some(seed));
        session
            .apply(honest(
                "uk-buyers",
                "CAM-OM1",
                ConditionGrade::VeryGood,
                vec![0, 1],
                SaleFormat::FixedPrice {
                    price: 16_500,
                    offers: true,
                    auto_decline_below: None,
                    auto_accept_from: None,
                },
            ))
            .unwrap_or_else(|e| panic!("{e}"));
        for _ in 0..6 {
            session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
            let open: Vec<_> = session
                .shop_desk()
                .shop()
                .map(|shop| shop.open_offers().map(|o| (o.id, o.day)).collect())
                .unwrap_or_default();
            let Some((offer, day)) = open.first().copied() else {
                continue;
            };
            assert_eq!(day, session.day(), "an offer counts from the day the student sees it");
            session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
            let still = |session: &Session| {
                session
                    .shop_desk()
                    .shop()
                    .and_then(|shop| shop.offer(offer))
                    .is_some_and(|o| o.haggle.offer().is_some())
            };
            let sold = session.shop_desk().shop().is_some_and(|shop| !shop.orders.is_empty());
            assert!(still(&session) || sold, "open through the next day");
            session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
            assert!(!still(&session), "lapsed after the next day");
            return;
        }
    }
    panic!("no seed brought an offer");
}

#[test]
fn a_refused_parcel_comes_back_once() {
    let s = scenario();
    for seed in 1..80 {
        let mut session = Session::new(Arc::clone(&s), Some(seed));
        // Over £135 and silent about the charges: UK VAT and duty at the door, often refused.
        let mut listing = honest(
            "uk-buyers",
            "CAM-OM1",
            ConditionGrade::VeryGood,
            vec![0, 1],
            SaleFormat::FixedPrice {
                price: 14_500,
                offers: false,
                auto_decline_below: None,
                auto_accept_from: None,
            },
        );
        if let Command::ListItem { terms } = &mut listing {
            terms.states_import_charges = false;
        }
        session.apply(listing.clone()).unwrap_or_else(|e| panic!("{e}"));
        let mut relisted = false;
        while !session.is_finished() {
            post_parcels(&mut session);
            let _ = session.apply(Command::EndDay);
            let back = session
                .shop_desk()
                .shop()
                .is_some_and(|shop| shop.in_hand.contains("CAM-OM1"));
            if back && !relisted {
                // List the returned camera again; it must not come back a second time.
                session.apply(listing.clone()).unwrap_or_else(|e| panic!("{e}"));
                relisted = true;
            } else if relisted {
                let shop = session.shop_desk().shop().unwrap_or_else(|| panic!("shop"));
                let live = shop
                    .listings
                    .iter()
                    .filter(|l| l.status == tradeport::sim::c2c::ListingStatus::Live)
                    .count();
                assert!(
                    !(live > 0 && shop.in_hand.contains("CAM-OM1")),
                    "listed and in hand at once"
                );
            }
        }
        if relisted {
            let returns = session
                .timeline()
                .iter()
                .filter(|(_, e)| matches!(e, Event::Shop(ShopEvent::ReturnedToSeller { .. })))
                .count();
            assert_eq!(returns, 1);
            return;
        }
    }
    panic!("no seed brought a refusal");
}

#[test]
fn every_cn23_box_has_a_right_and_a_wrong_answer() {
    use tradeport::sim::c2c::{Cn23Category, Cn23Field, Cn23Form, check_cn23};
    use tradeport::sim::money::Money;
    let s = scenario();
    let om1 = s.product("CAM-OM1").unwrap_or_else(|| panic!("om1"));
    let usd = CurrencyCode::parse("USD").unwrap_or_else(|| panic!("USD"));
    let price = Money::new(18_000, usd, 2);
    let model = Cn23Form::model(om1, price);
    let check = check_cn23(&model, om1, price);
    assert_eq!((check.right(), check.wrong(), check.false_declaration), (8, 0, false));
    // A precise description in the student's own words passes too.
    let mut own = model.clone();
    own.description = "Used 35 mm film camera body, Olympus OM-1".into();
    own.hs_code = "9006.53.00".into();
    assert_eq!(check_cn23(&own, om1, price).wrong(), 0);
    let cases: Vec<(Cn23Field, Box<dyn Fn(&mut Cn23Form)>, bool)> = vec![
        (
            Cn23Field::Category,
            Box::new(|f| f.category = Some(Cn23Category::Gift)),
            true,
        ),
        (
            Cn23Field::Category,
            Box::new(|f| f.category = Some(Cn23Category::Other)),
            false,
        ),
        (
            Cn23Field::Description,
            Box::new(|f| f.description = "Camera parts".into()),
            false,
        ),
        (
            Cn23Field::Description,
            Box::new(|f| f.description = "Olympus camera gift".into()),
            false,
        ),
        (
            Cn23Field::Description,
            Box::new(|f| f.description = "Old camera".into()),
            false,
        ),
        (Cn23Field::Quantity, Box::new(|f| f.quantity = 2), false),
        (Cn23Field::NetWeight, Box::new(|f| f.net_weight_g = 900), false),
        (Cn23Field::Value, Box::new(|f| f.value = 5_000), true),
        (Cn23Field::Value, Box::new(|f| f.currency = "CNY".into()), false),
        (Cn23Field::HsCode, Box::new(|f| f.hs_code = "9006.59".into()), false),
        (Cn23Field::Origin, Box::new(|f| f.origin = "CN".into()), false),
        (Cn23Field::GrossWeight, Box::new(|f| f.gross_weight_g = 2_000), false),
    ];
    for (field, mutate, false_declaration) in cases {
        let mut form = model.clone();
        mutate(&mut form);
        let check = check_cn23(&form, om1, price);
        let wrong: Vec<Cn23Field> = check.verdicts.iter().filter(|v| !v.right).map(|v| v.field).collect();
        assert_eq!(wrong, vec![field], "{form:?}");
        assert_eq!(check.false_declaration, false_declaration, "{field:?}");
    }
    // Net above gross is wrong even when each is near the item's weights.
    let mut form = model;
    form.net_weight_g = 540;
    form.gross_weight_g = 520;
    let check = check_cn23(&form, om1, price);
    assert!(
        check
            .verdicts
            .iter()
            .any(|v| v.field == Cn23Field::NetWeight && !v.right)
    );
}

/// A session where the lens has sold to a US buyer (named buyers come on day 1), not yet posted.
fn session_with_a_sale() -> Session {
    let s = scenario();
    for seed in 1..40 {
        let mut session = Session::new(Arc::clone(&s), Some(seed));
        session
            .apply(honest(
                "us-buyers",
                "LENS-FD50",
                ConditionGrade::Excellent,
                vec![0],
                SaleFormat::FixedPrice {
                    price: 6_900,
                    offers: false,
                    auto_decline_below: None,
                    auto_accept_from: None,
                },
            ))
            .unwrap_or_else(|e| panic!("{e}"));
        for _ in 0..3 {
            session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
            if session.shop_desk().shop().is_some_and(|shop| !shop.orders.is_empty()) {
                return session;
            }
        }
    }
    panic!("the lens did not sell")
}

#[test]
fn a_wrong_cn23_holds_the_parcel_and_an_unposted_sale_is_cancelled() {
    use tradeport::sim::c2c::{OrderId, OrderStatus};
    let order = OrderId(0);
    // A correct form: posted, postage paid, delivered after the transit time.
    let mut right = session_with_a_sale();
    let form = right.shop_desk().model_cn23(order).unwrap_or_else(|| panic!("form"));
    let before = right.world().ledger().len();
    right
        .apply(Command::PostParcel {
            order,
            form: Box::new(form.clone()),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(right.world().ledger()[before].account, Account::Logistics);
    assert_eq!(
        right.world().ledger()[before].money.format(),
        "-150.00 CNY",
        "EMS for 380 g"
    );
    let posted = right
        .shop_desk()
        .shop()
        .and_then(|s| s.order(order).cloned())
        .unwrap_or_else(|| panic!("order"));
    assert_eq!(posted.deliver_day, right.day() + 6);
    assert!(!posted.held);
    // Posting twice is refused and changes nothing.
    let ledger = right.world().ledger().len();
    assert!(
        right
            .apply(Command::PostParcel {
                order,
                form: Box::new(form.clone())
            })
            .is_err()
    );
    assert_eq!(right.world().ledger().len(), ledger);

    // Declared as a gift: held four more days, and reputation suffers.
    let mut gift = session_with_a_sale();
    let mut wrong = gift.shop_desk().model_cn23(order).unwrap_or_else(|| panic!("form"));
    wrong.category = Some(tradeport::sim::c2c::Cn23Category::Gift);
    let reputation = gift.world().reputation();
    gift.apply(Command::PostParcel {
        order,
        form: Box::new(wrong),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let held = gift
        .shop_desk()
        .shop()
        .and_then(|s| s.order(order).cloned())
        .unwrap_or_else(|| panic!("order"));
    assert!(held.held);
    assert_eq!(held.deliver_day, gift.day() + 6 + 4);
    assert_eq!(gift.world().reputation(), reputation.saturating_sub(3));

    // Never posted: a reminder on the promised day, cancelled seven days later, refunded.
    let mut idle = session_with_a_sale();
    let promised = idle
        .shop_desk()
        .shop()
        .and_then(|s| s.order(order).map(|o| o.ship_day))
        .unwrap_or(0);
    let cash = idle.world().cash().values().sum::<i64>();
    while idle.day() <= promised + 7 {
        idle.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let cancelled = idle
        .shop_desk()
        .shop()
        .and_then(|s| s.order(order).cloned())
        .unwrap_or_else(|| panic!("order"));
    assert_eq!(cancelled.status, OrderStatus::Cancelled);
    assert!(
        idle.shop_desk().shop().is_some_and(|s| s.in_hand.contains("LENS-FD50")),
        "the lens is still yours"
    );
    let refunds: i64 = idle
        .world()
        .ledger()
        .iter()
        .filter(|e| e.account == Account::Refunds)
        .map(|e| e.money.minor)
        .sum();
    assert!(refunds < 0);
    assert_eq!(
        idle.world().cash().values().sum::<i64>() - cash,
        refunds,
        "only the refund moved the cash"
    );
    assert!(
        idle.world()
            .inbox()
            .iter()
            .any(|m| m.subject.en.starts_with("Where is my LENS-FD50"))
    );
}

#[test]
fn a_good_run_scores_its_rubric_criterion_by_criterion() {
    let (session, _) = play_bundled(None);
    let report = tradeport::sim::Report::of(&session);
    let mut lines = Vec::new();
    for t in &report.tasks {
        for c in &t.criteria {
            lines.push(format!("{}/{} {}: {}", c.earned, c.possible, c.id, c.reason.en));
        }
    }
    let text = lines.join("\n");
    let earned = |id: &str| {
        report
            .tasks
            .iter()
            .flat_map(|t| &t.criteria)
            .find(|c| c.id == id)
            .map_or(0, |c| c.earned)
    };
    // The scripted student lists all three honestly on day 1 in the right formats, answers
    // every question truly and politely the day it comes, sells the lens at its full price
    // and the Seagull at auction.
    for id in [
        "format-choice",
        "honest-condition",
        "all-listed",
        "floor-respected",
        "lens-price",
        "auction-sold",
        "specific-answers",
        "import-charges",
        "friendly-tone",
        "reply-within-a-day",
    ] {
        assert!(earned(id) > 0, "{id}\n{text}");
    }
    // Its mistakes cost points, each with the reason: auto-decline floors ($40, £80) and the
    // $180 reserve below break-even; low offers auto-declined instead of countered; the OM-1
    // sold in the UK, so there is no CN23 to the US to grade.
    assert!(
        text.contains("0/6 floor-covers-cost: LENS-FD50: floor 40.00 USD below break-even"),
        "{text}"
    );
    assert!(
        text.contains("0/6 counter-low-offer: 0 of 2 offers below 60% of the price countered"),
        "{text}"
    );
    assert!(
        text.contains("0/8 precise-description: no CN23 was lodged for this parcel"),
        "{text}"
    );
    assert_eq!(report.total_earned, 60, "{text}");
    // The points add up, and no criterion says it was not scored.
    assert_eq!(
        report.total_earned,
        report.tasks.iter().map(|t| t.earned()).sum::<u32>()
    );
    assert!(!text.contains("does not award rubric points automatically"), "{text}");
}

#[test]
fn a_floor_is_judged_at_the_rates_of_the_day_it_was_listed() {
    use tradeport::sim::c2c::{ItemTerms, SaleFormat};
    use tradeport::sim::report::Report;
    // Find a seed on which the pound slides after day 1 (a 7% daily chance from day 3).
    let gbp = CurrencyCode::parse("GBP").unwrap_or_else(|| panic!("GBP"));
    let mut found = None;
    for seed in 1..60 {
        let mut s = Session::new(scenario(), Some(seed));
        let floor = s
            .shop_desk()
            .break_even("uk-buyers", "CAM-SEAGULL", "ems", false)
            .unwrap_or_else(|| panic!("break-even"));
        s.apply(Command::ListItem {
            terms: Box::new(ItemTerms {
                market: "uk-buyers".into(),
                sku: "CAM-SEAGULL".into(),
                format: SaleFormat::Auction {
                    start_price: floor,
                    reserve: None,
                    buy_it_now: None,
                    days: 10,
                    soft_close: false,
                },
                postage: "ems".into(),
                handling_days: 1,
                duty_paid: false,
                claimed_grade: ConditionGrade::Good,
                disclosed_faults: vec![0, 1],
                states_import_charges: true,
            }),
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let rate = s.world().rate(gbp);
        for _ in 0..8 {
            s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
        }
        if s.world().rate(gbp) < rate {
            found = Some((s, floor));
            break;
        }
    }
    let (s, floor) = found.unwrap_or_else(|| panic!("no seed where the pound slides"));
    let today = s
        .shop_desk()
        .break_even("uk-buyers", "CAM-SEAGULL", "ems", false)
        .unwrap_or(0);
    assert!(
        today > floor,
        "a weaker pound raises the break-even in pounds: {today} > {floor}"
    );
    let criterion = Report::of(&s)
        .tasks
        .iter()
        .flat_map(|t| t.criteria.clone())
        .find(|c| c.id == "floor-covers-cost")
        .unwrap_or_else(|| panic!("floor-covers-cost"));
    assert_eq!(criterion.earned, criterion.possible, "{}", criterion.reason.en);
}

#[test]
fn an_auction_that_sells_below_break_even_is_a_sale_below_break_even() {
    use tradeport::sim::c2c::{ItemTerms, SaleFormat};
    use tradeport::sim::report::Report;
    let mut s = Session::new(scenario(), Some(3));
    s.apply(Command::ListItem {
        terms: Box::new(ItemTerms {
            market: "us-buyers".into(),
            sku: "LENS-FD50".into(),
            format: SaleFormat::Auction {
                start_price: 100,
                reserve: None,
                buy_it_now: None,
                days: 1,
                soft_close: false,
            },
            postage: "ems".into(),
            handling_days: 1,
            duty_paid: false,
            claimed_grade: ConditionGrade::Good,
            disclosed_faults: vec![0],
            states_import_charges: true,
        }),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..3 {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let sold = s
        .shop_desk()
        .shop()
        .and_then(|shop| shop.orders.first().map(|o| o.price));
    let need = s
        .shop_desk()
        .shop()
        .and_then(|shop| shop.listings.first().and_then(|l| l.break_even_at_listing));
    let (Some(price), Some(need)) = (sold, need) else {
        panic!("the lens sold at auction: {sold:?}, break-even {need:?}")
    };
    let criterion = Report::of(&s)
        .tasks
        .iter()
        .flat_map(|t| t.criteria.clone())
        .find(|c| c.id == "floor-respected")
        .unwrap_or_else(|| panic!("floor-respected"));
    assert!(
        price < need,
        "a one-day auction from 1.00 USD sells cheap: {price} against {need}"
    );
    assert_eq!(criterion.earned, 0);
    assert!(
        criterion.reason.en.starts_with("LENS-FD50 sold for"),
        "{}",
        criterion.reason.en
    );
}
