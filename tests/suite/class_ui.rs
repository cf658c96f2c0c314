//! The class screens clicked through with egui_kittest: the instructor's dashboard, the join
//! form and the counterparts' desk, each given a view from a real class (no network here;
//! `class_window.rs` tests the wiring).

use std::path::Path;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradeport::class::{Class, StudentId, Token};
use tradeport::i18n::{Catalogue, Language};
use tradeport::scenario::error::render_plain;
use tradeport::scenario::load_scenario_file;
use tradeport::sim::Command;
use tradeport::ui::classroom::{self, JoinDraft, JoinView, SeatDraft, SeatScreenView, SeatStatus};
use tradeport::ui::dashboard::{self, DashboardDraft, DashboardView};
use tradeport::ui::{Action, ClassAction};

/// The bundled B2B scenario.
fn b2b() -> Arc<tradeport::sim::Scenario> {
    Arc::new(
        load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", render_plain(&d))),
    )
}

fn token(n: u8) -> Token {
    Token::from_bytes([n; 16])
}

fn offer(options: Vec<usize>) -> Command {
    Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options,
        note: "Our best price for 2,400 pieces.".to_string(),
    }
}

/// The bundled B2B class of three, started: Li Na (exporter) and Wang Wei (importer) at
/// table 1, Zhang Min at table 2 with the AI; table 1 agreed on the second offer.
fn class_with_a_deal() -> Class {
    let scenario = b2b();
    let mut class = Class::new(scenario);
    for (n, (name, number)) in [("Li Na", "2024001"), ("Wang Wei", "2024002"), ("Zhang Min", "2024003")]
        .into_iter()
        .enumerate()
    {
        let n = u8::try_from(n + 1).unwrap_or(0);
        class.join(name, number, token(n)).unwrap_or_else(|e| panic!("{e}"));
    }
    class.start();
    class
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    class
        .submit(&token(2), "counterparts", offer(vec![5, 2, 0, 2]))
        .unwrap_or_else(|e| panic!("{e}"));
    class
        .submit(
            &token(1),
            "company",
            Command::AcceptOffer {
                task: "negotiate-deal".to_string(),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    class
}

#[derive(Default)]
struct DashboardState {
    draft: DashboardDraft,
    actions: Vec<Action>,
}

fn dashboard_harness(class: &Class) -> Harness<'static, DashboardState> {
    let cat = Box::leak(Box::new(Catalogue::new(Language::English)));
    let rows = Box::leak(Box::new(class.dashboard()));
    let deals = Box::leak(Box::new(class.deals()));
    let space = class.deal_space().map(|s| &*Box::leak(Box::new(s)));
    let feed = Box::leak(Box::new(class.feed(6)));
    let connected: &'static [StudentId] = Box::leak(Box::new([StudentId(0), StudentId(1)]));
    let events: &'static [(String, String)] = Box::leak(
        class
            .scenario()
            .random_events()
            .iter()
            .map(|e| (e.id.clone(), dashboard::describe_effect(&e.effect, cat)))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    let tables = class.tables().len();
    let market = class.market_standing(usize::MAX).map(|m| &*Box::leak(Box::new(m)));
    let trades = class.classmate_trades().map(|t| &*Box::leak(t.into_boxed_slice()));
    let seat_ids: &'static [String] = Box::leak(class.seat_ids().into_boxed_slice());
    let seat_names: &'static [(String, String)] = Box::leak(
        class
            .scenario()
            .seats()
            .iter()
            .map(|s| (s.id.clone(), s.name.en.clone()))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    let (started, paused, locked, over) = (
        class.is_started(),
        class.is_paused(),
        class.is_locked(),
        class.is_over(),
    );
    Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut DashboardState| {
            let view = DashboardView {
                cat,
                title: "Silk Blouses for Hamburg",
                join_code: "60N00-HE4W8",
                address: "192.168.1.23:5000",
                exam: false,
                started,
                paused,
                locked,
                over,
                rows,
                connected,
                deals,
                space: space.map(|s| &**s),
                feed,
                refusals: &[],
                collected: &[],
                events,
                tables,
                seat_ids,
                seat_names,
                notice: None,
                market,
                classmate_trades: trades,
            };
            if let Some(a) = dashboard::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        DashboardState::default(),
    )
}

#[test]
fn the_dashboard_shows_every_student_the_feed_and_the_deal_and_confirms_before_ending() {
    let class = class_with_a_deal();
    assert_eq!(class.deals().len(), 1, "table 1 agreed");
    let mut harness = dashboard_harness(&class);
    harness.run();
    assert!(
        harness.query_by_label("60N00-HE4W8").is_some(),
        "the join code is shown"
    );
    for name in ["Li Na", "Wang Wei", "Zhang Min"] {
        assert!(harness.query_by_label(name).is_some(), "{name} is listed");
    }
    // The feed says what happened at table 1, in words, newest first.
    let exporter = class.scenario().seats()[0].name.en.clone();
    assert!(
        harness
            .query_by_label_contains(&format!("Table 1 · {exporter} · accepted the offer on the table"))
            .is_some()
    );
    let offers = harness
        .query_all_by_label_contains("Table 1 · Counterparts · offer: unit price 25.50 EUR")
        .count();
    assert_eq!(offers, 1, "the importer's counter-offer, in the form's words");
    // The deal's utilities under the chart (seller's / buyer's).
    let point = class.deals()[0];
    let listed = format!(
        "Table 1: {} / {}",
        tradeport::sim::negotiation::domain::format_utility(point.seller),
        tradeport::sim::negotiation::domain::format_utility(point.buyer)
    );
    assert!(harness.query_by_label_contains(&listed).is_some(), "{listed}");
    // Zhang Min is not connected: her row says so on hover; two of three are connected.
    assert!(harness.query_by_label_contains("3 seated, 2 connected").is_some());

    // Ending asks first; "No" does nothing, "Yes" ends.
    harness.get_by_label("End the class and collect").click();
    harness.run();
    harness.get_by_label("No").click();
    harness.run();
    assert!(harness.state().actions.is_empty(), "{:?}", harness.state().actions);
    harness.get_by_label("End the class and collect").click();
    harness.run();
    harness.get_by_label("Yes").click();
    harness.run();
    assert_eq!(harness.state().actions, vec![Action::Class(ClassAction::End)]);
}

#[test]
fn the_dashboard_removes_a_student_only_when_confirmed_and_pauses_a_running_class() {
    let class = class_with_a_deal();
    let mut harness = dashboard_harness(&class);
    harness.run();
    harness.get_by_label("Pause").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![Action::Class(ClassAction::SetPaused(true))]
    );
    harness.state_mut().actions.clear();
    // The second "Remove" is Wang Wei's.
    let removes: Vec<_> = harness.query_all_by_label("Remove").collect();
    assert_eq!(removes.len(), 3);
    removes[1].click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Remove Wang Wei from the class?")
            .is_some()
    );
    harness.get_by_label("Yes").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![Action::Class(ClassAction::Remove(StudentId(1)))]
    );
}

#[test]
fn a_class_not_started_offers_start_and_lock_but_no_pause_or_end() {
    let scenario = b2b();
    let mut class = Class::new(scenario);
    class
        .join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut harness = dashboard_harness(&class);
    harness.run();
    assert!(harness.query_by_label_contains("waiting for students").is_some());
    assert!(harness.query_by_label_contains("1 seated, 2 connected").is_some());
    harness.get_by_label("Pause").click();
    harness.get_by_label("End the class and collect").click();
    harness.run();
    assert!(harness.state().actions.is_empty(), "disabled before the start");
    harness.get_by_label("Lock joining").click();
    harness.run();
    harness.get_by_label("Start the class").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![
            Action::Class(ClassAction::SetLocked(true)),
            Action::Class(ClassAction::Start)
        ]
    );
}

#[derive(Default)]
struct JoinState {
    draft: JoinDraft,
    actions: Vec<Action>,
}

fn join_harness(draft: JoinDraft) -> Harness<'static, JoinState> {
    let cat = Box::leak(Box::new(Catalogue::new(Language::English)));
    Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut JoinState| {
            let view = JoinView {
                cat,
                problem: None,
                found: &[],
                searching: false,
                searched: false,
            };
            if let Some(a) = classroom::join_form(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        JoinState {
            draft,
            actions: Vec::new(),
        },
    )
}

#[test]
fn the_join_form_joins_only_with_a_code_or_address_a_name_and_a_number() {
    let mut harness = join_harness(JoinDraft {
        target: "60N00-HE4W".to_string(),
        name: "Li Na".to_string(),
        number: "2024001".to_string(),
    });
    harness.run();
    assert!(harness.query_by_label_contains("neither a join code").is_some());
    harness.get_by_label("Join").click();
    harness.run();
    assert!(
        harness.state().actions.is_empty(),
        "a code one letter short joins nothing"
    );

    let mut harness = join_harness(JoinDraft {
        target: " 60n00-he4w8 ".to_string(),
        name: " Li Na ".to_string(),
        number: "2024001".to_string(),
    });
    harness.run();
    assert!(harness.query_by_label_contains("neither a join code").is_none());
    harness.get_by_label("Join").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![Action::Class(ClassAction::Join {
            target: "60n00-he4w8".to_string(),
            name: "Li Na".to_string(),
            number: "2024001".to_string(),
        })]
    );
}

#[derive(Default)]
struct SeatState {
    draft: SeatDraft,
    actions: Vec<Action>,
}

#[test]
fn the_counterparts_desk_shows_its_own_brief_and_answers_the_offer_on_the_table() {
    let scenario = b2b();
    let mut class = Class::new(scenario);
    class
        .join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    class
        .join("Wang Wei", "2024002", token(2))
        .unwrap_or_else(|e| panic!("{e}"));
    class.start();
    class
        .submit(&token(1), "company", offer(vec![18, 2, 0, 0]))
        .unwrap_or_else(|e| panic!("{e}"));
    let seat_view = class
        .view_for(&token(2))
        .unwrap_or_else(|| panic!("the importer has a view"));
    let talks = &seat_view.negotiations[0];
    let on_table_worth = talks.offers[0].worth_to_me;
    let your_move = format!("Your move ({} offers left", talks.offers_left);
    let seat_view: &'static _ = Box::leak(Box::new(seat_view));
    let cat = Box::leak(Box::new(Catalogue::new(Language::English)));
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut SeatState| {
            let view = SeatScreenView {
                cat,
                status: SeatStatus::Playing,
                scenario_title: "Silk Blouses for Hamburg",
                name: "Wang Wei",
                seat: Some("counterparts"),
                table: Some(0),
                view: Some(seat_view),
                notices: &[],
                report: None,
                report_kept: None,
                debrief: &[],
                scenario: None,
            };
            if let Some(a) = classroom::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        SeatState::default(),
    );
    harness.run();
    assert!(harness.query_by_label("You negotiate as the buyer.").is_some());
    assert!(
        harness.query_by_label("Close the blouse contract").is_some(),
        "the task's title"
    );
    assert!(harness.query_by_label_contains(&your_move).is_some(), "{your_move}");
    // The seller's note and the offer's worth to this seat, as the host computed it.
    assert!(harness.query_by_label("Our best price for 2,400 pieces.").is_some());
    let worth = format!(
        "worth {} to you",
        tradeport::sim::negotiation::domain::format_utility(on_table_worth)
    );
    assert!(harness.query_by_label(&worth).is_some(), "{worth}");
    // The counter-offer starts from the offer on the table; sending it sends those terms.
    harness.get_by_label("Send offer").click();
    harness.run();
    harness.get_by_label("Accept their offer").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![
            Action::Class(ClassAction::Send(Box::new(Command::MakeOffer {
                task: "negotiate-deal".to_string(),
                options: vec![18, 2, 0, 0],
                note: String::new(),
            }))),
            Action::Class(ClassAction::Send(Box::new(Command::AcceptOffer {
                task: "negotiate-deal".to_string(),
            }))),
        ]
    );
}

#[test]
fn the_dashboard_fires_one_of_the_scenario_s_own_events_at_every_table_or_one() {
    let class = class_with_a_deal();
    let mut harness = dashboard_harness(&class);
    harness.run();
    // The scenario's events, named by what they do: the EUR shock is the scenario's "-2%".
    let first = &class.scenario().random_events()[0];
    assert_eq!(
        dashboard::describe_effect(&first.effect, &Catalogue::new(Language::English)),
        "EUR exchange rate −2.00 %"
    );
    harness.get_by_label("Fire now").click();
    harness.run();
    harness.state_mut().draft.event = 2;
    harness.state_mut().draft.event_table = Some(1);
    harness.run();
    harness.get_by_label("Fire now").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![
            Action::Class(ClassAction::FireEvent {
                table: None,
                event: "eur-weakens".to_string(),
            }),
            Action::Class(ClassAction::FireEvent {
                table: Some(1),
                event: "port-congestion".to_string(),
            }),
        ]
    );
}

#[test]
fn a_class_found_on_the_network_fills_in_its_join_code() {
    use std::net::{Ipv4Addr, SocketAddrV4};
    use tradeport::class::discovery::FoundClass;
    let address = SocketAddrV4::new(Ipv4Addr::new(192, 168, 1, 23), 5000);
    let found: &'static [FoundClass] = Box::leak(Box::new([
        FoundClass {
            address,
            code: "60N00-HE4W8".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            title: "Silk Blouses for Hamburg".to_string(),
        },
        FoundClass {
            address: SocketAddrV4::new(Ipv4Addr::new(192, 168, 1, 24), 5000),
            code: "60N00-JE4W8".to_string(),
            version: "0.0.1".to_string(),
            title: "An old class".to_string(),
        },
    ]));
    let cat = Box::leak(Box::new(Catalogue::new(Language::English)));
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut JoinState| {
            let view = JoinView {
                cat,
                problem: None,
                found,
                searching: false,
                searched: true,
            };
            if let Some(a) = classroom::join_form(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        JoinState {
            draft: JoinDraft {
                target: String::new(),
                name: "Li Na".to_string(),
                number: "2024001".to_string(),
            },
            actions: Vec::new(),
        },
    );
    harness.run();
    // A class of another version is listed but cannot be chosen.
    harness.get_by_label_contains("An old class").click();
    harness.run();
    assert_eq!(harness.state().draft.target, "");
    harness
        .get_by_label_contains("Silk Blouses for Hamburg · 60N00-HE4W8")
        .click();
    harness.run();
    assert_eq!(harness.state().draft.target, "60N00-HE4W8");
    harness.get_by_label("Find classes on this network").click();
    harness.run();
    harness.get_by_label("Join").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![
            Action::Class(ClassAction::Discover),
            Action::Class(ClassAction::Join {
                target: "60N00-HE4W8".to_string(),
                name: "Li Na".to_string(),
                number: "2024001".to_string(),
            })
        ]
    );
}

#[test]
fn before_the_start_the_dashboard_moves_a_student_to_another_seat() {
    let scenario = b2b();
    let mut class = Class::new(scenario);
    class
        .join("Li Na", "2024001", token(1))
        .unwrap_or_else(|e| panic!("{e}"));
    class
        .join("Wang Wei", "2024002", token(2))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut harness = dashboard_harness(&class);
    harness.run();
    let moves: Vec<_> = harness.query_all_by_value("Move to…").collect();
    assert_eq!(moves.len(), 2, "one per student before the start");
    moves[1].click();
    harness.run();
    // Wang Wei (table 1, importer) can go to table 1's exporter seat or a new table.
    // Seats go by their names in the instructor's language, not their ids.
    let exporter = class.scenario().seats()[0].name.en.clone();
    assert!(harness.query_by_label(&format!("a new table · {exporter}")).is_some());
    assert!(harness.query_by_label("a new table · company").is_none());
    harness.get_by_label(&format!("Table 1 · {exporter}")).click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![Action::Class(ClassAction::Assign {
            student: StudentId(1),
            table: 0,
            seat: "company".to_string(),
        })]
    );
}

#[test]
fn the_end_of_class_shows_the_student_s_debrief_with_each_criterion_and_hint() {
    let mut class = class_with_a_deal();
    class.end();
    let (student, report) = class
        .collect_reports()
        .into_iter()
        .next()
        .map(|(s, r)| (s.clone(), r))
        .unwrap_or_else(|| panic!("Li Na's report"));
    let session = class.tables()[student.table]
        .session()
        .unwrap_or_else(|| panic!("table 1"));
    let graded = report.graded(session).unwrap_or_else(|e| panic!("{e}"));
    let debrief: &'static [_] = Box::leak(tradeport::class::view::debrief_of(&graded).into_boxed_slice());
    let report: &'static _ = Box::leak(Box::new(report));
    // A criterion the student missed, with its hint, is explained.
    let missed = debrief
        .iter()
        .flat_map(|t| &t.criteria)
        .find(|c| c.earned < c.possible && c.hint.is_some())
        .unwrap_or_else(|| panic!("a missed criterion with a hint"));
    let missed_line = format!("✖ {} — {} / {}", missed.description.en, missed.earned, missed.possible);
    let hint_line = format!("Tip: {}", missed.hint.as_ref().map_or("", |h| h.en.as_str()));
    let score = format!(
        "{} / {} points",
        report.claims.total_earned, report.claims.total_possible
    );
    let cat = Box::leak(Box::new(Catalogue::new(Language::English)));
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut SeatState| {
            let view = SeatScreenView {
                cat,
                status: SeatStatus::Over,
                scenario_title: "Silk Blouses for Hamburg",
                name: "Li Na",
                seat: Some("company"),
                table: Some(0),
                view: None,
                notices: &[],
                report: Some(report),
                report_kept: Some("Kept on this PC: reports/class.report.ron"),
                debrief,
                scenario: None,
            };
            if let Some(a) = classroom::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        SeatState::default(),
    );
    harness.run();
    assert!(harness.query_by_label(&score).is_some(), "{score}");
    assert!(harness.query_by_label(&missed_line).is_some(), "{missed_line}");
    assert!(harness.query_by_label(&hint_line).is_some(), "{hint_line}");
}

/// The bundled B2C scenario's class: Li Na and Wang Wei as one team at store 1 (teams of two),
/// Zhang Min alone at store 2; both stores list the phone case (store 1 cheaper, with ads)
/// and three market days are played.
fn market_class() -> Class {
    let scenario = Arc::new(
        load_scenario_file(Path::new("scenarios/b2c-eu-storefront.scenario.ron"))
            .unwrap_or_else(|d| panic!("{}", render_plain(&d))),
    );
    let mut class = Class::new(scenario).with_team_size(2);
    for (n, name) in [(1, "Li Na"), (2, "Wang Wei"), (3, "Zhang Min")] {
        class
            .join(name, &format!("202400{n}"), token(n))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    class.start();
    let publish = |price: i64, bid: i64| Command::PublishListing {
        market: "de-marketplace".into(),
        sku: "PC-TPU-61".into(),
        text: Box::new(crate::market::student_text()),
        terms: crate::market::terms(price, 300, bid, 1_500, 0),
    };
    for (n, command) in [(1, publish(1_149, 45)), (3, publish(1_399, 0))] {
        class
            .submit(&token(n), "company", command)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    for _ in 0..3 {
        for n in [2, 3] {
            class
                .submit(&token(n), "company", Command::EndDay)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    assert_eq!(class.tables()[0].session().map(tradeport::sim::Session::day), Some(4));
    class
}

#[test]
fn a_student_makes_an_offer_and_asks_a_question_on_a_classmate_s_listing_from_the_banner() {
    let class = crate::classmates::c2c_class();
    let seat_view: &'static _ = Box::leak(Box::new(
        class
            .view_for(&crate::classmates::student_token(2))
            .unwrap_or_else(|| panic!("a view")),
    ));
    let scenario: &'static tradeport::sim::Scenario = Box::leak(Box::new((**class.scenario()).clone()));
    let cat = Box::leak(Box::new(Catalogue::new(Language::English)));
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut SeatState| {
            let view = SeatScreenView {
                cat,
                status: SeatStatus::Playing,
                scenario_title: "Vintage cameras",
                name: "Wang Wei",
                seat: Some("company"),
                table: Some(1),
                view: Some(seat_view),
                notices: &[],
                report: None,
                report_kept: None,
                debrief: &[],
                scenario: Some(scenario),
            };
            if let Some(a) = classroom::banner(ui, &view, &mut state.draft.classmates) {
                state.actions.push(a);
            }
        },
        SeatState::default(),
    );
    harness.run();
    harness
        .get_by_label("Classmates' shops: 1 listings open · 0 bought")
        .click();
    harness.run();
    assert!(harness.query_by_label("Shop 1 (Li Na)").is_some());
    assert!(harness.query_by_label("400.00 USD").is_some());
    assert!(harness.query_by_label("Fixed price · offers taken").is_some());
    harness.get_by_label("Choose").click();
    harness.run();
    // Names, faults and postage come from the scenario the PC follows (the view carries ids).
    assert!(
        harness
            .query_by_label("Olympus OM-1 35 mm SLR body (used, 1970s)")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Small dent on the top cover").is_some());
    assert!(harness.query_by_label_contains("Posted by China Post EMS").is_some());
    // Nothing typed: the offer is not sent, and the student is told why.
    harness.get_by_label("Make this offer").click();
    harness.run();
    assert!(harness.state().actions.is_empty());
    assert!(
        harness
            .query_by_label("Type an amount above zero, like 95.00.")
            .is_some()
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Amount")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Amount")
        .type_text("250");
    harness.run();
    harness.get_by_label("Make this offer").click();
    harness.run();
    harness.get_by_label("Import charges").click();
    harness.run();
    harness.get_by_label("Send the question").click();
    harness.run();
    let sent: Vec<Command> = harness
        .state()
        .actions
        .iter()
        .filter_map(|a| match a {
            Action::Marketplace(c) => Some((**c).clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        sent.first(),
        Some(&Command::BuyFromClassmate {
            shop: 0,
            listing: 0,
            action: tradeport::sim::c2c::BuyerMove::Offer { amount: 25_000 },
        })
    );
    assert!(matches!(
        sent.get(1),
        Some(Command::BuyFromClassmate {
            action: tradeport::sim::c2c::BuyerMove::Ask { topics, .. },
            ..
        }) if topics == &vec![tradeport::sim::terms::QuestionTopic::ImportCharges]
    ));
}

#[test]
fn a_c2c_student_s_end_screen_lists_what_they_bought_from_classmates() {
    let mut class = crate::classmates::c2c_class();
    let buy_now = Command::BuyFromClassmate {
        shop: 0,
        listing: 0,
        action: tradeport::sim::c2c::BuyerMove::BuyNow,
    };
    class
        .submit(&crate::classmates::student_token(2), "company", buy_now)
        .unwrap_or_else(|e| panic!("{e}"));
    crate::classmates::class_day(&mut class);
    class.end();
    let seat_view: &'static _ = Box::leak(Box::new(
        class
            .view_for(&crate::classmates::student_token(2))
            .unwrap_or_else(|| panic!("a view")),
    ));
    let report: &'static _ = Box::leak(Box::new(
        class
            .collect_reports()
            .into_iter()
            .find(|(s, _)| s.name == "Wang Wei")
            .map(|(_, r)| r)
            .unwrap_or_else(|| panic!("his report")),
    ));
    let scenario: &'static tradeport::sim::Scenario = Box::leak(Box::new((**class.scenario()).clone()));
    let cat = Box::leak(Box::new(Catalogue::new(Language::English)));
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut SeatState| {
            let view = SeatScreenView {
                cat,
                status: SeatStatus::Over,
                scenario_title: "Vintage cameras",
                name: "Wang Wei",
                seat: Some("company"),
                table: Some(1),
                view: Some(seat_view),
                notices: &[],
                report: Some(report),
                report_kept: None,
                debrief: &[],
                scenario: Some(scenario),
            };
            if let Some(a) = classroom::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        SeatState::default(),
    );
    harness.run();
    assert!(harness.query_by_label("What you bought from classmates").is_some());
    assert!(
        harness
            .query_by_label_contains("Shop 1 (Li Na) · Olympus OM-1")
            .is_some()
    );
    assert!(
        harness.query_by_label("Rate the seller (stars):").is_none(),
        "the class is over"
    );
}

#[test]
fn a_c2c_class_s_dashboard_lists_the_trades_between_classmates_instead_of_charting_deals() {
    let mut class = crate::classmates::c2c_class();
    let mut harness = dashboard_harness(&class);
    harness.run();
    assert!(harness.query_by_label("Trades between classmates").is_some());
    assert!(
        harness
            .query_by_label("No student has bought from a classmate yet.")
            .is_some()
    );
    assert!(harness.query_by_label_contains("All pairs' deals").is_none());
    drop(harness);
    class
        .submit(
            &crate::classmates::student_token(2),
            "company",
            Command::BuyFromClassmate {
                shop: 0,
                listing: 0,
                action: tradeport::sim::c2c::BuyerMove::BuyNow,
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    crate::classmates::class_day(&mut class);
    let mut harness = dashboard_harness(&class);
    harness.run();
    for text in [
        "Day 2: Shop 1 (Li Na) → Shop 2 (Wang Wei)",
        "Olympus OM-1 35 mm SLR body (used, 1970s) · 400.00 USD · paid, waiting to be posted",
    ] {
        assert!(harness.query_by_label(text).is_some(), "{text}");
    }
}

#[test]
fn a_market_class_s_dashboard_ranks_the_stores_instead_of_charting_deals() {
    let class = market_class();
    let board = class.leaderboard();
    assert_eq!(board.len(), 2);
    let mut harness = dashboard_harness(&class);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Leaderboard: profit after every fee")
            .is_some()
    );
    assert!(
        harness.query_by_label_contains("All pairs' deals").is_none(),
        "no deal chart in a market"
    );
    for row in &board {
        let store = format!("Table {}", row.table + 1);
        assert!(harness.query_by_label(&store).is_some(), "{store} ranked");
        assert!(harness.query_by_label(&row.profit).is_some(), "{}", row.profit);
    }
    assert!(
        harness.query_by_label("Li Na, Wang Wei").is_some(),
        "a team is one store"
    );
    // The class's spread of decisions, without a "yours" column for the instructor.
    assert!(
        harness.query_by_label("11.49 EUR – 13.99 EUR").is_some(),
        "the price range"
    );
    assert!(harness.query_by_label("Yours").is_none());
}

#[test]
fn a_store_sees_its_rank_and_its_debrief_puts_its_decisions_and_own_actions_beside_the_class() {
    let mut class = market_class();
    let seat_view: &'static _ = Box::leak(Box::new(class.view_for(&token(1)).unwrap_or_else(|| panic!("a view"))));
    let standing = seat_view
        .market
        .as_ref()
        .unwrap_or_else(|| panic!("the market's standing"));
    let mine = standing
        .leaderboard
        .iter()
        .find(|r| r.table == 0)
        .unwrap_or_else(|| panic!("store 1 ranked"));
    assert_eq!(
        standing.platform, "Amazon.de + Amazon.fr",
        "both EUR stores are counted"
    );
    let rank_line = format!(
        "{}: your store is {} of 2 · profit {}",
        standing.platform, mine.rank, mine.profit
    );
    class.end();
    let report: &'static _ = Box::leak(Box::new(
        class
            .collect_reports()
            .into_iter()
            .find(|(s, _)| s.name == "Li Na")
            .map(|(_, r)| r)
            .unwrap_or_else(|| panic!("Li Na's report")),
    ));
    let cat = Box::leak(Box::new(Catalogue::new(Language::English)));
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut SeatState| {
            let view = SeatScreenView {
                cat,
                status: SeatStatus::Over,
                scenario_title: "Phone Accessories",
                name: "Li Na",
                seat: Some("company"),
                table: Some(0),
                view: Some(seat_view),
                notices: &[],
                report: Some(report),
                report_kept: None,
                debrief: &[],
                scenario: None,
            };
            if let Some(a) = classroom::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        SeatState::default(),
    );
    harness.run();
    // The banner folds the leaderboard under the store's rank; opened, it marks the store.
    harness.get_by_label(&rank_line).click();
    harness.run();
    assert!(harness.query_all_by_label("Table 1 (you)").count() >= 1);
    // The debrief: the team, what this student did for it, and the decisions beside the class's.
    assert!(harness.query_by_label("Team: Li Na, Wang Wei").is_some());
    assert!(
        harness
            .query_by_label_contains("What you did for the team (1 of the store's commands)")
            .is_some(),
        "Li Na listed the case; Wang Wei ended the days"
    );
    assert!(harness.query_by_label("· day 1: listed PC-TPU-61").is_some());
    assert!(harness.query_all_by_label("Your decisions beside the class's").count() >= 1);
    assert!(
        harness.query_all_by_label("11.49 EUR").count() >= 1,
        "store 1's price, shown as its own"
    );
}

#[test]
fn the_banner_names_the_scenario_and_the_seat_in_the_players_language() {
    let scenario =
        tradeport::scenario::load_scenario_file(std::path::Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
            .unwrap_or_else(|d| panic!("{d:?}"));
    let scenario: &'static _ = Box::leak(Box::new(scenario));
    for (language, title, seat) in [
        (Language::Chinese, "真丝女衬衫出口汉堡", "外贸业务员"),
        (Language::English, "Silk Blouses for Hamburg", "Export sales assistant"),
    ] {
        let cat = Box::leak(Box::new(Catalogue::new(language)));
        let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
            move |ui, state: &mut SeatState| {
                let view = SeatScreenView {
                    cat,
                    status: SeatStatus::Waiting,
                    scenario_title: "Silk Blouses for Hamburg",
                    name: "Li Na",
                    seat: Some("company"),
                    table: Some(0),
                    view: None,
                    notices: &[],
                    report: None,
                    report_kept: None,
                    debrief: &[],
                    scenario: Some(scenario),
                };
                if let Some(a) = classroom::draw(ui, &view, &mut state.draft) {
                    state.actions.push(a);
                }
            },
            SeatState::default(),
        );
        // Waiting shows a spinner, which repaints: a few steps instead of run().
        harness.run_steps(4);
        assert!(harness.query_by_label(title).is_some(), "{title}");
        assert!(harness.query_by_label_contains(seat).is_some(), "{seat}");
        assert!(
            harness.query_by_label_contains("company").is_none(),
            "not the seat's id"
        );
    }
}
