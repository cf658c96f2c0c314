//! Marketplace throughput: one market day with 100,000 shopper visits across 50 listings and 20
//! keywords (target: under 20 ms on one core, i.e. at least 5 million visits per second).
//!
//! Also a 90-day season of the bundled German store at 20,000 visits a day (target: under 1 s).
//!
//! Run: `cargo bench --no-default-features --bench market`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use tradeport::sim::BasisPoints;
use tradeport::sim::market::{DayDemand, Keyword, Listing, ListingId, Seller, simulate_day};

const VISITS: u32 = 100_000;

fn market() -> (Vec<Listing>, Vec<Keyword>) {
    let keywords = (0..20)
        .map(|i| Keyword {
            text: format!("keyword {i}"),
            volume: 1_000 / (i + 1),
        })
        .collect();
    let listings = (0..50u32)
        .map(|i| Listing {
            id: ListingId(i),
            seller: if i == 0 {
                Seller::Student
            } else {
                Seller::Competitor(i as u16)
            },
            price: 999 + i64::from(i) * 20,
            discount: BasisPoints(if i % 7 == 0 { 1_000 } else { 0 }),
            deal: i % 7 == 0,
            // Every fifth listing runs a coupon with a budget it will not use up.
            coupon: BasisPoints(if i % 5 == 0 { 1_000 } else { 0 }),
            coupon_budget: if i % 5 == 0 { 100_000_000 } else { 0 },
            delivery_days: 2 + (i % 4) as u16 * 4,
            reference_price: 1_299,
            quality: 400 + (i as u16 * 13) % 600,
            rating_tenths: 35 + (i as u16 % 15),
            reviews: i * 17,
            // Enough stock that nobody sells out: the bench measures the steady state.
            stock: 1_000_000,
            sales_7d: i % 30,
            // Each listing is relevant for a band of keywords.
            keywords: 0b11111u64 << (i % 16),
            bid: if i % 3 == 0 { 30 + i64::from(i) } else { 0 },
            daily_budget: 50_000,
        })
        .collect();
    (listings, keywords)
}

fn bench_market(c: &mut Criterion) {
    let (listings, keywords) = market();
    let mut group = c.benchmark_group("market");
    group.throughput(Throughput::Elements(u64::from(VISITS)));
    group.bench_function("one day, 100,000 visits, 50 listings", |b| {
        b.iter_batched(
            || (listings.clone(), ChaCha8Rng::seed_from_u64(11)),
            |(mut l, mut rng)| {
                let demand = DayDemand {
                    keywords: &keywords,
                    elasticity: 1.8,
                    visits: VISITS,
                    direct: &[],
                    coupon_fee: 60,
                };
                simulate_day(black_box(&mut l), &demand, &mut rng)
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();

    // 90 days of the bundled German marketplace: competitors reprice, reviews and velocity
    // feed back, at 20,000 visits a day.
    let scenario =
        match tradeport::scenario::load_scenario_file(std::path::Path::new("scenarios/b2c-eu-storefront.scenario.ron"))
        {
            Ok(s) => s,
            Err(d) => panic!("bundled scenario: {d:?}"),
        };
    let Some(market) = scenario.markets().iter().find(|m| m.storefront.is_some()).cloned() else {
        panic!("a storefront")
    };
    let Some(storefront) = market.storefront.clone() else {
        panic!("a storefront")
    };
    let reference = |sku: &str| {
        market
            .reference_prices
            .iter()
            .find(|(s, _)| s == sku)
            .map_or(0, |(_, m)| m.minor)
    };
    let mut store = tradeport::sim::market::Store::open(&market.id, &storefront, reference);
    for l in &mut store.listings {
        l.stock = 10_000_000;
    }
    let mut season = c.benchmark_group("market season");
    season.sample_size(10);
    season.throughput(Throughput::Elements(90 * 20_000));
    season.bench_function("90 days at 20,000 visits a day", |b| {
        b.iter_batched(
            || (store.clone(), ChaCha8Rng::seed_from_u64(5)),
            |(mut s, mut rng)| {
                for day in 1..=90 {
                    s.run_day(day, 20_000, 1.8, &mut rng);
                }
                s.history.len()
            },
            criterion::BatchSize::LargeInput,
        )
    });
    season.finish();
}

criterion_group!(benches, bench_market);
criterion_main!(benches);
