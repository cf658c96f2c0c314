//! Negotiation throughput: complete AI-vs-AI negotiations over 3 issues with a 100-round
//! deadline, every pairing of the standard strategies (target: 100,000 per second on one core).
//!
//! Run: `cargo bench --no-default-features --bench negotiation`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tradeport::scenario::file::{ContractTermsDef, PaymentTerm, Side};
use tradeport::sim::CurrencyCode;
use tradeport::sim::negotiation::tournament::{run_tournament, standard_roster};
use tradeport::sim::negotiation::{Domain, IssueOptions, NegotiationCase, Preferences};

/// Unit price €23.00–32.00 in €0.50 steps, 4 quantities, 5 payment terms: 380 possible deals.
fn three_issue_case() -> NegotiationCase {
    let domain = Domain::new(vec![
        IssueOptions::UnitPrice {
            currency: CurrencyCode::parse("EUR").unwrap_or_else(|| panic!("EUR")),
            exponent: 2,
            prices: (0..19).map(|k| 2_300 + 50 * k).collect(),
        },
        IssueOptions::Quantity(vec![1200, 1800, 2400, 3000]),
        IssueOptions::Payment(vec![
            PaymentTerm::TtInAdvance,
            PaymentTerm::TtDeposit30,
            PaymentTerm::LcAtSight,
            PaymentTerm::DocumentsAgainstPayment,
            PaymentTerm::DocumentsAgainstAcceptance,
        ]),
    ])
    .unwrap_or_else(|| panic!("a valid domain"));
    let rising: Vec<u32> = (0..19).map(|k| k * 1_000_000 / 18).collect();
    let falling: Vec<u32> = rising.iter().rev().copied().collect();
    let seller = Preferences::new(
        &domain,
        &[5_500, 1_500, 3_000],
        &[
            rising,
            vec![200_000, 600_000, 1_000_000, 800_000],
            vec![1_000_000, 850_000, 700_000, 350_000, 100_000],
        ],
        400_000,
    )
    .unwrap_or_else(|| panic!("seller preferences"));
    let buyer = Preferences::new(
        &domain,
        &[5_000, 1_500, 3_500],
        &[
            falling,
            vec![500_000, 800_000, 1_000_000, 600_000],
            vec![0, 400_000, 600_000, 850_000, 1_000_000],
        ],
        350_000,
    )
    .unwrap_or_else(|| panic!("buyer preferences"));
    NegotiationCase {
        student_side: Side::Seller,
        contract: ContractTermsDef::default(),
        costs: None,
        opener: Side::Seller,
        deadline_rounds: 100,
        domain,
        seller,
        buyer,
    }
}

fn bench_negotiation(c: &mut Criterion) {
    let case = three_issue_case();
    let roster = standard_roster();
    const RUNS: u32 = 10;
    let negotiations = (roster.len() * roster.len()) as u64 * u64::from(RUNS);
    let mut group = c.benchmark_group("negotiation");
    group.throughput(Throughput::Elements(negotiations));
    group.bench_function("3 issues, 100 rounds, every pairing of 6 strategies", |b| {
        b.iter(|| run_tournament(black_box(&case), &roster, RUNS, Some(100), 7))
    });
    group.finish();
}

criterion_group!(benches, bench_negotiation);
criterion_main!(benches);
