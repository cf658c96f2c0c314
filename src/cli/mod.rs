//! Command-line interface: `tradeport [play|check|list]`. Headless commands never open a window.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod simulate;

pub use simulate::{SimulateArgs, simulate, simulate_in};

use crate::catalog::{self, FileKind};
use crate::scenario::error::render_plain_in;
use crate::scenario::{self, load, pretty};
use crate::sim::said::Said;

/// How `check` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStyle {
    /// Source snippets with ANSI colours (a terminal).
    Color,
    /// Source snippets without colours.
    Snippet,
    /// One stable plain block per problem.
    Plain,
}

#[derive(Debug, Parser)]
#[command(
    name = "tradeport",
    version,
    about = "Tradeport: practise cross-border e-commerce — B2B deals, B2C stores, C2C selling and customs"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Open the game, optionally straight into a scenario (a file path or a bundled id).
    Play(PlayArgs),
    /// Validate scenario and rule-pack files or folders; exits 1 on any error.
    Check {
        /// Files or folders (searched for *.scenario.ron and *.rules.ron).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Plain output without source snippets: `file:line:col: error: message`, then `at:` and
        /// `hint:` lines; verdict lines start with `#`. Stable, for scripts and golden files.
        #[arg(long)]
        plain: bool,
        /// Exit 1 on any warning too (a warning alone never changes the exit code).
        #[arg(long)]
        deny_warnings: bool,
        /// The language of the output: en or zh (default: the system's). Field paths, ids and
        /// what the file writes are quoted as written.
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
    /// List the bundled scenarios.
    List {
        /// The language of the output: en or zh (default: the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
    /// Write a new scenario to start from: complete, commented and valid (bilingual texts, a
    /// rubric whose every point the AI expert earns, bundled rule packs named by id), its id
    /// taken from the file name. Never overwrites a file.
    New {
        /// The kind of trade: b2b (an export deal), b2c (a marketplace store), c2c (selling
        /// second-hand items abroad).
        #[arg(long, value_parser = ["b2b", "b2c", "c2c"])]
        mode: String,
        /// The language of the guide in the file's opening comment (texts are bilingual) and
        /// of what the command prints: en or zh (default: the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
        /// The new file, named `ID.scenario.ron`.
        file: PathBuf,
    },
    /// Cost a consignment described in a *.shipment.ron file: customs value, duty, consumption
    /// tax, VAT and fees, each with the rule behind it (see docs/landed-cost.md).
    LandedCost {
        file: PathBuf,
        /// Print JSON instead of a table (its explanations stay English, for scripts).
        #[arg(long)]
        json: bool,
        /// The language of the output: en or zh (default: the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
    /// Play every pair of AI negotiation strategies against each other on a scenario's
    /// negotiation and print agreement rate, utilities, welfare, rounds and throughput.
    Tournament {
        #[command(flatten)]
        args: TournamentArgs,
        /// The language of the output: en or zh (default: the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
    /// Plays a scenario as the game's AI expert (the same commands a student gives) and prints
    /// each decision with its reason, then the score per task and criterion: what a full run
    /// can earn, and which criteria even the expert misses.
    Expert {
        /// Scenario file or bundled scenario id.
        scenario: String,
        /// The seed to play (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// The language of the output: en or zh (default: the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
    /// Play a scenario many times with AI players (the expert, a novice, a random player) on
    /// every core and print each player's score distribution, how often each rubric criterion
    /// is earned, balance warnings and the runs per second.
    Simulate {
        #[command(flatten)]
        args: SimulateArgs,
        /// The language of the output: en or zh (default: the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
    /// Re-simulate a save headless (scenario hash + seed + command log) and print its report;
    /// `--report FILE` also writes a report file an instructor can verify.
    Replay {
        save: PathBuf,
        /// Scenario file or bundled id (default: the bundled scenario the save names).
        #[arg(long)]
        scenario: Option<String>,
        #[arg(long)]
        report: Option<PathBuf>,
        /// The language of the output: en or zh (default: the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
    /// Re-simulate a save (or a student's report file, once it verifies) and export its
    /// report: a printable HTML page and/or a CSV gradebook row (appended; the header is
    /// written to a new file).
    Report {
        save: PathBuf,
        #[arg(long)]
        html: Option<PathBuf>,
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Scenario file or bundled id (default: the bundled scenario the save names).
        #[arg(long)]
        scenario: Option<String>,
        /// The language of the HTML page and of what the command prints: en or zh (default:
        /// the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
    /// Run a class on this PC for students on the LAN (with --headless: no window, for labs
    /// and tests). Prints the join code and the address; starts once the seats are taken,
    /// ends each day when every student has, and at the end sends each student their report
    /// (and with --collect writes every report and a CSV gradebook).
    Host {
        /// Scenario file or bundled id.
        scenario: String,
        /// Run without a window: print the join code, start once the seats are taken, write
        /// the reports and exit (labs and tests). Without it the instructor's dashboard opens.
        #[arg(long)]
        headless: bool,
        /// The dashboard window's size, `WIDTHxHEIGHT`.
        #[arg(long, value_parser = parse_window_size)]
        size: Option<WindowSize>,
        /// The dashboard's language: en or zh (default: the settings, or the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
        /// UDP port to listen on (0: any free port).
        #[arg(long, default_value_t = 5000)]
        port: u16,
        /// Start once this many students are seated (default: every seat of one table).
        #[arg(long)]
        seats: Option<usize>,
        /// Folder for every student's report and the gradebook at the end.
        #[arg(long)]
        collect: Option<PathBuf>,
        /// Autosave the class to this file after every change.
        #[arg(long)]
        autosave: Option<PathBuf>,
        /// Resume the class saved in --autosave (after a crash or a restart).
        #[arg(long, requires = "autosave")]
        resume: bool,
        /// Run the whole class as an exam: hints and calculators off, reports marked exam.
        #[arg(long)]
        exam: bool,
        /// Students holding each seat as a team (1 to 3): joining fills a team before the
        /// next seat; each gets the team's report with their own actions.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=3))]
        team_size: u8,
    },
    /// Join a class by its join code or IP:PORT: in the game's window (the form filled in
    /// with what is given), or with --bot, one seat played by a headless bot.
    Join {
        /// The join code the host shows (e.g. 60N00-HE4W8) or its IP:PORT.
        host: Option<String>,
        /// expert (the game's AI expert) or novice (concedes early, accepts the first offer
        /// above its walk-away): play headless.
        #[arg(long, requires_all = ["host", "name", "id"])]
        bot: Option<String>,
        #[arg(long)]
        name: Option<String>,
        /// Student number.
        #[arg(long)]
        id: Option<String>,
        /// The window's size, `WIDTHxHEIGHT`.
        #[arg(long, value_parser = parse_window_size)]
        size: Option<WindowSize>,
        /// The window's language: en or zh (default: the settings, or the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
        /// Keep the seat's token here, to rejoin the same seat after a crash.
        #[arg(long)]
        token_file: Option<PathBuf>,
        /// Write the student's report here at the end of class.
        #[arg(long)]
        report: Option<PathBuf>,
        /// Give up after this many seconds.
        #[arg(long, default_value_t = 3600)]
        timeout: u64,
    },
    /// A benchmark: a class of N bot students on loopback in one process; prints the host's
    /// tick times (p50, p95, p99, max) and the traffic per client.
    ClassBench {
        /// Scenario file or bundled id (a B2C one gives every student a store).
        scenario: String,
        /// Bot students (at most 64).
        #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u16).range(1..=64))]
        clients: u16,
        /// Stop after this many seconds if the class is not over.
        #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
        seconds: u64,
        /// Each bot waits this long between two moves (a student's pace) and the host runs at
        /// 60 ticks a second, as in a lab; 0 (the default): every bot as fast as it can.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=60_000))]
        think_ms: u64,
    },
    /// (For the crash-safety test.) Plays the AI expert's commands of a scenario one at a
    /// time, saving after each accepted command through the game's background writer, with
    /// the progress profile and a settings file; prints `accepted N` and `saved N` as they
    /// happen and exits cleanly (everything saved) on SIGTERM or SIGINT.
    #[command(hide = true)]
    SaveDrill {
        scenario: String,
        #[arg(long)]
        dir: PathBuf,
        /// Milliseconds between commands (0 to 1000).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(0..=1000))]
        pace_ms: u64,
    },
    /// Check report files: re-simulate each one's save and compare every number; exits 1 if
    /// any claim of any report does not hold (an edited score no longer verifies).
    Verify {
        #[arg(required = true)]
        reports: Vec<PathBuf>,
        /// Scenario file or bundled id (default: the bundled scenario each report names).
        #[arg(long)]
        scenario: Option<String>,
        /// Append a gradebook row for each report that verifies (header when the file is new).
        #[arg(long)]
        csv: Option<PathBuf>,
        /// The class code you gave the class: a report played without it (on the scenario as
        /// written) or with another one is refused.
        #[arg(long)]
        class_code: Option<String>,
        /// The language of the output: en or zh (default: the system's).
        #[arg(long, value_parser = ["en", "zh"])]
        lang: Option<String>,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct TournamentArgs {
    /// Scenario file or bundled scenario id.
    pub scenario: String,
    /// The negotiation task (default: the scenario's first task with a negotiation).
    #[arg(long)]
    pub task: Option<String>,
    /// Negotiations per pairing.
    #[arg(long, default_value_t = 1000)]
    pub runs: u32,
    /// Seed for the random strategy.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Override the deadline (rounds, 2 to 1000), e.g. 100 to compare with research settings.
    #[arg(long, value_parser = clap::value_parser!(u32).range(2..=1000))]
    pub rounds: Option<u32>,
}

#[derive(Debug, Clone, Default, clap::Args)]
pub struct PlayArgs {
    /// Scenario file or bundled scenario id.
    pub scenario: Option<String>,
    /// Open this screen directly (see `--screen list`).
    #[arg(long)]
    pub screen: Option<String>,
    /// Save a screenshot of the screen once it has rendered, then exit.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// Seed for the session's random events (default: the scenario's seed).
    #[arg(long)]
    pub seed: Option<u64>,
    /// The interface's language for this run: en or zh (default: the settings, or on a first
    /// start the system's language).
    #[arg(long, value_parser = ["en", "zh"])]
    pub lang: Option<String>,
    /// Two students on one machine: they play both sides of each negotiation.
    #[arg(long)]
    pub hotseat: bool,
    /// Once the screen shows, render this many frames without vsync, print the frame-time
    /// percentiles (p50, p95, p99), the CPU time and the time from launch to the first frame,
    /// then exit (a benchmark; judge it on a release build).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub frame_stats: Option<u32>,
    /// Window size in logical pixels, `WIDTHxHEIGHT` (default 1280x800; e.g. 1366x768, the
    /// commonest laptop screen).
    #[arg(long, value_parser = parse_window_size)]
    pub size: Option<WindowSize>,
}

/// A window size from `--size`, within 640x480 … 3840x2160.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSize {
    pub width: u32,
    pub height: u32,
}

/// Parses `1366x768`.
///
/// # Errors
/// A sentence saying what a size looks like.
pub fn parse_window_size(text: &str) -> Result<WindowSize, String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not a size: write WIDTHxHEIGHT, e.g. 1366x768"))?;
    let number = |s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| format!("`{text}` is not a size: write WIDTHxHEIGHT, e.g. 1366x768"))
    };
    let size = WindowSize {
        width: number(w)?,
        height: number(h)?,
    };
    if !(640..=3840).contains(&size.width) || !(480..=2160).contains(&size.height) {
        return Err(format!("{}x{} is outside 640x480 … 3840x2160", size.width, size.height));
    }
    Ok(size)
}

/// The scenario a save or report is checked against: the one the instructor names with
/// `--scenario` (a file or a bundled id), otherwise the *bundled* scenario of the id the file
/// names. A save or report never chooses a file: an id that is not a plain id, or a file in
/// the current folder named like the id, is never used.
fn scenario_for(name: Option<&str>, id: &str) -> Result<(std::sync::Arc<crate::sim::Scenario>, PathBuf), String> {
    variant_for(name, id, None)
}

/// The scenario a save was played on: the named file or the bundled one of its id, as the
/// variant of the save's class code and student number when it has a class code.
fn scenario_for_save(
    name: Option<&str>,
    save: &crate::sim::save::SaveFile,
) -> Result<(std::sync::Arc<crate::sim::Scenario>, PathBuf), String> {
    variant_for(name, &save.scenario_id, save.variant_key().as_ref())
}

fn variant_for(
    name: Option<&str>,
    id: &str,
    key: Option<&crate::sim::scenario::VariantKey>,
) -> Result<(std::sync::Arc<crate::sim::Scenario>, PathBuf), String> {
    let path = match name {
        Some(name) => catalog::resolve(name)?,
        None => catalog::resolve_bundled(id)?,
    };
    match key {
        Some(key) => crate::scenario::variant::load(&path, key),
        None => crate::scenario::load_scenario_file(&path),
    }
    .map(|s| (std::sync::Arc::new(s), path))
    .map_err(|d| crate::scenario::error::render_plain(&d))
}

/// Untrusted text (ids, names, paths, messages that quote them) for one terminal line: line
/// breaks are escaped too, so a report cannot print a line of its own (a fake verdict).
fn shown(text: &str) -> String {
    crate::escape::printable(text, 2_000)
}

/// A path for one terminal line (a file name can hold control characters too).
fn shown_path(path: &std::path::Path) -> String {
    shown(&path.display().to_string())
}

/// Several lines of text for the terminal (diagnostics of the trusted scenario, a landed-cost
/// table), with every other control character escaped.
fn shown_lines(text: &str) -> String {
    crate::escape::printable_lines(text, 2_000)
}

/// The report of a replayed session in plain text, with what identifies it.
pub fn render_replay(report: &crate::sim::Report, save: &crate::sim::save::SaveFile) -> String {
    render_replay_in(report, save, crate::i18n::english())
}

/// A student's name and number for a line of `cat`'s: as [`crate::export::student_label`],
/// "(no name given)" in that language.
fn student_label_in(student: &crate::sim::save::Student, cat: &crate::i18n::Catalogue) -> String {
    if student.name.trim().is_empty() && student.id.trim().is_empty() {
        cat.tr("cli-no-name")
    } else {
        crate::export::student_label(student)
    }
}

/// As [`render_replay`], in `cat`'s language (ids, hashes and amounts as written).
pub fn render_replay_in(
    report: &crate::sim::Report,
    save: &crate::sim::save::SaveFile,
    cat: &crate::i18n::Catalogue,
) -> String {
    let mut lines = vec![
        Said::new("cli-replay-scenario")
            .with("id", save.scenario_id.as_str())
            .with("hash", save.scenario_hash.as_str()),
        Said::new("cli-replay-seed").with("seed", save.seed.to_string()),
        Said::new("cli-replay-log")
            .with("commands", save.commands.len())
            .with("digest", save.log_digest()),
    ];
    if !save.student.name.is_empty() || !save.student.id.is_empty() {
        lines.push(Said::new("cli-replay-student").with("student", student_label_in(&save.student, cat)));
    }
    lines.push(
        Said::new(if report.finished {
            "cli-replay-days-finished"
        } else {
            "cli-replay-days"
        })
        .with("days", report.days_played)
        .with("total", report.length_days),
    );
    lines.push(
        Said::new("cli-replay-points")
            .with("earned", report.total_earned)
            .with("possible", report.total_possible),
    );
    lines.push(
        Said::new("cli-replay-cash")
            .with("start", report.cash_start_home.format())
            .with("end", report.cash_end_home.format()),
    );
    lines.push(
        Said::new("cli-replay-reputation")
            .with("start", report.reputation_start.to_string())
            .with("end", report.reputation_end.to_string()),
    );
    for t in &report.tasks {
        lines.push(
            Said::new("cli-replay-task")
                .with("task", t.id.as_str())
                .with("earned", t.earned())
                .with("possible", t.possible()),
        );
    }
    lines.iter().map(|said| cat.say(said) + "\n").collect()
}

/// Why a save could not be read or replayed, as a catalogue sentence (its English is the
/// error's own text).
pub fn save_error_said(error: &crate::sim::save::SaveError) -> Said {
    use crate::sim::save::SaveError;
    match error {
        SaveError::Corrupted(why) => Said::new("cli-save-corrupted").with("why", why.as_str()),
        SaveError::TooNew { found, supported } => Said::new("cli-save-too-new")
            .with("found", *found)
            .with("supported", *supported),
        SaveError::WrongScenario {
            expected,
            expected_hash,
            found,
            found_hash,
        } => Said::new(if expected == found {
            "cli-save-older-scenario"
        } else {
            "cli-save-other-scenario"
        })
        .with("expected", expected.as_str())
        .with("expected-hash", expected_hash.as_str())
        .with("found", found.as_str())
        .with("found-hash", found_hash.as_str()),
        SaveError::Replay { index, error } => Said::new("cli-save-refused")
            .with("index", *index)
            .with("why", error.as_str()),
        SaveError::OtherVariant { class_code, student_id } => Said::new("cli-save-other-variant")
            .with("code", class_code.as_str())
            .with("student", student_id.as_str()),
    }
}

/// Why a save or report could not be read, in `cat`'s language (the English is the error's
/// own text).
fn load_error_in(error: &crate::saves::LoadError, cat: &crate::i18n::Catalogue) -> String {
    let said = match error {
        crate::saves::LoadError::Io { path, why } => Said::new("cli-load-unreadable")
            .with("file", path.as_str())
            .with("why", why.clone()),
        crate::saves::LoadError::Save { path, error } => Said::new("cli-load-save")
            .with("file", path.as_str())
            .with("why", cat.say(&save_error_said(error))),
    };
    cat.say(&said)
}

/// Runs `replay`: prints the report; returns false on failure (message on `err`).
pub fn replay(
    save_path: &std::path::Path,
    scenario: Option<&str>,
    report_path: Option<&std::path::Path>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    replay_in(save_path, scenario, report_path, (out, err), crate::i18n::english())
}

/// As [`replay`], in `cat`'s language.
///
/// # Errors
/// When the output or the report file cannot be written.
pub fn replay_in(
    save_path: &std::path::Path,
    scenario: Option<&str>,
    report_path: Option<&std::path::Path>,
    (out, err): (&mut dyn std::io::Write, &mut dyn std::io::Write),
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<bool> {
    let failed = |why: String| Said::new("cli-failed").with("why", why);
    let save = match crate::saves::read_save(save_path) {
        Ok(save) => save,
        Err(e) => {
            writeln!(err, "{}", cat.say(&failed(shown(&load_error_in(&e, cat)))))?;
            return Ok(false);
        }
    };
    let (scenario, scenario_path) = match scenario_for_save(scenario, &save) {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "{}", cat.say(&failed(shown_lines(&e))))?;
            return Ok(false);
        }
    };
    let session = match save.replay(scenario) {
        Ok(s) => s,
        Err(e) => {
            let said = Said::new("cli-replay-failed")
                .with("file", shown_path(save_path))
                .with("why", shown(&cat.say(&save_error_said(&e))))
                .with("scenario", shown_path(&scenario_path));
            writeln!(err, "{}", cat.say(&said))?;
            return Ok(false);
        }
    };
    let report = crate::sim::Report::of(&session);
    out.write_all(render_replay_in(&report, &save, cat).as_bytes())?;
    if let Some(path) = report_path {
        let file = crate::sim::save::ReportFile::of(&session, save.student.clone());
        crate::saves::write_atomic(path, &file.to_text())?;
        let said = Said::new("cli-replay-report-written").with("file", shown_path(path));
        writeln!(out, "{}", cat.say(&said))?;
    }
    Ok(true)
}

/// Runs `report`: writes the HTML page and/or appends the CSV row; without either, prints the
/// report. What it prints and the page are in `language`. Returns false on failure (message
/// on `err`).
pub fn report(
    save_path: &std::path::Path,
    scenario: Option<&str>,
    (html, language): (Option<&std::path::Path>, crate::i18n::Language),
    csv: Option<&std::path::Path>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    let cat = crate::i18n::Catalogue::new(language);
    report_in(save_path, scenario, (html, csv), (out, err), &cat)
}

/// As [`report`], in `cat`'s language.
///
/// # Errors
/// When the output, the page or the gradebook cannot be written.
pub fn report_in(
    save_path: &std::path::Path,
    scenario: Option<&str>,
    (html, csv): (Option<&std::path::Path>, Option<&std::path::Path>),
    (out, err): (&mut dyn std::io::Write, &mut dyn std::io::Write),
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<bool> {
    let failed = |why: String| Said::new("cli-failed").with("why", why);
    let save = match crate::saves::read_save(save_path) {
        Ok(save) => save,
        // A student's report file carries its save: used once the report verifies.
        Err(e) => match crate::saves::read_report(save_path).ok() {
            Some(_) => {
                let mut said = Vec::new();
                match verify_one(save_path, scenario, None, &mut said, cat)? {
                    Some((save, _)) => save,
                    None => {
                        err.write_all(&said)?;
                        return Ok(false);
                    }
                }
            }
            None => {
                writeln!(err, "{}", cat.say(&failed(shown(&load_error_in(&e, cat)))))?;
                return Ok(false);
            }
        },
    };
    let session = match scenario_for_save(scenario, &save)
        .and_then(|(s, _)| save.replay(s).map_err(|e| cat.say(&save_error_said(&e))))
    {
        Ok(session) => session,
        Err(e) => {
            let why = format!("{}: {}", shown_path(save_path), shown(&e));
            writeln!(err, "{}", cat.say(&failed(why)))?;
            return Ok(false);
        }
    };
    let report = crate::sim::Report::of(&session);
    if let Some(path) = html {
        let expert = crate::sim::expert::play_like(&session);
        crate::saves::write_atomic(path, &crate::export::html(&report, &save, Some(&expert), cat))?;
        let said = Said::new("cli-report-html-written").with("file", shown_path(path));
        writeln!(out, "{}", cat.say(&said))?;
    }
    if let Some(path) = csv {
        append_row(path, &report, &save, cat)?;
        let said = Said::new("cli-report-row-added").with("file", shown_path(path));
        writeln!(out, "{}", cat.say(&said))?;
    }
    if html.is_none() && csv.is_none() {
        out.write_all(render_replay_in(&report, &save, cat).as_bytes())?;
    }
    Ok(true)
}

/// Appends a gradebook row to the CSV file at `path`, with the header first (in `cat`'s
/// language) if it is new. A file whose header has other columns (written by another
/// version) is refused, not mixed; one with the same columns in another language is taken.
fn append_row(
    path: &std::path::Path,
    report: &crate::sim::Report,
    save: &crate::sim::save::SaveFile,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<()> {
    use std::io::Write as _;
    let header = crate::export::csv_header_in(cat);
    let headers: Vec<String> = crate::i18n::Language::ALL
        .iter()
        .map(|l| crate::export::csv_header_in(crate::i18n::shared(*l)))
        .collect();
    let existing = if path.exists() {
        crate::scenario::load::read_bounded_text(path, crate::saves::MAX_GRADEBOOK_BYTES)
            .map_err(|why| std::io::Error::other(format!("{}: {why}", shown_path(path))))?
    } else {
        String::new()
    };
    if let Some(first) = existing.lines().next()
        && !headers.iter().any(|h| h == first)
    {
        return Err(std::io::Error::other(format!(
            "{} has other columns (an older Tradeport's gradebook?): start a new file for this one",
            shown_path(path)
        )));
    }
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    if existing.is_empty() {
        writeln!(file, "{header}")?;
    }
    writeln!(file, "{}", crate::export::csv_row(report, save))
}

/// Runs `verify`: true when every claim of the report holds on replay.
pub fn verify(
    report_path: &std::path::Path,
    scenario: Option<&str>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    Ok(verify_one(report_path, scenario, None, out, crate::i18n::english())?.is_some())
}

/// Runs `verify` on a class's reports: a verdict line for each, a gradebook row appended to
/// `csv` for each that verifies, and a count. True when all verify.
pub fn verify_all(
    reports: &[PathBuf],
    scenario: Option<&str>,
    csv: Option<&std::path::Path>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    verify_class(reports, scenario, csv, None, out)
}

/// As [`verify_all`], and with `class_code` every report must have been played on its
/// student's variant of that class code.
///
/// # Errors
/// When the output or the gradebook cannot be written.
pub fn verify_class(
    reports: &[PathBuf],
    scenario: Option<&str>,
    csv: Option<&std::path::Path>,
    class_code: Option<&str>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    verify_class_in(reports, (scenario, class_code), csv, out, crate::i18n::english())
}

/// As [`verify_class`], every verdict in `cat`'s language (names, ids, hashes and the
/// numbers claimed as written).
///
/// # Errors
/// When the output or the gradebook cannot be written.
pub fn verify_class_in(
    reports: &[PathBuf],
    (scenario, class_code): (Option<&str>, Option<&str>),
    csv: Option<&std::path::Path>,
    out: &mut dyn std::io::Write,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<bool> {
    let mut verified = 0;
    for path in reports {
        if let Some((save, report)) = verify_one(path, scenario, class_code, out, cat)? {
            verified += 1;
            if let Some(csv) = csv {
                append_row(csv, &report, &save, cat)?;
            }
        }
    }
    let said = match csv {
        Some(csv) => Said::new("cli-verify-count-csv").with("file", shown_path(csv)),
        None => Said::new("cli-verify-count"),
    };
    writeln!(
        out,
        "{}",
        cat.say(&said.with("verified", verified).with("reports", reports.len()))
    )?;
    Ok(verified == reports.len())
}

/// Verifies one report file, printing its verdict (in `cat`'s language) and the scenario file
/// and hash it was checked against; the verified save and its report.
fn verify_one(
    report_path: &std::path::Path,
    scenario: Option<&str>,
    class_code: Option<&str>,
    out: &mut dyn std::io::Write,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<Option<(crate::sim::save::SaveFile, crate::sim::Report)>> {
    let name = shown_path(report_path);
    let not_verified = |why: String| {
        cat.say(
            &Said::new("cli-verify-not-verified")
                .with("file", name.as_str())
                .with("why", why),
        )
    };
    let report = match crate::saves::read_report(report_path) {
        Ok(r) => r,
        Err(e) => {
            let said = Said::new("cli-verify-unreadable").with("why", shown(&load_error_in(&e, cat)));
            writeln!(out, "{}", cat.say(&said))?;
            return Ok(None);
        }
    };
    // The instructor's class code, not the report's, says which variants count: without it a
    // copied report with the code left out would verify against the scenario as written.
    if let Some(expected) = class_code {
        let expected = crate::sim::scenario::VariantKey::new(expected, "").class_code;
        let played = report.save.variant_key().map(|k| k.class_code);
        if played.as_deref() != Some(expected.as_str()) {
            let said = match played {
                None => Said::new("cli-verify-no-class-code").with("code", shown(&expected)),
                Some(other) => Said::new("cli-verify-other-class-code")
                    .with("played", shown(&other))
                    .with("code", shown(&expected)),
            };
            writeln!(out, "{}", not_verified(cat.say(&said)))?;
            return Ok(None);
        }
    }
    // By the report's own id (which must agree with its save's), as the variant its save names.
    let (scenario, scenario_path) = match variant_for(scenario, &report.scenario_id, report.save.variant_key().as_ref())
    {
        Ok(s) => s,
        Err(e) => {
            writeln!(out, "{}", not_verified(shown_lines(&e)))?;
            return Ok(None);
        }
    };
    // What the numbers were checked against, each said in a clause of its own.
    let mut against: Vec<Said> = Vec::new();
    // A variant's report names its class code: the numbers were that student's own.
    if let Some(code) = report.save.class_code.as_deref() {
        against.push(
            Said::new("cli-verify-variant")
                .with("code", shown(code))
                .with("student", shown(&report.save.student.id)),
        );
    }
    // A store of a class's shared market, and a team's report, say so: the instructor sees
    // whose market and whose team the numbers come from.
    if let Some(m) = report.save.market.as_ref() {
        // A C2C class's shops trade with each other: how often this one did, as a buyer.
        let moves = report
            .save
            .commands
            .iter()
            .filter(|c| matches!(c, crate::sim::Command::BuyFromClassmate { .. }))
            .count();
        let said = if moves > 0 {
            Said::new("cli-verify-market-bought").with("moves", moves)
        } else {
            Said::new("cli-verify-market")
        };
        against.push(said.with("table", u64::from(m.store) + 1).with("tables", m.logs.len()));
    }
    if let Some(t) = report.team.as_ref() {
        let names: Vec<String> = t.members.iter().map(|m| shown(&m.name)).collect();
        against.push(
            Said::new("cli-verify-team")
                .with("names", names.join(", "))
                .with("own", t.own_commands.len()),
        );
    }
    // Events the instructor fired in class change the game; the instructor who fired them
    // sees them named here (a report claiming events no instructor fired is suspect).
    let fired: Vec<String> = report
        .save
        .commands
        .iter()
        .filter_map(|c| match c {
            crate::sim::Command::FireEvent { event } => Some(shown(event)),
            _ => None,
        })
        .collect();
    if !fired.is_empty() {
        against.push(Said::new("cli-verify-events").with("events", fired.join(", ")));
    }
    against.push(
        Said::new("cli-verify-against")
            .with("file", shown_path(&scenario_path))
            .with("hash", scenario.content_hash().to_string()),
    );
    let against = against
        .iter()
        .map(|said| cat.say(said))
        .collect::<Vec<_>>()
        .join(&cat.tr("cli-verify-clause-separator"));
    match report.verify_said(scenario.clone()) {
        Err(e) => {
            let said = Said::new("cli-verify-replay-failed")
                .with("file", name.as_str())
                .with("why", shown(&cat.say(&save_error_said(&e))))
                .with("against", against);
            writeln!(out, "{}", cat.say(&said))?;
            Ok(None)
        }
        Ok(problems) if problems.is_empty() => {
            let said = match report.seat.as_deref() {
                Some(seat) => Said::new("cli-verify-verified-seat").with("seat", shown(seat)),
                None => Said::new("cli-verify-verified"),
            };
            let said = said
                .with("student", student_label_in(&report.student, cat))
                .with("id", shown(&report.scenario_id))
                .with("seed", report.seed.to_string())
                .with("earned", report.claims.total_earned)
                .with("possible", report.claims.total_possible)
                .with("against", against);
            writeln!(out, "{}", cat.say(&said))?;
            let replayed = report.save.replay(scenario).ok().and_then(|s| report.graded(&s).ok());
            Ok(replayed.map(|r| (report.save, r)))
        }
        Ok(problems) => {
            let said = Said::new("cli-verify-claims")
                .with("file", name.as_str())
                .with("claims", problems.len())
                .with("against", against);
            writeln!(out, "{}", cat.say(&said))?;
            for p in problems {
                writeln!(out, "  {}", shown(&cat.say(&p)))?;
            }
            Ok(None)
        }
    }
}

/// Runs the hidden `save-drill`: see [`CliCommand::SaveDrill`]. Returns whether it ran.
pub fn save_drill(scenario: &str, dir: &std::path::Path, pace_ms: u64) -> std::io::Result<bool> {
    use std::io::Write as _;
    use std::sync::atomic::{AtomicBool, Ordering};
    let (scenario, _) = match scenario_for(Some(scenario), "") {
        Ok(s) => s,
        Err(e) => {
            eprintln!("tradeport: {}", shown_lines(&e));
            return Ok(false);
        }
    };
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    if let Err(e) = ctrlc::try_set_handler(move || flag.store(true, Ordering::SeqCst)) {
        eprintln!("tradeport: no signal handler: {e}");
    }
    let log = crate::sim::expert::play(scenario.clone(), scenario.seed())
        .session
        .commands()
        .to_vec();
    let mut session = crate::sim::Session::new(scenario.clone(), Some(scenario.seed()));
    let writer = crate::saves::SaveWriter::start(|ticket, durable| {
        if durable {
            println!("saved {ticket}");
        }
    });
    let save_path = dir.join(format!("{}.ron", scenario.meta().id));
    let mut profile = crate::sim::profile::Profile::new();
    let mut accepted = 0usize;
    for command in log {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if session.apply(command).is_err() {
            continue;
        }
        accepted += 1;
        println!("accepted {accepted}");
        writer.submit(
            save_path.clone(),
            crate::sim::save::SaveFile::of(&session, Default::default()),
        );
        profile.record(&crate::sim::Report::of(&session));
        crate::saves::write_atomic(&dir.join("profile.ron"), &profile.to_text())?;
        crate::saves::write_atomic(
            &dir.join("settings.ron"),
            &format!("(autosave: true, step: {accepted})\n"),
        )?;
        std::io::stdout().flush()?;
        std::thread::sleep(std::time::Duration::from_millis(pace_ms));
    }
    let flushed = writer.flush(std::time::Duration::from_secs(30));
    println!(
        "{} after {accepted} commands",
        if flushed { "clean exit" } else { "NOT SAVED" }
    );
    Ok(flushed)
}

/// The language a `--lang` option asks for, or the system's.
pub fn language(lang: Option<&str>) -> crate::i18n::Language {
    lang.and_then(crate::i18n::Language::from_locale)
        .unwrap_or_else(crate::i18n::Language::from_system)
}

/// Runs `check`: prints each file's verdict and diagnostics; returns the number of files with errors.
pub fn check(paths: &[PathBuf], out: &mut dyn std::io::Write, style: CheckStyle) -> std::io::Result<usize> {
    check_with_warnings(paths, out, style).map(|(failed, _)| failed)
}

/// As [`check`], with warnings for what is valid but will not work as meant: a rubric
/// criterion the AI expert misses (played on the scenario's seed), a scenario whose file is not
/// named after its id, and two files of one id. Returns the number of files with
/// errors and the number of warnings.
///
/// # Errors
/// When the output cannot be written.
pub fn check_with_warnings(
    paths: &[PathBuf],
    out: &mut dyn std::io::Write,
    style: CheckStyle,
) -> std::io::Result<(usize, usize)> {
    check_in(paths, out, style, crate::i18n::english())
}

/// As [`check_with_warnings`], every line in `cat`'s language (field paths, ids and quoted
/// text as the file writes them).
///
/// # Errors
/// When the output cannot be written.
pub fn check_in(
    paths: &[PathBuf],
    out: &mut dyn std::io::Write,
    style: CheckStyle,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<(usize, usize)> {
    let mark = if style == CheckStyle::Plain { "# " } else { "" };
    let files = catalog::expand(paths);
    let mut failed = 0;
    let mut warnings: Vec<String> = Vec::new();
    let mut ids: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
    if files.is_empty() {
        writeln!(out, "{mark}{}", cat.tr("check-no-files"))?;
        return Ok((1, 0));
    }
    for path in &files {
        let result = match catalog::kind_of(path) {
            Some(FileKind::RulePack) => scenario::load_rule_pack_file(path).map(|p| {
                cat.tr_args(
                    "check-rule-pack-summary",
                    &[("id", p.id().into()), ("rules", p.rules().len().into())],
                )
            }),
            Some(FileKind::Nomenclature) => {
                let label = path.display().to_string();
                load::read_text(path, &label)
                    .map_err(|d| vec![d])
                    .and_then(|text| load::parse_ron(&label, &text).map_err(|d| vec![d]))
                    .and_then(|file| crate::sim::customs::hs::Nomenclature::validate(&label, file))
                    .map(|n| {
                        cat.tr_args(
                            "check-nomenclature-summary",
                            &[
                                ("edition", n.edition().to_string().into()),
                                ("extension", n.national_extension().to_string().into()),
                            ],
                        )
                    })
            }
            _ => scenario::load_scenario_file(path).map(|s| {
                let id = s.meta().id.clone();
                let stem = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".scenario.ron"))
                    .unwrap_or_default();
                if stem != id {
                    warnings.push(format!(
                        "{}: {}",
                        shown_path(path),
                        cat.tr_args(
                            "check-warning-file-name",
                            &[("stem", shown(stem).into()), ("id", shown(&id).into())]
                        )
                    ));
                }
                ids.entry(id.clone()).or_default().push(shown_path(path));
                let summary = cat.tr_args(
                    "check-scenario-summary",
                    &[("id", id.as_str().into()), ("title", cat.text(&s.meta().title).into())],
                );
                let source = load::read_text(path, &path.display().to_string()).ok();
                let mut found = crate::authoring::warnings(&std::sync::Arc::new(s), source.as_deref());
                // A scenario with `variants`: what some students' variants would meet too.
                if let Some(file) = source.as_deref().and_then(|t| load::parse_scenario("", t).ok())
                    && !file.variants.is_empty()
                {
                    found.extend(crate::authoring::variant_warnings(path, &file));
                }
                for warning in found {
                    warnings.push(format!("{}: {}", shown_path(path), shown(&warning.text(cat))));
                }
                summary
            }),
        };
        match result {
            Ok(summary) => writeln!(
                out,
                "{mark}{}",
                cat.tr_args(
                    "check-file-ok",
                    &[("file", shown_path(path).into()), ("summary", shown(&summary).into())]
                )
            )?,
            Err(diagnostics) => {
                failed += 1;
                writeln!(
                    out,
                    "{mark}{}",
                    cat.tr_args(
                        "check-file-error",
                        &[
                            ("file", shown_path(path).into()),
                            ("problems", diagnostics.len().into())
                        ]
                    )
                )?;
                if style == CheckStyle::Plain {
                    write!(out, "{}", render_plain_in(&diagnostics, cat))?;
                    continue;
                }
                for d in &diagnostics {
                    // Only the file being checked or a rule pack it may load (in its folder,
                    // or bundled) is ever quoted.
                    let source = snippet_source_allowed(path, &d.file)
                        .then(|| load::read_text(std::path::Path::new(&d.file), &d.file).ok())
                        .flatten();
                    writeln!(
                        out,
                        "{}",
                        pretty::render_in(d, source.as_deref(), style == CheckStyle::Color, cat)
                    )?;
                }
            }
        }
    }
    for (id, paths) in ids.iter().filter(|(_, p)| p.len() > 1) {
        warnings.push(cat.tr_args(
            "check-warning-id-twice",
            &[
                ("id", shown(id).into()),
                ("count", paths.len().into()),
                ("files", paths.join(", ").into()),
            ],
        ));
    }
    for warning in &warnings {
        writeln!(
            out,
            "{mark}{}",
            cat.tr_args("check-warning", &[("warning", warning.clone().into())])
        )?;
    }
    writeln!(
        out,
        "{mark}{}",
        cat.tr_args(
            "check-summary",
            &[
                ("files", files.len().into()),
                ("failed", failed.into()),
                ("warnings", warnings.len().into())
            ]
        )
    )?;
    Ok((failed, warnings.len()))
}

/// Whether a diagnostic's file may be quoted while checking `checked`: the file itself, a file
/// in its folder, or a bundled rule pack.
fn snippet_source_allowed(checked: &std::path::Path, file: &str) -> bool {
    let real = |p: &std::path::Path| std::fs::canonicalize(p).ok();
    let Some(file) = real(std::path::Path::new(file)) else {
        return false;
    };
    let folder = checked
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    [real(checked), real(folder), real(&catalog::bundled_dir().join("rules"))]
        .into_iter()
        .flatten()
        .any(|allowed| file == allowed || file.starts_with(&allowed))
}

/// Runs `new`: writes the scenario (never over an existing file), then checks it. Returns
/// whether it was written.
///
/// # Errors
/// When the output cannot be written.
pub fn new_scenario(
    mode: &str,
    lang: &str,
    file: &std::path::Path,
    out: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    new_scenario_in(mode, lang, file, out, crate::i18n::english())
}

/// As [`new_scenario`], what it prints in `cat`'s language (`lang` chooses the language of
/// the guide in the file's opening comment).
///
/// # Errors
/// When the output cannot be written.
pub fn new_scenario_in(
    mode: &str,
    lang: &str,
    file: &std::path::Path,
    out: &mut dyn std::io::Write,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<bool> {
    use crate::scenario::scaffold::{GuideLanguage, id_from_file_name_said, new_scenario};
    use crate::sim::terms::TradeMode;
    let mode = match mode {
        "b2b" => TradeMode::B2B,
        "b2c" => TradeMode::B2C,
        _ => TradeMode::C2C,
    };
    let guide = if lang == "zh" {
        GuideLanguage::Chinese
    } else {
        GuideLanguage::English
    };
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let id = match id_from_file_name_said(name) {
        Ok(id) => id,
        Err(why) => {
            writeln!(out, "{}: {}", shown_path(file), cat.say(&why))?;
            return Ok(false);
        }
    };
    let text = new_scenario(mode, &id, guide);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()).and_then(|()| f.sync_all()));
    if let Err(e) = written {
        let why = if e.kind() == std::io::ErrorKind::AlreadyExists {
            cat.tr("cli-new-exists")
        } else {
            e.to_string()
        };
        writeln!(out, "{}: {}", shown_path(file), shown(&why))?;
        return Ok(false);
    }
    let said = Said::new("cli-new-wrote")
        .with("file", shown_path(file))
        .with("id", id.as_str());
    writeln!(out, "{}", cat.say(&said))?;
    let (failed, warnings) = check_in(&[file.to_path_buf()], out, CheckStyle::Plain, cat)?;
    writeln!(
        out,
        "{}",
        cat.say(&Said::new("cli-new-next").with("file", shown_path(file)))
    )?;
    Ok(failed == 0 && warnings == 0)
}

/// Runs `list`.
pub fn list(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    list_in(out, crate::i18n::english())
}

/// As [`list`], in `cat`'s language: ids as written, each title in that language (English
/// lists both).
///
/// # Errors
/// When the output cannot be written.
pub fn list_in(out: &mut dyn std::io::Write, cat: &crate::i18n::Catalogue) -> std::io::Result<()> {
    use crate::sim::terms::{Difficulty, TradeMode};
    let dir = catalog::bundled_dir();
    writeln!(
        out,
        "{}",
        cat.say(&Said::new("cli-list-title").with("folder", dir.display().to_string()))
    )?;
    for entry in catalog::load_dir(&dir) {
        let name = entry
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match entry.outcome {
            Ok(s) => {
                let m = s.meta();
                let mode = match m.mode {
                    TradeMode::B2B => "mode-b2b",
                    TradeMode::B2C => "mode-b2c",
                    TradeMode::C2C => "mode-c2c",
                };
                let difficulty = match m.difficulty {
                    Difficulty::Beginner => "difficulty-beginner",
                    Difficulty::Intermediate => "difficulty-intermediate",
                    Difficulty::Advanced => "difficulty-advanced",
                };
                let title = match cat.language() {
                    crate::i18n::Language::English => format!("{} / {}", shown(&m.title.en), shown(&m.title.zh)),
                    _ => shown(cat.text(&m.title)),
                };
                let said = Said::new("cli-list-row")
                    .with("minutes", format!("{:>3}", m.estimated_minutes))
                    .with("title", title);
                writeln!(
                    out,
                    "  {} {}  {} {}",
                    pad_right(&m.id, 24),
                    cat.tr(mode),
                    pad_right(&cat.tr(difficulty), 12),
                    cat.say(&said)
                )?;
            }
            Err(d) => writeln!(
                out,
                "  {} {}",
                pad_right(&shown(&name), 24),
                cat.say(
                    &Said::new("cli-list-broken")
                        .with("problems", d.len())
                        .with("file", shown_path(&entry.path))
                )
            )?,
        }
    }
    Ok(())
}

/// Whether stdout is a terminal (for colours).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// The scenario a headless command names (a file or a bundled id), loaded; when it does not
/// load, its problems are printed (in `cat`'s language) and `None` returned.
///
/// # Errors
/// When the output cannot be written.
fn load_for_headless(
    scenario: &str,
    out: &mut dyn std::io::Write,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<Option<std::sync::Arc<crate::sim::Scenario>>> {
    let path = match catalog::resolve_said(scenario) {
        Ok(p) => p,
        Err(why) => {
            writeln!(out, "{}", shown(&cat.say(&why)))?;
            return Ok(None);
        }
    };
    match scenario::load_scenario_file(&path) {
        Ok(s) => Ok(Some(std::sync::Arc::new(s))),
        Err(diagnostics) => {
            write!(out, "{}", render_plain_in(&diagnostics, cat))?;
            Ok(None)
        }
    }
}

/// Runs `expert`: the expert's decisions by day, then its score per task and criterion.
/// Returns whether the scenario loaded and was played.
///
/// # Errors
/// When the output cannot be written.
pub fn expert(scenario: &str, seed: Option<u64>, out: &mut dyn std::io::Write) -> std::io::Result<bool> {
    expert_in(scenario, seed, out, crate::i18n::english())
}

/// As [`expert`], in `cat`'s language: the scenario's texts, the decisions and the grading
/// reasons in that language, ids and amounts as written.
///
/// # Errors
/// When the output cannot be written.
pub fn expert_in(
    scenario: &str,
    seed: Option<u64>,
    out: &mut dyn std::io::Write,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<bool> {
    let Some(loaded) = load_for_headless(scenario, out, cat)? else {
        return Ok(false);
    };
    let seed = seed.unwrap_or_else(|| loaded.seed());
    let run = crate::sim::expert::play(std::sync::Arc::clone(&loaded), seed);
    let report = &run.report;
    let said = Said::new("cli-expert-run")
        .with("title", shown(cat.text(&report.title)))
        .with("id", shown(&report.scenario_id))
        .with("seed", seed.to_string())
        .with("days", report.days_played)
        .with("total", report.length_days);
    writeln!(out, "{}", cat.say(&said))?;
    for m in &run.moves {
        let said = match m.task.as_deref() {
            Some(task) => Said::new("cli-expert-move-task").with("task", shown(task)),
            None => Said::new("cli-expert-move"),
        };
        let said = said.with("day", m.day).with("what", shown(cat.text(&m.what)));
        writeln!(out, "{}", cat.say(&said))?;
    }
    writeln!(out)?;
    for task in &report.tasks {
        let said = Said::new("cli-expert-task")
            .with("task", shown(cat.text(&task.title)))
            .with("earned", task.earned())
            .with("possible", task.possible());
        writeln!(out, "{}", cat.say(&said))?;
        for c in task.criteria.iter().filter(|c| c.earned < c.possible) {
            let said = Said::new("cli-expert-missed")
                .with("earned", c.earned)
                .with("possible", c.possible)
                .with("criterion", shown(cat.text(&c.description)))
                .with("reason", shown(cat.text(&c.reason)));
            writeln!(out, "  {}", cat.say(&said))?;
        }
    }
    let said = Said::new("cli-expert-total")
        .with("earned", report.total_earned)
        .with("possible", report.total_possible)
        .with("cash-start", report.cash_start_home.format())
        .with("cash-end", report.cash_end_home.format())
        .with("reputation-start", report.reputation_start.to_string())
        .with("reputation-end", report.reputation_end.to_string());
    writeln!(out, "{}", cat.say(&said))?;
    Ok(true)
}

/// Runs `tournament`: the table of pairings and the throughput. Returns whether the scenario
/// had a negotiation to play.
pub fn tournament(args: &TournamentArgs, out: &mut dyn std::io::Write) -> std::io::Result<bool> {
    tournament_in(args, out, crate::i18n::english())
}

/// As [`tournament`], in `cat`'s language (the strategies' names as the literature writes
/// them).
///
/// # Errors
/// When the output cannot be written.
pub fn tournament_in(
    args: &TournamentArgs,
    out: &mut dyn std::io::Write,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<bool> {
    use crate::sim::negotiation::Strategy;
    use crate::sim::negotiation::domain::format_utility;
    use crate::sim::negotiation::tournament::{run_tournament, standard_roster};
    let path = match catalog::resolve_said(&args.scenario) {
        Ok(p) => p,
        Err(why) => {
            writeln!(out, "{}", shown(&cat.say(&why)))?;
            return Ok(false);
        }
    };
    let scenario = match scenario::load_scenario_file(&path) {
        Ok(s) => s,
        Err(diagnostics) => {
            write!(out, "{}", render_plain_in(&diagnostics, cat))?;
            return Ok(false);
        }
    };
    let negotiable: Vec<_> = scenario.tasks().iter().filter(|t| t.negotiation.is_some()).collect();
    let task = match &args.task {
        Some(id) => negotiable.iter().find(|t| &t.id == id),
        None => negotiable.first(),
    };
    let (Some(task), Some(case)) = (task, task.and_then(|t| t.negotiation.as_ref())) else {
        let ids: Vec<&str> = negotiable.iter().map(|t| t.id.as_str()).collect();
        let said = match &args.task {
            Some(t) => Said::new("cli-tournament-no-task-named").with("task", shown(t)),
            None => Said::new("cli-tournament-no-task"),
        };
        let tasks = if ids.is_empty() {
            cat.tr("cli-tournament-none")
        } else {
            ids.join(", ")
        };
        let said = said.with("file", shown_path(&path)).with("tasks", tasks);
        writeln!(out, "{}", cat.say(&said))?;
        return Ok(false);
    };
    let mut strategies = standard_roster();
    for cp in scenario.counterparts() {
        let own = Strategy::of(&cp.personality);
        if !strategies.contains(&own) {
            strategies.push(own);
        }
    }
    let runs = args.runs.max(1);
    let started = std::time::Instant::now();
    let result = run_tournament(case, &strategies, runs, args.rounds, args.seed);
    let seconds = started.elapsed().as_secs_f64();
    let said = Said::new("cli-tournament-title")
        .with("scenario", scenario.meta().id.as_str())
        .with("task", task.id.as_str())
        .with("issues", case.domain.issues().len())
        .with("outcomes", result.outcomes.to_string())
        .with("rounds", result.deadline_rounds.to_string())
        .with("runs", runs.to_string())
        .with("seed", args.seed.to_string());
    writeln!(out, "{}", cat.say(&said))?;
    let said = Said::new("cli-tournament-reservation")
        .with("seller", format_utility(case.seller.reservation()))
        .with("buyer", format_utility(case.buyer.reservation()));
    writeln!(out, "{}", cat.say(&said))?;
    writeln!(out)?;
    let column = |key: &str| cat.tr(key);
    writeln!(
        out,
        "{} {} {} {} {} {} {} {} {}",
        pad_right(&column("cli-tournament-col-seller"), 18),
        pad_right(&column("cli-tournament-col-buyer"), 18),
        pad_left(&column("cli-tournament-col-agree"), 6),
        pad_left(&column("cli-tournament-col-u-sell"), 7),
        pad_left(&column("cli-tournament-col-u-buy"), 7),
        pad_left(&column("cli-tournament-col-welfare"), 7),
        pad_left(&column("cli-tournament-col-pareto"), 7),
        pad_left(&column("cli-tournament-col-nash"), 7),
        pad_left(&column("cli-tournament-col-rounds"), 6),
    )?;
    for p in &result.pairs {
        writeln!(
            out,
            "{:<18} {:<18} {:>5.1}% {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7} {:>6.1}",
            p.seller.name(),
            p.buyer.name(),
            p.agreement_rate() * 100.0,
            p.mean_seller_utility(),
            p.mean_buyer_utility(),
            p.mean_welfare(),
            p.mean_pareto_distance(),
            if result.has_nash_point {
                format!("{:.3}", p.mean_nash_distance())
            } else {
                "—".to_string()
            },
            p.mean_rounds()
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", cat.tr("cli-tournament-means"))?;
    let negotiations = result.negotiations();
    let said = Said::new("cli-tournament-throughput")
        .with("negotiations", negotiations.to_string())
        .with("seconds", format!("{seconds:.3}"))
        .with("rate", format!("{:.0}", negotiations as f64 / seconds.max(1e-9)));
    writeln!(out, "{}", cat.say(&said))?;
    Ok(true)
}

/// Runs `landed-cost`: the breakdown as a table (or JSON), or the file's problems.
/// Returns whether the file was valid.
pub fn landed_cost(path: &std::path::Path, json: bool, out: &mut dyn std::io::Write) -> std::io::Result<bool> {
    landed_cost_in(path, json, out, crate::i18n::english())
}

/// As [`landed_cost`], the table and the file's problems in `cat`'s language (the JSON stays
/// English: scripts read it).
///
/// # Errors
/// When the output cannot be written.
pub fn landed_cost_in(
    path: &std::path::Path,
    json: bool,
    out: &mut dyn std::io::Write,
    cat: &crate::i18n::Catalogue,
) -> std::io::Result<bool> {
    let shipment = match scenario::load_shipment_file(path) {
        Ok(s) => s,
        Err(diagnostics) => {
            write!(out, "{}", render_plain_in(&diagnostics, cat))?;
            return Ok(false);
        }
    };
    let result = crate::sim::customs::landed_cost(&shipment.consignment());
    if json {
        let value = serde_json::json!({
            "rule_pack": shipment.pack.id(),
            "jurisdiction": shipment.pack.jurisdiction(),
            "date": shipment.date.to_string(),
            "channel": format!("{:?}", shipment.channel),
            "incoterm": format!("{:?}", shipment.incoterm),
            "destination": shipment.destination,
            "result": result,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value).unwrap_or_default())?;
        return Ok(true);
    }
    // Descriptions and rule sources come from files: shown, never obeyed, by the terminal.
    write!(out, "{}", shown_lines(&render_landed_cost_in(&shipment, &result, cat)))?;
    Ok(true)
}

/// The landed-cost breakdown as a plain-text table with the sources of the rules used.
pub fn render_landed_cost(shipment: &crate::sim::customs::Shipment, r: &crate::sim::customs::LandedCost) -> String {
    render_landed_cost_in(shipment, r, crate::i18n::english())
}

/// The display width of `text` in a terminal: CJK characters and full-width forms take two
/// columns.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F => 2,
            0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `text` padded with spaces on the right to `width` columns (as `{:<width}` for ASCII).
fn pad_right(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(display_width(text))))
}

/// `text` padded with spaces on the left to `width` columns (as `{:>width}` for ASCII).
fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(display_width(text))))
}

/// The catalogue key of a breakdown line's kind.
fn line_kind_key(kind: crate::sim::customs::LineKind) -> &'static str {
    use crate::sim::customs::LineKind;
    match kind {
        LineKind::GoodsValue => "cli-lc-kind-goods-value",
        LineKind::Freight => "cli-lc-kind-freight",
        LineKind::Insurance => "cli-lc-kind-insurance",
        LineKind::CustomsValue => "cli-lc-kind-customs-value",
        LineKind::Duty => "cli-lc-kind-duty",
        LineKind::ConsumptionTax => "cli-lc-kind-consumption-tax",
        LineKind::Vat => "cli-lc-kind-vat",
        LineKind::VatAtSale => "cli-lc-kind-vat-at-sale",
        LineKind::Fee => "cli-lc-kind-fee",
        LineKind::Note => "cli-lc-kind-note",
    }
}

/// As [`render_landed_cost`], in `cat`'s language: amounts, codes, rule ids, descriptions and
/// the rules' sources as written.
pub fn render_landed_cost_in(
    shipment: &crate::sim::customs::Shipment,
    r: &crate::sim::customs::LandedCost,
    cat: &crate::i18n::Catalogue,
) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        cat.tr_args("cli-lc-title", &[("regime", cat.say(&r.regime_said()).into())])
    );
    let mut declared = vec![
        ("pack", shipment.pack.id().into()),
        ("jurisdiction", shipment.pack.jurisdiction().into()),
        ("date", shipment.date.to_string().into()),
        (
            "channel",
            cat.tr(crate::sim::customs::landed_cost::channel_term(shipment.channel))
                .into(),
        ),
        ("incoterm", format!("{:?}", shipment.incoterm).into()),
    ];
    let key = if shipment.destination.is_empty() {
        "cli-lc-declared"
    } else {
        declared.push(("destination", shipment.destination.clone().into()));
        "cli-lc-declared-to"
    };
    let _ = writeln!(s, "{}", cat.tr_args(key, &declared));
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{} {} {}  {} {}",
        pad_right(&cat.tr("cli-lc-col-line"), 15),
        pad_left(&cat.tr("cli-lc-col-item"), 4),
        pad_left(
            &cat.tr_args("cli-lc-col-amount", &[("currency", r.currency.clone().into())]),
            16
        ),
        pad_right(&cat.tr("cli-lc-col-rule"), 28),
        cat.tr("cli-lc-col-explanation")
    );
    for l in &r.lines {
        let item = l.item.map_or_else(|| "-".to_string(), |i| (i + 1).to_string());
        let amount = if l.kind == crate::sim::customs::LineKind::Note {
            String::new()
        } else {
            crate::sim::money::format_minor(l.amount, r.exponent)
        };
        let _ = writeln!(
            s,
            "{} {:>4} {:>16}  {} {}",
            pad_right(&cat.tr(line_kind_key(l.kind)), 15),
            item,
            amount,
            pad_right(l.rule_id.as_deref().unwrap_or(""), 28),
            cat.say(&r.said(l))
        );
    }
    let _ = writeln!(s);
    let totals = [
        ("cli-lc-total-goods-value", r.goods_value),
        ("cli-lc-total-customs-value", r.customs_value),
        ("cli-lc-total-duty", r.duty),
        ("cli-lc-total-consumption-tax", r.consumption_tax),
        ("cli-lc-total-vat", r.vat),
        ("cli-lc-total-vat-at-sale", r.vat_at_sale),
        ("cli-lc-total-fees", r.fees),
        ("cli-lc-total-taxes", r.taxes),
        ("cli-lc-total-landed", r.landed_total),
    ];
    for (key, minor) in totals {
        let _ = writeln!(s, "{} {:>16}", pad_right(&cat.tr(key), 16), r.money(minor));
    }
    let mut sources: Vec<(&str, &str)> = r
        .lines
        .iter()
        .filter_map(|l| Some((l.rule_id.as_deref()?, l.source.as_deref()?)))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    if !sources.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}", cat.tr("cli-lc-sources"));
        for (id, source) in sources {
            let _ = writeln!(s, "  [{id}] {source}");
        }
    }
    s
}
