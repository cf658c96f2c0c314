//! The `tradeport` executable: parses the command line and runs the game or a headless command.

use std::process::ExitCode;

use clap::Parser;
use tradeport::cli::{self, CheckStyle, Cli, CliCommand, PlayArgs};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        None => play(PlayArgs::default()),
        Some(CliCommand::Play(play_args)) => play(play_args),
        Some(CliCommand::Check {
            paths,
            plain,
            deny_warnings,
            lang,
        }) => {
            let mut stdout = std::io::stdout();
            let style = if plain {
                CheckStyle::Plain
            } else if cli::stdout_is_terminal() {
                CheckStyle::Color
            } else {
                CheckStyle::Snippet
            };
            let cat = tradeport::i18n::Catalogue::new(cli::language(lang.as_deref()));
            match cli::check_in(&paths, &mut stdout, style, &cat) {
                Ok((0, 0)) => ExitCode::SUCCESS,
                Ok((0, _)) if !deny_warnings => ExitCode::SUCCESS,
                Ok(_) => ExitCode::FAILURE,
                Err(e) => {
                    eprintln!("tradeport: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(CliCommand::LandedCost { file, json, lang }) => exit(cli::landed_cost_in(
            &file,
            json,
            &mut std::io::stdout(),
            &catalogue(lang.as_deref()),
        )),
        Some(CliCommand::Tournament { args, lang }) => exit(cli::tournament_in(
            &args,
            &mut std::io::stdout(),
            &catalogue(lang.as_deref()),
        )),
        Some(CliCommand::Expert { scenario, seed, lang }) => exit(cli::expert_in(
            &scenario,
            seed,
            &mut std::io::stdout(),
            &catalogue(lang.as_deref()),
        )),
        Some(CliCommand::Replay {
            save,
            scenario,
            report,
            lang,
        }) => exit(cli::replay_in(
            &save,
            scenario.as_deref(),
            report.as_deref(),
            (&mut std::io::stdout(), &mut std::io::stderr()),
            &catalogue(lang.as_deref()),
        )),
        Some(CliCommand::Report {
            save,
            html,
            csv,
            scenario,
            lang,
        }) => exit(cli::report(
            &save,
            scenario.as_deref(),
            (html.as_deref(), cli::language(lang.as_deref())),
            csv.as_deref(),
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(CliCommand::Verify {
            reports,
            scenario,
            csv,
            class_code,
            lang,
        }) => exit(cli::verify_class_in(
            &reports,
            (scenario.as_deref(), class_code.as_deref()),
            csv.as_deref(),
            &mut std::io::stdout(),
            &catalogue(lang.as_deref()),
        )),
        Some(CliCommand::SaveDrill { scenario, dir, pace_ms }) => exit(cli::save_drill(&scenario, &dir, pace_ms)),
        Some(command @ (CliCommand::Host { .. } | CliCommand::Join { .. } | CliCommand::ClassBench { .. })) => {
            classroom(command)
        }
        Some(CliCommand::New { mode, lang, file }) => {
            let cat = catalogue(lang.as_deref());
            let guide = match cat.language() {
                tradeport::i18n::Language::Chinese => "zh",
                tradeport::i18n::Language::English => "en",
            };
            exit(cli::new_scenario_in(&mode, guide, &file, &mut std::io::stdout(), &cat))
        }
        Some(CliCommand::Simulate { args, lang }) => exit(cli::simulate_in(
            &args,
            &mut std::io::stdout(),
            &catalogue(lang.as_deref()),
        )),
        Some(CliCommand::List { lang }) => match cli::list_in(&mut std::io::stdout(), &catalogue(lang.as_deref())) {
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

/// `tradeport host` and `tradeport join`: a class on the LAN, in the window or headless.
#[cfg(feature = "gui")]
fn classroom(command: CliCommand) -> ExitCode {
    use tradeport::game::class_net::{HeadlessJoin, HostRequest, run_headless_host, run_headless_join};
    let refuse = |message: String| {
        eprintln!("tradeport: {message}");
        ExitCode::from(2)
    };
    match command {
        CliCommand::ClassBench {
            scenario,
            clients,
            seconds,
            think_ms,
        } => match tradeport::catalog::resolve(&scenario) {
            Err(e) => refuse(e),
            Ok(path) => exit(tradeport::game::class_bench::run(
                &tradeport::game::class_bench::ClassBench {
                    scenario: path,
                    clients: usize::from(clients),
                    seconds,
                    think: std::time::Duration::from_millis(think_ms),
                },
                &mut std::io::stdout(),
            )),
        },
        CliCommand::Host {
            scenario,
            headless,
            size,
            port,
            seats,
            collect,
            autosave,
            resume,
            exam,
            team_size,
            lang,
        } => match tradeport::catalog::resolve(&scenario) {
            Err(e) => refuse(e),
            Ok(path) => {
                let request = HostRequest {
                    scenario: path,
                    port,
                    seats,
                    mode: if exam {
                        tradeport::sim::session::PlayMode::Exam
                    } else {
                        tradeport::sim::session::PlayMode::Practice
                    },
                    collect,
                    autosave,
                    resume,
                    team_size: usize::from(team_size),
                };
                if headless {
                    exit(run_headless_host(&request, &mut std::io::stdout()))
                } else {
                    window(tradeport::game::class_window::ClassLaunch::Host(request), size, lang)
                }
            }
        },
        CliCommand::Join {
            host,
            bot: None,
            name,
            id,
            size,
            lang,
            ..
        } => window(
            tradeport::game::class_window::ClassLaunch::Join {
                target: host.unwrap_or_default(),
                name: name.unwrap_or_default(),
                number: id.unwrap_or_default(),
            },
            size,
            lang,
        ),
        CliCommand::Join {
            host: Some(host),
            bot: Some(bot),
            name: Some(name),
            id: Some(id),
            token_file,
            report,
            timeout,
            ..
        } => {
            let Some(address) = tradeport::class::code::parse_target(&host) else {
                return refuse(format!(
                    "`{}` is neither a join code nor an IP:PORT address",
                    tradeport::escape::printable(&host, 40)
                ));
            };
            let Some(policy) = tradeport::class::bot::Policy::parse(&bot) else {
                return refuse("--bot is expert or novice".to_string());
            };
            let limit = tradeport::class::MAX_NAME_CHARS;
            if [&name, &id]
                .iter()
                .any(|t| t.trim().is_empty() || t.chars().count() > limit)
            {
                return refuse(format!("--name and --id are 1 to {limit} characters"));
            }
            exit(run_headless_join(
                &HeadlessJoin {
                    host: address,
                    bot: policy,
                    name,
                    number: id,
                    token_file,
                    report_file: report,
                    timeout: std::time::Duration::from_secs(timeout),
                },
                &mut std::io::stdout(),
            ))
        }
        _ => ExitCode::from(2),
    }
}

/// The game's window opened on a class: the instructor's dashboard or the join form.
#[cfg(feature = "gui")]
fn window(
    launch: tradeport::game::class_window::ClassLaunch,
    size: Option<tradeport::cli::WindowSize>,
    lang: Option<String>,
) -> ExitCode {
    match tradeport::game::run_class(launch, size, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tradeport: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn classroom(_command: CliCommand) -> ExitCode {
    eprintln!("tradeport: this build has no networking (built without the `gui` feature)");
    ExitCode::from(2)
}

/// The catalogue of the language a `--lang` option asks for, or of the system's.
fn catalogue(lang: Option<&str>) -> tradeport::i18n::Catalogue {
    tradeport::i18n::Catalogue::new(cli::language(lang))
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
