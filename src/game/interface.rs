//! The egui side: one thin system per screen that builds a view, calls the screen's pure
//! `draw` function and sends the resulting action as a message.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use super::scenario_assets::{ScenarioAsset, ScenarioCatalog, ScenarioFolder};
use super::screens::{CurrentPage, Paused, Screen};
use super::session::{ActiveSession, AutoAdvance, DebriefReport, Notice, UiAction};
use super::settings::{SettingsStore, UiText, UserSettings};
use crate::i18n::Arg;
use crate::ui::{self, debrief, menu, play, settings};

/// Half-filled UI state, kept out of the sim.
#[derive(Resource, Debug, Default)]
pub struct Drafts {
    pub menu: menu::MenuDraft,
    pub settings: settings::SettingsDraft,
    pub play: play::PlayDraft,
}

/// The scenario file to select in the menu once the catalogue has it.
#[derive(Resource, Debug, Default, Clone)]
pub struct PreferredScenario(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<Drafts>()
        .init_resource::<PreferredScenario>()
        .add_systems(Startup, spawn_camera)
        .add_systems(
            PreUpdate,
            drop_unchanged_modifier_events
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Update, preselect_preferred_scenario)
        .add_systems(
            EguiPrimaryContextPass,
            (
                style_egui,
                draw_menu.run_if(in_state(Screen::MainMenu)),
                draw_settings.run_if(in_state(Screen::Settings)),
                draw_play.run_if(in_state(Screen::Playing)),
                draw_debrief.run_if(in_state(Screen::Debrief)),
            )
                .chain(),
        )
        .add_systems(OnEnter(Screen::MainMenu), forget_play_drafts);
}

/// bevy_egui 0.42 reports the modifier keys to egui as an event every frame, changed or not,
/// and egui repaints at once after any event: the window never slept. Only a real change of
/// the modifiers is passed on, so a reactive window sleeps between inputs.
fn drop_unchanged_modifier_events(
    mut inputs: Query<&mut bevy_egui::EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.0.events.retain(|event| match event {
            egui::Event::ModifiersChanged(now) if *last == Some(*now) => false,
            egui::Event::ModifiersChanged(now) => {
                *last = Some(*now);
                true
            }
            _ => true,
        });
    }
}

/// Back at the menu, half-filled forms of the last scenario are dropped: the next session
/// (maybe the same scenario, maybe in hotseat mode) starts clean.
fn forget_play_drafts(mut drafts: ResMut<Drafts>) {
    drafts.play = play::PlayDraft::default();
}

/// The one camera egui draws through. No multisampling: egui smooths its own edges, and a 4×
/// multisampled target cost a software renderer (a lab PC without a GPU) a third of each frame.
fn spawn_camera(mut commands: Commands) {
    commands.spawn(ui_camera());
}

/// The camera egui draws through: single-sampled, cleared to the panels' grey (the panels
/// themselves are left unpainted, see `style_egui`).
pub fn ui_camera() -> impl Bundle {
    let [r, g, b, _] = egui::Visuals::light().panel_fill.to_array();
    (
        Camera2d,
        bevy::render::view::Msaa::Off,
        Camera {
            clear_color: ClearColorConfig::Custom(Color::srgb_u8(r, g, b)),
            ..default()
        },
    )
}

/// A Ui covering the whole window, for screens laid out with panels.
pub(super) fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "tradeport-root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// Installs fonts once and applies the UI scale whenever it changes.
pub(super) fn style_egui(
    mut contexts: EguiContexts,
    settings: Res<UserSettings>,
    mut applied: Local<Option<f32>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if applied.is_none() {
        ui::theme::install_fonts(ctx);
        match &crate::authoring::font::interface_font().path {
            Some(path) => info!("interface font: {}", path.display()),
            None => warn!(
                "assets/fonts/{} not found: the compiled-in GB2312 font draws Chinese; rare name \
                 characters and Traditional ones show as boxes",
                crate::authoring::font::FULL_FONT_FILE
            ),
        }
        ui::theme::apply_style(ctx);
        // Panels leave their background to the camera's clear colour (the same grey): painting it
        // again, blended, over the whole window is a third of a software renderer's frame.
        ctx.all_styles_mut(|style| style.visuals.panel_fill = egui::Color32::TRANSPARENT);
    }
    if *applied != Some(settings.ui_scale) {
        ctx.set_zoom_factor(settings.ui_scale);
        *applied = Some(settings.ui_scale);
    }
    Ok(())
}

fn preselect_preferred_scenario(
    mut preferred: ResMut<PreferredScenario>,
    catalog: Res<ScenarioCatalog>,
    mut drafts: ResMut<Drafts>,
) {
    let Some(name) = preferred.0.clone() else { return };
    if let Some(index) = catalog.index_of(&name) {
        drafts.menu.selected = Some(index);
        preferred.0 = None;
    }
}

fn draw_menu(
    mut contexts: EguiContexts,
    text: Res<UiText>,
    catalog: Res<ScenarioCatalog>,
    assets: Res<Assets<ScenarioAsset>>,
    server: Res<AssetServer>,
    folder: Res<ScenarioFolder>,
    mut drafts: ResMut<Drafts>,
    mut actions: MessageWriter<UiAction>,
    (saved, mut next_student, notice, profile, mut next_mode, mut next_class_code): (
        Res<super::autosave::SavedGames>,
        ResMut<super::autosave::NextStudent>,
        Res<super::session::Notice>,
        Res<super::autosave::PlayerProfile>,
        ResMut<super::session::NextMode>,
        ResMut<super::session::NextClassCode>,
    ),
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let entries = catalog.entries(&assets, &server);
    let dir = folder.dir.display().to_string();
    let view = menu::MenuView {
        cat: &text.0,
        entries: &entries,
        scenarios_dir: &dir,
        saves: &saved.0,
        notice: notice.0.as_deref(),
        profile: Some(&profile.profile),
        profile_problem: profile.problem.as_deref(),
    };
    if let Some(action) = menu::draw(&mut root_ui(ctx), &view, &mut drafts.menu) {
        actions.write(UiAction(action));
    }
    // The next session started is played by whoever is typed in.
    let typed = crate::sim::save::Student {
        name: drafts.menu.student_name.trim().to_string(),
        id: drafts.menu.student_id.trim().to_string(),
    };
    if next_student.0 != typed {
        next_student.0 = typed;
    }
    if next_class_code.0 != drafts.menu.class_code.trim() {
        next_class_code.0 = drafts.menu.class_code.trim().to_string();
    }
    let mode = if drafts.menu.exam {
        crate::sim::session::PlayMode::Exam
    } else {
        crate::sim::session::PlayMode::Practice
    };
    if next_mode.0 != mode {
        next_mode.0 = mode;
    }
    Ok(())
}

fn draw_settings(
    mut contexts: EguiContexts,
    text: Res<UiText>,
    settings: Res<UserSettings>,
    store: Res<SettingsStore>,
    mut drafts: ResMut<Drafts>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let note = match &store.path {
        Ok(path) => text
            .0
            .tr_args("settings-saved-to", &[("path", Arg::from(path.display().to_string()))]),
        Err(reason) => text
            .0
            .tr_args("settings-not-saved", &[("reason", Arg::from(reason.as_str()))]),
    };
    let view = settings::SettingsView {
        cat: &text.0,
        ui_scale: settings.ui_scale,
        language: settings.language,
        storage_note: &note,
    };
    if let Some(action) = settings::draw(&mut root_ui(ctx), &view, &mut drafts.settings) {
        actions.write(UiAction(action));
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it reads
fn draw_play(
    mut contexts: EguiContexts,
    text: Res<UiText>,
    session: Option<Res<ActiveSession>>,
    page: Res<CurrentPage>,
    paused: Res<Paused>,
    auto: Res<AutoAdvance>,
    notice: Res<Notice>,
    mut drafts: ResMut<Drafts>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let Some(session) = session else { return Ok(()) };
    let ctx = contexts.ctx_mut()?;
    let view = play::PlayView {
        cat: &text.0,
        session: &session.0,
        page: page.0,
        auto_advance: auto.enabled,
        paused: paused.0,
        notice: notice.0.as_deref(),
        class_seat: false,
    };
    if let Some(action) = play::draw(&mut root_ui(ctx), &view, &mut drafts.play) {
        actions.write(UiAction(action));
    }
    Ok(())
}

fn draw_debrief(
    mut contexts: EguiContexts,
    text: Res<UiText>,
    session: Option<Res<ActiveSession>>,
    report: Option<Res<DebriefReport>>,
    mut actions: MessageWriter<UiAction>,
    exported: Res<super::autosave::ReportExported>,
) -> Result {
    let (Some(session), Some(report)) = (session, report) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let view = debrief::DebriefView {
        cat: &text.0,
        report: &report.report,
        expert: Some(&report.expert),
        session: &session.0,
        exported: exported.0.as_deref(),
    };
    if let Some(action) = debrief::draw(&mut root_ui(ctx), &view, &mut ()) {
        actions.write(UiAction(action));
    }
    Ok(())
}
