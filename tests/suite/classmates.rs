//! C2C between students (issue 19): two students' shops in one class market trade an item from
//! listing to feedback through the same haggling, proxy bidding and questions as the AI buyers,
//! the market's logs replay byte-identically, both reports verify, and a log missing one
//! student's move is refused.

use std::path::Path;
use std::sync::Arc;

use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::c2c::{
    BuyerMove, ClassmateTrade, ItemTerms, OfferReply, OrderStatus, PurchaseStatus, SaleFormat, Shop, ShopEvent,
};
use tradeport::sim::marketplace::SharedMarket;
use tradeport::sim::save::ReportFile;
use tradeport::sim::session::{Account, PlayMode};
use tradeport::sim::terms::{ConditionGrade, QuestionTopic};
use tradeport::sim::{Command, Event, RuleError, Scenario, Session};

const SEED: u64 = 19;
const MARKET: &str = "us-buyers";

fn scenario() -> Arc<Scenario> {
    let path = "scenarios/c2c-vintage-cameras.scenario.ron";
    Arc::new(load_scenario_file(Path::new(path)).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

/// The OM-1 listed honestly (both faults told, EMS, charges stated) in `format`.
fn list_camera(format: SaleFormat) -> Command {
    Command::ListItem {
        terms: Box::new(ItemTerms {
            market: MARKET.into(),
            sku: "CAM-OM1".into(),
            format,
            postage: "ems".into(),
            handling_days: 2,
            duty_paid: false,
            claimed_grade: ConditionGrade::VeryGood,
            disclosed_faults: vec![0, 1],
            states_import_charges: true,
        }),
    }
}

fn fixed_price(price: i64) -> SaleFormat {
    SaleFormat::FixedPrice {
        price,
        offers: true,
        auto_decline_below: None,
        auto_accept_from: None,
    }
}

fn buy(shop: u32, listing: u32, action: BuyerMove) -> Command {
    Command::BuyFromClassmate { shop, listing, action }
}

fn apply(market: &mut SharedMarket, store: usize, command: Command) {
    market
        .apply(store, command)
        .unwrap_or_else(|e| panic!("shop {store}: {e}"));
}

fn end_day(market: &mut SharedMarket) -> Vec<Vec<Event>> {
    market
        .end_day()
        .into_iter()
        .map(|day| day.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn shop(market: &SharedMarket, store: usize) -> &Shop {
    market.stores()[store]
        .shop_desk()
        .shop()
        .unwrap_or_else(|| panic!("a C2C shop"))
}

use crate::c2c::account_total as ledger;
use crate::shared_market::reports;

/// Shop 0 lists the OM-1 at $400 with offers; shop 1 offers $250, shop 0 counters $300,
/// shop 1 takes it, shop 0 posts it with a correct CN23, it arrives and shop 1 gives 5 stars;
/// then both play to the end.
fn two_students_trade() -> SharedMarket {
    let scenario = scenario();
    let mut market = SharedMarket::open(&scenario, 2, SEED, PlayMode::Practice);
    apply(&mut market, 0, list_camera(fixed_price(40_000)));
    end_day(&mut market);
    apply(&mut market, 1, buy(0, 0, BuyerMove::Offer { amount: 25_000 }));
    end_day(&mut market);
    let offer = shop(&market, 0)
        .offers
        .iter()
        .find(|o| o.classmate == Some(1))
        .map(|o| o.id)
        .unwrap_or_else(|| panic!("the classmate's offer reached the seller"));
    assert_eq!(
        shop(&market, 0).offer(offer).and_then(|o| o.haggle.offer()),
        Some(25_000)
    );
    apply(
        &mut market,
        0,
        Command::ReplyToOffer {
            offer,
            reply: OfferReply::Counter(30_000),
        },
    );
    // The counter waits for the classmate, not for an AI buyer's answer.
    let haggle = &shop(&market, 0).offers[offer.0 as usize].haggle;
    assert_eq!(haggle.counter_waiting(), Some(30_000));
    end_day(&mut market);
    apply(&mut market, 1, buy(0, 0, BuyerMove::Offer { amount: 30_000 }));
    end_day(&mut market);
    let order = shop(&market, 0)
        .orders
        .iter()
        .find(|o| o.classmate == Some(1))
        .unwrap_or_else(|| panic!("sold to the classmate"))
        .clone();
    assert_eq!(order.price, 30_000);
    assert_eq!(order.buyer, "Shop 2");
    let bought = &shop(&market, 1).bought;
    assert_eq!(bought.len(), 1, "the buyer's shop heard of the purchase");
    assert_eq!(bought[0].news.status, PurchaseStatus::AwaitingPost);
    assert!(ledger(&market.stores()[1], Account::Purchases) < 0, "the buyer paid");
    // The seller posts it with a correct CN23.
    let form = market.stores()[0]
        .shop_desk()
        .model_cn23(order.id)
        .unwrap_or_else(|| panic!("a model CN23"));
    apply(
        &mut market,
        0,
        Command::PostParcel {
            order: order.id,
            form: Box::new(form),
        },
    );
    // Days pass until it arrives; rating before that is refused.
    let mut days = 0;
    while shop(&market, 1).bought[0].news.status != PurchaseStatus::Delivered {
        let early = market.apply(1, Command::RateClassmate { purchase: 0, stars: 5 });
        assert!(early.is_err(), "rated before it arrived");
        end_day(&mut market);
        days += 1;
        assert!(days < 15, "the parcel never arrived");
    }
    let reputation = market.stores()[0].world().reputation();
    apply(&mut market, 1, Command::RateClassmate { purchase: 0, stars: 5 });
    assert!(
        market
            .apply(1, Command::RateClassmate { purchase: 0, stars: 4 })
            .is_err(),
        "rated twice"
    );
    end_day(&mut market);
    let seller_order = &shop(&market, 0).orders[order.id.0 as usize];
    assert_eq!(seller_order.status, OrderStatus::Delivered);
    assert_eq!(
        seller_order.feedback,
        Some(5),
        "the classmate's stars are the seller's feedback"
    );
    assert!(
        market.stores()[0].world().reputation() > reputation,
        "five stars lift the reputation"
    );
    while !market.stores().iter().all(Session::is_finished) {
        end_day(&mut market);
    }
    market
}

#[test]
fn two_students_trade_an_item_from_listing_to_feedback_and_both_reports_verify() {
    let scenario = scenario();
    let market = two_students_trade();
    // The seller was paid by the site (less its fee); the buyer paid the price and, at the
    // door, the import charges the listing told them of.
    assert!(ledger(&market.stores()[0], Account::Marketplace) > 0);
    let purchase = &shop(&market, 1).bought[0];
    assert_eq!(purchase.stars, Some(5));
    assert!(
        ledger(&market.stores()[1], Account::CustomsFees) <= 0,
        "charges are paid, never received"
    );
    assert_eq!(
        -ledger(&market.stores()[1], Account::CustomsFees) > 0,
        purchase.news.charges > 0,
        "what the news says was paid at the door is in the ledger"
    );
    // The logs replay byte-identically and both reports verify.
    let texts = reports(&market);
    let replayed =
        SharedMarket::replay(&scenario, SEED, PlayMode::Practice, &market.logs()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reports(&replayed), texts);
    for (i, text) in texts.iter().enumerate() {
        let file = ReportFile::parse(text).unwrap_or_else(|e| panic!("{e}"));
        let problems = file.verify(Arc::clone(&scenario)).unwrap_or_else(|e| panic!("{e}"));
        assert!(problems.is_empty(), "shop {i}: {problems:?}");
    }
    // Each shop followed from its own log alone (a student's PC) is the host's shop.
    for (i, host) in market.stores().iter().enumerate() {
        let mut alone = Session::start(Arc::clone(&scenario), Some(SEED), false);
        for (seat, command) in host.command_seats().iter().zip(host.commands()) {
            alone
                .apply_as(seat, command.clone())
                .unwrap_or_else(|e| panic!("shop {i}: {e}"));
        }
        assert_eq!(alone.world().cash(), host.world().cash(), "shop {i}");
        assert_eq!(
            alone.shop_desk().shop().map(|s| s.bought.len()),
            host.shop_desk().shop().map(|s| s.bought.len())
        );
    }
    // Without the buyer's acceptance in their log, the seller's sale is not believed.
    let mut logs = market.logs();
    let accepted = logs[1]
        .iter()
        .position(|c| {
            matches!(
                c,
                Command::BuyFromClassmate {
                    action: BuyerMove::Offer { amount: 30_000 },
                    ..
                }
            )
        })
        .unwrap_or_else(|| panic!("the acceptance is in the buyer's log"));
    logs[1].remove(accepted);
    assert!(SharedMarket::replay(&scenario, SEED, PlayMode::Practice, &logs).is_err());
    let mut forged = ReportFile::parse(&texts[0]).unwrap_or_else(|e| panic!("{e}"));
    if let Some(m) = forged.save.market.as_mut() {
        m.logs = logs;
    }
    assert!(
        forged.verify(Arc::clone(&scenario)).is_err(),
        "the seller's report without the buyer's move"
    );
}

#[test]
fn a_classmates_bid_joins_the_auction_through_proxy_bidding_and_questions_reach_the_seller() {
    let scenario = scenario();
    let mut market = SharedMarket::open(&scenario, 3, SEED, PlayMode::Practice);
    let auction = SaleFormat::Auction {
        start_price: 9_900,
        reserve: None,
        buy_it_now: None,
        days: 3,
        soft_close: false,
    };
    apply(&mut market, 0, list_camera(auction));
    end_day(&mut market);
    // Shop 2 asks first; shop 3 bids far above what the crowd pays; shop 2 bids on its own shop.
    apply(
        &mut market,
        1,
        buy(
            0,
            0,
            BuyerMove::Ask {
                topics: vec![QuestionTopic::ImportCharges],
                note: "Will I pay anything when it arrives in Ohio?".into(),
            },
        ),
    );
    apply(&mut market, 2, buy(0, 0, BuyerMove::Bid { max: 90_000 }));
    apply(&mut market, 1, buy(1, 0, BuyerMove::Bid { max: 20_000 }));
    end_day(&mut market);
    let question = shop(&market, 0)
        .questions
        .iter()
        .find(|q| q.classmate == Some(1))
        .unwrap_or_else(|| panic!("the classmate's question reached the seller"));
    assert_eq!(question.from, "Shop 2");
    assert_eq!(question.topics, vec![QuestionTopic::ImportCharges]);
    assert!(question.body.en.contains("Ohio"));
    // A move on one's own shop comes back with why.
    let told = market.stores()[1]
        .world()
        .inbox()
        .iter()
        .any(|m| m.subject.en.contains("Shop 2 could not take your move") && m.body.en.contains("your own shop"));
    assert!(told, "the buyer heard back why");
    let listing = &shop(&market, 0).listings[0];
    let classmate = listing
        .buyers
        .iter()
        .position(|b| b.classmate == Some(2))
        .unwrap_or_else(|| panic!("the classmate is one of the auction's bidders"));
    let max = listing
        .auction
        .as_ref()
        .and_then(|a| a.max_of(tradeport::sim::c2c::BidderId(classmate as u32)));
    assert_eq!(max, Some(90_000));
    // A bid below the minimum is refused at the seller and the buyer is told.
    apply(&mut market, 1, buy(0, 0, BuyerMove::Bid { max: 100 }));
    let day = end_day(&mut market);
    assert!(
        day[0]
            .iter()
            .any(|e| matches!(e, Event::Shop(ShopEvent::ClassmateMoveRefused { buyer: 1, .. }))),
        "{:?}",
        day[0]
    );
    while shop(&market, 0).listings[0]
        .auction
        .as_ref()
        .is_some_and(|a| a.result().is_none())
    {
        end_day(&mut market);
    }
    let order = shop(&market, 0)
        .orders
        .first()
        .unwrap_or_else(|| panic!("the auction sold"));
    assert_eq!(order.classmate, Some(2), "the highest maximum wins");
    assert!(
        order.price <= 90_000,
        "proxy bidding never charges more than the winner's maximum"
    );
    assert!(order.price >= 9_900);
    assert_eq!(shop(&market, 2).bought.len(), 1);
    assert_eq!(shop(&market, 2).bought[0].news.price, order.price);
}

#[test]
fn only_the_market_gives_classmates_trades_and_a_students_moves_are_bounded() {
    let scenario = scenario();
    let mut market = SharedMarket::open(&scenario, 2, SEED, PlayMode::Practice);
    let forged = Command::ClassmateTrades(vec![ClassmateTrade::Rated {
        buyer: 1,
        order: 0,
        stars: 5,
    }]);
    assert_eq!(market.apply(0, forged.clone()), Err(RuleError::SharedDay));
    let mut alone = Session::start(Arc::clone(&scenario), Some(SEED), false);
    assert!(
        alone.apply_as("company", forged).is_err(),
        "a student's seat cannot give it"
    );
    assert!(market.apply(1, buy(0, 0, BuyerMove::Bid { max: 0 })).is_err());
    assert!(market.apply(1, buy(0, 0, BuyerMove::Offer { amount: -5 })).is_err());
    let empty = BuyerMove::Ask {
        topics: vec![],
        note: String::new(),
    };
    assert!(market.apply(1, buy(0, 0, empty)).is_err());
    let long = BuyerMove::Ask {
        topics: vec![QuestionTopic::Size],
        note: "x".repeat(501),
    };
    assert!(market.apply(1, buy(0, 0, long)).is_err());
    for _ in 0..tradeport::sim::c2c::shop::MAX_BUYER_MOVES_PER_DAY {
        apply(&mut market, 1, buy(0, 0, BuyerMove::BuyNow));
    }
    assert!(
        market.apply(1, buy(0, 0, BuyerMove::BuyNow)).is_err(),
        "moves a day are bounded"
    );
    assert!(
        market
            .apply(1, Command::RateClassmate { purchase: 0, stars: 5 })
            .is_err()
    );
}

/// A class of the bundled C2C scenario: Li Na (shop 1) lists the OM-1 at $400 with offers;
/// Wang Wei (shop 2) follows it in his view. One class day is played.
pub(crate) fn c2c_class() -> tradeport::class::Class {
    use tradeport::class::{Class, Token};
    let mut class = Class::new(scenario());
    for (n, name) in [(1u8, "Li Na"), (2, "Wang Wei")] {
        class
            .join(name, &format!("202600{n}"), Token::from_bytes([n; 16]))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    class.start();
    class
        .submit(&student_token(1), "company", list_camera(fixed_price(40_000)))
        .unwrap_or_else(|e| panic!("{e}"));
    class_day(&mut class);
    class
}

pub(crate) fn student_token(n: u8) -> tradeport::class::Token {
    tradeport::class::Token::from_bytes([n; 16])
}

/// Both students end the day (the class's day ends with the second).
pub(crate) fn class_day(class: &mut tradeport::class::Class) {
    for n in [1, 2] {
        class
            .submit(&student_token(n), "company", Command::EndDay)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn two_students_trade_through_the_class_host_and_each_report_verifies() {
    let mut class = c2c_class();
    let view = class
        .view_for(&student_token(2))
        .and_then(|v| v.classmates)
        .unwrap_or_else(|| panic!("a C2C class shows the classmates' shops"));
    assert_eq!(view.own_shop, 1);
    assert_eq!(view.listings.len(), 1, "Li Na's camera, not his own shop");
    let listing = &view.listings[0];
    assert_eq!(listing.seller, "Shop 1 (Li Na)");
    assert_eq!(listing.price, "400.00 USD");
    assert_eq!(listing.faults_told.len(), 2);
    assert!(listing.auction.is_none() && listing.offers);
    // Li Na's own view lists nothing of hers.
    let hers = class.view_for(&student_token(1)).and_then(|v| v.classmates);
    assert_eq!(hers.map(|v| v.listings.len()), Some(0));
    // The host refuses a move on one's own shop or a listing that is not there, at once.
    for (shop, listing) in [(1, 0), (0, 7)] {
        let refused = class.submit(&student_token(2), "company", buy(shop, listing, BuyerMove::BuyNow));
        assert!(refused.is_err(), "shop {shop} listing {listing}");
    }
    // Wang Wei offers $250; Li Na counters $300 the next day; he accepts.
    class
        .submit(
            &student_token(2),
            "company",
            buy(0, 0, BuyerMove::Offer { amount: 25_000 }),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    class_day(&mut class);
    let offer = class.tables()[0]
        .session()
        .and_then(|s| s.shop_desk().shop())
        .and_then(|s| s.offers.iter().find(|o| o.classmate == Some(1)).map(|o| o.id))
        .unwrap_or_else(|| panic!("his offer reached her shop"));
    let reply = Command::ReplyToOffer {
        offer,
        reply: OfferReply::Counter(30_000),
    };
    class
        .submit(&student_token(1), "company", reply)
        .unwrap_or_else(|e| panic!("{e}"));
    let his = class.view_for(&student_token(2)).and_then(|v| v.classmates);
    let counter = his.and_then(|v| v.listings.first().and_then(|l| l.yours.counter.clone()));
    assert_eq!(
        counter,
        Some((30_000, "300.00 USD".to_string())),
        "he sees her counter at once"
    );
    class
        .submit(
            &student_token(2),
            "company",
            buy(0, 0, BuyerMove::Offer { amount: 30_000 }),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    class_day(&mut class);
    let order = class.tables()[0]
        .session()
        .and_then(|s| s.shop_desk().shop())
        .and_then(|s| s.orders.first().cloned())
        .unwrap_or_else(|| panic!("sold"));
    assert_eq!((order.classmate, order.price), (Some(1), 30_000));
    let form = class.tables()[0]
        .session()
        .and_then(|s| s.shop_desk().model_cn23(order.id))
        .unwrap_or_else(|| panic!("a CN23"));
    class
        .submit(
            &student_token(1),
            "company",
            Command::PostParcel {
                order: order.id,
                form: Box::new(form),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..15 {
        let purchases = class
            .view_for(&student_token(2))
            .and_then(|v| v.classmates)
            .map(|v| v.purchases)
            .unwrap_or_default();
        if purchases.first().is_some_and(|p| p.status == PurchaseStatus::Delivered) {
            break;
        }
        class_day(&mut class);
    }
    class
        .submit(
            &student_token(2),
            "company",
            Command::RateClassmate { purchase: 0, stars: 4 },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    class_day(&mut class);
    let feedback = class.tables()[0]
        .session()
        .and_then(|s| s.shop_desk().shop())
        .and_then(|s| s.orders.first().and_then(|o| o.feedback));
    assert_eq!(feedback, Some(4), "his stars are her feedback");
    let trades = class.classmate_trades().unwrap_or_default();
    assert_eq!(trades.len(), 1);
    assert_eq!(
        (
            trades[0].seller.as_str(),
            trades[0].buyer.as_str(),
            trades[0].price.as_str(),
            trades[0].stars
        ),
        ("Shop 1 (Li Na)", "Shop 2 (Wang Wei)", "300.00 USD", Some(4))
    );
    // A restarted host replays the class to the same record; every report verifies.
    let resumed = tradeport::class::Class::resume(scenario(), &class.record_text()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resumed.record(), class.record());
    class.end();
    let reports = class.collect_reports();
    assert_eq!(reports.len(), 2);
    for (student, report) in reports {
        let file = ReportFile::parse(&report.to_text()).unwrap_or_else(|e| panic!("{e}"));
        let problems = file
            .verify(scenario())
            .unwrap_or_else(|e| panic!("{}: {e}", student.name));
        assert!(problems.is_empty(), "{}: {problems:?}", student.name);
    }
}

#[test]
fn a_c2c_class_of_bots_buys_from_classmates_and_every_report_verifies() {
    let class = crate::shared_market::class_played_by_bots("scenarios/c2c-vintage-cameras.scenario.ron");
    let trades = class.classmate_trades().unwrap_or_default();
    // Haggled (85% offered, the seller's counter taken) or won at auction, posted, arrived, rated.
    assert!(
        trades
            .iter()
            .any(|t| t.status == PurchaseStatus::Delivered && t.stars == Some(5)),
        "the bots traded an item from listing to feedback: {trades:?}"
    );
    for trade in trades.iter().filter(|t| t.status == PurchaseStatus::Delivered) {
        assert_eq!(trade.stars, Some(5), "{trade:?}");
    }
    let reports = class.collect_reports();
    assert_eq!(reports.len(), 3);
    for (student, report) in reports {
        let file = ReportFile::parse(&report.to_text()).unwrap_or_else(|e| panic!("{e}"));
        let problems = file
            .verify(scenario())
            .unwrap_or_else(|e| panic!("{}: {e}", student.name));
        assert!(problems.is_empty(), "{}: {problems:?}", student.name);
    }
    let resumed = tradeport::class::Class::resume(scenario(), &class.record_text()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resumed.record(), class.record());
}

#[test]
fn a_move_naming_the_largest_listing_number_is_answered_without_overflow() {
    let scenario = scenario();
    let mut market = SharedMarket::open(&scenario, 2, SEED, PlayMode::Practice);
    // On one's own shop and on the other's: both refused back to the buyer with why.
    apply(&mut market, 1, buy(1, u32::MAX, BuyerMove::BuyNow));
    apply(&mut market, 1, buy(0, u32::MAX, BuyerMove::Bid { max: 1 }));
    end_day(&mut market);
    let told = market.stores()[1]
        .world()
        .inbox()
        .iter()
        .filter(|m| m.body.en.contains("listing 4294967296 was not taken"))
        .count();
    assert_eq!(told, 2);
}
