//! Seats: who issues a command. Every command comes from a seat of the scenario (see
//! [`crate::sim::scenario::Seat`]); a seat may give a command only when the role it plays
//! would. Single player is one human seat (the company) with the counterparts played by the
//! AI; hotseat is two human seats. The class server (next) gives each student a seat.

use super::{Command, RuleError, Session};
use crate::sim::scenario::Seat;
use crate::sim::terms::SeatPlays;

/// A negotiation move's task, if `command` is one.
fn negotiation_move(command: &Command) -> Option<&str> {
    match command {
        Command::MakeOffer { task, .. } | Command::AcceptOffer { task } | Command::WalkAway { task } => Some(task),
        _ => None,
    }
}

impl Session {
    /// The seat playing `plays`.
    fn seat_playing(&self, plays: SeatPlays) -> Option<&Seat> {
        self.world.scenario.seats().iter().find(|s| s.plays == plays)
    }

    /// Whether a person plays the seat: the company always, the counterparts in hotseat.
    pub fn is_human_seat(&self, seat: &str) -> bool {
        self.world
            .scenario
            .seats()
            .iter()
            .find(|s| s.id == seat)
            .is_some_and(|s| s.plays == SeatPlays::Company || self.hotseat)
    }

    /// The seat whose turn a command is when none is named: a negotiation move belongs to the
    /// seat playing the side to move; everything else to the company's.
    pub fn acting_seat(&self, command: &Command) -> String {
        if matches!(command, Command::FireEvent { .. }) {
            return super::INSTRUCTOR_SEAT.to_string();
        }
        if matches!(command, Command::MarketDay(_) | Command::ClassmateTrades(_)) {
            return super::MARKET_SEAT.to_string();
        }
        let plays = match negotiation_move(command).and_then(|task| self.talks.talks(task)) {
            Some(talks) if talks.to_move() == Some(talks.case().student_side.other()) => SeatPlays::Counterparts,
            _ => SeatPlays::Company,
        };
        self.seat_playing(plays).map(|s| s.id.clone()).unwrap_or_default()
    }

    /// Refuses a command the seat may not give: an unknown seat, a seat the AI plays, a
    /// counterparts' seat giving anything but its own negotiation moves, or a negotiation move
    /// out of the seat's turn.
    pub(super) fn check_seat(&self, seat: &str, command: &Command) -> Result<(), RuleError> {
        // The shared market ends a store's day and does nothing else; nobody else does that.
        let market_day = matches!(command, Command::MarketDay(_) | Command::ClassmateTrades(_));
        if seat == super::MARKET_SEAT || market_day {
            return if seat == super::MARKET_SEAT && market_day {
                Ok(())
            } else {
                Err(RuleError::NotThisSeat(crate::escape::printable(seat, 40)))
            };
        }
        // The instructor fires events and does nothing else; nobody else fires them.
        let fires = matches!(command, Command::FireEvent { .. });
        if seat == super::INSTRUCTOR_SEAT || fires {
            return if seat == super::INSTRUCTOR_SEAT && fires {
                Ok(())
            } else {
                Err(RuleError::NotThisSeat(crate::escape::printable(seat, 40)))
            };
        }
        let found = self
            .world
            .scenario
            .seats()
            .iter()
            .find(|s| s.id == seat)
            .ok_or_else(|| RuleError::NoSuchSeat(crate::escape::printable(seat, 40)))?;
        if !self.is_human_seat(seat) {
            return Err(RuleError::AiSeat(seat.to_string()));
        }
        let is_move = negotiation_move(command).is_some();
        if found.plays == SeatPlays::Counterparts && !is_move {
            return Err(RuleError::NotThisSeat(seat.to_string()));
        }
        if is_move && self.acting_seat(command) != seat {
            return Err(RuleError::NotThisSeat(seat.to_string()));
        }
        Ok(())
    }
}
