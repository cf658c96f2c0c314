//! The running session and the one place player actions are carried out.

use std::time::Duration;

use bevy::app::AppExit;
use bevy::prelude::*;

use super::scenario_assets::{ScenarioAsset, ScenarioCatalog};
use super::screens::{CurrentPage, Paused, Screen, SettingsReturn};
use super::settings::{SettingsStore, UiText, UserSettings};
use crate::i18n::Catalogue;
use crate::sim::{Command, Report, Session};
use crate::ui::{Action, Page};

/// The session being played. Bevy holds sim types only through wrappers like this.
#[derive(Resource, Debug)]
pub struct ActiveSession(pub Session);

/// Practice (hints on) or exam (hints off) for the next session started, as chosen in the menu.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct NextMode(pub crate::sim::session::PlayMode);

/// The report shown on the debrief screen, and the AI expert's run on the same seed to
/// compare it with.
#[derive(Resource, Debug)]
pub struct DebriefReport {
    pub report: Report,
    pub expert: std::sync::Arc<crate::sim::expert::ExpertRun>,
}

/// A request from the UI (or a test, or the screenshot driver).
#[derive(Message, Debug, Clone, PartialEq)]
pub struct UiAction(pub Action);

/// The class code typed in the menu: with one, a new session plays the student's variant.
#[derive(Resource, Debug, Clone, Default)]
pub struct NextClassCode(pub String);

/// Seed override from the command line.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct SeedOverride(pub Option<u64>);

/// Auto-advance: ends a day every few seconds while on and not paused.
#[derive(Resource, Debug)]
pub struct AutoAdvance {
    pub enabled: bool,
    pub timer: Timer,
}

impl Default for AutoAdvance {
    fn default() -> Self {
        Self {
            enabled: false,
            timer: Timer::new(Duration::from_secs(4), TimerMode::Repeating),
        }
    }
}

/// The last rule error, shown to the player.
#[derive(Resource, Debug, Default)]
pub struct Notice(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<UiAction>()
        .init_resource::<SeedOverride>()
        .init_resource::<NextMode>()
        .init_resource::<NextClassCode>()
        .init_resource::<AutoAdvance>()
        .init_resource::<Notice>()
        // Autosave reads the same actions after they are carried out, before the frame's
        // commands apply, so a session being closed is still there to save.
        .add_systems(
            Update,
            (
                auto_advance_days,
                apply_ui_actions,
                super::autosave::autosave_and_continue,
            )
                .chain_ignore_deferred(),
        )
        .add_systems(OnEnter(Screen::Debrief), build_debrief_report);
}

/// The scenario a new session plays: the one in slot `index` as written, or — when a class
/// code is typed — the student's variant of it (which needs their student number).
fn scenario_to_start(
    catalog: &ScenarioCatalog,
    assets: &Assets<ScenarioAsset>,
    index: usize,
    folder: Option<&super::scenario_assets::ScenarioFolder>,
    class_code: &str,
    student_id: &str,
) -> Result<std::sync::Arc<crate::sim::Scenario>, String> {
    let written = catalog
        .ready(index, assets)
        .ok_or_else(|| format!("scenario {index} is not ready to start"))?;
    if class_code.trim().is_empty() {
        return Ok(written);
    }
    if let Some(problem) = crate::scenario::variant::class_code_problem(class_code) {
        return Err(problem);
    }
    if student_id.trim().is_empty() {
        return Err("a class code needs your student number: type it beside your name".to_string());
    }
    let folder = folder.ok_or("no scenario folder")?;
    catalog.variant(
        index,
        folder,
        &crate::sim::scenario::VariantKey::new(class_code, student_id),
    )
}

/// Carries out every action the UI sent this frame.
#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it touches
pub fn apply_ui_actions(
    mut actions: MessageReader<UiAction>,
    mut commands: Commands,
    mut session: Option<ResMut<ActiveSession>>,
    catalog: Res<ScenarioCatalog>,
    assets: Res<Assets<ScenarioAsset>>,
    (seed, mode, class_code, folder, next_student, ui_text): (
        Res<SeedOverride>,
        Res<NextMode>,
        Res<NextClassCode>,
        Option<Res<super::scenario_assets::ScenarioFolder>>,
        Option<Res<super::autosave::NextStudent>>,
        Option<Res<UiText>>,
    ),
    screen: Res<State<Screen>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut page: ResMut<CurrentPage>,
    mut paused: ResMut<Paused>,
    mut auto: ResMut<AutoAdvance>,
    mut settings_return: ResMut<SettingsReturn>,
    mut settings: Option<ResMut<UserSettings>>,
    store: Option<Res<SettingsStore>>,
    mut notice: ResMut<Notice>,
    mut exit: MessageWriter<AppExit>,
) {
    for UiAction(action) in actions.read() {
        match action {
            Action::StartScenario(index) | Action::StartHotseat(index) => match scenario_to_start(
                &catalog,
                &assets,
                *index,
                folder.as_deref(),
                &class_code.0,
                next_student.as_deref().map_or("", |s| s.0.id.as_str()),
            ) {
                Err(why) => notice.0 = Some(why),
                Ok(scenario) => {
                    // A variant plays its own seed, drawn from the class code and the student.
                    let seed = if scenario.variant().is_some() { None } else { seed.0 };
                    let session = if matches!(action, Action::StartHotseat(_)) {
                        Session::new_hotseat(scenario, seed)
                    } else {
                        Session::new(scenario, seed)
                    }
                    .with_mode(mode.0);
                    commands.insert_resource(ActiveSession(session));
                    *page = CurrentPage(Page::Overview);
                    *paused = Paused(false);
                    auto.enabled = false;
                    next_screen.set(Screen::Playing);
                }
            },
            Action::OpenSettings => {
                settings_return.0 = Some(*screen.get());
                next_screen.set(Screen::Settings);
            }
            Action::CloseSettings => next_screen.set(settings_return.0.take().unwrap_or(Screen::MainMenu)),
            Action::SetUiScale(scale) => {
                if let Some(s) = settings.as_mut() {
                    s.ui_scale = scale.clamp(
                        *crate::ui::settings::UI_SCALES.start(),
                        *crate::ui::settings::UI_SCALES.end(),
                    );
                    save(store.as_deref(), s, &mut notice);
                }
            }
            Action::SetLanguage(language) => {
                if let Some(s) = settings.as_mut() {
                    s.language = *language;
                    commands.insert_resource(UiText(Catalogue::new(*language)));
                    save(store.as_deref(), s, &mut notice);
                }
            }
            Action::Quit => {
                exit.write(AppExit::Success);
            }
            Action::ShowPage(p) => *page = CurrentPage(*p),
            Action::EndDay
            | Action::MarkRead(_)
            | Action::FinishScenario
            | Action::SubmitDeclaration(..)
            | Action::SubmitClassification(..)
            | Action::MakeOffer(..)
            | Action::AcceptOffer(_)
            | Action::WalkAway(_)
            | Action::GuessStrategy(..)
            | Action::PresentDocuments(..)
            | Action::BookShipment(_)
            | Action::Marketplace(_) => {
                let Some(session) = session.as_mut() else { continue };
                let Some(command) = command_of(action) else { continue };
                match session.0.apply(command) {
                    Ok(_) => notice.0 = None,
                    // Refused: why, in the student's language.
                    Err(e) => notice.0 = Some(ui_text.as_deref().map_or_else(|| e.to_string(), |t| t.0.say(&e.said()))),
                }
                if session.0.is_finished() {
                    *paused = Paused(false);
                    auto.enabled = false;
                    next_screen.set(Screen::Debrief);
                }
            }
            Action::SetAutoAdvance(on) => {
                auto.enabled = *on;
                auto.timer.reset();
            }
            // Saves are the autosave system's business, a class the class window's.
            // Carried out by the autosave, the class and the workshop plugins.
            Action::ContinueGame(_) | Action::ExportReport | Action::Class(_) | Action::OpenWorkshop(_) => {}
            Action::Pause => *paused = Paused(true),
            Action::Resume => *paused = Paused(false),
            Action::QuitToMenu => {
                commands.remove_resource::<ActiveSession>();
                commands.remove_resource::<DebriefReport>();
                *paused = Paused(false);
                auto.enabled = false;
                next_screen.set(Screen::MainMenu);
            }
        }
    }
}

/// The sim command a player's action asks for, if it asks for one (`FinishScenario`: finish
/// early).
pub fn command_of(action: &Action) -> Option<Command> {
    Some(match action {
        Action::EndDay => Command::EndDay,
        Action::MarkRead(id) => Command::MarkRead(*id),
        Action::FinishScenario => Command::FinishEarly,
        Action::SubmitDeclaration(task, form) => Command::SubmitDeclaration {
            task: task.clone(),
            form: form.clone(),
        },
        Action::SubmitClassification(sku, chosen) => Command::SubmitClassification {
            sku: sku.clone(),
            chosen: chosen.clone(),
        },
        Action::MakeOffer(task, options, note) => Command::MakeOffer {
            task: task.clone(),
            options: options.clone(),
            note: note.clone(),
        },
        Action::AcceptOffer(task) => Command::AcceptOffer { task: task.clone() },
        Action::WalkAway(task) => Command::WalkAway { task: task.clone() },
        Action::BookShipment(task) => Command::BookShipment { task: task.clone() },
        Action::Marketplace(command) => (**command).clone(),
        Action::PresentDocuments(task, form) => Command::PresentDocuments {
            task: task.clone(),
            form: form.clone(),
        },
        Action::GuessStrategy(task, guess) => Command::GuessStrategy {
            task: task.clone(),
            guess: *guess,
        },
        _ => return None,
    })
}

fn save(store: Option<&SettingsStore>, settings: &UserSettings, notice: &mut Notice) {
    if let Some(store) = store
        && let Err(e) = store.save(settings)
    {
        warn!("settings not saved: {e}");
        notice.0 = Some(e);
    }
}

/// Sends `EndDay` on a timer while auto-advance is on, playing and not paused.
pub fn auto_advance_days(
    time: Res<Time>,
    mut auto: ResMut<AutoAdvance>,
    paused: Res<Paused>,
    screen: Res<State<Screen>>,
    mut actions: MessageWriter<UiAction>,
) {
    if !auto.enabled || paused.0 || *screen.get() != Screen::Playing {
        return;
    }
    if auto.timer.tick(time.delta()).just_finished() {
        actions.write(UiAction(Action::EndDay));
    }
}

fn build_debrief_report(mut commands: Commands, session: Option<Res<ActiveSession>>) {
    if let Some(session) = session {
        commands.insert_resource(DebriefReport {
            report: Report::of(&session.0),
            expert: std::sync::Arc::new(crate::sim::expert::play_like(&session.0)),
        });
    }
}
