//! The in-scenario screen: top bar (date, cash, reputation), navigation between the scenario's
//! activities, a tasks panel, the inbox, "End day", auto-advance and the pause menu.

use egui::{Key, Modifiers, RichText};

use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, Page, activity_key, activity_label, competency_label, counterpart_kind_label, pick};
use crate::i18n::{Arg, Catalogue, Language};
use crate::scenario::file::Activity;
use crate::sim::session::{MessageId, Session};

pub struct PlayView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
    pub page: Page,
    pub auto_advance: bool,
    pub paused: bool,
    /// Why the last command was refused, if it was.
    pub notice: Option<&'a str>,
    /// A company's seat in a class on the LAN: only the company's side of the talks, no
    /// auto-advance or pause (the instructor runs the clock), no review until the report.
    pub class_seat: bool,
}

/// UI-only state of the scenario screen.
#[derive(Debug, Clone, Default)]
pub struct PlayDraft {
    pub open_message: Option<MessageId>,
    pub desk: super::customs::DeskDraft,
    pub customs_tab: CustomsTab,
    pub hs: super::hs::HsDraft,
    pub talks: super::negotiation::TalksDraft,
    pub listing: super::listing::ListingDraft,
    pub storefront_tab: StorefrontTab,
    pub promotion: super::promotion::PromotionDraft,
    pub c2c: super::c2c::C2cDraft,
    pub answers: super::questions::AnswerDraft,
    pub letters: super::letters::LetterDraft,
    pub glossary: super::glossary::GlossaryDraft,
    /// Whether a letter's Chinese is shown under its English (practice mode only).
    pub show_chinese: bool,
}

/// The two halves of the storefront page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorefrontTab {
    #[default]
    Listing,
    Dashboard,
    Research,
}

/// The two halves of the customs page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CustomsTab {
    #[default]
    Desk,
    Classification,
}

/// The pages in navigation order: the overview, then the scenario's activities.
pub fn pages(session: &Session) -> Vec<Page> {
    let mut pages = vec![Page::Overview];
    pages.extend(session.scenario().activities().into_iter().map(Page::Activity));
    pages
}

fn page_label(cat: &Catalogue, page: Page) -> String {
    match page {
        Page::Overview => cat.tr("page-overview"),
        Page::Activity(a) => activity_label(cat, a),
    }
}

const DIGIT_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

pub fn draw(ui: &mut egui::Ui, view: &PlayView, draft: &mut PlayDraft) -> Option<Action> {
    let mut action = shortcuts(ui, view);
    let cat = view.cat;
    let session = view.session;

    egui::Panel::top("play-top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            top_bar(ui, view, &mut action);
        });
        ui.add_space(4.0);
    });

    egui::Panel::left("play-nav").exact_size(190.0).show(ui, |ui| {
        ui.add_space(6.0);
        for (i, page) in pages(session).into_iter().enumerate() {
            let mut label = format!("{}  {}", i + 1, page_label(cat, page));
            if page == Page::Activity(Activity::Inbox) && session.world().unread_count() > 0 {
                label = format!("{label}  ({})", session.world().unread_count());
            }
            if ui
                .add_sized(
                    [ui.available_width(), 30.0],
                    egui::Button::selectable(view.page == page, label),
                )
                .clicked()
            {
                action = Some(Action::ShowPage(page));
            }
        }
        ui.add_space(12.0);
        if ui
            .add_sized(
                [ui.available_width(), 30.0],
                egui::Button::selectable(draft.glossary.open, cat.tr("glossary-open")),
            )
            .on_hover_text(cat.tr("glossary-open-hint"))
            .clicked()
        {
            draft.glossary.open = !draft.glossary.open;
        }
        ui.add_space(12.0);
        ui.separator();
        ui.label(RichText::new(cat.tr("play-shortcuts")).small().color(MUTED));
    });

    egui::Panel::right("play-tasks")
        .default_size(300.0)
        .resizable(true)
        .show(ui, |ui| {
            tasks_panel(ui, cat, session);
        });

    egui::CentralPanel::default().show(ui, |ui| {
        let page_action = if pins_its_main_button(view.page, session, draft) {
            page(ui, view, draft)
        } else {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| page(ui, view, draft))
                .inner
        };
        if page_action.is_some() {
            action = page_action;
        }
    });

    if !ui.ctx().egui_wants_keyboard_input() && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F1)) {
        draft.glossary.open = !draft.glossary.open;
    }
    if draft.glossary.open {
        let mut open = true;
        let view = super::glossary::GlossaryView {
            cat,
            glossary: crate::glossary::bundled(),
        };
        egui::Window::new(cat.tr("glossary-title"))
            .id(egui::Id::new("glossary-window"))
            .open(&mut open)
            .default_size([480.0, 560.0])
            .show(ui.ctx(), |ui| super::glossary::draw(ui, &view, &mut draft.glossary));
        draft.glossary.open = open;
    }

    if view.paused {
        let modal = egui::Modal::new(egui::Id::new("pause-menu")).show(ui.ctx(), |ui| {
            ui.set_width(280.0);
            ui.heading(cat.tr("pause-title"));
            ui.add_space(8.0);
            let mut chosen = None;
            let wide = |ui: &mut egui::Ui, text: String| ui.add_sized([260.0, 32.0], egui::Button::new(text)).clicked();
            if wide(ui, cat.tr("pause-resume")) {
                chosen = Some(Action::Resume);
            }
            if wide(ui, cat.tr("pause-settings")) {
                chosen = Some(Action::OpenSettings);
            }
            if wide(ui, cat.tr("pause-finish")) {
                chosen = Some(Action::FinishScenario);
            }
            if wide(ui, cat.tr("pause-quit-to-menu")) {
                chosen = Some(Action::QuitToMenu);
            }
            chosen
        });
        if let Some(a) = modal.inner {
            action = Some(a);
        }
    }
    action
}

/// The desks whose main button (send the offer, lodge the declaration, send the reply) stays
/// pinned at the bottom of the page: they lay out and scroll their own content, so that the
/// button is on screen at 1280×800 and at 1366×768 however long the form is.
fn pins_its_main_button(page: Page, session: &Session, draft: &PlayDraft) -> bool {
    match page {
        Page::Activity(Activity::Inbox) => !session.world().inbox().is_empty(),
        Page::Activity(Activity::Negotiation) => negotiation_task(session).is_some(),
        Page::Activity(Activity::Customs) => {
            draft.customs_tab == CustomsTab::Desk
                && declaration_task(session)
                    .is_some_and(|task| session.customs_desk().declaration_case(&task.id).is_some())
        }
        _ => false,
    }
}

/// The central area: the overview or one activity's page.
fn page(ui: &mut egui::Ui, view: &PlayView, draft: &mut PlayDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let mut action = None;
    match view.page {
        Page::Overview => overview(ui, cat, session),
        Page::Activity(Activity::Inbox) => {
            if let Some(a) = inbox(ui, cat, session, draft) {
                action = Some(a);
            }
        }
        Page::Activity(Activity::Customs) => {
            ui.horizontal(|ui| {
                for (tab, key) in [
                    (CustomsTab::Desk, "customs-tab-desk"),
                    (CustomsTab::Classification, "customs-tab-hs"),
                ] {
                    if ui.selectable_label(draft.customs_tab == tab, cat.tr(key)).clicked() {
                        draft.customs_tab = tab;
                    }
                }
            });
            ui.separator();
            if draft.customs_tab == CustomsTab::Classification {
                if let Some(nomenclature) = session.scenario().nomenclature() {
                    let sku = draft.hs.sku.clone().unwrap_or_default();
                    let view = super::hs::HsView {
                        cat,
                        scenario: session.scenario(),
                        nomenclature,
                        attempts: session.customs_desk().classifications(&sku),
                    };
                    if let Some(a) = super::hs::draw(ui, &view, &mut draft.hs) {
                        action = Some(a);
                    }
                }
            } else if let Some(task) = declaration_task(session)
                && let Some(case) = &session.customs_desk().declaration_case(&task.id)
            {
                let view = super::customs::DeskView {
                    cat,
                    scenario: session.scenario(),
                    task,
                    case,
                    attempts: session.customs_desk().declaration_attempts(&task.id),
                    released_on: session.customs_desk().released_on(&task.id),
                    release_due: session.customs_desk().release_due_on(&task.id),
                };
                if let Some(a) = super::customs::draw(ui, &view, &mut draft.desk) {
                    action = Some(a);
                }
            } else {
                // Parcels (B2C, C2C) are declared at checkout: no desk form, but the
                // goods, the rules in force and the HS exercise are all here.
                activity_page(ui, cat, session, Activity::Customs);
            }
        }
        Page::Activity(Activity::Negotiation) if negotiation_task(session).is_some() => {
            if let Some((task, talks)) = negotiation_task(session) {
                let view = super::negotiation::TalksView {
                    cat,
                    scenario: session.scenario(),
                    task,
                    talks,
                    contract: session.talks_desk().contract(&task.id),
                    documents: session.documents_desk().documents_attempts(&task.id),
                    profit: session.documents_desk().profit_sheet(&task.id),
                    sailing: session.documents_desk().booked_sailing(&task.id),
                    today: session.date(),
                    one_side: view.class_seat,
                };
                if let Some(a) = super::negotiation::draw(ui, &view, &mut draft.talks) {
                    action = Some(a);
                }
            }
        }
        Page::Activity(Activity::Storefront) if session.scenario().markets().iter().any(|m| m.storefront.is_some()) => {
            ui.horizontal(|ui| {
                for (tab, key) in [
                    (StorefrontTab::Listing, "storefront-tab-listing"),
                    (StorefrontTab::Dashboard, "storefront-tab-dashboard"),
                    (StorefrontTab::Research, "storefront-tab-research"),
                ] {
                    if ui.selectable_label(draft.storefront_tab == tab, cat.tr(key)).clicked() {
                        draft.storefront_tab = tab;
                    }
                }
            });
            ui.separator();
            let market = store_market(session, draft);
            if draft.storefront_tab == StorefrontTab::Dashboard {
                if let Some(market) = market {
                    super::store::draw(
                        ui,
                        &super::store::StoreView {
                            cat,
                            session,
                            market: &market,
                        },
                    );
                }
            } else if draft.storefront_tab == StorefrontTab::Research {
                if let Some(market) = market {
                    super::research::draw(
                        ui,
                        &super::research::ResearchView {
                            cat,
                            session,
                            market: &market,
                        },
                    );
                }
            } else {
                let view = super::listing::ListingView { cat, session };
                if let Some(a) = super::listing::draw(ui, &view, &mut draft.listing) {
                    action = Some(a);
                }
            }
        }
        Page::Activity(Activity::Promotion) if session.scenario().markets().iter().any(|m| m.storefront.is_some()) => {
            let market = store_market(session, draft);
            if let Some(market) = market {
                let view = super::promotion::PromotionView {
                    cat,
                    session,
                    market: &market,
                };
                if let Some(a) = super::promotion::draw(ui, &view, &mut draft.promotion) {
                    action = Some(a);
                }
            }
        }
        Page::Activity(Activity::C2C) if session.shop_desk().shop().is_some() => {
            if let Some(a) = super::c2c::draw(ui, cat, session, &mut draft.c2c) {
                action = Some(a);
            }
        }
        Page::Activity(activity) => activity_page(ui, cat, session, activity),
    }
    action
}

fn shortcuts(ui: &mut egui::Ui, view: &PlayView) -> Option<Action> {
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    let pages = pages(view.session);
    ui.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            return Some(if view.paused { Action::Resume } else { Action::Pause });
        }
        if view.paused {
            return None;
        }
        if i.consume_key(Modifiers::NONE, Key::N) {
            return Some(Action::EndDay);
        }
        if i.consume_key(Modifiers::NONE, Key::A) {
            return Some(Action::SetAutoAdvance(!view.auto_advance));
        }
        for (key, page) in DIGIT_KEYS.iter().zip(pages.iter()) {
            if i.consume_key(Modifiers::NONE, *key) {
                return Some(Action::ShowPage(*page));
            }
        }
        None
    })
}

fn top_bar(ui: &mut egui::Ui, view: &PlayView, action: &mut Option<Action>) {
    let cat = view.cat;
    let session = view.session;
    let scenario = session.scenario();
    // A long title is cut short (the whole of it on hover), so the bar keeps one row at 1280
    // pixels even with two currencies.
    let title = pick(&scenario.meta().title, cat.language());
    let title_width = (ui.available_width() * 0.25).max(160.0);
    ui.allocate_ui(egui::vec2(title_width, ui.spacing().interact_size.y), |ui| {
        ui.add(egui::Label::new(RichText::new(title).strong().color(ACCENT)).truncate())
            .on_hover_text(title);
    });
    ui.separator();
    let date = session.date();
    ui.label(RichText::new(format!("{} {}", cat.tr(WEEKDAYS[date.weekday() as usize]), date)).strong());
    ui.label(cat.tr_args(
        "day-of",
        &[
            ("day", Arg::from(session.day())),
            ("total", Arg::from(scenario.length_days())),
        ],
    ));
    ui.separator();
    for money in session.world().cash_money() {
        let color = if money.minor < 0 {
            BAD
        } else {
            ui.visuals().text_color()
        };
        let label = ui.label(RichText::new(money.format()).color(color).monospace());
        if money.currency != scenario.home_currency()
            && let Some(rate) = session.world().rates().get(&money.currency)
        {
            label.on_hover_text(cat.tr_args(
                "rate-hover",
                &[
                    ("currency", Arg::from(money.currency.as_str())),
                    ("rate", Arg::from(rate.to_string())),
                    ("home", Arg::from(scenario.home_currency().as_str())),
                ],
            ));
        }
    }
    ui.separator();
    ui.label(cat.tr("reputation"));
    let reputation = session.world().reputation();
    let color = if reputation >= 60 {
        GOOD
    } else if reputation >= 35 {
        WARN
    } else {
        BAD
    };
    ui.add(
        egui::ProgressBar::new(reputation as f32 / 100.0)
            .desired_width(80.0)
            .fill(color)
            .text(reputation.to_string()),
    );
    ui.separator();
    let over = session.is_finished();
    if ui
        .add_enabled(!over, egui::Button::new(RichText::new(cat.tr("end-day")).strong()))
        .on_hover_text(cat.tr("end-day-hint"))
        .clicked()
    {
        *action = Some(Action::EndDay);
    }
    if view.class_seat {
        if let Some(notice) = view.notice {
            ui.label(RichText::new(notice).color(BAD));
        }
        return;
    }
    let mut auto = view.auto_advance;
    if ui
        .toggle_value(&mut auto, cat.tr("auto-advance"))
        .on_hover_text(cat.tr("auto-advance-hint"))
        .changed()
    {
        *action = Some(Action::SetAutoAdvance(auto));
    }
    if ui.button(cat.tr("pause")).clicked() {
        *action = Some(Action::Pause);
    }
    if let Some(notice) = view.notice {
        ui.label(RichText::new(notice).color(BAD));
    }
}

const WEEKDAYS: [&str; 7] = [
    "weekday-mon",
    "weekday-tue",
    "weekday-wed",
    "weekday-thu",
    "weekday-fri",
    "weekday-sat",
    "weekday-sun",
];

fn tasks_panel(ui: &mut egui::Ui, cat: &Catalogue, session: &Session) {
    let language = cat.language();
    ui.add_space(6.0);
    ui.heading(cat.tr("tasks-title"));
    ui.label(
        RichText::new(cat.tr_args(
            "tasks-total",
            &[("points", Arg::from(session.scenario().rubric_total()))],
        ))
        .small()
        .color(MUTED),
    );
    let (mode, color) = if session.mode().hints() {
        ("mode-practice", MUTED)
    } else {
        ("mode-exam", WARN)
    };
    ui.label(RichText::new(cat.tr(mode)).small().color(color));
    ui.add_space(4.0);
    // Practice mode shows the points each task has earned so far, and a task with all of
    // them is done rather than due.
    let report = crate::sim::Report::of(session);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for task in session.scenario().tasks() {
            let scored = report.tasks.iter().find(|t| t.id == task.id);
            let done = session.mode().hints() && scored.is_some_and(|t| t.earned() == t.possible());
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(pick(&task.title, language)).strong());
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(activity_label(cat, task.activity)).small().color(ACCENT));
                    ui.label(RichText::new(cat.tr_args("points", &[("points", Arg::from(task.points()))])).small());
                    if let (true, Some(t)) = (session.mode().hints(), scored) {
                        let full = t.earned() == t.possible();
                        ui.label(
                            RichText::new(cat.tr_args(
                                if full { "task-done" } else { "task-so-far" },
                                &[("earned", Arg::from(t.earned())), ("possible", Arg::from(t.possible()))],
                            ))
                            .small()
                            .color(if full { GOOD } else { MUTED }),
                        );
                    }
                    if let Some(due) = task.due_day {
                        let (text, color) = if done {
                            (String::new(), MUTED)
                        } else if session.day() > due {
                            (cat.tr_args("task-overdue", &[("day", Arg::from(due))]), BAD)
                        } else {
                            (
                                cat.tr_args(
                                    "task-due",
                                    &[("day", Arg::from(due)), ("left", Arg::from(due - session.day()))],
                                ),
                                MUTED,
                            )
                        };
                        if !text.is_empty() {
                            ui.label(RichText::new(text).small().color(color));
                        }
                    }
                });
                egui::CollapsingHeader::new(cat.tr("task-rubric"))
                    .id_salt(("rubric", &task.id))
                    .show(ui, |ui| {
                        ui.label(pick(&task.description, language));
                        ui.label(
                            RichText::new(competency_label(cat, task.competency))
                                .small()
                                .color(MUTED),
                        );
                        for c in &task.rubric {
                            ui.label(format!(
                                "•  {} — {}",
                                pick(&c.description, language),
                                cat.tr_args("points", &[("points", Arg::from(c.points))])
                            ));
                            if let (true, Some(hint)) = (session.mode().hints(), &c.hint) {
                                ui.label(
                                    RichText::new(
                                        cat.tr_args("task-hint", &[("hint", Arg::from(pick(hint, language)))]),
                                    )
                                    .small()
                                    .color(ACCENT),
                                );
                            }
                        }
                    });
            });
        }
    });
}

fn overview(ui: &mut egui::Ui, cat: &Catalogue, session: &Session) {
    let scenario = session.scenario();
    let language = cat.language();
    let role = scenario.role();
    ui.heading(pick(&role.title, language));
    ui.label(
        RichText::new(format!(
            "{} · {} {}",
            pick(&role.company.name, language),
            role.company.city,
            role.company.country
        ))
        .color(MUTED),
    );
    if !role.company.description.en.is_empty() {
        ui.label(pick(&role.company.description, language));
    }
    // A student's own variant says so: its numbers are not the neighbour's.
    if let Some(variant) = scenario.variant() {
        ui.label(
            RichText::new(cat.tr_args(
                "overview-variant",
                &[
                    ("code", Arg::from(variant.class_code.as_str())),
                    ("id", Arg::from(variant.student_id.as_str())),
                ],
            ))
            .color(super::theme::WARN),
        );
    }
    ui.add_space(8.0);
    ui.label(pick(&scenario.meta().description, language));
    ui.add_space(12.0);

    ui.label(RichText::new(cat.tr("overview-objectives")).strong());
    for o in &scenario.meta().learning_objectives {
        ui.label(format!("•  {}", pick(o, language)));
    }
    ui.add_space(12.0);

    ui.label(RichText::new(cat.tr("overview-rates")).strong());
    egui::Grid::new("rates").striped(true).num_columns(3).show(ui, |ui| {
        for (currency, rate) in session.world().rates() {
            let start = scenario.exchange_rates().get(currency).map(|fx| fx.rate);
            ui.label(format!("1 {currency}"));
            ui.label(RichText::new(format!("{rate} {}", scenario.home_currency())).monospace());
            if let Some(start) = start.filter(|s| *s != *rate) {
                let up = rate.0 > start.0;
                ui.label(
                    RichText::new(cat.tr_args("rate-since-start", &[("rate", Arg::from(start.to_string()))]))
                        .small()
                        .color(if up { GOOD } else { BAD }),
                );
            } else {
                ui.label("");
            }
            ui.end_row();
        }
    });
    ui.add_space(12.0);

    ui.label(RichText::new(cat.tr("overview-markets")).strong());
    egui::Grid::new("markets").striped(true).num_columns(4).show(ui, |ui| {
        for header in ["col-market", "col-country", "col-currency", "col-rules-today"] {
            ui.label(RichText::new(cat.tr(header)).small().color(MUTED));
        }
        ui.end_row();
        for market in scenario.markets() {
            ui.label(pick(&market.name, language));
            ui.label(&market.country);
            ui.label(market.currency.as_str());
            let in_force = scenario
                .rule_pack(&market.rule_pack)
                .map_or(0, |p| p.in_force(session.date()).count());
            ui.label(cat.tr_args(
                "rules-in-force",
                &[
                    ("count", Arg::from(in_force)),
                    ("pack", Arg::from(market.rule_pack.as_str())),
                ],
            ));
            ui.end_row();
        }
    });
    ui.add_space(12.0);
    products_grid(ui, cat, session);
    ui.add_space(12.0);

    ui.label(RichText::new(cat.tr("overview-people")).strong());
    egui::Grid::new("people").striped(true).num_columns(3).show(ui, |ui| {
        for c in scenario.counterparts() {
            ui.label(&c.name);
            ui.label(counterpart_kind_label(cat, c.kind));
            ui.label(&c.country);
            ui.end_row();
        }
    });
}

fn products_grid(ui: &mut egui::Ui, cat: &Catalogue, session: &Session) {
    let scenario = session.scenario();
    let language = cat.language();
    ui.label(RichText::new(cat.tr("overview-products")).strong());
    egui::Grid::new("products").striped(true).num_columns(6).show(ui, |ui| {
        for header in [
            "col-sku",
            "col-product",
            "col-hs",
            "col-unit-cost",
            "col-weights",
            "col-origin",
        ] {
            ui.label(RichText::new(cat.tr(header)).small().color(MUTED));
        }
        ui.end_row();
        for p in scenario.products() {
            ui.label(RichText::new(&p.sku).monospace());
            ui.label(pick(&p.name, language));
            ui.label(RichText::new(p.hs_code.dotted()).monospace());
            ui.label(RichText::new(p.unit_cost.format()).monospace());
            ui.label(format!("{} / {} g", p.net_weight_g, p.gross_weight_g));
            ui.label(&p.origin);
            ui.end_row();
        }
    });
}

fn inbox(ui: &mut egui::Ui, cat: &Catalogue, session: &Session, draft: &mut PlayDraft) -> Option<Action> {
    let mut action = None;
    let language = cat.language();
    ui.heading(cat.tr("activity-inbox"));
    if session.world().inbox().is_empty() {
        ui.label(RichText::new(cat.tr("inbox-empty")).color(MUTED));
        return None;
    }
    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("inbox-list")
            .show(&mut cols[0], |ui| {
                for m in session.world().inbox().iter().rev() {
                    let from = message_sender(cat, session, m);
                    let subject = pick(&m.subject, language);
                    let header = format!("{} · {}", cat.tr_args("day-short", &[("day", Arg::from(m.day))]), from);
                    let open = draft.open_message == Some(m.id);
                    let row = egui::Frame::new()
                        .fill(if open {
                            ui.visuals().selection.bg_fill
                        } else {
                            egui::Color32::TRANSPARENT
                        })
                        .corner_radius(6.0)
                        .inner_margin(6.0)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.style_mut().interaction.selectable_labels = false;
                            ui.label(RichText::new(header).small().color(MUTED));
                            let subject = if m.read {
                                RichText::new(subject)
                            } else {
                                RichText::new(format!("● {subject}")).strong()
                            };
                            ui.label(subject);
                        })
                        .response
                        .interact(egui::Sense::click());
                    if row.clicked() {
                        draft.open_message = Some(m.id);
                        if !m.read {
                            action = Some(Action::MarkRead(m.id));
                        }
                    }
                }
            });
        let ui = &mut cols[1];
        let Some(m) = draft
            .open_message
            .and_then(|id| session.world().inbox().iter().find(|m| m.id == id))
        else {
            ui.label(RichText::new(cat.tr("inbox-pick")).color(MUTED));
            return;
        };
        let question = m
            .question
            .map(|question| super::questions::QuestionView { cat, session, question });
        let letter = session
            .letters_desk()
            .letter_task_of(m.id)
            .map(|task| super::letters::LetterView {
                cat,
                session,
                task: &task.id,
            });
        let awaits_reply = question.as_ref().is_some_and(super::questions::awaits_answer)
            || letter.as_ref().is_some_and(super::letters::awaits_reply);
        if awaits_reply {
            let sent = super::pinned_bar(ui, "inbox-send-bar", |ui| {
                let answer = question
                    .as_ref()
                    .and_then(|view| super::questions::send_bar(ui, view, &draft.answers));
                let reply = letter
                    .as_ref()
                    .and_then(|view| super::letters::send_bar(ui, view, &draft.letters));
                answer.or(reply)
            });
            if sent.is_some() {
                action = sent;
            }
        }
        egui::ScrollArea::vertical()
            .id_salt("inbox-message")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // A trade letter's subject is part of the letter: English, like its body.
                let subject = if is_trade_letter(m) {
                    m.subject.en.as_str()
                } else {
                    pick(&m.subject, language)
                };
                ui.label(RichText::new(subject).heading());
                ui.label(
                    RichText::new(cat.tr_args(
                        "inbox-from",
                        &[
                            ("from", Arg::from(message_sender(cat, session, m))),
                            ("day", Arg::from(m.day)),
                        ],
                    ))
                    .color(MUTED),
                );
                ui.separator();
                if is_trade_letter(m) {
                    letter_body(ui, cat, session, m, &mut draft.show_chinese);
                } else {
                    ui.label(pick(&m.body, language));
                    if language == Language::Chinese && !m.body.zh.is_empty() {
                        ui.add_space(8.0);
                        ui.collapsing(cat.tr("inbox-original"), |ui| ui.label(&m.body.en));
                    }
                }
                if let Some(view) = &question {
                    super::questions::compose(ui, view, &mut draft.answers);
                }
                if let Some(view) = &letter {
                    super::letters::compose(ui, view, &mut draft.letters);
                }
            });
    });
    action
}

/// Whether a message is a trade letter the student reads in English: from a counterpart (a
/// buyer, supplier or forwarder), written in English.
fn is_trade_letter(m: &crate::sim::session::Message) -> bool {
    m.from.is_some() && !m.body.en.trim().is_empty() && !m.body.en.starts_with(crate::sim::terms::CHINESE_ONLY)
}

/// A trade letter in English in either language, its trade terms glossed on hover; in practice
/// mode a switch shows the whole letter in Chinese under it (never in an exam).
fn letter_body(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    session: &Session,
    m: &crate::sim::session::Message,
    show_chinese: &mut bool,
) {
    super::glossary::glossed_text(ui, cat, crate::glossary::bundled(), &m.body.en);
    ui.label(RichText::new(cat.tr("letter-gloss-hint")).small().color(MUTED));
    if session.mode().hints() && !m.body.zh.trim().is_empty() {
        ui.checkbox(show_chinese, cat.tr("letter-show-chinese"));
        if *show_chinese {
            egui::Frame::new()
                .fill(ui.visuals().faint_bg_color)
                .corner_radius(6.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.label(&m.body.zh);
                });
        }
    }
}

/// The market whose store the storefront and promotion pages show: the one chosen in the
/// listing editor, else the first with a storefront.
fn store_market(session: &Session, draft: &PlayDraft) -> Option<String> {
    draft.listing.market.clone().or_else(|| {
        session
            .scenario()
            .markets()
            .iter()
            .find(|m| m.storefront.is_some())
            .map(|m| m.id.clone())
    })
}

/// The first negotiation task with talks under way, and its talks.
fn negotiation_task(session: &Session) -> Option<(&crate::sim::scenario::Task, &crate::sim::negotiation::Talks)> {
    session
        .scenario()
        .tasks()
        .iter()
        .find_map(|t| session.talks_desk().talks(&t.id).map(|talks| (t, talks)))
}

/// The first customs task with a declaration to prepare.
fn declaration_task(session: &Session) -> Option<&crate::sim::scenario::Task> {
    session
        .scenario()
        .tasks()
        .iter()
        .find(|t| t.activity == Activity::Customs && t.declaration.is_some())
}

/// Who sent a message: a buyer who asked a question, a counterpart, or the company.
fn message_sender(cat: &Catalogue, session: &Session, message: &crate::sim::session::Message) -> String {
    let asker = message
        .question
        .and_then(|q| session.shop_desk().shop().and_then(|shop| shop.question(q)))
        .filter(|q| q.counterpart.is_none());
    match asker {
        Some(q) => format!("{} ({})", q.from, q.market),
        None => sender_name(cat, session, message.from.as_deref()),
    }
}

fn sender_name(cat: &Catalogue, session: &Session, from: Option<&str>) -> String {
    match from.and_then(|id| session.scenario().counterpart(id)) {
        Some(c) => format!("{} ({})", c.name, c.country),
        None => cat.tr("inbox-from-company"),
    }
}

fn activity_page(ui: &mut egui::Ui, cat: &Catalogue, session: &Session, activity: Activity) {
    let scenario = session.scenario();
    let language = cat.language();
    ui.heading(activity_label(cat, activity));
    ui.label(cat.tr(&format!("{}-intro", activity_key(activity))));
    ui.add_space(6.0);
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xfd, 0xf6, 0xe3))
        .corner_radius(6.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let note = match activity {
                Activity::Customs if session.shop_desk().shop().is_some() => "customs-cn23-on-orders",
                Activity::Customs => "customs-no-declaration",
                _ => "activity-desk-pending",
            };
            ui.label(RichText::new(cat.tr(note)).color(WARN));
        });
    ui.add_space(10.0);
    ui.label(RichText::new(cat.tr("activity-tasks-here")).strong());
    for task in scenario.tasks().iter().filter(|t| t.activity == activity) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(pick(&task.title, language)).strong());
            ui.label(pick(&task.description, language));
            for c in &task.rubric {
                ui.label(
                    RichText::new(format!(
                        "•  {} — {}",
                        pick(&c.description, language),
                        cat.tr_args("points", &[("points", Arg::from(c.points))])
                    ))
                    .small(),
                );
            }
        });
    }
    ui.add_space(10.0);
    match activity {
        Activity::Customs => {
            products_grid(ui, cat, session);
            ui.add_space(10.0);
            ui.label(
                RichText::new(cat.tr_args(
                    "customs-rules-today",
                    &[("date", Arg::from(session.date().to_string()))],
                ))
                .strong(),
            );
            for pack in scenario.rule_packs() {
                ui.collapsing(
                    format!("{} — {}", pack.jurisdiction(), pick(pack.name(), language)),
                    |ui| {
                        for rule in pack.in_force(session.date()) {
                            let marker = if rule.verified {
                                String::new()
                            } else {
                                format!(" ({})", cat.tr("rule-not-verified"))
                            };
                            ui.label(format!("•  {}{marker}", rule.summary()))
                                .on_hover_text(&*rule.source);
                        }
                    },
                );
            }
        }
        Activity::Negotiation | Activity::C2C => {
            ui.label(RichText::new(cat.tr("overview-people")).strong());
            for c in scenario.counterparts() {
                let interests: Vec<String> = c
                    .interested_in
                    .iter()
                    .filter_map(|sku| scenario.product(sku).map(|p| pick(&p.name, language).to_string()))
                    .collect();
                ui.label(format!(
                    "•  {} — {}, {} · {}",
                    c.name,
                    counterpart_kind_label(cat, c.kind),
                    c.country,
                    interests.join(", ")
                ));
            }
            ui.add_space(10.0);
            products_grid(ui, cat, session);
        }
        Activity::Storefront | Activity::Promotion => {
            ui.label(RichText::new(cat.tr("overview-markets")).strong());
            for m in scenario.markets() {
                ui.label(format!(
                    "•  {} ({}, {}) — {}",
                    pick(&m.name, language),
                    m.country,
                    m.currency,
                    cat.tr_args("daily-shoppers", &[("count", Arg::from(m.daily_shoppers))])
                ));
                for (sku, price) in &m.reference_prices {
                    let name = scenario.product(sku).map_or(sku.as_str(), |p| pick(&p.name, language));
                    ui.label(RichText::new(format!("      {name}: {}", price.format())).small());
                }
            }
            ui.add_space(10.0);
            products_grid(ui, cat, session);
        }
        Activity::Inbox => {}
    }
}
