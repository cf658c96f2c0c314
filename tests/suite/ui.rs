//! The egui screens, clicked through with egui_kittest (no window, no GPU): each screen is a
//! pure function, so a test gives it a view and checks the action it returns.

use std::path::Path;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradeport::catalog;
use tradeport::i18n::{Catalogue, Language};
use tradeport::scenario::load_scenario_file;
use tradeport::sim::{Command, Report, Session};
use tradeport::ui::menu::{self, EntryState, MenuDraft, MenuEntry, MenuView};
use tradeport::ui::play::{self, PlayDraft, PlayView};
use tradeport::ui::{Action, Page, debrief, settings};

fn bundled_entries() -> Vec<MenuEntry> {
    catalog::load_dir(Path::new("scenarios"))
        .into_iter()
        .map(|e| MenuEntry {
            file_name: e
                .path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            state: match e.outcome {
                Ok(s) => EntryState::Ready(s),
                Err(d) => EntryState::Broken(d),
            },
        })
        .collect()
}

struct MenuState {
    draft: MenuDraft,
    actions: Vec<Action>,
}

fn menu_harness<'a>(cat: &'a Catalogue, entries: &'a [MenuEntry]) -> Harness<'a, MenuState> {
    Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        move |ui, state: &mut MenuState| {
            tradeport::ui::theme::apply_style(ui.ctx());
            let view = MenuView {
                cat,
                entries,
                scenarios_dir: "scenarios",
                saves: &[],
                notice: None,
                profile: None,
                profile_problem: None,
            };
            if let Some(a) = menu::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        MenuState {
            draft: MenuDraft::default(),
            actions: Vec::new(),
        },
    )
}

#[test]
fn menu_select_a_scenario_then_start_it() {
    let cat = Catalogue::new(Language::English);
    let entries = bundled_entries();
    let c2c = entries
        .iter()
        .position(|e| e.file_name.starts_with("c2c-"))
        .unwrap_or(usize::MAX);
    let mut harness = menu_harness(&cat, &entries);
    harness.run();
    assert_eq!(
        harness.state().draft.selected,
        Some(0),
        "the first scenario is preselected"
    );

    harness.get_by_label("Vintage Film Cameras to the US and UK").click();
    harness.run();
    assert_eq!(harness.state().draft.selected, Some(c2c), "clicking a row selects it");
    // The details pane shows the chosen scenario's objectives.
    assert!(harness.query_by_label_contains("You will learn to").is_some());

    // Practice is the default; the exam checkbox turns the hints off for the next start.
    assert!(!harness.state().draft.exam);
    harness.get_by_label("Exam mode").click();
    harness.run();
    assert!(harness.state().draft.exam);

    // A class code from the teacher goes with the next start (no code: the scenario as written).
    assert!(harness.state().draft.class_code.is_empty());
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Class code")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Class code")
        .type_text("GZ-2026-A");
    harness.run();
    assert_eq!(harness.state().draft.class_code, "GZ-2026-A");

    harness.get_by_label("Start scenario").click();
    harness.run();
    assert_eq!(harness.state().actions.last(), Some(&Action::StartScenario(c2c)));
}

#[test]
fn menu_offers_hotseat_only_for_scenarios_with_a_negotiation() {
    let cat = Catalogue::new(Language::English);
    let entries = bundled_entries();
    let b2b = entries
        .iter()
        .position(|e| e.file_name.starts_with("b2b-"))
        .unwrap_or(usize::MAX);
    let c2c = entries
        .iter()
        .position(|e| e.file_name.starts_with("c2c-"))
        .unwrap_or(usize::MAX);
    let mut harness = menu_harness(&cat, &entries);
    harness.state_mut().draft.selected = Some(c2c);
    harness.run();
    harness.get_by_label("Two students (hotseat)").click();
    harness.run();
    assert!(harness.state().actions.is_empty(), "no negotiation in the C2C scenario");
    harness.state_mut().draft.selected = Some(b2b);
    harness.run();
    harness.get_by_label("Two students (hotseat)").click();
    harness.run();
    assert_eq!(harness.state().actions, vec![Action::StartHotseat(b2b)]);
}

#[test]
fn menu_keyboard_moves_and_starts() {
    let cat = Catalogue::new(Language::English);
    let entries = bundled_entries();
    let mut harness = menu_harness(&cat, &entries);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().actions, vec![Action::StartScenario(1)]);
}

#[test]
fn broken_scenario_shows_its_problems_and_cannot_start() {
    let cat = Catalogue::new(Language::English);
    let broken = load_scenario_file(Path::new("tests/fixtures/bad/03-unknown-field-typo.scenario.ron"))
        .err()
        .unwrap_or_default();
    let entries = vec![MenuEntry {
        file_name: "03-unknown-field-typo.scenario.ron".into(),
        state: EntryState::Broken(broken),
    }];
    let mut harness = menu_harness(&cat, &entries);
    harness.run();
    assert!(
        harness.query_by_label_contains("unknown field `hs_cod`").is_some(),
        "the error is shown in place"
    );
    harness.get_by_label("Start scenario").click();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        harness.state().actions.is_empty(),
        "a broken scenario must not start: {:?}",
        harness.state().actions
    );
}

struct PlayState {
    draft: PlayDraft,
    page: Page,
    paused: bool,
    actions: Vec<Action>,
}

fn session(id: &str) -> Session {
    let path = format!("scenarios/{id}.scenario.ron");
    let scenario = load_scenario_file(Path::new(&path)).unwrap_or_else(|d| panic!("{d:?}"));
    Session::new(Arc::new(scenario), None)
}

fn play_harness<'a>(cat: &'a Catalogue, session: &'a Session) -> Harness<'a, PlayState> {
    play_harness_at(
        cat,
        session,
        Page::Overview,
        PlayDraft::default(),
        egui::vec2(1280.0, 800.0),
    )
}

/// The play screen on `page` with `draft`, in a window of `size`.
fn play_harness_at<'a>(
    cat: &'a Catalogue,
    session: &'a Session,
    page: Page,
    draft: PlayDraft,
    size: egui::Vec2,
) -> Harness<'a, PlayState> {
    Harness::builder().with_size(size).build_ui_state(
        move |ui, state: &mut PlayState| {
            let view = PlayView {
                cat,
                session,
                page: state.page,
                auto_advance: false,
                paused: state.paused,
                notice: None,
                class_seat: false,
            };
            if let Some(a) = play::draw(ui, &view, &mut state.draft) {
                // Carry out the UI-only actions the way the game does.
                match &a {
                    Action::ShowPage(p) => state.page = *p,
                    Action::Pause => state.paused = true,
                    Action::Resume => state.paused = false,
                    _ => {}
                }
                state.actions.push(a);
            }
        },
        PlayState {
            draft,
            page,
            paused: false,
            actions: Vec::new(),
        },
    )
}

#[test]
fn play_screen_end_day_navigation_inbox_and_pause() {
    let cat = Catalogue::new(Language::English);
    let s = session("b2b-silk-blouses");
    let mut harness = play_harness(&cat, &s);
    harness.run();
    assert!(harness.query_by_label_contains("Day 1 of 20").is_some());

    harness.get_by_label("End day").click();
    harness.run();
    assert_eq!(harness.state().actions.last(), Some(&Action::EndDay));

    harness.key_press(egui::Key::N);
    harness.run();
    assert_eq!(
        harness.state().actions.last(),
        Some(&Action::EndDay),
        "N is the end-day shortcut"
    );

    // Navigate to the inbox with the mouse and open the first message.
    let inbox_page = Page::Activity(tradeport::scenario::file::Activity::Inbox);
    let position = play::pages(&s)
        .iter()
        .position(|p| *p == inbox_page)
        .unwrap_or(usize::MAX)
        + 1;
    harness
        .get_by_label(&format!("{position}  Inbox  ({})", s.world().unread_count()))
        .click();
    harness.run();
    assert_eq!(
        harness.state().page,
        Page::Activity(tradeport::scenario::file::Activity::Inbox)
    );
    let first = s
        .world()
        .inbox()
        .last()
        .map(|m| m.subject.en.clone())
        .unwrap_or_default();
    harness.get_by_label_contains(&first).click();
    harness.run();
    assert!(
        matches!(harness.state().actions.last(), Some(Action::MarkRead(_))),
        "{:?}",
        harness.state().actions
    );

    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().paused);
    harness.get_by_label("Finish and see the debrief").click();
    harness.run();
    assert_eq!(harness.state().actions.last(), Some(&Action::FinishScenario));
}

#[test]
fn parcel_scenarios_reach_the_hs_exercise_from_the_customs_page() {
    let cat = Catalogue::new(Language::English);
    let s = session("b2c-eu-storefront");
    let mut harness = play_harness(&cat, &s);
    harness.state_mut().page = Page::Activity(tradeport::scenario::file::Activity::Customs);
    harness.run();
    assert!(harness.query_by_label_contains("no declaration to lodge").is_some());
    assert!(
        harness.query_by_label_contains("not in this version").is_none(),
        "the customs page is not a placeholder"
    );
    harness.get_by_label("HS classification").click();
    harness.run();
    assert_eq!(harness.state().draft.customs_tab, play::CustomsTab::Classification);
    let product = s.scenario().products()[0].name.en.clone();
    assert!(
        harness.query_all_by_label_contains(&product).next().is_some(),
        "the exercise offers the scenario's goods, e.g. {product}"
    );
}

#[test]
fn settings_change_language_and_go_back() {
    let cat = Catalogue::new(Language::English);
    let mut harness = Harness::builder().with_size(egui::vec2(800.0, 600.0)).build_ui_state(
        |ui, actions: &mut Vec<Action>| {
            let view = settings::SettingsView {
                cat: &cat,
                ui_scale: 1.0,
                language: Language::English,
                storage_note: "",
            };
            if let Some(a) = settings::draw(ui, &view, &mut settings::SettingsDraft::default()) {
                actions.push(a);
            }
        },
        Vec::new(),
    );
    harness.run();
    harness.get_by_label("简体中文").click();
    harness.run();
    harness.get_by_label("Back").click();
    harness.run();
    assert_eq!(
        harness.state(),
        &vec![Action::SetLanguage(Language::Chinese), Action::CloseSettings]
    );
}

#[test]
fn debrief_shows_score_and_returns_to_menu() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("c2c-vintage-cameras");
    while !s.is_finished() {
        let _ = s.apply(Command::EndDay);
    }
    let report = Report::of(&s);
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        |ui, actions: &mut Vec<Action>| {
            let view = debrief::DebriefView {
                cat: &cat,
                expert: None,
                report: &report,
                session: &s,
                exported: None,
            };
            if let Some(a) = debrief::draw(ui, &view, &mut ()) {
                actions.push(a);
            }
        },
        Vec::new(),
    );
    harness.run();
    assert!(
        harness
            .query_by_label(&format!("0 / {} points", report.total_possible))
            .is_some()
    );
    assert!(
        harness
            .query_by_label(&format!("You played all {} days.", report.length_days))
            .is_some()
    );
    let not_attempted = harness.query_all_by_label_contains("Not attempted").count();
    assert_eq!(
        not_attempted,
        report.tasks.len(),
        "every task says it was not attempted"
    );
    harness.get_by_label("Back to main menu (Enter)").click();
    harness.run();
    assert_eq!(harness.state(), &vec![Action::QuitToMenu]);
}

#[test]
fn debrief_after_finishing_early_says_where_the_student_stopped() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("c2c-vintage-cameras");
    let _ = s.apply(Command::EndDay);
    let _ = s.apply(Command::FinishEarly);
    let report = Report::of(&s);
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui(|ui| {
        let view = debrief::DebriefView {
            cat: &cat,
            expert: None,
            report: &report,
            session: &s,
            exported: None,
        };
        let _ = debrief::draw(ui, &view, &mut ());
    });
    harness.run();
    let stopped = format!("You stopped on day 2 of {}.", report.length_days);
    assert!(harness.query_by_label(&stopped).is_some(), "expected \"{stopped}\"");
    assert!(harness.query_by_label_contains("You played all").is_none());
}

struct DeskState {
    draft: tradeport::ui::customs::DeskDraft,
    actions: Vec<Action>,
}

/// A harness showing the declaration desk of `task` with the given checked attempts (tall,
/// so the whole form and its Lodge button are on screen).
fn desk_harness<'a>(
    cat: &'a Catalogue,
    scenario: &'a tradeport::sim::Scenario,
    task: &'a tradeport::sim::scenario::Task,
    attempts: &'a [tradeport::sim::customs::declaration::DeclarationCheck],
) -> Harness<'a, DeskState> {
    use tradeport::ui::customs::{self, DeskDraft, DeskView};
    Harness::builder().with_size(egui::vec2(1100.0, 2400.0)).build_ui_state(
        move |ui, state: &mut DeskState| {
            let Some(case) = task.declaration.as_ref() else { return };
            let view = DeskView {
                cat,
                scenario,
                task,
                case,
                attempts,
                released_on: None,
                release_due: None,
            };
            if let Some(a) = customs::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        DeskState {
            draft: DeskDraft::default(),
            actions: Vec::new(),
        },
    )
}

#[test]
fn declaration_desk_fill_lodge_see_feedback_then_clear() {
    use tradeport::sim::customs::declaration::model_answer;

    let cat = Catalogue::new(Language::English);
    let mut s = session("b2b-silk-blouses");
    let scenario = s.shared_scenario();
    let task = scenario
        .tasks()
        .iter()
        .find(|t| t.declaration.is_some())
        .unwrap_or_else(|| panic!("a declaration task"))
        .clone();
    let case = task.declaration.clone().unwrap_or_else(|| panic!("declaration"));

    // 1. The student types the trade mode into the form, then (for brevity) the rest is filled
    //    from the documents except one deliberate mistake, and lodges.
    let lodged = {
        let mut harness = desk_harness(&cat, &scenario, &task, &[]);
        harness.run();
        assert_eq!(
            harness.state().draft.form.lines.len(),
            case.lines.len(),
            "one form item per invoice line"
        );
        let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Supervision mode (trade mode)");
        field.click();
        harness.run();
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Supervision mode (trade mode)")
            .type_text("0110");
        harness.run();
        assert_eq!(
            harness.state().draft.form.trade_mode,
            "0110",
            "typing reaches the draft"
        );

        let mut answer = model_answer(&case, scenario.products());
        answer.trade_mode = harness.state().draft.form.trade_mode.clone();
        answer.lines[0].gross_kg = "200.000".to_string(); // below the net weight: a classic slip
        harness.state_mut().draft.form = answer;
        harness.run();
        harness.get_by_label("Lodge declaration").click();
        harness.run();
        match harness.state().actions.last() {
            Some(Action::SubmitDeclaration(id, form)) => {
                assert_eq!(id, &task.id);
                (**form).clone()
            }
            other => panic!("expected a lodged declaration, got {other:?}"),
        }
    };

    // 2. Customs answers field by field; the desk shows the held goods and the reason.
    let _ = s.apply(Command::SubmitDeclaration {
        task: task.id.clone(),
        form: Box::new(lodged),
    });
    let attempts = s.customs_desk().declaration_attempts(&task.id).to_vec();
    assert!(!attempts[0].clears());
    let mut harness = desk_harness(&cat, &scenario, &task, &attempts);
    harness.run();
    assert!(harness.query_by_label_contains("The goods are held").is_some());
    assert!(
        harness.query_by_label_contains("above gross weight").is_some(),
        "the wrong field says why"
    );

    // 3. Corrected and lodged again, the goods clear and the form locks.
    let _ = s.apply(Command::SubmitDeclaration {
        task: task.id.clone(),
        form: Box::new(model_answer(&case, scenario.products())),
    });
    let attempts = s.customs_desk().declaration_attempts(&task.id).to_vec();
    let mut harness = desk_harness(&cat, &scenario, &task, &attempts);
    harness.run();
    assert!(harness.query_by_label_contains("accepted on attempt 2").is_some());
    harness.get_by_label("Lodge declaration").click();
    harness.run();
    assert!(
        harness.state().actions.is_empty(),
        "a cleared declaration cannot be lodged again"
    );
}

#[test]
fn hs_exercise_submits_a_complete_classification_and_shows_the_reasoning() {
    use tradeport::sim::customs::hs::bundled;
    use tradeport::ui::hs::{self, HsDraft, HsView};
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2b-silk-blouses");
    let scenario = s.shared_scenario();
    let nomenclature = bundled().unwrap_or_else(|| panic!("bundled nomenclature"));
    let right: Vec<String> = ["XI", "62", "6206", "620610", "6206100000"]
        .iter()
        .map(|c| c.to_string())
        .collect();

    struct HsState {
        draft: HsDraft,
        actions: Vec<Action>,
    }
    let submitted = {
        let mut harness = Harness::builder().with_size(egui::vec2(1100.0, 1200.0)).build_ui_state(
            |ui, state: &mut HsState| {
                let view = HsView {
                    cat: &cat,
                    scenario: &scenario,
                    nomenclature,
                    attempts: &[],
                };
                if let Some(a) = hs::draw(ui, &view, &mut state.draft) {
                    state.actions.push(a);
                }
            },
            HsState {
                draft: HsDraft::default(),
                actions: Vec::new(),
            },
        );
        harness.run();
        assert_eq!(
            harness.state().draft.sku.as_deref(),
            Some("SB-6206-IVY"),
            "the first classifiable product is chosen"
        );
        // Incomplete: the submit button does nothing.
        harness.get_by_label("Submit classification").click();
        harness.run();
        assert!(harness.state().actions.is_empty());
        // Search narrows the nomenclature to matching codes.
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Search the nomenclature")
            .click();
        harness.run();
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Search the nomenclature")
            .type_text("6206");
        harness.run();
        assert!(
            harness.query_all_by_label_contains("620610").count() >= 1,
            "search shows the silk subheading"
        );
        harness.state_mut().draft.chosen = right.clone();
        harness.run();
        assert!(
            harness
                .query_all_by_label_contains("national subdivision not verified")
                .count()
                >= 1,
            "an unverified national line is marked as such"
        );
        harness.get_by_label("Submit classification").click();
        harness.run();
        match harness.state().actions.last() {
            Some(Action::SubmitClassification(sku, chosen)) => (sku.clone(), chosen.clone()),
            other => panic!("expected a classification, got {other:?}"),
        }
    };
    assert_eq!(submitted.1, right);
    let _ = s.apply(Command::SubmitClassification {
        sku: submitted.0.clone(),
        chosen: submitted.1,
    });
    let attempts = s.customs_desk().classifications(&submitted.0).to_vec();
    let mut harness = Harness::builder().with_size(egui::vec2(1100.0, 1200.0)).build_ui_state(
        |ui, draft: &mut HsDraft| {
            let view = HsView {
                cat: &cat,
                scenario: &scenario,
                nomenclature,
                attempts: &attempts,
            };
            let _ = hs::draw(ui, &view, draft);
        },
        HsDraft::default(),
    );
    harness.run();
    assert!(harness.query_by_label_contains("5 of 5 steps correct").is_some());
    assert!(
        harness.query_all_by_label_contains("GRI 6").count() >= 1,
        "the reasoning cites the rules"
    );
}

struct TalksState {
    draft: tradeport::ui::negotiation::TalksDraft,
    actions: Vec<Action>,
}

fn talks_harness<'a>(
    cat: &'a Catalogue,
    session: &'a Session,
    draft: tradeport::ui::negotiation::TalksDraft,
) -> Harness<'a, TalksState> {
    use tradeport::ui::negotiation::{self, TalksView};
    let task = session
        .scenario()
        .tasks()
        .iter()
        .find(|t| t.negotiation.is_some())
        .unwrap_or_else(|| panic!("a negotiation task"));
    let talks = session.talks_desk().talks(&task.id).unwrap_or_else(|| panic!("talks"));
    Harness::builder().with_size(egui::vec2(1000.0, 1400.0)).build_ui_state(
        move |ui, state: &mut TalksState| {
            let view = TalksView {
                cat,
                scenario: session.scenario(),
                task,
                talks,
                contract: session.talks_desk().contract(&task.id),
                documents: session.documents_desk().documents_attempts(&task.id),
                profit: session.documents_desk().profit_sheet(&task.id),
                sailing: session.documents_desk().booked_sailing(&task.id),
                today: session.date(),
                one_side: false,
            };
            egui::ScrollArea::vertical().show(ui, |ui| {
                if let Some(a) = negotiation::draw(ui, &view, &mut state.draft) {
                    state.actions.push(a);
                }
            });
        },
        TalksState {
            draft,
            actions: Vec::new(),
        },
    )
}

#[test]
fn negotiation_desk_sends_an_offer_from_the_form_and_accepts_a_counter() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2b-silk-blouses");
    let sent = {
        let mut harness = talks_harness(&cat, &s, Default::default());
        harness.run();
        assert!(harness.query_by_label_contains("Your move (the seller)").is_some());
        assert!(
            harness.query_by_label_contains("Walk-away value: 0.400").is_some(),
            "the brief is shown"
        );
        assert!(
            harness.query_by_label("Accept their offer").is_none(),
            "nothing to accept yet"
        );
        // The form starts at the seller's best deal, worth 1.000.
        assert!(
            harness
                .query_by_label_contains("This offer is worth 1.000 to you")
                .is_some()
        );
        harness.get_by_label_contains("Send offer (6 left)").click();
        harness.run();
        let sent = harness.state().actions.clone();
        assert_eq!(sent.len(), 1, "{sent:?}");
        sent
    };
    let Action::MakeOffer(task, options, _) = &sent[0] else {
        panic!("expected an offer, got {sent:?}")
    };
    assert_eq!(task, "negotiate-deal");
    s.apply(Command::MakeOffer {
        task: task.clone(),
        options: options.clone(),
        note: String::new(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    // The buyer countered: its letter is shown and can be accepted.
    let mut harness = talks_harness(&cat, &s, Default::default());
    harness.run();
    assert!(harness.query_by_label_contains("Their offer on the table").is_some());
    assert!(
        harness
            .query_all_by_label_contains("From Katrin Vogel")
            .next()
            .is_some()
    );
    harness.get_by_label("Accept their offer").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![Action::AcceptOffer("negotiate-deal".to_string())]
    );
}

#[test]
fn hotseat_hides_each_brief_until_that_student_takes_the_screen() {
    let cat = Catalogue::new(Language::English);
    let scenario =
        load_scenario_file(Path::new("scenarios/b2b-silk-blouses.scenario.ron")).unwrap_or_else(|d| panic!("{d:?}"));
    let mut s = Session::new_hotseat(Arc::new(scenario), None);
    s.apply(Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options: vec![18, 2, 0, 0],
        note: String::new(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let mut harness = talks_harness(&cat, &s, Default::default());
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Pass the screen to the buyer")
            .is_some()
    );
    assert!(
        harness.query_by_label_contains("Walk-away value").is_none(),
        "no brief is visible before the buyer takes the screen"
    );
    harness.get_by_label("I am the buyer — show my brief").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Your private brief (the buyer)")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Walk-away value: 0.350").is_some());
}

#[test]
fn deal_review_grades_the_strategy_guess() {
    use tradeport::scenario::file::ConcessionStrategy;
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2b-silk-blouses");
    s.apply(Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options: vec![10, 2, 3, 2],
        note: String::new(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    if s.talks_desk()
        .talks("negotiate-deal")
        .and_then(|t| t.ending())
        .is_none()
    {
        s.apply(Command::AcceptOffer {
            task: "negotiate-deal".to_string(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let draft = tradeport::ui::negotiation::TalksDraft {
        tab: tradeport::ui::negotiation::TalksTab::Review,
        ..Default::default()
    };
    let mut harness = talks_harness(&cat, &s, draft);
    harness.run();
    assert!(harness.query_by_label("Distance to the Nash point").is_some());
    assert!(harness.query_by_label_contains("Deal agreed").is_some());
    harness.get_by_label("Boulware (holds firm, concedes late)").click();
    harness.run();
    harness.get_by_label("Check my answer").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![Action::GuessStrategy(
            "negotiate-deal".to_string(),
            ConcessionStrategy::Boulware
        )]
    );
}

#[test]
fn documents_desk_presents_the_form_and_shows_the_bank_s_verdicts() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2b-silk-blouses");
    s.apply(Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options: vec![10, 2, 3, 2],
        note: String::new(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    if s.talks_desk()
        .talks("negotiate-deal")
        .and_then(|t| t.ending())
        .is_none()
    {
        s.apply(Command::AcceptOffer {
            task: "negotiate-deal".to_string(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let contract = s
        .talks_desk()
        .contract("negotiate-deal")
        .cloned()
        .unwrap_or_else(|| panic!("contract"));
    let product = s
        .scenario()
        .product(&contract.sku)
        .cloned()
        .unwrap_or_else(|| panic!("product"));
    // Present documents with the wrong origin: refused, and the field says why.
    let mut form = tradeport::sim::deal::model_documents(&contract, &product, s.date());
    form.origin = "VN".to_string();
    s.apply(Command::PresentDocuments {
        task: "negotiate-deal".to_string(),
        form: Box::new(form.clone()),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let draft = tradeport::ui::negotiation::TalksDraft {
        task: Some("negotiate-deal".to_string()),
        tab: tradeport::ui::negotiation::TalksTab::Documents,
        documents: form,
        ..Default::default()
    };
    let mut harness = talks_harness(&cat, &s, draft);
    harness.run();
    // Two discrepancies: the origin, and no container has been booked for the B/L to follow.
    assert!(
        harness
            .query_by_label_contains("Payment refused: 2 discrepancies.")
            .is_some()
    );
    assert!(harness.query_by_label_contains("the goods originate in CN").is_some());
    assert!(harness.query_by_label_contains("book the container first").is_some());
    assert!(
        harness.query_by_label_contains("Deal profit sheet").is_some(),
        "the deal's profit sheet is offered (collapsed until paid)"
    );
    // The student corrects the field in the form and presents again.
    harness.get_by_label("Country of origin (ISO code)").click();
    harness.run();
    harness.state_mut().draft.documents.origin = "CN".to_string();
    harness.get_by_label("Present the documents").click();
    harness.run();
    let actions = harness.state().actions.clone();
    let Some(Action::PresentDocuments(task, presented)) = actions.last() else {
        panic!("expected a presentation, got {actions:?}")
    };
    assert_eq!(task, "negotiate-deal");
    assert_eq!(presented.origin, "CN");
    assert_eq!(
        presented.quantity,
        contract.quantity.to_string(),
        "the rest of the form is kept"
    );
}

#[test]
fn documents_desk_books_the_container_once_the_goods_are_ready() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2b-silk-blouses");
    s.apply(Command::MakeOffer {
        task: "negotiate-deal".to_string(),
        options: vec![10, 2, 3, 2],
        note: String::new(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    if s.talks_desk()
        .talks("negotiate-deal")
        .and_then(|t| t.ending())
        .is_none()
    {
        s.apply(Command::AcceptOffer {
            task: "negotiate-deal".to_string(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let ready = s
        .talks_desk()
        .contract("negotiate-deal")
        .map(|c| c.goods_ready)
        .unwrap_or_else(|| panic!("contract"));
    let draft = || tradeport::ui::negotiation::TalksDraft {
        task: Some("negotiate-deal".to_string()),
        tab: tradeport::ui::negotiation::TalksTab::Documents,
        ..Default::default()
    };
    {
        let mut harness = talks_harness(&cat, &s, draft());
        harness.run();
        assert!(
            harness
                .query_by_label_contains(&format!("in production until {ready}"))
                .is_some()
        );
        assert!(harness.query_by_label_contains("Book the container").is_none());
    }
    while s.date() < ready {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut harness = talks_harness(&cat, &s, draft());
    harness.run();
    assert!(harness.query_by_label_contains("no container booked yet").is_some());
    harness.get_by_label_contains("Book the container (sails").click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![Action::BookShipment("negotiate-deal".to_string())]
    );
}

struct ListingState {
    draft: tradeport::ui::listing::ListingDraft,
    actions: Vec<Action>,
}

#[test]
fn listing_editor_scores_as_you_type_and_publishes_parsed_numbers() {
    use tradeport::ui::listing::{self, ListingDraft, ListingView};
    let cat = Catalogue::new(Language::English);
    let s = session("b2c-eu-storefront");
    let mut harness = Harness::builder().with_size(egui::vec2(1200.0, 900.0)).build_ui_state(
        |ui, state: &mut ListingState| {
            let view = ListingView { cat: &cat, session: &s };
            if let Some(a) = listing::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        ListingState {
            draft: ListingDraft {
                sku: Some("PC-TPU-61".to_string()),
                price: "12,49".to_string(),
                add_stock: "300".to_string(),
                ..Default::default()
            },
            actions: Vec::new(),
        },
    );
    harness.run();
    assert!(harness.query_by_label_contains("Listing quality").is_some());
    assert!(
        harness.query_by_label_contains("no title").is_some(),
        "an empty listing says why it scores low"
    );
    // A decimal comma is refused with a hint, and nothing is published.
    harness.get_by_label("Publish the listing").click();
    harness.run();
    assert!(harness.state().actions.is_empty());
    assert!(
        harness
            .query_by_label_contains("Write prices as numbers (e.g. 12.49)")
            .is_some()
    );
    // Fix the price, add a title: the score reacts and the listing is published.
    harness.state_mut().draft.price = "12.49".to_string();
    harness.state_mut().draft.discount = "10%".to_string();
    harness.state_mut().draft.shipping = Some("express".to_string());
    harness.state_mut().draft.handling_days = "1".to_string();
    harness.state_mut().draft.text.title = "BayVolt Handyhülle für iPhone 15, transparent, stoßfest, TPU".to_string();
    harness.run();
    assert!(harness.query_by_label_contains("no title").is_none());
    harness.get_by_label("Publish the listing").click();
    harness.run();
    let actions = harness.state().actions.clone();
    let Some(Action::Marketplace(command)) = actions.last() else {
        panic!("expected a listing, got {actions:?}")
    };
    let Command::PublishListing {
        market,
        sku,
        text,
        terms,
    } = command.as_ref()
    else {
        panic!("expected a listing, got {command:?}")
    };
    assert_eq!((market.as_str(), sku.as_str()), ("de-marketplace", "PC-TPU-61"));
    assert_eq!((terms.price, terms.add_stock), (1_249, 300));
    assert_eq!(terms.discount, tradeport::sim::BasisPoints(1_000));
    assert_eq!((terms.shipping.as_str(), terms.handling_days), ("express", 1));
    assert!(text.title.starts_with("BayVolt"));
    // Express with one day's handling: 6 days to the door, CNY 88 a parcel.
    assert!(
        harness
            .query_by_label_contains("Buyers wait about 6 days for the parcel; it costs you 88.00 CNY each.")
            .is_some()
    );
}

/// Lists 200 phone cases at €12.49 on Amazon.de (a short title, one photo) with the given
/// shipping option, bid and daily budget.
fn publish_phone_case(s: &mut tradeport::sim::Session, shipping: &str, bid: i64, daily_budget: i64) {
    s.apply(Command::PublishListing {
        market: "de-marketplace".to_string(),
        sku: "PC-TPU-61".to_string(),
        text: Box::new(tradeport::sim::market::quality::ListingText {
            title: "BayVolt Handyhülle für iPhone 15, transparent, stoßfest, TPU Hülle".to_string(),
            images: vec!["main.png".to_string()],
            ..Default::default()
        }),
        terms: Box::new(tradeport::sim::market::ListingTerms {
            price: 1_249,
            add_stock: 200,
            bid,
            daily_budget,
            discount: tradeport::sim::BasisPoints(0),
            shipping: shipping.to_string(),
            handling_days: 2,
        }),
    })
    .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn store_dashboard_shows_the_run_and_the_category() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2c-eu-storefront");
    publish_phone_case(&mut s, "postal", 40, 1_000);
    for _ in 0..5 {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut harness = Harness::builder().with_size(egui::vec2(1100.0, 900.0)).build_ui(|ui| {
        tradeport::ui::store::draw(
            ui,
            &tradeport::ui::store::StoreView {
                cat: &cat,
                session: &s,
                market: "de-marketplace",
            },
        );
    });
    harness.run();
    assert!(harness.query_by_label("Amazon.de — Germany marketplace").is_some());
    // Headline cards and the day table both name some metrics.
    for label in ["Orders", "ACoS", "ROAS", "TACoS", "You", "ClearShield"] {
        assert!(harness.query_all_by_label(label).next().is_some(), "{label} missing");
    }
    let history = s.store_desk().store("de-marketplace").map_or(0, |st| st.history.len());
    assert_eq!(history, 5, "five store days played");
}

#[test]
fn market_research_shows_searches_competitors_and_checkout_taxes() {
    let cat = Catalogue::new(Language::English);
    let s = session("b2c-eu-storefront");
    let mut harness = Harness::builder().with_size(egui::vec2(1100.0, 900.0)).build_ui(|ui| {
        tradeport::ui::research::draw(
            ui,
            &tradeport::ui::research::ResearchView {
                cat: &cat,
                session: &s,
                market: "de-marketplace",
            },
        );
    });
    harness.run();
    for label in [
        "handyhülle",
        "60,000",
        "ClearShield",
        "Black Friday week — 2026-11-23 … 2026-11-30: 250%",
        // The category's price range, and how parcels get there.
        "11.99 – 15.99 EUR",
        "Logistics options",
        "China Post small packet, tracked (9610)",
        "14 days",
        "4.50 CNY a unit, 35 days at sea",
    ] {
        assert!(harness.query_by_label(label).is_some(), "{label} missing");
    }
    // €12.99 phone case: €2.07 VAT inside the price + €3.00 duty per parcel.
    assert!(harness.query_by_label("5.07 EUR").is_some());
}

struct PromoState {
    draft: tradeport::ui::promotion::PromotionDraft,
    actions: Vec<Action>,
}

#[test]
fn promotion_changes_bid_budget_and_deal_and_judges_acos_against_margin() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2c-eu-storefront");
    publish_phone_case(&mut s, "postal", 40, 1_000);
    for _ in 0..3 {
        s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut harness = Harness::builder().with_size(egui::vec2(1000.0, 800.0)).build_ui_state(
        |ui, state: &mut PromoState| {
            let view = tradeport::ui::promotion::PromotionView {
                cat: &cat,
                session: &s,
                market: "de-marketplace",
            };
            if let Some(a) = tradeport::ui::promotion::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        PromoState {
            draft: Default::default(),
            actions: Vec::new(),
        },
    );
    harness.run();
    assert_eq!(harness.state().draft.bid, "0.40", "the fields start from the listing");
    assert!(harness.query_by_label_contains("your margin per order is").is_some());
    assert!(
        ["margin: the ads", "margin: every ad sale loses money"]
            .iter()
            .any(|verdict| harness.query_by_label_contains(verdict).is_some()),
        "ACoS is judged against the margin"
    );
    // Postage is part of the margin: CNY 26.00 at about 8.25 is about €3.15 a parcel.
    let margin = s
        .store_desk()
        .order_margin("de-marketplace", "PC-TPU-61")
        .unwrap_or_else(|| panic!("no margin"));
    assert!((310..=320).contains(&margin.shipping), "{margin:?}");
    let shipping = format!(
        "and shipping {} EUR",
        tradeport::sim::money::format_minor(margin.shipping, 2)
    );
    assert!(harness.query_by_label_contains(&shipping).is_some(), "{shipping}");
    assert!(harness.query_by_label("Campaigns on this listing").is_some());
    assert!(
        harness.query_by_label("Sponsored ads").is_some(),
        "the ads are a campaign row"
    );
    assert!(
        harness.query_by_label_contains("not only the extra sales").is_none(),
        "no deal or coupon yet, so no caveat"
    );
    harness.state_mut().draft.bid = "0.55".to_string();
    harness.get_by_label("Apply to the listing").click();
    harness.run();
    let last = |h: &Harness<'_, PromoState>| match h.state().actions.last() {
        Some(Action::Marketplace(c)) => (**c).clone(),
        other => panic!("expected a marketplace command, got {other:?}"),
    };
    let Command::PublishListing { terms, .. } = last(&harness) else {
        panic!("expected the listing to be updated")
    };
    assert_eq!((terms.bid, terms.add_stock, terms.price), (55, 0, 1_249));
    assert_eq!(terms.shipping, "postal", "the shipping option is kept");
    // A time-limited deal.
    harness.state_mut().draft.deal_discount = "25%".to_string();
    harness.state_mut().draft.deal_days = "5".to_string();
    harness.get_by_label("Start the deal").click();
    harness.run();
    assert_eq!(
        last(&harness),
        Command::StartDeal {
            market: "de-marketplace".to_string(),
            sku: "PC-TPU-61".to_string(),
            discount: tradeport::sim::BasisPoints(2_500),
            days: 5,
        }
    );
    // A coupon with its budget.
    harness.state_mut().draft.coupon_discount = "10%".to_string();
    harness.state_mut().draft.coupon_budget = "80.00".to_string();
    harness.state_mut().draft.coupon_days = "7".to_string();
    harness.get_by_label("Start the coupon").click();
    harness.run();
    assert_eq!(
        last(&harness),
        Command::StartCoupon {
            market: "de-marketplace".to_string(),
            sku: "PC-TPU-61".to_string(),
            discount: tradeport::sim::BasisPoints(1_000),
            budget: 8_000,
            days: 7,
        }
    );
    // A creator's post: TechTess is the first creator listed.
    assert!(harness.query_by_label("TechTess").is_some());
    harness
        .get_all_by_label("Book a post")
        .next()
        .unwrap_or_else(|| panic!("no creator"))
        .click();
    harness.run();
    assert_eq!(
        last(&harness),
        Command::BookInfluencer {
            market: "de-marketplace".to_string(),
            sku: "PC-TPU-61".to_string(),
            influencer: "techtess".to_string(),
        }
    );
}

#[test]
fn a_deal_gets_its_own_campaign_row_with_a_caveat() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2c-eu-storefront");
    publish_phone_case(&mut s, "warehouse", 0, 0);
    s.apply(Command::StartDeal {
        market: "de-marketplace".to_string(),
        sku: "PC-TPU-61".to_string(),
        discount: tradeport::sim::BasisPoints(2_000),
        days: 3,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = Harness::builder().with_size(egui::vec2(1000.0, 1400.0)).build_ui_state(
        |ui, draft: &mut tradeport::ui::promotion::PromotionDraft| {
            let view = tradeport::ui::promotion::PromotionView {
                cat: &cat,
                session: &s,
                market: "de-marketplace",
            };
            let _ = tradeport::ui::promotion::draw(ui, &view, draft);
        },
        Default::default(),
    );
    harness.run();
    assert!(
        harness.query_by_label("Deal 20%").is_some(),
        "the deal is a campaign row"
    );
    assert!(harness.query_by_label("2–4").is_some(), "store days 2 to 4");
    assert!(harness.query_by_label_contains("not only the extra sales").is_some());
}

#[test]
fn menu_continues_a_saved_game_and_says_why_another_cannot_be() {
    use tradeport::sim::save::Student;
    use tradeport::ui::menu::SavedGame;
    let cat = Catalogue::new(Language::English);
    let entries = bundled_entries();
    let saves = vec![
        SavedGame {
            path: "saves/c2c-vintage-cameras.ron".into(),
            scenario_id: "c2c-vintage-cameras".into(),
            day: 6,
            student: Student {
                name: "Li Na".into(),
                id: "2026-0417".into(),
            },
            problem: None,
        },
        SavedGame {
            path: "saves/b2b-silk-blouses.ron".into(),
            scenario_id: "b2b-silk-blouses".into(),
            day: 0,
            student: Student::default(),
            problem: Some("the save was written by a newer Tradeport (format 9; this version reads up to 1)".into()),
        },
    ];
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        |ui, state: &mut MenuState| {
            let view = MenuView {
                cat: &cat,
                entries: &entries,
                scenarios_dir: "scenarios",
                saves: &saves,
                notice: None,
                profile: None,
                profile_problem: None,
            };
            if let Some(a) = menu::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        MenuState {
            draft: MenuDraft::default(),
            actions: Vec::new(),
        },
    );
    harness.run();
    assert!(harness.query_by_label("Continue where you left off").is_some());
    assert!(
        harness
            .query_by_label_contains("written by a newer Tradeport")
            .is_some()
    );
    harness
        .get_by_label("▶ Vintage Film Cameras to the US and UK, day 6 · Li Na")
        .click();
    harness.run();
    assert_eq!(
        harness.state().actions,
        vec![Action::ContinueGame("saves/c2c-vintage-cameras.ron".into())]
    );
}

#[test]
fn debrief_asks_to_save_the_report_and_says_where_it_went() {
    let cat = Catalogue::new(Language::English);
    let s = session("c2c-vintage-cameras");
    let report = Report::of(&s);
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        |ui, actions: &mut Vec<Action>| {
            let view = debrief::DebriefView {
                cat: &cat,
                expert: None,
                report: &report,
                session: &s,
                exported: Some("saved: /data/reports/c2c.report.ron and /data/reports/c2c.html"),
            };
            if let Some(a) = debrief::draw(ui, &view, &mut ()) {
                actions.push(a);
            }
        },
        Vec::new(),
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("saved: /data/reports/c2c.report.ron")
            .is_some()
    );
    harness.get_by_label("Save my report for the teacher").click();
    harness.run();
    assert_eq!(harness.state(), &vec![Action::ExportReport]);
}

#[test]
fn menu_shows_progress_over_finished_scenarios() {
    use tradeport::sim::profile::Profile;
    let cat = Catalogue::new(Language::English);
    let entries = bundled_entries();
    let mut s = session("c2c-vintage-cameras");
    while !s.is_finished() {
        let _ = s.apply(Command::EndDay);
    }
    let mut profile = Profile::new();
    profile.record(&Report::of(&s));
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        |ui, state: &mut MenuState| {
            let view = MenuView {
                cat: &cat,
                entries: &entries,
                scenarios_dir: "scenarios",
                saves: &[],
                notice: None,
                profile: Some(&profile),
                profile_problem: None,
            };
            if let Some(a) = menu::draw(ui, &view, &mut state.draft) {
                state.actions.push(a);
            }
        },
        MenuState {
            draft: MenuDraft::default(),
            actions: Vec::new(),
        },
    );
    harness.run();
    assert!(harness.query_by_label("Competencies over your best runs").is_none());
    harness.get_by_label("My progress").click();
    harness.run();
    assert!(harness.query_by_label("Competencies over your best runs").is_some());
    assert!(
        harness
            .query_all_by_label("Vintage Film Cameras to the US and UK")
            .count()
            >= 2,
        "listed and in the progress table"
    );
    assert!(harness.query_by_label("0 / 100").is_some(), "best score of the one run");
}

#[test]
fn practice_mode_shows_each_criterions_hint_and_exam_mode_hides_it() {
    use tradeport::sim::session::PlayMode;
    let cat = Catalogue::new(Language::English);
    for (mode, hints) in [(PlayMode::Practice, true), (PlayMode::Exam, false)] {
        let s = session("b2b-silk-blouses").with_mode(mode);
        let mut harness = play_harness(&cat, &s);
        harness.run();
        let banner = if hints {
            "Practice mode: hints and calculators are on."
        } else {
            "Exam mode: no hints or calculators until the debrief."
        };
        assert!(harness.query_by_label_contains(banner).is_some(), "{mode:?}");
        // Open the first task's rubric in the task panel.
        harness
            .query_all_by_label_contains("What earns points")
            .next()
            .unwrap_or_else(|| panic!("a rubric header"))
            .click();
        harness.run();
        assert!(
            harness
                .query_by_label_contains("Answers every question asked: MOQ, lead time")
                .is_some(),
            "{mode:?}: the criteria are shown in both modes"
        );
        assert_eq!(
            harness
                .query_by_label_contains("Tip: List the buyer's questions before you write")
                .is_some(),
            hints,
            "{mode:?}"
        );
    }
}

#[test]
fn the_cost_sheet_files_parsed_lines_and_shows_each_verdict_in_practice_only() {
    use tradeport::sim::session::PlayMode;
    use tradeport::ui::listing::{self, ListingDraft, ListingView};
    let cat = Catalogue::new(Language::English);
    for mode in [PlayMode::Practice, PlayMode::Exam] {
        let mut s = session("b2c-eu-storefront").with_mode(mode);
        let draft = ListingDraft {
            sku: Some("PC-TPU-61".to_string()),
            price: "12.49".to_string(),
            ..Default::default()
        };
        let filed = {
            let mut harness = Harness::builder().with_size(egui::vec2(1200.0, 1400.0)).build_ui_state(
                |ui, state: &mut ListingState| {
                    let view = ListingView { cat: &cat, session: &s };
                    if let Some(a) = listing::draw(ui, &view, &mut state.draft) {
                        state.actions.push(a);
                    }
                },
                ListingState {
                    draft: draft.clone(),
                    actions: Vec::new(),
                },
            );
            harness.run();
            assert!(
                harness
                    .query_by_label_contains("Cost sheet: one order at your price (EUR)")
                    .is_some()
            );
            // By post, the parcel regime's taxes are explained; the warehouse's are not.
            assert!(harness.query_by_label_contains("Taxes by post from China").is_some());
            assert!(
                harness
                    .query_by_label_contains("Taxes from the overseas warehouse")
                    .is_none()
            );
            // Goods and shipping right, VAT as 19% of the price (wrong), margin and ACoS.
            let sheet = &mut harness.state_mut().draft.sheet;
            sheet.goods = "0.79".into();
            sheet.shipping = "abc".into();
            harness.get_by_label("File the cost sheet").click();
            harness.run();
            assert!(harness.state().actions.is_empty(), "a bad number is not filed");
            assert!(harness.query_by_label_contains("Write amounts as numbers").is_some());
            let sheet = &mut harness.state_mut().draft.sheet;
            sheet.shipping = "3.17".into();
            sheet.fee = "1.87".into();
            sheet.vat = "2.37".into();
            sheet.duty = "3.00".into();
            sheet.margin = "1.29".into();
            sheet.break_even_acos = "13%".into();
            sheet.target_acos = "10%".into();
            harness.get_by_label("File the cost sheet").click();
            harness.run();
            match harness.state().actions.last() {
                Some(Action::Marketplace(c)) => (**c).clone(),
                other => panic!("expected a cost sheet, got {other:?}"),
            }
        };
        let Command::SubmitCostSheet { sheet, .. } = &filed else {
            panic!("expected a cost sheet, got {filed:?}")
        };
        assert_eq!((sheet.price, sheet.vat, sheet.fee), (1_249, 237, 187));
        assert_eq!(sheet.shipping, "postal", "the editor's shipping option");
        assert_eq!(sheet.break_even_acos, Some(tradeport::sim::BasisPoints(1_300)));
        s.apply(filed).unwrap_or_else(|e| panic!("{e}"));
        let mut harness = Harness::builder().with_size(egui::vec2(1200.0, 1400.0)).build_ui_state(
            |ui, state: &mut ListingState| {
                let view = ListingView { cat: &cat, session: &s };
                if let Some(a) = listing::draw(ui, &view, &mut state.draft) {
                    state.actions.push(a);
                }
            },
            ListingState {
                draft,
                actions: Vec::new(),
            },
        );
        harness.run();
        let vat_verdict = harness
            .query_by_label_contains("VAT inside the price: 2.37 EUR is not right; work it out again")
            .is_some();
        assert!(
            harness.query_by_label_contains("1.99 EUR").is_none(),
            "{mode:?}: the right figure is not given away (it would be copied)"
        );
        let exam_note = harness
            .query_by_label_contains("Exam mode: it is marked in the debrief")
            .is_some();
        match mode {
            PlayMode::Practice => assert!(vat_verdict && !exam_note, "practice shows the verdicts"),
            PlayMode::Exam => assert!(!vat_verdict && exam_note, "an exam keeps them for the debrief"),
        }
    }
}

#[test]
fn the_task_panel_counts_points_in_practice_and_a_finished_task_is_done_not_due() {
    use tradeport::sim::c2c::Verdict;
    use tradeport::sim::session::PlayMode;
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2b-silk-blouses");
    {
        let mut harness = play_harness(&cat, &s);
        harness.run();
        assert!(
            harness.query_by_label("0 / 25 so far").is_some(),
            "the inquiry, before answering"
        );
        assert!(harness.query_by_label_contains("Due day 3").is_some());
    }
    let choices = s
        .letters_desk()
        .letter_options("reply-inquiry")
        .iter()
        .map(|(_, _, list)| list.iter().position(|st| st.verdict == Verdict::Right))
        .collect();
    s.apply(Command::ReplyToLetter {
        task: "reply-inquiry".into(),
        choices,
        note: "Dear Ms Vogel,\nthank you for your inquiry.\n\nBest regards,\nWang Li".into(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let mut harness = play_harness(&cat, &s);
    harness.run();
    assert!(harness.query_by_label("Done: 25 / 25").is_some());
    assert!(harness.query_by_label_contains("Due day 3").is_none(), "done, not due");
    drop(harness);
    // An exam shows neither the points nor the "done": only the due days.
    let exam = session("b2b-silk-blouses").with_mode(PlayMode::Exam);
    let mut harness = play_harness(&cat, &exam);
    harness.run();
    assert!(harness.query_by_label_contains("so far").is_none());
    assert!(harness.query_by_label_contains("Due day 3").is_some());
}

#[test]
fn the_debrief_explains_each_point_lost_in_the_players_language() {
    let s = {
        let mut s = session("b2b-silk-blouses");
        let _ = s.apply(Command::FinishEarly);
        s
    };
    let report = Report::of(&s);
    for (language, what, rule) in [
        (
            Language::English,
            "What happened: the letter was not answered",
            "Rule: Business correspondence: a reply to an inquiry answers every point raised",
        ),
        (
            Language::Chinese,
            "发生了什么：未回信",
            "规则：商务函电：回复询盘须逐一答复对方提出的每个问题",
        ),
    ] {
        let cat = Catalogue::new(language);
        let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 6000.0)).build_ui(|ui| {
            let view = debrief::DebriefView {
                cat: &cat,
                expert: None,
                report: &report,
                session: &s,
                exported: None,
            };
            let _ = debrief::draw(ui, &view, &mut ());
        });
        harness.run();
        assert!(
            harness.query_all_by_label_contains(what).count() >= 4,
            "{language:?}: {what}"
        );
        assert!(harness.query_by_label_contains(rule).is_some(), "{language:?}: {rule}");
    }
}

#[test]
fn in_an_exam_the_promotion_page_leaves_the_margin_to_the_student() {
    let cat = Catalogue::new(Language::English);
    let mut s = session("b2c-eu-storefront").with_mode(tradeport::sim::session::PlayMode::Exam);
    publish_phone_case(&mut s, "postal", 40, 1_000);
    s.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = Harness::builder().with_size(egui::vec2(1000.0, 800.0)).build_ui_state(
        |ui, draft: &mut tradeport::ui::promotion::PromotionDraft| {
            let view = tradeport::ui::promotion::PromotionView {
                cat: &cat,
                session: &s,
                market: "de-marketplace",
            };
            let _ = tradeport::ui::promotion::draw(ui, &view, draft);
        },
        Default::default(),
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Exam mode: work out its margin")
            .is_some()
    );
    assert!(harness.query_by_label_contains("your margin per order is").is_none());
}

/// Choosing the overseas warehouse in the listing editor explains the bulk-import taxes (normal
/// duty at entry, local VAT on the sale, no IOSS and no EUR 3).
#[test]
fn the_cost_sheet_explains_warehouse_taxes_when_the_warehouse_is_chosen() {
    use tradeport::ui::listing::{self, ListingDraft, ListingView};
    let cat = Catalogue::new(Language::English);
    let s = session("b2c-eu-storefront");
    let draft = ListingDraft {
        sku: Some("PC-TPU-61".to_string()),
        price: "12.49".to_string(),
        shipping: Some("warehouse".to_string()),
        ..Default::default()
    };
    let mut harness = Harness::builder().with_size(egui::vec2(1200.0, 1400.0)).build_ui_state(
        |ui, draft: &mut ListingDraft| {
            let view = ListingView { cat: &cat, session: &s };
            let _ = listing::draw(ui, &view, draft);
        },
        draft,
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Taxes from the overseas warehouse")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Taxes by post from China").is_none());
    // The product's fee category, marked not verified, and the illustrative fees, marked so.
    assert!(
        harness
            .query_by_label_contains("Electronics accessories: 15% up to 100.00, 8% above")
            .is_some_and(|n| format!("{n:?}").contains("not verified"))
    );
    assert!(harness.query_by_label_contains("Illustrative figures").is_some());
}

/// A cloud of 200,000 deals is drawn as at most one dot per 3-pixel cell, and every deal
/// lies within a cell of a dot that is drawn.
#[test]
fn a_dense_cloud_of_deals_is_decimated_to_one_dot_per_cell() {
    use tradeport::ui::charts::one_per_cell;
    let rect = egui::Rect::from_min_size(egui::pos2(10.0, 20.0), egui::vec2(400.0, 300.0));
    let points: Vec<egui::Pos2> = (0..200_000u32)
        .map(|i| {
            let x = (i.wrapping_mul(7_919) % 40_000) as f32 / 100.0;
            let y = (i.wrapping_mul(104_729) % 30_000) as f32 / 100.0;
            egui::pos2(10.0 + x, 20.0 + y)
        })
        .collect();
    let kept = one_per_cell(points.iter().copied(), rect, 3.0);
    assert!(kept.len() <= 135 * 101, "{} dots", kept.len());
    assert!(kept.len() > 10_000, "the cloud keeps its shape: {} dots", kept.len());
    for p in points.iter().step_by(997) {
        assert!(
            kept.iter()
                .any(|k| (k.x - p.x).abs() <= 3.0 && (k.y - p.y).abs() <= 3.0),
            "{p:?} has no dot near it"
        );
    }
    assert!(
        one_per_cell([egui::pos2(0.0, 0.0)], rect, 3.0).is_empty(),
        "outside points are dropped"
    );
}

/// The play screen as the game draws it (its fonts and text sizes) on a window of `size`.
fn window_harness<'a>(
    cat: &'a Catalogue,
    session: &'a Session,
    page: Page,
    draft: PlayDraft,
    size: egui::Vec2,
) -> Harness<'a, PlayState> {
    let mut harness = play_harness_at(cat, session, page, draft, size);
    tradeport::ui::theme::install_fonts(&harness.ctx);
    tradeport::ui::theme::apply_style(&harness.ctx);
    harness.run();
    harness
}

#[test]
fn every_desk_s_main_button_is_on_screen_at_1280x800_and_1366x768() {
    use tradeport::scenario::file::Activity;
    let cat = Catalogue::new(Language::English);
    let b2b = session("b2b-silk-blouses");
    let inquiry = b2b
        .world()
        .inbox()
        .iter()
        .find(|m| b2b.letters_desk().letter_task_of(m.id).is_some())
        .map(|m| m.id);
    assert!(inquiry.is_some(), "the importer's inquiry is in the inbox on day 1");
    let mut c2c = Session::new(
        Arc::new(
            load_scenario_file(Path::new("scenarios/c2c-vintage-cameras.scenario.ron"))
                .unwrap_or_else(|d| panic!("{d:?}")),
        ),
        Some(5),
    );
    c2c.apply(Command::EndDay).unwrap_or_else(|e| panic!("{e}"));
    let question = c2c.world().inbox().iter().find(|m| m.question.is_some()).map(|m| m.id);
    assert!(question.is_some(), "a buyer's question arrives on day 2");
    let opened = |message| PlayDraft {
        open_message: message,
        ..PlayDraft::default()
    };
    let desks: [(&Session, Activity, PlayDraft, &str); 4] = [
        (&b2b, Activity::Negotiation, PlayDraft::default(), "Send offer (6 left)"),
        (&b2b, Activity::Customs, PlayDraft::default(), "Lodge declaration"),
        (&b2b, Activity::Inbox, opened(inquiry), "Send the reply"),
        (&c2c, Activity::Inbox, opened(question), "Send the answer"),
    ];
    for size in [egui::vec2(1280.0, 800.0), egui::vec2(1366.0, 768.0)] {
        for (session, activity, draft, button) in &desks {
            let harness = window_harness(&cat, session, Page::Activity(*activity), draft.clone(), size);
            let rect = harness.get_by_label(button).rect();
            assert!(
                rect.min.y >= 0.0 && rect.max.y <= size.y && rect.max.x <= size.x,
                "{activity:?}: '{button}' at {rect:?} is off a {size:?} window"
            );
        }
    }
}

#[test]
fn the_top_bar_keeps_one_row_at_1280x800_and_1366x768() {
    let cat = Catalogue::new(Language::English);
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let s = session(id);
        for size in [egui::vec2(1280.0, 800.0), egui::vec2(1366.0, 768.0)] {
            let harness = window_harness(&cat, &s, Page::Overview, PlayDraft::default(), size);
            let title = harness.get_by_label(&s.scenario().meta().title.en).rect();
            let menu = harness.get_by_label("Menu").rect();
            assert!(
                (menu.center().y - title.center().y).abs() < 8.0 && menu.max.x <= size.x,
                "{id} at {size:?}: the title at {title:?} and the Menu button at {menu:?} are not on one row"
            );
        }
    }
}

struct WorkshopState {
    bench: tradeport::authoring::workbench::Workbench,
    draft: tradeport::ui::workshop::WorkshopDraft,
    actions: Vec<tradeport::ui::workshop::WorkshopAction>,
}

#[test]
fn the_workshop_sends_an_edited_value_and_shows_the_checks_problem() {
    use tradeport::authoring::workbench::Workbench;
    use tradeport::ui::workshop::{WorkshopAction, WorkshopView, draw};
    let cat = Catalogue::new(Language::English);
    let bench = Workbench::open(std::path::Path::new("scenarios/b2b-silk-blouses.scenario.ron"))
        .unwrap_or_else(|d| panic!("{d:?}"));
    let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
        |ui, state: &mut WorkshopState| {
            tradeport::ui::theme::apply_style(ui.ctx());
            let knobs = state.bench.knobs();
            let view = WorkshopView {
                cat: &cat,
                file_name: "b2b-silk-blouses.scenario.ron",
                knobs: &knobs,
                problems: &state.bench.problems,
                warnings: &state.bench.warnings,
                changed: state.bench.changed,
                simulation: None,
                simulating: false,
                notice: None,
            };
            if let Some(a) = draw(ui, &view, &mut state.draft) {
                // As the game does: the request changes the bench, the form shows the result.
                if let WorkshopAction::Set { field, value } = &a {
                    let _ = state.bench.set(field, value);
                    state.draft.editing.remove(field);
                }
                state.actions.push(a);
            }
        },
        WorkshopState {
            bench,
            draft: Default::default(),
            actions: Vec::new(),
        },
    );
    harness.run();
    assert!(harness.query_by_label("No problems: the scenario is valid.").is_some());
    assert_eq!(harness.state().draft.save_name, "b2b-silk-blouses-variant.scenario.ron");
    let field = "Days";
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, field)
        .click();
    harness.run();
    for _ in 0..3 {
        harness.key_press(egui::Key::Backspace);
        harness.run();
    }
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, field)
        .type_text("400");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(
        harness.state().actions.first(),
        Some(&WorkshopAction::Set {
            field: "setup.length_days".into(),
            value: "400".into()
        })
    );
    assert!(harness.state().bench.changed);
    assert!(!harness.state().bench.problems.is_empty(), "400 days is over the limit");
    assert!(harness.query_by_label("No problems: the scenario is valid.").is_none());
    assert!(harness.query_by_label_contains("setup.length_days").is_some());
    // Saving waits until the problems are fixed; going back is always there.
    harness.get_by_label("← Menu").click();
    harness.run();
    assert_eq!(harness.state().actions.last(), Some(&WorkshopAction::Close));
}

#[test]
fn a_students_variant_says_so_on_the_overview_and_the_scenario_as_written_does_not() {
    let cat = Catalogue::new(Language::English);
    let written = session("b2b-silk-blouses");
    let mut harness = play_harness(&cat, &written);
    harness.run();
    assert!(harness.query_by_label_contains("Your own variant").is_none());
    let key = tradeport::sim::scenario::VariantKey::new("GZ-2026-A", "S01");
    let variant = tradeport::scenario::variant::load(Path::new("scenarios/b2b-silk-blouses.scenario.ron"), &key)
        .unwrap_or_else(|d| panic!("{d:?}"));
    let s = Session::new(Arc::new(variant), None);
    let mut harness = play_harness(&cat, &s);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Your own variant of this scenario (class GZ-2026-A, student S01)")
            .is_some()
    );
}

#[test]
fn the_glossary_opens_from_every_desk_and_a_letter_is_english_with_glosses_and_chinese_in_practice() {
    use tradeport::scenario::file::Activity;
    let cat = Catalogue::new(Language::Chinese);
    let b2b = session("b2b-silk-blouses");
    // The glossary button is in the navigation beside every page; F1 opens it too.
    for page in play::pages(&b2b) {
        let mut harness = play_harness_at(&cat, &b2b, page, PlayDraft::default(), egui::vec2(1280.0, 800.0));
        harness.run();
        harness.get_by_label("术语表（F1）").click();
        harness.run();
        assert!(harness.state().draft.glossary.open, "{page:?}");
        assert!(
            harness.query_by_label("外贸术语表").is_some(),
            "{page:?}: the window shows"
        );
    }
    let mut harness = play_harness(&cat, &b2b);
    harness.run();
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.state().draft.glossary.open);
    // Searching in Chinese finds the term with both names and its source.
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "搜索")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "搜索")
        .type_text("信用证");
    harness.run();
    assert!(harness.query_by_label("L/C (letter of credit)  ·  信用证").is_some());
    assert!(
        harness
            .query_all_by_label_contains("出处：ICC, UCP 600 (2007), art. 2")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_by_label("FOB (Free On Board)  ·  FOB（船上交货）")
            .is_none(),
        "filtered out: {:?}",
        harness.state().draft.glossary.search
    );

    // The importer's letter stays in English in the Chinese interface, its terms underlined.
    let letter = b2b
        .world()
        .inbox()
        .iter()
        .find(|m| m.from.is_some())
        .unwrap_or_else(|| panic!("a letter on day 1"));
    let opened = PlayDraft {
        open_message: Some(letter.id),
        ..PlayDraft::default()
    };
    let page = Page::Activity(Activity::Inbox);
    let mut harness = play_harness_at(&cat, &b2b, page, opened.clone(), egui::vec2(1280.0, 800.0));
    harness.run();
    let glossed: Vec<String> = tradeport::glossary::bundled()
        .gloss(&letter.body.en)
        .into_iter()
        .filter_map(|p| match p {
            tradeport::glossary::Piece::Term(t, _) => Some(t.to_string()),
            tradeport::glossary::Piece::Plain(_) => None,
        })
        .collect();
    assert!(!glossed.is_empty(), "{}", letter.body.en);
    for term in &glossed {
        assert!(
            harness.query_all_by_label(term).next().is_some(),
            "{term} shown on its own"
        );
    }
    assert!(
        harness.query_by_label_contains(&letter.body.zh).is_none(),
        "the Chinese is hidden until asked for"
    );
    harness.get_by_label("显示中文").click();
    harness.run();
    assert!(harness.query_by_label_contains(&letter.body.zh).is_some());

    // In an exam there is no Chinese to show.
    let exam = session("b2b-silk-blouses").with_mode(tradeport::sim::session::PlayMode::Exam);
    let mut harness = play_harness_at(&cat, &exam, page, opened, egui::vec2(1280.0, 800.0));
    harness.run();
    assert!(harness.query_by_label("显示中文").is_none());
    assert!(
        harness.query_all_by_label(&glossed[0]).next().is_some(),
        "the gloss stays"
    );
}

#[test]
fn a_letter_can_be_written_in_ones_own_words_the_default_in_an_exam() {
    use tradeport::scenario::file::Activity;
    let cat = Catalogue::new(Language::English);
    let practice = session("b2b-silk-blouses");
    let letter = practice
        .world()
        .inbox()
        .iter()
        .find(|m| practice.letters_desk().letter_task_of(m.id).is_some())
        .map(|m| m.id);
    let opened = PlayDraft {
        open_message: letter,
        ..PlayDraft::default()
    };
    let page = Page::Activity(Activity::Inbox);
    let mut harness = play_harness_at(&cat, &practice, page, opened.clone(), egui::vec2(1280.0, 800.0));
    harness.run();
    // Practice starts with the statements; the student switches to writing.
    assert!(harness.query_by_label("Price basis").is_some());
    harness.get_by_label("Write the reply").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("The letter asks about: Price basis")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Send the reply")
            .is_some_and(|b| egui_kittest::kittest::NodeT::accesskit_node(&b).is_disabled()),
        "nothing written yet"
    );
    let text =
        "Dear Ms Vogel, thank you. We quote EUR 29.50 per piece FCA Ningbo, Incoterms 2020. Best regards, Wang Li";
    harness.get_by_role(egui::accesskit::Role::MultilineTextInput).click();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text(text);
    harness.run();
    harness.get_by_label("Send the reply").click();
    harness.run();
    assert_eq!(
        harness.state().actions.last(),
        Some(&Action::Marketplace(Box::new(Command::WriteLetterReply {
            task: "reply-inquiry".into(),
            text: text.into(),
        })))
    );
    // An exam writes by default.
    let exam = session("b2b-silk-blouses").with_mode(tradeport::sim::session::PlayMode::Exam);
    let mut harness = play_harness_at(&cat, &exam, page, opened, egui::vec2(1280.0, 800.0));
    harness.run();
    assert!(harness.query_by_label_contains("The letter asks about").is_some());
    assert!(harness.query_by_label("Price basis").is_none());
}

/// A letter's statements are the English the student practises, in the Chinese interface too
/// (and in an exam).
#[test]
fn a_letters_statements_are_english_in_the_chinese_interface() {
    let cat = Catalogue::new(Language::Chinese);
    for mode in [
        tradeport::sim::session::PlayMode::Practice,
        tradeport::sim::session::PlayMode::Exam,
    ] {
        let s = session("b2b-silk-blouses").with_mode(mode);
        let letter = s
            .world()
            .inbox()
            .iter()
            .find(|m| s.letters_desk().letter_task_of(m.id).is_some())
            .map(|m| m.id);
        let mut draft = PlayDraft {
            open_message: letter,
            ..PlayDraft::default()
        };
        draft.letters.writing.insert("reply-inquiry".into(), false);
        let options = s.letters_desk().letter_options("reply-inquiry");
        let page = Page::Activity(tradeport::scenario::file::Activity::Inbox);
        let mut harness = play_harness_at(&cat, &s, page, draft, egui::vec2(1280.0, 2400.0));
        harness.run();
        for (_, _, list) in &options {
            for statement in list {
                assert!(
                    harness.query_by_label(&statement.text.en).is_some(),
                    "{mode:?}: {}",
                    statement.text.en
                );
            }
        }
    }
}

/// Every label a screen gives to the accessibility tree (what a student sees), collected.
fn labels_of(harness: &Harness<'_, impl Sized>) -> Vec<String> {
    use egui_kittest::kittest::{By, NodeT};
    harness
        .query_all(By::new())
        .filter_map(|node| {
            let ak = node.accesskit_node();
            // A label's rows are text runs of their own: the label holds the whole text.
            (ak.role() != egui::accesskit::Role::TextRun).then(|| ak.label().or_else(|| ak.value()))?
        })
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// A whole scripted session of each bundled scenario in Chinese: every page part-way and at
/// the end, and the debrief, show no English sentence but the letters, documents and the
/// scenario's own English data (names, the goods' descriptions as on the invoice).
#[test]
fn a_scripted_session_in_chinese_shows_no_english_sentence_outside_letters_and_documents() {
    let cat = Catalogue::new(Language::Chinese);
    let mut found = std::collections::BTreeSet::new();
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let path = format!("scenarios/{id}.scenario.ron");
        let scenario = Arc::new(load_scenario_file(Path::new(&path)).unwrap_or_else(|d| panic!("{d:?}")));
        // What may stay English: every string the scenario and its rule packs write (names,
        // letters, statements), the glossary's English, and what the run's letters say.
        let mut allowed: Vec<String> = Vec::new();
        let mut sources = vec![std::fs::read_to_string(&path).unwrap_or_default()];
        for entry in std::fs::read_dir("scenarios/rules").into_iter().flatten().flatten() {
            sources.push(std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
        for source in &sources {
            allowed.extend(
                source
                    .split('"')
                    .skip(1)
                    .step_by(2)
                    .filter(|s| s.len() > 3)
                    .map(str::to_string),
            );
        }
        for term in tradeport::glossary::bundled().terms() {
            allowed.extend([term.en.clone(), term.definition.en.clone()]);
            allowed.extend(
                term.matches
                    .iter()
                    .filter(|m| !m.chars().any(char::is_whitespace) && m.chars().any(char::is_uppercase))
                    .cloned(),
            );
        }
        let run = tradeport::sim::expert::play(Arc::clone(&scenario), 7);
        let commands = run.session.commands().to_vec();
        for m in run.session.world().inbox() {
            allowed.extend([m.subject.en.clone(), m.body.en.clone()]);
        }
        // A shopper's question is answered in English (statements, as sent).
        if let Some(shop) = run.session.shop_desk().shop() {
            for question in &shop.questions {
                for (_, list) in run.session.shop_desk().answer_options(question.id) {
                    allowed.extend(list.iter().map(|s| s.text.en.clone()));
                }
            }
        }
        // The documents' own words (English, as the bank reads them; glossed on hover).
        let english = Catalogue::new(Language::English);
        allowed.extend(
            [
                "docs-invoice",
                "docs-invoice-no",
                "docs-invoice-date",
                "docs-description",
                "docs-quantity",
                "docs-unit-price",
                "docs-amount",
                "docs-currency",
                "docs-incoterm",
                "docs-packing",
                "docs-packages",
                "docs-net",
                "docs-gross",
                "docs-origin",
                "docs-origin-country",
                "docs-bl",
                "docs-on-board",
                "docs-loading",
                "docs-discharge",
                "docs-freight",
                "docs-prepaid",
                "docs-collect",
                "docs-insurance",
                "docs-insured",
                "docs-insurance-currency",
                "docs-insurance-date",
                "docs-clauses",
            ]
            .map(|key| english.tr(key)),
        );
        // The talks' letters (English on purpose): their fixed phrases, the bids they quote and
        // the issues' names and options.
        let letter_source = std::fs::read_to_string("src/sim/negotiation/letter.rs").unwrap_or_default();
        for literal in letter_source.split('"').skip(1).step_by(2) {
            allowed.extend(
                literal
                    .split("\\n")
                    .flat_map(|l| l.split(['{', '}']))
                    .filter(|l| l.trim().len() > 3)
                    .map(str::to_string),
            );
        }
        for task in run.session.scenario().tasks() {
            let Some(talks) = run.session.talks_desk().talks(&task.id) else {
                continue;
            };
            let domain = &talks.case().domain;
            let nobody = tradeport::sim::negotiation::letter::Correspondents {
                sender: "",
                sender_company: "",
                recipient: "",
            };
            for (i, offer) in talks.offers().iter().enumerate() {
                allowed.push(domain.describe(offer.bid));
                let answering = talks.offers()[..i]
                    .iter()
                    .rev()
                    .find(|o| o.by != offer.by)
                    .map(|o| o.bid);
                allowed.push(tradeport::sim::negotiation::letter::offer_letter(
                    domain,
                    offer.by,
                    offer.bid,
                    answering,
                    &offer.note,
                    nobody,
                ));
                allowed.push(tradeport::sim::negotiation::letter::acceptance_letter(
                    domain, offer.bid, nobody,
                ));
            }
            for issue in domain.issues() {
                allowed.extend([issue.title().to_string(), issue.name().to_string()]);
                allowed.extend((0..issue.len()).map(|o| issue.label(o)));
            }
        }
        for task in run.session.scenario().tasks() {
            for (_, _, list) in run.session.letters_desk().letter_options(&task.id) {
                allowed.extend(list.iter().map(|s| s.text.en.clone()));
            }
            if let Some(reply) = run.session.letters_desk().letter_reply(&task.id) {
                allowed.extend(
                    reply
                        .sent
                        .iter()
                        .filter_map(|(_, _, s)| s.as_ref().map(|s| s.text.en.clone())),
                );
            }
        }
        allowed.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let mut check = |where_: String, labels: Vec<String>| {
            for label in labels {
                // A trade letter (the talks' letters, generated) is English on purpose, and so is a
                // piece of the scenario's own English (a source note split over lines): a line
                // found in one of them passes.
                let lines: Vec<&str> = label
                    .lines()
                    .map(str::trim)
                    .filter(|l| l.len() >= 3 && !l.starts_with("Dear ") && !allowed.iter().any(|a| a.contains(l)))
                    .collect();
                if lines.is_empty() {
                    continue;
                }
                let mut bare = lines.join("\n");
                for a in &allowed {
                    if bare.contains(a.as_str()) {
                        bare = bare.replace(a.as_str(), "·");
                    }
                }
                if let Some(words) = crate::said::english_run(&bare, 2) {
                    let short: String = label.chars().take(100).collect();
                    found.insert(format!("{id} {where_}: \"{words}\" in: {short} [left: {bare}]"));
                }
            }
        };
        for cut in [commands.len() / 2, commands.len()] {
            let mut s = Session::new(Arc::clone(&scenario), Some(7));
            for command in &commands[..cut] {
                let _ = s.apply(command.clone());
            }
            for page in play::pages(&s) {
                let mut harness = play_harness_at(&cat, &s, page, PlayDraft::default(), egui::vec2(1280.0, 800.0));
                harness.run();
                check(format!("{page:?} after {cut} commands"), labels_of(&harness));
            }
        }
        let report = Report::of(&run.session);
        let mut harness = Harness::builder().with_size(egui::vec2(1280.0, 800.0)).build_ui_state(
            |ui, _: &mut ()| {
                let view = debrief::DebriefView {
                    cat: &cat,
                    expert: None,
                    report: &report,
                    session: &run.session,
                    exported: None,
                };
                let _ = debrief::draw(ui, &view, &mut ());
            },
            (),
        );
        harness.run();
        check("debrief".into(), labels_of(&harness));
    }
    assert!(
        found.is_empty(),
        "{} English sentences in the Chinese interface:\n{}",
        found.len(),
        found.iter().cloned().collect::<Vec<_>>().join("\n")
    );
}
