//! Marketplace throughput: one market day with 100,000 shopper visits across 50 listings and 20
//! keywords (target: under 20 ms on one core, i.e. at least 5 million visits per second).
//!
//! Run: `cargo bench --no-default-features --bench market`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use tradeport::sim::BasisPoints;
use tradeport::sim::market::{Keyword, Listing, ListingId, Seller, simulate_day};

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
            |(mut l, mut rng)| simulate_day(black_box(&mut l), &keywords, 1.8, VISITS, &mut rng),
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_market);
criterion_main!(benches);
