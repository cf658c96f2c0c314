//! Classroom play over loopback (issue 18): a host and two students' clients, headless, in one
//! process on 127.0.0.1. The students join and are seated, the exporter's offer reaches the
//! importer's view, and a forged command is refused by the host. Bounded loops only.

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::netcode::{
    ClientAuthentication, NetcodeClientTransport, NetcodeServerTransport, ServerAuthentication, ServerConfig,
};
use bevy_replicon_renet::renet::ConnectionConfig;
use bevy_replicon_renet::{RenetChannelsExt, RenetClient, RenetServer, RepliconRenetPlugins};
use tradeport::class::Class;
use tradeport::game::classroom::{
    ClassHostPlugin, ClassProtocolPlugin, HostedClass, JoinClass, Refused, SeatUpdate, Seated, SendCommand,
};
use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::Command;

const PROTOCOL_ID: u64 = 7;

/// What a client received from the host.
#[derive(Resource, Default)]
struct Inbox {
    seated: Vec<Seated>,
    views: Vec<SeatUpdate>,
    refused: Vec<Refused>,
}

fn app() -> App {
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

fn connection(app: &App) -> ConnectionConfig {
    let channels = app.world().resource::<RepliconChannels>();
    ConnectionConfig {
        server_channels_config: channels.server_configs(),
        client_channels_config: channels.client_configs(),
        ..Default::default()
    }
}

fn host() -> (App, u16) {
    let scenario = load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
        .unwrap_or_else(|d| panic!("{}", render_plain(&d)));
    let mut app = app();
    app.add_plugins(ClassHostPlugin)
        .insert_resource(HostedClass::new(Class::new(Arc::new(scenario))));
    app.finish();
    let socket = UdpSocket::bind(SocketAddr::new(Ipv4Addr::LOCALHOST.into(), 0)).unwrap_or_else(|e| panic!("{e}"));
    let address = socket.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let transport = NetcodeServerTransport::new(
        ServerConfig {
            current_time: now(),
            max_clients: 8,
            protocol_id: PROTOCOL_ID,
            public_addresses: vec![address],
            authentication: ServerAuthentication::Unsecure,
        },
        socket,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let server = RenetServer::new(connection(&app));
    app.insert_resource(server).insert_resource(transport);
    (app, address.port())
}

fn client(port: u16, id: u64) -> App {
    let mut app = app();
    app.init_resource::<Inbox>()
        .add_observer(|m: On<Seated>, mut inbox: ResMut<Inbox>| inbox.seated.push(m.event().clone()))
        .add_observer(|m: On<SeatUpdate>, mut inbox: ResMut<Inbox>| inbox.views.push(m.event().clone()))
        .add_observer(|m: On<Refused>, mut inbox: ResMut<Inbox>| inbox.refused.push(m.event().clone()));
    app.finish();
    let socket = UdpSocket::bind(SocketAddr::new(Ipv4Addr::LOCALHOST.into(), 0)).unwrap_or_else(|e| panic!("{e}"));
    let transport = NetcodeClientTransport::new(
        now(),
        ClientAuthentication::Unsecure {
            client_id: id,
            protocol_id: PROTOCOL_ID,
            server_addr: SocketAddr::new(Ipv4Addr::LOCALHOST.into(), port),
            user_data: None,
        },
        socket,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let client = RenetClient::new(connection(&app));
    app.insert_resource(client).insert_resource(transport);
    app
}

/// Updates every app until `done` holds, at most 500 rounds of 2 ms.
fn run_until(apps: &mut [&mut App], done: impl Fn(&[&mut App]) -> bool) -> bool {
    for _ in 0..500 {
        for app in apps.iter_mut() {
            app.update();
        }
        if done(apps) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}

fn inbox(app: &App) -> &Inbox {
    app.world().resource::<Inbox>()
}

#[test]
fn two_students_join_over_loopback_and_the_host_refuses_a_forged_command() {
    let (mut host, port) = host();
    let mut exporter = client(port, 1);
    let mut importer = client(port, 2);
    let connected = run_until(&mut [&mut host, &mut exporter, &mut importer], |apps| {
        apps[1].world().resource::<RenetClient>().is_connected()
            && apps[2].world().resource::<RenetClient>().is_connected()
    });
    assert!(connected, "both clients connect over loopback");

    // The exporter joins first (the company's seat), then the importer.
    for (who, name, number) in [(1usize, "Li Na", "2024001"), (2, "Wang Wei", "2024002")] {
        let join = JoinClass {
            name: name.to_string(),
            number: number.to_string(),
            token: None,
        };
        let app = if who == 1 { &mut exporter } else { &mut importer };
        app.world_mut().commands().client_trigger(join);
        let seated = run_until(&mut [&mut host, &mut exporter, &mut importer], |apps| {
            !apps[who].world().resource::<Inbox>().seated.is_empty()
        });
        assert!(seated, "{name} is seated");
    }
    let seat = |app: &App| inbox(app).seated.first().map(|s| (s.seat.clone(), s.token.clone()));
    let (exporter_seat, exporter_token) = seat(&exporter).unwrap_or_else(|| panic!("exporter seated"));
    let (importer_seat, importer_token) = seat(&importer).unwrap_or_else(|| panic!("importer seated"));
    assert_eq!(
        (exporter_seat.as_str(), importer_seat.as_str()),
        ("company", "counterparts")
    );
    assert_ne!(exporter_token, importer_token);

    // One seat per PC: a second join from the exporter's PC is refused, and seats nobody.
    exporter.world_mut().commands().client_trigger(JoinClass {
        name: "Li Na again".to_string(),
        number: "2024099".to_string(),
        token: None,
    });
    let refused = run_until(&mut [&mut host, &mut exporter, &mut importer], |apps| {
        !apps[1].world().resource::<Inbox>().refused.is_empty()
    });
    assert!(refused, "a second join is answered");
    assert_eq!(host.world().resource::<HostedClass>().class.students().len(), 2);

    host.world_mut().resource_mut::<HostedClass>().class.start();
    exporter.world_mut().commands().client_trigger(SendCommand {
        token: exporter_token.clone(),
        seat: exporter_seat.clone(),
        command: Command::MakeOffer {
            task: "negotiate-deal".to_string(),
            options: vec![18, 2, 0, 0],
            note: "Best regards".to_string(),
        },
    });
    let offer_seen = run_until(&mut [&mut host, &mut exporter, &mut importer], |apps| {
        apps[2]
            .world()
            .resource::<Inbox>()
            .views
            .iter()
            .any(|u| u.view.negotiations.first().is_some_and(|n| n.offers.len() == 1))
    });
    assert!(offer_seen, "the importer's view shows the exporter's offer");
    let last = inbox(&importer)
        .views
        .last()
        .map(|u| u.view.clone())
        .unwrap_or_else(|| panic!("a view"));
    assert!(
        last.company.is_none(),
        "the importer is not sent the exporter's company"
    );

    // The importer forges a command on the exporter's seat with its own token.
    importer.world_mut().commands().client_trigger(SendCommand {
        token: importer_token,
        seat: exporter_seat,
        command: Command::EndDay,
    });
    let refused = run_until(&mut [&mut host, &mut exporter, &mut importer], |apps| {
        !apps[2].world().resource::<Inbox>().refused.is_empty()
    });
    assert!(refused, "the host answers the forgery");
    assert!(
        inbox(&importer).refused[0].reason.contains("not this student's"),
        "{}",
        inbox(&importer).refused[0].reason
    );
    let hosted = host.world().resource::<HostedClass>();
    assert_eq!(hosted.class.refusals().len(), 1, "logged");
    assert_eq!(
        hosted.class.tables()[0].session().map(|s| s.commands().len()),
        Some(1),
        "only the exporter's offer was applied"
    );
}
