//! egui screens as pure functions of data: `draw(ui, &View, &mut Draft) -> Option<Action>`.
//! Nothing here touches Bevy; the `game` module feeds views in and carries actions out.

pub mod auction;
pub mod c2c;
pub mod charts;
pub mod classmates;
pub mod classroom;
pub mod cost_sheet;
pub mod customs;
pub mod dashboard;
pub mod debrief;
pub mod disputes;
pub mod documents;
pub mod glossary;
pub mod hs;
pub mod leaderboard;
pub mod letters;
pub mod listing;
pub mod menu;
pub mod negotiation;
pub mod offers;
pub mod play;
pub mod progress;
pub mod promotion;
pub mod questions;
pub mod research;
pub mod settings;
pub mod store;
pub mod theme;
pub mod workshop;

use crate::i18n::{Catalogue, Language};
use crate::scenario::file::{Activity, Competency, CounterpartKind, Difficulty, Text, TradeMode};
use crate::sim::customs::declaration::DeclarationForm;
use crate::sim::session::MessageId;

/// A page inside a running scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Page {
    #[default]
    Overview,
    Activity(Activity),
}

/// What the player asked for; the game carries it out.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    StartScenario(usize),
    /// Start a scenario for two students on one machine: they play both sides of each
    /// negotiation, passing the screen between moves.
    StartHotseat(usize),
    OpenSettings,
    CloseSettings,
    /// Open the menu's scenario at this index in the scenario workshop.
    OpenWorkshop(usize),
    SetUiScale(f32),
    SetLanguage(Language),
    Quit,
    ShowPage(Page),
    EndDay,
    SetAutoAdvance(bool),
    Pause,
    Resume,
    MarkRead(MessageId),
    FinishScenario,
    QuitToMenu,
    /// Submit the classification of a product (codes chosen per level).
    SubmitClassification(String, Vec<String>),
    /// Lodge the declaration of a customs task.
    SubmitDeclaration(String, Box<DeclarationForm>),
    /// Make an offer in a negotiation task: option per issue, note for the letter.
    MakeOffer(String, Vec<usize>, String),
    /// Accept the offer on the table in a negotiation task.
    AcceptOffer(String),
    /// Break off a negotiation.
    WalkAway(String),
    /// A marketplace command: publish a listing, start a deal or coupon, book a creator; or a
    /// C2C one: list an item, answer an offer, a question or a dispute, estimate a purchase.
    Marketplace(Box<crate::sim::session::Command>),
    /// Book a container on the next sailing for a signed contract.
    BookShipment(String),
    /// Present the shipping documents of a signed contract.
    PresentDocuments(String, Box<crate::sim::deal::DocumentsForm>),
    /// Name the AI counterpart's strategy after the talks.
    GuessStrategy(String, crate::scenario::file::ConcessionStrategy),
    /// Continue a saved game (its save file).
    ContinueGame(std::path::PathBuf),
    /// Save the report for the teacher: a verifiable report file and a printable page.
    ExportReport,
    /// Hosting, joining and playing a class on the LAN.
    Class(ClassAction),
}

/// What the instructor or a student asks of a class on the LAN.
#[derive(Debug, Clone, PartialEq)]
pub enum ClassAction {
    /// Host a class of the menu's scenario at this index: the dashboard opens.
    Host(usize),
    /// Open the join form.
    OpenJoin,
    /// Look for classes on this network (a broadcast the hosts answer).
    Discover,
    /// Join the class at a join code or `IP:PORT`.
    Join {
        target: String,
        name: String,
        number: String,
    },
    /// Send a command from this PC's seat to the host.
    Send(Box<crate::sim::Command>),
    Start,
    SetPaused(bool),
    AdvanceDay,
    SetLocked(bool),
    Remove(crate::class::StudentId),
    /// Before the start: move a student to a seat at a table (the number of tables: a new one).
    Assign {
        student: crate::class::StudentId,
        table: usize,
        seat: String,
    },
    /// Fire one of the scenario's random events now, at one table or (`None`) at every one.
    FireEvent {
        table: Option<usize>,
        event: String,
    },
    /// End the class now and collect every report and the gradebook.
    End,
    /// Close the class (host) or leave it (student) and go back to the menu.
    Leave,
}

/// A table's header row: one small bold label per message id, then the end of the row.
pub fn header_row(ui: &mut egui::Ui, cat: &Catalogue, keys: &[&str]) {
    for key in keys {
        ui.label(egui::RichText::new(cat.tr(key)).small().strong());
    }
    ui.end_row();
}

/// A percentage, or "—" when it is undefined (a zero denominator), never a misleading 0.
pub fn percent_or_dash(value: Option<crate::sim::BasisPoints>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// A rating as shoppers see it: `4.3 ★ (2140)`.
pub fn stars(rating_tenths: u16, reviews: u32) -> String {
    format!("{}.{} ★ ({reviews})", rating_tenths / 10, rating_tenths % 10)
}

/// A market and its online store, if it has one.
pub fn market_and_store<'a>(
    session: &'a crate::sim::Session,
    market: &str,
) -> Option<(&'a crate::sim::scenario::Market, &'a crate::sim::market::Store)> {
    let found = session.scenario().markets().iter().find(|m| m.id == market)?;
    Some((found, session.store_desk().store(market)?))
}

/// The text in the player's language, falling back to English when no translation is given.
/// The warning that a storefront's or site's fees are illustrative teaching values.
pub fn illustrative_fees_label(ui: &mut egui::Ui, cat: &Catalogue, note: &Text) {
    ui.label(
        egui::RichText::new(format!(
            "{}: {}",
            cat.tr("fees-illustrative"),
            pick(note, cat.language())
        ))
        .small()
        .color(theme::WARN),
    );
}

/// A bilingual text in `language` (see [`Catalogue::text`](crate::i18n::Catalogue::text)).
pub fn pick(text: &Text, language: Language) -> &str {
    crate::i18n::in_language(text, language)
}

pub fn mode_label(cat: &Catalogue, mode: TradeMode) -> String {
    cat.tr(match mode {
        TradeMode::B2B => "mode-b2b",
        TradeMode::B2C => "mode-b2c",
        TradeMode::C2C => "mode-c2c",
    })
}

pub fn difficulty_label(cat: &Catalogue, d: Difficulty) -> String {
    cat.tr(match d {
        Difficulty::Beginner => "difficulty-beginner",
        Difficulty::Intermediate => "difficulty-intermediate",
        Difficulty::Advanced => "difficulty-advanced",
    })
}

pub fn activity_label(cat: &Catalogue, a: Activity) -> String {
    cat.tr(activity_key(a))
}

pub fn activity_key(a: Activity) -> &'static str {
    match a {
        Activity::Customs => "activity-customs",
        Activity::Negotiation => "activity-negotiation",
        Activity::Storefront => "activity-storefront",
        Activity::Promotion => "activity-promotion",
        Activity::C2C => "activity-c2c",
        Activity::Inbox => "activity-inbox",
    }
}

pub fn competency_label(cat: &Catalogue, c: Competency) -> String {
    cat.tr(match c {
        Competency::ImportExportHandling => "competency-import-export",
        Competency::CustomsDeclaration => "competency-customs",
        Competency::MarketResearchMarketing => "competency-marketing",
        Competency::StoreOperation => "competency-store",
        Competency::BusinessEnglish => "competency-english",
    })
}

pub fn counterpart_kind_label(cat: &Catalogue, k: CounterpartKind) -> String {
    cat.tr(match k {
        CounterpartKind::Buyer => "counterpart-buyer",
        CounterpartKind::Seller => "counterpart-seller",
        CounterpartKind::Bidder => "counterpart-bidder",
        CounterpartKind::Supplier => "counterpart-supplier",
        CounterpartKind::Forwarder => "counterpart-forwarder",
    })
}

/// A bar pinned to the bottom of `ui` for a desk's main button (send the offer, lodge the
/// declaration, send the reply). Call it before drawing the rest of the page, which then fills
/// the space above it and scrolls there, so the button stays on screen at 1366×768.
pub fn pinned_bar<R>(ui: &mut egui::Ui, id: &str, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::Panel::bottom(egui::Id::new(id))
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 6)))
        .show(ui, add_contents)
        .inner
}
