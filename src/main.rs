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
