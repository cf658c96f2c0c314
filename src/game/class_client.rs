//! A student's PC in a class (issue 18): says hello, asks for a seat (with the token kept on
//! this PC from an earlier join, to get the same seat back after a crash), keeps the token,
//! follows a company's table from the scenario and commands the host sends, keeps the seat's
//! view, and, for a headless bot, plays the seat. Every message from the host is checked
//! before it is used (the scenario like a file on disk, the log to follow on).

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::RenetClient;

use super::classroom::{
    ClassOver, Hello, JoinClass, Refused, SeatUpdate, Seated, SendCommand, TableLog, VERSION, WrongVersion,
};
use crate::class::bot::{Policy, SeatPlayer};
use crate::class::mirror::Mirror;
use crate::class::view::SeatView;
use crate::sim::Scenario;
use crate::sim::terms::SeatPlays;

/// Most notices (refusals, problems) kept for the student.
const MAX_NOTICES: usize = 200;

/// This PC's seat in a class.
#[derive(Resource)]
pub struct ClassSeat {
    pub name: String,
    pub number: String,
    /// Where the token is kept between runs (rejoining after a crash).
    pub token_file: Option<PathBuf>,
    /// Where the report goes at the end of class.
    pub report_file: Option<PathBuf>,
    /// The bot playing the seat, if headless.
    pub bot: Option<Policy>,
    pub token: Option<String>,
    pub seat: Option<String>,
    /// The table the seat is at (0 first).
    pub table: Option<usize>,
    pub plays: Option<SeatPlays>,
    pub scenario_title: String,
    /// The scenario the host sent (company seats).
    scenario: Option<Arc<Scenario>>,
    /// The table, followed (company seats without a bot; a bot follows its own).
    pub mirror: Option<Mirror>,
    player: Option<SeatPlayer>,
    pub view: Option<SeatView>,
    /// Refusals and problems, newest last.
    pub notices: Vec<String>,
    pub report: Option<String>,
    /// The debrief the host sent with the report.
    pub debrief: Vec<crate::class::view::DebriefTask>,
    /// The host runs another version.
    pub wrong_version: Option<String>,
    joined: bool,
}

impl ClassSeat {
    pub fn new(name: &str, number: &str, bot: Option<Policy>) -> Self {
        Self {
            name: name.to_string(),
            number: number.to_string(),
            token_file: None,
            report_file: None,
            bot,
            token: None,
            seat: None,
            table: None,
            plays: None,
            scenario_title: String::new(),
            scenario: None,
            mirror: None,
            player: None,
            view: None,
            notices: Vec::new(),
            report: None,
            debrief: Vec::new(),
            wrong_version: None,
            joined: false,
        }
    }

    fn notice(&mut self, text: String) {
        if self.notices.len() >= MAX_NOTICES {
            self.notices.remove(0);
        }
        self.notices.push(text);
    }

    /// Whether the bot (or the table) is done: the report arrived.
    pub fn is_done(&self) -> bool {
        self.report.is_some()
    }

    /// The seat's next command from its bot, if any.
    fn bot_command(&mut self) -> Option<SendCommand> {
        let command = self.player.as_mut()?.next_command()?;
        Some(SendCommand {
            token: self.token.clone()?,
            seat: self.seat.clone()?,
            command,
        })
    }

    /// Sends a command from this seat (the student's screens call this).
    pub fn send(&self, commands: &mut Commands, command: crate::sim::Command) {
        if let (Some(token), Some(seat)) = (self.token.clone(), self.seat.clone()) {
            commands.client_trigger(SendCommand { token, seat, command });
        }
    }
}

/// The PC's side of the class protocol.
pub struct ClassClientPlugin;

impl Plugin for ClassClientPlugin {
    fn build(&self, app: &mut App) {
        app.add_observer(wrong_version)
            .add_observer(seated)
            .add_observer(table_log)
            .add_observer(seat_update)
            .add_observer(refused)
            .add_observer(class_over)
            .add_systems(
                Update,
                (join_when_connected, bot_plays)
                    .chain()
                    .run_if(resource_exists::<ClassSeat>),
            );
    }
}

fn join_when_connected(client: Option<Res<RenetClient>>, If(mut seat): If<ResMut<ClassSeat>>, mut commands: Commands) {
    if seat.joined || !client.is_some_and(|c| c.is_connected()) {
        return;
    }
    seat.joined = true;
    let kept = seat
        .token_file
        .as_deref()
        .and_then(|p| crate::scenario::load::read_bounded_text(p, 64).ok())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    commands.client_trigger(Hello {
        version: VERSION.to_string(),
    });
    commands.client_trigger(JoinClass {
        name: seat.name.clone(),
        number: seat.number.clone(),
        token: kept,
    });
}

fn wrong_version(message: On<WrongVersion>, If(mut seat): If<ResMut<ClassSeat>>) {
    let host = crate::escape::printable(&message.host_version, 20);
    seat.wrong_version = Some(host.clone());
    seat.notice(format!(
        "The class runs Tradeport {host}; this PC has {VERSION}. Install the instructor's version to join."
    ));
}

fn seated(message: On<Seated>, If(mut seat): If<ResMut<ClassSeat>>) {
    let message = message.event();
    if crate::class::Token::from_hex(&message.token).is_none() {
        return seat.notice("the host sent a seat without a valid token".to_string());
    }
    if let Some(path) = seat.token_file.clone()
        && let Err(e) = crate::saves::write_atomic(&path, &message.token)
    {
        seat.notice(format!("the seat's token could not be kept in {}: {e}", path.display()));
    }
    seat.token = Some(message.token.clone());
    seat.seat = Some(crate::escape::printable(&message.seat, 40));
    seat.plays = Some(message.plays);
    seat.table = Some(message.table);
    seat.scenario_title = crate::escape::printable(&message.scenario_title, 200);
    seat.scenario = None;
    seat.mirror = None;
    if let Some(package) = &message.package {
        match crate::class::package::unpack(package) {
            Ok(scenario) => seat.scenario = Some(Arc::new(scenario)),
            Err(d) => seat.notice(format!(
                "the scenario from the host is not valid: {}",
                crate::scenario::error::render_plain(&d)
            )),
        }
    }
    let own = seat.seat.clone().unwrap_or_default();
    seat.player = seat.bot.map(|policy| SeatPlayer::new(policy, &own, None));
}

fn table_log(message: On<TableLog>, If(mut seat): If<ResMut<ClassSeat>>) {
    let message = message.event();
    let Some(scenario) = seat.scenario.clone() else {
        return seat.notice("the host sent a table's log, but no scenario to follow it on".to_string());
    };
    let seat = &mut *seat;
    let outcome = match seat.player.as_mut() {
        Some(player) => {
            if message.from == 0 {
                player.follow(Mirror::new(scenario, message.start.clone()));
            }
            player.on_log(message.from, &message.entries)
        }
        None => {
            if message.from == 0 {
                seat.mirror = Some(Mirror::new(scenario, message.start.clone()));
            }
            match seat.mirror.as_mut() {
                Some(mirror) => mirror.extend(message.from, &message.entries),
                None => Err("a table's log before its start".to_string()),
            }
        }
    };
    if let Err(e) = outcome {
        seat.notice(e);
    }
}

fn seat_update(message: On<SeatUpdate>, If(mut seat): If<ResMut<ClassSeat>>) {
    let view = message.event().view.clone();
    if let Some(player) = seat.player.as_mut() {
        player.on_view(view.clone());
    }
    seat.view = Some(view);
}

fn refused(message: On<Refused>, If(mut seat): If<ResMut<ClassSeat>>, text: Option<Res<super::settings::UiText>>) {
    if let Some(player) = seat.player.as_mut() {
        player.on_refused();
    }
    // In this PC's language when the host said why as a sentence; its English otherwise.
    let english = crate::i18n::Catalogue::new(crate::i18n::Language::English);
    let cat = text.as_deref().map_or(&english, |t| &t.0);
    let why = message
        .said
        .as_ref()
        .map_or_else(|| message.reason.clone(), |said| cat.say(said));
    let reason = crate::escape::printable(&why, 300);
    seat.notice(cat.tr_args("class-refused-notice", &[("reason", reason.into())]));
}

fn class_over(message: On<ClassOver>, If(mut seat): If<ResMut<ClassSeat>>) {
    let text = message.event().report.clone();
    let debrief: Vec<_> = message
        .event()
        .debrief
        .iter()
        .take(crate::class::view::MAX_DEBRIEF_ITEMS)
        .cloned()
        .collect();
    // Kept only if it is a report this PC can read.
    if let Err(e) = crate::sim::save::ReportFile::parse(&text) {
        return seat.notice(format!("the host sent a report this PC cannot read: {e}"));
    }
    if let Some(path) = seat.report_file.clone()
        && let Err(e) = crate::saves::write_atomic(&path, &text)
    {
        seat.notice(format!("the report could not be written to {}: {e}", path.display()));
    }
    seat.report = Some(text);
    seat.debrief = debrief;
}

fn bot_plays(If(mut seat): If<ResMut<ClassSeat>>, mut commands: Commands) {
    if let Some(message) = seat.bot_command() {
        commands.client_trigger(message);
    }
}
