//! The `tradeport` executable: parses the command line and runs the game or a headless command.

use std::process::ExitCode;

use clap::Parser;
use tradeport::cli::{self, CheckStyle, Cli, CliCommand, PlayArgs};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        None => play(PlayArgs::default()),
        Some(CliCommand::Play(play_args)) => play(play_args),
        Some(CliCommand::Check { paths, plain }) => {
            let mut stdout = std::io::stdout();
            let style = if plain {
                CheckStyle::Plain
            } else if cli::stdout_is_terminal() {
                CheckStyle::Color
            } else {
                CheckStyle::Snippet
            };
            match cli::check(&paths, &mut stdout, style) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(_) => ExitCode::FAILURE,
                Err(e) => {
                    eprintln!("tradeport: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(CliCommand::LandedCost { file, json }) => exit(cli::landed_cost(&file, json, &mut std::io::stdout())),
        Some(CliCommand::Tournament(t)) => exit(cli::tournament(&t, &mut std::io::stdout())),
        Some(CliCommand::Replay { save, scenario, report }) => exit(cli::replay(
            &save,
            scenario.as_deref(),
            report.as_deref(),
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(CliCommand::Report {
            save,
            html,
            csv,
            scenario,
        }) => exit(cli::report(
            &save,
            scenario.as_deref(),
            html.as_deref(),
            csv.as_deref(),
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(CliCommand::Verify { reports, scenario, csv }) => exit(cli::verify_all(
            &reports,
            scenario.as_deref(),
            csv.as_deref(),
            &mut std::io::stdout(),
        )),
        Some(CliCommand::SaveDrill { scenario, dir, pace_ms }) => exit(cli::save_drill(&scenario, &dir, pace_ms)),
        Some(CliCommand::Host {
            scenario,
            headless,
            port,
            seats,
            collect,
            autosave,
            resume,
            exam,
        }) => host(&scenario, headless, port, seats, collect, autosave, (resume, exam)),
        Some(CliCommand::Join {
            host,
            bot,
            name,
            id,
            token_file,
            report,
            timeout,
        }) => join(&host, &bot, &name, &id, token_file, report, timeout),
        Some(CliCommand::List) => match cli::list(&mut std::io::stdout()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("tradeport: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

#[cfg(feature = "gui")]
fn play(args: PlayArgs) -> ExitCode {
    match tradeport::game::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tradeport: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn play(_args: PlayArgs) -> ExitCode {
    eprintln!("tradeport: this build has no graphical interface (built without the `gui` feature)");
    ExitCode::from(2)
}

#[cfg(feature = "gui")]
fn host(
    scenario: &str,
    headless: bool,
    port: u16,
    seats: Option<usize>,
    collect: Option<std::path::PathBuf>,
    autosave: Option<std::path::PathBuf>,
    (resume, exam): (bool, bool),
) -> ExitCode {
    if !headless {
        eprintln!("tradeport: the instructor's window for hosting is not built yet; add --headless");
        return ExitCode::from(2);
    }
    let path = match tradeport::catalog::resolve(scenario) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("tradeport: {e}");
            return ExitCode::from(2);
        }
    };
    exit(tradeport::game::class_net::run_headless_host(
        &tradeport::game::class_net::HeadlessHost {
            scenario: path,
            port,
            seats,
            collect,
            autosave,
            resume,
            exam,
        },
        &mut std::io::stdout(),
    ))
}

#[cfg(feature = "gui")]
fn join(
    host: &str,
    bot: &str,
    name: &str,
    id: &str,
    token_file: Option<std::path::PathBuf>,
    report: Option<std::path::PathBuf>,
    timeout: u64,
) -> ExitCode {
    let Some(address) = tradeport::class::code::parse_target(host) else {
        eprintln!(
            "tradeport: `{}` is neither a join code nor an IP:PORT address",
            tradeport::escape::printable(host, 40)
        );
        return ExitCode::from(2);
    };
    let Some(policy) = tradeport::class::bot::Policy::parse(bot) else {
        eprintln!("tradeport: --bot is expert or novice");
        return ExitCode::from(2);
    };
    exit(tradeport::game::class_net::run_headless_join(
        &tradeport::game::class_net::HeadlessJoin {
            host: address,
            bot: policy,
            name: name.to_string(),
            number: id.to_string(),
            token_file,
            report_file: report,
            timeout: std::time::Duration::from_secs(timeout),
        },
        &mut std::io::stdout(),
    ))
}

#[cfg(not(feature = "gui"))]
fn host(
    _: &str,
    _: bool,
    _: u16,
    _: Option<usize>,
    _: Option<std::path::PathBuf>,
    _: Option<std::path::PathBuf>,
    _: (bool, bool),
) -> ExitCode {
    eprintln!("tradeport: this build has no networking (built without the `gui` feature)");
    ExitCode::from(2)
}

#[cfg(not(feature = "gui"))]
fn join(
    _: &str,
    _: &str,
    _: &str,
    _: &str,
    _: Option<std::path::PathBuf>,
    _: Option<std::path::PathBuf>,
    _: u64,
) -> ExitCode {
    eprintln!("tradeport: this build has no networking (built without the `gui` feature)");
    ExitCode::from(2)
}

/// The exit code of a command that says whether it succeeded; an I/O error is printed.
fn exit(result: std::io::Result<bool>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("tradeport: {e}");
            ExitCode::FAILURE
        }
    }
}
