//! The AI at a class table's empty counterparts' seat. It is the negotiation agent single
//! player uses, with the scenario's own counterpart strategy, but it gives its moves as
//! commands from the counterparts' seat of a hotseat session: every move at a class table is
//! then in the table's log, so each student's PC can follow its table move by move and the
//! host can replay the class after a restart.

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

use crate::sim::negotiation::{Agent, BidTable, Response, Strategy};
use crate::sim::{Command, Session};

/// The AI playing the counterparts in one negotiation of a table.
#[derive(Debug)]
pub struct AiSeat {
    task: String,
    agent: Agent,
    /// The agent's own stream (used by the random strategy), seeded from the table's seed
    /// and the task, so a replayed class draws the same numbers.
    rng: ChaCha8Rng,
}

impl AiSeat {
    /// One AI per negotiation of `session` whose task names a counterpart.
    pub fn for_table(session: &Session) -> Vec<AiSeat> {
        let scenario = session.scenario();
        scenario
            .tasks()
            .iter()
            .filter_map(|task| {
                let case = task.negotiation.as_ref()?;
                let counterpart = scenario.counterpart(task.counterpart.as_deref()?)?;
                let side = case.student_side.other();
                let table = Arc::new(BidTable::new(&case.domain, case.preferences(side)));
                Some(AiSeat {
                    task: task.id.clone(),
                    agent: Agent::new(table, Strategy::of(&counterpart.personality), case.deadline_rounds),
                    rng: ChaCha8Rng::seed_from_u64(session.seed() ^ stable_hash(&task.id)),
                })
            })
            .collect()
    }

    /// The AI's move when it is the counterparts' turn in its negotiation.
    pub fn next_command(&mut self, session: &Session) -> Option<Command> {
        let talks = session.talks_desk().talks(&self.task)?;
        let side = talks.case().student_side.other();
        if talks.to_move() != Some(side) {
            return None;
        }
        let incoming = talks.on_table().map(|o| o.bid);
        let round = talks.case().deadline_rounds.saturating_sub(talks.offers_left(side));
        let task = self.task.clone();
        match self.agent.respond(incoming, round, &mut self.rng) {
            Response::Accept if incoming.is_some() => Some(Command::AcceptOffer { task }),
            Response::Accept => None,
            Response::Offer(bid) => Some(Command::MakeOffer {
                task,
                options: (0..talks.case().domain.issues().len()).map(|i| bid.option(i)).collect(),
                note: String::new(),
            }),
            Response::WalkAway => Some(Command::WalkAway { task }),
        }
    }

    /// Brings a fresh AI to where the one that made the logged moves stood (after a host
    /// restart): it is asked again, in order, each question it answered with an offer.
    pub fn catch_up(&mut self, session: &Session) {
        let Some(talks) = session.talks_desk().talks(&self.task) else {
            return;
        };
        let side = talks.case().student_side.other();
        let offers = talks.offers();
        for (i, offer) in offers.iter().enumerate() {
            if offer.by != side {
                continue;
            }
            let incoming = i
                .checked_sub(1)
                .and_then(|j| offers.get(j))
                .filter(|o| o.by != side)
                .map(|o| o.bid);
            let _ = self.agent.respond(incoming, offer.round, &mut self.rng);
        }
    }
}

/// FNV-1a of a text: the same on every PC and every run (unlike the standard hasher).
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
