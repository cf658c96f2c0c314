//! The negotiation desk: the student's private brief, the offer form (one choice per issue,
//! with what the offer is worth to them), the letters exchanged, and — once the talks are
//! over — the deal review: the offers in utility space against the Pareto frontier and the
//! Nash point, the metrics, and the "which strategy was it?" exercise. In hotseat mode each
//! side's brief stays hidden until that student takes the screen.

use egui::{Color32, Pos2, RichText, Stroke, pos2, vec2};

use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::scenario::file::{ConcessionStrategy, Side};
use crate::sim::deal::SalesContract;
use crate::sim::negotiation::domain::{FULL, IssueOptions, format_utility};
use crate::sim::negotiation::letter::{Correspondents, acceptance_letter, offer_letter};
use crate::sim::negotiation::talks::strategy_family;
use crate::sim::negotiation::{Bid, NegotiationCase, Preferences, Talks, TalksEnding};
use crate::sim::scenario::{Scenario, Task};

/// The two halves of the negotiation page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TalksTab {
    #[default]
    Talks,
    Review,
    /// The shipping documents, once there is a contract.
    Documents,
}

/// The offer being written (UI state, not sim state).
#[derive(Debug, Clone, Default)]
pub struct TalksDraft {
    /// The task the draft belongs to; another task starts a fresh draft.
    pub task: Option<String>,
    /// Chosen option per issue.
    pub options: Vec<usize>,
    pub note: String,
    pub tab: TalksTab,
    /// Hotseat: whose brief is on screen (after "pass the screen").
    pub revealed: Option<Side>,
    /// The strategy picked in the review exercise.
    pub guess: Option<ConcessionStrategy>,
    /// How many offers the talks had when the form was last reset.
    pub synced_offers: Option<usize>,
    /// The shipping documents being prepared.
    pub documents: crate::sim::deal::DocumentsForm,
}

pub struct TalksView<'a> {
    pub cat: &'a Catalogue,
    pub scenario: &'a Scenario,
    pub task: &'a Task,
    pub talks: &'a Talks,
    /// The sales contract, once the talks ended in a deal.
    pub contract: Option<&'a SalesContract>,
    /// Presentations of the shipping documents, oldest first.
    pub documents: &'a [crate::sim::deal::DocumentsCheck],
    /// The deal's profit sheet, when the scenario states its costs.
    pub profit: Option<crate::sim::deal::ProfitSheet>,
    /// The booked sailing, if any.
    pub sailing: Option<crate::sim::Date>,
    pub today: crate::sim::Date,
    /// A company's seat in a class: the company's side only (the other side is another
    /// student), and no review here: this PC has no other side's brief to judge the deal by;
    /// the report from the instructor has it.
    pub one_side: bool,
}

const FAMILIES: [ConcessionStrategy; 6] = [
    ConcessionStrategy::Boulware,
    ConcessionStrategy::Linear,
    ConcessionStrategy::Conceder,
    ConcessionStrategy::TitForTat,
    ConcessionStrategy::HardHeaded,
    ConcessionStrategy::Random,
];

const SELLER_COLOR: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xb2);
const BUYER_COLOR: Color32 = Color32::from_rgb(0xd9, 0x6c, 0x06);

pub fn draw(ui: &mut egui::Ui, view: &TalksView, draft: &mut TalksDraft) -> Option<Action> {
    let cat = view.cat;
    let talks = view.talks;
    let case = talks.case();
    if draft.task.as_deref() != Some(view.task.id.as_str()) {
        *draft = TalksDraft {
            task: Some(view.task.id.clone()),
            tab: draft.tab,
            ..TalksDraft::default()
        };
    }
    // After every move, the form starts again from the mover's own last offer (or, for a first
    // offer, from their best deal: the usual opening), so a concession is a change from it.
    if draft.synced_offers != Some(talks.offers().len()) || draft.options.len() != case.domain.issues().len() {
        draft.synced_offers = Some(talks.offers().len());
        let side = talks.to_move().unwrap_or(case.student_side);
        let start = talks
            .last_offer_by(side)
            .map(|o| o.bid)
            .or_else(|| best_bid(case.preferences(side), case));
        draft.options = start.map_or_else(|| vec![0; case.domain.issues().len()], |b| options_of(b, case));
    }
    let mut action = None;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut draft.tab, TalksTab::Talks, cat.tr("talks-tab-talks"));
        let over = talks.ending().is_some();
        ui.add_enabled_ui(over && !view.one_side, |ui| {
            ui.selectable_value(&mut draft.tab, TalksTab::Review, cat.tr("talks-tab-review"))
                .on_disabled_hover_text(cat.tr("talks-review-after"));
        });
        ui.add_enabled_ui(view.contract.is_some(), |ui| {
            ui.selectable_value(&mut draft.tab, TalksTab::Documents, cat.tr("talks-tab-documents"))
                .on_disabled_hover_text(cat.tr("talks-documents-after"));
        });
    });
    ui.separator();
    let heading = |ui: &mut egui::Ui| {
        ui.heading(pick(&view.task.title, cat.language()));
        ui.label(pick(&view.task.description, cat.language()));
        ui.add_space(6.0);
    };
    // The review and the documents scroll as a whole; the talks keep their send bar pinned.
    if draft.tab == TalksTab::Review && talks.ending().is_some() && !view.one_side {
        egui::ScrollArea::vertical()
            .id_salt("talks_review")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                heading(ui);
                review(ui, view, draft, &mut action);
            });
        return action;
    }
    if draft.tab == TalksTab::Documents
        && let Some(contract) = view.contract
    {
        egui::ScrollArea::vertical()
            .id_salt("talks_documents")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                heading(ui);
                action = documents_tab(ui, view, draft, contract);
            });
        return action;
    }

    heading(ui);
    status(ui, view);
    // Whose turn, and in hotseat mode whose screen it is.
    let acting = talks.to_move().unwrap_or(case.student_side);
    let side_shown = if view.one_side {
        case.student_side
    } else if talks.is_hotseat() {
        if talks.ending().is_none() && draft.revealed != Some(acting) {
            pass_the_screen(ui, view, acting, draft);
            return action;
        }
        acting
    } else {
        case.student_side
    };
    let can_move = talks.ending().is_none() && talks.to_move() == Some(side_shown);
    if can_move && let Some(a) = super::pinned_bar(ui, "talks_send_bar", |ui| send_bar(ui, view, draft, side_shown)) {
        action = Some(a);
    }
    ui.add_space(6.0);
    // Columns reach to the bottom of their ui's max rect: keep them above the send bar.
    let above_the_bar = ui.available_rect_before_wrap();
    ui.scope_builder(egui::UiBuilder::new().max_rect(above_the_bar), |ui| {
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical()
                .id_salt("talks_brief_column")
                .auto_shrink([false, false])
                .show(&mut cols[0], |ui| {
                    if let Some(contract) = view.contract {
                        contract_panel(ui, cat, contract);
                        ui.add_space(8.0);
                    }
                    brief(ui, cat, case, side_shown);
                    ui.add_space(8.0);
                    if can_move {
                        offer_form(ui, view, draft, side_shown);
                    }
                });
            egui::ScrollArea::vertical()
                .id_salt("talks_letters_column")
                .auto_shrink([false, false])
                .show(&mut cols[1], |ui| letters(ui, view));
        });
    });
    action
}

/// The Documents tab: the contract for reference and the documents form.
fn documents_tab(
    ui: &mut egui::Ui,
    view: &TalksView,
    draft: &mut TalksDraft,
    contract: &SalesContract,
) -> Option<Action> {
    let cat = view.cat;
    egui::CollapsingHeader::new(cat.tr_args("contract-title", &[("number", Arg::from(contract.number.as_str()))]))
        .id_salt("docs_contract_reference")
        .default_open(false)
        .show(ui, |ui| contract_panel(ui, cat, contract));
    let summary = format!(
        "{} × {} = {} · {} · {} · {} → {} · {}",
        contract.quantity,
        contract.unit_price.format(),
        contract.amount().format(),
        contract.incoterm.map_or_else(String::new, |t| format!("{t:?}")),
        contract.payment.map_or("", |p| p.label()),
        contract.port_of_loading,
        contract.port_of_discharge,
        cat.tr_args(
            "contract-ship-by",
            &[("date", Arg::from(contract.latest_shipment.to_string()))]
        ),
    );
    ui.scope(|ui| {
        ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
        super::glossary::glossed_text(ui, cat, crate::glossary::bundled(), &summary);
    });
    ui.add_space(4.0);
    let docs = super::documents::DocumentsView {
        cat,
        task: &view.task.id,
        contract,
        attempts: view.documents,
        today: view.today,
        profit: view.profit.as_ref(),
        sailing: view.sailing,
    };
    super::documents::draw(ui, &docs, &mut draft.documents)
}

fn best_bid(prefs: &Preferences, case: &NegotiationCase) -> Option<Bid> {
    case.domain
        .all_bids()
        .into_iter()
        .max_by_key(|b| (prefs.utility(*b), std::cmp::Reverse(*b)))
}

fn options_of(bid: Bid, case: &NegotiationCase) -> Vec<usize> {
    (0..case.domain.issues().len()).map(|i| bid.option(i)).collect()
}

fn side_name(view: &TalksView, side: Side) -> String {
    let case = view.talks.case();
    if side == case.student_side {
        pick(&view.scenario.role().company.name, view.cat.language()).to_string()
    } else {
        counterpart_name(view, side)
    }
}

/// The side's name as an English letter writes it (the company's English name).
fn letter_name(view: &TalksView, side: Side) -> String {
    let case = view.talks.case();
    if side == case.student_side {
        view.scenario.role().company.name.en.clone()
    } else {
        counterpart_name(view, side)
    }
}

fn counterpart_name(view: &TalksView, side: Side) -> String {
    view.task
        .counterpart
        .as_deref()
        .and_then(|id| view.scenario.counterpart(id))
        .map_or_else(|| super::debrief::side_label(view.cat, side), |c| c.name.clone())
}

fn status(ui: &mut egui::Ui, view: &TalksView) {
    let cat = view.cat;
    let talks = view.talks;
    let case = talks.case();
    let text = match talks.ending() {
        Some(TalksEnding::Agreed { bid, by, .. }) => {
            let who = super::debrief::side_label(cat, by);
            (
                GOOD,
                cat.tr_args(
                    "talks-agreed",
                    &[
                        ("side", Arg::from(who)),
                        (
                            "deal",
                            Arg::from(pick(&case.domain.describe_text(bid), cat.language()).to_string()),
                        ),
                    ],
                ),
            )
        }
        Some(TalksEnding::Broken { by, .. }) => (
            BAD,
            cat.tr_args(
                "talks-broken",
                &[("side", Arg::from(super::debrief::side_label(cat, by)))],
            ),
        ),
        None => {
            let side = talks.to_move().unwrap_or(case.student_side);
            let key = if talks.is_hotseat() {
                "talks-status-hotseat"
            } else {
                "talks-status"
            };
            (
                ACCENT,
                cat.tr_args(
                    key,
                    &[
                        ("side", Arg::from(super::debrief::side_label(cat, side))),
                        ("left", Arg::from(talks.offers_left(side))),
                        ("deadline", Arg::from(case.deadline_rounds)),
                    ],
                ),
            )
        }
    };
    egui::Frame::new()
        .fill(text.0.gamma_multiply(0.12))
        .corner_radius(6.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text.1).color(text.0).strong());
        });
}

fn pass_the_screen(ui: &mut egui::Ui, view: &TalksView, side: Side, draft: &mut TalksDraft) {
    let cat = view.cat;
    ui.add_space(30.0);
    ui.vertical_centered(|ui| {
        ui.heading(cat.tr_args(
            "talks-pass-screen",
            &[("side", Arg::from(super::debrief::side_label(cat, side)))],
        ));
        ui.label(RichText::new(cat.tr("talks-pass-screen-why")).color(MUTED));
        ui.add_space(12.0);
        let label = cat.tr_args(
            "talks-i-am",
            &[("side", Arg::from(super::debrief::side_label(cat, side)))],
        );
        if ui
            .add_sized([320.0, 40.0], egui::Button::new(RichText::new(label).strong()))
            .clicked()
        {
            draft.revealed = Some(side);
            if let Some(best) = best_bid(view.talks.case().preferences(side), view.talks.case()) {
                draft.options = options_of(best, view.talks.case());
            }
        }
    });
}

/// The signed contract's terms.
fn contract_panel(ui: &mut egui::Ui, cat: &Catalogue, c: &SalesContract) {
    ui.label(
        RichText::new(cat.tr_args("contract-title", &[("number", Arg::from(c.number.as_str()))]))
            .strong()
            .color(GOOD),
    );
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let dash = || "—".to_string();
        let width = ui.available_width();
        egui::Grid::new("contract_terms_grid")
            .num_columns(2)
            .spacing([10.0, 3.0])
            .max_col_width(width * 0.7)
            .show(ui, |ui| {
                for (key, value) in [
                    ("contract-signed", c.signed_on.to_string()),
                    ("contract-seller", c.seller.clone()),
                    ("contract-buyer", c.buyer.clone()),
                    ("contract-goods", format!("{} ({})", c.description, c.sku)),
                    (
                        "contract-quantity",
                        format!("{} pcs", crate::sim::money::format_minor(i64::from(c.quantity), 0)),
                    ),
                    ("contract-unit-price", c.unit_price.format()),
                    ("contract-amount", c.amount().format()),
                    (
                        "contract-incoterm",
                        c.incoterm.map_or_else(dash, |t| format!("{t:?} (Incoterms 2020)")),
                    ),
                    (
                        "contract-payment",
                        c.payment.map_or_else(dash, |p| p.label().to_string()),
                    ),
                    (
                        "contract-route",
                        format!("{} → {}", c.port_of_loading, c.port_of_discharge),
                    ),
                    ("contract-goods-ready", c.goods_ready.to_string()),
                    ("contract-latest-shipment", c.latest_shipment.to_string()),
                    ("contract-lc-expiry", c.lc_expiry.map_or_else(dash, |d| d.to_string())),
                ] {
                    ui.label(RichText::new(cat.tr(key)).small().color(MUTED));
                    // The contract is an English document: its trade terms glossed on hover.
                    ui.scope(|ui| {
                        ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
                        super::glossary::glossed_text(ui, cat, crate::glossary::bundled(), &value);
                    });
                    ui.end_row();
                }
            });
    });
}

/// The private brief: how much each issue matters and which options are good.
fn brief(ui: &mut egui::Ui, cat: &Catalogue, case: &NegotiationCase, side: Side) {
    let prefs = case.preferences(side);
    ui.label(
        RichText::new(cat.tr_args(
            "talks-brief",
            &[("side", Arg::from(super::debrief::side_label(cat, side)))],
        ))
        .strong(),
    );
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for (i, issue) in case.domain.issues().iter().enumerate() {
            let weight = prefs.weight(i);
            let values: Vec<String> = (0..issue.len())
                .map(|o| prefs.value(i, o))
                .map(format_utility)
                .collect();
            let raw: Vec<u32> = (0..issue.len()).map(|o| prefs.value(i, o)).collect();
            let rising = raw.len() > 1 && raw.windows(2).all(|w| w[0] < w[1]);
            let falling = raw.len() > 1 && raw.windows(2).all(|w| w[0] > w[1]);
            let shape = match issue {
                IssueOptions::UnitPrice { .. } if rising => cat.tr("talks-higher-better"),
                IssueOptions::UnitPrice { .. } if falling => cat.tr("talks-lower-better"),
                _ => (0..issue.len())
                    .map(|o| format!("{} {}", pick(&issue.label_text(o), cat.language()), values[o]))
                    .collect::<Vec<_>>()
                    .join(" · "),
            };
            ui.label(format!(
                "{} — {}",
                issue_title(cat, issue),
                crate::sim::BasisPoints(i64::from(weight))
            ));
            ui.label(RichText::new(shape).small().color(MUTED));
        }
        ui.label(
            RichText::new(cat.tr_args(
                "talks-walk-away-value",
                &[("value", Arg::from(format_utility(prefs.reservation())))],
            ))
            .color(WARN),
        );
    });
}

/// A utility in words over a bar, green at or above the walk-away value, red below it.
fn utility_bar(ui: &mut egui::Ui, utility: u32, reservation: u32, label: String) {
    let color = if utility >= reservation { GOOD } else { BAD };
    ui.label(RichText::new(label).color(color));
    ui.add(
        egui::ProgressBar::new(utility as f32 / FULL as f32)
            .fill(color)
            .desired_height(8.0)
            .desired_width(ui.available_width()),
    );
}

/// The offer on the table (what it is worth, when they expect the answer) and the counter-offer
/// being written; the buttons are in [`send_bar`].
fn offer_form(ui: &mut egui::Ui, view: &TalksView, draft: &mut TalksDraft, side: Side) {
    let cat = view.cat;
    let talks = view.talks;
    let case = talks.case();
    let prefs = case.preferences(side);
    let on_table = talks.on_table();
    if let Some(offer) = on_table {
        let worth = prefs.utility(offer.bid);
        ui.label(RichText::new(cat.tr("talks-their-offer")).strong());
        ui.label(pick(&case.domain.describe_text(offer.bid), cat.language()));
        utility_bar(
            ui,
            worth,
            prefs.reservation(),
            cat.tr_args("talks-worth", &[("value", Arg::from(format_utility(worth)))]),
        );
        if worth < prefs.reservation() {
            ui.label(RichText::new(cat.tr("talks-below-walk-away")).color(BAD));
        }
        if !talks.is_hotseat()
            && let Some(c) = view
                .task
                .counterpart
                .as_deref()
                .and_then(|id| view.scenario.counterpart(id))
        {
            ui.label(
                RichText::new(cat.tr_args(
                    "talks-reply-by",
                    &[
                        ("name", Arg::from(c.name.as_str())),
                        ("day", Arg::from(offer.day + c.personality.reply_within_days)),
                    ],
                ))
                .small()
                .color(WARN),
            );
        }
        ui.add_space(8.0);
    }
    if talks.offers_left(side) == 0 {
        ui.label(RichText::new(cat.tr("talks-no-offers-left")).color(WARN));
        return;
    }
    ui.label(
        RichText::new(cat.tr(if on_table.is_some() {
            "talks-counter"
        } else {
            "talks-your-offer"
        }))
        .strong(),
    );
    egui::Grid::new("offer-form")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (i, issue) in case.domain.issues().iter().enumerate() {
                ui.label(issue_title(cat, issue));
                let current = draft.options.get(i).copied().unwrap_or(0).min(issue.len() - 1);
                let mut chosen = current;
                egui::ComboBox::from_id_salt(("offer-issue", i))
                    .width(220.0)
                    .selected_text(pick(&issue.label_text(current), cat.language()))
                    .show_ui(ui, |ui| {
                        for o in 0..issue.len() {
                            ui.selectable_value(&mut chosen, o, pick(&issue.label_text(o), cat.language()));
                        }
                    });
                if let Some(slot) = draft.options.get_mut(i) {
                    *slot = chosen;
                }
                ui.end_row();
            }
        });
    if let Some(bid) = case.domain.bid(&draft.options) {
        let worth = prefs.utility(bid);
        utility_bar(
            ui,
            worth,
            prefs.reservation(),
            cat.tr_args("talks-worth-to-you", &[("value", Arg::from(format_utility(worth)))]),
        );
        if worth < prefs.reservation() {
            ui.label(RichText::new(cat.tr("talks-below-walk-away")).color(BAD));
        }
    }
    ui.label(RichText::new(cat.tr("talks-note")).small());
    ui.add(
        egui::TextEdit::multiline(&mut draft.note)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text(cat.tr("talks-note-hint")),
    );
}

/// The bar pinned under the talks while it is `side`'s move: send the offer written in the form
/// (while offers are left), or accept or walk away from the offer on the table.
fn send_bar(ui: &mut egui::Ui, view: &TalksView, draft: &mut TalksDraft, side: Side) -> Option<Action> {
    let cat = view.cat;
    let talks = view.talks;
    let task = &view.task.id;
    let mut action = None;
    ui.horizontal(|ui| {
        let left = talks.offers_left(side);
        if left > 0 {
            let send = cat.tr_args("talks-send", &[("left", Arg::from(left))]);
            if ui
                .add_sized([280.0, 32.0], egui::Button::new(RichText::new(send).strong()))
                .clicked()
            {
                action = Some(Action::MakeOffer(
                    task.clone(),
                    draft.options.clone(),
                    std::mem::take(&mut draft.note),
                ));
            }
        }
        if talks.on_table().is_some() {
            ui.add_space(12.0);
            let tall = vec2(0.0, 32.0);
            if ui
                .add(egui::Button::new(RichText::new(cat.tr("talks-accept")).color(GOOD).strong()).min_size(tall))
                .clicked()
            {
                action = Some(Action::AcceptOffer(task.clone()));
            }
            if ui
                .add(egui::Button::new(RichText::new(cat.tr("talks-walk-away")).color(BAD)).min_size(tall))
                .clicked()
            {
                action = Some(Action::WalkAway(task.clone()));
            }
        }
    });
    action
}

/// An issue's name at the start of a line, in the player's language.
fn issue_title(cat: &Catalogue, issue: &IssueOptions) -> &'static str {
    match cat.language() {
        crate::i18n::Language::Chinese => issue.name_zh(),
        crate::i18n::Language::English => issue.title(),
    }
}

/// The letters, newest first.
fn letters(ui: &mut egui::Ui, view: &TalksView) {
    let cat = view.cat;
    let talks = view.talks;
    let case = talks.case();
    ui.label(RichText::new(cat.tr("talks-letters")).strong());
    if let Some(TalksEnding::Agreed { bid, by, day }) = talks.ending() {
        letter_frame(
            ui,
            cat,
            &side_name(view, by),
            day,
            &acceptance_letter(
                &case.domain,
                bid,
                Correspondents {
                    sender: &letter_name(view, by),
                    sender_company: "",
                    recipient: &letter_name(view, by.other()),
                },
            ),
            by,
        );
    }
    if talks.offers().is_empty() {
        ui.label(RichText::new(cat.tr("talks-no-letters")).color(MUTED));
    }
    for (i, offer) in talks.offers().iter().enumerate().rev() {
        let answering = talks.offers()[..i]
            .iter()
            .rev()
            .find(|o| o.by != offer.by)
            .map(|o| o.bid);
        let sender = side_name(view, offer.by);
        let writer = letter_name(view, offer.by);
        let text = offer_letter(
            &case.domain,
            offer.by,
            offer.bid,
            answering,
            &offer.note,
            Correspondents {
                sender: &writer,
                sender_company: "",
                recipient: &letter_name(view, offer.by.other()),
            },
        );
        letter_frame(ui, cat, &sender, offer.day, &text, offer.by);
    }
}

fn letter_frame(ui: &mut egui::Ui, cat: &Catalogue, sender: &str, day: u32, text: &str, by: Side) {
    let color = if by == Side::Seller { SELLER_COLOR } else { BUYER_COLOR };
    egui::Frame::group(ui.style())
        .stroke(Stroke::new(1.0, color.gamma_multiply(0.6)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(cat.tr_args(
                    "talks-letter-from",
                    &[("sender", Arg::from(sender)), ("day", Arg::from(day))],
                ))
                .color(color)
                .small(),
            );
            super::glossary::glossed_text(ui, cat, crate::glossary::bundled(), text.trim_end());
        });
    ui.add_space(4.0);
}

/// The deal review: chart, metrics and the strategy exercise.
fn review(ui: &mut egui::Ui, view: &TalksView, draft: &mut TalksDraft, action: &mut Option<Action>) {
    let cat = view.cat;
    let talks = view.talks;
    let case = talks.case();
    let r = talks.review();
    status(ui, view);
    ui.add_space(6.0);
    ui.columns(2, |cols| {
        chart(&mut cols[0], view, &r);
        if let Some(contract) = view.contract {
            cols[0].add_space(8.0);
            contract_panel(&mut cols[0], cat, contract);
        }
        let ui = &mut cols[1];
        ui.label(RichText::new(cat.tr("review-metrics")).strong());
        let student = case.student_side;
        let (mine, theirs) = match student {
            Side::Seller => (r.seller_utility, r.buyer_utility),
            Side::Buyer => (r.buyer_utility, r.seller_utility),
        };
        let show = |v: Option<u32>| v.map_or_else(|| "—".to_string(), format_utility);
        egui::Grid::new("review-metrics")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (key, value) in [
                    ("review-your-utility", show(mine)),
                    ("review-their-utility", show(theirs)),
                    ("review-welfare", show(r.welfare())),
                    ("review-to-pareto", show(r.to_frontier)),
                    ("review-to-nash", show(r.to_nash)),
                    ("review-offers", r.offers.to_string()),
                    (
                        "review-walk-away",
                        format!(
                            "{} / {}",
                            format_utility(case.seller.reservation()),
                            format_utility(case.buyer.reservation())
                        ),
                    ),
                ] {
                    ui.label(cat.tr(key));
                    ui.label(RichText::new(value).monospace());
                    ui.end_row();
                }
            });
        ui.label(RichText::new(cat.tr("review-reading")).small().color(MUTED));
        ui.add_space(10.0);
        if let Some(strategy) = talks.ai_strategy() {
            ui.label(RichText::new(cat.tr("review-guess")).strong());
            match talks.guess() {
                None => {
                    for family in FAMILIES {
                        ui.radio_value(&mut draft.guess, Some(family), strategy_label(cat, family));
                    }
                    let ready = draft.guess.is_some();
                    if ui
                        .add_enabled(ready, egui::Button::new(cat.tr("review-guess-submit")))
                        .clicked()
                        && let Some(guess) = draft.guess
                    {
                        *action = Some(Action::GuessStrategy(view.task.id.clone(), guess));
                    }
                }
                Some((guess, correct)) => {
                    let (color, key) = if correct {
                        (GOOD, "review-guess-right")
                    } else {
                        (BAD, "review-guess-wrong")
                    };
                    ui.label(
                        RichText::new(cat.tr_args(key, &[("guess", Arg::from(strategy_label(cat, guess)))]))
                            .color(color)
                            .strong(),
                    );
                    ui.label(cat.tr_args(
                        "review-strategy-was",
                        &[
                            ("strategy", Arg::from(strategy.name())),
                            ("family", Arg::from(strategy_label(cat, strategy_family(strategy)))),
                        ],
                    ));
                    ui.label(RichText::new(cat.tr(strategy_hint_key(strategy_family(strategy)))).small());
                }
            }
        } else {
            ui.label(RichText::new(cat.tr("review-hotseat")).color(MUTED));
        }
    });
}

pub fn strategy_label(cat: &Catalogue, s: ConcessionStrategy) -> String {
    cat.tr(match s {
        ConcessionStrategy::Boulware => "strategy-boulware",
        ConcessionStrategy::Linear => "strategy-linear",
        ConcessionStrategy::Conceder => "strategy-conceder",
        ConcessionStrategy::TitForTat => "strategy-tit-for-tat",
        ConcessionStrategy::HardHeaded => "strategy-hard-headed",
        ConcessionStrategy::Random => "strategy-random",
    })
}

fn strategy_hint_key(s: ConcessionStrategy) -> &'static str {
    match s {
        ConcessionStrategy::Boulware => "strategy-boulware-hint",
        ConcessionStrategy::Linear => "strategy-linear-hint",
        ConcessionStrategy::Conceder => "strategy-conceder-hint",
        ConcessionStrategy::TitForTat => "strategy-tit-for-tat-hint",
        ConcessionStrategy::HardHeaded => "strategy-hard-headed-hint",
        ConcessionStrategy::Random => "strategy-random-hint",
    }
}

/// Every possible deal in utility space (seller → right, buyer → up), the Pareto frontier, the
/// Nash point, both walk-away values, both sides' offers in order and the deal.
fn chart(ui: &mut egui::Ui, view: &TalksView, r: &crate::sim::negotiation::DealReview) {
    let cat = view.cat;
    let size = vec2(ui.available_width().min(460.0), 360.0);
    let (response, painter) = ui.allocate_painter(size, egui::Sense::hover());
    let rect = response.rect;
    let plot = egui::Rect::from_min_max(rect.min + vec2(34.0, 8.0), rect.max - vec2(8.0, 30.0));
    painter.rect_filled(plot, 2.0, Color32::WHITE);
    painter.rect_stroke(plot, 2.0, Stroke::new(1.0, MUTED), egui::StrokeKind::Inside);
    let at = |seller: u32, buyer: u32| -> Pos2 {
        pos2(
            plot.left() + plot.width() * seller as f32 / FULL as f32,
            plot.bottom() - plot.height() * buyer as f32 / FULL as f32,
        )
    };
    let font = egui::FontId::proportional(11.0);
    for tick in [0u32, 250_000, 500_000, 750_000, 1_000_000] {
        let x = at(tick, 0);
        let y = at(0, tick);
        painter.text(
            pos2(x.x, plot.bottom() + 4.0),
            egui::Align2::CENTER_TOP,
            format_utility(tick),
            font.clone(),
            MUTED,
        );
        painter.text(
            pos2(plot.left() - 4.0, y.y),
            egui::Align2::RIGHT_CENTER,
            format_utility(tick),
            font.clone(),
            MUTED,
        );
    }
    painter.text(
        pos2(plot.center().x, rect.bottom() - 2.0),
        egui::Align2::CENTER_BOTTOM,
        cat.tr("chart-seller-axis"),
        font.clone(),
        SELLER_COLOR,
    );
    painter.text(
        pos2(plot.left() + 4.0, plot.top() + 4.0),
        egui::Align2::LEFT_TOP,
        cat.tr("chart-buyer-axis"),
        font.clone(),
        BUYER_COLOR,
    );
    // Every possible deal, one dot per 3-pixel cell (up to 200,000 deals).
    let cloud = super::charts::one_per_cell(
        r.space.points.iter().map(|p| at(p.seller, p.buyer)),
        plot.expand(2.0),
        3.0,
    );
    for p in cloud {
        painter.circle_filled(p, 1.5, Color32::from_gray(200));
    }
    // Walk-away values.
    let dashed = Stroke::new(1.0, WARN);
    painter.extend(egui::Shape::dashed_line(
        &[at(r.space.seller_reservation, 0), at(r.space.seller_reservation, FULL)],
        dashed,
        4.0,
        3.0,
    ));
    painter.extend(egui::Shape::dashed_line(
        &[at(0, r.space.buyer_reservation), at(FULL, r.space.buyer_reservation)],
        dashed,
        4.0,
        3.0,
    ));
    let frontier: Vec<Pos2> = r.space.frontier.iter().map(|p| at(p.seller, p.buyer)).collect();
    painter.add(egui::Shape::line(frontier, Stroke::new(2.0, GOOD)));
    if let Some(n) = r.space.nash {
        let c = at(n.seller, n.buyer);
        painter.add(egui::Shape::convex_polygon(
            vec![
                c + vec2(0.0, -7.0),
                c + vec2(7.0, 0.0),
                c + vec2(0.0, 7.0),
                c + vec2(-7.0, 0.0),
            ],
            GOOD,
            Stroke::new(1.0, Color32::BLACK),
        ));
    }
    let case = view.talks.case();
    for (side, color) in [(Side::Seller, SELLER_COLOR), (Side::Buyer, BUYER_COLOR)] {
        let path: Vec<Pos2> = view
            .talks
            .offers()
            .iter()
            .filter(|o| o.by == side)
            .map(|o| at(case.seller.utility(o.bid), case.buyer.utility(o.bid)))
            .collect();
        if path.len() > 1 {
            painter.add(egui::Shape::line(path.clone(), Stroke::new(1.5, color)));
        }
        for p in path {
            painter.circle_filled(p, 3.5, color);
        }
    }
    if let (Some(s), Some(b)) = (r.seller_utility, r.buyer_utility) {
        painter.circle_stroke(at(s, b), 8.0, Stroke::new(2.5, Color32::BLACK));
    }
    ui.horizontal_wrapped(|ui| {
        for (color, key) in [
            (SELLER_COLOR, "chart-seller-offers"),
            (BUYER_COLOR, "chart-buyer-offers"),
            (GOOD, "chart-frontier"),
            (WARN, "chart-walk-away"),
        ] {
            ui.label(RichText::new(format!("■ {}", cat.tr(key))).color(color).small());
        }
        ui.label(RichText::new(cat.tr("chart-deal")).small());
    });
}
