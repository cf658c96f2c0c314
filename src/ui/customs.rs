//! The declaration desk: the consignment's documents beside a declaration form modelled on the
//! Chinese export declaration; after lodging, every field shows the customs verdict.

use egui::{Color32, RichText};

use super::theme::{ACCENT, BAD, GOOD, MUTED, WARN};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::scenario::file::{BrandType, Incoterm, TransportMode};
use crate::sim::customs::declaration::{DeclarationCase, DeclarationCheck, DeclarationForm, FormLine, Verdict};
use crate::sim::money::format_minor;
use crate::sim::scenario::{Scenario, Task};

/// Which source document is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Document {
    #[default]
    Contract,
    Invoice,
    PackingList,
}

/// The half-filled declaration (UI state, not sim state).
#[derive(Debug, Clone, Default)]
pub struct DeskDraft {
    /// The task the form belongs to; a new task starts a fresh form.
    pub task: Option<String>,
    pub form: DeclarationForm,
    pub document: Document,
}

pub struct DeskView<'a> {
    pub cat: &'a Catalogue,
    pub scenario: &'a Scenario,
    pub task: &'a Task,
    pub case: &'a DeclarationCase,
    /// Checked attempts, oldest first.
    pub attempts: &'a [DeclarationCheck],
    /// Day the goods were released, or are due for release once accepted.
    pub released_on: Option<u32>,
    pub release_due: Option<u32>,
}

const BRANDS: [BrandType; 5] = [
    BrandType::NoBrand,
    BrandType::DomesticOwn,
    BrandType::DomesticAcquired,
    BrandType::ForeignOem,
    BrandType::ForeignOther,
];
const MODES: [TransportMode; 5] = [
    TransportMode::Sea,
    TransportMode::Air,
    TransportMode::Rail,
    TransportMode::Road,
    TransportMode::Post,
];

fn brand_code(b: BrandType) -> &'static str {
    match b {
        BrandType::NoBrand => "0",
        BrandType::DomesticOwn => "1",
        BrandType::DomesticAcquired => "2",
        BrandType::ForeignOem => "3",
        BrandType::ForeignOther => "4",
    }
}

pub fn draw(ui: &mut egui::Ui, view: &DeskView, draft: &mut DeskDraft) -> Option<Action> {
    let cat = view.cat;
    if draft.task.as_deref() != Some(view.task.id.as_str()) {
        *draft = DeskDraft {
            task: Some(view.task.id.clone()),
            ..DeskDraft::default()
        };
        draft.form.lines = vec![FormLine::default(); view.case.lines.len()];
    }
    let last = view.attempts.last();
    let cleared = view.attempts.iter().position(DeclarationCheck::clears);
    let mut action = None;

    ui.heading(pick(&view.task.title, cat.language()));
    ui.label(RichText::new(cat.tr("desk-intro")).color(MUTED));
    match (cleared, last) {
        (Some(i), _) => {
            let status = match (view.released_on, view.release_due) {
                (Some(day), _) => cat.tr_args("desk-released", &[("day", Arg::from(day))]),
                (None, Some(day)) => cat.tr_args("desk-release-due", &[("day", Arg::from(day))]),
                (None, None) => String::new(),
            };
            banner(
                ui,
                GOOD,
                &format!(
                    "{} {status}",
                    cat.tr_args("desk-cleared", &[("attempt", Arg::from(i + 1))])
                ),
            );
        }
        (None, Some(check)) => banner(
            ui,
            BAD,
            &cat.tr_args(
                "desk-held",
                &[
                    ("attempt", Arg::from(view.attempts.len())),
                    ("wrong", Arg::from(check.wrong())),
                    ("correct", Arg::from(check.correct())),
                ],
            ),
        ),
        (None, None) => {}
    }
    ui.add_space(6.0);

    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("declaration-documents")
            .auto_shrink([false, false])
            .show(&mut cols[0], |ui| documents(ui, view, draft));
        let ui = &mut cols[1];
        ui.label(RichText::new(cat.tr("desk-form")).strong());
        let enabled = cleared.is_none();
        // The Lodge button stays pinned under the form, which scrolls above it.
        let lodged = super::pinned_bar(ui, "declaration-lodge-bar", |ui| {
            ui.add_enabled(
                enabled,
                egui::Button::new(RichText::new(cat.tr("desk-lodge")).strong()).min_size(egui::vec2(200.0, 32.0)),
            )
            .clicked()
        });
        if lodged {
            action = Some(Action::SubmitDeclaration(
                view.task.id.clone(),
                Box::new(draft.form.clone()),
            ));
        }
        egui::ScrollArea::vertical()
            .id_salt("declaration-form")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_enabled_ui(enabled, |ui| form(ui, cat, draft, last));
            });
    });
    action
}

fn banner(ui: &mut egui::Ui, color: Color32, text: &str) {
    egui::Frame::new()
        .fill(color.gamma_multiply(0.15))
        .corner_radius(6.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).color(color).strong());
        });
}

fn documents(ui: &mut egui::Ui, view: &DeskView, draft: &mut DeskDraft) {
    let cat = view.cat;
    let case = view.case;
    let language = cat.language();
    ui.horizontal(|ui| {
        for (doc, key) in [
            (Document::Contract, "desk-contract"),
            (Document::Invoice, "desk-invoice"),
            (Document::PackingList, "desk-packing-list"),
        ] {
            if ui.selectable_label(draft.document == doc, cat.tr(key)).clicked() {
                draft.document = doc;
            }
        }
    });
    ui.separator();
    let product_name = |sku: &str| {
        view.scenario
            .product(sku)
            .map_or(sku.to_string(), |p| pick(&p.name, language).to_string())
    };
    egui::Frame::new()
        .fill(Color32::from_rgb(0xff, 0xfd, 0xf5))
        .stroke((1.0, Color32::from_gray(210)))
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            match draft.document {
                Document::Contract => {
                    ui.label(
                        RichText::new(format!("{} {}", cat.tr("desk-contract"), case.contract_no))
                            .strong()
                            .color(ACCENT),
                    );
                    egui::Grid::new("contract")
                        .num_columns(2)
                        .spacing([16.0, 4.0])
                        .show(ui, |ui| {
                            for (k, v) in [
                                ("doc-seller", case.consignor.clone()),
                                ("doc-buyer", case.consignee.clone()),
                                (
                                    "doc-incoterm",
                                    format!("{:?} {}, Incoterms® 2020", case.incoterm, case.port_of_loading),
                                ),
                                ("doc-loading", case.port_of_loading.clone()),
                                (
                                    "doc-discharge",
                                    format!("{} ({})", case.port_of_discharge, case.destination_country),
                                ),
                                (
                                    "doc-transport",
                                    format!(
                                        "{:?}{}",
                                        case.transport_mode,
                                        if case.containerised { ", 40' container" } else { "" }
                                    ),
                                ),
                                ("doc-currency", case.currency.to_string()),
                                ("doc-total", case.money(case.invoice_total())),
                            ] {
                                ui.label(RichText::new(cat.tr(k)).color(MUTED));
                                ui.add(egui::Label::new(v).wrap());
                                ui.end_row();
                            }
                        });
                }
                Document::Invoice => {
                    ui.label(
                        RichText::new(format!("{} {}", cat.tr("desk-invoice"), case.invoice_no))
                            .strong()
                            .color(ACCENT),
                    );
                    ui.label(format!("{} → {}", case.consignor, case.consignee));
                    egui::Grid::new("invoice").striped(true).num_columns(4).show(ui, |ui| {
                        for h in ["doc-goods", "doc-quantity", "doc-unit-price", "doc-amount"] {
                            ui.label(RichText::new(cat.tr(h)).small().color(MUTED));
                        }
                        ui.end_row();
                        for l in &case.lines {
                            ui.label(product_name(&l.product));
                            ui.label(format!("{} pcs", l.quantity));
                            ui.label(format_minor(l.unit_price, case.exponent));
                            ui.label(format_minor(l.total(), case.exponent));
                            ui.end_row();
                        }
                        ui.label(RichText::new(cat.tr("doc-total")).strong());
                        ui.label("");
                        ui.label(format!("{:?} {}", case.incoterm, case.port_of_loading));
                        ui.label(RichText::new(case.money(case.invoice_total())).strong());
                        ui.end_row();
                    });
                    for l in &case.lines {
                        if let Some(p) = view.scenario.product(&l.product) {
                            ui.label(
                                RichText::new(format!(
                                    "{}: {}",
                                    pick(&p.name, language),
                                    pick(&p.specification, language)
                                ))
                                .small()
                                .color(MUTED),
                            );
                        }
                    }
                }
                Document::PackingList => {
                    ui.label(
                        RichText::new(format!("{} — {}", cat.tr("desk-packing-list"), case.invoice_no))
                            .strong()
                            .color(ACCENT),
                    );
                    egui::Grid::new("packing").striped(true).num_columns(5).show(ui, |ui| {
                        for h in ["doc-goods", "doc-cartons", "doc-quantity", "doc-net", "doc-gross"] {
                            ui.label(RichText::new(cat.tr(h)).small().color(MUTED));
                        }
                        ui.end_row();
                        for l in &case.lines {
                            ui.label(product_name(&l.product));
                            ui.label(l.cartons.to_string());
                            ui.label(format!("{} pcs", l.quantity));
                            ui.label(format!("{} kg", format_minor(i64::try_from(l.net_g).unwrap_or(0), 3)));
                            ui.label(format!("{} kg", format_minor(i64::try_from(l.gross_g).unwrap_or(0), 3)));
                            ui.end_row();
                        }
                    });
                    for l in &case.lines {
                        if let Some(p) = view.scenario.product(&l.product) {
                            ui.label(
                                RichText::new(format!("{} — {}: {}", p.sku, cat.tr("doc-origin"), p.origin))
                                    .small()
                                    .color(MUTED),
                            );
                        }
                    }
                }
            }
        });
}

/// A labelled text field with its verdict.
fn text_row(ui: &mut egui::Ui, cat: &Catalogue, label_key: &str, value: &mut String, verdict: Option<&Verdict>) {
    let label = ui.add(egui::Label::new(cat.tr(label_key)).wrap());
    ui.vertical(|ui| {
        ui.add(egui::TextEdit::singleline(value).desired_width(160.0))
            .labelled_by(label.id);
        show_verdict(ui, cat, verdict);
    });
    ui.end_row();
}

pub(super) fn show_verdict(ui: &mut egui::Ui, cat: &Catalogue, verdict: Option<&Verdict>) {
    match verdict {
        Some(Verdict::Correct) => {
            ui.label(RichText::new("✔").color(GOOD));
        }
        Some(Verdict::Warning(why)) => {
            ui.label(RichText::new(format!("⚠ {}", cat.say(why))).small().color(WARN));
        }
        Some(Verdict::Wrong(why)) => {
            ui.label(RichText::new(format!("✖ {}", cat.say(why))).small().color(BAD));
        }
        None => {}
    }
}

fn form(ui: &mut egui::Ui, cat: &Catalogue, draft: &mut DeskDraft, result: Option<&DeclarationCheck>) {
    let v = |field: &str| result.and_then(|r| r.verdict(field));
    let f = &mut draft.form;
    egui::Grid::new("declaration-header")
        .num_columns(2)
        .min_col_width(150.0)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            text_row(ui, cat, "decl-trade-mode", &mut f.trade_mode, v("trade_mode"));
            text_row(ui, cat, "decl-consignor", &mut f.consignor, v("consignor"));
            text_row(ui, cat, "decl-consignee", &mut f.consignee, v("consignee"));
            text_row(ui, cat, "decl-contract-no", &mut f.contract_no, v("contract_no"));
            text_row(
                ui,
                cat,
                "decl-port-of-loading",
                &mut f.port_of_loading,
                v("port_of_loading"),
            );
            text_row(
                ui,
                cat,
                "decl-destination-country",
                &mut f.destination_country,
                v("destination_country"),
            );
            ui.label(cat.tr("decl-transport-mode"));
            ui.vertical(|ui| {
                egui::ComboBox::from_id_salt("transport-mode")
                    .selected_text(
                        f.transport_mode
                            .map_or_else(|| cat.tr("decl-choose"), |m| format!("{m:?}")),
                    )
                    .show_ui(ui, |ui| {
                        for m in MODES {
                            ui.selectable_value(&mut f.transport_mode, Some(m), format!("{m:?}"));
                        }
                    });
                show_verdict(ui, cat, v("transport_mode"));
            });
            ui.end_row();
            ui.label(cat.tr("decl-incoterm"));
            ui.vertical(|ui| {
                egui::ComboBox::from_id_salt("incoterm")
                    .selected_text(f.incoterm.map_or_else(|| cat.tr("decl-choose"), |t| format!("{t:?}")))
                    .show_ui(ui, |ui| {
                        for t in Incoterm::ALL {
                            ui.selectable_value(&mut f.incoterm, Some(t), format!("{t:?}"));
                        }
                    });
                show_verdict(ui, cat, v("incoterm"));
            });
            ui.end_row();
            text_row(ui, cat, "decl-currency", &mut f.currency, v("currency"));
        });
    show_verdict(ui, cat, v("lines"));
    let line_count = f.lines.len();
    for (i, line) in f.lines.iter_mut().enumerate() {
        let lv = |field: &str| result.and_then(|r| r.verdict(&format!("lines[{i}].{field}")));
        egui::CollapsingHeader::new(cat.tr_args("decl-item", &[("n", Arg::from(i + 1))]))
            .id_salt(("declaration-item", i))
            .default_open(true)
            .show(ui, |ui| {
                egui::Grid::new(("declaration-line", i))
                    .num_columns(2)
                    .min_col_width(140.0)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        text_row(
                            ui,
                            cat,
                            "decl-commodity-code",
                            &mut line.commodity_code,
                            lv("commodity_code"),
                        );
                        text_row(ui, cat, "decl-name-spec", &mut line.name_and_spec, lv("name_and_spec"));
                        ui.label(cat.tr("decl-brand-type"));
                        ui.vertical(|ui| {
                            egui::ComboBox::from_id_salt(("brand", i))
                                .selected_text(
                                    line.brand_type
                                        .map_or_else(|| cat.tr("decl-choose"), |b| brand_code(b).to_string()),
                                )
                                .show_ui(ui, |ui| {
                                    for b in BRANDS {
                                        ui.selectable_value(
                                            &mut line.brand_type,
                                            Some(b),
                                            format!("{} {b:?}", brand_code(b)),
                                        );
                                    }
                                });
                            show_verdict(ui, cat, lv("brand_type"));
                        });
                        ui.end_row();
                        text_row(
                            ui,
                            cat,
                            "decl-export-preference",
                            &mut line.export_preference,
                            lv("export_preference"),
                        );
                        text_row(
                            ui,
                            cat,
                            "decl-first-quantity",
                            &mut line.first_quantity,
                            lv("first_quantity"),
                        );
                        text_row(
                            ui,
                            cat,
                            "decl-second-quantity",
                            &mut line.second_quantity,
                            lv("second_quantity"),
                        );
                        text_row(ui, cat, "decl-net-kg", &mut line.net_kg, lv("net_kg"));
                        text_row(ui, cat, "decl-gross-kg", &mut line.gross_kg, lv("gross_kg"));
                        text_row(ui, cat, "decl-unit-price", &mut line.unit_price, lv("unit_price"));
                        text_row(ui, cat, "decl-total-price", &mut line.total_price, lv("total_price"));
                        text_row(ui, cat, "decl-origin", &mut line.origin, lv("origin"));
                        text_row(ui, cat, "decl-destination", &mut line.destination, lv("destination"));
                    });
            });
    }
    ui.horizontal(|ui| {
        if ui.button(cat.tr("decl-add-line")).clicked() {
            f.lines.push(FormLine::default());
        }
        if line_count > 1 && ui.button(cat.tr("decl-remove-line")).clicked() {
            f.lines.pop();
        }
    });
}
