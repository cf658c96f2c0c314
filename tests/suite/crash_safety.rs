//! Losing nothing: a process that saves after every accepted command (the game's background
//! save writer, driven by `tradeport save-drill`) is killed at random moments, hundreds of
//! times. After a SIGKILL the saves folder always holds a readable save that replays, with at
//! least every command the writer had reported saved, and the progress profile and settings
//! are whole; after a SIGTERM (a lab PC shutting down) the process exits cleanly with the
//! save holding every accepted command.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::sync::Arc;
use std::time::Duration;

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tradeport::scenario::load_scenario_file;
use tradeport::sim::Scenario;

const BIN: &str = env!("CARGO_BIN_EXE_tradeport");
const SCENARIO: &str = "b2b-silk-blouses";

struct Outcome {
    accepted: usize,
    saved: usize,
    exit_code: Option<i32>,
}

fn numbers(stdout: &str, word: &str) -> usize {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix(word)?.trim().parse::<usize>().ok())
        .max()
        .unwrap_or(0)
}

/// Runs the drill in `dir` and sends `signal` after `delay`.
fn drill_and_kill(dir: &Path, delay: Duration, signal: &str) -> Outcome {
    let child = Process::new(BIN)
        .args(["save-drill", SCENARIO, "--pace-ms", "3", "--dir"])
        .arg(dir)
        // The output these tests read is the English one, whatever this machine's language.
        .env("LC_ALL", "C.UTF-8")
        .env(
            "TRADEPORT_SCENARIOS",
            std::fs::canonicalize("scenarios").unwrap_or_default(),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{BIN}: {e}"));
    std::thread::sleep(delay);
    let _ = Process::new("kill")
        .args([signal, &child.id().to_string()])
        .stderr(Stdio::null())
        .status();
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    Outcome {
        accepted: numbers(&stdout, "accepted "),
        saved: numbers(&stdout, "saved "),
        exit_code: out.status.code(),
    }
}

/// The save in `dir`, replayed: the number of commands it holds (0 when there is none yet).
fn replayable_save(dir: &Path, scenario: &Arc<Scenario>, full_log: &[tradeport::sim::Command]) -> usize {
    let path = dir.join(format!("{SCENARIO}.ron"));
    if !path.exists() {
        return 0;
    }
    let save = tradeport::saves::read_save(&path).unwrap_or_else(|e| panic!("an unreadable save was left: {e}"));
    save.replay(scenario.clone())
        .unwrap_or_else(|e| panic!("the save does not replay: {e}"));
    assert_eq!(
        save.commands.as_slice(),
        &full_log[..save.commands.len()],
        "the save is the log as played"
    );
    for other in ["profile.ron", "settings.ron"] {
        let p = dir.join(other);
        if p.exists() {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            assert!(
                ron::from_str::<ron::Value>(&text).is_ok(),
                "{other} is damaged: {text:?}"
            );
        }
    }
    save.commands.len()
}

#[test]
fn killed_at_random_moments_the_saves_folder_always_holds_the_last_saved_command() {
    let scenario = Arc::new(
        load_scenario_file(Path::new(&format!("scenarios/{SCENARIO}.scenario.ron")))
            .unwrap_or_else(|d| panic!("{d:?}")),
    );
    let full_log = tradeport::sim::expert::play(scenario.clone(), scenario.seed())
        .session
        .commands()
        .to_vec();
    let root = std::env::temp_dir().join(format!("tradeport-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let runs: Vec<(usize, u64, &str)> = (0..200)
        .map(|i| {
            (
                i,
                rng.random_range(0..220u64),
                if i % 5 == 4 { "-TERM" } else { "-KILL" },
            )
        })
        .collect();
    // Two drills at a time, one per core.
    let results: Vec<(usize, &str, Outcome, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .chunks(100)
            .map(|chunk| {
                let (root, scenario, full_log) = (&root, &scenario, &full_log);
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|&(i, delay, signal)| {
                            let dir: PathBuf = root.join(format!("run-{i}"));
                            std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
                            let outcome = drill_and_kill(&dir, Duration::from_millis(delay), signal);
                            let held = replayable_save(&dir, scenario, full_log);
                            (i, signal, outcome, held)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut mid_run = 0;
    for (i, signal, outcome, held) in &results {
        assert!(
            *held >= outcome.saved && *held <= outcome.accepted.max(outcome.saved),
            "run {i} ({signal}): the save holds {held} commands; {} reported saved, {} accepted",
            outcome.saved,
            outcome.accepted
        );
        if *signal == "-TERM" && outcome.accepted > 0 {
            assert_eq!(outcome.exit_code, Some(0), "run {i}: SIGTERM is a clean exit");
            assert_eq!(
                *held, outcome.accepted,
                "run {i}: after SIGTERM every accepted command is saved"
            );
        }
        if outcome.accepted > 0 && outcome.accepted < full_log.len() {
            mid_run += 1;
        }
    }
    assert!(
        mid_run >= 100,
        "only {mid_run} of 200 kills landed while commands were being saved"
    );
    let _ = std::fs::remove_dir_all(&root);
}
