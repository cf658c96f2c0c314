//! The classmates' shops in a class of a C2C scenario, under the class banner: every other
//! student's open listings as a buyer sees them on the site, a form to bid, buy, make an offer
//! (or answer a counter-offer) and ask a question, and what this student bought, to rate once
//! it arrives. Moves go to the seller's shop when the class's day ends.

use egui::RichText;

use super::Action;
use super::c2c::hint;
use super::c2c::parse_amount;
use super::pick;
use super::questions::topic_label;
use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use crate::class::classmates::{ClassmateListing, ClassmatesView, PurchaseRow};
use crate::i18n::{Arg, Catalogue};
use crate::sim::c2c::questions::grade_name;
use crate::sim::c2c::{BuyerMove, PurchaseStatus};
use crate::sim::money::format_minor;
use crate::sim::terms::QuestionTopic;
use crate::sim::{Command, Scenario};

const TOPICS: [QuestionTopic; 4] = [
    QuestionTopic::Size,
    QuestionTopic::Condition,
    QuestionTopic::ShippingTime,
    QuestionTopic::ImportCharges,
];

/// The buyer's form: the listing chosen, the amount typed, the question's topics and note.
#[derive(Debug, Clone, Default)]
pub struct ClassmatesDraft {
    pub chosen: Option<(u32, u32)>,
    pub amount: String,
    pub topics: [bool; 4],
    pub note: String,
    /// Why the last amount was not taken.
    pub problem: Option<String>,
}

fn buy(listing: &ClassmateListing, action: BuyerMove) -> Action {
    Action::Marketplace(Box::new(Command::BuyFromClassmate {
        shop: listing.shop,
        listing: listing.listing,
        action,
    }))
}

/// Names from the scenario the PC follows (the view carries ids to stay small): a product's
/// name, its faults, a postage service; the id itself when there is no scenario or no match.
#[derive(Clone, Copy)]
struct Names<'a> {
    scenario: Option<&'a Scenario>,
    language: crate::i18n::Language,
}

impl<'a> Names<'a> {
    fn new(scenario: Option<&'a Scenario>, cat: &Catalogue) -> Self {
        Self {
            scenario,
            language: cat.language(),
        }
    }
    fn item(&self, sku: &str) -> String {
        self.scenario
            .and_then(|s| s.product(sku))
            .map_or_else(|| sku.to_string(), |p| pick(&p.name, self.language).to_string())
    }
    fn fault(&self, sku: &str, index: usize) -> String {
        self.scenario
            .and_then(|s| s.product(sku))
            .and_then(|p| p.condition.as_ref())
            .and_then(|(_, faults)| faults.get(index))
            .map_or_else(
                || format!("#{}", index.saturating_add(1)),
                |f| pick(f, self.language).to_string(),
            )
    }
    fn postage(&self, market: &str, id: &str) -> String {
        self.scenario
            .and_then(|s| s.markets().iter().find(|m| m.id == market))
            .and_then(|m| m.auction_site.as_ref())
            .and_then(|site| site.postage(id))
            .map_or_else(|| id.to_string(), |p| pick(&p.name, self.language).to_string())
    }
}

/// The classmates' section of the banner, folded by default.
pub fn banner_section(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    scenario: Option<&Scenario>,
    view: &ClassmatesView,
    draft: &mut ClassmatesDraft,
) -> Option<Action> {
    let mut action = None;
    let title = cat.tr_args(
        "cm-title",
        &[
            ("listings", Arg::from(view.listings.len())),
            ("bought", Arg::from(view.purchases.len())),
        ],
    );
    egui::CollapsingHeader::new(RichText::new(title).color(ACCENT))
        .id_salt("class-classmates")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("class-classmates-scroll")
                .max_height(330.0)
                .show(ui, |ui| {
                    action = draw(ui, cat, scenario, view, draft);
                });
        });
    action
}

/// The listings, the form for the chosen one, and the purchases.
pub fn draw(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    scenario: Option<&Scenario>,
    view: &ClassmatesView,
    draft: &mut ClassmatesDraft,
) -> Option<Action> {
    let names = Names::new(scenario, cat);
    let language = cat.language();
    let mut action = None;
    hint(ui, cat.tr("cm-hint"));
    if view.listings.is_empty() {
        ui.label(RichText::new(cat.tr("cm-none")).color(MUTED));
    } else {
        egui::Grid::new("class-classmates-listings")
            .striped(true)
            .spacing([10.0, 3.0])
            .show(ui, |ui| {
                // "Choose" first: the column never moves when "You" grows.
                for key in [
                    "",
                    "cm-col-seller",
                    "cm-col-item",
                    "cm-col-condition",
                    "cm-col-price",
                    "cm-col-sale",
                    "cm-col-yours",
                ] {
                    ui.label(RichText::new(if key.is_empty() { String::new() } else { cat.tr(key) }).strong());
                }
                ui.end_row();
                for l in &view.listings {
                    let chosen = draft.chosen == Some((l.shop, l.listing));
                    if ui.selectable_label(chosen, cat.tr("cm-choose")).clicked() {
                        draft.chosen = if chosen { None } else { Some((l.shop, l.listing)) };
                        draft.amount.clear();
                        draft.problem = None;
                    }
                    ui.label(&l.seller);
                    ui.label(names.item(&l.sku));
                    ui.label(pick(&grade_name(l.claimed_grade), language));
                    ui.label(RichText::new(&l.price).monospace());
                    ui.label(sale_line(cat, l));
                    ui.label(yours_line(cat, l));
                    ui.end_row();
                }
            });
    }
    let chosen = draft
        .chosen
        .and_then(|(s, l)| view.listings.iter().find(|x| x.shop == s && x.listing == l));
    if let Some(listing) = chosen {
        ui.add_space(6.0);
        if let Some(a) = buyer_form(ui, cat, names, listing, draft) {
            action = Some(a);
        }
    }
    if let Some(a) = purchases(ui, cat, scenario, &view.purchases, true) {
        action = Some(a);
    }
    action
}

/// What the student bought from classmates (nothing drawn when nothing was bought), with
/// stars to give when `can_rate` and an item has arrived unrated.
pub fn purchases(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    scenario: Option<&Scenario>,
    rows: &[PurchaseRow],
    can_rate: bool,
) -> Option<Action> {
    let names = Names::new(scenario, cat);
    let mut action = None;
    if rows.is_empty() {
        return None;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(cat.tr("cm-purchases")).strong());
    for p in rows {
        if let Some(a) = purchase_line(ui, cat, names, p, can_rate) {
            action = Some(a);
        }
    }
    action
}

/// "Auction · 3 bids · ends day 4, 20:00" or "Fixed price · offers taken".
fn sale_line(cat: &Catalogue, l: &ClassmateListing) -> String {
    match &l.auction {
        Some(a) => cat.tr_args(
            "cm-auction",
            &[
                ("bids", Arg::from(a.bids)),
                ("day", Arg::from(a.ends_day)),
                (
                    "time",
                    Arg::from(format!("{:02}:{:02}", a.ends_minute / 60, a.ends_minute % 60)),
                ),
            ],
        ),
        None => cat.tr(if l.offers { "cm-fixed-offers" } else { "cm-fixed" }),
    }
}

/// Where this student stands on a listing, in a few words.
fn yours_line(cat: &Catalogue, l: &ClassmateListing) -> RichText {
    let y = &l.yours;
    if !y.sent_today.is_empty() {
        let sent: Vec<String> = y.sent_today.iter().map(|m| sent_move(cat, m, l.exponent)).collect();
        return RichText::new(cat.tr_args("cm-sent-today", &[("moves", Arg::from(sent.join(" · ")))])).color(ACCENT);
    }
    if let Some((_, counter)) = &y.counter {
        return RichText::new(cat.tr_args("cm-counter-waiting", &[("price", Arg::from(counter.as_str()))])).color(WARN);
    }
    if let Some(offer) = &y.offer_waiting {
        return RichText::new(cat.tr_args("cm-offer-waiting", &[("price", Arg::from(offer.as_str()))])).color(MUTED);
    }
    if let Some(max) = &y.max_bid {
        let key = if y.leading { "cm-leading" } else { "cm-outbid" };
        return RichText::new(cat.tr_args(key, &[("max", Arg::from(max.as_str()))])).color(if y.leading {
            GOOD
        } else {
            BAD
        });
    }
    RichText::new("—").color(MUTED)
}

/// The chosen listing: what the seller tells, and the moves a buyer has.
fn buyer_form(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    names: Names,
    l: &ClassmateListing,
    draft: &mut ClassmatesDraft,
) -> Option<Action> {
    let language = cat.language();
    let mut action = None;
    ui.label(RichText::new(format!("{} — {}", l.seller, names.item(&l.sku))).strong());
    let faults = if l.faults_told.is_empty() {
        cat.tr("cm-no-faults-told")
    } else {
        l.faults_told
            .iter()
            .map(|f| names.fault(&l.sku, *f))
            .collect::<Vec<_>>()
            .join("; ")
    };
    hint(ui, cat.tr_args("cm-faults", &[("faults", Arg::from(faults))]));
    hint(
        ui,
        cat.tr_args(
            "cm-postage",
            &[
                ("postage", Arg::from(names.postage(&l.market, &l.postage))),
                ("days", Arg::from(l.handling_days)),
            ],
        ),
    );
    hint(
        ui,
        cat.tr(match (l.duty_paid, l.states_import_charges) {
            (true, _) => "cm-duty-paid",
            (false, true) => "cm-charges-stated",
            (false, false) => "cm-charges-not-stated",
        }),
    );
    ui.horizontal(|ui| {
        let label = ui.label(cat.tr("cm-amount"));
        ui.add(egui::TextEdit::singleline(&mut draft.amount).desired_width(90.0))
            .labelled_by(label.id);
        let amount = parse_amount(&draft.amount, l.exponent).filter(|a| *a > 0);
        let mut with_amount = |make: fn(i64) -> BuyerMove| match amount {
            Some(a) => {
                draft.problem = None;
                draft.amount.clear();
                Some(buy(l, make(a)))
            }
            None => {
                draft.problem = Some(cat.tr("cm-amount-problem"));
                None
            }
        };
        if let Some(auction) = &l.auction {
            if ui.button(cat.tr("cm-bid")).clicked() {
                action = with_amount(|max| BuyerMove::Bid { max });
            }
            if let Some(bin) = &auction.buy_it_now
                && ui
                    .button(cat.tr_args("cm-buy-now-at", &[("price", Arg::from(bin.as_str()))]))
                    .clicked()
            {
                action = Some(buy(l, BuyerMove::BuyNow));
            }
        } else {
            if l.offers && ui.button(cat.tr("cm-offer")).clicked() {
                action = with_amount(|amount| BuyerMove::Offer { amount });
            }
            if ui
                .button(cat.tr_args("cm-buy-now-at", &[("price", Arg::from(l.price.as_str()))]))
                .clicked()
            {
                action = Some(buy(l, BuyerMove::BuyNow));
            }
        }
        if let Some((counter, shown)) = &l.yours.counter
            && ui
                .button(cat.tr_args("cm-accept-counter", &[("price", Arg::from(shown.as_str()))]))
                .clicked()
        {
            action = Some(buy(l, BuyerMove::Offer { amount: *counter }));
        }
    });
    if let Some(a) = &l.auction {
        hint(
            ui,
            cat.tr_args(
                "cm-minimum-bid",
                &[("minimum", Arg::from(format_minor(a.minimum_bid, l.exponent)))],
            ),
        );
    }
    if let Some(problem) = &draft.problem {
        ui.label(RichText::new(problem).color(BAD));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(cat.tr("cm-ask"));
        for (i, topic) in TOPICS.iter().enumerate() {
            ui.checkbox(&mut draft.topics[i], topic_label(cat, *topic));
        }
    });
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut draft.note)
                .hint_text(cat.tr("cm-note-hint"))
                .char_limit(crate::sim::c2c::shop::MAX_QUESTION_NOTE_CHARS)
                .desired_width(320.0),
        );
        let topics: Vec<QuestionTopic> = TOPICS
            .iter()
            .zip(draft.topics)
            .filter(|(_, on)| *on)
            .map(|(t, _)| *t)
            .collect();
        if ui
            .add_enabled(!topics.is_empty(), egui::Button::new(cat.tr("cm-send-question")))
            .clicked()
        {
            action = Some(buy(
                l,
                BuyerMove::Ask {
                    topics,
                    note: std::mem::take(&mut draft.note),
                },
            ));
            draft.topics = [false; 4];
        }
    });
    for answer in &l.yours.answers {
        match answer {
            None => hint(ui, cat.tr("cm-answer-waiting")),
            Some(said) => {
                // A statement names its topic itself ("Condition: …"); a topic left out is named here.
                for (topic, statement) in said {
                    let text = statement.as_ref().map_or_else(
                        || format!("{}: {}", topic_label(cat, *topic), cat.tr("cm-answer-left-out")),
                        |s| pick(s, language).to_string(),
                    );
                    ui.label(text);
                }
            }
        }
    }
    action
}

/// A move sent today, in a few words ("bid up to 260.00").
fn sent_move(cat: &Catalogue, action: &BuyerMove, exponent: u32) -> String {
    match action {
        BuyerMove::Bid { max } => cat.tr_args("cm-sent-bid", &[("max", Arg::from(format_minor(*max, exponent)))]),
        BuyerMove::BuyNow => cat.tr("cm-sent-buy-now"),
        BuyerMove::Offer { amount } => cat.tr_args(
            "cm-sent-offer",
            &[("amount", Arg::from(format_minor(*amount, exponent)))],
        ),
        BuyerMove::Ask { .. } => cat.tr("cm-sent-question"),
    }
}

/// One purchase: where it is, and stars to give once it has arrived.
fn purchase_line(ui: &mut egui::Ui, cat: &Catalogue, names: Names, p: &PurchaseRow, can_rate: bool) -> Option<Action> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} · {} · {}", p.seller, names.item(&p.sku), p.price));
        let status = match p.status {
            PurchaseStatus::AwaitingPost => cat.tr("cm-status-awaiting"),
            PurchaseStatus::InTransit => cat.tr_args("cm-status-transit", &[("day", Arg::from(p.deliver_day))]),
            PurchaseStatus::Delivered => cat.tr("cm-status-delivered"),
            PurchaseStatus::Lost => cat.tr("cm-status-lost"),
            PurchaseStatus::Cancelled => cat.tr("cm-status-cancelled"),
        };
        ui.label(RichText::new(status).color(MUTED));
        match (p.status, p.stars) {
            (_, Some(stars)) => {
                ui.label(cat.tr_args("cm-rated", &[("stars", Arg::from(u32::from(stars)))]));
            }
            (PurchaseStatus::Delivered, None) if can_rate => {
                ui.label(cat.tr("cm-rate"));
                for stars in 1..=5u8 {
                    if ui.small_button(stars.to_string()).clicked() {
                        action = Some(Action::Marketplace(Box::new(Command::RateClassmate {
                            purchase: p.index,
                            stars,
                        })));
                    }
                }
            }
            _ => {}
        }
    });
    action
}
