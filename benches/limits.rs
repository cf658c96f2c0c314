//! Every whole-number field of each bundled scenario at its documented maximum (docs/limits.md),
//! played as the debrief and `tradeport report` play it: the AI expert's whole run, its save
//! replayed, the report built and the expert run again; then the fields that cost time all at
//! their maxima on a 366-day scenario, and that with the most competitors a storefront may
//! have. Prints the time and the peak memory of each; the budget is 5 s and 1 GiB each
//! (release build, this machine), and it exits 1 if any is over.
//!
//! Run: `cargo bench --no-default-features --bench limits`

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use tradeport::scenario::limits::{INTEGER_LIMITS, at_maximum};
use tradeport::scenario::{assemble_at, load};
use tradeport::sim::expert;
use tradeport::sim::save::{ReportFile, SaveFile, Student};

/// Peak resident memory since the last reset, in MiB (Linux; 0 elsewhere).
fn peak_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kib| kib / 1024)
}

/// Resets the peak so that each maximum is measured on its own.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let mut worst = (0.0f64, String::new());
    let mut worst_mib = (0u64, String::new());
    let mut over_budget = 0;
    println!(
        "{:<22} {:<20} {:>10} {:>9} {:>8}",
        "scenario", "field", "maximum", "seconds", "peak MiB"
    );
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let path = format!("scenarios/{id}.scenario.ron");
        let path = Path::new(&path);
        let text = load::read_text(path, id).unwrap_or_else(|d| panic!("{d}"));
        let original = load::parse_scenario(id, &text).unwrap_or_else(|d| panic!("{d:?}"));
        // Each field at its maximum, then the fields that cost time all at once on a year.
        let heavy = [
            "daily_shoppers",
            "buyers_per_day",
            "patience_rounds",
            "deadline_rounds",
            "followers",
            "monthly_searches",
            "reviews",
            "stock",
        ];
        let mut combined = original.clone();
        for field in heavy {
            if let Some(file) = at_maximum(&combined, field, Some(366)) {
                combined = file;
            }
        }
        // And every list a market day walks as long as a list may be.
        let mut crowded = combined.clone();
        for market in &mut crowded.setup.markets {
            if let Some(store) = market.storefront.as_mut()
                && let Some(first) = store.competitors.first().cloned()
            {
                while store.competitors.len() < tradeport::scenario::limits::list_limit("competitors") {
                    let mut rival = first.clone();
                    rival.id = format!("rival-{}", store.competitors.len());
                    store.competitors.push(rival);
                }
            }
        }
        let cases = INTEGER_LIMITS
            .iter()
            .map(|(field, _, max)| (*field, max.to_string(), None))
            .chain(std::iter::once(("all heavy, 366 days", String::new(), Some(combined))))
            .chain(std::iter::once((
                "and the most competitors",
                String::new(),
                Some(crowded),
            )));
        for (field, max, whole) in cases {
            let candidates = match whole {
                Some(file) => vec![file],
                None => [None, Some(366)]
                    .into_iter()
                    .filter_map(|days| at_maximum(&original, field, days))
                    .collect(),
            };
            let Some(scenario) = candidates.into_iter().find_map(|file| assemble_at(path, &file).ok()) else {
                continue;
            };
            reset_peak();
            let started = Instant::now();
            let scenario = Arc::new(scenario);
            let run = expert::play(scenario.clone(), scenario.seed());
            let save = SaveFile::parse(&SaveFile::of(&run.session, Student::default()).to_text())
                .unwrap_or_else(|e| panic!("{e}"));
            let replayed = save.replay(scenario).unwrap_or_else(|e| panic!("{e}"));
            let report = ReportFile::of(&replayed, Student::default()).to_text();
            let again = expert::play_like(&replayed);
            std::hint::black_box((report, again.report.total_earned));
            let seconds = started.elapsed().as_secs_f64();
            let mib = peak_mib();
            println!("{id:<22} {field:<20} {max:>10} {seconds:>9.3} {mib:>8}");
            if seconds > worst.0 {
                worst = (seconds, format!("{id} {field}"));
            }
            if mib > worst_mib.0 {
                worst_mib = (mib, format!("{id} {field}"));
            }
            if seconds >= 5.0 || mib >= 1024 {
                over_budget += 1;
            }
        }
    }
    println!(
        "slowest: {:.3} s ({}); most memory: {} MiB ({}); over the 5 s / 1 GiB budget: {over_budget}",
        worst.0, worst.1, worst_mib.0, worst_mib.1
    );
    if over_budget > 0 {
        std::process::exit(1);
    }
}
