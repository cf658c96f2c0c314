//! Reactive redraw: the window sleeps between inputs (bevy's desktop-app update mode) and asks
//! for frames only while something on screen moves by itself — auto-advance running, or
//! scenarios still loading. egui asks for its own frames (typing, animations), and hot reload
//! is noticed at the next wake-up (at most five seconds while idle).

use bevy::asset::LoadState;
use bevy::prelude::*;
use bevy::window::RequestRedraw;

use super::scenario_assets::ScenarioCatalog;
use super::screens::{Paused, Screen};
use super::session::AutoAdvance;

/// What can make the game want frames without input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Motion {
    /// Auto-advance is on, on the scenario screen, not paused.
    pub auto_advance_running: bool,
    /// Some scenario file is still loading (the menu's list is not final).
    pub loading: bool,
}

impl Motion {
    /// Whether the game needs another frame without waiting for input.
    pub fn wants_frames(self) -> bool {
        self.auto_advance_running || self.loading
    }
}

pub fn plugin(app: &mut App) {
    app.add_message::<RequestRedraw>()
        .add_systems(Last, request_frames_while_in_motion);
}

/// Asks for the next frame while the game is in [`Motion`]; otherwise asks for nothing, so a
/// reactive window sleeps until input arrives.
fn request_frames_while_in_motion(
    auto: Res<AutoAdvance>,
    paused: Option<Res<Paused>>,
    screen: Option<Res<State<Screen>>>,
    catalog: Res<ScenarioCatalog>,
    server: Res<AssetServer>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let motion = Motion {
        auto_advance_running: auto.enabled
            && !paused.is_some_and(|p| p.0)
            && screen.is_some_and(|s| *s.get() == Screen::Playing),
        loading: catalog.slots.iter().any(|slot| {
            matches!(
                server.get_load_state(&slot.handle),
                None | Some(LoadState::NotLoaded | LoadState::Loading)
            )
        }),
    };
    if motion.wants_frames() {
        redraw.write(RequestRedraw);
    }
}
