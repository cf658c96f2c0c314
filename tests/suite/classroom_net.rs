//! Classroom play over loopback (issue 18): a headless host and headless students' PCs in one
//! process on 127.0.0.1, built exactly as `tradeport host --headless` and `tradeport join
//! --bot` build them. Bounded loops only: every wait gives up by itself.

use std::net::{Ipv4Addr, SocketAddrV4};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use tradeport::class::Class;
use tradeport::class::bot::Policy;
use tradeport::class::package;
use tradeport::game::class_client::ClassSeat;
use tradeport::game::class_host::{HostSettings, HostedClass};
use tradeport::game::class_net::{connect, headless_app, host_app, join_app};
use tradeport::game::classroom::{
    ClassOver, Hello, JoinClass, Refused, SeatUpdate, Seated, SendCommand, TableLog, WrongVersion,
};
use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::save::ReportFile;
use tradeport::sim::{Command, Scenario};

const SCENARIO: &str = "scenarios/b2b-silk-blouses.scenario.ron";

fn scenario() -> Arc<Scenario> {
    Arc::new(load_scenario_file(Path::new(SCENARIO)).unwrap_or_else(|d| panic!("{}", render_plain(&d))))
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradeport-class-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn loopback() -> SocketAddrV4 {
    SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0)
}

/// A host for two students that starts when both are seated, autosaving and collecting.
fn open_class(dir: &Path, class: Class, bind: SocketAddrV4) -> (App, SocketAddrV4) {
    let package = package::package(Path::new(SCENARIO), true).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    host_app(
        class,
        Some(package),
        HostSettings {
            start_when_seated: Some(2),
            autosave: Some(dir.join("class.ron")),
            collect: Some(dir.join("reports")),
        },
        bind,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Every message a PC received, as RON text, to inspect what left the host.
#[derive(Resource, Default)]
struct Wire(Vec<String>);

fn record<E: Event + serde::Serialize>(message: On<E>, mut wire: ResMut<Wire>) {
    wire.0.push(format!(
        "{}: {}",
        std::any::type_name::<E>(),
        ron::to_string(message.event()).unwrap_or_default()
    ));
}

/// A bot's PC, keeping its token in `dir`.
fn student(dir: &Path, who: &str, number: &str, policy: Policy, host: SocketAddrV4) -> App {
    let mut seat = ClassSeat::new(who, number, Some(policy));
    seat.token_file = Some(dir.join(format!("{number}.token")));
    let mut app = join_app(seat, host).unwrap_or_else(|e| panic!("{e}"));
    app.init_resource::<Wire>()
        .add_observer(record::<Seated>)
        .add_observer(record::<TableLog>)
        .add_observer(record::<SeatUpdate>)
        .add_observer(record::<Refused>)
        .add_observer(record::<ClassOver>);
    app
}

/// Updates every app until `done` holds, at most `rounds` rounds of 1 ms.
fn run_until(apps: &mut [&mut App], rounds: usize, done: impl Fn(&[&mut App]) -> bool) -> bool {
    for _ in 0..rounds {
        for app in apps.iter_mut() {
            app.update();
        }
        if done(apps) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

fn seat(app: &App) -> &ClassSeat {
    app.world().resource::<ClassSeat>()
}

fn hosted(app: &App) -> &HostedClass {
    app.world().resource::<HostedClass>()
}

fn offers_made(host: &App) -> usize {
    hosted(host)
        .class
        .tables()
        .first()
        .and_then(|t| t.session())
        .and_then(|s| s.talks_desk().talks("negotiate-deal"))
        .map_or(0, |t| t.offers().len())
}

/// Both reports arrived; each verifies against the real scenario, and the collected files
/// are the same reports.
fn check_the_end(host: &App, students: [&App; 2], dir: &Path) {
    let scenario = scenario();
    for (app, seat_id) in students.iter().zip(["company", "counterparts"]) {
        let text = seat(app)
            .report
            .clone()
            .unwrap_or_else(|| panic!("{seat_id}: a report"));
        let report = ReportFile::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        let problems = report.verify(Arc::clone(&scenario)).unwrap_or_else(|e| panic!("{e}"));
        assert!(problems.is_empty(), "{seat_id}: {problems:?}");
        assert_eq!(
            report.seat.as_deref(),
            (seat_id == "counterparts").then_some("counterparts")
        );
    }
    let session = hosted(host).class.tables()[0]
        .session()
        .unwrap_or_else(|| panic!("started"));
    let talks = session
        .talks_desk()
        .talks("negotiate-deal")
        .unwrap_or_else(|| panic!("talks"));
    assert!(matches!(
        talks.ending(),
        Some(tradeport::sim::negotiation::TalksEnding::Agreed { .. })
    ));
    let paid = session
        .world()
        .ledger()
        .iter()
        .any(|e| e.account == tradeport::sim::session::Account::ExportProceeds && e.money.minor > 0);
    assert!(paid, "the importer paid for the goods");
    let written = &hosted(host).outcome.written;
    assert_eq!(written.len(), 3, "two reports and the gradebook: {written:?}");
    for path in written {
        assert!(
            path.starts_with(dir.join("reports")) && path.is_file(),
            "{}",
            path.display()
        );
    }
    // The report a PC received is the one the host collected.
    let mine = seat(students[0]).report.clone().unwrap_or_default();
    assert!(
        written
            .iter()
            .any(|p| std::fs::read_to_string(p).ok().as_ref() == Some(&mine))
    );
}

#[test]
fn a_headless_host_and_two_bots_complete_a_deal_from_inquiry_to_payment_over_loopback() {
    let dir = scratch("deal");
    let (mut host, address) = open_class(&dir, Class::new(scenario()), loopback());
    let mut exporter = student(&dir, "Li Na", "2024001", Policy::Expert, address);
    let mut importer = student(&dir, "Wang Wei", "2024002", Policy::Novice, address);
    let over = run_until(&mut [&mut host, &mut exporter, &mut importer], 30_000, |apps| {
        seat(apps[1]).is_done() && seat(apps[2]).is_done()
    });
    assert!(
        over,
        "the class ends; notices {:?} {:?}",
        seat(&exporter).notices,
        seat(&importer).notices
    );
    check_the_end(&host, [&exporter, &importer], &dir);

    // Every message each PC received: the importer's never hold the exporter's brief (the
    // seller's weights 50/15/10/25 and walk-away 0.40), a table's log or a scenario; the
    // exporter's never hold the buyer's (45/15/10/30, walk-away 0.35) or its strategy.
    let wire = |app: &App| app.world().resource::<Wire>().0.clone();
    let importer_wire = wire(&importer);
    // Each side does receive its own brief (so the checks below can fail).
    assert!(importer_wire.iter().any(|m| m.contains("[4500,1500,1000,3000]")));
    assert!(wire(&exporter).iter().any(|m| m.contains("[5000,1500,1000,2500]")));
    for message in &importer_wire {
        assert!(!message.contains("[5000,1500,1000,2500]"), "{message}");
        assert!(!message.contains("own_walk_away:400000"), "{message}");
        assert!(
            !message.contains("TableLog") && !message.contains("package:Some"),
            "{message}"
        );
        assert!(!message.contains("company:Some"), "the exporter's company: {message}");
    }
    let exporter_wire = wire(&exporter);
    assert!(exporter_wire.iter().any(|m| m.contains("TableLog")));
    for message in &exporter_wire {
        assert!(!message.contains("[4500,1500,1000,3000]"), "{message}");
        assert!(!message.contains("own_walk_away:350000"), "{message}");
        assert!(
            !message.contains("\\\"45%\\\"") && !message.contains("Boulware"),
            "{message}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_student_whose_pc_crashes_mid_negotiation_rejoins_the_same_seat_and_finishes() {
    let dir = scratch("rejoin");
    let (mut host, address) = open_class(&dir, Class::new(scenario()), loopback());
    let mut exporter = student(&dir, "Li Na", "2024001", Policy::Expert, address);
    let mut importer = student(&dir, "Wang Wei", "2024002", Policy::Expert, address);
    let talking = run_until(&mut [&mut host, &mut exporter, &mut importer], 20_000, |apps| {
        offers_made(apps[0]) >= 3
    });
    assert!(talking, "the negotiation is under way");
    let token = seat(&importer).token.clone().unwrap_or_else(|| panic!("a token"));
    // The importer's PC dies: its app, socket and memory are gone; the token file stays.
    drop(importer);
    for _ in 0..50 {
        host.update();
        exporter.update();
    }
    let mut importer = student(&dir, "Wang Wei", "2024002", Policy::Expert, address);
    let back = run_until(&mut [&mut host, &mut exporter, &mut importer], 5_000, |apps| {
        seat(apps[2]).seat.is_some()
    });
    assert!(back, "rejoined: {:?}", seat(&importer).notices);
    assert_eq!(seat(&importer).seat.as_deref(), Some("counterparts"), "the same seat");
    assert_eq!(seat(&importer).token.as_deref(), Some(token.as_str()), "the same token");
    assert_eq!(hosted(&host).class.students().len(), 2, "not a new student");
    let over = run_until(&mut [&mut host, &mut exporter, &mut importer], 30_000, |apps| {
        seat(apps[1]).is_done() && seat(apps[2]).is_done()
    });
    assert!(over, "the class ends: {:?}", seat(&importer).notices);
    check_the_end(&host, [&exporter, &importer], &dir);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_host_restarted_from_its_autosave_resumes_the_class() {
    let dir = scratch("restart");
    let (mut host, address) = open_class(&dir, Class::new(scenario()), loopback());
    let mut exporter = student(&dir, "Li Na", "2024001", Policy::Expert, address);
    let mut importer = student(&dir, "Wang Wei", "2024002", Policy::Novice, address);
    let talking = run_until(&mut [&mut host, &mut exporter, &mut importer], 20_000, |apps| {
        offers_made(apps[0]) >= 2
    });
    assert!(talking, "the negotiation is under way");
    let before: Vec<Command> = hosted(&host).class.tables()[0]
        .session()
        .map(|s| s.commands().to_vec())
        .unwrap_or_default();
    // The instructor's PC goes down with everyone's PCs; the autosave is all that is left.
    drop((host, exporter, importer));
    let text = std::fs::read_to_string(dir.join("class.ron")).unwrap_or_else(|e| panic!("{e}"));
    let class = Class::resume(scenario(), &text).unwrap_or_else(|e| panic!("{e}"));
    let resumed: Vec<Command> = class.tables()[0]
        .session()
        .map(|s| s.commands().to_vec())
        .unwrap_or_default();
    assert!(
        resumed.len() >= before.len() && resumed[..before.len()] == before[..],
        "nothing accepted is lost"
    );
    let (mut host, address) = open_class(&dir, class, SocketAddrV4::new(Ipv4Addr::LOCALHOST, address.port()));
    let mut exporter = student(&dir, "Li Na", "2024001", Policy::Expert, address);
    let mut importer = student(&dir, "Wang Wei", "2024002", Policy::Novice, address);
    let over = run_until(&mut [&mut host, &mut exporter, &mut importer], 30_000, |apps| {
        seat(apps[1]).is_done() && seat(apps[2]).is_done()
    });
    assert!(over, "the resumed class ends: {:?}", seat(&exporter).notices);
    assert_eq!(
        hosted(&host).class.students().len(),
        2,
        "the same two students, by their tokens"
    );
    check_the_end(&host, [&exporter, &importer], &dir);
    let _ = std::fs::remove_dir_all(&dir);
}

/// What a hand-driven PC received.
#[derive(Resource, Default)]
struct Answers {
    seated: Vec<Seated>,
    refused: Vec<Refused>,
    wrong_version: Vec<WrongVersion>,
}

#[test]
fn forged_and_wrong_version_messages_are_refused_and_change_nothing() {
    let dir = scratch("forged");
    let (mut host, address) = open_class(&dir, Class::new(scenario()), loopback());
    // Two students, seated by their PCs (no bots: the test speaks for the importer).
    let mut exporter = join_app(ClassSeat::new("Li Na", "2024001", None), address).unwrap_or_else(|e| panic!("{e}"));
    let mut importer = join_app(ClassSeat::new("Wang Wei", "2024002", None), address).unwrap_or_else(|e| panic!("{e}"));
    let seated = run_until(&mut [&mut host, &mut exporter, &mut importer], 5_000, |apps| {
        seat(apps[1]).view.is_some() && seat(apps[2]).view.is_some()
    });
    assert!(seated, "both seated and the class started");
    let exporter_token = seat(&exporter).token.clone().unwrap_or_default();
    let importer_token = seat(&importer).token.clone().unwrap_or_default();
    let offer = |note: &str| Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options: vec![18, 2, 0, 0],
        note: note.to_string(),
    };
    let forgeries = [
        // The importer on the exporter's seat, with its own token.
        (importer_token.clone(), "company", offer("")),
        // Out of turn: the seller opens these talks.
        (importer_token.clone(), "counterparts", offer("")),
        // Oversized: a note of 100,000 characters.
        (exporter_token.clone(), "company", offer(&"x".repeat(100_000))),
        // A token nobody holds, and one that is not a token at all.
        ("00".repeat(16), "company", offer("")),
        ("zz".repeat(40), "company", Command::EndDay),
    ];
    let count = forgeries.len();
    for (token, seat_id, command) in forgeries {
        let sender = if token == exporter_token {
            &mut exporter
        } else {
            &mut importer
        };
        sender.world_mut().commands().client_trigger(SendCommand {
            token,
            seat: seat_id.to_string(),
            command,
        });
    }
    let answered = run_until(&mut [&mut host, &mut exporter, &mut importer], 5_000, |apps| {
        seat(apps[1]).notices.len() + seat(apps[2]).notices.len() >= count
    });
    assert!(answered, "{:?} {:?}", seat(&exporter).notices, seat(&importer).notices);
    let notices: Vec<String> = seat(&exporter)
        .notices
        .iter()
        .chain(&seat(&importer).notices)
        .cloned()
        .collect();
    assert!(notices.iter().all(|n| n.starts_with("refused:")), "{notices:?}");
    let session = hosted(&host).class.tables()[0]
        .session()
        .unwrap_or_else(|| panic!("started"));
    assert!(
        session.commands().is_empty(),
        "nothing was applied: {:?}",
        session.commands()
    );
    assert!(hosted(&host).class.refusals().len() >= 4, "logged for the instructor");

    // A PC of another version is told so plainly, and is not seated.
    let mut stranger = headless_app();
    stranger
        .init_resource::<Answers>()
        .add_observer(|m: On<WrongVersion>, mut a: ResMut<Answers>| a.wrong_version.push(m.event().clone()))
        .add_observer(|m: On<Refused>, mut a: ResMut<Answers>| a.refused.push(m.event().clone()))
        .add_observer(|m: On<Seated>, mut a: ResMut<Answers>| a.seated.push(m.event().clone()));
    stranger.finish();
    connect(stranger.world_mut(), address).unwrap_or_else(|e| panic!("{e}"));
    let connected = run_until(&mut [&mut host, &mut stranger], 5_000, |apps| {
        apps[1]
            .world()
            .resource::<bevy_replicon_renet::RenetClient>()
            .is_connected()
    });
    assert!(connected);
    stranger.world_mut().commands().client_trigger(Hello {
        version: "0.0.1".to_string(),
    });
    stranger.world_mut().commands().client_trigger(JoinClass {
        name: "Old PC".to_string(),
        number: "2024099".to_string(),
        token: None,
    });
    let told = run_until(&mut [&mut host, &mut stranger], 5_000, |apps| {
        let a = apps[1].world().resource::<Answers>();
        !a.wrong_version.is_empty() && !a.refused.is_empty()
    });
    assert!(told, "the other version is answered");
    let answers = stranger.world().resource::<Answers>();
    assert_eq!(answers.wrong_version[0].host_version, env!("CARGO_PKG_VERSION"));
    assert!(
        answers.refused[0].reason.contains("same version"),
        "{}",
        answers.refused[0].reason
    );
    assert!(answers.seated.is_empty());
    assert_eq!(hosted(&host).class.students().len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The client plugin is what a GUI PC adds too: it must not need a bot.
#[test]
fn a_pc_without_a_bot_follows_its_table() {
    let dir = scratch("follow");
    let (mut host, address) = open_class(&dir, Class::new(scenario()), loopback());
    let mut exporter = join_app(ClassSeat::new("Li Na", "2024001", None), address).unwrap_or_else(|e| panic!("{e}"));
    let mut importer = student(&dir, "Wang Wei", "2024002", Policy::Expert, address);
    let started = run_until(&mut [&mut host, &mut exporter, &mut importer], 5_000, |apps| {
        seat(apps[1]).view.is_some()
    });
    assert!(started);
    let offer = Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options: vec![18, 2, 0, 0],
        note: "Best regards".to_string(),
    };
    // The student's screen sends through the seat, as a window would.
    let world = exporter.world_mut();
    world.resource_scope(|world, seat: Mut<ClassSeat>| seat.send(&mut world.commands(), offer));
    // The importer bot answers; the exporter's PC follows both moves on its own copy.
    let answered = run_until(&mut [&mut host, &mut exporter, &mut importer], 5_000, |apps| {
        seat(apps[1]).mirror.as_ref().is_some_and(|m| m.len() >= 2)
    });
    assert!(answered, "{:?}", seat(&exporter).notices);
    // The view of the same change comes right after the log.
    run_until(&mut [&mut host, &mut exporter, &mut importer], 50, |_| false);
    let followed = seat(&exporter)
        .mirror
        .as_ref()
        .and_then(|m| m.session().ok())
        .unwrap_or_else(|| panic!("the table replays"));
    let view = tradeport::class::view::seat_view(&followed, "company");
    assert_eq!(
        view.as_ref(),
        seat(&exporter).view.as_ref(),
        "the PC's copy agrees with the host"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_importer_whose_pc_goes_away_is_held_by_the_ai_where_the_scenario_says_until_back() {
    let dir = scratch("held");
    let path = Path::new(SCENARIO);
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let mut file =
        tradeport::scenario::load::parse_scenario("b2b", &text).unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    file.setup.away_seat = tradeport::scenario::file::AwaySeat::AiHolds;
    let scenario =
        Arc::new(tradeport::scenario::assemble_at(path, &file).unwrap_or_else(|d| panic!("{}", render_plain(&d))));
    let (mut host, address) = open_class(&dir, Class::new(scenario), loopback());
    let mut exporter = student(&dir, "Li Na", "2024001", Policy::Expert, address);
    let mut importer = student(&dir, "Wang Wei", "2024002", Policy::Novice, address);
    let started = run_until(&mut [&mut host, &mut exporter, &mut importer], 10_000, |apps| {
        hosted(apps[0]).class.is_started() && seat(apps[2]).view.is_some()
    });
    assert!(started, "the class started");
    let importer_id = tradeport::class::StudentId(1);
    assert!(!hosted(&host).class.is_held_by_ai(importer_id));
    // The importer's PC says goodbye (a closed laptop, a pulled cable is noticed later).
    importer
        .world_mut()
        .resource_mut::<bevy_replicon_renet::RenetClient>()
        .disconnect();
    importer.update();
    drop(importer);
    let held = run_until(&mut [&mut host, &mut exporter], 10_000, |apps| {
        hosted(apps[0]).class.is_held_by_ai(importer_id)
    });
    assert!(held, "the AI holds the away importer's seat");
    // The importer rejoins with the token kept on the PC: the seat is theirs again.
    let mut importer = student(&dir, "Wang Wei", "2024002", Policy::Novice, address);
    let back = run_until(&mut [&mut host, &mut exporter, &mut importer], 10_000, |apps| {
        seat(apps[2]).seat.is_some()
    });
    assert!(back, "rejoined: {:?}", seat(&importer).notices);
    assert!(
        !hosted(&host).class.is_held_by_ai(importer_id),
        "the student's own seat again"
    );
    assert_eq!(hosted(&host).class.students().len(), 2, "not a new student");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_class_benchmark_seats_every_bot_and_times_the_host() {
    use tradeport::game::class_bench::{ClassBench, measure};
    let figures = measure(&ClassBench {
        scenario: PathBuf::from("scenarios/b2c-eu-storefront.scenario.ron"),
        clients: 3,
        seconds: 3,
        think: std::time::Duration::ZERO,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(figures.seated, 3, "every bot has a seat");
    assert!(figures.ticks > 0, "the host's ticks after the start are timed");
    assert!(figures.p50 <= figures.p95 && figures.p95 <= figures.p99 && figures.p99 <= figures.max);
    assert!(figures.commands > 0, "the bots played");
}
