//! The negotiation engine: agreements respect both reservation values, the Pareto frontier and
//! Nash point match brute force, Boulware concedes less than Conceder early, runs are
//! reproducible from the seed, and the tournament command reports every pairing.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use tradeport::scenario::error::render_plain;
use tradeport::scenario::file::Side;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::negotiation::analysis::pareto_frontier;
use tradeport::sim::negotiation::tournament::{run_tournament, standard_roster};
use tradeport::sim::negotiation::{
    Agent, BidTable, Domain, Ending, IssueOptions, NegotiationCase, OutcomeSpace, Point, Preferences, Strategy,
    negotiate,
};

fn bundled_case() -> NegotiationCase {
    let s = load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    s.tasks()
        .iter()
        .find_map(|t| t.negotiation.clone())
        .unwrap_or_else(|| panic!("the B2B scenario has a negotiation"))
}

fn play(
    case: &NegotiationCase,
    seller: Strategy,
    buyer: Strategy,
    seed: u64,
) -> (Ending, Vec<tradeport::sim::negotiation::Offer>) {
    let mut s = Agent::new(
        Arc::new(BidTable::new(&case.domain, &case.seller)),
        seller,
        case.deadline_rounds,
    );
    let mut b = Agent::new(
        Arc::new(BidTable::new(&case.domain, &case.buyer)),
        buyer,
        case.deadline_rounds,
    );
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut history = Vec::new();
    let ending = negotiate(
        &mut s,
        &mut b,
        case.opener,
        case.deadline_rounds,
        &mut rng,
        &mut history,
    );
    (ending, history)
}

#[test]
fn agreements_always_lie_within_both_reservation_values() {
    let case = bundled_case();
    let mut agreements = 0;
    for seller in standard_roster() {
        for buyer in standard_roster() {
            for seed in 0..20 {
                let (ending, history) = play(&case, seller, buyer, seed);
                assert!(history.len() <= 2 * case.deadline_rounds as usize);
                if let Some(bid) = ending.agreement() {
                    agreements += 1;
                    let (us, ub) = (case.seller.utility(bid), case.buyer.utility(bid));
                    assert!(
                        us >= case.seller.reservation() && ub >= case.buyer.reservation(),
                        "{} vs {}: deal {} gives seller {us}, buyer {ub}",
                        seller.name(),
                        buyer.name(),
                        case.domain.describe(bid)
                    );
                    assert!(history.iter().any(|o| o.bid == bid), "the deal was offered by someone");
                }
            }
        }
    }
    assert!(agreements > 500, "most pairings agree: {agreements} of 720");
}

#[test]
fn boulware_concedes_less_than_conceder_in_the_first_half() {
    let case = bundled_case();
    let deadline = 20;
    let table = Arc::new(BidTable::new(&case.domain, &case.seller));
    let boulware = Agent::new(Arc::clone(&table), Strategy::TimeDependent { e_milli: 200 }, deadline);
    let conceder = Agent::new(Arc::clone(&table), Strategy::TimeDependent { e_milli: 5000 }, deadline);
    for round in 1..deadline / 2 {
        assert!(
            boulware.target(round) > conceder.target(round),
            "round {round}: Boulware {} vs Conceder {}",
            boulware.target(round),
            conceder.target(round)
        );
    }
    // And in play, against the same hard-headed buyer, Boulware's own offers stay higher.
    let buyer_table = Arc::new(BidTable::new(&case.domain, &case.buyer));
    let mean_first_half = |strategy: Strategy| {
        let mut s = Agent::new(Arc::clone(&table), strategy, deadline);
        let mut b = Agent::new(Arc::clone(&buyer_table), Strategy::HardHeaded, deadline);
        let mut history = Vec::new();
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        negotiate(&mut s, &mut b, Side::Seller, deadline, &mut rng, &mut history);
        let own: Vec<u32> = history
            .iter()
            .filter(|o| o.by == Side::Seller && o.round < deadline / 2)
            .map(|o| case.seller.utility(o.bid))
            .collect();
        own.iter().map(|u| u64::from(*u)).sum::<u64>() / own.len().max(1) as u64
    };
    let (b, c) = (
        mean_first_half(Strategy::TimeDependent { e_milli: 200 }),
        mean_first_half(Strategy::TimeDependent { e_milli: 5000 }),
    );
    assert!(b > c + 100_000, "Boulware's early offers average {b}, Conceder's {c}");
}

#[test]
fn the_same_seed_gives_the_same_history() {
    let case = bundled_case();
    let a = play(&case, Strategy::Random, Strategy::Random, 42);
    let b = play(&case, Strategy::Random, Strategy::Random, 42);
    assert_eq!(a, b);
    let others: Vec<_> = (43..50)
        .map(|seed| play(&case, Strategy::Random, Strategy::Random, seed).1)
        .collect();
    assert!(
        others.iter().any(|h| *h != a.1),
        "the random strategy does use the seed"
    );
    let t1 = run_tournament(&case, &standard_roster(), 20, None, 9);
    let t2 = run_tournament(&case, &standard_roster(), 20, None, 9);
    assert_eq!(t1, t2);
}

#[test]
fn tit_for_tat_answers_a_concession_with_a_concession() {
    let case = bundled_case();
    let mut buyer = Agent::new(
        Arc::new(BidTable::new(&case.domain, &case.buyer)),
        Strategy::TitForTat,
        10,
    );
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let seller_best = BidTable::new(&case.domain, &case.seller).best().1;
    let start = buyer.target(0);
    let _ = buyer.respond(Some(seller_best), 0, &mut rng);
    assert_eq!(buyer.target(1), start, "no concession yet, none given");
    // The seller now offers something the buyer likes 0.1 better: the buyer gives 0.1 back.
    let better = case
        .domain
        .all_bids()
        .into_iter()
        .find(|b| case.buyer.utility(*b) >= case.buyer.utility(seller_best) + 100_000)
        .unwrap_or_else(|| panic!("a better bid exists"));
    let gained = case.buyer.utility(better) - case.buyer.utility(seller_best);
    let _ = buyer.respond(Some(better), 1, &mut rng);
    assert_eq!(buyer.target(2), start - gained);
}

#[test]
fn tournament_reports_every_pairing_of_the_roster() {
    let case = bundled_case();
    let roster = standard_roster();
    let t = run_tournament(&case, &roster, 10, Some(12), 1);
    assert_eq!(t.pairs.len(), roster.len() * roster.len());
    assert_eq!(t.negotiations(), 10 * (roster.len() * roster.len()) as u64);
    assert_eq!(t.deadline_rounds, 12);
    let hard_both = t
        .pairs
        .iter()
        .find(|p| p.seller == Strategy::HardHeaded && p.buyer == Strategy::HardHeaded)
        .unwrap_or_else(|| panic!("pairing present"));
    assert_eq!(hard_both.agreements, 0, "two hard-heads never meet");
    let conceders = t
        .pairs
        .iter()
        .find(|p| p.seller == roster[2] && p.buyer == roster[2])
        .unwrap_or_else(|| panic!("pairing present"));
    assert_eq!(conceders.agreements, 10);
    assert!(conceders.mean_rounds() < 12.0 / 2.0, "conceders agree early");
}

/// A small random domain: 3 issues of 2–4 options, random weights and values for both sides.
fn small_case() -> impl Strategy2<Value = (Domain, Preferences, Preferences)> {
    (2usize..=4, 2usize..=4, 2usize..=4)
        .prop_flat_map(|(a, b, c)| {
            let values = move || {
                (
                    proptest::collection::vec(0u32..=1_000_000, a),
                    proptest::collection::vec(0u32..=1_000_000, b),
                    proptest::collection::vec(0u32..=1_000_000, c),
                )
            };
            (
                Just((a, b, c)),
                0u32..=10_000,
                0u32..=10_000,
                values(),
                values(),
                0u32..600_000,
                0u32..600_000,
            )
        })
        .prop_map(|((a, b, c), w1, w2, sv, bv, sr, br)| {
            let domain = Domain::new(vec![
                IssueOptions::Quantity((1..=a as u32).collect()),
                IssueOptions::DeliveryDays((1..=b as u32).collect()),
                IssueOptions::Quantity((10..10 + c as u32).collect()),
            ])
            .unwrap_or_else(|| panic!("small domain"));
            let weights = |w: u32| {
                let first = w / 2;
                [first, w - first, 10_000 - w]
            };
            let seller =
                Preferences::new(&domain, &weights(w1), &[sv.0, sv.1, sv.2], sr).unwrap_or_else(|| panic!("seller"));
            let buyer =
                Preferences::new(&domain, &weights(w2), &[bv.0, bv.1, bv.2], br).unwrap_or_else(|| panic!("buyer"));
            (domain, seller, buyer)
        })
}

use proptest::strategy::Strategy as Strategy2;

proptest! {
    #[test]
    fn pareto_frontier_and_nash_point_match_brute_force((domain, seller, buyer) in small_case()) {
        let space = OutcomeSpace::new(&domain, &seller, &buyer);
        let points: Vec<Point> = domain
            .all_bids()
            .into_iter()
            .map(|bid| Point { seller: seller.utility(bid), buyer: buyer.utility(bid), bid })
            .collect();
        // Brute force: a point is on the frontier when nothing dominates it.
        let dominated = |p: &Point| {
            points.iter().any(|q| q.seller >= p.seller && q.buyer >= p.buyer && (q.seller > p.seller || q.buyer > p.buyer))
        };
        let mut brute: Vec<Point> = points.iter().filter(|p| !dominated(p)).copied().collect();
        let mut engine = pareto_frontier(&points);
        brute.sort();
        engine.sort();
        prop_assert_eq!(&brute, &engine);
        let mut from_space = space.frontier.clone();
        from_space.sort();
        prop_assert_eq!(&brute, &from_space);
        // Brute force Nash: the largest product of gains over every deal, not just the frontier.
        let (rs, rb) = (seller.reservation(), buyer.reservation());
        let best = points
            .iter()
            .filter(|p| p.seller > rs && p.buyer > rb)
            .map(|p| u64::from(p.seller - rs) * u64::from(p.buyer - rb))
            .max();
        let engine_product = space.nash.map(|p| u64::from(p.seller - rs) * u64::from(p.buyer - rb));
        prop_assert_eq!(best, engine_product);
        if let Some(n) = space.nash {
            prop_assert!(space.is_pareto_optimal(n.bid));
            prop_assert_eq!(space.distance_to_frontier(n.seller, n.buyer), 0);
        }
    }
}

fn b2b_session(hotseat: bool) -> tradeport::sim::Session {
    let s = load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    if hotseat {
        tradeport::sim::Session::new_hotseat(Arc::new(s), Some(5))
    } else {
        tradeport::sim::Session::new(Arc::new(s), Some(5))
    }
}

/// The seller's options for a bid worth about `target` to the seller, closest to `near`.
fn seller_bid(case: &NegotiationCase, target: u32, near: Option<tradeport::sim::negotiation::Bid>) -> Vec<usize> {
    let bid = BidTable::new(&case.domain, &case.seller).bid_at(target, near);
    (0..case.domain.issues().len()).map(|i| bid.option(i)).collect()
}

#[test]
fn a_student_seller_concedes_step_by_step_and_closes_with_the_ai_buyer() {
    use tradeport::sim::negotiation::{TalkEvent, TalksEnding};
    use tradeport::sim::{Command, Event};
    let mut session = b2b_session(false);
    let task = "negotiate-deal".to_string();
    let case = session
        .talks_desk()
        .talks(&task)
        .map(|t| t.case().clone())
        .unwrap_or_else(|| panic!("talks open"));
    assert_eq!(
        session.talks_desk().talks(&task).map(|t| t.offers().len()),
        Some(0),
        "the student quotes first"
    );
    // Concede in shrinking steps from the best deal towards the reservation value.
    let targets = [1_000_000, 850_000, 760_000, 700_000, 660_000, 640_000];
    let mut agreed = false;
    for target in targets {
        let near = session
            .talks_desk()
            .talks(&task)
            .and_then(|t| t.on_table().map(|o| o.bid));
        let options = seller_bid(&case, target, near);
        let events = session
            .apply(Command::MakeOffer {
                task: task.clone(),
                options,
                note: "We can ship within 45 days.".to_string(),
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            &events[0],
            Event::Negotiation {
                event: TalkEvent::OfferMade { by: Side::Seller, .. },
                ..
            }
        ));
        let talks = session.talks_desk().talks(&task).unwrap_or_else(|| panic!("talks"));
        match talks.ending() {
            Some(TalksEnding::Agreed {
                by: Side::Buyer, bid, ..
            }) => {
                assert!(case.buyer.utility(bid) >= case.buyer.reservation());
                agreed = true;
                break;
            }
            Some(other) => panic!("unexpected ending {other:?}"),
            None => {
                // The AI countered: its offer is on the table for the student.
                let counter = talks.on_table().unwrap_or_else(|| panic!("a counter-offer"));
                assert_eq!(counter.by, Side::Buyer);
            }
        }
    }
    if !agreed {
        // Take the buyer's last counter-offer if it beats walking away.
        let on_table = session
            .talks_desk()
            .talks(&task)
            .and_then(|t| t.on_table().map(|o| o.bid));
        let bid = on_table.unwrap_or_else(|| panic!("an offer on the table"));
        assert!(
            case.seller.utility(bid) >= case.seller.reservation(),
            "the AI stays reasonable"
        );
        session
            .apply(Command::AcceptOffer { task: task.clone() })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let talks = session.talks_desk().talks(&task).unwrap_or_else(|| panic!("talks"));
    let review = talks.review();
    let (us, ub) = (review.seller_utility.unwrap_or(0), review.buyer_utility.unwrap_or(0));
    assert!(us >= case.seller.reservation() && ub >= case.buyer.reservation());
    assert!(review.to_frontier.is_some() && review.to_nash.is_some());
    // Over: no more moves; the strategy guess is graded once.
    let before = session.talks_desk().talks(&task).map(|t| t.offers().len());
    assert!(session.apply(Command::WalkAway { task: task.clone() }).is_err());
    assert_eq!(session.talks_desk().talks(&task).map(|t| t.offers().len()), before);
    let events = session
        .apply(Command::GuessStrategy {
            task: task.clone(),
            guess: tradeport::scenario::file::ConcessionStrategy::Boulware,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        events,
        vec![Event::StrategyGuessed {
            task: task.clone(),
            correct: true
        }]
    );
    assert!(
        session
            .apply(Command::GuessStrategy {
                task,
                guess: tradeport::scenario::file::ConcessionStrategy::Linear,
            })
            .is_err(),
        "one guess only"
    );
}

#[test]
fn a_bad_offer_changes_nothing_and_the_deadline_is_enforced() {
    use tradeport::sim::Command;
    let mut session = b2b_session(false);
    let task = "negotiate-deal".to_string();
    let case = session
        .talks_desk()
        .talks(&task)
        .map(|t| t.case().clone())
        .unwrap_or_else(|| panic!("talks"));
    let bad = session.apply(Command::MakeOffer {
        task: task.clone(),
        options: vec![99, 0, 0, 0],
        note: String::new(),
    });
    assert!(bad.is_err());
    assert_eq!(session.talks_desk().talks(&task).map(|t| t.offers().len()), Some(0));
    assert!(
        session.apply(Command::AcceptOffer { task: task.clone() }).is_err(),
        "nothing to accept yet"
    );
    // Hold out at the best deal every round: the Boulware buyer never accepts it, and after the
    // last round the student can only accept or walk away.
    let best = seller_bid(&case, 1_000_000, None);
    for _ in 0..case.deadline_rounds {
        session
            .apply(Command::MakeOffer {
                task: task.clone(),
                options: best.clone(),
                note: String::new(),
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let talks = session.talks_desk().talks(&task).unwrap_or_else(|| panic!("talks"));
    assert_eq!(talks.offers_left(Side::Seller), 0);
    assert!(talks.ending().is_none(), "the buyer's last counter waits for an answer");
    let more = session.apply(Command::MakeOffer {
        task: task.clone(),
        options: best,
        note: String::new(),
    });
    assert!(matches!(
        more,
        Err(tradeport::sim::RuleError::Talks(
            tradeport::sim::negotiation::TalkError::NoOffersLeft(Side::Seller)
        ))
    ));
    session
        .apply(Command::WalkAway { task: task.clone() })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        session.talks_desk().talks(&task).and_then(|t| t.ending()),
        Some(tradeport::sim::negotiation::TalksEnding::Broken { by: Side::Seller, .. })
    ));
}

#[test]
fn in_hotseat_mode_two_students_take_turns() {
    use tradeport::sim::Command;
    let mut session = b2b_session(true);
    let task = "negotiate-deal".to_string();
    let talks = session.talks_desk().talks(&task).unwrap_or_else(|| panic!("talks"));
    assert!(talks.is_hotseat());
    assert_eq!(talks.to_move(), Some(Side::Seller));
    let offer = |session: &mut tradeport::sim::Session, options: Vec<usize>| {
        session
            .apply(Command::MakeOffer {
                task: task.clone(),
                options,
                note: String::new(),
            })
            .unwrap_or_else(|e| panic!("{e}"))
    };
    offer(&mut session, vec![18, 2, 0, 0]);
    assert_eq!(
        session.talks_desk().talks(&task).and_then(|t| t.to_move()),
        Some(Side::Buyer),
        "no AI answered"
    );
    offer(&mut session, vec![4, 2, 2, 3]);
    assert_eq!(
        session.talks_desk().talks(&task).and_then(|t| t.to_move()),
        Some(Side::Seller)
    );
    session
        .apply(Command::AcceptOffer { task: task.clone() })
        .unwrap_or_else(|e| panic!("{e}"));
    let talks = session.talks_desk().talks(&task).unwrap_or_else(|| panic!("talks"));
    assert!(matches!(
        talks.ending(),
        Some(tradeport::sim::negotiation::TalksEnding::Agreed { by: Side::Seller, .. })
    ));
    assert!(
        session
            .apply(Command::GuessStrategy {
                task,
                guess: tradeport::scenario::file::ConcessionStrategy::Boulware,
            })
            .is_err(),
        "no AI to guess in hotseat mode"
    );
}

#[test]
fn letters_name_the_terms_and_what_changed() {
    use tradeport::sim::negotiation::letter::{Correspondents, offer_letter};
    let case = bundled_case();
    let first = case.domain.bid(&[18, 2, 0, 0]).unwrap_or_else(|| panic!("bid"));
    let counter = case.domain.bid(&[10, 2, 0, 2]).unwrap_or_else(|| panic!("bid"));
    let who = Correspondents {
        sender: "Katrin Vogel",
        sender_company: "Nordkontor Mode GmbH",
        recipient: "Wang Li, Hangzhou West Lake Silk Garments Co., Ltd.",
    };
    let text = offer_letter(
        &case.domain,
        Side::Buyer,
        counter,
        Some(first),
        "Can you do better?",
        who,
    );
    assert!(text.starts_with("Dear Wang Li,"), "{text}");
    assert!(text.contains("We can agree to your quantity and Incoterm"), "{text}");
    assert!(text.contains("Unit price: 28.00 EUR per piece  (changed)"), "{text}");
    assert!(text.contains("Payment: L/C at sight  (changed)"), "{text}");
    assert!(text.contains("Incoterm: FCA (Incoterms 2020)\n"), "{text}");
    assert!(
        text.contains("Can you do better?") && text.ends_with("Nordkontor Mode GmbH"),
        "{text}"
    );
}

#[test]
fn an_agreement_becomes_a_sales_contract_with_the_agreed_terms() {
    use tradeport::scenario::file::{Incoterm, PaymentTerm};
    use tradeport::sim::{Command, Event};
    let mut session = b2b_session(false);
    let task = "negotiate-deal".to_string();
    // €28.00, 2,400 pcs, CIP, L/C at sight: good for both sides.
    session
        .apply(Command::MakeOffer {
            task: task.clone(),
            options: vec![10, 2, 3, 2],
            note: String::new(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let events = if session.talks_desk().talks(&task).and_then(|t| t.ending()).is_none() {
        session
            .apply(Command::AcceptOffer { task: task.clone() })
            .unwrap_or_else(|e| panic!("{e}"))
    } else {
        Vec::new()
    };
    let contract = session
        .talks_desk()
        .contract(&task)
        .unwrap_or_else(|| panic!("a contract after the deal"));
    if !events.is_empty() {
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::ContractSigned { number, .. } if *number == contract.number))
        );
    }
    let bid = match session.talks_desk().talks(&task).and_then(|t| t.ending()) {
        Some(tradeport::sim::negotiation::TalksEnding::Agreed { bid, .. }) => bid,
        other => panic!("agreed, not {other:?}"),
    };
    let case = session
        .talks_desk()
        .talks(&task)
        .map(|t| t.case().clone())
        .unwrap_or_else(|| panic!("talks"));
    let prices = match &case.domain.issues()[0] {
        tradeport::sim::negotiation::IssueOptions::UnitPrice { prices, .. } => prices.clone(),
        other => panic!("price first, not {other:?}"),
    };
    assert_eq!(contract.unit_price.minor, prices[bid.option(0)]);
    assert_eq!(contract.unit_price.currency.as_str(), "EUR");
    assert_eq!(contract.quantity, [1200, 1800, 2400, 3000][bid.option(1)]);
    assert_eq!(
        contract.incoterm,
        Some([Incoterm::FCA, Incoterm::FOB, Incoterm::CIF, Incoterm::CIP][bid.option(2)])
    );
    assert_eq!(
        contract.amount().minor,
        contract.unit_price.minor * i64::from(contract.quantity)
    );
    assert_eq!(contract.seller, "Hangzhou West Lake Silk Garments Co., Ltd.");
    assert!(contract.buyer.contains("Nordkontor"));
    assert_eq!(contract.sku, "SB-6206-IVY");
    assert_eq!(contract.port_of_loading, "Ningbo, China");
    assert_eq!(contract.signed_on.to_string(), "2026-03-02");
    assert_eq!(
        contract.latest_shipment.to_string(),
        "2026-04-16",
        "45 days after signing"
    );
    assert_eq!(contract.number, "SC20260302-01");
    match contract.payment {
        Some(PaymentTerm::LcAtSight) => {
            assert_eq!(
                contract.lc_expiry.map(|d| d.to_string()).as_deref(),
                Some("2026-05-07"),
                "21 days after the latest shipment"
            );
        }
        _ => assert_eq!(contract.lc_expiry, None),
    }
    // The contract criteria are scored from the contract, each with its reason.
    let report = tradeport::sim::Report::of(&session);
    let criterion = |id: &str| {
        report
            .tasks
            .iter()
            .flat_map(|t| t.criteria.clone())
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let closed = criterion("deal-closed");
    assert_eq!(closed.earned, closed.possible);
    assert_eq!(closed.reason.en, "contract SC20260302-01 signed on 2026-03-02");
    let incoterm = criterion("fca-for-container");
    let fca_family = matches!(contract.incoterm, Some(Incoterm::FCA | Incoterm::CPT | Incoterm::CIP));
    assert_eq!(incoterm.earned > 0, fca_family, "{}", incoterm.reason.en);
    let payment = criterion("secure-payment");
    assert_eq!(
        payment.earned > 0,
        matches!(
            contract.payment,
            Some(PaymentTerm::TtInAdvance | PaymentTerm::TtDeposit30 | PaymentTerm::LcAtSight)
        ),
        "{}",
        payment.reason.en
    );
    let margin = criterion("margin-kept");
    assert!(
        margin.reason.en.contains("at signing, against cost"),
        "{}",
        margin.reason.en
    );
}

/// A CIP, L/C-at-sight contract for 2,400 blouses at €28.00, signed 2026-03-02.
fn cip_lc_contract() -> (tradeport::sim::deal::SalesContract, tradeport::sim::scenario::Product) {
    use tradeport::sim::deal::{ContractParties, SalesContract};
    let s = load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    let case = bundled_case();
    let product = s
        .product("SB-6206-IVY")
        .cloned()
        .unwrap_or_else(|| panic!("the blouse"));
    let bid = case.domain.bid(&[10, 2, 3, 2]).unwrap_or_else(|| panic!("bid"));
    let contract = SalesContract::from_deal(
        "negotiate-deal",
        &case,
        bid,
        tradeport::sim::Date::parse("2026-03-02").unwrap_or_else(|e| panic!("{e}")),
        0,
        ContractParties {
            student_company: "Hangzhou West Lake Silk Garments Co., Ltd.",
            counterpart: "Nordkontor Mode GmbH",
            sku: &product.sku,
            description: &product.name.en,
            origin: &product.origin,
        },
    )
    .unwrap_or_else(|| panic!("a contract"));
    (contract, product)
}

fn day(text: &str) -> tradeport::sim::Date {
    tradeport::sim::Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn correct_documents_comply_and_each_seeded_discrepancy_is_caught() {
    use tradeport::sim::customs::declaration::Verdict;
    use tradeport::sim::deal::{CargoClauses, DocumentsForm, Freight, check_documents, model_documents};
    let (contract, product) = cip_lc_contract();
    assert_eq!(contract.amount().minor, 6_720_000, "2,400 × €28.00");
    let shipped = day("2026-04-10");
    let today = day("2026-04-15");
    let good = model_documents(&contract, &product, shipped);
    let check = check_documents(
        &contract,
        &product,
        &good,
        today,
        tradeport::sim::deal::ExportClearance::NotRequired,
        Some(shipped),
    );
    assert!(check.complies(), "{:?}", check.fields);
    // The B/L must follow the booked vessel, and there must be a booking.
    let other_vessel = check_documents(
        &contract,
        &product,
        &good,
        today,
        tradeport::sim::deal::ExportClearance::NotRequired,
        Some(day("2026-04-11")),
    );
    assert!(
        matches!(other_vessel.verdict("bl.on_board_date"), Some(Verdict::Wrong(m)) if crate::english(m).contains("sails on 2026-04-11")),
        "{:?}",
        other_vessel.verdict("bl.on_board_date")
    );
    let unbooked = check_documents(
        &contract,
        &product,
        &good,
        today,
        tradeport::sim::deal::ExportClearance::NotRequired,
        None,
    );
    assert!(
        matches!(unbooked.verdict("bl.on_board_date"), Some(Verdict::Wrong(m)) if crate::english(m).contains("book the container first")),
        "{:?}",
        unbooked.verdict("bl.on_board_date")
    );
    assert_eq!(good.insured_amount, "73920.00", "110% of the CIP value");

    type Seed = (&'static str, fn(&mut DocumentsForm), &'static str);
    let seeds: Vec<Seed> = vec![
        (
            "invoice.amount",
            |f| f.amount = "67300.00".into(),
            "not quantity × unit price",
        ),
        (
            "invoice.amount",
            |f| {
                f.unit_price = "28.50".into();
                f.amount = "68400.00".into();
            },
            "a bank may accept an invoice above the credit amount, but then pays no more than the credit allows",
        ),
        (
            "invoice.description",
            |f| f.description = "Silk shirts".into(),
            "art. 18(c)",
        ),
        ("invoice.quantity", |f| f.quantity = "2000".into(), "partial or excess"),
        (
            "invoice.unit_price",
            |f| f.unit_price = "27.50".into(),
            "contract price",
        ),
        ("invoice.currency", |f| f.currency = "USD".into(), "EUR"),
        (
            "invoice.incoterm",
            |f| f.incoterm = Some(tradeport::scenario::file::Incoterm::FOB),
            "conflicts",
        ),
        (
            "packing.gross_kg",
            |f| f.gross_kg = "400.000".into(),
            "gross weight includes the packing",
        ),
        ("packing.net_kg", |f| f.net_kg = "450.000".into(), "pieces ×"),
        (
            "bl.on_board_date",
            |f| f.on_board_date = "2026-04-20".into(),
            "after today",
        ),
        (
            "bl.port_of_discharge",
            |f| f.port_of_discharge = "Rotterdam".into(),
            "Hamburg",
        ),
        (
            "bl.on_board_date",
            |f| f.on_board_date = "2026-03-04".into(),
            "before the goods are ready on 2026-03-06",
        ),
        (
            "bl.freight",
            |f| f.freight = Some(Freight::Collect),
            "freight is prepaid",
        ),
        ("insurance.amount", |f| f.insured_amount = "67200.00".into(), "110%"),
        (
            "insurance.date",
            |f| f.insurance_date = "2026-04-11".into(),
            "art. 28(e)",
        ),
        ("insurance.clauses", |f| f.clauses = Some(CargoClauses::C), "(A)"),
        (
            "insurance.currency",
            |f| f.insurance_currency = "CNY".into(),
            "art. 28(f)(i)",
        ),
        ("origin.country", |f| f.origin = "VN".into(), "CN"),
    ];
    let variables = crate::said::variables();
    for (field, seed, why) in seeds {
        let mut form = good.clone();
        seed(&mut form);
        let check = check_documents(
            &contract,
            &product,
            &form,
            today,
            tradeport::sim::deal::ExportClearance::NotRequired,
            tradeport::sim::Date::parse(&form.on_board_date).ok(),
        );
        match check.verdict(field) {
            Some(Verdict::Wrong(said)) => {
                let problems = crate::said::problems(said, &variables);
                assert!(problems.is_empty(), "{field}: {problems:?}");
                let message = crate::english(said);
                assert!(message.contains(why), "{field}: {message}")
            }
            other => panic!("{field} should be wrong, got {other:?}"),
        }
        assert!(!check.complies(), "{field}");
    }

    // Timing: shipped after the latest shipment date, and presented too late.
    let mut late = model_documents(&contract, &product, day("2026-04-20"));
    let check = check_documents(
        &contract,
        &product,
        &late,
        day("2026-04-25"),
        tradeport::sim::deal::ExportClearance::NotRequired,
        Some(day("2026-04-20")),
    );
    assert!(
        matches!(check.verdict("bl.on_board_date"), Some(Verdict::Wrong(m)) if crate::english(m).contains("latest shipment date 2026-04-16")),
        "{:?}",
        check.verdict("bl.on_board_date")
    );
    late = model_documents(&contract, &product, shipped);
    let check = check_documents(
        &contract,
        &product,
        &late,
        day("2026-05-02"),
        tradeport::sim::deal::ExportClearance::NotRequired,
        Some(shipped),
    );
    assert!(
        matches!(check.verdict("presentation"), Some(Verdict::Wrong(m)) if crate::english(m).contains("21 days")),
        "{:?}",
        check.verdict("presentation")
    );
}

#[test]
fn complying_documents_start_the_payment_the_contract_agreed() {
    use tradeport::sim::{Command, Event, RuleError};
    let mut session = b2b_session(false);
    let task = "negotiate-deal".to_string();
    let premature = session.apply(Command::PresentDocuments {
        task: task.clone(),
        form: Box::default(),
    });
    assert!(matches!(premature, Err(RuleError::NoContract(_))));
    session
        .apply(Command::MakeOffer {
            task: task.clone(),
            options: vec![10, 2, 3, 2],
            note: String::new(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    if session.talks_desk().talks(&task).and_then(|t| t.ending()).is_none() {
        session
            .apply(Command::AcceptOffer { task: task.clone() })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let contract = session
        .talks_desk()
        .contract(&task)
        .cloned()
        .unwrap_or_else(|| panic!("contract"));
    let product = session
        .scenario()
        .product(&contract.sku)
        .cloned()
        .unwrap_or_else(|| panic!("product"));
    // The export declaration now follows the contract; documents before release are refused.
    let case = session
        .customs_desk()
        .declaration_case("export-declaration")
        .unwrap_or_else(|| panic!("the export declaration"));
    assert_eq!(case.contract_no, contract.number);
    assert_eq!(case.lines.len(), 1);
    assert_eq!(case.lines[0].quantity, contract.quantity);
    assert_eq!(case.lines[0].unit_price, contract.unit_price.minor);
    assert_eq!(Some(case.incoterm), contract.incoterm);
    let early = tradeport::sim::deal::model_documents(&contract, &product, session.date());
    let events = session
        .apply(Command::PresentDocuments {
            task: task.clone(),
            form: Box::new(early),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(
            events[0],
            Event::DocumentsChecked {
                complied: false,
                discrepancies: 1,
                ..
            }
        ),
        "{events:?}"
    );
    let form = tradeport::sim::customs::declaration::model_answer(&case, session.scenario().products());
    session
        .apply(Command::SubmitDeclaration {
            task: "export-declaration".to_string(),
            form: Box::new(form),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    while session.date() < contract.goods_ready {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    session
        .apply(Command::BookShipment { task: task.clone() })
        .unwrap_or_else(|e| panic!("{e}"));
    let sailing = session
        .documents_desk()
        .booked_sailing(&task)
        .unwrap_or_else(|| panic!("booked"));
    while (session.customs_desk().released_on("export-declaration").is_none() || session.date() < sailing)
        && !session.is_finished()
    {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(session.date(), sailing, "released before the vessel sails");
    assert!(
        session.customs_desk().released_on("export-declaration").is_some(),
        "the correct declaration clears"
    );
    // Bad documents first: refused, nothing paid.
    let cash_before = session.world().net_cash_in_home();
    let mut bad = tradeport::sim::deal::model_documents(&contract, &product, session.date());
    bad.origin = "VN".into();
    let events = session
        .apply(Command::PresentDocuments {
            task: task.clone(),
            form: Box::new(bad),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        events[0],
        Event::DocumentsChecked {
            complied: false,
            discrepancies: 1,
            ..
        }
    ));
    assert_eq!(session.world().net_cash_in_home(), cash_before);
    let rate = session
        .world()
        .rate(contract.unit_price.currency)
        .unwrap_or_else(|| panic!("EUR rate"));
    // Corrected: they comply. This deal ended on D/A 60 days (Nordkontor's counter-offer was
    // accepted), so the buyer accepts the draft and pays 60 days later, after this scenario.
    assert_eq!(
        contract.payment,
        Some(tradeport::scenario::file::PaymentTerm::DocumentsAgainstAcceptance)
    );
    let good = tradeport::sim::deal::model_documents(&contract, &product, session.date());
    let events = session
        .apply(Command::PresentDocuments {
            task: task.clone(),
            form: Box::new(good.clone()),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let due = events
        .iter()
        .find_map(|e| match e {
            Event::PaymentScheduled { amount, day, .. } => Some((*amount, *day)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("a draft falling due: {events:?}"));
    assert_eq!(due, (contract.amount(), session.day() + 60));
    assert!(
        !events.iter().any(|e| matches!(e, Event::PaymentReceived { .. })),
        "no cash yet"
    );
    assert_eq!(session.world().net_cash_in_home(), cash_before);
    let sheet = session
        .documents_desk()
        .profit_sheet(&task)
        .unwrap_or_else(|| panic!("the scenario states the costs"));
    assert!(!sheet.paid, "the proceeds are still a receivable");
    assert_eq!(
        sheet.lines[0].1.minor,
        tradeport::sim::money::convert(contract.amount().minor, 2, rate, 2),
        "valued at today's rate, {rate} CNY per EUR"
    );
    assert!(matches!(
        session.apply(Command::PresentDocuments {
            task,
            form: Box::new(good)
        }),
        Err(RuleError::AlreadyPaid(_))
    ));
}

#[test]
fn the_profit_sheet_adds_up_a_cip_deal_by_hand() {
    use std::collections::BTreeMap;
    use tradeport::sim::deal::{DealCosts, ProfitLine, SheetRates, profit_sheet};
    use tradeport::sim::{BasisPoints, CurrencyCode, Micros, Money};
    let (mut contract, product) = cip_lc_contract();
    let cny = CurrencyCode::parse("CNY").unwrap_or_else(|| panic!("CNY"));
    let eur = CurrencyCode::parse("EUR").unwrap_or_else(|| panic!("EUR"));
    let usd = CurrencyCode::parse("USD").unwrap_or_else(|| panic!("USD"));
    let costs = DealCosts {
        inland: Money::new(280_000, cny, 2),
        freight: Money::new(165_000, usd, 2),
        insurance_rate: BasisPoints(15),
        bank_charges: BasisPoints(20),
        vat_rate: BasisPoints(1300),
        vat_rebate: BasisPoints(1300),
    };
    let rates = BTreeMap::from([(eur, Micros(8_250_000)), (usd, Micros(7_180_000))]);
    contract.rate_on_signing = Some(Micros(8_300_000));
    let sheet = profit_sheet(
        &contract,
        &costs,
        product.unit_cost,
        SheetRates {
            home: cny,
            home_exponent: 2,
            today: &rates,
            received: None,
        },
    );
    let line = |k: ProfitLine| {
        sheet
            .lines
            .iter()
            .find(|(l, _)| *l == k)
            .map_or(i64::MIN, |(_, m)| m.minor)
    };
    // €67,200 at ¥8.25 = ¥554,400.00; at signing (¥8.30) it was worth ¥557,760.00.
    assert_eq!(line(ProfitLine::Proceeds), 55_440_000);
    assert_eq!(line(ProfitLine::FxResult), -336_000, "the euro fell since signing");
    // 2,400 × ¥168 = ¥403,200; rebate 13% of ¥403,200 / 1.13 = 13% of ¥356,814.16 = ¥46,385.84.
    assert_eq!(line(ProfitLine::GoodsCost), -40_320_000);
    assert_eq!(line(ProfitLine::VatRebate), 4_638_584);
    assert_eq!(line(ProfitLine::Inland), -280_000);
    // CIP: the seller pays USD 1,650 freight (¥11,847.00) and insures 110%: €73,920 × 0.15%
    // = €110.88 = ¥914.76.
    assert_eq!(line(ProfitLine::Freight), -1_184_700);
    assert_eq!(line(ProfitLine::Insurance), -91_476);
    // Bank charges 0.2% of ¥554,400 = ¥1,108.80.
    assert_eq!(line(ProfitLine::BankCharges), -110_880);
    assert_eq!(sheet.profit.minor, 18_091_528, "¥180,915.28");
    assert_eq!(sheet.margin, BasisPoints(3263), "32.63% of the proceeds");
    assert!(!sheet.paid);
    // Under FCA the buyer pays freight and insurance: those lines are zero.
    contract.incoterm = Some(tradeport::scenario::file::Incoterm::FCA);
    let fca = profit_sheet(
        &contract,
        &costs,
        product.unit_cost,
        SheetRates {
            home: cny,
            home_exponent: 2,
            today: &rates,
            received: None,
        },
    );
    let fca_line = |k: ProfitLine| {
        fca.lines
            .iter()
            .find(|(l, _)| *l == k)
            .map_or(i64::MIN, |(_, m)| m.minor)
    };
    assert_eq!(fca_line(ProfitLine::Freight), 0);
    assert_eq!(fca_line(ProfitLine::Insurance), 0);
    assert_eq!(fca.profit.minor, 18_091_528 + 1_184_700 + 91_476);
}

/// The whole B2B deal, headless: read the inquiry, negotiate, sign, declare for export, wait for
/// release, present the documents, get paid and read the profit sheet.
#[test]
fn a_full_deal_from_inquiry_to_payment() {
    use tradeport::sim::negotiation::TalksEnding;
    use tradeport::sim::{Command, Event};
    let mut session = b2b_session(false);
    let task = "negotiate-deal".to_string();
    // 1. The inquiry is in the inbox.
    let inquiry = session
        .world()
        .inbox()
        .iter()
        .find(|m| m.from.as_deref() == Some("nordkontor"))
        .map(|m| m.id)
        .unwrap_or_else(|| panic!("Nordkontor's inquiry"));
    session
        .apply(Command::MarkRead(inquiry))
        .unwrap_or_else(|e| panic!("{e}"));
    // 2. Offers conceding in shrinking steps; accept the buyer's last counter if it is good enough.
    let case = session
        .talks_desk()
        .talks(&task)
        .map(|t| t.case().clone())
        .unwrap_or_else(|| panic!("talks"));
    for target in [1_000_000, 850_000, 760_000, 700_000, 660_000, 640_000] {
        let Some(talks) = session.talks_desk().talks(&task) else {
            break;
        };
        if talks.ending().is_some() || talks.offers_left(Side::Seller) == 0 {
            break;
        }
        let near = talks.on_table().map(|o| o.bid);
        session
            .apply(Command::MakeOffer {
                task: task.clone(),
                options: seller_bid(&case, target, near),
                note: "Price includes export packing.".to_string(),
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    if session.talks_desk().talks(&task).and_then(|t| t.ending()).is_none() {
        session
            .apply(Command::AcceptOffer { task: task.clone() })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(matches!(
        session.talks_desk().talks(&task).and_then(|t| t.ending()),
        Some(TalksEnding::Agreed { .. })
    ));
    // 3. The contract, and the export declaration that follows it.
    let contract = session
        .talks_desk()
        .contract(&task)
        .cloned()
        .unwrap_or_else(|| panic!("contract"));
    let case = session
        .customs_desk()
        .declaration_case("export-declaration")
        .unwrap_or_else(|| panic!("declaration"));
    let form = tradeport::sim::customs::declaration::model_answer(&case, session.scenario().products());
    session
        .apply(Command::SubmitDeclaration {
            task: "export-declaration".to_string(),
            form: Box::new(form),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    while session.date() < contract.goods_ready {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    session
        .apply(Command::BookShipment { task: task.clone() })
        .unwrap_or_else(|e| panic!("{e}"));
    let sailing = session
        .documents_desk()
        .booked_sailing(&task)
        .unwrap_or_else(|| panic!("booked"));
    while (session.customs_desk().released_on("export-declaration").is_none() || session.date() < sailing)
        && !session.is_finished()
    {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(session.date(), sailing, "released before the vessel sails");
    // 4. Documents on the day after release, and payment.
    let product = session
        .scenario()
        .product(&contract.sku)
        .cloned()
        .unwrap_or_else(|| panic!("product"));
    let documents = tradeport::sim::deal::model_documents(&contract, &product, session.date());
    let events = session
        .apply(Command::PresentDocuments {
            task: task.clone(),
            form: Box::new(documents),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let rate = session
        .world()
        .rate(contract.unit_price.currency)
        .unwrap_or_else(|| panic!("EUR rate"));
    let settled = events
        .iter()
        .find_map(|e| match e {
            Event::PaymentReceived { amount, settled, .. } => Some((*amount, *settled)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("paid against the documents: {events:?}"));
    assert_eq!(
        settled.0,
        contract.amount(),
        "{:?} pays in full on the documents",
        contract.payment
    );
    assert_eq!(
        settled.1.minor,
        tradeport::sim::money::convert(contract.amount().minor, 2, rate, 2),
        "settled at today's rate, {rate} CNY per EUR"
    );
    // 5. The sheet and the timeline tell the story.
    let sheet = session
        .documents_desk()
        .profit_sheet(&task)
        .unwrap_or_else(|| panic!("sheet"));
    assert!(
        sheet.paid && sheet.profit.minor > 0,
        "a sensible deal makes money: {sheet:?}"
    );
    let kinds: Vec<&str> = session
        .timeline()
        .iter()
        .filter_map(|(_, e)| match e {
            Event::ContractSigned { .. } => Some("contract"),
            Event::DeclarationChecked { cleared: true, .. } => Some("declared"),
            Event::GoodsReleased { .. } => Some("released"),
            Event::DocumentsChecked { complied: true, .. } => Some("documents"),
            Event::PaymentReceived { .. } => Some("paid"),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["contract", "declared", "released", "documents", "paid"]);
}

#[test]
fn a_counterpart_left_waiting_too_long_walks_away_and_reputation_suffers() {
    use tradeport::sim::negotiation::TalksEnding;
    use tradeport::sim::{Command, Event};
    let mut session = b2b_session(false);
    let task = "negotiate-deal".to_string();
    session
        .apply(Command::MakeOffer {
            task: task.clone(),
            options: vec![18, 2, 0, 0],
            note: String::new(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        session.talks_desk().talks(&task).and_then(|t| t.on_table()).is_some(),
        "Nordkontor countered"
    );
    // The inquiry is answered, so only the silence in the talks counts here.
    let choices = session
        .letters_desk()
        .letter_options("reply-inquiry")
        .iter()
        .map(|(_, _, list)| {
            list.iter()
                .position(|s| s.verdict == tradeport::sim::c2c::Verdict::Right)
        })
        .collect();
    session
        .apply(Command::ReplyToLetter {
            task: "reply-inquiry".into(),
            choices,
            note: "Dear Ms Vogel, thank you. Best regards, Wang Li".into(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let reputation = session.world().reputation();
    // Nordkontor waits 2 days for a reply; on the third day without one it gives up.
    for _ in 0..2 {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            session.talks_desk().talks(&task).and_then(|t| t.ending()).is_none(),
            "still waiting"
        );
    }
    let events = session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        session.talks_desk().talks(&task).and_then(|t| t.ending()),
        Some(TalksEnding::Broken { by: Side::Buyer, .. })
    ));
    assert!(events.iter().any(|e| matches!(e, Event::ReputationChanged { .. })));
    assert_eq!(session.world().reputation(), reputation - 5);
    assert!(session.talks_desk().contract(&task).is_none());
}

#[test]
fn each_payment_term_has_its_schedule() {
    use tradeport::scenario::file::PaymentTerm;
    use tradeport::sim::BasisPoints;
    let (mut contract, _) = cip_lc_contract();
    let schedule = |c: &tradeport::sim::deal::SalesContract| {
        let s = c.payment_schedule();
        (s.at_signing, s.on_documents, s.deferred_days)
    };
    for (term, expected) in [
        (PaymentTerm::TtInAdvance, (BasisPoints(10_000), BasisPoints(0), None)),
        (PaymentTerm::TtDeposit30, (BasisPoints(3_000), BasisPoints(7_000), None)),
        (PaymentTerm::LcAtSight, (BasisPoints(0), BasisPoints(10_000), None)),
        (
            PaymentTerm::DocumentsAgainstPayment,
            (BasisPoints(0), BasisPoints(10_000), None),
        ),
        (
            PaymentTerm::DocumentsAgainstAcceptance,
            (BasisPoints(0), BasisPoints(0), Some(60)),
        ),
    ] {
        contract.payment = Some(term);
        assert_eq!(schedule(&contract), expected, "{term:?}");
    }
}

/// Plays the seller's offers in a hotseat negotiation, the buyer answering with the same
/// low counter-offer each time, and scores the process criteria.
fn process_criteria(
    seller_offers: &[[usize; 4]],
) -> (
    tradeport::sim::report::CriterionResult,
    tradeport::sim::report::CriterionResult,
) {
    use tradeport::sim::Command;
    let mut session = b2b_session(true);
    let task = "negotiate-deal".to_string();
    for (i, offer) in seller_offers.iter().enumerate() {
        if i > 0 {
            session
                .apply(Command::MakeOffer {
                    task: task.clone(),
                    options: vec![0, 2, 3, 4],
                    note: String::new(),
                })
                .unwrap_or_else(|e| panic!("buyer: {e}"));
        }
        session
            .apply(Command::MakeOffer {
                task: task.clone(),
                options: offer.to_vec(),
                note: String::new(),
            })
            .unwrap_or_else(|e| panic!("seller offer {}: {e}", i + 1));
    }
    let report = tradeport::sim::Report::of(&session);
    let criterion = |id: &str| {
        report
            .tasks
            .iter()
            .flat_map(|t| t.criteria.clone())
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    (criterion("room-to-concede"), criterion("shrinking-concessions"))
}

#[test]
fn the_negotiation_process_is_scored_from_the_students_own_offers() {
    // The seller's brief: price 50% (linear €23–32), quantity 15% (0.2/0.6/1.0/0.8),
    // Incoterm 10% (FCA 1.0), payment 25% (1.0/0.85/0.7/0.35/0.1).
    // €32, 1,800 pcs, FCA, L/C: 0.5 + 0.09 + 0.1 + 0.175 = 0.865.
    // €30, L/C → deposit: 0.3889 + 0.09 + 0.1 + 0.2125 = 0.791 (gives 0.074, asks a deposit).
    // €28.50, deposit → advance: 0.3056 + 0.09 + 0.1 + 0.25 = 0.746 (gives 0.046, asks T/T).
    let (room, shrink) = process_criteria(&[[18, 1, 0, 2], [14, 1, 0, 1], [11, 1, 0, 0]]);
    assert_eq!((room.earned, room.possible), (5, 5), "{}", room.reason.en);
    assert!(
        room.reason.en.contains("was worth 0.865 to you, against 0.850"),
        "{}",
        room.reason.en
    );
    assert_eq!(shrink.earned, 5, "{}", shrink.reason.en);
    assert_eq!(
        shrink.reason.en,
        "2 concession(s), each smaller than the last and traded for something"
    );
    assert!(shrink.rule.is_some() && shrink.hint.is_some());

    // A bigger second step: €30 → €27 (0.129 after 0.074).
    let (_, shrink) = process_criteria(&[[18, 1, 0, 2], [14, 1, 0, 1], [8, 1, 0, 0]]);
    assert_eq!(shrink.earned, 0);
    assert_eq!(shrink.reason.en, "offer 3 gave up 0.129 after 0.074 before");
    assert!(shrink.is_mistake());

    // A price cut with nothing asked back, from a low opening (0.643).
    let (room, shrink) = process_criteria(&[[10, 1, 0, 2], [9, 1, 0, 2]]);
    assert_eq!(room.earned, 0, "{}", room.reason.en);
    assert!(room.reason.en.contains("was worth 0.643"), "{}", room.reason.en);
    assert_eq!(shrink.reason.en, "offer 2 conceded without asking for anything back");
    assert_eq!(shrink.earned, 0);

    // One offer, then nothing: no concession to judge, no points.
    let (_, shrink) = process_criteria(&[[18, 1, 0, 2]]);
    assert_eq!(
        shrink.reason.en,
        "you made 1 offer(s) and no concession: there was nothing to judge"
    );
    assert_eq!(shrink.earned, 0);

    // Open high, then accept their first counter: one big concession, nothing traded.
    use tradeport::sim::Command;
    let mut s = b2b_session(true);
    let task = "negotiate-deal".to_string();
    for options in [vec![18, 1, 0, 2], vec![0, 2, 3, 4]] {
        s.apply(Command::MakeOffer {
            task: task.clone(),
            options,
            note: String::new(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    }
    s.apply(Command::AcceptOffer { task }).unwrap_or_else(|e| panic!("{e}"));
    let shrink = tradeport::sim::Report::of(&s)
        .tasks
        .iter()
        .flat_map(|t| t.criteria.clone())
        .find(|c| c.id == "shrinking-concessions")
        .unwrap_or_else(|| panic!("shrinking-concessions"));
    assert_eq!(shrink.earned, 0);
    assert!(
        shrink
            .reason
            .en
            .starts_with("you accepted their offer after 1 offer(s) of your own: one concession of"),
        "{}",
        shrink.reason.en
    );
}

#[test]
fn the_deal_its_documents_and_the_cash_gain_can_be_scored() {
    use tradeport::sim::grading::{Check, evaluate};
    use tradeport::sim::{Command, Money};
    let scenario = b2b_session(false).shared_scenario();
    let task = scenario
        .tasks()
        .iter()
        .find(|t| t.id == "negotiate-deal")
        .cloned()
        .unwrap_or_else(|| panic!("the deal"));
    let cny = |yuan: i64| Money::new(yuan * 100, scenario.home_currency(), 2);
    // The AI expert closes the deal, presents documents that comply and makes money.
    let run = tradeport::sim::expert::play(scenario.clone(), 7);
    let (ok, why) = evaluate(&run.session, &task, &Check::AgreedUtilityAtLeast { min: 500_000 });
    assert!(ok && why.en.starts_with("the deal (unit price"), "{why:?}");
    assert!(why.en.contains("against 0.500 wanted"), "{why:?}");
    assert!(
        why.zh.starts_with("成交条件（单价 30.50 EUR") && why.zh.contains("要求0.500"),
        "{why:?}"
    );
    let (ok, _) = evaluate(&run.session, &task, &Check::AgreedUtilityAtLeast { min: 999_999 });
    assert!(!ok, "no deal is worth 0.999999 to the seller");
    assert_eq!(
        {
            let (ok, why) = evaluate(&run.session, &task, &Check::DocumentsFirstTime);
            (ok, why.en)
        },
        (true, "the documents complied the first time".to_string()),
        "{:?}",
        evaluate(&run.session, &task, &Check::DocumentsFirstTime)
    );
    let (ok, why) = evaluate(&run.session, &task, &Check::CashGainAtLeast { amount: cny(1_000) });
    assert!(ok && why.en.contains("against 1,000.00 CNY wanted"), "{why:?}");
    // An idle run earns none of them, each with its reason.
    let mut idle = tradeport::sim::Session::new(scenario.clone(), Some(7));
    while !idle.is_finished() {
        idle.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let (ok, why) = evaluate(&idle, &task, &Check::AgreedUtilityAtLeast { min: 0 });
    assert_eq!(
        (ok, why.en.as_str(), why.zh.as_str()),
        (false, "no deal was agreed", "未达成交易")
    );
    let (ok, why) = evaluate(&idle, &task, &Check::DocumentsFirstTime);
    assert_eq!((ok, why.en.as_str()), (false, "no documents were presented"));
    let (ok, why) = evaluate(&idle, &task, &Check::CashGainAtLeast { amount: cny(1) });
    assert!(!ok, "{why:?}");
}

#[test]
fn an_inquiry_left_unanswered_sends_the_buyer_elsewhere() {
    use tradeport::sim::negotiation::TalksEnding;
    use tradeport::sim::{Command, Event};
    // No reply and no offer: on day 4 (two days after the inquiry's day) Nordkontor buys
    // elsewhere, and the reputation drops by 3.
    let mut session = b2b_session(false);
    let start = session.world().reputation();
    for _ in 0..2 {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            session
                .talks_desk()
                .talks("negotiate-deal")
                .and_then(|t| t.ending())
                .is_none()
        );
    }
    let events = session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        session.talks_desk().talks("negotiate-deal").and_then(|t| t.ending()),
        Some(TalksEnding::Broken { by: Side::Buyer, .. })
    ));
    assert!(events.iter().any(|e| matches!(
        e,
        Event::ReputationChanged { reason, .. }
            if reason.en.starts_with("the letter from Katrin Vogel") && reason.en.ends_with("went unanswered for 2 days")
    )));
    assert_eq!(session.world().reputation(), start - 3);
    // A late reply is still taken, and graded as late.
    let late = Command::ReplyToLetter {
        task: "reply-inquiry".into(),
        choices: vec![None; 5],
        note: String::new(),
    };
    assert!(session.apply(late).is_ok());

    // An offer already made keeps the talks open: only the reputation suffers.
    let mut session = b2b_session(false);
    session
        .apply(Command::MakeOffer {
            task: "negotiate-deal".into(),
            options: vec![18, 2, 0, 0],
            note: "Our offer, FCA Ningbo, Incoterms 2020.".into(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let start = session.world().reputation();
    for _ in 0..3 {
        session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    // (The counter-offer waits too: after 2 days Nordkontor also gives up on that, -5.)
    assert_eq!(session.world().reputation(), start - 3 - 5);
}

/// `BidTable::bid_at` against its definition, on the bundled B2B domain (ordinal price and
/// quantity, nominal Incoterm and payment): among the bids at the target (the lowest bid above
/// it and up to 15 more within 0.02 utility of it), the one nearest `near`, where an ordinal
/// issue counts FULL / (options − 1) per index step and a nominal one FULL per mismatch; the
/// first found wins a tie. Keeps the table-driven search (rows of distances looked up once per
/// call) equal to the plain rule.
#[test]
fn bid_at_is_the_nearest_bid_at_the_target_by_the_definition() {
    use tradeport::sim::negotiation::Bid;
    const FULL: u32 = 1_000_000;
    let case = bundled_case();
    let table = BidTable::new(&case.domain, &case.seller);
    let prefs = &case.seller;
    let issues = case.domain.issues();
    let distance = |a: Bid, b: Bid| -> u32 {
        issues
            .iter()
            .enumerate()
            .map(|(i, issue)| {
                let (x, y) = (a.option(i), b.option(i));
                match issue {
                    IssueOptions::Incoterm(_) | IssueOptions::Payment(_) => {
                        if x == y {
                            0
                        } else {
                            FULL
                        }
                    }
                    _ if issue.len() > 1 => FULL / (issue.len() as u32 - 1) * x.abs_diff(y) as u32,
                    _ => 0,
                }
            })
            .sum()
    };
    let mut sorted: Vec<(u32, Bid)> = case
        .domain
        .all_bids()
        .into_iter()
        .map(|b| (prefs.utility(b), b))
        .collect();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let bids: Vec<Bid> = case.domain.all_bids();
    assert!(bids.len() > 100, "a domain big enough to matter: {}", bids.len());
    let mut checked = 0;
    for &(target, _) in sorted.iter().step_by(7) {
        let above = sorted.iter().filter(|(u, _)| *u >= target).count();
        let (floor, first) = sorted[above - 1];
        for near in bids.iter().step_by(3) {
            let mut expected = first;
            let mut best = distance(first, *near);
            for &(u, bid) in sorted[..above - 1].iter().rev().take(15) {
                if u > floor + 20_000 || best == 0 {
                    break;
                }
                let d = distance(bid, *near);
                if d < best {
                    expected = bid;
                    best = d;
                }
            }
            assert_eq!(
                table.bid_at(target, Some(*near)),
                expected,
                "target {target}, near {near:?}"
            );
            checked += 1;
        }
        assert_eq!(
            table.bid_at(target, None),
            first,
            "no offer on the table: the lowest bid above target"
        );
    }
    assert!(checked > 1_000, "checked {checked} pairs");
}
