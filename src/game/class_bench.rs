//! `tradeport class-bench`: a class of N bot students on loopback in one process, to measure
//! what the host costs (issue 19's load target: 40 clients, host tick p95 under 5 ms on a lab
//! PC). It times every host update after the start, samples each connection's traffic, and
//! prints the figures; it asserts nothing (a benchmark, not a test).

use std::net::{Ipv4Addr, SocketAddrV4};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::class_client::ClassSeat;
use super::class_host::{HostSettings, HostedClass};
use super::class_net::{host_app, join_app};
use crate::class::Class;
use crate::class::bot::Policy;

/// Most bot students one benchmark runs.
pub const MAX_BENCH_CLIENTS: usize = super::classroom::MAX_CLIENTS;

/// What to measure.
#[derive(Debug, Clone)]
pub struct ClassBench {
    pub scenario: PathBuf,
    pub clients: usize,
    /// Stop after this long even if the class is not over.
    pub seconds: u64,
    /// Each bot's pause between two updates (a student's pace), with the host at 60 ticks a
    /// second; zero: every bot and the host as fast as they can.
    pub think: Duration,
}

/// A lab host's frame: 60 ticks a second.
const HOST_FRAME: Duration = Duration::from_micros(16_667);

/// What was measured.
#[derive(Debug, Clone, Default)]
pub struct BenchFigures {
    pub clients: usize,
    pub seated: usize,
    /// Host updates timed (from the start of the class).
    pub ticks: usize,
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
    pub max: Duration,
    /// Mean over the samples of the host's traffic per connected client, bytes per second.
    pub bytes_out_per_client: f64,
    pub bytes_in_per_client: f64,
    pub over: bool,
    pub elapsed: Duration,
    pub commands: usize,
    /// The class's day when the benchmark stopped.
    pub day: u32,
    /// Ticks that ended the class's day (in a B2C class, the shared market's day), their
    /// median and slowest, and the p95 of every other tick.
    pub day_ticks: usize,
    pub day_p50: Duration,
    pub day_max: Duration,
    pub other_p95: Duration,
}

/// The `per_mille`th of durations sorted from fastest (500: the median).
pub(crate) fn percentile(sorted: &[Duration], per_mille: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = (sorted.len() * per_mille).div_ceil(1000).saturating_sub(1);
    sorted.get(index.min(sorted.len() - 1)).copied().unwrap_or_default()
}

/// Runs the class and measures it.
///
/// # Errors
/// A sentence: the scenario does not load, or a socket cannot be opened.
pub fn measure(args: &ClassBench) -> Result<BenchFigures, String> {
    let clients = args.clients.clamp(1, MAX_BENCH_CLIENTS);
    let scenario = crate::scenario::load_scenario_file(&args.scenario)
        .map(Arc::new)
        .map_err(|d| crate::scenario::error::render_plain(&d))?;
    let class = Class::new(Arc::clone(&scenario));
    let package = crate::class::package::package(&args.scenario, class.tables_are_hotseat())
        .map_err(|d| crate::scenario::error::render_plain(&d))?;
    let settings = HostSettings {
        start_when_seated: Some(clients),
        autosave: None,
        collect: None,
    };
    let (mut host, address) = host_app(
        class,
        Some(package),
        settings,
        SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0),
    )
    .map_err(|e| format!("the host's socket: {e}"))?;
    let mut students = Vec::with_capacity(clients);
    for n in 0..clients {
        // Alternate the policies, so both kinds of traffic are in the class.
        let policy = if n % 2 == 0 { Policy::Expert } else { Policy::Novice };
        let seat = ClassSeat::new(&format!("Bot {}", n + 1), &format!("B{:04}", n + 1), Some(policy));
        students.push(join_app(seat, address).map_err(|e| format!("a student's socket: {e}"))?);
    }
    let began = Instant::now();
    let deadline = began + Duration::from_secs(args.seconds.max(1));
    let mut ticks = Vec::new();
    let mut samples = 0usize;
    let (mut out_sum, mut in_sum) = (0.0f64, 0.0f64);
    let mut last_sample = Instant::now();
    let mut over_at: Option<Instant> = None;
    let day_of = |app: &App| {
        let class = &app.world().resource::<HostedClass>().class;
        class.tables().first().and_then(|t| t.session()).map(|s| s.day())
    };
    let mut day_ticks = Vec::new();
    let mut thought: Vec<Option<Instant>> = vec![None; students.len()];
    let paced = !args.think.is_zero();
    while Instant::now() < deadline {
        let before = day_of(&host);
        let tick = Instant::now();
        host.update();
        let took = tick.elapsed();
        let hosted = host.world().resource::<HostedClass>();
        if hosted.class.is_started() {
            ticks.push(took);
            // A tick that ended the class's day (a shared market's day, for a B2C class).
            if before.is_some() && day_of(&host) != before {
                day_ticks.push(took);
            }
        }
        if hosted.outcome.over && over_at.is_none() {
            over_at = Some(Instant::now());
        }
        // A moment for the reports to reach the PCs, then stop.
        if over_at.is_some_and(|t| t.elapsed() > Duration::from_millis(500)) {
            break;
        }
        for (student, last) in students.iter_mut().zip(&mut thought) {
            if last.is_none_or(|t| t.elapsed() >= args.think) {
                student.update();
                *last = Some(Instant::now());
            }
        }
        if paced {
            // The rest of the host's frame (the students' PCs are other machines in a lab).
            std::thread::sleep(HOST_FRAME.saturating_sub(tick.elapsed()));
        }
        if last_sample.elapsed() >= Duration::from_millis(500) {
            last_sample = Instant::now();
            if let Some((sent, received)) = super::class_net::traffic_per_client(host.world()) {
                out_sum += sent;
                in_sum += received;
                samples += 1;
            }
        }
    }
    let hosted = host.world().resource::<HostedClass>();
    let commands = hosted
        .class
        .tables()
        .iter()
        .filter_map(|t| t.session())
        .map(|s| s.commands().len())
        .sum();
    ticks.sort();
    day_ticks.sort();
    let mut other_ticks = ticks.clone();
    for t in &day_ticks {
        if let Some(i) = other_ticks.iter().position(|o| o == t) {
            other_ticks.remove(i);
        }
    }
    Ok(BenchFigures {
        day_ticks: day_ticks.len(),
        day_p50: percentile(&day_ticks, 500),
        day_max: day_ticks.last().copied().unwrap_or_default(),
        other_p95: percentile(&other_ticks, 950),
        clients,
        seated: hosted.class.present().count(),
        ticks: ticks.len(),
        p50: percentile(&ticks, 500),
        p95: percentile(&ticks, 950),
        p99: percentile(&ticks, 990),
        max: ticks.last().copied().unwrap_or_default(),
        bytes_out_per_client: if samples == 0 { 0.0 } else { out_sum / samples as f64 },
        bytes_in_per_client: if samples == 0 { 0.0 } else { in_sum / samples as f64 },
        over: hosted.outcome.over,
        elapsed: began.elapsed(),
        commands,
        day: day_of(&host).unwrap_or(0),
    })
}

/// Runs the benchmark and prints its figures as a Markdown table. Returns whether it ran.
///
/// # Errors
/// When the output cannot be written.
pub fn run(args: &ClassBench, out: &mut dyn std::io::Write) -> std::io::Result<bool> {
    let figures = match measure(args) {
        Ok(f) => f,
        Err(e) => {
            writeln!(out, "tradeport: {e}")?;
            return Ok(false);
        }
    };
    let ms = |d: Duration| format!("{:.3}", d.as_secs_f64() * 1000.0);
    writeln!(
        out,
        "class of {} bot students on loopback, {} seated, {} commands, day {}, class over: {}, {:.1} s{}",
        figures.clients,
        figures.seated,
        figures.commands,
        figures.day,
        if figures.over { "yes" } else { "no (time limit)" },
        figures.elapsed.as_secs_f64(),
        if args.think.is_zero() {
            String::new()
        } else {
            format!(
                "; each bot moves at most every {} ms, the host runs at 60 ticks a second",
                args.think.as_millis()
            )
        }
    )?;
    writeln!(
        out,
        "| host ticks | p50 ms | p95 ms | p99 ms | max ms | bytes/s out per client | bytes/s in per client |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")?;
    writeln!(
        out,
        "| {} | {} | {} | {} | {} | {:.0} | {:.0} |",
        figures.ticks,
        ms(figures.p50),
        ms(figures.p95),
        ms(figures.p99),
        ms(figures.max),
        figures.bytes_out_per_client,
        figures.bytes_in_per_client
    )?;
    writeln!(
        out,
        "ticks that ended the day: {} (median {} ms, slowest {} ms); p95 of the other ticks: {} ms",
        figures.day_ticks,
        ms(figures.day_p50),
        ms(figures.day_max),
        ms(figures.other_p95)
    )?;
    Ok(figures.seated == figures.clients)
}
