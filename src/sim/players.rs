//! The AI players `simulate` plays a scenario with, besides the expert: a novice and a random
//! player. Both follow the expert's plan, because it knows which screen does what, and depart
//! from it the way such players do, through the same commands a student gives:
//!
//! - a **novice** accepts the first offer it can live with (worth its walk-away, whatever the
//!   rubric asks of the contract, as the classroom's novice bot does), forgets one step in
//!   six on the day (the expert's plan brings it back the next day), and gets one field of
//!   every other form wrong (a value swapped with another field's, a number halved, doubled
//!   or off by one, a text cut short or left empty, a choice flipped);
//! - a **random** player clicks through: a random bid or an acceptance in negotiations, half
//!   of the steps forgotten on the day, and three to six fields of every form wrong.
//!
//! The players' own draws come from a stream of their own, seeded from the run's seed, so
//! the session's stream (the market, the counterparts) is the one a student would meet.

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde_json::Value;

use crate::sim::session::Command;

/// Who plays a simulated run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Player {
    Expert,
    Novice,
    Random,
}

impl Player {
    pub const ALL: [Player; 3] = [Player::Expert, Player::Novice, Player::Random];

    /// `expert`, `novice` or `random`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim() {
            "expert" => Some(Self::Expert),
            "novice" => Some(Self::Novice),
            "random" => Some(Self::Random),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Expert => "expert",
            Self::Novice => "novice",
            Self::Random => "random",
        }
    }
}

/// Fields that name what a command acts on: a slip never changes them (a student picks the
/// task or the order on screen; the mistakes are in what they fill in).
const NAMING_FIELDS: [&str; 12] = [
    "task",
    "market",
    "sku",
    "order",
    "offer",
    "question",
    "shop",
    "listing",
    "influencer",
    "purchase",
    "id",
    "currency",
];

/// A novice's or a random player's departures from the expert's plan.
#[derive(Debug)]
pub struct Slips {
    player: Player,
    rng: ChaCha8Rng,
}

/// How a non-expert player moves in a negotiation when it is their turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TalksMove {
    /// As the expert would.
    AsExpert,
    Accept,
    /// The bid with this index in the domain's list of all bids.
    Offer(usize),
    WalkAway,
}

impl Slips {
    /// The slips of `player` (none for the expert) in the run of `seed`.
    pub fn of(player: Player, seed: u64) -> Option<Self> {
        (player != Player::Expert).then(|| Self {
            player,
            // Not the session's stream: a fixed offset keeps the two apart.
            rng: ChaCha8Rng::seed_from_u64(seed ^ 0x005e_ed0f_9a7e_u64),
        })
    }

    /// The player's move in a negotiation on their turn: `on_table` is the worth to them of
    /// the offer on the table (if any), `walk_away` their reservation value, `bids` how many
    /// bids the domain has, `offers_left` how many offers they may still make.
    pub fn talks_move(&mut self, on_table: Option<u32>, walk_away: u32, bids: usize, offers_left: u32) -> TalksMove {
        match self.player {
            Player::Expert => TalksMove::AsExpert,
            Player::Novice => {
                if on_table.is_some_and(|w| w >= walk_away) {
                    TalksMove::Accept
                } else {
                    TalksMove::AsExpert
                }
            }
            Player::Random => {
                if on_table.is_some() && (offers_left == 0 || self.rng.random_ratio(1, 3)) {
                    TalksMove::Accept
                } else if offers_left == 0 || bids == 0 {
                    TalksMove::WalkAway
                } else {
                    TalksMove::Offer(self.rng.random_range(0..bids))
                }
            }
        }
    }

    /// The command the player gives where the expert would give `command`: the same, one
    /// with slips in it, or none (forgotten today).
    pub fn adjust(&mut self, command: Command) -> Option<Command> {
        if matches!(
            command,
            Command::MakeOffer { .. } | Command::AcceptOffer { .. } | Command::WalkAway { .. }
        ) {
            return Some(command);
        }
        let (forget_one_in, most_slips): (u32, u32) = match self.player {
            Player::Expert => return Some(command),
            Player::Novice => (6, 1),
            Player::Random => (2, 6),
        };
        if self.rng.random_ratio(1, forget_one_in) {
            return None;
        }
        let mut value = serde_json::to_value(&command).ok()?;
        let mut leaves = Vec::new();
        collect_leaves(&value, String::new(), false, &mut leaves);
        if leaves.is_empty() {
            return Some(command);
        }
        let strings: Vec<String> = leaves
            .iter()
            .filter_map(|p| value.pointer(p).and_then(Value::as_str).map(str::to_string))
            .collect();
        let slips = self.rng.random_range(most_slips.div_ceil(2)..=most_slips);
        for _ in 0..slips {
            let at = &leaves[self.rng.random_range(0..leaves.len())];
            let other = (!strings.is_empty()).then(|| strings[self.rng.random_range(0..strings.len())].clone());
            let choice = self.rng.random_range(0..4u32);
            if let Some(leaf) = value.pointer_mut(at) {
                *leaf = slipped(leaf, choice, other);
            }
        }
        // A slip the game cannot read (a text where a number goes) is a form the student
        // could not submit: the same as forgetting it today.
        serde_json::from_value(value).ok()
    }
}

/// The JSON pointers of every leaf (string, number, boolean, null) of a command, outside the
/// fields that name what it acts on.
fn collect_leaves(value: &Value, at: String, named: bool, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let naming = named || NAMING_FIELDS.contains(&key.as_str());
                collect_leaves(
                    v,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    naming,
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_leaves(v, format!("{at}/{i}"), named, out);
            }
        }
        _ if !named => out.push(at),
        _ => {}
    }
}

/// One slip in a leaf: `choice` (0–3) picks which.
fn slipped(leaf: &Value, choice: u32, other_text: Option<String>) -> Value {
    match leaf {
        Value::Bool(b) => Value::Bool(!b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Value::from(match choice {
                    0 => u / 2,
                    1 => u.saturating_mul(2),
                    2 => u.saturating_add(1),
                    _ => u.saturating_sub(1),
                })
            } else if let Some(i) = n.as_i64() {
                Value::from(match choice {
                    0 => i / 2,
                    1 => i.saturating_mul(2),
                    2 => i.saturating_add(1),
                    _ => i.saturating_sub(1),
                })
            } else {
                leaf.clone()
            }
        }
        Value::String(s) => match (choice, other_text) {
            (0 | 1, Some(other)) if other != *s => Value::String(other),
            (2, _) => Value::String(String::new()),
            _ => Value::String(s.chars().take(s.chars().count() / 2).collect()),
        },
        Value::Null => Value::Null,
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expert_has_no_slips_and_names_are_never_changed() {
        assert!(Slips::of(Player::Expert, 1).is_none());
        let mut slips = Slips::of(Player::Random, 7).unwrap_or_else(|| unreachable!());
        for _ in 0..200 {
            if let Some(Command::GuessStrategy { task, .. }) = slips.adjust(Command::GuessStrategy {
                task: "deal".to_string(),
                guess: crate::sim::terms::ConcessionStrategy::Boulware,
            }) {
                assert_eq!(task, "deal");
            }
        }
    }

    #[test]
    fn a_slip_changes_a_number_in_a_form() {
        let mut slips = Slips::of(Player::Novice, 3).unwrap_or_else(|| unreachable!());
        let original = Command::EstimatePurchase {
            market: "us".to_string(),
            estimate: 10_000,
        };
        let mut changed = 0;
        for _ in 0..60 {
            if let Some(c) = slips.adjust(original.clone()) {
                if c != original {
                    changed += 1;
                }
                let Command::EstimatePurchase { market, .. } = c else {
                    unreachable!()
                };
                assert_eq!(market, "us");
            }
        }
        assert!(changed > 30, "{changed}");
    }
}
