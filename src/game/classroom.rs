//! Classroom play on the LAN (issue 18): the messages between a student's PC and the host, and
//! the host's Bevy plugin that passes them to the class's rules (`crate::class`) over
//! bevy_replicon and renet's netcode. The host is the only authority: a client sends a join or
//! a command with its token and seat, and gets back its seat and what that seat may see.

use std::collections::BTreeMap;

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::class::view::SeatView;
use crate::class::{Class, Token};
use crate::sim::Command;

/// Longest token text a client may send (32 hex digits).
const MAX_TOKEN_CHARS: usize = 32;

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

/// The host's answer to a join: the token to keep and the seat it holds.
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seated {
    pub token: String,
    pub seat: String,
    pub table: usize,
}

/// What the student's seat may see now (sent after every change at the table).
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatUpdate {
    pub view: SeatView,
}

/// Why the host refused the student's last message; nothing changed.
#[derive(Event, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    pub reason: String,
}

/// The messages of the class protocol; the host and every client add it.
pub struct ClassProtocolPlugin;

impl Plugin for ClassProtocolPlugin {
    fn build(&self, app: &mut App) {
        app.add_client_event::<JoinClass>(Channel::Ordered)
            .add_client_event::<SendCommand>(Channel::Ordered)
            .add_server_event::<Seated>(Channel::Ordered)
            .add_server_event::<SeatUpdate>(Channel::Ordered)
            .add_server_event::<Refused>(Channel::Ordered);
    }
}

/// The class the host runs, and which connected client holds which token.
#[derive(Resource)]
pub struct HostedClass {
    pub class: Class,
    clients: BTreeMap<ClientId, Token>,
}

impl HostedClass {
    pub fn new(class: Class) -> Self {
        Self {
            class,
            clients: BTreeMap::new(),
        }
    }
}

/// The host's side: joins and commands in, seats, views and refusals out.
pub struct ClassHostPlugin;

impl Plugin for ClassHostPlugin {
    fn build(&self, app: &mut App) {
        app.add_observer(seat_a_student).add_observer(apply_a_command);
    }
}

fn seat_a_student(join: On<FromClient<JoinClass>>, mut hosted: ResMut<HostedClass>, mut commands: Commands) {
    let client = join.client_id;
    let earlier = join
        .token
        .as_deref()
        .filter(|t| t.len() <= MAX_TOKEN_CHARS)
        .and_then(Token::from_hex)
        .filter(|t| hosted.class.student_by_token(t).is_some());
    // One seat per connected PC: a client already seated may only rejoin its own seat.
    let already = hosted.clients.get(&client).cloned();
    let seated = match (earlier, already) {
        (Some(token), Some(held)) if !token.same_as(&held) => Err("this PC already holds a seat".to_string()),
        (Some(token), _) => Ok(token),
        (None, Some(_)) => Err("this PC already holds a seat".to_string()),
        (None, None) => match Token::random() {
            Ok(fresh) => hosted
                .class
                .join(&join.name, &join.number, fresh)
                .map(|(_, token)| token)
                .map_err(|e| e.to_string()),
            Err(e) => Err(format!("no random token: {e}")),
        },
    };
    match seated {
        Ok(token) => {
            let student = hosted.class.student_by_token(&token).map(|s| (s.seat.clone(), s.table));
            if let Some((seat, table)) = student {
                commands.server_trigger(ToClients {
                    targets: SendTargets::Single(client),
                    message: Seated {
                        token: token.to_hex(),
                        seat,
                        table,
                    },
                });
                if let Some(view) = hosted.class.view_for(&token) {
                    commands.server_trigger(ToClients {
                        targets: SendTargets::Single(client),
                        message: SeatUpdate { view },
                    });
                }
                hosted.clients.insert(client, token);
            }
        }
        Err(reason) => commands.server_trigger(ToClients {
            targets: SendTargets::Single(client),
            message: Refused { reason },
        }),
    }
}

fn apply_a_command(sent: On<FromClient<SendCommand>>, mut hosted: ResMut<HostedClass>, mut commands: Commands) {
    let client = sent.client_id;
    let token = Token::from_hex(&sent.token).filter(|_| sent.token.len() <= MAX_TOKEN_CHARS);
    let outcome = match &token {
        None => Err("that is not a token".to_string()),
        Some(token) => hosted
            .class
            .submit(token, &sent.seat, sent.command.clone())
            .map_err(|e| e.to_string()),
    };
    match outcome {
        Err(reason) => commands.server_trigger(ToClients {
            targets: SendTargets::Single(client),
            message: Refused { reason },
        }),
        Ok(_) => {
            // Everyone at the sender's table sees the change from their own seat.
            let table = token
                .as_ref()
                .and_then(|t| hosted.class.student_by_token(t))
                .map(|s| s.table);
            let updates: Vec<(ClientId, SeatView)> = hosted
                .clients
                .iter()
                .filter(|(_, t)| hosted.class.student_by_token(t).map(|s| s.table) == table)
                .filter_map(|(c, t)| hosted.class.view_for(t).map(|v| (*c, v)))
                .collect();
            for (client, view) in updates {
                commands.server_trigger(ToClients {
                    targets: SendTargets::Single(client),
                    message: SeatUpdate { view },
                });
            }
        }
    }
}
