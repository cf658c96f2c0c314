//! `tradeport simulate`: plays a scenario many times with AI players and prints the score
//! distributions, how often each criterion is earned, balance warnings and the throughput.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use crate::escape::{csv_quote, csv_text_cell};
use crate::i18n::Catalogue;
use crate::sim::players::Player;
use crate::sim::said::Said;
use crate::sim::simulate::{Criterion, Distribution, PlayerRuns, balance_warnings_said, criteria, play_runs};

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
    simulate_in(args, out, crate::i18n::english())
}

/// The catalogue key of a player's name.
fn player_key(player: Player) -> &'static str {
    match player {
        Player::Expert => "cli-player-expert",
        Player::Novice => "cli-player-novice",
        Player::Random => "cli-player-random",
    }
}

/// As [`simulate`], in `cat`'s language: the scenario's texts and the warnings in that
/// language (the CSV file keeps the English column names and player ids scripts read).
///
/// # Errors
/// When the output (or the CSV file) cannot be written.
pub fn simulate_in(args: &SimulateArgs, out: &mut dyn Write, cat: &Catalogue) -> std::io::Result<bool> {
    let mut players = Vec::new();
    for name in args.players.split(',') {
        match Player::parse(name) {
            Some(p) if !players.contains(&p) => players.push(p),
            Some(_) => {}
            None => {
                writeln!(
                    out,
                    "{}",
                    cat.say(&Said::new("cli-sim-unknown-player").with("name", shown(name)))
                )?;
                return Ok(false);
            }
        }
    }
    let Some(scenario) = super::load_for_headless(&args.scenario, out, cat)? else {
        return Ok(false);
    };
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    );
    let base_seed = args.seed.unwrap_or_else(|| scenario.seed());
    let criteria = criteria(&scenario);
    let names = |separator: &str| {
        players
            .iter()
            .map(|p| cat.tr(player_key(*p)))
            .collect::<Vec<_>>()
            .join(separator)
    };
    let said = Said::new("cli-sim-title")
        .with("id", shown(&scenario.meta().id))
        .with("title", shown(cat.text(&scenario.meta().title)))
        .with("runs", args.runs)
        .with("players", names(&cat.tr("cli-list-separator")))
        .with("threads", threads)
        .with("seed", base_seed.to_string());
    writeln!(out, "{}", cat.say(&said))?;
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
        print_distribution(out, runs, &d, cat)?;
        distributions.push((runs.player, d));
    }
    print_criteria(out, &criteria, &distributions, args.runs, cat)?;
    let warnings = balance_warnings_said(&distributions, &criteria, args.runs);
    writeln!(out)?;
    if warnings.is_empty() {
        writeln!(out, "{}", cat.tr("cli-sim-no-warnings"))?;
    }
    for w in &warnings {
        let said = Said::new("cli-sim-warning").with("warning", shown(&cat.say(w)));
        writeln!(out, "{}", cat.say(&said))?;
    }
    if let Some(path) = &args.csv {
        std::fs::write(path, csv(&criteria, &all))?;
        let said = Said::new("cli-sim-wrote")
            .with("file", shown_path(path))
            .with("rows", all.iter().map(|r| r.runs.len()).sum::<usize>());
        writeln!(out, "{}", cat.say(&said))?;
    }
    let rates: Vec<String> = rates
        .iter()
        .map(|(p, r)| {
            cat.say(
                &Said::new("cli-sim-rate")
                    .with("player", cat.tr(player_key(*p)))
                    .with("rate", format!("{r:.1}")),
            )
        })
        .collect();
    let said = Said::new("cli-sim-throughput")
        .with("threads", threads)
        .with("rates", rates.join(&cat.tr("cli-list-separator")));
    writeln!(out, "{}", cat.say(&said))?;
    Ok(true)
}

fn pct(bp: u32) -> String {
    format!("{}.{}%", bp / 100, (bp % 100) / 10)
}

fn print_distribution(
    out: &mut dyn Write,
    runs: &PlayerRuns,
    d: &Distribution,
    cat: &Catalogue,
) -> std::io::Result<()> {
    let q = d.quantiles_bp;
    writeln!(out)?;
    let said = Said::new("cli-sim-distribution")
        .with("player", cat.tr(player_key(runs.player)))
        .with("runs", runs.runs.len())
        .with("mean", pct(d.mean_bp))
        .with("min", pct(q[0]))
        .with("p10", pct(q[1]))
        .with("p25", pct(q[2]))
        .with("median", pct(q[3]))
        .with("p75", pct(q[4]))
        .with("p90", pct(q[5]))
        .with("max", pct(q[6]));
    writeln!(out, "{}", cat.say(&said))?;
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
    cat: &Catalogue,
) -> std::io::Result<()> {
    writeln!(out)?;
    let names: Vec<String> = distributions.iter().map(|(p, _)| cat.tr(player_key(*p))).collect();
    writeln!(
        out,
        "{}",
        cat.say(&Said::new("cli-sim-criteria").with("players", names.join(" / ")))
    )?;
    for (c, criterion) in criteria.iter().enumerate() {
        let shares: Vec<String> = distributions
            .iter()
            .map(|(_, d)| {
                let n = d.full_marks.get(c).copied().unwrap_or(0);
                format!("{:>4}%", u64::from(n) * 100 / u64::from(runs.max(1)))
            })
            .collect();
        let said = Said::new("cli-sim-criterion")
            .with("points", format!("{:>2}", criterion.possible))
            .with("task", shown(cat.text(&criterion.task)))
            .with("criterion", shown(cat.text(&criterion.description)));
        writeln!(out, "  {}  {}", shares.join(" "), cat.say(&said))?;
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
