//! A company's table as the student's PC follows it: the scenario the host sent (without the
//! other side's private brief), the table's seed and every command given at the table, in
//! the host's order. Replaying them gives the session the PC's screens and bots read; the
//! host's own session stays the only one that counts.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::sim::save::MAX_LOGGED_COMMANDS;
use crate::sim::{Command, Scenario, Session};

/// How the host starts a company seat's PC on its table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableStart {
    pub seed: u64,
    pub hotseat: bool,
    pub mode: crate::sim::session::PlayMode,
}

/// The table, followed.
#[derive(Debug)]
pub struct Mirror {
    scenario: Arc<Scenario>,
    start: TableStart,
    log: Vec<(String, Command)>,
}

impl Mirror {
    pub fn new(scenario: Arc<Scenario>, start: TableStart) -> Self {
        Self {
            scenario,
            start,
            log: Vec::new(),
        }
    }

    /// Commands given at the table since the `from`th, as the host sent them.
    ///
    /// # Errors
    /// When they do not follow on from what the PC has, or the log would grow past a save's
    /// limit; nothing changes then.
    pub fn extend(&mut self, from: usize, entries: &[(String, Command)]) -> Result<(), String> {
        if from != self.log.len() {
            return Err(format!(
                "the host sent commands from {from}; this PC has {}",
                self.log.len()
            ));
        }
        if self.log.len() + entries.len() > MAX_LOGGED_COMMANDS {
            return Err("the table's log is longer than a save may be".to_string());
        }
        self.log.extend_from_slice(entries);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.log.len()
    }
    pub fn is_empty(&self) -> bool {
        self.log.is_empty()
    }

    /// The table's session now.
    ///
    /// # Errors
    /// When a command the host sent does not replay here (another version, or a damaged
    /// message): which one and why.
    pub fn session(&self) -> Result<Session, String> {
        let mut session = Session::start(Arc::clone(&self.scenario), Some(self.start.seed), self.start.hotseat)
            .with_mode(self.start.mode);
        for (i, (seat, command)) in self.log.iter().enumerate() {
            session
                .apply_as(seat, command.clone())
                .map_err(|e| format!("command {i} of the table does not replay on this PC: {e}"))?;
        }
        Ok(session)
    }
}
