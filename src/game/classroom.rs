//! Classroom play on the LAN (issue 18): the messages between a student's PC and the host.
//! The host is the only authority: a client says hello with its version, asks for a seat (or
//! its seat back, with the token kept on the PC) and sends commands from that seat; the host
//! answers with the seat, the scenario without the other side's brief (company seats), the
//! table's commands as they happen (company seats), the seat's own view, refusals, and at
//! the end the student's report. `class_host.rs` and `class_client.rs` are the two ends.

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::class::mirror::TableStart;
use crate::class::package::ScenarioPackage;
use crate::class::view::SeatView;
use crate::sim::Command;
use crate::sim::terms::SeatPlays;

/// The version a host and its students' PCs must share (the crate's version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// Netcode's protocol id for Tradeport classes (the version is checked by [`Hello`], so that
/// a PC of another version is told so instead of timing out).
pub const PROTOCOL_ID: u64 = 0x7472_6164_6570_6f72;
/// Longest token text a client may send (32 hex digits).
pub const MAX_TOKEN_CHARS: usize = 32;
/// Most students a host accepts at once (netcode's own limit is far higher).
pub const MAX_CLIENTS: usize = 64;

/// The first thing a PC says: its version. Registered first and never changed, so that any
/// two versions understand each other this far.
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    pub version: String,
}

/// The host's answer to a PC of another version; registered first on the host's side.
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrongVersion {
    pub host_version: String,
}

/// A student asks for a seat (or, with the token kept from an earlier join, their seat back).
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinClass {
    pub name: String,
    pub number: String,
    /// The token of an earlier join on this PC, to rejoin the same seat.
    pub token: Option<String>,
}

/// A student's command, from their seat.
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendCommand {
    pub token: String,
    pub seat: String,
    pub command: Command,
}

/// The host's answer to a join: the token to keep, the seat it holds and, for a company's
/// seat, the scenario to follow the table on.
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seated {
    pub token: String,
    pub seat: String,
    pub plays: SeatPlays,
    pub table: usize,
    pub scenario_title: String,
    pub package: Option<ScenarioPackage>,
}

/// Commands given at a company seat's table since the `from`th (its own and the other
/// side's), and how the table started.
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableLog {
    pub start: TableStart,
    pub from: usize,
    pub entries: Vec<(String, Command)>,
}

/// What the student's seat may see now (sent after every change).
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatUpdate {
    pub view: SeatView,
}

/// Why the host refused the student's last message; nothing changed.
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    /// Why, in English (what logs keep, and what an older host sends).
    pub reason: String,
    /// Why, for the student's PC to put into its own language, when the host knows.
    #[serde(default)]
    pub said: Option<crate::sim::said::Said>,
}

/// The class is over: the student's report (a `*.report.ron`, verifiable) and their
/// debrief (each criterion's points, reason, rule and hint, graded as the report is).
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassOver {
    pub report: String,
    pub debrief: Vec<crate::class::view::DebriefTask>,
}

/// The messages of the class protocol; the host and every client add it.
pub struct ClassProtocolPlugin;

impl Plugin for ClassProtocolPlugin {
    fn build(&self, app: &mut App) {
        // The order is the messages' ids: Hello and WrongVersion stay first.
        app.add_client_event::<Hello>(Channel::Ordered)
            .add_server_event::<WrongVersion>(Channel::Ordered)
            .add_client_event::<JoinClass>(Channel::Ordered)
            .add_client_event::<SendCommand>(Channel::Ordered)
            .add_server_event::<Seated>(Channel::Ordered)
            .add_server_event::<TableLog>(Channel::Ordered)
            .add_server_event::<SeatUpdate>(Channel::Ordered)
            .add_server_event::<Refused>(Channel::Ordered)
            .add_server_event::<ClassOver>(Channel::Ordered);
    }
}
