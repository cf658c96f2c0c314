//! Opening a requested screen from the command line (`--screen NAME`) and saving a screenshot
//! of it once it has rendered (`--screenshot FILE`), for documentation and CI.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::app::AppExit;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

use super::scenario_assets::{ScenarioAsset, ScenarioCatalog};
use super::screens::{CurrentPage, Paused, Screen, ScreenTarget};
use super::session::{ActiveSession, UiAction};
use crate::scenario::error::render_plain;
use crate::ui::menu::EntryState;
use crate::ui::{Action, Page};

/// Where to go after start-up.
#[derive(Resource, Debug, Clone)]
pub struct LaunchRequest {
    pub target: ScreenTarget,
    /// Scenario file name in the scenario folder, when the target needs one.
    pub scenario_file: Option<String>,
    /// Start the scenario in hotseat mode (two students).
    pub hotseat: bool,
    pub stage: LaunchStage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchStage {
    WaitingForScenario,
    Starting,
    Arranging,
    Done,
}

/// A screenshot to take once the target screen is showing.
#[derive(Resource, Debug)]
pub struct ScreenshotPlan {
    pub path: PathBuf,
    frames_on_target: u32,
    frames_total: u32,
    requested: bool,
    saved: Arc<AtomicBool>,
    frames_after_save: u32,
}

impl ScreenshotPlan {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            frames_on_target: 0,
            frames_total: 0,
            requested: false,
            saved: Arc::new(AtomicBool::new(false)),
            frames_after_save: 0,
        }
    }
}

/// Frames to let egui lay out and fonts settle before capturing.
const SETTLE_FRAMES: u32 = 30;
/// Give up after this long (a broken GPU setup should fail CI, not hang it).
const GIVE_UP_SECONDS: f32 = 90.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (drive_launch_request, take_screenshot).chain());
}

/// Walks from start-up to the requested screen, one step per frame.
#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it reads
fn drive_launch_request(
    request: Option<ResMut<LaunchRequest>>,
    catalog: Res<ScenarioCatalog>,
    assets: Res<Assets<ScenarioAsset>>,
    server: Res<AssetServer>,
    screen: Res<State<Screen>>,
    mut session: Option<ResMut<ActiveSession>>,
    mut page: ResMut<CurrentPage>,
    mut paused: ResMut<Paused>,
    mut drafts: ResMut<super::interface::Drafts>,
    mut actions: MessageWriter<UiAction>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(mut request) = request else { return };
    match request.stage {
        LaunchStage::WaitingForScenario => {
            let Some(file) = request.scenario_file.clone() else {
                request.stage = LaunchStage::Arranging;
                return;
            };
            let Some(index) = catalog.index_of(&file) else { return };
            match &catalog.entries(&assets, &server)[index].state {
                EntryState::Loading => {}
                EntryState::Broken(diagnostics) => {
                    eprintln!("{file} cannot start:\n{}", render_plain(diagnostics));
                    // Stay in the menu, which shows the same problems in place.
                    request.stage = if request.target.needs_scenario() {
                        LaunchStage::Done
                    } else {
                        LaunchStage::Arranging
                    };
                }
                EntryState::Ready(_) => {
                    if request.target.needs_scenario() {
                        actions.write(UiAction(if request.hotseat {
                            Action::StartHotseat(index)
                        } else {
                            Action::StartScenario(index)
                        }));
                        request.stage = LaunchStage::Starting;
                    } else {
                        request.stage = LaunchStage::Arranging;
                    }
                }
            }
            if request.stage == LaunchStage::Done
                && request.target.needs_scenario()
                && SCREENSHOT_MODE.load(Ordering::Relaxed)
            {
                exit.write(AppExit::from_code(2));
            }
        }
        LaunchStage::Starting => {
            if *screen.get() == Screen::Playing && session.is_some() {
                request.stage = LaunchStage::Arranging;
            }
        }
        LaunchStage::Arranging => {
            match request.target {
                ScreenTarget::Menu => {}
                ScreenTarget::Progress => drafts.menu.show_progress = true,
                ScreenTarget::Settings => {
                    actions.write(UiAction(Action::OpenSettings));
                }
                ScreenTarget::Page(p) => *page = CurrentPage(p),
                ScreenTarget::Pause => *paused = Paused(true),
                ScreenTarget::Classification => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Customs));
                    drafts.play.customs_tab = crate::ui::play::CustomsTab::Classification;
                }
                ScreenTarget::CustomsFeedback => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Customs));
                    if let Some((task, form)) = session.as_ref().and_then(|s| demo_declaration(&s.0)) {
                        drafts.play.desk.task = Some(task.clone());
                        drafts.play.desk.form = form.clone();
                        actions.write(UiAction(Action::SubmitDeclaration(task, Box::new(form))));
                    }
                }
                ScreenTarget::Negotiation | ScreenTarget::DealDebrief => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Negotiation));
                    let to_the_end = request.target == ScreenTarget::DealDebrief;
                    if let Some(s) = session.as_mut() {
                        demo_negotiation(&mut s.0, if to_the_end { u32::MAX } else { 2 });
                    }
                    if to_the_end {
                        drafts.play.talks.tab = crate::ui::negotiation::TalksTab::Review;
                    }
                }
                ScreenTarget::Documents => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Negotiation));
                    if let Some(s) = session.as_mut() {
                        demo_negotiation(&mut s.0, u32::MAX);
                        demo_export_clearance(&mut s.0);
                        if let Some((task, form)) = demo_documents(&s.0) {
                            drafts.play.talks.documents = form.clone();
                            let _ = s.0.apply(crate::sim::Command::PresentDocuments {
                                task,
                                form: Box::new(form),
                            });
                        }
                    }
                    drafts.play.talks.tab = crate::ui::negotiation::TalksTab::Documents;
                    // Belongs to this task: keeps the filled documents on the first draw.
                    drafts.play.talks.task = session
                        .as_ref()
                        .and_then(|s| s.0.scenario().tasks().iter().find(|t| t.negotiation.is_some()))
                        .map(|t| t.id.clone());
                }
                ScreenTarget::Listing => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Storefront));
                    drafts.play.listing = demo_listing_draft();
                }
                ScreenTarget::CostSheet => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Storefront));
                    drafts.play.listing = demo_listing_draft();
                    if let Some(s) = session.as_mut() {
                        drafts.play.listing.sheet = demo_cost_sheet(&mut s.0);
                    }
                }
                ScreenTarget::Promotion => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Promotion));
                    if let Some(s) = session.as_mut() {
                        demo_store_days(&mut s.0, 14);
                    }
                }
                ScreenTarget::Research => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Storefront));
                    drafts.play.storefront_tab = crate::ui::play::StorefrontTab::Research;
                }
                ScreenTarget::Store => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Storefront));
                    drafts.play.storefront_tab = crate::ui::play::StorefrontTab::Dashboard;
                    if let Some(s) = session.as_mut() {
                        // The whole run but its last day, so the dashboard shows as many days as
                        // the scenario has (a 120-day scenario measures the charts over 90+ days).
                        let days = s.0.scenario().length_days().saturating_sub(1);
                        demo_store_days(&mut s.0, days);
                    }
                }
                ScreenTarget::Inbox => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::Inbox));
                    if let Some(s) = session.as_mut() {
                        // A buyer's question (C2C), else the first letter waiting for a reply.
                        drafts.play.open_message = super::c2c_demo::question_waiting(&mut s.0).or_else(|| {
                            s.0.world()
                                .inbox()
                                .iter()
                                .find(|m| {
                                    s.0.letters_desk()
                                        .letter_task_of(m.id)
                                        .is_some_and(|t| s.0.letters_desk().letter_reply(&t.id).is_none())
                                })
                                .map(|m| m.id)
                        });
                    }
                }
                ScreenTarget::Parcel => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::C2C));
                    drafts.play.c2c.tab = crate::ui::c2c::C2cTab::Disputes;
                    if let Some(s) = session.as_mut()
                        && let Some((order, form)) = super::c2c_demo::parcels_to_declare(&mut s.0)
                    {
                        drafts.play.c2c.disputes.cn23.insert(order, form);
                    }
                }
                ScreenTarget::Buying => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::C2C));
                    drafts.play.c2c.tab = crate::ui::c2c::C2cTab::Buying;
                    if let Some(s) = session.as_mut() {
                        let (estimate, max) = super::c2c_demo::bid_under_way(&mut s.0);
                        drafts.play.c2c.auction.estimate = estimate;
                        drafts.play.c2c.auction.max_bid = max;
                    }
                }
                ScreenTarget::Auction | ScreenTarget::Offers | ScreenTarget::Disputes => {
                    *page = CurrentPage(Page::Activity(crate::scenario::file::Activity::C2C));
                    drafts.play.c2c.tab = match request.target {
                        ScreenTarget::Offers => crate::ui::c2c::C2cTab::Offers,
                        ScreenTarget::Disputes => crate::ui::c2c::C2cTab::Disputes,
                        _ => crate::ui::c2c::C2cTab::Auction,
                    };
                    if let Some(s) = session.as_mut() {
                        match request.target {
                            ScreenTarget::Offers => super::c2c_demo::offer_waiting(&mut s.0),
                            ScreenTarget::Disputes => super::c2c_demo::dispute_waiting(&mut s.0),
                            _ => super::c2c_demo::auction_under_way(&mut s.0),
                        }
                    }
                }
                ScreenTarget::Debrief => {
                    *page = CurrentPage(Page::Overview);
                    // A C2C debrief shows a shop's story: list the items and play a few days;
                    // the others a run with typical slips in it.
                    if let Some(s) = session.as_mut() {
                        if s.0.shop_desk().shop().is_some() {
                            super::c2c_demo::auction_under_way(&mut s.0);
                        } else {
                            demo_run_with_slips(&mut s.0);
                        }
                    }
                    let days = session
                        .as_ref()
                        .map_or(0, |s| s.0.scenario().length_days() + 1 - s.0.day());
                    for _ in 0..days {
                        actions.write(UiAction(Action::EndDay));
                    }
                }
            }
            request.stage = LaunchStage::Done;
        }
        LaunchStage::Done => {}
    }
}

/// Files the phone case's cost sheet at EUR 12.49 by post with the classic mistake (VAT taken
/// as 19% of the VAT-inclusive price, so the margin is short too) and returns it as typed.
fn demo_cost_sheet(session: &mut crate::sim::Session) -> crate::ui::cost_sheet::CostSheetDraft {
    use crate::sim::Command;
    use crate::sim::money::{BasisPoints, format_minor};
    let Some(market) = session
        .scenario()
        .markets()
        .iter()
        .find(|m| m.storefront.is_some())
        .map(|m| (m.id.clone(), session.scenario().exponent(m.currency)))
    else {
        return Default::default();
    };
    let (market, exp) = market;
    let Some(truth) = session.store_desk().margin_at(&market, "PC-TPU-61", 1_249, "postal") else {
        return Default::default();
    };
    let vat = 1_249 * 19 / 100;
    let margin = truth.margin - (vat - truth.vat);
    let share = BasisPoints(margin * 10_000 / 1_249);
    let sheet = crate::sim::market::cost_sheet::CostSheet {
        price: 1_249,
        shipping: "postal".to_string(),
        goods: truth.cost,
        shipping_cost: truth.shipping,
        fee: truth.fee,
        vat,
        duty: truth.duty,
        margin,
        break_even_acos: Some(share),
        target_acos: Some(BasisPoints(share.0 / 2)),
    };
    let _ = session.apply(Command::SubmitCostSheet {
        market,
        sku: "PC-TPU-61".to_string(),
        sheet: Box::new(sheet.clone()),
    });
    let m = |minor: i64| format_minor(minor, exp);
    crate::ui::cost_sheet::CostSheetDraft {
        goods: m(sheet.goods),
        shipping: m(sheet.shipping_cost),
        fee: m(sheet.fee),
        vat: m(sheet.vat),
        duty: m(sheet.duty),
        margin: m(sheet.margin),
        break_even_acos: share.to_string(),
        target_acos: BasisPoints(share.0 / 2).to_string(),
        error: None,
    }
}

/// A run with the slips students typically make: letters answered with one point wrong and a
/// curt note, the negotiation played to its end, the goods declared, two weeks of a store.
fn demo_run_with_slips(session: &mut crate::sim::Session) {
    use crate::sim::Command;
    use crate::sim::c2c::Verdict;
    let tasks: Vec<String> = session
        .scenario()
        .tasks()
        .iter()
        .filter(|t| t.letter.is_some())
        .map(|t| t.id.clone())
        .collect();
    for task in tasks {
        if session.letters_desk().letter_message(&task).is_none() {
            continue;
        }
        let choices = session
            .letters_desk()
            .letter_options(&task)
            .iter()
            .enumerate()
            .map(|(i, (_, _, list))| {
                let wanted = |v: &Verdict| {
                    if i == 0 {
                        *v != Verdict::Right
                    } else {
                        *v == Verdict::Right
                    }
                };
                list.iter().position(|s| wanted(&s.verdict))
            })
            .collect();
        let _ = session.apply(Command::ReplyToLetter {
            task,
            choices,
            note: "Please see our answers below. Regards".to_string(),
        });
    }
    demo_negotiation(session, u32::MAX);
    demo_export_clearance(session);
    if session.scenario().markets().iter().any(|m| m.storefront.is_some()) {
        demo_store_days(session, 14);
    }
}

/// Publishes a good phone-case listing with ads in the first store, books a creator's post and
/// runs a coupon, over `days` days of play.
fn demo_store_days(session: &mut crate::sim::Session, days: u32) {
    use crate::sim::Command;
    let Some(market) = session
        .scenario()
        .markets()
        .iter()
        .find(|m| m.storefront.is_some())
        .map(|m| m.id.clone())
    else {
        return;
    };
    let mut draft = demo_listing_draft();
    draft.text.title =
        "BayVolt Handyhülle für iPhone 15, transparent, stoßfest, TPU Hülle mit erhöhtem Rand".to_string();
    draft
        .text
        .attributes
        .push(("Compatible model".to_string(), "iPhone 15".to_string()));
    draft.text.images = crate::ui::listing::SHOTS
        .iter()
        .map(|s| format!("PC-TPU-61-{s}.png"))
        .collect();
    let publish = Command::PublishListing {
        market: market.clone(),
        sku: "PC-TPU-61".to_string(),
        text: Box::new(draft.text),
        terms: Box::new(crate::sim::market::ListingTerms {
            price: 1_249,
            // About 13 orders a day: enough stock to keep selling to the last day.
            add_stock: days.saturating_mul(15).max(300),
            bid: 40,
            daily_budget: 1_500,
            discount: crate::sim::BasisPoints(0),
            shipping: "postal".to_string(),
            handling_days: 2,
        }),
    };
    if session.apply(publish).is_err() {
        return;
    }
    for day in 1..=days {
        // A creator's post on day 4 and a week-long coupon from day 8.
        let promotion = match day {
            4 => session
                .store_desk()
                .store(&market)
                .and_then(|s| {
                    s.storefront
                        .influencers
                        .iter()
                        .find(|i| i.fits.iter().any(|f| f == "PC-TPU-61"))
                })
                .map(|creator| Command::BookInfluencer {
                    market: market.clone(),
                    sku: "PC-TPU-61".to_string(),
                    influencer: creator.id.clone(),
                }),
            8 => Some(Command::StartCoupon {
                market: market.clone(),
                sku: "PC-TPU-61".to_string(),
                discount: crate::sim::BasisPoints(1_000),
                budget: 10_000,
                days: 7,
            }),
            _ => None,
        };
        if let Some(command) = promotion {
            let _ = session.apply(command);
        }
        if session.apply(Command::EndDay).is_err() {
            return;
        }
    }
}

/// A first listing draft with typical flaws: a short, shouting title with a banned claim, two
/// photos, one attribute missing.
fn demo_listing_draft() -> crate::ui::listing::ListingDraft {
    crate::ui::listing::ListingDraft {
        market: None,
        sku: Some("PC-TPU-61".to_string()),
        text: crate::sim::market::quality::ListingText {
            title: "BEST Handyhülle iPhone 15 TRANSPARENT".to_string(),
            description: "Transparente TPU Hülle für das iPhone 15 mit erhöhtem Rand.".to_string(),
            search_terms: "case cover".to_string(),
            attributes: vec![
                ("Material".to_string(), "TPU".to_string()),
                ("Colour".to_string(), "Transparent".to_string()),
            ],
            images: vec!["PC-TPU-61-main.png".to_string(), "PC-TPU-61-detail.png".to_string()],
            ..Default::default()
        },
        bullets: "Transparent und stoßfest\nErhöhter Rand".to_string(),
        price: "12.49".to_string(),
        add_stock: "300".to_string(),
        bid: "0.40".to_string(),
        daily_budget: "15.00".to_string(),
        discount: String::new(),
        shipping: None,
        handling_days: "2".to_string(),
        error: None,
        sheet: Default::default(),
    }
}

/// Plays the student's side of the first negotiation: `offers` offers conceding in shrinking
/// steps, then (when asked to go to the end) accepting the counterpart's last offer if it beats
/// walking away, or walking away.
fn demo_negotiation(session: &mut crate::sim::Session, offers: u32) {
    use crate::sim::Command;
    use crate::sim::negotiation::BidTable;
    let Some((task, case)) = session
        .scenario()
        .tasks()
        .iter()
        .find_map(|t| t.negotiation.clone().map(|c| (t.id.clone(), c)))
    else {
        return;
    };
    let table = BidTable::new(&case.domain, case.preferences(case.student_side));
    let reservation = case.preferences(case.student_side).reservation();
    let targets = [
        1_000_000u32,
        860_000,
        770_000,
        710_000,
        670_000,
        645_000,
        630_000,
        620_000,
    ];
    let notes = [
        "Our price includes export packing and the swing tags you asked for.",
        "If you can agree to an L/C at sight, we can move on price.",
        "This is a real concession: our silk costs have risen this season.",
    ];
    for (i, target) in targets.iter().enumerate().take(offers.min(8) as usize) {
        let Some(talks) = session.talks_desk().talks(&task) else {
            return;
        };
        if talks.to_move() != Some(case.student_side) || talks.offers_left(case.student_side) == 0 {
            break;
        }
        let near = talks.on_table().map(|o| o.bid);
        let bid = table.bid_at((*target).max(reservation), near);
        let options = (0..case.domain.issues().len()).map(|k| bid.option(k)).collect();
        let note = notes.get(i).copied().unwrap_or_default().to_string();
        if session
            .apply(Command::MakeOffer {
                task: task.clone(),
                options,
                note,
            })
            .is_err()
        {
            return;
        }
    }
    if offers == u32::MAX
        && let Some(talks) = session.talks_desk().talks(&task)
        && talks.ending().is_none()
    {
        let worth = talks
            .on_table()
            .map(|o| case.preferences(case.student_side).utility(o.bid));
        let command = if worth.is_some_and(|w| w >= reservation) {
            Command::AcceptOffer { task }
        } else {
            Command::WalkAway { task }
        };
        let _ = session.apply(command);
    }
}

/// Lodges a correct export declaration for the contract and lets the days pass until customs
/// releases the goods (or the scenario runs out of days).
fn demo_export_clearance(session: &mut crate::sim::Session) {
    use crate::sim::Command;
    let Some(task) = session
        .scenario()
        .tasks()
        .iter()
        .find(|t| t.declaration.as_ref().is_some_and(|d| d.follows_contract_of.is_some()))
        .map(|t| t.id.clone())
    else {
        return;
    };
    let Some(case) = session.customs_desk().declaration_case(&task) else {
        return;
    };
    let form = crate::sim::customs::declaration::model_answer(&case, session.scenario().products());
    if session
        .apply(Command::SubmitDeclaration {
            task: task.clone(),
            form: Box::new(form),
        })
        .is_err()
    {
        return;
    }
    let Some((deal, ready)) = session.scenario().tasks().iter().find_map(|t| {
        session
            .talks_desk()
            .contract(&t.id)
            .map(|c| (t.id.clone(), c.goods_ready))
    }) else {
        return;
    };
    let last_day = session.scenario().length_days();
    while session.date() < ready && session.day() < last_day {
        if session.apply(Command::EndDay).is_err() {
            return;
        }
    }
    if session.apply(Command::BookShipment { task: deal.clone() }).is_err() {
        return;
    }
    let sailing = session.documents_desk().booked_sailing(&deal);
    while (session.customs_desk().released_on(&task).is_none() || sailing.is_some_and(|s| session.date() < s))
        && session.day() < last_day
    {
        if session.apply(Command::EndDay).is_err() {
            return;
        }
    }
}

/// Shipping documents for the deal with three typical mistakes: an amount that is not
/// quantity × price, freight "collect" under a C or D term, and insurance at 100% instead of 110%.
fn demo_documents(session: &crate::sim::Session) -> Option<(String, crate::sim::deal::DocumentsForm)> {
    let (task, contract) = session
        .scenario()
        .tasks()
        .iter()
        .find_map(|t| session.talks_desk().contract(&t.id).map(|c| (t.id.clone(), c)))?;
    let product = session.scenario().product(&contract.sku)?;
    let on_board = session
        .documents_desk()
        .booked_sailing(&task)
        .unwrap_or_else(|| session.date());
    let mut form = crate::sim::deal::model_documents(contract, product, on_board);
    form.amount =
        crate::sim::money::format_minor(contract.amount().minor + 5_000, contract.unit_price.exponent).replace(',', "");
    form.freight = Some(crate::sim::deal::Freight::Collect);
    if !form.insured_amount.is_empty() {
        form.insured_amount =
            crate::sim::money::format_minor(contract.amount().minor, contract.unit_price.exponent).replace(',', "");
    }
    Some((task, form))
}

/// A declaration with three typical mistakes (wrong trade mode, net above gross,
/// undervaluation), to show the desk's field-level feedback.
fn demo_declaration(
    session: &crate::sim::Session,
) -> Option<(String, crate::sim::customs::declaration::DeclarationForm)> {
    let task = session.scenario().tasks().iter().find(|t| t.declaration.is_some())?;
    let case = session.customs_desk().declaration_case(&task.id)?;
    let mut form = crate::sim::customs::declaration::model_answer(&case, session.scenario().products());
    form.trade_mode = "9610".to_string();
    if let Some(line) = form.lines.first_mut() {
        line.net_kg = "330.000".to_string();
    }
    if let Some(line) = form.lines.get_mut(1) {
        line.unit_price = "19.80".to_string();
        line.total_price = "23760.00".to_string();
    }
    Some((task.id.clone(), form))
}

/// Set when `--screenshot` was given: then an unreachable target screen ends the program
/// instead of leaving the menu open.
pub static SCREENSHOT_MODE: AtomicBool = AtomicBool::new(false);

fn target_showing(request: &LaunchRequest, screen: Screen) -> bool {
    request.stage == LaunchStage::Done
        && match request.target {
            ScreenTarget::Menu | ScreenTarget::Progress => screen == Screen::MainMenu,
            ScreenTarget::Settings => screen == Screen::Settings,
            ScreenTarget::Page(_)
            | ScreenTarget::Pause
            | ScreenTarget::CustomsFeedback
            | ScreenTarget::Classification
            | ScreenTarget::Negotiation
            | ScreenTarget::DealDebrief
            | ScreenTarget::Documents
            | ScreenTarget::Listing
            | ScreenTarget::CostSheet
            | ScreenTarget::Store
            | ScreenTarget::Research
            | ScreenTarget::Promotion
            | ScreenTarget::Inbox
            | ScreenTarget::Auction
            | ScreenTarget::Offers
            | ScreenTarget::Disputes
            | ScreenTarget::Buying
            | ScreenTarget::Parcel => screen == Screen::Playing,
            ScreenTarget::Debrief => screen == Screen::Debrief,
        }
}

#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it reads
fn take_screenshot(
    mut commands: Commands,
    plan: Option<ResMut<ScreenshotPlan>>,
    request: Option<Res<LaunchRequest>>,
    screen: Res<State<Screen>>,
    catalog: Res<ScenarioCatalog>,
    assets: Res<Assets<ScenarioAsset>>,
    server: Res<AssetServer>,
    time: Res<Time<Real>>,
    mut exit: MessageWriter<AppExit>,
) {
    let (Some(mut plan), Some(request)) = (plan, request) else {
        return;
    };
    plan.frames_total += 1;
    if time.elapsed_secs() > GIVE_UP_SECONDS {
        eprintln!(
            "tradeport: gave up waiting for the screen to render after {GIVE_UP_SECONDS} s ({} frames)",
            plan.frames_total
        );
        exit.write(AppExit::from_code(3));
        return;
    }
    if plan.saved.load(Ordering::Acquire) {
        plan.frames_after_save += 1;
        if plan.frames_after_save >= 2 {
            exit.write(AppExit::Success);
        }
        return;
    }
    let all_loaded = catalog
        .entries(&assets, &server)
        .iter()
        .all(|e| !matches!(e.state, EntryState::Loading));
    if !all_loaded || !target_showing(&request, *screen.get()) {
        plan.frames_on_target = 0;
        return;
    }
    plan.frames_on_target += 1;
    if plan.frames_on_target >= SETTLE_FRAMES && !plan.requested {
        plan.requested = true;
        let saved = Arc::clone(&plan.saved);
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(plan.path.clone()))
            .observe(move |_: On<ScreenshotCaptured>| saved.store(true, Ordering::Release));
    }
}
