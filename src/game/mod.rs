//! Bevy glue: states, resources, messages, the scenario asset loader and the egui screens.
//! The sim advances only by commands sent from here; Bevy's clock drives only auto-advance.

pub mod autosave;
pub mod c2c_demo;
pub mod class_bench;
pub mod class_client;
pub mod class_host;
pub mod class_net;
pub mod class_window;
pub mod classroom;
pub mod frame_stats;
pub mod interface;
pub mod launch;
pub mod redraw;
pub mod scenario_assets;
pub mod screens;
pub mod session;
pub mod settings;
pub mod workshop;

use std::path::PathBuf;

use bevy::prelude::*;

use crate::catalog;
use crate::cli::PlayArgs;
use launch::{LaunchRequest, LaunchStage, ScreenshotPlan};
use scenario_assets::ScenarioFolder;
use screens::{ScreenTarget, parse_screen_name};

/// The plugins every Tradeport app has, with or without a window. Parents only add children.
pub fn core_plugin(app: &mut App) {
    app.add_plugins((
        screens::plugin,
        settings::plugin,
        scenario_assets::plugin,
        session::plugin,
        autosave::plugin,
        redraw::plugin,
    ));
}

/// Everything the windowed game adds on top of the core.
pub fn gui_plugin(app: &mut App) {
    app.add_plugins((
        interface::plugin,
        // After the interface: it draws its screen with the interface's egui.
        workshop::plugin,
        launch::plugin,
        frame_stats::plugin,
        class_window::plugin,
    ));
}

/// Opens the game window and runs until the player quits.
///
/// # Errors
/// A sentence for the terminal: unknown screen or scenario, or a failed run.
pub fn run(args: PlayArgs) -> Result<(), String> {
    run_app(args, None)
}

/// Opens the game window on a class: the instructor's dashboard or the join form.
///
/// # Errors
/// A sentence for the terminal, as [`run`].
pub fn run_class(
    launch: class_window::ClassLaunch,
    size: Option<crate::cli::WindowSize>,
    lang: Option<String>,
) -> Result<(), String> {
    let args = PlayArgs {
        size,
        lang,
        ..PlayArgs::default()
    };
    run_app(args, Some(launch))
}

fn run_app(args: PlayArgs, class: Option<class_window::ClassLaunch>) -> Result<(), String> {
    let launched = std::time::Instant::now();
    let requested_target = args.screen.as_deref().map(parse_screen_name).transpose()?;
    let scenario_path = args.scenario.as_deref().map(catalog::resolve).transpose()?;
    // A screen inside a scenario with no scenario named: use the default one.
    let needs_scenario = requested_target.is_some_and(ScreenTarget::needs_scenario);
    let scenario_path = match scenario_path {
        Some(p) => Some(p),
        None if needs_scenario => Some(catalog::resolve(catalog::DEFAULT_SCENARIO_ID)?),
        None => None,
    };
    let target = requested_target.unwrap_or(if scenario_path.is_some() {
        ScreenTarget::Page(crate::ui::Page::Overview)
    } else {
        ScreenTarget::Menu
    });
    let folder_dir = scenario_path
        .as_ref()
        .and_then(|p| p.parent().map(PathBuf::from))
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| {
            if scenario_path.is_some() {
                PathBuf::from(".")
            } else {
                catalog::bundled_dir()
            }
        });
    let folder = ScenarioFolder::new(folder_dir);
    let scenario_file = scenario_path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_string());
    let preferred = scenario_file.clone().or_else(|| {
        Some(format!(
            "{}{}",
            catalog::DEFAULT_SCENARIO_ID,
            crate::scenario::SCENARIO_SUFFIX
        ))
    });

    let mut app = App::new();
    app.insert_resource(folder.clone());
    scenario_assets::register_source(&mut app, &folder);
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Tradeport — cross-border e-commerce practice".to_string(),
                    resolution: args.size.map_or((1280u32, 800u32), |s| (s.width, s.height)).into(),
                    // Frame statistics measure how fast a frame can be made, not the display.
                    present_mode: if args.frame_stats.is_some() {
                        bevy::window::PresentMode::AutoNoVsync
                    } else {
                        bevy::window::PresentMode::default()
                    },
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "warn,tradeport=info,wgpu=error,naga=warn".to_string(),
                ..default()
            }),
    );
    app.add_plugins((core_plugin, gui_plugin));
    if let Some(language) = args.lang.as_deref().and_then(crate::i18n::Language::from_locale) {
        app.insert_resource(settings::UiText(crate::i18n::Catalogue::new(language)));
        if let Some(mut chosen) = app.world_mut().get_resource_mut::<settings::UserSettings>() {
            chosen.language = language;
        }
    }
    app.insert_resource(session::SeedOverride(args.seed));
    // Screenshots and demonstrations read the saves but never write them.
    app.insert_resource(autosave::SaveFolder(crate::saves::data_dir().map(|d| d.join("saves"))));
    app.insert_resource(autosave::AutosaveEnabled(
        args.screenshot.is_none() && args.frame_stats.is_none(),
    ));
    app.insert_resource(interface::PreferredScenario(preferred));
    app.insert_resource(LaunchRequest {
        target,
        scenario_file,
        hotseat: args.hotseat,
        stage: LaunchStage::WaitingForScenario,
    });
    if let Some(launch) = class {
        app.insert_resource(launch);
    }
    if let Some(frames) = args.frame_stats {
        app.insert_resource(frame_stats::FrameStatsPlan::new(frames, launched));
        app.insert_resource(bevy::winit::WinitSettings::continuous());
    } else if let Some(path) = args.screenshot {
        launch::SCREENSHOT_MODE.store(true, std::sync::atomic::Ordering::Relaxed);
        app.insert_resource(ScreenshotPlan::new(path));
    } else {
        // Sleep between inputs instead of redrawing continuously (a form-based game on a lab
        // PC): wake on input, when egui or `redraw` asks, and every 5 s (60 s unfocused) to
        // notice edited scenario files. Screenshots keep rendering continuously.
        app.insert_resource(bevy::winit::WinitSettings::desktop_app());
    }
    match app.run() {
        AppExit::Success => Ok(()),
        // SIGTERM or SIGINT (a lab PC shutting down, Ctrl+C): bevy's handler asked the app to
        // exit with 130, and the session was saved on the way out. A clean stop, not an error.
        AppExit::Error(code) if code.get() == 130 => {
            info!("stopped by a signal; the game was saved");
            Ok(())
        }
        AppExit::Error(code) => Err(format!("the game stopped with an error (code {code})")),
    }
}
