//! `tradeport simulate`: plays a scenario many times with AI players and prints the score
//! distributions, how often each criterion is earned, balance warnings and the throughput.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use crate::escape::{csv_quote, csv_text_cell};
use crate::sim::players::Player;
use crate::sim::simulate::{Criterion, Distribution, PlayerRuns, balance_warnings, criteria, play_runs};

use super::{shown, shown_path};

/// What `simulate` is asked to do.
#[derive(Debug, Clone, clap::Args)]
pub struct SimulateArgs {
    /// Scenario file or bundled scenario id.
    pub scenario: String,
    /// Whole runs per player (1 to 1,000,000).
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub runs: u32,
    /// The players, comma-separated: expert, novice, random.
    #[arg(long, default_value = "expert,novice,random")]
    pub players: String,
    /// Write one CSV row per run (player, seed, score and each criterion's points).
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// The first run's seed (default: the scenario's own); the others are spread from it.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Threads to play on (default: every core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,
    /// Never draw the progress bar (it is drawn only on a terminal anyway).
    #[arg(long)]
    pub quiet: bool,
}

/// Runs `simulate`. Returns whether the scenario loaded and was played.
///
/// # Errors
/// When the output (or the CSV file) cannot be written.
pub fn simulate(args: &SimulateArgs, out: &mut dyn Write) -> std::io::Result<bool> {
    let mut players = Vec::new();
    for name in args.players.split(',') {
        match Player::parse(name) {
            Some(p) if !players.contains(&p) => players.push(p),
            Some(_) => {}
            None => {
                writeln!(
                    out,
                    "unknown player `{}`: the players are expert, novice and random",
                    shown(name)
                )?;
                return Ok(false);
            }
        }
    }
    let Some(scenario) = super::load_for_headless(&args.scenario, out)? else {
        return Ok(false);
    };
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    );
    let base_seed = args.seed.unwrap_or_else(|| scenario.seed());
    let criteria = criteria(&scenario);
    writeln!(
        out,
        "Simulating `{}` — {}: {} run{} for each of {} on {threads} thread{}, seeds from {base_seed}",
        shown(&scenario.meta().id),
        shown(&scenario.meta().title.en),
        args.runs,
        if args.runs == 1 { "" } else { "s" },
        players.iter().map(|p| p.name()).collect::<Vec<_>>().join(", "),
        if threads == 1 { "" } else { "s" },
    )?;
    let bar = !args.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut all = Vec::new();
    let mut rates = Vec::new();
    for player in &players {
        let total = args.runs as usize;
        let draw = |done: usize| {
            if bar && (done == total || done.is_multiple_of((total / 50).max(1))) {
                let filled = done * 40 / total.max(1);
                eprint!(
                    "\r{:<7} [{}{}] {done}/{total}",
                    player.name(),
                    "#".repeat(filled),
                    ".".repeat(40 - filled)
                );
                if done == total {
                    eprintln!();
                }
            }
        };
        let started = Instant::now();
        let runs = play_runs(&scenario, *player, args.runs, base_seed, threads, &draw);
        let seconds = started.elapsed().as_secs_f64();
        rates.push((*player, runs.runs.len() as f64 / seconds.max(1e-9)));
        all.push(runs);
    }
    let mut distributions = Vec::new();
    for runs in &all {
        let d = Distribution::of(&runs.runs, &criteria);
        print_distribution(out, runs, &d)?;
        distributions.push((runs.player, d));
    }
    print_criteria(out, &criteria, &distributions, args.runs)?;
    let warnings = balance_warnings(&distributions, &criteria, args.runs);
    writeln!(out)?;
    if warnings.is_empty() {
        writeln!(out, "Balance: no warnings")?;
    }
    for w in &warnings {
        writeln!(out, "warning: {}", shown(w))?;
    }
    if let Some(path) = &args.csv {
        std::fs::write(path, csv(&criteria, &all))?;
        writeln!(
            out,
            "wrote {} ({} rows)",
            shown_path(path),
            all.iter().map(|r| r.runs.len()).sum::<usize>()
        )?;
    }
    let rates: Vec<String> = rates
        .iter()
        .map(|(p, r)| format!("{} {r:.1} runs/s", p.name()))
        .collect();
    writeln!(
        out,
        "Throughput ({threads} thread{}): {}",
        if threads == 1 { "" } else { "s" },
        rates.join(", ")
    )?;
    Ok(true)
}

fn pct(bp: u32) -> String {
    format!("{}.{}%", bp / 100, (bp % 100) / 10)
}

fn print_distribution(out: &mut dyn Write, runs: &PlayerRuns, d: &Distribution) -> std::io::Result<()> {
    let q = d.quantiles_bp;
    writeln!(out)?;
    writeln!(
        out,
        "{}: {} runs, mean {} · min {} · p10 {} · p25 {} · median {} · p75 {} · p90 {} · max {}",
        runs.player.name(),
        runs.runs.len(),
        pct(d.mean_bp),
        pct(q[0]),
        pct(q[1]),
        pct(q[2]),
        pct(q[3]),
        pct(q[4]),
        pct(q[5]),
        pct(q[6])
    )?;
    let most = d.histogram.iter().copied().max().unwrap_or(0).max(1);
    for (i, n) in d.histogram.iter().enumerate().rev() {
        let label = if i == 9 {
            "90–100%".to_string()
        } else {
            format!("{:>2}–{:>2}% ", i * 10, i * 10 + 9)
        };
        let width = (u64::from(*n) * 40).div_ceil(u64::from(most)) as usize;
        writeln!(out, "  {label:>8} |{:<40} {n}", "#".repeat(width))?;
    }
    Ok(())
}

fn print_criteria(
    out: &mut dyn Write,
    criteria: &[Criterion],
    distributions: &[(Player, Distribution)],
    runs: u32,
) -> std::io::Result<()> {
    writeln!(out)?;
    let names: Vec<&str> = distributions.iter().map(|(p, _)| p.name()).collect();
    writeln!(
        out,
        "Criteria: share of runs earning all the points ({})",
        names.join(" / ")
    )?;
    for (c, criterion) in criteria.iter().enumerate() {
        let shares: Vec<String> = distributions
            .iter()
            .map(|(_, d)| {
                let n = d.full_marks.get(c).copied().unwrap_or(0);
                format!("{:>4}%", u64::from(n) * 100 / u64::from(runs.max(1)))
            })
            .collect();
        writeln!(
            out,
            "  {}  {:>2} pt  {} — {}",
            shares.join(" "),
            criterion.possible,
            shown(&criterion.task.en),
            shown(&criterion.description.en)
        )?;
    }
    Ok(())
}

/// One row per run: player, run, seed, earned, possible, percent, then each criterion.
fn csv(criteria: &[Criterion], all: &[PlayerRuns]) -> String {
    let mut text = String::from("player,run,seed,earned,possible,percent");
    for c in criteria {
        text.push(',');
        text.push_str(&csv_text_cell(&format!("{}: {}", c.task.en, c.description.en)));
    }
    text.push('\n');
    for runs in all {
        for (i, r) in runs.runs.iter().enumerate() {
            text.push_str(&format!(
                "{},{},{},{},{},{}",
                csv_quote(runs.player.name()),
                i + 1,
                r.seed,
                r.earned,
                r.possible,
                pct(r.percent_bp()).trim_end_matches('%')
            ));
            for e in &r.criteria {
                text.push_str(&format!(",{e}"));
            }
            text.push('\n');
        }
    }
    text
}
