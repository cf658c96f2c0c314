//! The scenario workshop's Bevy glue: the menu's "Workshop" opens the selected scenario file
//! in a [`Workbench`], the screen's requests change it (checked again at once), a quick
//! simulate runs on a thread of its own so the window stays live, and "save as" writes the
//! new file beside the original, where the menu picks it up.

use std::sync::{Arc, Mutex};

use bevy::prelude::*;

use super::scenario_assets::{ScenarioCatalog, ScenarioFolder};
use super::screens::Screen;
use super::session::{Notice, UiAction};
use crate::authoring::workbench::{QuickSimulation, Workbench};
use crate::ui::Action;
use crate::ui::workshop::{QUICK_RUNS, WorkshopAction, WorkshopDraft};

/// The scenario open in the workshop.
#[derive(Resource)]
pub struct OpenWorkshop {
    pub bench: Workbench,
    /// The bench's knobs as they stand (worked out again after each change, not each frame).
    pub knobs: Vec<crate::authoring::workbench::Knob>,
    pub file_name: String,
    pub simulation: Option<QuickSimulation>,
    /// Where a quick simulate running on its thread leaves its result.
    pub running: Option<Arc<Mutex<Option<QuickSimulation>>>>,
    pub notice: Option<String>,
    pub draft: WorkshopDraft,
}

/// A request from the workshop screen (or a test).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct WorkshopRequest(pub WorkshopAction);

pub fn plugin(app: &mut App) {
    app.add_message::<WorkshopRequest>()
        .add_systems(Update, (open_from_menu, apply_requests, collect_simulation).chain());
    #[cfg(feature = "gui")]
    if app.is_plugin_added::<bevy_egui::EguiPlugin>() {
        app.add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Workshop)),
        );
    }
}

/// The menu's "Workshop": opens the selected scenario's file.
fn open_from_menu(
    mut actions: MessageReader<UiAction>,
    mut commands: Commands,
    catalog: Res<ScenarioCatalog>,
    folder: Option<Res<ScenarioFolder>>,
    mut notice: ResMut<Notice>,
    mut next_screen: ResMut<NextState<Screen>>,
) {
    for UiAction(action) in actions.read() {
        let Action::OpenWorkshop(index) = action else { continue };
        let (Some(slot), Some(folder)) = (catalog.slots.get(*index), folder.as_deref()) else {
            notice.0 = Some(format!("scenario {index} is not in the folder"));
            continue;
        };
        match Workbench::open(&folder.dir.join(&slot.file_name)) {
            Ok(bench) => {
                commands.insert_resource(OpenWorkshop {
                    knobs: bench.knobs(),
                    bench,
                    file_name: slot.file_name.clone(),
                    simulation: None,
                    running: None,
                    notice: None,
                    draft: WorkshopDraft::default(),
                });
                next_screen.set(Screen::Workshop);
            }
            Err(problems) => {
                notice.0 = Some(format!(
                    "{} cannot be opened in the workshop until it reads: {}",
                    slot.file_name,
                    crate::scenario::error::render_plain(&problems)
                ));
            }
        }
    }
}

fn apply_requests(
    mut requests: MessageReader<WorkshopRequest>,
    mut commands: Commands,
    workshop: Option<ResMut<OpenWorkshop>>,
    mut next_screen: ResMut<NextState<Screen>>,
    text: Res<super::settings::UiText>,
) {
    let Some(mut workshop) = workshop else {
        requests.clear();
        return;
    };
    for WorkshopRequest(request) in requests.read() {
        match request {
            WorkshopAction::Set { field, value } => {
                workshop.notice = workshop.bench.set(field, value).err();
                // A simulation of the scenario before the change no longer holds.
                if workshop.notice.is_none() {
                    workshop.simulation = None;
                    workshop.knobs = workshop.bench.knobs();
                }
                // The form shows the value as it now stands.
                workshop.draft.editing.remove(field);
            }
            WorkshopAction::Simulate => {
                if workshop.running.is_some() {
                    continue;
                }
                let slot = Arc::new(Mutex::new(None));
                let bench = workshop.bench.clone();
                let out = Arc::clone(&slot);
                let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
                std::thread::spawn(move || {
                    let result = bench.quick_simulate(QUICK_RUNS, threads);
                    if let (Some(result), Ok(mut out)) = (result, out.lock()) {
                        *out = Some(result);
                    }
                });
                workshop.running = Some(slot);
            }
            WorkshopAction::SaveAs(name) => {
                workshop.notice = Some(match workshop.bench.save_as(name) {
                    Ok(path) => text.0.tr_args(
                        "workshop-saved",
                        &[("path", crate::i18n::Arg::from(path.display().to_string()))],
                    ),
                    Err(why) => why,
                });
            }
            WorkshopAction::Close => {
                commands.remove_resource::<OpenWorkshop>();
                next_screen.set(Screen::MainMenu);
            }
        }
    }
}

/// Takes a finished quick simulate's result.
fn collect_simulation(workshop: Option<ResMut<OpenWorkshop>>) {
    let Some(mut workshop) = workshop else { return };
    let finished = workshop
        .running
        .as_ref()
        .and_then(|slot| slot.lock().ok().and_then(|mut s| s.take()));
    if let Some(result) = finished {
        workshop.simulation = Some(result);
        workshop.running = None;
    }
}

#[cfg(feature = "gui")]
fn draw(
    mut contexts: bevy_egui::EguiContexts,
    text: Res<super::settings::UiText>,
    workshop: Option<ResMut<OpenWorkshop>>,
    mut requests: MessageWriter<WorkshopRequest>,
) -> Result {
    let Some(mut workshop) = workshop else { return Ok(()) };
    let ctx = contexts.ctx_mut()?;
    let workshop = &mut *workshop;
    let view = crate::ui::workshop::WorkshopView {
        cat: &text.0,
        file_name: &workshop.file_name,
        knobs: &workshop.knobs,
        problems: &workshop.bench.problems,
        warnings: &workshop.bench.warnings,
        changed: workshop.bench.changed,
        simulation: workshop.simulation.as_ref(),
        simulating: workshop.running.is_some(),
        notice: workshop.notice.as_deref(),
    };
    if workshop.running.is_some() {
        // Keep drawing while the thread plays, so its result shows when it is there.
        ctx.request_repaint_after(std::time::Duration::from_millis(200));
    }
    if let Some(action) = crate::ui::workshop::draw(&mut super::interface::root_ui(ctx), &view, &mut workshop.draft) {
        requests.write(WorkshopRequest(action));
    }
    Ok(())
}
