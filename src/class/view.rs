//! What the host sends one seat: only what that seat may see. The company's seat sees its
//! company (cash, reputation, inbox subjects) and its side of each negotiation; the
//! counterparts' seat sees only its side of the negotiations. Each side's utilities and
//! walk-away value are computed from its own preferences; the other side's never leave the
//! host.

use serde::{Deserialize, Serialize};

use crate::sim::Session;
use crate::sim::negotiation::Side;
use crate::sim::terms::{SeatPlays, Text};

/// One seat's view of its table, as sent over the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatView {
    pub seat: String,
    pub day: u32,
    pub finished: bool,
    /// The company's state: only for the company's seat.
    pub company: Option<CompanyView>,
    pub negotiations: Vec<NegotiationView>,
}

/// The company's cash and standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyView {
    /// Cash by currency, formatted (`"50,000.00 CNY"`).
    pub cash: Vec<String>,
    pub reputation: u32,
    /// The inbox's subjects, oldest first, with whether each was read.
    pub inbox: Vec<(Text, bool)>,
}

/// One negotiation from one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NegotiationView {
    pub task: String,
    /// The side this seat plays.
    pub side: Side,
    /// Whose move it is, or `None` once the talks are over.
    pub to_move: Option<Side>,
    /// Every offer so far: who made it, the options chosen per issue, the note, and what it
    /// is worth to this seat's side (micro-utility, 1,000,000 = best).
    pub offers: Vec<OfferView>,
    /// What no deal is worth to this seat's side.
    pub own_walk_away: u32,
    /// Offers this seat's side may still make before the deadline.
    pub offers_left: u32,
}

/// One offer as a seat sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferView {
    pub by: Side,
    pub options: Vec<usize>,
    pub note: String,
    pub worth_to_me: u32,
}

/// What `seat` may see of `session`; `None` for a seat the scenario does not have.
pub fn seat_view(session: &Session, seat: &str) -> Option<SeatView> {
    let plays = session.scenario().seats().iter().find(|s| s.id == seat)?.plays;
    let world = session.world();
    let company = (plays == SeatPlays::Company).then(|| CompanyView {
        cash: world.cash_money().iter().map(|m| m.format()).collect(),
        reputation: world.reputation(),
        inbox: world.inbox().iter().map(|m| (m.subject.clone(), m.read)).collect(),
    });
    let negotiations = session
        .scenario()
        .tasks()
        .iter()
        .filter_map(|task| {
            let talks = session.talks_desk().talks(&task.id)?;
            let case = talks.case();
            let side = match plays {
                SeatPlays::Company => case.student_side,
                SeatPlays::Counterparts => case.student_side.other(),
            };
            let mine = case.preferences(side);
            let issues = case.domain.issues().len();
            Some(NegotiationView {
                task: task.id.clone(),
                side,
                to_move: talks.to_move(),
                offers: talks
                    .offers()
                    .iter()
                    .map(|o| OfferView {
                        by: o.by,
                        options: (0..issues).map(|i| o.bid.option(i)).collect(),
                        note: o.note.clone(),
                        worth_to_me: mine.utility(o.bid),
                    })
                    .collect(),
                own_walk_away: mine.reservation(),
                offers_left: talks.offers_left(side),
            })
        })
        .collect();
    Some(SeatView {
        seat: seat.to_string(),
        day: session.day(),
        finished: session.is_finished(),
        company,
        negotiations,
    })
}
