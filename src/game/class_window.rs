//! A class on the LAN in the game's window (issue 18): "Host a class" opens the instructor's
//! dashboard over a host in this process, "Join a class" the join form and then the student's
//! seat: a company's seat plays on the usual screens over its followed table, sending each
//! command to the host instead of applying it; the counterparts' seat has its own desk. The
//! networking is the headless host's and bot's (`class_host`, `class_client`), unchanged.

use std::net::{Ipv4Addr, SocketAddrV4};
use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use bevy_replicon::prelude::*;
use bevy_replicon_renet::netcode::{NetcodeClientTransport, NetcodeServerTransport};
use bevy_replicon_renet::{RenetClient, RenetServer, RepliconRenetPlugins};

use super::class_client::{ClassClientPlugin, ClassSeat};
use super::class_host::{ClassHostPlugin, HostSettings, HostedClass};
use super::classroom::ClassProtocolPlugin;
use super::interface::Drafts;
use super::scenario_assets::{ScenarioAsset, ScenarioCatalog, ScenarioFolder};
use super::screens::{CurrentPage, Screen};
use super::session::{NextMode, UiAction, command_of};
use super::settings::UiText;
use crate::class::Class;
use crate::sim::Session;
use crate::sim::save::ReportFile;
use crate::sim::terms::SeatPlays;
use crate::ui::classroom::{self, JoinDraft, SeatDraft, SeatScreenView, SeatStatus};
use crate::ui::dashboard::{self, DashboardDraft};
use crate::ui::{Action, ClassAction, Page, play};

/// The port a class is hosted on when it is free (any free port otherwise: the join code
/// carries it).
pub const DEFAULT_PORT: u16 = 5000;

/// The class screens' own state.
#[derive(Resource, Debug, Default)]
pub struct ClassWindow {
    pub join: JoinDraft,
    pub seat: SeatDraft,
    pub dashboard: DashboardDraft,
    /// Why hosting or joining failed.
    pub problem: Option<String>,
    /// The hosted class's address and join code.
    pub hosting: Option<(SocketAddrV4, String)>,
    /// What the instructor's last event did.
    pub fired: Option<String>,
    /// Classes found on the network, and whether a search was made.
    pub found: Vec<crate::class::discovery::FoundClass>,
    pub searched: bool,
    /// The report the host sent, read, and where it was kept.
    pub report: Option<ReportFile>,
    pub report_kept: Option<String>,
}

/// The company's table as this PC follows it, replayed once per new command (not per frame).
#[derive(Resource, Debug)]
pub struct FollowedTable {
    pub commands: usize,
    pub session: Session,
}

/// Where the window keeps a class's files: hosted classes' autosaves and reports, a joined
/// seat's token and report (Tradeport's data folder; tests give their own).
#[derive(Resource, Debug, Clone)]
pub struct ClassFiles(pub Option<PathBuf>);

impl Default for ClassFiles {
    fn default() -> Self {
        Self(crate::saves::data_dir())
    }
}

/// A search for classes on the network, listening for answers for [`SEARCH_TIME`].
#[derive(Resource, Debug)]
pub struct ClassSearch {
    search: crate::class::discovery::Search,
    started: std::time::Instant,
}

/// How long a search listens for hosts' answers.
pub const SEARCH_TIME: std::time::Duration = std::time::Duration::from_secs(2);

/// Where the join form's search asks (the broadcast address; tests ask loopback).
#[derive(Resource, Debug, Clone)]
pub struct SearchTargets(pub Vec<SocketAddrV4>);

impl Default for SearchTargets {
    fn default() -> Self {
        Self(vec![crate::class::discovery::Search::everyone()])
    }
}

/// Largest class file read back (a class's every table's log is far smaller).
pub const MAX_CLASS_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub use super::class_net::HostRequest;

/// What the command line asked the window to open with.
#[derive(Resource, Debug, Clone)]
pub enum ClassLaunch {
    /// `tradeport host SCENARIO` (the dashboard).
    Host(HostRequest),
    /// `tradeport join [CODE]` (the join form, filled in; joined at once when complete).
    Join {
        target: String,
        name: String,
        number: String,
    },
}

/// The class screens and the networking under them (the game window adds it; tests add it to
/// a headless app).
pub fn plugin(app: &mut App) {
    app.add_plugins((
        RepliconPlugins,
        RepliconRenetPlugins,
        ClassProtocolPlugin,
        ClassHostPlugin,
        ClassClientPlugin,
    ))
    .init_resource::<ClassWindow>()
    .init_resource::<ClassFiles>()
    .init_resource::<SearchTargets>()
    .add_systems(Startup, launch_from_command_line)
    .add_systems(
        Update,
        (
            carry_out_class_actions,
            follow_the_table,
            keep_the_report,
            gather_found_classes,
            wake_for_the_network,
        )
            .chain()
            .after(super::session::apply_ui_actions),
    )
    .add_systems(
        EguiPrimaryContextPass,
        (
            draw_dashboard.run_if(in_state(Screen::ClassHost)),
            draw_join_form.run_if(in_state(Screen::ClassJoin)),
            draw_class_seat.run_if(in_state(Screen::ClassSeat)),
        )
            .after(super::interface::style_egui),
    );
}

/// Where a hosted class keeps its autosave and collects its reports: a folder per class in
/// the data folder (or the working folder), named by scenario and start time.
fn class_folder(files: &ClassFiles, scenario_id: &str) -> PathBuf {
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = files.0.clone().unwrap_or_else(|| PathBuf::from("."));
    let safe: String = scenario_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .take(60)
        .collect();
    base.join("classes").join(format!("{safe}-{started}"))
}

/// Starts hosting `scenario_path` in this window: the class, its package, the socket.
fn host(world: &mut World, request: HostRequest) -> Result<(), String> {
    let HostRequest {
        scenario: scenario_path,
        port,
        seats,
        mode,
        collect,
        autosave,
        resume,
        team_size,
    } = request;
    let scenario = crate::scenario::load_scenario_file(&scenario_path)
        .map(Arc::new)
        .map_err(|d| crate::scenario::error::render_plain(&d))?;
    let folder = class_folder(world.resource::<ClassFiles>(), &scenario.meta().id);
    let autosave = autosave.unwrap_or_else(|| folder.join("class.ron"));
    let class = if resume {
        let text = crate::scenario::load::read_bounded_text(&autosave, MAX_CLASS_FILE_BYTES).map_err(|e| {
            format!(
                "cannot read the class file {}: {e}",
                crate::escape::printable(&autosave.display().to_string(), 200)
            )
        })?;
        Class::resume(Arc::clone(&scenario), &text).map_err(|e| format!("cannot resume the class: {e}"))?
    } else {
        Class::new(Arc::clone(&scenario))
            .with_mode(mode)
            .with_team_size(team_size)
    };
    let package = crate::class::package::package(&scenario_path, class.tables_are_hotseat())
        .map_err(|d| crate::scenario::error::render_plain(&d))?;
    // Reports go beside the class file unless the instructor named a folder.
    let collect = collect.unwrap_or_else(|| autosave.parent().map_or_else(|| folder.clone(), PathBuf::from));
    let settings = HostSettings {
        start_when_seated: seats.map(|n| n.clamp(1, super::classroom::MAX_CLIENTS)),
        autosave: Some(autosave),
        collect: Some(collect),
    };
    let bind = |port| SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port);
    let address = super::class_net::open_host(world, bind(port))
        .or_else(|_| super::class_net::open_host(world, bind(0)))
        .map_err(|e| format!("the class could not open a port: {e}"))?;
    let title = scenario.meta().title.en.clone();
    let discovery = SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, crate::class::discovery::DISCOVERY_PORT);
    if let Err(e) = super::class_net::open_beacon(world, discovery, address.port(), &title) {
        warn!("students cannot find this class on the network ({e}); the join code works");
    }
    world.insert_resource(HostedClass::new(class, Some(package), settings));
    let code = crate::class::code::encode(address);
    info!("hosting a class: join code {code}, address {address}");
    let mut window = world.resource_mut::<ClassWindow>();
    window.hosting = Some((address, code));
    window.problem = None;
    world.resource_mut::<NextState<Screen>>().set(Screen::ClassHost);
    Ok(())
}

/// Connects to a class and opens the seat screen.
fn join(world: &mut World, target: &str, name: &str, number: &str) -> Result<(), String> {
    let address = crate::class::code::parse_target(target)
        .ok_or_else(|| "that is neither a join code nor an address like 192.168.1.23:5000".to_string())?;
    let mut seat = ClassSeat::new(name, number, None);
    if let Some(dir) = world.resource::<ClassFiles>().0.clone() {
        // The token is this student's claim to their seat: kept per class address and
        // student number, so a crash or a restart rejoins the same seat, and a classmate
        // joining from the same PC account gets a seat of their own.
        let student = blake3::hash(number.trim().as_bytes()).to_hex();
        let key = format!("{}-{}-{}", address.ip(), address.port(), &student[..12]).replace('.', "_");
        seat.token_file = Some(dir.join("classes").join(format!("token-{key}.txt")));
        seat.report_file = Some(dir.join("reports").join(format!("class-{key}.report.ron")));
        if let Some(parent) = seat.token_file.as_deref().and_then(std::path::Path::parent) {
            let _ = std::fs::create_dir_all(parent);
        }
    }
    world.insert_resource(seat);
    super::class_net::connect(world, address).map_err(|e| format!("could not reach {address}: {e}"))?;
    let mut window = world.resource_mut::<ClassWindow>();
    window.problem = None;
    window.report = None;
    window.report_kept = None;
    window.seat = SeatDraft::default();
    world.resource_mut::<CurrentPage>().0 = Page::Overview;
    world.resource_mut::<NextState<Screen>>().set(Screen::ClassSeat);
    Ok(())
}

/// Closes the hosted class or leaves the joined one; back to the menu.
fn leave(world: &mut World) {
    if let Some(mut client) = world.get_resource_mut::<RenetClient>() {
        client.disconnect();
    }
    if let Some(mut server) = world.get_resource_mut::<RenetServer>() {
        server.disconnect_all();
    }
    world.remove_resource::<NetcodeClientTransport>();
    world.remove_resource::<RenetClient>();
    world.remove_resource::<NetcodeServerTransport>();
    world.remove_resource::<RenetServer>();
    world.remove_resource::<HostedClass>();
    world.remove_resource::<ClassSeat>();
    world.remove_resource::<FollowedTable>();
    world.remove_resource::<super::class_host::ClassBeacon>();
    world.remove_resource::<ClassSearch>();
    let mut window = world.resource_mut::<ClassWindow>();
    window.hosting = None;
    window.report = None;
    window.report_kept = None;
    world.resource_mut::<NextState<Screen>>().set(Screen::MainMenu);
}

fn launch_from_command_line(launch: Option<Res<ClassLaunch>>, mut commands: Commands) {
    let Some(launch) = launch else { return };
    let launch = launch.clone();
    commands.queue(move |world: &mut World| {
        let outcome = match &launch {
            ClassLaunch::Host(request) => host(world, request.clone()),
            ClassLaunch::Join { target, name, number } => {
                let mut window = world.resource_mut::<ClassWindow>();
                window.join = JoinDraft {
                    target: target.clone(),
                    name: name.clone(),
                    number: number.clone(),
                };
                let complete = classroom::target_is_valid(target) && !name.is_empty() && !number.is_empty();
                if complete {
                    join(world, target, name, number)
                } else {
                    world.resource_mut::<NextState<Screen>>().set(Screen::ClassJoin);
                    Ok(())
                }
            }
        };
        if let Err(problem) = outcome {
            error!("{problem}");
            world.resource_mut::<ClassWindow>().problem = Some(problem);
            let screen = match launch {
                ClassLaunch::Host(_) => Screen::MainMenu,
                ClassLaunch::Join { .. } => Screen::ClassJoin,
            };
            world.resource_mut::<NextState<Screen>>().set(screen);
        }
    });
}

/// The class's actions: the menu's host and join, the dashboard's controls, the seat's
/// commands (from the seat's desk, and from the usual screens at a company's seat).
#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it touches
fn carry_out_class_actions(
    mut actions: MessageReader<UiAction>,
    screen: Res<State<Screen>>,
    mut hosted: Option<ResMut<HostedClass>>,
    seat: Option<Res<ClassSeat>>,
    catalog: Res<ScenarioCatalog>,
    assets: Res<Assets<ScenarioAsset>>,
    folder: Res<ScenarioFolder>,
    mode: Res<NextMode>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut window: ResMut<ClassWindow>,
    targets: Res<SearchTargets>,
    mut commands: Commands,
) {
    let mut fired_notice = None;
    for UiAction(action) in actions.read() {
        let class_action = match action {
            Action::Class(a) => a.clone(),
            // The usual screens at a company's seat: the command goes to the host.
            other if *screen.get() == Screen::ClassSeat => {
                match (command_of(other), seat.as_deref()) {
                    (Some(crate::sim::Command::FinishEarly), _) | (None, _) | (_, None) => {}
                    (Some(command), Some(seat)) => seat.send(&mut commands, command),
                }
                continue;
            }
            _ => continue,
        };
        match class_action {
            ClassAction::Host(index) => {
                let Some(slot) = catalog.slots.get(index) else { continue };
                if catalog.ready(index, &assets).is_none() {
                    continue;
                }
                let path = folder.dir.join(&slot.file_name);
                let mode = mode.0;
                commands.queue(move |world: &mut World| {
                    let request = HostRequest {
                        scenario: path,
                        port: DEFAULT_PORT,
                        seats: None,
                        mode,
                        collect: None,
                        autosave: None,
                        resume: false,
                        team_size: 1,
                    };
                    if let Err(problem) = host(world, request) {
                        world.resource_mut::<super::session::Notice>().0 = Some(problem.clone());
                        world.resource_mut::<ClassWindow>().problem = Some(problem);
                    }
                });
            }
            ClassAction::OpenJoin => next_screen.set(Screen::ClassJoin),
            ClassAction::Discover => {
                window.searched = true;
                window.found.clear();
                match crate::class::discovery::Search::start(&targets.0) {
                    Ok(search) => commands.insert_resource(ClassSearch {
                        search,
                        started: std::time::Instant::now(),
                    }),
                    Err(e) => window.problem = Some(format!("could not ask the network: {e}")),
                }
            }
            ClassAction::Join { target, name, number } => {
                commands.queue(move |world: &mut World| {
                    if let Err(problem) = join(world, &target, &name, &number) {
                        world.remove_resource::<ClassSeat>();
                        world.resource_mut::<ClassWindow>().problem = Some(problem);
                    }
                });
            }
            ClassAction::Send(command) => {
                if let Some(seat) = seat.as_deref() {
                    seat.send(&mut commands, *command);
                }
            }
            ClassAction::Leave => commands.queue(leave),
            instructor => {
                let Some(hosted) = hosted.as_mut() else { continue };
                let class = &mut hosted.class;
                match instructor {
                    ClassAction::Start if !class.is_started() && class.present().count() > 0 => class.start(),
                    ClassAction::SetPaused(paused) => class.set_paused(paused),
                    ClassAction::AdvanceDay => {
                        for problem in class.advance_day().into_iter().filter_map(Result::err) {
                            warn!("advancing the day: {problem}");
                        }
                    }
                    ClassAction::SetLocked(locked) => class.set_locked(locked),
                    ClassAction::Remove(student) => {
                        class.remove(student);
                    }
                    ClassAction::Assign { student, table, seat } => {
                        if let Err(e) = class.assign(student, table, &seat) {
                            fired_notice = Some(format!("not moved: {e}"));
                        }
                    }
                    ClassAction::End => {
                        class.end();
                    }
                    ClassAction::FireEvent { table, event } => {
                        let outcomes = class.fire_event(table, &event);
                        let fired: Vec<String> = outcomes
                            .iter()
                            .filter(|(_, r)| r.is_ok())
                            .map(|(t, _)| (t + 1).to_string())
                            .collect();
                        let refused = outcomes
                            .iter()
                            .find_map(|(t, r)| r.as_ref().err().map(|e| (t + 1, e.to_string())));
                        let summary = match (fired.is_empty(), refused) {
                            (false, None) => format!("`{event}` fired at table(s) {}", fired.join(", ")),
                            (false, Some((t, why))) => {
                                format!(
                                    "`{event}` fired at table(s) {}; not at table {t}: {why}",
                                    fired.join(", ")
                                )
                            }
                            (true, Some((t, why))) => format!("`{event}` not fired (table {t}: {why})"),
                            (true, None) => format!("`{event}`: no table is running"),
                        };
                        fired_notice = Some(summary);
                    }
                    _ => continue,
                }
                hosted.mark_changed();
            }
        }
    }
    if fired_notice.is_some() {
        window.fired = fired_notice;
    }
}

/// How often a window in a class wakes without input to hear the network.
pub const CLASS_WAKEUP: std::time::Duration = std::time::Duration::from_millis(100);

/// A reactive window sleeps until input: in a class it must also wake for the network (the
/// host's answers, the other side's offers, the students' moves on the dashboard), a few
/// times a second. Out of class it sleeps as before.
fn wake_for_the_network(
    (hosted, seat, search): (
        Option<Res<HostedClass>>,
        Option<Res<ClassSeat>>,
        Option<Res<ClassSearch>>,
    ),
    settings: Option<ResMut<bevy::winit::WinitSettings>>,
    mut before: Local<Option<bevy::winit::WinitSettings>>,
) {
    let Some(mut settings) = settings else { return };
    let in_class = hosted.is_some() || seat.is_some() || search.is_some();
    let continuous = matches!(settings.focused_mode, bevy::winit::UpdateMode::Continuous);
    match (in_class, before.is_some()) {
        (true, false) if !continuous => {
            *before = Some(settings.clone());
            settings.focused_mode = bevy::winit::UpdateMode::reactive(CLASS_WAKEUP);
            settings.unfocused_mode = bevy::winit::UpdateMode::reactive(CLASS_WAKEUP);
        }
        (false, true) => {
            if let Some(earlier) = before.take() {
                *settings = earlier;
            }
        }
        _ => {}
    }
}

/// Gathers the hosts' answers while the search listens.
fn gather_found_classes(search: Option<ResMut<ClassSearch>>, mut window: ResMut<ClassWindow>, mut commands: Commands) {
    let Some(mut search) = search else { return };
    window.found = search.search.poll().to_vec();
    if search.started.elapsed() > SEARCH_TIME {
        commands.remove_resource::<ClassSearch>();
    }
}

/// Replays the company's table when the host sent new commands.
fn follow_the_table(seat: Option<Res<ClassSeat>>, followed: Option<Res<FollowedTable>>, mut commands: Commands) {
    let Some(mirror) = seat.as_deref().and_then(|s| s.mirror.as_ref()) else {
        return;
    };
    if followed.is_some_and(|f| f.commands == mirror.len()) {
        return;
    }
    match mirror.session() {
        Ok(session) => commands.insert_resource(FollowedTable {
            commands: mirror.len(),
            session,
        }),
        Err(e) => warn!("the followed table does not replay: {e}"),
    }
}

/// Reads the report once the host sent it, for the seat screen.
fn keep_the_report(seat: Option<Res<ClassSeat>>, mut window: ResMut<ClassWindow>) {
    let Some(seat) = seat else { return };
    if window.report.is_some() {
        return;
    }
    let Some(text) = seat.report.as_deref() else { return };
    match ReportFile::parse(text) {
        Ok(report) => {
            window.report = Some(report);
            window.report_kept = Some(match &seat.report_file {
                Some(path) if path.exists() => format!("Kept on this PC: {}", path.display()),
                _ => "The instructor's PC keeps your report.".to_string(),
            });
        }
        Err(e) => window.problem = Some(format!("the report from the host cannot be read: {e}")),
    }
}

fn root_ui(ctx: &bevy_egui::egui::Context) -> bevy_egui::egui::Ui {
    super::interface::root_ui(ctx)
}

fn draw_dashboard(
    mut contexts: EguiContexts,
    text: Res<UiText>,
    hosted: Option<Res<HostedClass>>,
    mut window: ResMut<ClassWindow>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(hosted) = hosted else {
        return Ok(());
    };
    let class = &hosted.class;
    let rows = class.dashboard();
    let connected: Vec<_> = hosted.connected_students().into_iter().collect();
    let deals = class.deals();
    let space = class.deal_space();
    let market = class.market_standing(usize::MAX);
    let classmate_trades = class.classmate_trades();
    let feed = class.feed(6);
    let refusals: Vec<String> = class.refusals().iter().map(|r| text.0.say(&r.refusal.said())).collect();
    let mut collected: Vec<String> = hosted
        .outcome
        .written
        .iter()
        .map(|p| {
            text.0
                .tr_args("dash-wrote", &[("path", p.display().to_string().into())])
        })
        .collect();
    collected.extend(
        hosted
            .outcome
            .problems
            .iter()
            .map(|p| text.0.tr_args("dash-problem", &[("problem", p.clone().into())])),
    );
    let (address, code) = window
        .hosting
        .as_ref()
        .map(|(a, c)| (a.to_string(), c.clone()))
        .unwrap_or_default();
    let fired = window.fired.clone();
    let seat_ids = class.seat_ids();
    let title = crate::ui::pick(&class.scenario().meta().title, text.0.language()).to_string();
    let events: Vec<(String, String)> = class
        .scenario()
        .random_events()
        .iter()
        .map(|e| (e.id.clone(), dashboard::describe_effect(&e.effect, &text.0)))
        .collect();
    let seat_names: Vec<(String, String)> = class
        .scenario()
        .seats()
        .iter()
        .map(|s| (s.id.clone(), crate::ui::pick(&s.name, text.0.language()).to_string()))
        .collect();
    let view = dashboard::DashboardView {
        cat: &text.0,
        title: &title,
        join_code: &code,
        address: &address,
        exam: !class.mode().hints(),
        started: class.is_started(),
        paused: class.is_paused(),
        locked: class.is_locked(),
        over: class.is_over(),
        rows: &rows,
        connected: &connected,
        deals: &deals,
        space: space.as_deref(),
        feed: &feed,
        refusals: &refusals,
        collected: &collected,
        events: &events,
        tables: class.tables().len(),
        seat_ids: &seat_ids,
        seat_names: &seat_names,
        notice: fired.as_deref(),
        market: market.as_ref(),
        classmate_trades: classmate_trades.as_deref(),
    };
    if let Some(action) = dashboard::draw(&mut root_ui(ctx), &view, &mut window.dashboard) {
        actions.write(UiAction(action));
    }
    Ok(())
}

fn draw_join_form(
    mut contexts: EguiContexts,
    text: Res<UiText>,
    search: Option<Res<ClassSearch>>,
    mut window: ResMut<ClassWindow>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let window = &mut *window;
    let view = classroom::JoinView {
        cat: &text.0,
        problem: window.problem.as_deref(),
        found: &window.found,
        searching: search.is_some(),
        searched: window.searched,
    };
    if let Some(action) = classroom::join_form(&mut root_ui(ctx), &view, &mut window.join) {
        actions.write(UiAction(action));
    }
    Ok(())
}

/// Where this PC's seat is in the class.
pub fn seat_status(seat: &ClassSeat) -> SeatStatus {
    if seat.wrong_version.is_some() {
        SeatStatus::WrongVersion
    } else if seat.report.is_some() {
        SeatStatus::Over
    } else if seat.seat.is_none() {
        SeatStatus::Connecting
    } else if seat.view.is_some() {
        SeatStatus::Playing
    } else {
        SeatStatus::Waiting
    }
}

#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it touches
fn draw_class_seat(
    mut contexts: EguiContexts,
    text: Res<UiText>,
    seat: Option<Res<ClassSeat>>,
    followed: Option<Res<FollowedTable>>,
    page: Res<CurrentPage>,
    mut window: ResMut<ClassWindow>,
    mut drafts: ResMut<Drafts>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(seat) = seat else { return Ok(()) };
    let window = &mut *window;
    let status = seat_status(&seat);
    let view = SeatScreenView {
        cat: &text.0,
        status,
        scenario_title: &seat.scenario_title,
        name: &seat.name,
        seat: seat.seat.as_deref(),
        table: seat.table,
        view: seat.view.as_ref(),
        notices: &seat.notices,
        report: window.report.as_ref(),
        report_kept: window.report_kept.as_deref(),
        debrief: &seat.debrief,
        scenario: followed.as_deref().map(|t| t.session.scenario()),
    };
    let company = seat.plays == Some(SeatPlays::Company);
    let mut ui = root_ui(ctx);
    let action = match followed.as_deref() {
        Some(table) if company && window.report.is_none() && status == SeatStatus::Playing => {
            let mut action = None;
            bevy_egui::egui::Panel::top("class-seat-banner").show(&mut ui, |ui| {
                ui.add_space(4.0);
                action = classroom::banner(ui, &view, &mut window.seat.classmates);
                ui.add_space(4.0);
            });
            let play_view = play::PlayView {
                cat: &text.0,
                session: &table.session,
                page: page.0,
                auto_advance: false,
                paused: false,
                notice: None,
                class_seat: true,
            };
            play::draw(&mut ui, &play_view, &mut drafts.play).or(action)
        }
        _ => classroom::draw(&mut ui, &view, &mut window.seat),
    };
    if let Some(action) = action {
        actions.write(UiAction(action));
    }
    Ok(())
}
