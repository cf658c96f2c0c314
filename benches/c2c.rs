//! C2C throughput: proxy bidding (an auction of 1,000 bids from 200 bidders), a make-an-offer
//! haggle to its end, and the bundled C2C scenario played for 21 days with every item listed,
//! questions answered and parcels posted.
//!
//! Run: `cargo bench --no-default-features --bench c2c`

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tradeport::scenario::file::ConditionGrade;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::c2c::{
    Auction, AuctionTerms, BidderId, BuyerBrief, Haggle, IncrementTable, ItemTerms, SaleFormat, Shop,
};
use tradeport::sim::money::CurrencyCode;
use tradeport::sim::negotiation::Strategy;
use tradeport::sim::{Command, Session};

fn increments() -> IncrementTable {
    IncrementTable::new(vec![
        (0, 100),
        (5_000, 200),
        (10_000, 500),
        (25_000, 1_000),
        (50_000, 2_000),
    ])
    .unwrap_or_else(|| panic!("a valid table"))
}

fn auction_of_1000_bids(c: &mut Criterion) {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let bids: Vec<(u32, i64)> = (0..1_000)
        .map(|_| (rng.random_range(0..200u32), rng.random_range(1_000..100_000i64)))
        .collect();
    let mut group = c.benchmark_group("c2c");
    group.throughput(Throughput::Elements(bids.len() as u64));
    group.bench_function("auction of 1,000 proxy bids", |b| {
        b.iter(|| {
            let mut a = Auction::new(
                AuctionTerms {
                    start_price: 1_000,
                    reserve: Some(20_000),
                    buy_it_now: None,
                    opens: 0,
                    closes: 100_000,
                    soft_close: Some(5),
                },
                increments(),
            );
            for (i, (who, max)) in bids.iter().enumerate() {
                let _ = a.place_bid(BidderId(*who), *max, i as u32);
            }
            black_box(a.close_if_due(200_000))
        });
    });
    group.finish();
}

fn haggle_to_the_end(c: &mut Criterion) {
    let usd = CurrencyCode::parse("USD").unwrap_or_else(|| panic!("USD"));
    c.bench_function("c2c/haggle of up to 5 rounds", |b| {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        b.iter(|| {
            let brief = BuyerBrief {
                target: 3_500,
                limit: 5_600,
                strategy: Strategy::TimeDependent { e_milli: 1_000 },
                patience: 5,
            };
            let Some(mut h) = Haggle::open(7_000, usd, 2, brief, &mut rng) else {
                return;
            };
            while let Some(offer) = h.offer() {
                if h.counter((offer + 7_000) / 2 + 1, &mut rng).is_err() {
                    break;
                }
            }
            black_box(h.state());
        });
    });
}

fn three_weeks_of_the_bundled_scenario(c: &mut Criterion) {
    let scenario = Arc::new(
        load_scenario_file(Path::new("scenarios/c2c-vintage-cameras.scenario.ron"))
            .unwrap_or_else(|_| panic!("the bundled scenario loads")),
    );
    c.bench_function("c2c/21 days of the bundled scenario", |b| {
        b.iter(|| {
            let mut session = Session::new(Arc::clone(&scenario), Some(7));
            for (market, sku, format) in [
                (
                    "us-buyers",
                    "LENS-FD50",
                    SaleFormat::FixedPrice {
                        price: 7_500,
                        offers: true,
                        auto_decline_below: Some(4_000),
                        auto_accept_from: None,
                    },
                ),
                (
                    "us-buyers",
                    "CAM-SEAGULL",
                    SaleFormat::Auction {
                        start_price: 9_900,
                        reserve: Some(18_500),
                        buy_it_now: None,
                        days: 7,
                        soft_close: false,
                    },
                ),
            ] {
                let _ = session.apply(Command::ListItem {
                    terms: Box::new(ItemTerms {
                        market: market.into(),
                        sku: sku.into(),
                        format,
                        postage: "ems".into(),
                        handling_days: 2,
                        duty_paid: false,
                        claimed_grade: ConditionGrade::Good,
                        disclosed_faults: vec![0],
                        states_import_charges: true,
                    }),
                });
            }
            while !session.is_finished() {
                for question in session.shop_desk().shop().map(Shop::unanswered).unwrap_or_default() {
                    let choices = session.shop_desk().true_choices(question);
                    let _ = session.apply(Command::AnswerQuestion {
                        question,
                        choices,
                        note: "Hello, thank you! Best regards".into(),
                    });
                }
                for order in session.shop_desk().shop().map(Shop::awaiting_post).unwrap_or_default() {
                    if let Some(form) = session.shop_desk().model_cn23(order) {
                        let _ = session.apply(Command::PostParcel {
                            order,
                            form: Box::new(form),
                        });
                    }
                }
                let _ = session.apply(Command::EndDay);
            }
            black_box(session.world().net_cash_in_home())
        });
    });
}

criterion_group!(
    benches,
    auction_of_1000_bids,
    haggle_to_the_end,
    three_weeks_of_the_bundled_scenario
);
criterion_main!(benches);
