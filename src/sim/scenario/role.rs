//! The student's role (their company) and the seats of a scenario: the roles people, or the
//! AI, play. Every command is issued from a seat; the session checks that the seat may.

use crate::sim::terms::{SeatPlays, Text};

/// The student's job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub title: Text,
    pub company: Company,
}

/// The student's company.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    pub name: Text,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    pub city: String,
    pub description: Text,
}

/// A seat: a role a person (or the AI) plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// Letters, digits, `-` and `_`; unique in the scenario.
    pub id: String,
    pub name: Text,
    pub plays: SeatPlays,
}

/// At most this many seats in one scenario.
pub const MAX_SEATS: usize = 8;

/// The id of the company's seat when a scenario declares no seats.
pub const DEFAULT_COMPANY_SEAT: &str = "company";
/// The id of the counterparts' seat when a scenario declares none.
pub const DEFAULT_COUNTERPARTS_SEAT: &str = "counterparts";

/// The seats of a scenario without declared seats: the company (the `role`) and the
/// counterparts of its negotiations.
pub fn default_seats(role: &Role) -> Vec<Seat> {
    vec![
        Seat {
            id: DEFAULT_COMPANY_SEAT.to_string(),
            name: role.title.clone(),
            plays: SeatPlays::Company,
        },
        Seat {
            id: DEFAULT_COUNTERPARTS_SEAT.to_string(),
            name: Text {
                en: "Counterparts".to_string(),
                zh: "交易对方".to_string(),
            },
            plays: SeatPlays::Counterparts,
        },
    ]
}
