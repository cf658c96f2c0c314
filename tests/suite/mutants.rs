//! Mutation testing of every bundled file: a seeded generator makes thousands of mutants of
//! each scenario, rule pack and shipment (numbers pushed to their edges, texts emptied,
//! lengthened or given terminal escapes and paths out of the folder, lines dropped, doubled or
//! swapped, brackets and commas lost, files cut short). Each mutant goes through what `check`
//! does (parse, validate, draw every diagnostic with its snippet); each one accepted is played
//! a few days, and some to the end with the AI expert, a save replay and a report. Nothing may
//! panic; the counts are printed (`cargo test mutants -- --nocapture`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tradeport::scenario::{self, RulePackText, load, pretty};
use tradeport::sim::save::{ReportFile, SaveFile, Student};
use tradeport::sim::{Command, Session, expert};

/// Numbers a mutant may put in place of a number.
const EDGE_NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "255",
    "366",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "2147483647",
    "9223372036854775807",
    "18446744073709551615",
    "99999999999999999999999",
    "1e9",
    "0.5",
    // The limits themselves, so that maxima meet each other.
    "20000",
    "1000000",
    "100000000000",
];

/// Texts a mutant may put in place of a string's content.
fn edge_texts() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "x".repeat(70_000),
        "\u{1b}[2J\u{1b}[1;1Hverified: 100 / 100".into(),
        "=HYPERLINK(\"http://x\",\"y\")".into(),
        "../../../etc/passwd".into(),
        "/etc/passwd".into(),
        "/dev/zero".into(),
        "-1".into(),
        "0".into(),
        "999999999999999999.99".into(),
        "1000000000000".into(),
        "1,5".into(),
        "100000%".into(),
        "-100%".into(),
        "9999-99-99".into(),
        "2026-02-30".into(),
        "李娜\u{202e}".into(),
        "eu".into(),
        "1000000000".into(),
        "1000000000.00".into(),
        "0.00001".into(),
        "100000".into(),
    ]
}

/// One random change to `text`.
fn mutate(text: &str, rng: &mut ChaCha8Rng, texts: &[String]) -> String {
    let bytes = text.as_bytes();
    match rng.random_range(0..8u32) {
        // A number token replaced by an edge value.
        0 | 1 => {
            let starts: Vec<usize> = (1..bytes.len())
                .filter(|&i| bytes[i].is_ascii_digit() && !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'"')
                .collect();
            let Some(&at) = starts.get(rng.random_range(0..starts.len().max(1))) else {
                return text.to_string();
            };
            let end = (at..bytes.len())
                .find(|&i| !bytes[i].is_ascii_digit())
                .unwrap_or(bytes.len());
            let edge = EDGE_NUMBERS[rng.random_range(0..EDGE_NUMBERS.len())];
            format!("{}{edge}{}", &text[..at], &text[end..])
        }
        // A string's content replaced.
        2 | 3 => {
            let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
            if quotes.len() < 2 {
                return text.to_string();
            }
            let pair = rng.random_range(0..quotes.len() / 2) * 2;
            let (open, close) = (quotes[pair], quotes[pair + 1]);
            let with = &texts[rng.random_range(0..texts.len())];
            let escaped = with.replace('\\', "\\\\").replace('"', "\\\"");
            format!("{}{escaped}{}", &text[..=open], &text[close..])
        }
        // Lines dropped, doubled or swapped.
        4 => {
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.len() < 3 {
                return text.to_string();
            }
            let a = rng.random_range(0..lines.len());
            let b = rng.random_range(0..lines.len());
            match rng.random_range(0..3u32) {
                0 => {
                    lines.remove(a);
                }
                1 => lines.insert(a, lines[b]),
                _ => lines.swap(a, b),
            }
            lines.join("\n")
        }
        // A bracket or comma lost or added.
        5 => {
            let mut chars: Vec<char> = text.chars().collect();
            if chars.is_empty() {
                return String::new();
            }
            let at = rng.random_range(0..chars.len());
            if rng.random_range(0..2u32) == 0 {
                chars.remove(at);
            } else {
                let c = ['(', ')', '[', ']', ',', ':', '"', '/'][rng.random_range(0..8)];
                chars.insert(at, c);
            }
            chars.into_iter().collect()
        }
        // The file cut short.
        6 => {
            let cut = rng.random_range(0..text.len().max(1));
            let cut = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            text[..cut].to_string()
        }
        // Everything on one line, so positions fall past column 65,535 once it is long.
        _ => {
            let mut one = text.replace('\n', " ");
            if rng.random_range(0..2u32) == 0 {
                one.insert_str(0, &" ".repeat(70_000));
            }
            one
        }
    }
}

#[derive(Default, Debug)]
struct Tally {
    mutants: usize,
    accepted: usize,
    rejected: usize,
    played_to_end: usize,
}

/// What `check` does with a file's problems: the plain text and the snippet rendering.
fn draw_all(diagnostics: &[scenario::error::Diagnostic], text: &str) {
    let plain = scenario::error::render_plain(diagnostics);
    assert!(
        !plain.contains('\u{1b}'),
        "a diagnostic passed a terminal escape through: {plain}"
    );
    for d in diagnostics {
        let drawn = pretty::render(d, Some(text), false);
        assert!(!drawn.is_empty() && !drawn.contains('\u{1b}'), "{drawn}");
    }
}

/// Plays a few days of an accepted scenario, and every `full`-th one to the end as the expert
/// with its save replayed and the report built.
fn play(scenario: scenario_types::Scenario, full: bool, tally: &mut Tally, what: &str) {
    let scenario = Arc::new(scenario);
    let mut session = Session::new(scenario.clone(), None);
    for _ in 0..3 {
        if session.apply(Command::EndDay).is_err() {
            break;
        }
    }
    let _ = tradeport::sim::Report::of(&session);
    if full {
        let run = expert::play(scenario.clone(), scenario.seed());
        let save = SaveFile::of(&run.session, Student::default());
        let replayed = SaveFile::parse(&save.to_text())
            .and_then(|s| s.replay(scenario))
            .unwrap_or_else(|e| panic!("{what}: the expert's own save does not replay: {e}"));
        let _ = ReportFile::of(&replayed, Student::default()).to_text();
        tally.played_to_end += 1;
    }
}

mod scenario_types {
    pub use tradeport::sim::Scenario;
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `TRADEPORT_MUTANTS=N` runs N times as many mutants (a longer fuzzing run), with the seed
/// `TRADEPORT_MUTANTS_SEED` if given.
fn scale() -> (usize, u64) {
    let n = std::env::var("TRADEPORT_MUTANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1usize);
    let seed = std::env::var("TRADEPORT_MUTANTS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x7a8e_d0c7u64);
    (n.max(1), seed)
}

#[test]
fn mutants_of_every_bundled_file_never_crash_check_or_play() {
    let (times, seed) = scale();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let texts = edge_texts();
    let mut tally = Tally::default();

    // Scenarios: the whole loading path, rule packs read from the bundled folder.
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let path = PathBuf::from(format!("scenarios/{id}.scenario.ron"));
        let original = read(&path);
        for n in 0..700 * times {
            let mut text = mutate(&original, &mut rng, &texts);
            if n % 3 == 0 {
                text = mutate(&text, &mut rng, &texts);
            }
            tally.mutants += 1;
            let label = path.display().to_string();
            let outcome = load::parse_scenario(&label, &text).and_then(|file| scenario::assemble_at(&path, &file));
            match outcome {
                Ok(s) => {
                    tally.accepted += 1;
                    play(s, tally.accepted % 40 == 1, &mut tally, &format!("{id} mutant {n}"));
                }
                Err(d) => {
                    tally.rejected += 1;
                    draw_all(&d, &text);
                }
            }
        }
    }

    // Rule packs: on their own, then in every bundled scenario that uses them.
    for pack_path in std::fs::read_dir("scenarios/rules")
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".rules.ron"))
    {
        let original = read(&pack_path);
        let label = pack_path.display().to_string();
        for n in 0..150 * times {
            let text = mutate(&original, &mut rng, &texts);
            tally.mutants += 1;
            match load::parse_rule_pack(&label, &text).and_then(|f| scenario::validate_rule_pack(&label, &f)) {
                Err(d) => {
                    tally.rejected += 1;
                    draw_all(&d, &text);
                }
                Ok(pack) => {
                    tally.accepted += 1;
                    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
                        let path = PathBuf::from(format!("scenarios/{id}.scenario.ron"));
                        let scenario_text = read(&path);
                        let Ok(file) = load::parse_scenario(&path.display().to_string(), &scenario_text) else {
                            continue;
                        };
                        let packs = file
                            .setup
                            .rule_packs
                            .iter()
                            .enumerate()
                            .map(|(index, r)| {
                                let (pack_label, pack_text) = if r.id == pack.id() {
                                    (label.clone(), Ok(text.clone()))
                                } else {
                                    scenario::read_rule_pack(&path, &r.id, &r.file)
                                };
                                RulePackText {
                                    index,
                                    label: pack_label,
                                    text: pack_text,
                                }
                            })
                            .collect();
                        if let Ok(s) = scenario::assemble(&path.display().to_string(), &file, packs, None) {
                            play(s, n % 50 == 7, &mut tally, &format!("{label} mutant {n} in {id}"));
                        }
                    }
                }
            }
        }
    }

    // Shipments: validated and costed.
    for entry in std::fs::read_dir("tests/landed-cost")
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".shipment.ron") {
            continue;
        }
        let original = read(&path);
        for _ in 0..60 * times {
            let text = mutate(&original, &mut rng, &texts);
            tally.mutants += 1;
            match scenario::shipment_from_text(&path, &text) {
                Ok(shipment) => {
                    tally.accepted += 1;
                    let cost = tradeport::sim::customs::landed_cost(&shipment.consignment());
                    let _ = tradeport::cli::render_landed_cost(&shipment, &cost);
                }
                Err(d) => {
                    tally.rejected += 1;
                    draw_all(&d, &text);
                }
            }
        }
    }

    // Command logs: the expert's saves with numbers, texts and lines changed, replayed and
    // reported (a save or report comes from a student's PC).
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let path = PathBuf::from(format!("scenarios/{id}.scenario.ron"));
        let Ok(scenario) = scenario::load_scenario_file(&path) else {
            panic!("{id} does not load");
        };
        let scenario = Arc::new(scenario);
        let run = expert::play(scenario.clone(), scenario.seed());
        let original = SaveFile::of(&run.session, Student::default()).to_text();
        for _ in 0..300 * times {
            let text = mutate(&original, &mut rng, &texts);
            tally.mutants += 1;
            match SaveFile::parse(&text).map(|save| save.replay(scenario.clone())) {
                Ok(Ok(session)) => {
                    tally.accepted += 1;
                    let _ = ReportFile::of(&session, Student::default()).to_text();
                    let _ = tradeport::export::html(
                        &tradeport::sim::Report::of(&session),
                        &SaveFile::of(&session, Student::default()),
                        None,
                        &tradeport::i18n::Catalogue::new(tradeport::i18n::Language::English),
                    );
                }
                _ => tally.rejected += 1,
            }
        }
    }

    println!(
        "mutants: {}, accepted: {}, rejected: {}, played to the end: {}, crashes: 0",
        tally.mutants, tally.accepted, tally.rejected, tally.played_to_end
    );
    assert!(tally.mutants >= 3_000, "{tally:?}");
    assert!(
        tally.accepted >= 300 && tally.rejected >= 1_000,
        "mutants should land on both sides: {tally:?}"
    );
    assert!(tally.played_to_end >= 20, "{tally:?}");
}
