//! Top-level screens as Bevy states, the current page, pause, and the registry of screen names
//! that `--screen NAME` accepts.

use bevy::prelude::*;

use crate::scenario::file::Activity;
use crate::ui::Page;

/// Which top-level screen is showing.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    MainMenu,
    Settings,
    Playing,
    Debrief,
    /// The instructor's dashboard of a hosted class.
    ClassHost,
    /// The form to join a class.
    ClassJoin,
    /// A student's seat in a class.
    ClassSeat,
    /// The scenario workshop (instructors).
    Workshop,
}

/// The page shown while playing.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CurrentPage(pub Page);

/// Whether the pause menu is open (the sim only moves on commands, so this stops auto-advance).
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Paused(pub bool);

/// Where "Back" in the settings screen goes.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SettingsReturn(pub Option<Screen>);

/// A screen that `--screen NAME` can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenTarget {
    Menu,
    Settings,
    Page(Page),
    Pause,
    Debrief,
    /// The declaration desk after lodging a demonstration declaration with typical mistakes.
    CustomsFeedback,
    /// The HS classification exercise.
    Classification,
    /// The negotiation desk with a few letters exchanged.
    Negotiation,
    /// The review of a finished negotiation.
    DealDebrief,
    /// The shipping documents of the deal, presented once with typical mistakes.
    Documents,
    /// The listing editor with a first draft that still has flaws.
    Listing,
    /// The listing editor's cost sheet, filed once with the classic VAT mistake.
    CostSheet,
    /// The store dashboard after two weeks of a listing with ads.
    Store,
    /// Market research for the first storefront.
    Research,
    /// Promotion after two weeks of a listing with ads.
    Promotion,
    /// The inbox; in a C2C scenario with a buyer's question open in the answer composer.
    Inbox,
    /// C2C: the listings with an auction's live bid history, a few days in.
    Auction,
    /// C2C: make-an-offer haggling with a buyer's offer waiting.
    Offers,
    /// C2C: orders, parcels and a dispute to answer.
    Disputes,
    /// C2C: the buying exercise with an estimate checked and a bid under way.
    Buying,
    /// C2C: a CN23 being filled in, and one posted with typical mistakes.
    Parcel,
    /// The self-study progress panel of the main menu.
    Progress,
}

impl ScreenTarget {
    /// Whether reaching this screen needs a scenario to be running.
    pub fn needs_scenario(self) -> bool {
        !matches!(
            self,
            ScreenTarget::Menu | ScreenTarget::Settings | ScreenTarget::Progress
        )
    }
}

/// Every registered screen name. Later screens register here.
pub const SCREEN_NAMES: &[(&str, ScreenTarget)] = &[
    ("menu", ScreenTarget::Menu),
    ("settings", ScreenTarget::Settings),
    ("overview", ScreenTarget::Page(Page::Overview)),
    ("inbox", ScreenTarget::Inbox),
    ("customs", ScreenTarget::Page(Page::Activity(Activity::Customs))),
    ("negotiation", ScreenTarget::Negotiation),
    ("deal-debrief", ScreenTarget::DealDebrief),
    ("documents", ScreenTarget::Documents),
    ("listing", ScreenTarget::Listing),
    ("cost-sheet", ScreenTarget::CostSheet),
    ("store", ScreenTarget::Store),
    ("research", ScreenTarget::Research),
    ("storefront", ScreenTarget::Page(Page::Activity(Activity::Storefront))),
    ("promotion", ScreenTarget::Promotion),
    ("c2c", ScreenTarget::Page(Page::Activity(Activity::C2C))),
    ("auction", ScreenTarget::Auction),
    ("offers", ScreenTarget::Offers),
    ("disputes", ScreenTarget::Disputes),
    ("buying", ScreenTarget::Buying),
    ("parcel", ScreenTarget::Parcel),
    ("progress", ScreenTarget::Progress),
    ("customs-feedback", ScreenTarget::CustomsFeedback),
    ("hs", ScreenTarget::Classification),
    ("pause", ScreenTarget::Pause),
    ("debrief", ScreenTarget::Debrief),
];

/// Looks a screen name up.
///
/// # Errors
/// A sentence listing the known names.
pub fn parse_screen_name(name: &str) -> Result<ScreenTarget, String> {
    SCREEN_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .ok_or_else(|| {
            let names: Vec<&str> = SCREEN_NAMES.iter().map(|(n, _)| *n).collect();
            format!("unknown screen `{name}`; known screens: {}", names.join(", "))
        })
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<CurrentPage>()
        .init_resource::<Paused>()
        .init_resource::<SettingsReturn>();
}
