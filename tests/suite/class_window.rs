//! The class screens' wiring in a headless Bevy app built like the game window (no GPU): the
//! instructor hosts from the window and ends the class, a student's window joins, follows its
//! table and sends the usual screens' commands to the host. Over 127.0.0.1, bounded loops.

use std::net::{Ipv4Addr, SocketAddrV4};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use tradeport::class::Class;
use tradeport::class::bot::Policy;
use tradeport::game::class_client::ClassSeat;
use tradeport::game::class_host::{HostSettings, HostedClass};
use tradeport::game::class_net::{host_app, join_app};
use tradeport::game::class_window::{self, ClassFiles, ClassLaunch, ClassWindow, FollowedTable, HostRequest};
use tradeport::game::core_plugin;
use tradeport::game::scenario_assets::{ScenarioFolder, register_source};
use tradeport::game::screens::Screen;
use tradeport::game::session::UiAction;
use tradeport::game::settings::SettingsStore;
use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::Command;
use tradeport::sim::save::ReportFile;
use tradeport::ui::{Action, ClassAction};

const SCENARIO: &str = "scenarios/b2b-silk-blouses.scenario.ron";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradeport-class-window-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// An app wired like the game's window, without the window: the core, the class screens and
/// their networking, the class files in `files`.
fn window_app(files: &Path, launch: Option<ClassLaunch>) -> App {
    let mut app = App::new();
    let folder = ScenarioFolder::new(PathBuf::from("scenarios"));
    app.insert_resource(folder.clone());
    app.insert_resource(SettingsStore {
        path: Err("tests do not save settings".to_string()),
    });
    register_source(&mut app, &folder);
    app.add_plugins((MinimalPlugins, StatesPlugin, AssetPlugin::default()));
    app.add_plugins((core_plugin, class_window::plugin));
    app.insert_resource(ClassFiles(Some(files.to_path_buf())));
    if let Some(launch) = launch {
        app.insert_resource(launch);
    }
    app.finish();
    app.cleanup();
    app
}

/// Updates every app until `done` holds, for at most `millis` of real time.
fn run_until(apps: &mut [&mut App], millis: u64, mut done: impl FnMut(&[&mut App]) -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_millis(millis);
    while Instant::now() < deadline {
        for app in apps.iter_mut() {
            app.update();
        }
        if done(apps) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}

/// The window hosting the bundled B2B class on any free port: a new class, or the one in
/// `autosave` resumed.
fn hosting(collect: Option<PathBuf>, autosave: Option<PathBuf>, resume: bool) -> ClassLaunch {
    ClassLaunch::Host(HostRequest {
        scenario: PathBuf::from(SCENARIO),
        port: 0,
        seats: None,
        mode: tradeport::sim::session::PlayMode::Practice,
        collect,
        autosave,
        resume,
        team_size: 1,
    })
}

fn act(app: &mut App, action: ClassAction) {
    app.world_mut().write_message(UiAction(Action::Class(action)));
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

#[test]
fn the_instructor_hosts_from_the_window_starts_pauses_and_ends_the_class_and_collects() {
    let dir = scratch("host");
    let mut window = window_app(&dir, Some(hosting(Some(dir.join("reports")), None, false)));
    assert!(
        run_until(&mut [&mut window], 5_000, |a| screen(a[0]) == Screen::ClassHost),
        "the dashboard opens"
    );
    let (address, code) = window
        .world()
        .resource::<ClassWindow>()
        .hosting
        .clone()
        .unwrap_or_else(|| panic!("hosting"));
    assert_eq!(
        tradeport::class::code::decode(&code),
        Some(address),
        "the code is the address"
    );
    // The students reach the host on loopback at the same port.
    let host = SocketAddrV4::new(Ipv4Addr::LOCALHOST, address.port());
    let mut li =
        join_app(ClassSeat::new("Li Na", "2024001", Some(Policy::Expert)), host).unwrap_or_else(|e| panic!("{e}"));
    let mut wang =
        join_app(ClassSeat::new("Wang Wei", "2024002", Some(Policy::Novice)), host).unwrap_or_else(|e| panic!("{e}"));
    let seated = run_until(&mut [&mut window, &mut li, &mut wang], 10_000, |a| {
        a[0].world().resource::<HostedClass>().class.present().count() == 2
    });
    assert!(seated, "both students seated");
    let hosted = window.world().resource::<HostedClass>();
    assert!(!hosted.class.is_started(), "a window's class waits for the instructor");
    assert_eq!(hosted.connected_students().len(), 2);

    act(&mut window, ClassAction::Start);
    act(&mut window, ClassAction::SetPaused(true));
    window.update();
    let class = &window.world().resource::<HostedClass>().class;
    assert!(class.is_started() && class.is_paused());
    act(&mut window, ClassAction::SetPaused(false));
    // Let the bots play a little, then end the class for everyone.
    let moved = run_until(&mut [&mut window, &mut li, &mut wang], 10_000, |a| {
        !a[0].world().resource::<HostedClass>().class.table_log(0, 0).is_empty()
    });
    assert!(moved, "the bots played");
    act(&mut window, ClassAction::End);
    let collected = run_until(&mut [&mut window, &mut li, &mut wang], 10_000, |a| {
        a[0].world().resource::<HostedClass>().outcome.over
            && a[1].world().resource::<ClassSeat>().is_done()
            && a[2].world().resource::<ClassSeat>().is_done()
    });
    assert!(collected, "the class ended and each PC got its report");
    let outcome = &window.world().resource::<HostedClass>().outcome;
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let reports: Vec<&PathBuf> = outcome
        .written
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".report.ron"))
        .collect();
    assert_eq!(reports.len(), 2, "{:?}", outcome.written);
    for path in reports {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
        let report = ReportFile::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        assert!(report.claims.finished, "ended by the instructor: {}", path.display());
    }
    // Each PC got its debrief with its report: every task, graded as the report is.
    for student in [&li, &wang] {
        let seat = student.world().resource::<ClassSeat>();
        let report = ReportFile::parse(seat.report.as_deref().unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
        let earned: u32 = seat.debrief.iter().map(|t| t.earned).sum();
        assert!(!seat.debrief.is_empty(), "{} has a debrief", seat.name);
        assert_eq!(earned, report.claims.total_earned, "{}", seat.name);
        assert!(seat.debrief.iter().all(|t| !t.criteria.is_empty()));
    }
    let gradebook = std::fs::read_to_string(dir.join("reports/gradebook.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        gradebook.contains("Li Na") && gradebook.contains("Wang Wei"),
        "{gradebook}"
    );
    // The autosave is in the class's own folder under the class files.
    let autosaved = std::fs::read_dir(dir.join("classes"))
        .map(|entries| entries.flatten().any(|e| e.path().join("class.ron").is_file()))
        .unwrap_or(false);
    assert!(autosaved, "the class was autosaved");

    act(&mut window, ClassAction::Leave);
    assert!(run_until(&mut [&mut window], 2_000, |a| screen(a[0]) == Screen::MainMenu));
    assert!(
        window.world().get_resource::<HostedClass>().is_none(),
        "the class is closed"
    );
}

#[test]
fn a_student_s_window_joins_follows_its_table_and_sends_the_usual_screens_commands() {
    let dir = scratch("student");
    let scenario = Arc::new(load_scenario_file(Path::new(SCENARIO)).unwrap_or_else(|d| panic!("{}", render_plain(&d))));
    let package = tradeport::class::package::package(Path::new(SCENARIO), true)
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    let (mut host, address) = host_app(
        Class::new(scenario),
        Some(package),
        HostSettings {
            start_when_seated: Some(2),
            ..HostSettings::default()
        },
        SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut window = window_app(&dir, None);
    window.update();
    act(
        &mut window,
        ClassAction::Join {
            target: address.to_string(),
            name: "Li Na".to_string(),
            number: "2024001".to_string(),
        },
    );
    let seated = run_until(&mut [&mut host, &mut window], 10_000, |a| {
        a[1].world().get_resource::<ClassSeat>().and_then(|s| s.seat.clone()) == Some("company".to_string())
    });
    assert!(seated, "the first to join takes the exporter's seat");
    assert_eq!(screen(&window), Screen::ClassSeat);
    let token_file = window.world().resource::<ClassSeat>().token_file.clone();
    assert!(
        token_file
            .as_deref()
            .is_some_and(|p| p.starts_with(&dir) && p.is_file()),
        "the seat's token is kept under the class files: {token_file:?}"
    );
    // The importer: a bot on another PC. Two seated, the class starts by itself.
    let mut wang = join_app(ClassSeat::new("Wang Wei", "2024002", None), address).unwrap_or_else(|e| panic!("{e}"));
    let following = run_until(&mut [&mut host, &mut window, &mut wang], 10_000, |a| {
        a[1].world().get_resource::<FollowedTable>().is_some()
    });
    assert!(following, "the window follows its table once the class starts");

    // The usual screens' offer goes to the host from the company's seat; finishing early
    // is not a student's to send in class.
    window.world_mut().write_message(UiAction(Action::FinishScenario));
    window.world_mut().write_message(UiAction(Action::MakeOffer(
        "negotiate-deal".to_string(),
        vec![18, 2, 0, 0],
        "Our best price.".to_string(),
    )));
    let logged = run_until(&mut [&mut host, &mut window, &mut wang], 10_000, |a| {
        a[1].world().get_resource::<FollowedTable>().is_some_and(|t| {
            t.session
                .commands()
                .iter()
                .any(|c| matches!(c, Command::MakeOffer { .. }))
        })
    });
    assert!(logged, "the offer reached the host and came back in the table's log");
    let log = host.world().resource::<HostedClass>().class.table_log(0, 0);
    assert!(
        log.iter()
            .any(|(seat, c)| seat == "company" && matches!(c, Command::MakeOffer { .. })),
        "{log:?}"
    );
    assert!(
        !log.iter().any(|(_, c)| matches!(c, Command::FinishEarly)),
        "finish early was not sent: {log:?}"
    );
    // The importer's PC sees the offer; nothing was applied on the student's PC itself.
    let importer_sees = run_until(&mut [&mut host, &mut window, &mut wang], 5_000, |a| {
        a[2].world()
            .resource::<ClassSeat>()
            .view
            .as_ref()
            .is_some_and(|v| v.negotiations.iter().any(|n| !n.offers.is_empty()))
    });
    assert!(importer_sees);

    act(&mut window, ClassAction::Leave);
    assert!(run_until(&mut [&mut window], 2_000, |a| screen(a[0]) == Screen::MainMenu));
    assert!(window.world().get_resource::<ClassSeat>().is_none());
}

#[test]
fn the_join_form_finds_a_class_on_the_network() {
    use tradeport::class::discovery::{Announcement, Responder};
    use tradeport::game::class_window::SearchTargets;
    let dir = scratch("search");
    let responder = Responder::open(
        SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0),
        &Announcement {
            version: tradeport::game::classroom::VERSION.to_string(),
            port: 5000,
            title: "Silk Blouses for Hamburg".to_string(),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let host = match responder.local_addr() {
        Ok(std::net::SocketAddr::V4(a)) => a,
        other => panic!("{other:?}"),
    };
    let mut window = window_app(&dir, None);
    window.insert_resource(SearchTargets(vec![host]));
    window.update();
    act(&mut window, ClassAction::Discover);
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline && window.world().resource::<ClassWindow>().found.is_empty() {
        window.update();
        responder.answer_waiting();
        std::thread::sleep(Duration::from_millis(5));
    }
    let found = window.world().resource::<ClassWindow>().found.clone();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].title, "Silk Blouses for Hamburg");
    assert_eq!(found[0].address, SocketAddrV4::new(Ipv4Addr::LOCALHOST, 5000));
    assert!(window.world().resource::<ClassWindow>().searched);
}

#[test]
fn the_dashboard_resumes_a_class_from_its_class_file_after_a_restart() {
    let dir = scratch("resume");
    let scenario = Arc::new(load_scenario_file(Path::new(SCENARIO)).unwrap_or_else(|d| panic!("{}", render_plain(&d))));
    let token = |n: u8| tradeport::class::Token::from_bytes([n; 16]);
    let mut class = Class::new(Arc::clone(&scenario));
    class
        .join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    class
        .join("Wang Wei", "2024002", token(2))
        .unwrap_or_else(|e| panic!("{e}"));
    class.start();
    class
        .submit(
            &token(1),
            "company",
            Command::MakeOffer {
                task: "negotiate-deal".to_string(),
                options: vec![18, 2, 0, 0],
                note: String::new(),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("class.ron");
    std::fs::write(&file, class.record_text()).unwrap_or_else(|e| panic!("{e}"));
    let mut window = window_app(&dir, Some(hosting(None, Some(file.clone()), true)));
    assert!(
        run_until(&mut [&mut window], 5_000, |a| screen(a[0]) == Screen::ClassHost),
        "the dashboard opens on the resumed class"
    );
    let hosted = window.world().resource::<HostedClass>();
    assert!(hosted.class.is_started());
    assert_eq!(hosted.class.students().len(), 2);
    assert_eq!(
        hosted.class.table_log(0, 0),
        class.table_log(0, 0),
        "nothing accepted is lost"
    );
    // A class file that is not one leaves the menu with the reason, and nothing hosted.
    std::fs::write(&file, "(not a class)").unwrap_or_else(|e| panic!("{e}"));
    let mut broken = window_app(&dir, Some(hosting(None, Some(file), true)));
    run_until(&mut [&mut broken], 500, |_| false);
    assert!(broken.world().get_resource::<HostedClass>().is_none());
    let problem = broken
        .world()
        .resource::<ClassWindow>()
        .problem
        .clone()
        .unwrap_or_default();
    assert!(problem.contains("cannot resume"), "{problem}");
}

#[test]
fn a_student_moved_by_the_instructor_before_the_start_is_seated_again_on_their_pc() {
    let dir = scratch("move");
    let mut window = window_app(&dir, Some(hosting(None, None, false)));
    assert!(run_until(&mut [&mut window], 5_000, |a| screen(a[0]) == Screen::ClassHost));
    let port = window
        .world()
        .resource::<ClassWindow>()
        .hosting
        .as_ref()
        .map_or(0, |(a, _)| a.port());
    let host = SocketAddrV4::new(Ipv4Addr::LOCALHOST, port);
    let mut li = join_app(ClassSeat::new("Li Na", "2024001", None), host).unwrap_or_else(|e| panic!("{e}"));
    let mut wang = join_app(ClassSeat::new("Wang Wei", "2024002", None), host).unwrap_or_else(|e| panic!("{e}"));
    let seat_of = |app: &App| app.world().resource::<ClassSeat>().seat.clone().unwrap_or_default();
    let seated = run_until(&mut [&mut window, &mut li, &mut wang], 10_000, |a| {
        !seat_of(a[1]).is_empty() && !seat_of(a[2]).is_empty()
    });
    assert!(seated);
    assert_eq!(
        (seat_of(&li), seat_of(&wang)),
        ("company".to_string(), "counterparts".to_string())
    );
    // The instructor swaps them: Wang Wei to the exporter's seat.
    act(
        &mut window,
        ClassAction::Assign {
            student: tradeport::class::StudentId(1),
            table: 0,
            seat: "company".to_string(),
        },
    );
    let swapped = run_until(&mut [&mut window, &mut li, &mut wang], 10_000, |a| {
        seat_of(a[1]) == "counterparts" && seat_of(a[2]) == "company"
    });
    assert!(swapped, "both PCs were seated again");
    // Now the exporter, Wang Wei's PC has the scenario to follow the table on; Li Na's has none.
    act(&mut window, ClassAction::Start);
    let following = run_until(&mut [&mut window, &mut li, &mut wang], 10_000, |a| {
        a[2].world().resource::<ClassSeat>().mirror.is_some() && a[1].world().resource::<ClassSeat>().view.is_some()
    });
    assert!(
        following,
        "the new exporter follows the table, the new importer has its view"
    );
    assert!(li.world().resource::<ClassSeat>().mirror.is_none());
}
