//! A headless Bevy app (no window, no GPU) wired like the game: scenarios load through the
//! asset loader, broken ones become menu entries, edits hot-reload, and actions drive the states.

use std::path::{Path, PathBuf};
use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use tradeport::game::core_plugin;
use tradeport::game::scenario_assets::{ScenarioAsset, ScenarioCatalog, ScenarioFolder, register_source};
use tradeport::game::screens::Screen;
use tradeport::game::session::{ActiveSession, DebriefReport, UiAction};
use tradeport::game::settings::SettingsStore;
use tradeport::ui::Action;
use tradeport::ui::menu::{EntryState, MenuEntry};

fn headless_app(folder: &Path) -> App {
    let mut app = App::new();
    let folder = ScenarioFolder::new(folder.to_path_buf());
    app.insert_resource(folder.clone());
    app.insert_resource(SettingsStore {
        path: Err("tests do not save settings".to_string()),
    });
    register_source(&mut app, &folder);
    app.add_plugins((MinimalPlugins, StatesPlugin, AssetPlugin::default()));
    app.add_plugins(core_plugin);
    app
}

fn entries(app: &App) -> Vec<MenuEntry> {
    let world = app.world();
    world.resource::<ScenarioCatalog>().entries(
        world.resource::<Assets<ScenarioAsset>>(),
        world.resource::<AssetServer>(),
    )
}

/// Updates until `done` holds, for at most `seconds` of real time.
fn update_until(app: &mut App, seconds: u64, mut done: impl FnMut(&App) -> bool) -> bool {
    let deadline = std::time::Instant::now() + Duration::from_secs(seconds);
    while std::time::Instant::now() < deadline {
        app.update();
        if done(app) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

fn all_loaded(app: &App) -> bool {
    let e = entries(app);
    !e.is_empty() && e.iter().all(|e| !matches!(e.state, EntryState::Loading))
}

/// Waits for the background save writer to put every save handed over on disk.
fn flush_saves(app: &App) {
    let saves = app.world().resource::<tradeport::game::autosave::BackgroundSaves>();
    assert!(
        saves.flush(std::time::Duration::from_secs(10)),
        "saves not written within 10 s"
    );
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

#[test]
fn loads_bundled_scenarios_and_reaches_the_scenario_then_the_debrief() {
    let mut app = headless_app(Path::new("scenarios"));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    let list = entries(&app);
    let index = list
        .iter()
        .position(|e| e.file_name == "b2b-silk-blouses.scenario.ron")
        .unwrap_or(usize::MAX);
    assert!(
        matches!(list.get(index).map(|e| &e.state), Some(EntryState::Ready(_))),
        "b2b scenario not ready: {list:?}"
    );
    assert_eq!(screen(&app), Screen::MainMenu);

    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(
        update_until(&mut app, 5, |a| screen(a) == Screen::Playing),
        "did not reach the scenario"
    );
    let session = &app.world().resource::<ActiveSession>().0;
    assert_eq!(session.day(), 1);
    assert_eq!(session.scenario().meta().id, "b2b-silk-blouses");

    app.world_mut().write_message(UiAction(Action::EndDay));
    app.update();
    assert_eq!(app.world().resource::<ActiveSession>().0.day(), 2);

    // A negotiation move goes through the same path: the offer and the AI's answer land.
    app.world_mut().write_message(UiAction(Action::MakeOffer(
        "negotiate-deal".to_string(),
        vec![18, 2, 0, 0],
        "Our best price for 2,400 pieces.".to_string(),
    )));
    app.update();
    let talks = app
        .world()
        .resource::<ActiveSession>()
        .0
        .talks_desk()
        .talks("negotiate-deal")
        .map(|t| t.offers().len());
    assert_eq!(talks, Some(2), "the student's offer and the buyer's counter-offer");

    app.world_mut().write_message(UiAction(Action::FinishScenario));
    assert!(
        update_until(&mut app, 5, |a| screen(a) == Screen::Debrief),
        "did not reach the debrief"
    );
    assert!(update_until(&mut app, 5, |a| a
        .world()
        .get_resource::<DebriefReport>()
        .is_some()));

    app.world_mut().write_message(UiAction(Action::QuitToMenu));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::MainMenu));
    assert!(app.world().get_resource::<ActiveSession>().is_none());
}

/// A scratch scenario folder with the minimal fixture and its rule pack.
fn scratch_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradeport-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(
        "tests/fixtures/good/rules/mini-eu.rules.ron",
        dir.join("rules/mini-eu.rules.ron"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    dir
}

#[test]
fn broken_scenario_is_an_entry_with_its_error_and_hot_reloads_when_fixed() {
    let dir = scratch_folder("hot-reload");
    let good = std::fs::read_to_string("tests/fixtures/good/minimal.scenario.ron").unwrap_or_default();
    let broken = good.replacen("hs_code", "hs_cod", 1);
    assert_ne!(good, broken);
    let file = dir.join("lesson.scenario.ron");
    std::fs::write(&file, &broken).unwrap_or_else(|e| panic!("{e}"));

    let mut app = headless_app(&dir);
    assert!(update_until(&mut app, 60, all_loaded), "scratch scenario did not load");
    match &entries(&app)[0].state {
        EntryState::Broken(d) => {
            assert!(d[0].message.contains("unknown field `hs_cod`"), "{d:?}");
            assert!(d[0].at.is_some(), "syntax-level error without line:col: {d:?}");
        }
        other => panic!("expected a broken entry, got {other:?}"),
    }
    // Starting a broken scenario is refused: the app stays in the menu.
    app.world_mut().write_message(UiAction(Action::StartScenario(0)));
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::MainMenu);

    // The instructor fixes the file; the menu picks it up without a restart.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&file, &good).unwrap_or_else(|e| panic!("{e}"));
    let reloaded = update_until(&mut app, 20, |a| {
        matches!(entries(a).first().map(|e| &e.state), Some(EntryState::Ready(_)))
    });
    let _ = std::fs::remove_dir_all(&dir);
    assert!(reloaded, "the fixed file was not reloaded: {:?}", entries(&app));
}

#[test]
fn the_menu_reports_the_same_problems_as_tradeport_check() {
    let mut app = headless_app(Path::new("tests/fixtures/bad"));
    assert!(update_until(&mut app, 60, all_loaded), "fixtures did not load");
    let list = entries(&app);
    assert!(list.len() >= 20);
    // Fixtures read a shared rule pack from `../good/rules/`, outside the scenario folder.
    for name in [
        "08-duplicate-sku.scenario.ron",
        "21-rubric-total-mismatch.scenario.ron",
        "30-several-semantic-mistakes.scenario.ron",
    ] {
        let in_menu = match list.iter().find(|e| e.file_name == name).map(|e| &e.state) {
            Some(EntryState::Broken(d)) => d
                .iter()
                .map(|d| (d.path.clone(), d.message.clone()))
                .collect::<Vec<_>>(),
            other => panic!("{name}: expected a broken entry, got {other:?}"),
        };
        let from_check = tradeport::scenario::load_scenario_file(&Path::new("tests/fixtures/bad").join(name))
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.path, d.message))
            .collect::<Vec<_>>();
        assert_eq!(in_menu, from_check, "{name}: menu and `tradeport check` disagree");
    }
}

#[test]
fn settings_save_atomically_and_a_broken_file_falls_back_to_defaults() {
    use tradeport::game::settings::UserSettings;
    use tradeport::i18n::Language;
    let dir = std::env::temp_dir().join(format!("tradeport-settings-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = SettingsStore {
        path: Ok(dir.join("settings.ron")),
    };
    assert_eq!(
        store.load(),
        UserSettings {
            language: Language::from_system(),
            ..UserSettings::default()
        },
        "no file yet: defaults in the system's language"
    );
    let chosen = UserSettings {
        ui_scale: 1.25,
        language: Language::Chinese,
    };
    store.save(&chosen).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.load(), chosen);
    assert!(
        !dir.join(".settings.ron.tmp").exists(),
        "the temporary file is renamed away"
    );
    std::fs::write(dir.join("settings.ron"), "(ui_scale: \"huge\"").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        store.load(),
        UserSettings::default(),
        "a corrupt file must not crash or keep garbage"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn c2c_commands_go_through_the_app_to_the_shop() {
    use tradeport::scenario::file::ConditionGrade;
    use tradeport::sim::Command;
    use tradeport::sim::c2c::{ItemTerms, SaleFormat};
    let mut app = headless_app(Path::new("scenarios"));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    let index = entries(&app)
        .iter()
        .position(|e| e.file_name == "c2c-vintage-cameras.scenario.ron")
        .unwrap_or(usize::MAX);
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    let list = Command::ListItem {
        terms: Box::new(ItemTerms {
            market: "uk-buyers".into(),
            sku: "CAM-OM1".into(),
            format: SaleFormat::FixedPrice {
                price: 13_500,
                offers: true,
                auto_decline_below: Some(9_000),
                auto_accept_from: None,
            },
            postage: "ems".into(),
            handling_days: 2,
            duty_paid: false,
            claimed_grade: ConditionGrade::VeryGood,
            disclosed_faults: vec![0, 1],
            states_import_charges: true,
        }),
    };
    app.world_mut()
        .write_message(UiAction(Action::Marketplace(Box::new(list.clone()))));
    app.update();
    let shop = |app: &App| app.world().resource::<ActiveSession>().0.shop_desk().shop().cloned();
    assert_eq!(
        shop(&app).map(|s| s.listings.len()),
        Some(1),
        "the listing reached the shop"
    );
    // Listing it twice is refused and changes nothing.
    app.world_mut()
        .write_message(UiAction(Action::Marketplace(Box::new(list))));
    app.update();
    assert_eq!(shop(&app).map(|s| s.listings.len()), Some(1));
    // Day 2 brings Priya's question; answering it goes through the same path.
    app.world_mut().write_message(UiAction(Action::EndDay));
    app.update();
    let question = shop(&app)
        .and_then(|s| s.questions.iter().find(|q| q.answer.is_none()).map(|q| q.id))
        .unwrap_or_else(|| panic!("a question on day 2"));
    app.world_mut()
        .write_message(UiAction(Action::Marketplace(Box::new(Command::AnswerQuestion {
            question,
            choices: vec![Some(0), Some(0), Some(0)],
            note: "Hello Priya, thank you! Best regards".into(),
        }))));
    app.update();
    assert!(
        shop(&app)
            .and_then(|s| s.question(question).cloned())
            .is_some_and(|q| q.answer.is_some())
    );
}

#[test]
fn autosave_at_the_end_of_each_day_and_continue_from_the_menu() {
    use tradeport::game::autosave::{ActiveStudent, NextStudent, SaveFolder, SavedGames, save_path};
    use tradeport::game::session::Notice;
    use tradeport::sim::save::Student;
    let saves = scratch_folder("autosave");
    let mut app = headless_app(Path::new("scenarios"));
    app.insert_resource(SaveFolder(Some(saves.clone())));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    let index = entries(&app)
        .iter()
        .position(|e| e.file_name == "c2c-vintage-cameras.scenario.ron")
        .unwrap_or(usize::MAX);
    let student = Student {
        name: "Li Na".into(),
        id: "2026-0417".into(),
    };
    app.insert_resource(NextStudent(student.clone()));
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    for _ in 0..2 {
        app.world_mut().write_message(UiAction(Action::EndDay));
        app.update();
    }
    flush_saves(&app);
    let path = save_path(&saves, "c2c-vintage-cameras");
    let save = tradeport::saves::read_save(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (save.commands.len(), &save.student),
        (2, &student),
        "saved at the end of each day"
    );

    // Quit to the menu: the save is there to continue, at day 3, by Li Na.
    app.world_mut().write_message(UiAction(Action::QuitToMenu));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::MainMenu));
    let listed = app.world().resource::<SavedGames>().0.clone();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].day, listed[0].student.name.as_str()), (3, "Li Na"));
    app.insert_resource(NextStudent(Student::default()));
    app.world_mut()
        .write_message(UiAction(Action::ContinueGame(path.clone())));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    assert_eq!(app.world().resource::<ActiveSession>().0.day(), 3);
    assert_eq!(app.world().resource::<ActiveStudent>().0, student);

    // A damaged save cannot be continued: the menu says why, and the next save keeps it aside.
    app.world_mut().write_message(UiAction(Action::QuitToMenu));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::MainMenu));
    std::fs::write(&path, "(format: 1, scenario_id: \"c2c-vint").unwrap_or_else(|e| panic!("{e}"));
    app.world_mut()
        .write_message(UiAction(Action::ContinueGame(path.clone())));
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::MainMenu);
    let notice = app.world().resource::<Notice>().0.clone().unwrap_or_default();
    assert!(notice.contains("damaged"), "{notice}");
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    app.world_mut().write_message(UiAction(Action::EndDay));
    app.update();
    flush_saves(&app);
    assert!(tradeport::saves::read_save(&path).is_ok(), "a new save");
    let aside = saves.join("c2c-vintage-cameras.unreadable.ron");
    assert_eq!(
        std::fs::read_to_string(&aside).ok().as_deref(),
        Some("(format: 1, scenario_id: \"c2c-vint"),
        "the damaged save is kept aside, not overwritten"
    );
    let _ = std::fs::remove_dir_all(&saves);
}

#[test]
fn the_debrief_saves_a_report_the_teacher_can_verify() {
    use tradeport::game::autosave::{NextStudent, ReportExported, SaveFolder};
    use tradeport::sim::save::Student;
    let data = scratch_folder("export");
    let mut app = headless_app(Path::new("scenarios"));
    app.insert_resource(SaveFolder(Some(data.join("saves"))));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    let index = entries(&app)
        .iter()
        .position(|e| e.file_name == "c2c-vintage-cameras.scenario.ron")
        .unwrap_or(usize::MAX);
    app.insert_resource(NextStudent(Student {
        name: "Li Na".into(),
        id: "2026-0417".into(),
    }));
    // The menu's exam checkbox sets the next session's mode.
    app.insert_resource(tradeport::game::session::NextMode(
        tradeport::sim::session::PlayMode::Exam,
    ));
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    assert_eq!(
        app.world().resource::<ActiveSession>().0.mode(),
        tradeport::sim::session::PlayMode::Exam
    );
    app.world_mut().write_message(UiAction(Action::EndDay));
    app.world_mut().write_message(UiAction(Action::FinishScenario));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Debrief));
    // The debrief has the AI expert's run on the same seed beside the student's.
    assert!(update_until(&mut app, 5, |a| a
        .world()
        .get_resource::<DebriefReport>()
        .is_some()));
    let debrief = app.world().resource::<DebriefReport>();
    assert_eq!(debrief.expert.report.seed, debrief.report.seed);
    assert!(debrief.expert.report.finished && debrief.expert.report.total_earned > debrief.report.total_earned);
    app.world_mut().write_message(UiAction(Action::ExportReport));
    app.update();
    let said = app.world().resource::<ReportExported>().0.clone().unwrap_or_default();
    assert!(said.starts_with("saved: "), "{said}");
    let report = data.join("reports/c2c-vintage-cameras-2026-0417-Li_Na.report.ron");
    let html = data.join("reports/c2c-vintage-cameras-2026-0417-Li_Na.html");
    let page = std::fs::read_to_string(&html).unwrap_or_default();
    assert!(page.contains("Li Na (2026-0417)"));
    assert!(page.contains("Played in exam mode (hints off)."));
    assert!(page.contains("What an expert would have done"));
    let mut out = Vec::new();
    assert!(
        tradeport::cli::verify(&report, None, &mut out).unwrap_or(false),
        "{}",
        String::from_utf8_lossy(&out)
    );
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn a_finished_run_goes_into_the_profile() {
    use tradeport::game::autosave::{PlayerProfile, SaveFolder};
    let data = scratch_folder("profile");
    let mut app = headless_app(Path::new("scenarios"));
    app.insert_resource(SaveFolder(Some(data.join("saves"))));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    let index = entries(&app)
        .iter()
        .position(|e| e.file_name == "c2c-vintage-cameras.scenario.ron")
        .unwrap_or(usize::MAX);
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    let days = app.world().resource::<ActiveSession>().0.scenario().length_days();
    for _ in 0..days {
        app.world_mut().write_message(UiAction(Action::EndDay));
        app.update();
    }
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Debrief));
    app.update();
    let profile = app.world().resource::<PlayerProfile>().profile.clone();
    assert_eq!(profile.scenarios.len(), 1);
    assert_eq!(profile.scenarios[0].runs, 1);
    let text = std::fs::read_to_string(data.join("profile.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tradeport::sim::profile::Profile::parse(&text), Ok(profile));
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn every_accepted_command_is_saved_at_once_and_closing_the_app_saves_too() {
    use tradeport::game::autosave::{SaveFolder, save_path};
    let data = scratch_folder("exit");
    let mut app = headless_app(Path::new("scenarios"));
    app.insert_resource(SaveFolder(Some(data.clone())));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    let index = entries(&app)
        .iter()
        .position(|e| e.file_name == "b2b-silk-blouses.scenario.ron")
        .unwrap_or(usize::MAX);
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    let path = save_path(&data, "b2b-silk-blouses");
    app.update();
    flush_saves(&app);
    assert!(!path.exists(), "nothing to save before the first command");
    // A command in the middle of the day is saved at once, not at the end of the day: a
    // shutdown now loses nothing.
    app.world_mut()
        .write_message(UiAction(Action::MarkRead(tradeport::sim::session::MessageId(0))));
    app.update();
    flush_saves(&app);
    let save = tradeport::saves::read_save(&path).unwrap_or_else(|e| panic!("saved mid-day: {e}"));
    assert_eq!(save.commands.len(), 1, "the accepted command is in the save");
    app.update();
    flush_saves(&app);
    let again = tradeport::saves::read_save(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, save, "no new command, the same save");
    // The window is closed: the app is asked to exit.
    app.world_mut().write_message(bevy::app::AppExit::Success);
    app.update();
    let save = tradeport::saves::read_save(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(save.commands.len(), 1, "the session as it was, unread message included");
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn a_new_session_saves_its_first_command_even_with_as_many_commands_as_the_last() {
    use tradeport::game::autosave::{SaveFolder, save_path};
    use tradeport::sim::session::MessageId;
    let data = scratch_folder("restart");
    let mut app = headless_app(Path::new("scenarios"));
    app.insert_resource(SaveFolder(Some(data.clone())));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    let index = entries(&app)
        .iter()
        .position(|e| e.file_name == "b2b-silk-blouses.scenario.ron")
        .unwrap_or(usize::MAX);
    let path = save_path(&data, "b2b-silk-blouses");
    for message in [0, 1] {
        app.world_mut().write_message(UiAction(Action::StartScenario(index)));
        assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
        app.world_mut()
            .write_message(UiAction(Action::MarkRead(MessageId(message))));
        app.update();
        flush_saves(&app);
        let save = tradeport::saves::read_save(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            save.commands,
            vec![tradeport::sim::Command::MarkRead(MessageId(message))],
            "the new session's one command is saved, not the last session's"
        );
        app.world_mut().write_message(UiAction(Action::QuitToMenu));
        assert!(update_until(&mut app, 5, |a| screen(a) == Screen::MainMenu));
    }
    let _ = std::fs::remove_dir_all(&data);
}

/// How many redraws the app asks for over `frames` updates (each message counted once).
fn redraws_requested(app: &mut App, frames: usize) -> usize {
    let mut cursor = app
        .world()
        .resource::<Messages<bevy::window::RequestRedraw>>()
        .get_cursor_current();
    let mut total = 0;
    for _ in 0..frames {
        app.update();
        total += cursor
            .read(app.world().resource::<Messages<bevy::window::RequestRedraw>>())
            .count();
        std::thread::sleep(Duration::from_millis(5));
    }
    total
}

/// With no input and no timer running the game asks for no frames, so a reactive window sleeps;
/// auto-advance on the scenario screen keeps frames coming until it is switched off.
#[test]
fn an_idle_game_requests_no_redraw_and_auto_advance_does() {
    let mut app = headless_app(Path::new("scenarios"));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    assert_eq!(redraws_requested(&mut app, 20), 0, "idle at the menu");

    let index = entries(&app)
        .iter()
        .position(|e| e.file_name == "b2b-silk-blouses.scenario.ron")
        .unwrap_or(usize::MAX);
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    assert_eq!(redraws_requested(&mut app, 20), 0, "idle on a desk");

    app.world_mut().write_message(UiAction(Action::SetAutoAdvance(true)));
    assert_eq!(redraws_requested(&mut app, 10), 10, "auto-advance ticks every frame");
    app.world_mut().write_message(UiAction(Action::SetAutoAdvance(false)));
    app.update();
    assert_eq!(redraws_requested(&mut app, 10), 0, "and stops when switched off");
}

/// The frame statistics' percentiles are nearest-rank and the report prints the lines the
/// benchmark is read by.
#[test]
fn frame_statistics_report_nearest_rank_percentiles() {
    use tradeport::game::frame_stats::{percentiles, report};
    let samples: Vec<Duration> = (1..=100).rev().map(Duration::from_millis).collect();
    assert_eq!(
        percentiles(&samples),
        Some([
            Duration::from_millis(50),
            Duration::from_millis(95),
            Duration::from_millis(99)
        ])
    );
    assert_eq!(percentiles(&[]), None);
    let text = report(&samples, Some(Duration::from_millis(1500)), Duration::from_millis(1800));
    for line in [
        "frames 100",
        "p50 50.00 ms",
        "p95 95.00 ms",
        "p99 99.00 ms",
        "cpu 1.50 s",
        "first frame 1800.00 ms",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
}

/// Light on a software renderer: the UI camera draws single-sampled (4× multisampling cost
/// llvmpipe a third of each frame) and clears to the panels' own grey, so that egui need not
/// paint the panels' backgrounds over the whole window again.
#[test]
fn the_ui_camera_is_single_sampled_and_clears_to_the_panel_grey() {
    use bevy::camera::ClearColorConfig;
    use bevy::render::view::Msaa;
    let mut world = World::new();
    let camera = world.spawn(tradeport::game::interface::ui_camera()).id();
    assert_eq!(world.get::<Msaa>(camera), Some(&Msaa::Off));
    let clear = world.get::<Camera>(camera).map(|c| c.clear_color);
    let Some(ClearColorConfig::Custom(color)) = clear else {
        panic!("the camera clears to a colour of its own, not {clear:?}");
    };
    let [r, g, b, _] = egui::Visuals::light().panel_fill.to_array();
    assert_eq!(color.to_srgba().to_u8_array(), [r, g, b, 255]);
}

#[test]
fn a_class_code_starts_the_students_own_variant_and_continues_on_it() {
    use tradeport::game::autosave::{NextStudent, SaveFolder, save_path};
    use tradeport::game::session::{NextClassCode, Notice};
    use tradeport::sim::save::Student;
    let saves = scratch_folder("variant-saves");
    let mut app = headless_app(Path::new("scenarios"));
    app.insert_resource(SaveFolder(Some(saves.clone())));
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    let index = entries(&app)
        .iter()
        .position(|e| e.file_name == "b2b-silk-blouses.scenario.ron")
        .unwrap_or(usize::MAX);
    let written_seed = match &entries(&app)[index].state {
        EntryState::Ready(s) => s.seed(),
        _ => unreachable!("loaded"),
    };
    // A class code without a student number is refused with why.
    app.insert_resource(NextClassCode("GZ-2026-A".into()));
    app.insert_resource(NextStudent(Student::default()));
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::MainMenu);
    let notice = app.world().resource::<Notice>().0.clone().unwrap_or_default();
    assert!(notice.contains("student number"), "{notice}");
    // With one, the session plays the student's variant: its own seed.
    let student = Student {
        name: "Li Na".into(),
        id: "S01".into(),
    };
    app.insert_resource(NextStudent(student.clone()));
    app.world_mut().write_message(UiAction(Action::StartScenario(index)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    let key = tradeport::sim::scenario::VariantKey::new("GZ-2026-A", "S01");
    let session = &app.world().resource::<ActiveSession>().0;
    assert_eq!(session.scenario().variant(), Some(&key));
    assert_eq!(
        session.seed(),
        tradeport::scenario::variant::variant_seed(written_seed, &key)
    );
    app.world_mut().write_message(UiAction(Action::EndDay));
    app.update();
    flush_saves(&app);
    let path = save_path(&saves, "b2b-silk-blouses");
    let save = tradeport::saves::read_save(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(save.class_code.as_deref(), Some("GZ-2026-A"));
    // Continued from the menu (whatever is typed there now), it is the same variant.
    app.world_mut().write_message(UiAction(Action::QuitToMenu));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::MainMenu));
    app.insert_resource(NextClassCode(String::new()));
    app.world_mut().write_message(UiAction(Action::ContinueGame(path)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Playing));
    let session = &app.world().resource::<ActiveSession>().0;
    assert_eq!((session.day(), session.scenario().variant()), (2, Some(&key)));
    let _ = std::fs::remove_dir_all(&saves);
}

#[test]
fn the_workshop_opens_the_menus_scenario_edits_simulates_and_saves_a_new_file() {
    use tradeport::game::workshop::{OpenWorkshop, WorkshopRequest};
    use tradeport::ui::workshop::WorkshopAction;
    let dir = scratch_folder("workshop");
    let mut out = Vec::new();
    let file = dir.join("silk.scenario.ron");
    assert!(tradeport::cli::new_scenario("b2b", "en", &file, &mut out).unwrap_or_else(|e| panic!("{e}")));
    let mut app = headless_app(&dir);
    app.add_plugins(tradeport::game::workshop::plugin);
    assert!(update_until(&mut app, 60, all_loaded), "scenarios did not load");
    app.world_mut().write_message(UiAction(Action::OpenWorkshop(0)));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::Workshop));
    assert!(app.world().resource::<OpenWorkshop>().bench.problems.is_empty());
    let set = |app: &mut App, field: &str, value: &str| {
        app.world_mut().write_message(WorkshopRequest(WorkshopAction::Set {
            field: field.into(),
            value: value.into(),
        }));
        app.update();
    };
    set(&mut app, "setup.products[0].unit_cost.amount", "150.00");
    set(&mut app, "setup.length_days", "twenty");
    {
        let open = app.world().resource::<OpenWorkshop>();
        assert!(open.bench.changed);
        assert!(
            open.knobs
                .iter()
                .any(|k| k.field == "setup.products[0].unit_cost.amount" && k.value == "150.00"),
            "the form shows the value as it now stands"
        );
        assert!(
            open.notice.as_deref().is_some_and(|n| n.contains("whole number")),
            "{:?}",
            open.notice
        );
    }
    app.world_mut().write_message(WorkshopRequest(WorkshopAction::Simulate));
    assert!(
        update_until(&mut app, 120, |a| a
            .world()
            .resource::<OpenWorkshop>()
            .simulation
            .is_some()),
        "the quick simulate finishes"
    );
    app.world_mut().write_message(WorkshopRequest(WorkshopAction::SaveAs(
        "silk-cheap.scenario.ron".into(),
    )));
    app.update();
    let saved = tradeport::scenario::load_scenario_file(&dir.join("silk-cheap.scenario.ron"))
        .unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(saved.products()[0].unit_cost.minor, 15_000);
    // The menu lists the new file.
    assert!(update_until(&mut app, 10, |a| entries(a)
        .iter()
        .any(|e| e.file_name == "silk-cheap.scenario.ron")));
    app.world_mut().write_message(WorkshopRequest(WorkshopAction::Close));
    assert!(update_until(&mut app, 5, |a| screen(a) == Screen::MainMenu));
    let _ = std::fs::remove_dir_all(&dir);
}
