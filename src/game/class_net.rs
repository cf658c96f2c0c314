//! The sockets of a class (renet's netcode over UDP) and the headless host and bot that
//! `tradeport host --headless` and `tradeport join --bot` run, without a window. Tests build
//! the same apps on 127.0.0.1.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::netcode::{
    ClientAuthentication, NetcodeClientTransport, NetcodeServerTransport, ServerAuthentication, ServerConfig,
};
use bevy_replicon_renet::renet::ConnectionConfig;
use bevy_replicon_renet::{RenetChannelsExt, RenetClient, RenetServer, RepliconRenetPlugins};

use super::class_client::{ClassClientPlugin, ClassSeat};
use super::class_host::{ClassHostPlugin, HostSettings, HostedClass};
use super::classroom::{ClassProtocolPlugin, MAX_CLIENTS, PROTOCOL_ID};
use crate::class::Class;

/// A Bevy app with the class protocol and no window.
pub fn headless_app() -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        RepliconPlugins,
        RepliconRenetPlugins,
        ClassProtocolPlugin,
    ));
    app
}

fn now() -> Duration {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
}

fn connection(world: &World) -> ConnectionConfig {
    let channels = world.resource::<RepliconChannels>();
    ConnectionConfig {
        server_channels_config: channels.server_configs(),
        client_channels_config: channels.client_configs(),
        ..Default::default()
    }
}

/// This PC's address on the LAN, as students would reach it: the address of the interface
/// that routes outwards (no packet is sent), or loopback without a network.
pub fn lan_address() -> Ipv4Addr {
    let routed = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|s| s.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).map(|()| s))
        .and_then(|s| s.local_addr());
    match routed {
        Ok(SocketAddr::V4(a)) if !a.ip().is_unspecified() => *a.ip(),
        _ => Ipv4Addr::LOCALHOST,
    }
}

/// Opens the host's socket on `bind` (port 0: any free port) and adds the server to the
/// world (a headless app's, or the window's when the instructor hosts from the menu).
/// Returns the address students use (the LAN address, or loopback when bound to it).
///
/// # Errors
/// When the port cannot be opened.
pub fn open_host(world: &mut World, bind: SocketAddrV4) -> std::io::Result<SocketAddrV4> {
    let socket = UdpSocket::bind(bind)?;
    let port = socket.local_addr()?.port();
    let ip = if bind.ip().is_unspecified() {
        lan_address()
    } else {
        *bind.ip()
    };
    let public = SocketAddrV4::new(ip, port);
    let mut addresses = vec![SocketAddr::V4(public)];
    let loopback = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port);
    if !addresses.contains(&loopback) {
        addresses.push(loopback);
    }
    let transport = NetcodeServerTransport::new(
        ServerConfig {
            current_time: now(),
            max_clients: MAX_CLIENTS,
            protocol_id: PROTOCOL_ID,
            public_addresses: addresses,
            authentication: ServerAuthentication::Unsecure,
        },
        socket,
    )
    .map_err(|e| std::io::Error::other(e.to_string()))?;
    let server = RenetServer::new(connection(world));
    world.insert_resource(server);
    world.insert_resource(transport);
    Ok(public)
}

/// Answers students' PCs looking for classes on the network, on `bind` (normally
/// `0.0.0.0:DISCOVERY_PORT`), for the class on `class_port`.
///
/// # Errors
/// When the port is taken (another class hosted on this PC); the join code still works.
pub fn open_beacon(world: &mut World, bind: SocketAddrV4, class_port: u16, title: &str) -> std::io::Result<()> {
    let announcement = crate::class::discovery::Announcement {
        version: super::classroom::VERSION.to_string(),
        port: class_port,
        title: title.to_string(),
    };
    let responder = crate::class::discovery::Responder::open(bind, &announcement)?;
    world.insert_resource(super::class_host::ClassBeacon(responder));
    Ok(())
}

/// The host's traffic now per connected client, bytes per second (out, in), from renet's
/// per-connection rates; `None` with nobody connected.
pub fn traffic_per_client(world: &World) -> Option<(f64, f64)> {
    let server = world.get_resource::<RenetServer>()?;
    let ids = server.clients_id();
    if ids.is_empty() {
        return None;
    }
    let (mut sent, mut received) = (0.0, 0.0);
    for id in &ids {
        if let Ok(info) = server.network_info(*id) {
            sent += info.bytes_sent_per_second;
            received += info.bytes_received_per_second;
        }
    }
    Some((sent / ids.len() as f64, received / ids.len() as f64))
}

/// Connects this PC (the world's app) to the host at `host`.
///
/// # Errors
/// When no socket can be opened.
pub fn connect(world: &mut World, host: SocketAddrV4) -> std::io::Result<()> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))?;
    // Netcode tells connections apart by a client id: random, so two PCs never share one.
    let client_id = crate::class::Token::random()
        .ok()
        .and_then(|t| u64::from_str_radix(&t.to_hex()[..16], 16).ok())
        .unwrap_or_else(|| now().as_nanos() as u64);
    let transport = NetcodeClientTransport::new(
        now(),
        ClientAuthentication::Unsecure {
            client_id,
            protocol_id: PROTOCOL_ID,
            server_addr: SocketAddr::V4(host),
            user_data: None,
        },
        socket,
    )
    .map_err(|e| std::io::Error::other(e.to_string()))?;
    let client = RenetClient::new(connection(world));
    world.insert_resource(client);
    world.insert_resource(transport);
    Ok(())
}

/// A headless host app running `class`.
///
/// # Errors
/// When the port cannot be opened.
pub fn host_app(
    class: Class,
    package: Option<crate::class::package::ScenarioPackage>,
    settings: HostSettings,
    bind: SocketAddrV4,
) -> std::io::Result<(App, SocketAddrV4)> {
    let mut app = headless_app();
    app.add_plugins(ClassHostPlugin)
        .insert_resource(HostedClass::new(class, package, settings));
    app.finish();
    app.cleanup();
    let address = open_host(app.world_mut(), bind)?;
    Ok((app, address))
}

/// A headless student's PC (a bot, or a test's hand) joining the host at `host`.
///
/// # Errors
/// When no socket can be opened.
pub fn join_app(seat: ClassSeat, host: SocketAddrV4) -> std::io::Result<App> {
    let mut app = headless_app();
    app.add_plugins(ClassClientPlugin).insert_resource(seat);
    app.finish();
    app.cleanup();
    connect(app.world_mut(), host)?;
    Ok(app)
}

/// A class to host (`tradeport host`, headless or in the window): a new one, or one resumed
/// from its class file after a restart.
#[derive(Debug, Clone)]
pub struct HostRequest {
    pub scenario: PathBuf,
    pub port: u16,
    /// Start by itself once this many students are seated (headless default: every seat of
    /// one table; in the window the instructor starts).
    pub seats: Option<usize>,
    /// Practice, or exam for every table (hints and calculators off; reports say so).
    pub mode: crate::sim::session::PlayMode,
    /// Where the reports and the gradebook go (window default: beside the class file).
    pub collect: Option<PathBuf>,
    /// The class file (window default: a new folder per class in the data folder).
    pub autosave: Option<PathBuf>,
    /// Resume the class in `autosave` instead of starting a new one.
    pub resume: bool,
    /// Students holding each seat as a team (1 to 3).
    pub team_size: usize,
}

/// Runs a class without a window until every table's scenario is over (or Ctrl+C). Prints the
/// join code and address, then what it wrote. Returns whether it ended cleanly.
pub fn run_headless_host(args: &HostRequest, out: &mut dyn std::io::Write) -> std::io::Result<bool> {
    let scenario = match crate::scenario::load_scenario_file(&args.scenario) {
        Ok(s) => Arc::new(s),
        Err(d) => {
            writeln!(out, "{}", crate::scenario::error::render_plain(&d))?;
            return Ok(false);
        }
    };
    if args.seats.is_some_and(|n| n > MAX_CLIENTS) {
        writeln!(
            out,
            "tradeport: --seats is at most {MAX_CLIENTS} (the PCs one host takes at once)"
        )?;
        return Ok(false);
    }
    let class = match (&args.autosave, args.resume) {
        (Some(path), true) => {
            let text = crate::scenario::load::read_bounded_text(path, 64 * 1024 * 1024).map_err(|e| {
                std::io::Error::other(format!(
                    "cannot read the class file {}: {e}",
                    crate::escape::printable(&path.display().to_string(), 200)
                ))
            })?;
            match Class::resume(Arc::clone(&scenario), &text) {
                Ok(class) => class,
                Err(e) => {
                    writeln!(out, "tradeport: cannot resume {}: {e}", path.display())?;
                    return Ok(false);
                }
            }
        }
        _ => Class::new(Arc::clone(&scenario))
            .with_mode(args.mode)
            .with_team_size(args.team_size),
    };
    let hotseat = class.tables_are_hotseat();
    let human_seats = class.seat_ids_count();
    let package = match crate::class::package::package(&args.scenario, hotseat) {
        Ok(p) => p,
        Err(d) => {
            writeln!(out, "{}", crate::scenario::error::render_plain(&d))?;
            return Ok(false);
        }
    };
    let settings = HostSettings {
        start_when_seated: Some(args.seats.unwrap_or(human_seats * class.team_size()).max(1)),
        autosave: args.autosave.clone(),
        collect: args.collect.clone(),
    };
    let (mut app, address) = host_app(
        class,
        Some(package),
        settings,
        SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, args.port),
    )?;
    let beacon = open_beacon(
        app.world_mut(),
        SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, crate::class::discovery::DISCOVERY_PORT),
        address.port(),
        &scenario.meta().title.en,
    );
    writeln!(
        out,
        "class: {}{}\njoin code: {}\naddress: {address}\ndiscovery: {}",
        crate::escape::printable(&scenario.meta().title.en, 200),
        if app.world().resource::<HostedClass>().class.mode().hints() {
            ""
        } else {
            " (exam)"
        },
        crate::class::code::encode(address),
        match beacon {
            Ok(()) => "on (students can find this class from \"Join a class\")".to_string(),
            Err(e) => format!("off ({e}); the join code works"),
        }
    )?;
    out.flush()?;
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::try_set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst));
    let mut over_since: Option<Instant> = None;
    // Every host update's time once the class runs, for the summary at the end (the load
    // figure of a lab: p95 of the host's tick).
    let mut ticks: Vec<Duration> = Vec::new();
    let (mut traffic, mut samples, mut last_sample) = ((0.0, 0.0), 0u32, Instant::now());
    while !stop.load(std::sync::atomic::Ordering::SeqCst) {
        let tick = Instant::now();
        app.update();
        let took = tick.elapsed();
        let hosted = app.world().resource::<HostedClass>();
        if hosted.class.is_started() && ticks.len() < 10_000_000 {
            ticks.push(took);
            if last_sample.elapsed() >= Duration::from_millis(500)
                && let Some((sent, received)) = traffic_per_client(app.world())
            {
                last_sample = Instant::now();
                traffic = (traffic.0 + sent, traffic.1 + received);
                samples += 1;
            }
        }
        if hosted.outcome.over && over_since.is_none() {
            over_since = Some(Instant::now());
        }
        // A second for the reports to reach the students' PCs.
        if over_since.is_some_and(|t| t.elapsed() > Duration::from_secs(1)) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let hosted = app.world().resource::<HostedClass>();
    ticks.sort();
    if let Some(max) = ticks.last() {
        let at = |per_mille: usize| super::class_bench::percentile(&ticks, per_mille).as_secs_f64() * 1000.0;
        writeln!(
            out,
            "host ticks: {} · p50 {:.3} ms · p95 {:.3} ms · p99 {:.3} ms · max {:.3} ms · per client {:.0} B/s out, {:.0} B/s in",
            ticks.len(),
            at(500),
            at(950),
            at(990),
            max.as_secs_f64() * 1000.0,
            traffic.0 / f64::from(samples.max(1)),
            traffic.1 / f64::from(samples.max(1))
        )?;
    }
    for path in &hosted.outcome.written {
        writeln!(out, "wrote {}", path.display())?;
    }
    for problem in &hosted.outcome.problems {
        writeln!(out, "problem: {problem}")?;
    }
    Ok(hosted.outcome.over && hosted.outcome.problems.is_empty())
}

/// What `tradeport join --bot` was asked for.
#[derive(Debug, Clone)]
pub struct HeadlessJoin {
    pub host: SocketAddrV4,
    pub bot: crate::class::bot::Policy,
    pub name: String,
    pub number: String,
    pub token_file: Option<PathBuf>,
    pub report_file: Option<PathBuf>,
    /// Give up after this long without the class ending.
    pub timeout: Duration,
}

/// Plays one seat headless until the host sends the report. Returns whether it got one.
pub fn run_headless_join(args: &HeadlessJoin, out: &mut dyn std::io::Write) -> std::io::Result<bool> {
    let mut seat = ClassSeat::new(&args.name, &args.number, Some(args.bot));
    seat.token_file = args.token_file.clone();
    seat.report_file = args.report_file.clone();
    let mut app = join_app(seat, args.host)?;
    let started = Instant::now();
    let mut said = 0;
    let mut seated = false;
    while started.elapsed() < args.timeout {
        app.update();
        let seat = app.world().resource::<ClassSeat>();
        if !seated && let Some(s) = &seat.seat {
            seated = true;
            writeln!(out, "seated at {s} in {}", seat.scenario_title)?;
        }
        for notice in seat.notices.iter().skip(said) {
            writeln!(out, "{notice}")?;
        }
        said = seat.notices.len();
        if seat.wrong_version.is_some() {
            return Ok(false);
        }
        if seat.is_done() {
            writeln!(out, "the class is over; the report arrived")?;
            return Ok(true);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    writeln!(
        out,
        "gave up after {} s without the end of class",
        args.timeout.as_secs()
    )?;
    Ok(false)
}
