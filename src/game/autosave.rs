//! Autosave after every accepted command (written off the frame, on the save writer's thread),
//! at the end of each day, on quitting and on SIGTERM/SIGINT; the saves the main menu offers
//! to continue, and continuing one (the save's command log is replayed on its scenario).

use std::path::PathBuf;

use bevy::prelude::*;

use super::scenario_assets::{ScenarioAsset, ScenarioCatalog};
use super::screens::{CurrentPage, Paused, Screen};
use super::session::{ActiveSession, Notice, UiAction};
use crate::sim::Command;
use crate::sim::save::{SaveFile, Student};
use crate::ui::menu::{EntryState, SavedGame};
use crate::ui::{Action, Page};

/// Where saves are; `None` (tests) neither lists nor saves anything.
#[derive(Resource, Debug, Clone, Default)]
pub struct SaveFolder(pub Option<PathBuf>);

/// Whether sessions are saved; off for screenshots and demonstrations, which only read.
#[derive(Resource, Debug, Clone, Copy)]
pub struct AutosaveEnabled(pub bool);

impl Default for AutosaveEnabled {
    fn default() -> Self {
        Self(true)
    }
}

/// Who is playing the running session.
#[derive(Resource, Debug, Clone, Default)]
pub struct ActiveStudent(pub Student);

/// The saves the main menu lists, read when the menu opens.
#[derive(Resource, Debug, Clone, Default)]
pub struct SavedGames(pub Vec<SavedGame>);

/// The self-study profile, and why it could not be read if it could not (then it starts
/// afresh and the unreadable file is kept aside when the profile is next saved).
#[derive(Resource, Debug, Clone, Default)]
pub struct PlayerProfile {
    pub profile: crate::sim::profile::Profile,
    pub problem: Option<String>,
}

/// The profile file, next to the saves folder.
fn profile_path(folder: &SaveFolder) -> Option<PathBuf> {
    let saves = folder.0.as_deref()?;
    Some(saves.parent().unwrap_or(saves).join("profile.ron"))
}

/// Reads the profile at start-up.
pub fn load_profile(folder: Res<SaveFolder>, mut profile: ResMut<PlayerProfile>) {
    let Some(path) = profile_path(&folder) else { return };
    match crate::scenario::load::read_bounded_text(&path, crate::saves::MAX_SAVE_BYTES) {
        Err(_) => *profile = PlayerProfile::default(),
        Ok(text) => match crate::sim::profile::Profile::parse(&text) {
            Ok(p) => {
                *profile = PlayerProfile {
                    profile: p,
                    problem: None,
                }
            }
            Err(problem) => {
                *profile = PlayerProfile {
                    profile: crate::sim::profile::Profile::new(),
                    problem: Some(problem),
                }
            }
        },
    }
}

/// Records a finished run in the profile when the debrief opens, and saves the profile.
pub fn record_progress(
    session: Option<Res<ActiveSession>>,
    folder: Res<SaveFolder>,
    enabled: Res<AutosaveEnabled>,
    mut profile: ResMut<PlayerProfile>,
) {
    let Some(session) = session else { return };
    profile.profile.record(&crate::sim::Report::of(&session.0));
    if !enabled.0 {
        return;
    }
    let Some(path) = profile_path(&folder) else { return };
    // An unreadable profile is kept aside, never overwritten.
    if profile.problem.is_some() && path.exists() {
        let aside = path.with_extension("unreadable.ron");
        if std::fs::rename(&path, &aside).is_err() {
            return;
        }
        profile.problem = None;
    }
    if let Err(e) = crate::saves::write_atomic(&path, &profile.profile.to_text()) {
        warn!("profile not saved: {e}");
    }
}

/// Where the last report for the teacher went, or why it could not be saved.
#[derive(Resource, Debug, Clone, Default)]
pub struct ReportExported(pub Option<String>);

/// The student's name and ID as typed in the menu, for the next session started.
#[derive(Resource, Debug, Clone, Default)]
pub struct NextStudent(pub Student);

/// The background save writer, and what it was last given, so that a save is handed over
/// once per accepted command.
#[derive(Resource, Debug)]
pub struct BackgroundSaves {
    pub writer: crate::saves::SaveWriter,
    /// Scenario hash, seed and number of commands of the last save handed over.
    last: Option<(String, u64, usize)>,
}

impl Default for BackgroundSaves {
    fn default() -> Self {
        Self {
            writer: crate::saves::SaveWriter::start(|_, _| {}),
            last: None,
        }
    }
}

impl BackgroundSaves {
    /// Waits until every save handed over is on disk (at most `timeout`); whether it is.
    pub fn flush(&self, timeout: std::time::Duration) -> bool {
        self.writer.flush(timeout)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SaveFolder>()
        .init_resource::<BackgroundSaves>()
        .init_resource::<AutosaveEnabled>()
        .init_resource::<ActiveStudent>()
        .init_resource::<SavedGames>()
        .init_resource::<NextStudent>()
        .init_resource::<ReportExported>()
        .init_resource::<PlayerProfile>()
        .add_systems(Startup, load_profile)
        .add_systems(OnEnter(Screen::Debrief), record_progress)
        .add_systems(Last, (save_each_accepted_command, save_on_exit).chain())
        .add_systems(OnEnter(Screen::MainMenu), list_saved_games)
        .add_systems(Startup, list_saved_games);
}

/// The save file of a scenario in the save folder.
pub fn save_path(folder: &std::path::Path, scenario_id: &str) -> PathBuf {
    folder.join(format!("{scenario_id}.ron"))
}

/// Every `*.ron` in the save folder, newest first; unreadable ones with what is wrong.
pub fn list_saved_games(folder: Res<SaveFolder>, saves: Res<BackgroundSaves>, mut saved: ResMut<SavedGames>) {
    // The save of the session just left may still be on its way to disk.
    saves.flush(std::time::Duration::from_secs(2));
    saved.0 = folder.0.as_deref().map(read_folder).unwrap_or_default();
}

/// The saves in `folder`, newest first.
pub fn read_folder(folder: &std::path::Path) -> Vec<SavedGame> {
    let mut found: Vec<(std::time::SystemTime, SavedGame)> = Vec::new();
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if !name.ends_with(".ron") || name.contains(".unreadable") || name.starts_with('.') {
            continue;
        }
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        let game = match crate::saves::read_save(&path) {
            Ok(save) => SavedGame {
                path: path.clone(),
                scenario_id: save.scenario_id.clone(),
                day: 1 + save.commands.iter().filter(|c| **c == Command::EndDay).count(),
                student: save.student.clone(),
                problem: None,
            },
            Err(e) => SavedGame {
                path: path.clone(),
                scenario_id: name.trim_end_matches(".ron").to_string(),
                day: 0,
                student: Student::default(),
                problem: Some(e.to_string()),
            },
        };
        found.push((modified, game));
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.path.cmp(&b.1.path)));
    found.into_iter().map(|(_, g)| g).collect()
}

/// Hands the running session's save to the background writer, if there is a save folder.
fn save_now(folder: &SaveFolder, session: &ActiveSession, student: &ActiveStudent, saves: &mut BackgroundSaves) {
    let Some(dir) = &folder.0 else { return };
    let save = SaveFile::of(&session.0, student.0.clone());
    saves.last = Some((save.scenario_hash.clone(), save.seed, save.commands.len()));
    saves.writer.submit(save_path(dir, &save.scenario_id), save);
}

/// After every command the session accepted (whatever sent it: a button, auto-advance, a
/// key), the save is handed to the writer: a crash or a shutdown mid-day loses nothing. The
/// writer's notices (a save kept aside, a failed write) reach the player.
pub fn save_each_accepted_command(
    session: Option<Res<ActiveSession>>,
    (folder, enabled): (Res<SaveFolder>, Res<AutosaveEnabled>),
    student: Res<ActiveStudent>,
    mut saves: ResMut<BackgroundSaves>,
    mut notice: ResMut<Notice>,
) {
    for said in saves.writer.take_notices() {
        warn!("{}", crate::escape::printable(&said, 600));
        notice.0 = Some(said);
    }
    let Some(session) = session.as_deref() else { return };
    if !enabled.0 || session.0.commands().is_empty() {
        return;
    }
    let key = (
        session.0.scenario().content_hash().to_string(),
        session.0.seed(),
        session.0.commands().len(),
    );
    if saves.last.as_ref() != Some(&key) {
        save_now(&folder, session, &student, &mut saves);
    }
}

/// Writes the report for the teacher next to the saves (`reports/`): a report file that
/// `tradeport verify` checks and a printable HTML page. Returns where they went, or why not.
fn export_report(
    saves: &std::path::Path,
    session: &ActiveSession,
    student: &Student,
    expert: Option<&crate::sim::expert::ExpertRun>,
    cat: &crate::i18n::Catalogue,
) -> String {
    let dir = saves.parent().unwrap_or(saves).join("reports");
    let who: String = format!("{}-{}", student.id, student.name)
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' })
        .collect();
    let who = who.trim_matches(['-', '_']);
    let who = if who.is_empty() { "no-name" } else { who };
    let stem = format!("{}-{who}", session.0.scenario().meta().id);
    let file = crate::sim::save::ReportFile::of(&session.0, student.clone());
    let report = crate::sim::Report::of(&session.0);
    let computed;
    let expert = match expert {
        Some(expert) => expert,
        None => {
            computed = crate::sim::expert::play_like(&session.0);
            &computed
        }
    };
    let html = crate::export::html(&report, &file.save, Some(expert), cat);
    let ron_path = dir.join(format!("{stem}.report.ron"));
    let html_path = dir.join(format!("{stem}.html"));
    match crate::saves::write_atomic(&ron_path, &file.to_text())
        .and_then(|()| crate::saves::write_atomic(&html_path, &html))
    {
        Ok(()) => cat.tr_args(
            "report-saved",
            &[
                ("report", ron_path.display().to_string().into()),
                ("page", html_path.display().to_string().into()),
            ],
        ),
        Err(e) => cat.tr_args("report-not-saved", &[("why", e.to_string().into())]),
    }
}

/// Saves the running session when the app is about to exit however that came (closing the
/// window included); runs last in the frame, after the exit was requested.
pub fn save_on_exit(
    mut exits: MessageReader<bevy::app::AppExit>,
    session: Option<Res<ActiveSession>>,
    (folder, enabled): (Res<SaveFolder>, Res<AutosaveEnabled>),
    student: Res<ActiveStudent>,
    mut saves: ResMut<BackgroundSaves>,
) {
    if exits.read().count() == 0 || !enabled.0 {
        return;
    }
    if let Some(session) = session.as_deref() {
        save_now(&folder, session, &student, &mut saves);
    }
    if !saves.flush(std::time::Duration::from_secs(10)) {
        warn!("some saves were not written before the exit");
    }
}

/// After the actions of the frame: saves at the end of a day, when the scenario finishes and
/// when the player quits; continues a saved game; remembers who starts a new one. Runs before
/// the frame's commands apply, so a session being closed is still there to save.
#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it touches
pub fn autosave_and_continue(
    mut actions: MessageReader<UiAction>,
    mut commands: Commands,
    session: Option<Res<ActiveSession>>,
    (folder, enabled): (Res<SaveFolder>, Res<AutosaveEnabled>),
    mut student: ResMut<ActiveStudent>,
    (next_student, scenario_folder, ui_text): (
        Res<NextStudent>,
        Option<Res<super::scenario_assets::ScenarioFolder>>,
        Option<Res<super::settings::UiText>>,
    ),
    catalog: Res<ScenarioCatalog>,
    assets: Res<Assets<ScenarioAsset>>,
    server: Res<AssetServer>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut page: ResMut<CurrentPage>,
    mut paused: ResMut<Paused>,
    (mut notice, mut exported, debrief, mut saves): (
        ResMut<Notice>,
        ResMut<ReportExported>,
        Option<Res<super::session::DebriefReport>>,
        ResMut<BackgroundSaves>,
    ),
) {
    for UiAction(action) in actions.read() {
        match action {
            Action::EndDay | Action::FinishScenario | Action::QuitToMenu | Action::Quit => {
                if let Some(session) = session.as_deref()
                    && enabled.0
                {
                    save_now(&folder, session, &student, &mut saves);
                }
            }
            Action::StartScenario(_) | Action::StartHotseat(_) => {
                student.0 = next_student.0.clone();
                exported.0 = None;
                // A new session: its first command is saved even if the last one had as many.
                saves.last = None;
            }
            Action::ExportReport => {
                let english = crate::i18n::Catalogue::new(crate::i18n::Language::English);
                let cat = ui_text.as_deref().map_or(&english, |t| &t.0);
                exported.0 = Some(match (session.as_deref(), &folder.0, enabled.0) {
                    (Some(session), Some(dir), true) => export_report(
                        dir,
                        session,
                        &student.0,
                        debrief.as_deref().map(|d| d.expert.as_ref()),
                        cat,
                    ),
                    _ => cat.tr("report-no-saves"),
                });
            }
            Action::ContinueGame(path) => {
                let save = match crate::saves::read_save(path) {
                    Ok(save) => save,
                    Err(e) => {
                        notice.0 = Some(e.to_string());
                        continue;
                    }
                };
                let found = catalog
                    .entries(&assets, &server)
                    .into_iter()
                    .enumerate()
                    .find_map(|(i, e)| match e.state {
                        EntryState::Ready(s) if s.meta().id == save.scenario_id => Some((i, s)),
                        _ => None,
                    });
                // A save played on a student's variant continues on that variant.
                let scenario = match (found, save.variant_key(), scenario_folder.as_deref()) {
                    (Some((i, _)), Some(key), Some(dir)) => match catalog.variant(i, dir, &key) {
                        Ok(s) => Some(s),
                        Err(why) => {
                            notice.0 = Some(why);
                            continue;
                        }
                    },
                    (found, _, _) => found.map(|(_, s)| s),
                };
                let Some(scenario) = scenario else {
                    notice.0 = Some(format!(
                        "scenario `{}` of this save is not in the scenario folder",
                        save.scenario_id
                    ));
                    continue;
                };
                match save.replay(scenario) {
                    Ok(session) => {
                        saves.last = None;
                        let finished = session.is_finished();
                        commands.insert_resource(ActiveSession(session));
                        student.0 = save.student.clone();
                        *page = CurrentPage(Page::Overview);
                        *paused = Paused(false);
                        notice.0 = None;
                        next_screen.set(if finished { Screen::Debrief } else { Screen::Playing });
                    }
                    Err(e) => notice.0 = Some(format!("{}: {e}", path.display())),
                }
            }
            _ => {}
        }
    }
}
