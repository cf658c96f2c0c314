//! The host's end of a class (issue 18): hellos, joins and commands in, through the class's
//! rules (`crate::class`); seats, tables' logs, views, refusals and finally every student's
//! report out. After every change it autosaves the class atomically and sends each student
//! what their seat may see; when every table's scenario is over it collects the reports and
//! the gradebook.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use bevy::prelude::*;
use bevy_replicon::prelude::*;

use super::classroom::{
    ClassOver, Hello, JoinClass, MAX_TOKEN_CHARS, Refused, SeatUpdate, Seated, SendCommand, TableLog, VERSION,
    WrongVersion,
};
use crate::class::package::ScenarioPackage;
use crate::class::{Class, Token};
use crate::sim::terms::SeatPlays;

/// How the instructor runs the class.
#[derive(Debug, Clone, Default)]
pub struct HostSettings {
    /// Start by itself once this many students are seated.
    pub start_when_seated: Option<usize>,
    /// Where the class is autosaved after every change.
    pub autosave: Option<PathBuf>,
    /// Where every student's report and the gradebook go at the end.
    pub collect: Option<PathBuf>,
}

/// How the class ended, for the headless host.
#[derive(Debug, Clone, Default)]
pub struct HostOutcome {
    /// Every table's scenario is over and the reports were sent (and written).
    pub over: bool,
    pub written: Vec<PathBuf>,
    /// Problems writing the autosave or the reports.
    pub problems: Vec<String>,
}

/// The class the host runs, and which connected PC holds which token.
#[derive(Resource)]
pub struct HostedClass {
    pub class: Class,
    pub settings: HostSettings,
    pub outcome: HostOutcome,
    /// The scenario for company seats (without the counterparts' brief).
    package: Option<ScenarioPackage>,
    clients: BTreeMap<ClientId, Token>,
    greeted: BTreeSet<ClientId>,
    /// How much of its table's log each company seat's PC has been sent.
    log_sent: BTreeMap<ClientId, usize>,
    /// PCs sent their table's start (the first log, even empty).
    start_sent: BTreeSet<ClientId>,
    /// The seat and table each PC was last told it holds (the instructor may move students
    /// before the start: a PC whose seat changed is seated again).
    seated_as: BTreeMap<ClientId, (String, usize)>,
    /// The view each PC was last sent.
    view_sent: BTreeMap<ClientId, crate::class::view::SeatView>,
    changed: bool,
}

impl HostedClass {
    pub fn new(class: Class, package: Option<ScenarioPackage>, settings: HostSettings) -> Self {
        Self {
            class,
            settings,
            outcome: HostOutcome::default(),
            package,
            clients: BTreeMap::new(),
            greeted: BTreeSet::new(),
            log_sent: BTreeMap::new(),
            start_sent: BTreeSet::new(),
            seated_as: BTreeMap::new(),
            view_sent: BTreeMap::new(),
            changed: true,
        }
    }

    /// The class changed outside a message (the instructor started, paused, advanced it).
    pub fn mark_changed(&mut self) {
        self.changed = true;
    }

    /// Connected PCs holding a seat.
    pub fn connected(&self) -> usize {
        self.clients.len()
    }

    /// What a PC holding `token` is told of its seat: the seat, its table and, for a
    /// company's seat, the scenario to follow the table on.
    fn seated_message(&self, token: &Token) -> Option<Seated> {
        let student = self.class.student_by_token(token)?;
        let plays = if student.seat == self.class.company_seat() {
            SeatPlays::Company
        } else {
            SeatPlays::Counterparts
        };
        Some(Seated {
            token: token.to_hex(),
            seat: student.seat.clone(),
            plays,
            table: student.table,
            scenario_title: self.class.scenario().meta().title.en.clone(),
            package: (plays == SeatPlays::Company).then(|| self.package.clone()).flatten(),
        })
    }

    /// The students whose PC is connected now.
    pub fn connected_students(&self) -> BTreeSet<crate::class::StudentId> {
        self.clients
            .values()
            .filter_map(|token| self.class.student_by_token(token).map(|s| s.id))
            .collect()
    }
}

/// The host's answer to students' PCs looking for classes on the network (see
/// [`crate::class::discovery`]); absent where its port could not be opened.
#[derive(Resource, Debug)]
pub struct ClassBeacon(pub crate::class::discovery::Responder);

/// The host's side: joins and commands in, seats, logs, views, refusals and reports out.
pub struct ClassHostPlugin;

impl Plugin for ClassHostPlugin {
    fn build(&self, app: &mut App) {
        app.add_observer(greet)
            .add_observer(seat_a_student)
            .add_observer(apply_a_command)
            .add_systems(
                Update,
                (forget_disconnected, start_when_seated, send_changes, end_of_class)
                    .chain()
                    .run_if(resource_exists::<HostedClass>),
            )
            .add_systems(Update, answer_discovery.run_if(resource_exists::<ClassBeacon>));
    }
}

fn refuse(commands: &mut Commands, client: ClientId, reason: String) {
    refuse_saying(commands, client, reason, None);
}

/// Refuses with why in English and, when known, as a sentence the student's PC puts into its
/// own language.
fn refuse_saying(commands: &mut Commands, client: ClientId, reason: String, said: Option<crate::sim::said::Said>) {
    commands.server_trigger(ToClients {
        targets: SendTargets::Single(client),
        message: Refused { reason, said },
    });
}

fn greet(hello: On<FromClient<Hello>>, If(mut hosted): If<ResMut<HostedClass>>, mut commands: Commands) {
    if hello.version == VERSION {
        hosted.greeted.insert(hello.client_id);
    } else {
        commands.server_trigger(ToClients {
            targets: SendTargets::Single(hello.client_id),
            message: WrongVersion {
                host_version: VERSION.to_string(),
            },
        });
    }
}

fn seat_a_student(join: On<FromClient<JoinClass>>, If(mut hosted): If<ResMut<HostedClass>>, mut commands: Commands) {
    let client = join.client_id;
    if !hosted.greeted.contains(&client) {
        return refuse(
            &mut commands,
            client,
            format!("this class runs Tradeport {VERSION}: install the same version as the instructor's PC"),
        );
    }
    let earlier = join
        .token
        .as_deref()
        .filter(|t| t.len() <= MAX_TOKEN_CHARS)
        .and_then(Token::from_hex)
        .filter(|t| hosted.class.student_by_token(t).is_some());
    // One seat per connected PC: a PC already seated may only rejoin its own seat.
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
    let token = match seated {
        Ok(token) => token,
        Err(reason) => return refuse(&mut commands, client, reason),
    };
    let Some(message) = hosted.seated_message(&token) else {
        return;
    };
    // A rejoin from a new connection: the seat's old connection holds nothing any more, and
    // the new one is sent its table from the start.
    let stale: Vec<ClientId> = hosted
        .clients
        .iter()
        .filter(|(c, t)| **c != client && t.same_as(&token))
        .map(|(c, _)| *c)
        .collect();
    for old in stale {
        hosted.clients.remove(&old);
        hosted.log_sent.remove(&old);
        hosted.start_sent.remove(&old);
        hosted.seated_as.remove(&old);
        hosted.view_sent.remove(&old);
    }
    hosted.seated_as.insert(client, (message.seat.clone(), message.table));
    commands.server_trigger(ToClients {
        targets: SendTargets::Single(client),
        message,
    });
    if let Some(id) = hosted.class.student_by_token(&token).map(|s| s.id) {
        hosted.class.set_away(id, false);
    }
    hosted.view_sent.remove(&client);
    hosted.clients.insert(client, token);
    hosted.log_sent.insert(client, 0);
    hosted.start_sent.remove(&client);
    hosted.changed = true;
}

fn apply_a_command(sent: On<FromClient<SendCommand>>, If(mut hosted): If<ResMut<HostedClass>>, mut commands: Commands) {
    let token = Token::from_hex(&sent.token).filter(|_| sent.token.len() <= MAX_TOKEN_CHARS);
    let outcome = match &token {
        None => Err(("that is not a token".to_string(), None)),
        Some(token) => hosted
            .class
            .submit(token, &sent.seat, sent.command.clone())
            .map_err(|e| (e.to_string(), Some(e.said()))),
    };
    match outcome {
        Err((reason, said)) => refuse_saying(&mut commands, sent.client_id, reason, said),
        Ok(_) => {
            // The sender is answered with its view even when it did not change.
            hosted.view_sent.remove(&sent.client_id);
            hosted.changed = true;
        }
    }
}

fn answer_discovery(beacon: Res<ClassBeacon>) {
    beacon.0.answer_waiting();
}

/// A PC that disconnected holds no seat any more (its student rejoins with the token) and
/// is sent nothing.
fn forget_disconnected(mut hosted: ResMut<HostedClass>, connected: Query<(), With<ConnectedClient>>) {
    let live = |client: &ClientId| client.entity().is_some_and(|e| connected.contains(e));
    let gone = hosted.clients.keys().any(|c| !live(c)) || hosted.greeted.iter().any(|c| !live(c));
    if gone {
        let hosted = &mut *hosted;
        // Their seats wait, or the AI holds them (the scenario's choice) until they rejoin.
        let away: Vec<_> = hosted
            .clients
            .iter()
            .filter(|(c, _)| !live(c))
            .filter_map(|(_, token)| hosted.class.student_by_token(token).map(|s| s.id))
            .collect();
        for student in away {
            if hosted.class.set_away(student, true) {
                hosted.changed = true;
            }
        }
        hosted.clients.retain(|c, _| live(c));
        hosted.greeted.retain(|c| live(c));
        hosted.log_sent.retain(|c, _| live(c));
        hosted.start_sent.retain(|c| live(c));
        hosted.seated_as.retain(|c, _| live(c));
        hosted.view_sent.retain(|c, _| live(c));
    }
}

/// Starts the class once enough students are seated (the headless host's rule).
fn start_when_seated(If(mut hosted): If<ResMut<HostedClass>>) {
    let Some(wanted) = hosted.settings.start_when_seated else {
        return;
    };
    if !hosted.class.is_started() && hosted.class.present().count() >= wanted {
        hosted.class.start();
        hosted.changed = true;
    }
}

/// After a change: the autosave, then every seated PC's new commands and view.
fn send_changes(If(mut hosted): If<ResMut<HostedClass>>, mut commands: Commands) {
    if !hosted.changed {
        return;
    }
    hosted.changed = false;
    // The shared market's leaderboard, once for all the tick's commands.
    hosted.class.settle_standings();
    if let Some(path) = hosted.settings.autosave.clone()
        && let Err(e) = crate::saves::write_atomic(&path, &hosted.class.record_text())
    {
        hosted
            .outcome
            .problems
            .push(format!("autosave {}: {e}", path.display()));
    }
    let hosted = &mut *hosted;
    for (client, token) in &hosted.clients {
        let Some(student) = hosted.class.student_by_token(token) else {
            continue;
        };
        // Moved by the instructor before the start: seated again, and its table from the start.
        let now = (student.seat.clone(), student.table);
        if hosted.seated_as.get(client) != Some(&now)
            && let Some(message) = hosted.seated_message(token)
        {
            hosted.seated_as.insert(*client, now);
            hosted.view_sent.remove(client);
            hosted.log_sent.insert(*client, 0);
            hosted.start_sent.remove(client);
            commands.server_trigger(ToClients {
                targets: SendTargets::Single(*client),
                message,
            });
        }
        let company = student.seat == hosted.class.company_seat();
        if company && let Some(start) = hosted.class.table_start(student.table) {
            let from = hosted.log_sent.get(client).copied().unwrap_or(0);
            let entries = hosted.class.table_log(student.table, from);
            // The first log goes out even empty: it is how the PC learns the table started.
            let started = hosted.start_sent.contains(client);
            if !entries.is_empty() || !started {
                hosted.start_sent.insert(*client);
                hosted.log_sent.insert(*client, from + entries.len());
                commands.server_trigger(ToClients {
                    targets: SendTargets::Single(*client),
                    message: TableLog { start, from, entries },
                });
            }
        }
        // Only a view that changed goes out: a command at one table changes nothing at the
        // others, and a class of forty would otherwise send every view after every command.
        if let Some(view) = hosted.class.view_for(token)
            && hosted.view_sent.get(client) != Some(&view)
        {
            hosted.view_sent.insert(*client, view.clone());
            commands.server_trigger(ToClients {
                targets: SendTargets::Single(*client),
                message: SeatUpdate { view },
            });
        }
    }
}

/// When every table's scenario is over: each student's report to their PC, and with
/// `collect`, every report and the gradebook written to that folder.
fn end_of_class(If(mut hosted): If<ResMut<HostedClass>>, mut commands: Commands) {
    if hosted.outcome.over || !hosted.class.is_over() {
        return;
    }
    hosted.outcome.over = true;
    type Collected = (Token, String, String, String, Vec<crate::class::view::DebriefTask>);
    let class = &hosted.class;
    let reports: Vec<Collected> = class
        .collect_reports()
        .into_iter()
        .map(|(s, r)| {
            // Join order first: two students typing the same number keep separate files.
            let name = format!("{:03}-{}", s.id.0 + 1, file_safe(&s.number));
            let debrief = class
                .tables()
                .get(s.table)
                .and_then(|t| t.session())
                .and_then(|session| r.graded(session).ok())
                .map(|report| crate::class::view::debrief_of(&report))
                .unwrap_or_default();
            (s.token_for_host().clone(), name, s.seat.clone(), r.to_text(), debrief)
        })
        .collect();
    for (client, token) in &hosted.clients {
        if let Some((_, _, _, text, debrief)) = reports.iter().find(|(t, ..)| t.same_as(token)) {
            commands.server_trigger(ToClients {
                targets: SendTargets::Single(*client),
                message: ClassOver {
                    report: text.clone(),
                    debrief: debrief.clone(),
                },
            });
        }
    }
    let Some(dir) = hosted.settings.collect.clone() else {
        return;
    };
    let mut written = Vec::new();
    let mut problems = Vec::new();
    for (_, number, seat, text, _) in &reports {
        let path = dir.join(format!("{number}-{}.report.ron", file_safe(seat)));
        match crate::saves::write_atomic(&path, text) {
            Ok(()) => written.push(path),
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    let gradebook = dir.join("gradebook.csv");
    match crate::saves::write_atomic(&gradebook, &hosted.class.gradebook_csv()) {
        Ok(()) => written.push(gradebook),
        Err(e) => problems.push(format!("{}: {e}", gradebook.display())),
    }
    hosted.outcome.written = written;
    hosted.outcome.problems.extend(problems);
}

/// A student number or seat id as part of a file name: letters, digits, `-` and `_` only.
fn file_safe(text: &str) -> String {
    let safe: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if safe.is_empty() { "student".to_string() } else { safe }
}
