//! The AI expert the debrief compares a run with: one whole run of each bundled scenario on a
//! seed (every decision, every day). The debrief plays it when it opens, so it must stay quick.
//!
//! Run: `cargo bench --no-default-features --bench expert`

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use tradeport::scenario::load_scenario_file;
use tradeport::sim::expert;

fn expert_runs(c: &mut Criterion) {
    let mut group = c.benchmark_group("expert");
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let path = format!("scenarios/{id}.scenario.ron");
        let scenario = Arc::new(load_scenario_file(Path::new(&path)).unwrap_or_else(|d| panic!("{id}: {d:?}")));
        group.bench_function(id, |b| {
            b.iter(|| black_box(expert::play(scenario.clone(), black_box(7)).report.total_earned))
        });
    }
    group.finish();
}

criterion_group!(benches, expert_runs);
criterion_main!(benches);
