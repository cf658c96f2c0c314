//! `tradeport simulate`: whole runs of a scenario by AI players (expert, novice, random; see
//! [`crate::sim::players`]), their score distributions, how often each rubric criterion is
//! earned, and what that says about the scenario's balance. Runs are independent and each
//! is deterministic for its seed, so spreading them over threads changes nothing but the time.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::sim::Scenario;
use crate::sim::expert;
use crate::sim::players::Player;
use crate::sim::said::{Fact, Said};
use crate::sim::terms::Text;

/// Most runs one `simulate` plays per player.
pub const MAX_RUNS: u32 = 1_000_000;

/// One scored rubric criterion, as the runs' reports list them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub task: Text,
    pub description: Text,
    pub possible: u32,
}

/// One whole run's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunScore {
    pub seed: u64,
    pub earned: u32,
    pub possible: u32,
    /// Points earned on each criterion of [`Simulation::criteria`].
    pub criteria: Vec<u32>,
}

impl RunScore {
    /// The score in hundredths of a percent (0..=10,000).
    pub fn percent_bp(&self) -> u32 {
        if self.possible == 0 {
            return 0;
        }
        ((u64::from(self.earned) * 10_000) / u64::from(self.possible)) as u32
    }
}

/// The runs of one player.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayerRuns {
    pub player: Player,
    pub runs: Vec<RunScore>,
}

/// The seed of run `index` (0-based) of a simulation from `base`: run 0 plays `base` itself
/// (the scenario's own seed by default), the others seeds spread from it (splitmix64).
pub fn run_seed(base: u64, index: u32) -> u64 {
    if index == 0 {
        return base;
    }
    let mut z = base.wrapping_add(u64::from(index).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The scored criteria of `scenario` in report order (one expert-free look: the report of an
/// empty session lists every criterion).
pub fn criteria(scenario: &Arc<Scenario>) -> Vec<Criterion> {
    let session = crate::sim::Session::new(Arc::clone(scenario), Some(scenario.seed()));
    let report = crate::sim::Report::of(&session);
    report
        .tasks
        .iter()
        .flat_map(|t| {
            t.criteria.iter().filter(|c| c.scored).map(|c| Criterion {
                task: t.title.clone(),
                description: c.description.clone(),
                possible: c.possible,
            })
        })
        .collect()
}

/// Plays `runs` whole runs of `scenario` as `player` on `threads` threads (at least one),
/// seeds from `base_seed`; `progress` is called with the number of runs done after each run.
/// The result is the same whatever the number of threads.
pub fn play_runs(
    scenario: &Arc<Scenario>,
    player: Player,
    runs: u32,
    base_seed: u64,
    threads: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> PlayerRuns {
    let runs = runs.min(MAX_RUNS) as usize;
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let mut slots: Vec<Option<RunScore>> = vec![None; runs];
    let threads = threads.clamp(1, 64).min(runs.max(1));
    let results: Vec<Vec<(usize, RunScore)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= runs {
                            break;
                        }
                        let seed = run_seed(base_seed, index as u32);
                        mine.push((index, one_run(scenario, player, seed)));
                        progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().filter_map(|w| w.join().ok()).collect()
    });
    for (index, score) in results.into_iter().flatten() {
        if let Some(slot) = slots.get_mut(index) {
            *slot = Some(score);
        }
    }
    PlayerRuns {
        player,
        runs: slots.into_iter().flatten().collect(),
    }
}

/// One whole run of `player` on `seed`.
pub fn one_run(scenario: &Arc<Scenario>, player: Player, seed: u64) -> RunScore {
    let report = expert::report_as(Arc::clone(scenario), seed, player);
    RunScore {
        seed,
        earned: report.total_earned,
        possible: report.total_possible,
        criteria: report
            .tasks
            .iter()
            .flat_map(|t| t.criteria.iter().filter(|c| c.scored).map(|c| c.earned))
            .collect(),
    }
}

/// The score distribution of one player's runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution {
    /// Mean, in hundredths of a percent.
    pub mean_bp: u32,
    /// Minimum, 10th, 25th, 50th, 75th, 90th percentile and maximum (nearest rank), in
    /// hundredths of a percent.
    pub quantiles_bp: [u32; 7],
    /// Runs scoring in each tenth: [0, 10%), [10, 20%), … [90, 100%].
    pub histogram: [u32; 10],
    /// For each criterion, the runs that earned all its points.
    pub full_marks: Vec<u32>,
}

impl Distribution {
    pub fn of(runs: &[RunScore], criteria: &[Criterion]) -> Self {
        let mut scores: Vec<u32> = runs.iter().map(RunScore::percent_bp).collect();
        scores.sort_unstable();
        let rank = |p: usize| -> u32 {
            if scores.is_empty() {
                return 0;
            }
            let i = (p * scores.len()).div_ceil(100).saturating_sub(1);
            scores[i.min(scores.len() - 1)]
        };
        let mean_bp = if scores.is_empty() {
            0
        } else {
            (scores.iter().map(|s| u64::from(*s)).sum::<u64>() / scores.len() as u64) as u32
        };
        let mut histogram = [0u32; 10];
        for s in &scores {
            histogram[((*s / 1_000) as usize).min(9)] += 1;
        }
        let full_marks = criteria
            .iter()
            .enumerate()
            .map(|(c, criterion)| {
                runs.iter()
                    .filter(|r| r.criteria.get(c).is_some_and(|e| *e >= criterion.possible))
                    .count() as u32
            })
            .collect();
        Self {
            mean_bp,
            quantiles_bp: [
                scores.first().copied().unwrap_or(0),
                rank(10),
                rank(25),
                rank(50),
                rank(75),
                rank(90),
                scores.last().copied().unwrap_or(0),
            ],
            histogram,
            full_marks,
        }
    }
}

/// What the players' results say about the scenario's balance, one sentence each, in English.
pub fn balance_warnings(results: &[(Player, Distribution)], criteria: &[Criterion], runs: u32) -> Vec<String> {
    balance_warnings_said(results, criteria, runs)
        .iter()
        .map(|said| crate::i18n::english().say(said))
        .collect()
}

/// What the players' results say about the scenario's balance, one catalogue sentence each.
pub fn balance_warnings_said(results: &[(Player, Distribution)], criteria: &[Criterion], runs: u32) -> Vec<Said> {
    let mean = |p: Player| results.iter().find(|(q, _)| *q == p).map(|(_, d)| d.mean_bp);
    let pct = |bp: u32| format!("{}.{}%", bp / 100, (bp % 100) / 10);
    let mut out = Vec::new();
    if let Some(e) = mean(Player::Expert)
        && e < 9_500
    {
        out.push(Said::new("cli-sim-warning-expert-low").with("mean", pct(e)));
    }
    if let Some(n) = mean(Player::Novice) {
        if n >= 9_000 {
            out.push(Said::new("cli-sim-warning-novice-easy").with("mean", pct(n)));
        } else if n < 3_000 {
            out.push(Said::new("cli-sim-warning-novice-hard").with("mean", pct(n)));
        }
        if let Some(e) = mean(Player::Expert)
            && n >= e
        {
            out.push(Said::new("cli-sim-warning-novice-like-expert"));
        }
    }
    if let Some(r) = mean(Player::Random) {
        if r >= 6_000 {
            out.push(Said::new("cli-sim-warning-random-high").with("mean", pct(r)));
        }
        if let Some(n) = mean(Player::Novice)
            && r >= n
        {
            out.push(Said::new("cli-sim-warning-random-like-novice"));
        }
    }
    let total: u32 = criteria.iter().map(|c| c.possible).sum();
    if runs >= 20 {
        for (c, criterion) in criteria.iter().enumerate() {
            let share = |p: Player| {
                results
                    .iter()
                    .find(|(q, _)| *q == p)
                    .and_then(|(_, d)| d.full_marks.get(c))
                    .map(|n| u64::from(*n) * 100 / u64::from(runs.max(1)))
            };
            let named = |key: &'static str| {
                Said::new(key)
                    .with("criterion", Fact::Written(criterion.description.clone()))
                    .with("task", Fact::Written(criterion.task.clone()))
            };
            if share(Player::Expert).is_some_and(|s| s < 50) {
                out.push(named("cli-sim-warning-expert-misses"));
            }
            // A criterion everyone earns matters only if it is worth something (3% or more).
            if share(Player::Random).is_some_and(|s| s >= 95) && criterion.possible * 100 >= total * 3 {
                out.push(named("cli-sim-warning-random-earns"));
            }
        }
    }
    out
}
