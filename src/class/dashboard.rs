//! What the instructor's dashboard shows: every student's seat, day, cash, points so far and
//! last action, and every table's deal as (seller's, buyer's) utility for one Pareto chart.

use serde::{Deserialize, Serialize};

use super::{Class, StudentId};
use crate::sim::negotiation::{Side, TalksEnding};
use crate::sim::said::{Fact, Said};
use crate::sim::{Command, Report, Session};

/// One student's line on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentRow {
    pub student: StudentId,
    pub name: String,
    pub number: String,
    pub table: usize,
    pub seat: String,
    /// The table's day (0 before the class starts).
    pub day: u32,
    /// The company's cash in the home currency, formatted, for a company's seat.
    pub cash: Option<String>,
    /// Points earned so far of the rubric's total, for a company's seat.
    pub points: Option<(u32, u32)>,
    /// The last command given from this seat, by name (`"MakeOffer"`), if any.
    pub last_action: Option<String>,
    /// The same command in words, for the instructor's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_said: Option<Said>,
    /// Whether the student has ended today and waits for the others.
    pub ready: bool,
    /// Whether the AI holds the seat while the student's PC is away.
    #[serde(default)]
    pub held_by_ai: bool,
}

/// One table's agreed deal, as the two sides value it (micro-utility).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealPoint {
    pub table: usize,
    pub seller: u32,
    pub buyer: u32,
}

/// One line of the live feed: a command given at a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedLine {
    pub table: usize,
    /// The command's place in its table's log (0 first).
    pub index: usize,
    pub seat: String,
    /// What was done, for the instructor's language: an offer with its terms, an acceptance, a
    /// walk-out, or the command's name.
    pub what: Said,
}

/// A command's name, as the log writes it.
pub fn command_name(command: &Command) -> String {
    let text = ron::to_string(command).unwrap_or_default();
    text.split(['(', ' '])
        .next()
        .unwrap_or_default()
        .chars()
        .take(40)
        .collect()
}

impl Class {
    /// Every student's line, in join order.
    pub fn dashboard(&self) -> Vec<StudentRow> {
        self.present()
            .map(|s| {
                let session = self.tables.get(s.table).and_then(|t| t.session.as_ref());
                let company = self.is_company_seat(&s.seat);
                let report = session.filter(|_| company).map(Report::of);
                let last_command = session.and_then(|session| {
                    session
                        .command_seats()
                        .iter()
                        .zip(session.commands())
                        .rev()
                        .find(|(seat, _)| **seat == s.seat)
                        .map(|(_, command)| (session, command))
                });
                let last_action = last_command.map(|(_, command)| command_name(command));
                let last_said = last_command.map(|(session, command)| describe(Some(session), command));
                StudentRow {
                    student: s.id,
                    name: s.name.clone(),
                    number: s.number.clone(),
                    table: s.table,
                    seat: s.seat.clone(),
                    day: session.map_or(0, |session| session.day()),
                    cash: session
                        .filter(|_| company)
                        .map(|session| session.world().net_cash_in_home().format()),
                    points: report.map(|r| (r.total_earned, r.total_possible)),
                    last_action,
                    last_said,
                    ready: self.ready.contains(&s.id),
                    held_by_ai: self.is_held_by_ai(s.id),
                }
            })
            .collect()
    }

    /// The latest `per_table` commands of each table, newest first within a table, tables in
    /// order: the offers, acceptances and walk-outs the instructor watches.
    pub fn feed(&self, per_table: usize) -> Vec<FeedLine> {
        let mut lines = Vec::new();
        for (table, t) in self.tables.iter().enumerate() {
            let Some(session) = t.session.as_ref() else { continue };
            let log = self.table_log(table, 0);
            let first = log.len().saturating_sub(per_table);
            for (index, (seat, command)) in log.into_iter().enumerate().skip(first).rev() {
                lines.push(FeedLine {
                    table,
                    index,
                    seat,
                    what: describe(Some(session), &command),
                });
            }
        }
        lines
    }

    /// The outcome space of the class's first negotiation (every table shares the scenario,
    /// so one frontier serves the whole class's chart); `None` before the start or without
    /// a negotiation.
    pub fn deal_space(&self) -> Option<std::sync::Arc<crate::sim::negotiation::OutcomeSpace>> {
        let session = self.tables.iter().find_map(|t| t.session.as_ref())?;
        session
            .scenario()
            .tasks()
            .iter()
            .find_map(|task| session.talks_desk().talks(&task.id))
            .map(|talks| talks.review().space)
    }

    /// Every table's agreed deal (the first negotiation that ended in agreement), for one
    /// Pareto chart of the class.
    pub fn deals(&self) -> Vec<DealPoint> {
        self.tables
            .iter()
            .enumerate()
            .filter_map(|(table, t)| {
                let session = t.session.as_ref()?;
                session.scenario().tasks().iter().find_map(|task| {
                    let talks = session.talks_desk().talks(&task.id)?;
                    let Some(TalksEnding::Agreed { bid, .. }) = talks.ending() else {
                        return None;
                    };
                    let case = talks.case();
                    Some(DealPoint {
                        table,
                        seller: case.preferences(Side::Seller).utility(bid),
                        buyer: case.preferences(Side::Buyer).utility(bid),
                    })
                })
            })
            .collect()
    }
}

/// A command in words for the feed: offers with their terms (as the forms label them). Without
/// the session (a team's list of actions read from a report), offers and listings are named
/// without their terms.
pub fn describe(session: Option<&Session>, command: &Command) -> Said {
    let Some(session) = session else {
        return described(command);
    };
    match command {
        Command::MakeOffer { task, options, .. } => {
            let terms = session
                .talks_desk()
                .talks(task)
                .and_then(|talks| {
                    let case = talks.case();
                    let bid = case.domain.bid(options)?;
                    Some(case.domain.describe_text(bid))
                })
                .unwrap_or_else(|| crate::sim::terms::Text {
                    en: format!("{options:?}"),
                    zh: format!("{options:?}"),
                });
            Said::new("feed-offer").with("terms", Fact::Written(terms))
        }
        Command::FireEvent { event } => {
            // What the event does, as the instructor's "fire" menu says it.
            match session.scenario().random_events().iter().find(|e| &e.id == event) {
                Some(fired) => Said::new("feed-fired-effect")
                    .with("event", shown(event))
                    .with("effect", effect_said(&fired.effect)),
                None => Said::new("feed-fired").with("event", shown(event)),
            }
        }
        Command::PublishListing { market, sku, terms, .. } => {
            let money = |minor: i64| {
                session
                    .scenario()
                    .markets()
                    .iter()
                    .find(|m| &m.id == market)
                    .map_or_else(
                        || minor.to_string(),
                        |m| crate::sim::Money::new(minor, m.currency, session.scenario().exponent(m.currency)).format(),
                    )
            };
            // The shipping option by its name in the reader's language, as the form shows it.
            let shipping = session
                .store_desk()
                .store(market)
                .and_then(|s| s.storefront.shipping.iter().find(|o| o.id == terms.shipping))
                .map_or_else(|| Fact::Text(terms.shipping.clone()), |o| Fact::Written(o.name.clone()));
            Said::new("feed-listed")
                .with("sku", shown(sku))
                .with("price", money(terms.price))
                .with("bid", money(terms.bid))
                .with("units", terms.add_stock)
                .with("shipping", shipping)
        }
        Command::MarketDay(results) if results.is_empty() => Said::new("feed-class-day-ended"),
        Command::MarketDay(results) => {
            let store = |market: &str| session.store_desk().store(market).map_or(0, |s| s.competitor_count());
            let orders: u32 = results
                .iter()
                .map(|r| {
                    let rivals = store(&r.market);
                    r.stats
                        .listings
                        .iter()
                        .skip(rivals)
                        .map(|l| l.all_orders())
                        .sum::<u32>()
                })
                .sum();
            Said::new("feed-market-day").with("orders", orders)
        }
        other => described(other),
    }
}

/// A command in words, for the commands whose words need no session.
fn described(command: &Command) -> Said {
    match command {
        Command::MakeOffer { .. } => Said::new("feed-offer-made"),
        Command::PublishListing { sku, .. } => Said::new("feed-listed-sku").with("sku", shown(sku)),
        Command::MarketDay(_) => Said::new("feed-class-day-ended"),
        Command::FireEvent { event } => Said::new("feed-fired").with("event", shown(event)),
        Command::AcceptOffer { .. } => Said::new("feed-accepted"),
        Command::WalkAway { .. } => Said::new("feed-walked-away"),
        Command::EndDay => Said::new("feed-ended-day"),
        Command::FinishEarly => Said::new("feed-finished-early"),
        Command::BuyFromClassmate { shop, listing, action } => {
            use crate::sim::c2c::BuyerMove;
            let key = match action {
                BuyerMove::Bid { .. } => "feed-bid",
                BuyerMove::BuyNow => "feed-buy-now",
                BuyerMove::Offer { .. } => "feed-classmate-offer",
                BuyerMove::Ask { .. } => "feed-asked",
            };
            Said::new(key)
                .with("seller", crate::sim::c2c::classmate_name(*shop))
                .with("listing", u64::from(*listing) + 1)
        }
        Command::RateClassmate { stars, .. } => Said::new("feed-rated").with("stars", u32::from(*stars)),
        Command::ClassmateTrades(trades) => Said::new("feed-trades").with("count", trades.len()),
        Command::MarkRead(_) => Said::new("feed-read-message"),
        Command::SubmitClassification { .. } => Said::new("feed-classified"),
        Command::SubmitDeclaration { task, .. } => Said::new("feed-declared").with("task", shown(task)),
        Command::StartDeal { market, sku, .. } => on_listing("feed-deal", market, sku),
        Command::StartCoupon { market, sku, .. } => on_listing("feed-coupon", market, sku),
        Command::BookInfluencer { market, sku, .. } => on_listing("feed-influencer", market, sku),
        Command::BookShipment { task, .. } => Said::new("feed-booked-shipment").with("task", shown(task)),
        Command::PresentDocuments { task, .. } => Said::new("feed-presented").with("task", shown(task)),
        Command::GuessStrategy { task, .. } => Said::new("feed-guessed").with("task", shown(task)),
        Command::ListItem { .. } => Said::new("feed-listed-item"),
        Command::ReplyToOffer { .. } => Said::new("feed-replied-offer"),
        Command::AnswerQuestion { .. } => Said::new("feed-answered"),
        Command::PostParcel { .. } => Said::new("feed-posted"),
        Command::ResolveDispute { .. } => Said::new("feed-resolved"),
        Command::EstimatePurchase { .. } => Said::new("feed-estimated"),
        Command::BidAbroad { .. } => Said::new("feed-bid-abroad"),
        Command::SubmitCostSheet { market, sku, .. } => on_listing("feed-cost-sheet", market, sku),
        Command::ReplyToLetter { task, .. } | Command::WriteLetterReply { task, .. } => {
            Said::new("feed-replied-letter").with("task", shown(task))
        }
    }
}

/// A store campaign on one product: `key` with its market and product.
fn on_listing(key: &'static str, market: &str, sku: &str) -> Said {
    Said::new(key).with("market", shown(market)).with("sku", shown(sku))
}

/// An id from a command (a save's or a classmate's) as the feed shows it: bounded, printable.
fn shown(id: &str) -> String {
    crate::escape::printable(id, 40)
}

/// What a scenario event does, in the instructor's language (the "fire" menu's words).
pub fn effect_said(effect: &crate::sim::scenario::Effect) -> Said {
    use crate::sim::scenario::Effect;
    match effect {
        Effect::ExchangeRateShock { currency, change } => {
            let sign = if change.0 < 0 { "−" } else { "+" };
            let bp = change.0.unsigned_abs();
            Said::new("dash-effect-rate")
                .with("currency", currency.as_str())
                .with("change", format!("{sign}{}.{:02} %", bp / 100, bp % 100))
        }
        Effect::Message { subject, .. } | Effect::Question { subject, .. } => {
            Said::new("dash-effect-letter").with("subject", Fact::Written(subject.clone()))
        }
        Effect::CashChange { money, reason } => Said::new("dash-effect-cash")
            .with("money", money.format())
            .with("reason", Fact::Written(reason.clone())),
        Effect::ReputationChange { delta, reason } => Said::new("dash-effect-reputation")
            .with("delta", format!("{delta:+}"))
            .with("reason", Fact::Written(reason.clone())),
    }
}
