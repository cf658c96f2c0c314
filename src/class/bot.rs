//! Headless players for a class seat (`tradeport join … --bot`), for tests, the load
//! benchmark and spare PCs. They decide from exactly what the host sends their seat.
//!
//! - `expert`: at a company's seat, the game's AI expert on the table as the PC follows it;
//!   at a counterparts' seat, a patient negotiator (Boulware: it concedes little until the
//!   deadline nears, always towards the other side's last offer, and accepts an offer worth
//!   at least its own next one).
//! - `novice`: concedes early (a conceder, most of the way in the first rounds) and accepts
//!   the first offer worth more than walking away; at a company's seat it negotiates so and
//!   does the paperwork as the expert would.
//! - Both, in a class of a C2C scenario, also buy from classmates: one bid on each
//!   classmate's auction and five stars for what arrives ([`classmate_moves`]).

use crate::class::view::NegotiationView;
use crate::sim::{Command, Session};

/// Items a bot buys from classmates at most (bought, or bid or offered on).
const MOST_BOUGHT_FROM_CLASSMATES: usize = 2;

/// A bot's moves as a buyer in a C2C class, as a collector with a small budget would: five
/// stars for every item that arrived; a counter-offer accepted; and, while it holds fewer than
/// [`MOST_BOUGHT_FROM_CLASSMATES`] items and offers, one bid a quarter over an auction's price
/// when first seen (never raised) or an offer of 85% of a fixed price that takes offers.
pub fn classmate_moves(view: &crate::class::classmates::ClassmatesView) -> Vec<Command> {
    use crate::sim::c2c::{BuyerMove, PurchaseStatus};
    let buy = |l: &crate::class::classmates::ClassmateListing, action| Command::BuyFromClassmate {
        shop: l.shop,
        listing: l.listing,
        action,
    };
    let mut moves: Vec<Command> = view
        .purchases
        .iter()
        .filter(|p| p.status == PurchaseStatus::Delivered && p.stars.is_none())
        .map(|p| Command::RateClassmate {
            purchase: p.index,
            stars: 5,
        })
        .collect();
    moves.extend(view.listings.iter().filter_map(|l| {
        let (counter, _) = l.yours.counter.as_ref()?;
        Some(buy(l, BuyerMove::Offer { amount: *counter }))
    }));
    let engaged = |l: &&crate::class::classmates::ClassmateListing| {
        l.yours.max_bid.is_some()
            || l.yours.offer_waiting.is_some()
            || l.yours.counter.is_some()
            || !l.yours.sent_today.is_empty()
    };
    let held = view.purchases.len() + view.listings.iter().filter(engaged).count();
    let fresh = view
        .listings
        .iter()
        .filter(|l| !engaged(l))
        .filter_map(|l| match &l.auction {
            Some(auction) => {
                let max = l.price_minor.saturating_add(l.price_minor / 4);
                (auction.minimum_bid <= max).then(|| buy(l, BuyerMove::Bid { max }))
            }
            None if l.offers => Some(buy(
                l,
                BuyerMove::Offer {
                    amount: l.price_minor * 85 / 100,
                },
            )),
            None => None,
        });
    moves.extend(fresh.take(MOST_BOUGHT_FROM_CLASSMATES.saturating_sub(held)));
    moves
}

/// How a bot plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    Expert,
    Novice,
}

impl Policy {
    /// `expert` or `novice`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "expert" => Some(Self::Expert),
            "novice" => Some(Self::Novice),
            _ => None,
        }
    }

    /// The concession exponent: target(t) = best − (best − walk-away)·t^(1/e).
    fn exponent(self) -> f64 {
        match self {
            Self::Expert => 0.4,
            Self::Novice => 3.0,
        }
    }
}

/// Most complete bids a bot looks through (the host's scenarios allow at most 200,000).
const MAX_BIDS: usize = 200_000;

/// The seat's move in one negotiation when it is its turn, from its own brief in the view.
pub fn negotiation_move(policy: Policy, talks: &NegotiationView) -> Option<Command> {
    if talks.to_move != Some(talks.side) {
        return None;
    }
    let task = talks.task.clone();
    let incoming = talks.offers.last().filter(|o| o.by != talks.side);
    let incoming_worth = incoming.map(|o| o.worth_to_me);
    let walk_away = talks.own_walk_away;
    if talks.offers_left == 0 {
        return Some(match incoming_worth {
            Some(w) if w >= walk_away => Command::AcceptOffer { task },
            _ => Command::WalkAway { task },
        });
    }
    if policy == Policy::Novice && incoming_worth.is_some_and(|w| w > walk_away) {
        return Some(Command::AcceptOffer { task });
    }
    let bids = all_bids(talks)?;
    let best = bids.iter().map(|(_, w)| *w).max()?;
    let made = talks.deadline_rounds.saturating_sub(talks.offers_left);
    let t = f64::from(made) / f64::from(talks.deadline_rounds.saturating_sub(1).max(1));
    let span = f64::from(best.saturating_sub(walk_away));
    let target = best.saturating_sub((span * t.min(1.0).powf(1.0 / policy.exponent())).round() as u32);
    let target = target.max(walk_away);
    // Of the bids worth the target (up to a twentieth of the range above it), the nearest to
    // the other side's last offer, option by option: it is the likeliest to be accepted.
    let band = target.saturating_add((span / 20.0).round() as u32);
    let near = |options: &[usize]| {
        incoming.map_or(0, |o| {
            o.options
                .iter()
                .zip(options)
                .map(|(a, b)| a.abs_diff(*b))
                .sum::<usize>()
        })
    };
    let lowest_above = bids.iter().filter(|(_, w)| *w >= target).map(|(_, w)| *w).min()?;
    let (options, worth) = bids
        .into_iter()
        .filter(|(_, w)| *w >= target && *w <= band.max(lowest_above))
        .min_by_key(|(options, w)| (near(options), std::cmp::Reverse(*w)))?;
    if incoming_worth.is_some_and(|w| w >= worth) {
        return Some(Command::AcceptOffer { task });
    }
    Some(Command::MakeOffer {
        task,
        options,
        note: match policy {
            Policy::Expert => "Thank you for your offer. We can meet you on the terms below.".to_string(),
            Policy::Novice => "OK, how about this?".to_string(),
        },
    })
}

/// Every bid with its worth to the seat; `None` for a view with more bids than a scenario
/// may have.
fn all_bids(talks: &NegotiationView) -> Option<Vec<(Vec<usize>, u32)>> {
    let sizes: Vec<usize> = talks.issues.iter().map(|i| i.options.len()).collect();
    let count = sizes.iter().try_fold(1usize, |n, s| n.checked_mul(*s))?;
    if count > MAX_BIDS || sizes.is_empty() {
        return None;
    }
    let mut bids = Vec::with_capacity(count);
    let mut options = vec![0usize; sizes.len()];
    for _ in 0..count {
        if let Some(w) = talks.worth(&options) {
            bids.push((options.clone(), w));
        }
        for (i, size) in sizes.iter().enumerate() {
            options[i] += 1;
            if options[i] < *size {
                break;
            }
            options[i] = 0;
        }
    }
    Some(bids)
}

/// The company's moves for today at a table the PC follows (`table`, rebuilt from the host's
/// log): the expert's; a novice negotiates its own way and leaves the rest to the expert.
pub fn company_moves(policy: Policy, table: Session, seat: &str) -> Vec<Command> {
    if policy == Policy::Novice
        && let Some(view) = crate::class::view::seat_view(&table, seat)
    {
        let talks: Vec<Command> = view
            .negotiations
            .iter()
            .filter_map(|n| negotiation_move(policy, n))
            .collect();
        if !talks.is_empty() {
            return talks;
        }
        return crate::sim::expert::moves_for_today(table)
            .into_iter()
            .filter(|c| {
                !matches!(
                    c,
                    Command::MakeOffer { .. } | Command::AcceptOffer { .. } | Command::WalkAway { .. }
                )
            })
            .collect();
    }
    crate::sim::expert::moves_for_today(table)
}

/// A bot at one seat, fed with what the host sends and asked for its next command. It sends
/// one command at a time and waits for the host's answer (the seat's new view, or a refusal)
/// before deciding again; it ends each day once, when it has nothing left to do.
#[derive(Debug)]
pub struct SeatPlayer {
    policy: Policy,
    seat: String,
    /// The table, for a company's seat.
    mirror: Option<crate::class::mirror::Mirror>,
    view: Option<crate::class::view::SeatView>,
    awaiting: Option<Command>,
    /// Commands sent today, taken or refused: not sent again today (the expert works today's
    /// moves out afresh from the table after each one, and some — a cost sheet before a
    /// listing — it would give again every time).
    tried: Vec<Command>,
    tried_day: u32,
    ended_day: Option<u32>,
}

impl SeatPlayer {
    pub fn new(policy: Policy, seat: &str, mirror: Option<crate::class::mirror::Mirror>) -> Self {
        Self {
            policy,
            seat: seat.to_string(),
            mirror,
            view: None,
            awaiting: None,
            tried: Vec::new(),
            tried_day: 0,
            ended_day: None,
        }
    }

    /// Follows the table from its start (a company's seat, once the host sends its log).
    pub fn follow(&mut self, mirror: crate::class::mirror::Mirror) {
        self.mirror = Some(mirror);
    }

    /// Commands given at the table (company's seat only).
    ///
    /// # Errors
    /// As [`crate::class::mirror::Mirror::extend`].
    pub fn on_log(&mut self, from: usize, entries: &[(String, Command)]) -> Result<(), String> {
        match self.mirror.as_mut() {
            Some(mirror) => mirror.extend(from, entries),
            None => Err("this seat does not follow a table".to_string()),
        }
    }

    /// The seat's view after a change at the table: the last command, if any, was taken.
    pub fn on_view(&mut self, view: crate::class::view::SeatView) {
        self.view = Some(view);
        if let Some(command) = self.awaiting.take() {
            self.tried.push(command);
        }
    }

    /// The host refused the last command.
    pub fn on_refused(&mut self) {
        if let Some(command) = self.awaiting.take() {
            self.tried.push(command);
        }
    }

    /// Whether the scenario is over at this seat's table.
    pub fn is_finished(&self) -> bool {
        self.view.as_ref().is_some_and(|v| v.finished)
    }

    /// The next command to send, or `None` while waiting for the host or with nothing to do.
    pub fn next_command(&mut self) -> Option<Command> {
        if self.awaiting.is_some() {
            return None;
        }
        let view = self.view.as_ref()?;
        if view.finished {
            return None;
        }
        let day = view.day;
        if day != self.tried_day {
            self.tried.clear();
            self.tried_day = day;
        }
        let moves: Vec<Command> = match &self.mirror {
            Some(mirror) => match mirror.session() {
                Ok(session) if session.day() == day => company_moves(self.policy, session, &self.seat),
                // The table's log and the view disagree: wait for the host's next message.
                _ => return None,
            },
            None => view
                .negotiations
                .iter()
                .filter_map(|n| negotiation_move(self.policy, n))
                .collect(),
        };
        // In a C2C class it also buys from classmates, as a collector would.
        let buying = view.classmates.as_ref().map(classmate_moves).unwrap_or_default();
        let next = moves
            .into_iter()
            .chain(buying)
            .find(|m| !self.tried.contains(m))
            .or_else(|| {
                (self.ended_day != Some(day)).then(|| {
                    self.ended_day = Some(day);
                    Command::EndDay
                })
            })?;
        self.awaiting = Some(next.clone());
        Some(next)
    }
}
