//! Seats (issue 17): every command comes from a seat of the scenario, the log records it, and
//! a seat may give only what its role would on its turn. Single player is one human seat,
//! hotseat two; a scenario may declare its seats, and one without keeps its hash.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::save::{SaveFile, Student};
use tradeport::sim::{Command, RuleError, Scenario, Session};

const B2B: &str = "scenarios/b2b-silk-blouses.scenario.ron";
const TASK: &str = "negotiate-deal";

fn b2b() -> Arc<Scenario> {
    Arc::new(load_scenario_file(Path::new(B2B)).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

fn offer(options: Vec<usize>) -> Command {
    Command::MakeOffer {
        task: TASK.to_string(),
        options,
        note: String::new(),
    }
}

/// The bundled B2B scenario with `seats` written into its setup, in a scratch folder with the
/// bundled rule packs beside it.
fn b2b_with_seats(name: &str, seats: &str) -> Result<Scenario, String> {
    let dir: PathBuf = std::env::temp_dir().join(format!("tradeport-seats-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    for entry in std::fs::read_dir("scenarios/rules").unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if let Some(file) = path.file_name() {
            std::fs::copy(&path, dir.join("rules").join(file)).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let text = std::fs::read_to_string(B2B).unwrap_or_else(|e| panic!("{e}"));
    let marker = "        seed: 20260302,";
    assert!(text.contains(marker), "the bundled scenario's seed line moved");
    let text = text.replace(marker, &format!("{marker}\n        seats: {seats},"));
    let path = dir.join("seated.scenario.ron");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    load_scenario_file(&path).map_err(|d| render_plain(&d))
}

#[test]
fn a_scenario_without_seats_has_the_company_and_the_counterparts() {
    let scenario = b2b();
    let seats: Vec<&str> = scenario.seats().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(seats, ["company", "counterparts"]);
    assert_eq!(scenario.seats()[0].name, scenario.role().title, "named by the role");
}

#[test]
fn single_player_logs_every_command_from_the_company_and_saves_as_before() {
    let scenario = b2b();
    let mut session = Session::new(Arc::clone(&scenario), Some(5));
    session
        .apply(offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.command_seats(), ["company", "company"]);
    assert!(session.is_human_seat("company"));
    assert!(!session.is_human_seat("counterparts"), "the AI plays the counterparts");
    let save = SaveFile::of(&session, Student::default()).to_text();
    assert!(!save.contains("seats"), "a single-seat save names no seats:\n{save}");
    assert!(
        !save.contains("company") && !save.contains("counterparts"),
        "a single-seat save names no seats:\n{save}"
    );
    let replayed = SaveFile::parse(&save)
        .and_then(|s| s.replay(Arc::clone(&scenario)))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(replayed.command_seats(), session.command_seats());
    assert_eq!(replayed.timeline(), session.timeline());
}

#[test]
fn the_ai_s_seat_cannot_be_played_and_an_unknown_seat_is_refused_without_change() {
    let mut session = Session::new(b2b(), Some(5));
    let before = session.timeline().len();
    assert_eq!(
        session.apply_as("counterparts", offer(vec![4, 2, 2, 3])),
        Err(RuleError::AiSeat("counterparts".to_string()))
    );
    assert_eq!(
        session.apply_as("auditor", Command::EndDay),
        Err(RuleError::NoSuchSeat("auditor".to_string()))
    );
    assert_eq!(session.timeline().len(), before);
    assert!(session.commands().is_empty());
}

#[test]
fn in_hotseat_each_seat_moves_only_on_its_turn_and_only_in_the_talks() {
    let mut session = Session::new_hotseat(b2b(), Some(5));
    assert!(session.is_human_seat("counterparts"));
    // The seller (the company) opens; the counterparts may not move for it.
    assert_eq!(
        session.apply_as("counterparts", offer(vec![18, 2, 0, 0])),
        Err(RuleError::NotThisSeat("counterparts".to_string()))
    );
    session
        .apply_as("company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    // Now the buyer's turn: the company may not answer for it.
    assert_eq!(
        session.apply_as("company", offer(vec![4, 2, 2, 3])),
        Err(RuleError::NotThisSeat("company".to_string()))
    );
    assert_eq!(session.acting_seat(&offer(vec![4, 2, 2, 3])), "counterparts");
    session.apply(offer(vec![4, 2, 2, 3])).unwrap_or_else(|e| panic!("{e}"));
    // The counterparts play only their negotiation moves.
    assert_eq!(
        session.apply_as("counterparts", Command::EndDay),
        Err(RuleError::NotThisSeat("counterparts".to_string()))
    );
    session
        .apply_as("company", Command::EndDay)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.command_seats(), ["company", "counterparts", "company"]);
    // A hotseat save replays to the same seats from its commands alone.
    let save = SaveFile::of(&session, Student::default());
    let replayed = save.replay(session.shared_scenario()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(replayed.command_seats(), session.command_seats());
}

#[test]
fn declared_seats_name_the_log_and_the_counterparts_seat_is_added() {
    let scenario = b2b_with_seats(
        "declared",
        r#"[(id: "exporter", name: (en: "Exporter", zh: "出口商"), plays: Company)]"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let seats: Vec<&str> = scenario.seats().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(seats, ["exporter", "counterparts"]);
    assert_ne!(
        scenario.content_hash(),
        b2b().content_hash(),
        "declaring seats changes the scenario"
    );
    let mut session = Session::new(Arc::new(scenario), Some(5));
    session.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.command_seats(), ["exporter"]);
    assert_eq!(
        session.apply_as("company", Command::EndDay),
        Err(RuleError::NoSuchSeat("company".to_string()))
    );
}

#[test]
fn wrong_seats_are_reported_with_their_paths() {
    let problems = b2b_with_seats(
        "wrong",
        r#"[
            (id: "exporter", name: (en: "Exporter"), plays: Company),
            (id: "exporter", name: (en: "Second exporter"), plays: Company),
            (id: "buyer one", name: (en: ""), plays: Counterparts),
        ]"#,
    )
    .err()
    .unwrap_or_else(|| panic!("wrong seats were accepted"));
    for expected in [
        "setup.seats",
        "seat id `exporter`",
        "2 seats play the company",
        "setup.seats[2].id",
        "setup.seats[2].name",
    ] {
        assert!(problems.contains(expected), "missing `{expected}` in:\n{problems}");
    }
}
