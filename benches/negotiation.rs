//! Negotiation throughput: complete AI-vs-AI negotiations over 3 issues with a 100-round
//! deadline, every pairing of the standard strategies (target: 100,000 per second on one core).
//! The negotiation is the one in `benches/negotiation-3-issues.scenario.ron`, so
//! `tradeport tournament benches/negotiation-3-issues.scenario.ron --rounds 100` measures the same.
//!
//! Run: `cargo bench --no-default-features --bench negotiation`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tradeport::scenario::load_scenario_file;
use tradeport::sim::negotiation::NegotiationCase;
use tradeport::sim::negotiation::tournament::{run_tournament, standard_roster};

/// Unit price €23.00–32.00 in €0.50 steps, 4 quantities, 5 payment terms: 380 possible deals.
fn three_issue_case() -> NegotiationCase {
    let scenario = match load_scenario_file(Path::new("benches/negotiation-3-issues.scenario.ron")) {
        Ok(s) => s,
        Err(d) => panic!("benchmark scenario: {d:?}"),
    };
    match scenario.tasks().iter().find_map(|t| t.negotiation.clone()) {
        Some(case) => case,
        None => panic!("the benchmark scenario has a negotiation"),
    }
}

fn bench_negotiation(c: &mut Criterion) {
    let case = three_issue_case();
    assert_eq!(case.domain.issues().len(), 3);
    assert_eq!(case.domain.outcome_count(), 380);
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
