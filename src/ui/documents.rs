//! The documents desk: after the contract is signed and the goods shipped, the student prepares
//! the commercial invoice, packing list, bill of lading, insurance certificate and certificate
//! of origin from the contract, presents them, and sees every field's verdict (against the
//! contract and, for a letter of credit, UCP 600) — and whether the buyer paid.

use egui::RichText;

use super::Action;
use super::customs::show_verdict;
use super::theme::{BAD, GOOD, MUTED, WARN};
use crate::i18n::{Arg, Catalogue};
use crate::scenario::file::Incoterm;
use crate::sim::customs::declaration::Verdict;
use crate::sim::deal::documents::seller_insures;
use crate::sim::deal::{CargoClauses, DocumentsCheck, DocumentsForm, Freight, ProfitLine, ProfitSheet, SalesContract};

pub struct DocumentsView<'a> {
    pub cat: &'a Catalogue,
    pub task: &'a str,
    pub contract: &'a SalesContract,
    /// Presentations so far, oldest first.
    pub attempts: &'a [DocumentsCheck],
    /// Today's date, for the presentation.
    pub today: crate::sim::Date,
    /// The deal's profit sheet, when the scenario states its costs.
    pub profit: Option<&'a ProfitSheet>,
    /// The booked sailing, if any.
    pub sailing: Option<crate::sim::Date>,
}

pub fn draw(ui: &mut egui::Ui, view: &DocumentsView, form: &mut DocumentsForm) -> Option<Action> {
    let cat = view.cat;
    let contract = view.contract;
    let last = view.attempts.last();
    let paid = view.attempts.iter().any(DocumentsCheck::complies);
    let mut action = None;
    let (color, text) = match last {
        _ if paid => (GOOD, cat.tr("docs-paid")),
        Some(check) => (
            BAD,
            cat.tr_args("docs-refused", &[("count", Arg::from(check.discrepancies()))]),
        ),
        None => (
            MUTED,
            cat.tr_args(
                "docs-intro",
                &[
                    ("latest", Arg::from(contract.latest_shipment.to_string())),
                    ("days", Arg::from(contract.presentation_days)),
                ],
            ),
        ),
    };
    egui::Frame::new()
        .fill(color.gamma_multiply(0.12))
        .corner_radius(6.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).color(color).strong());
        });
    ui.add_space(6.0);
    // Shipment: production, booking, the vessel.
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(cat.tr("docs-shipment")).strong());
            let ready = contract.goods_ready;
            if view.today < ready {
                ui.label(cat.tr_args("docs-in-production", &[("date", Arg::from(ready.to_string()))]));
            } else {
                match view.sailing {
                    Some(s) => {
                        ui.label(cat.tr_args("docs-booked", &[("date", Arg::from(s.to_string()))]));
                    }
                    None => {
                        ui.label(cat.tr("docs-ready-to-book"));
                    }
                }
                if !paid {
                    let next = contract.next_sailing(view.today);
                    let label = cat.tr_args(
                        if view.sailing.is_some() {
                            "docs-rebook"
                        } else {
                            "docs-book"
                        },
                        &[("date", Arg::from(next.to_string()))],
                    );
                    if ui.button(label).clicked() {
                        action = Some(Action::BookShipment(view.task.to_string()));
                    }
                }
            }
        });
    });
    ui.add_space(4.0);
    if let Some(sheet) = view.profit {
        egui::CollapsingHeader::new(RichText::new(cat.tr("profit-title")).strong())
            .id_salt("deal_profit_sheet")
            .default_open(paid)
            .show(ui, |ui| profit_table(ui, cat, sheet));
    }
    let verdict = |name: &str| last.and_then(|c| c.verdict(name));
    let insures = seller_insures(contract.incoterm);

    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        section(ui, cat, "docs-invoice");
        ui.vertical(|ui| {
            row(
                ui,
                cat,
                "docs-invoice-no",
                &mut form.invoice_no,
                verdict("invoice.number"),
            );
            row(
                ui,
                cat,
                "docs-invoice-date",
                &mut form.invoice_date,
                verdict("invoice.date"),
            );
            row(
                ui,
                cat,
                "docs-description",
                &mut form.description,
                verdict("invoice.description"),
            );
            row(
                ui,
                cat,
                "docs-quantity",
                &mut form.quantity,
                verdict("invoice.quantity"),
            );
            row(
                ui,
                cat,
                "docs-unit-price",
                &mut form.unit_price,
                verdict("invoice.unit_price"),
            );
            row(ui, cat, "docs-amount", &mut form.amount, verdict("invoice.amount"));
            row(
                ui,
                cat,
                "docs-currency",
                &mut form.currency,
                verdict("invoice.currency"),
            );
            field_label(ui, cat, "docs-incoterm");
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    egui::ComboBox::from_id_salt("docs_incoterm_choice")
                        .selected_text(
                            form.incoterm
                                .map_or_else(|| cat.tr("docs-choose"), |t| format!("{t:?}")),
                        )
                        .show_ui(ui, |ui| {
                            for t in Incoterm::ALL {
                                ui.selectable_value(&mut form.incoterm, Some(t), format!("{t:?}"));
                            }
                        });
                    mark(ui, verdict("invoice.incoterm"));
                });
                explain(ui, cat, verdict("invoice.incoterm"));
            });
        });
        section(ui, cat, "docs-packing");
        ui.vertical(|ui| {
            row(
                ui,
                cat,
                "docs-packages",
                &mut form.packages,
                verdict("packing.packages"),
            );
            row(ui, cat, "docs-net", &mut form.net_kg, verdict("packing.net_kg"));
            row(ui, cat, "docs-gross", &mut form.gross_kg, verdict("packing.gross_kg"));
        });
        section(ui, cat, "docs-origin");
        ui.vertical(|ui| {
            row(
                ui,
                cat,
                "docs-origin-country",
                &mut form.origin,
                verdict("origin.country"),
            );
        });

        let ui = &mut cols[1];
        section(ui, cat, "docs-bl");
        ui.vertical(|ui| {
            row(
                ui,
                cat,
                "docs-on-board",
                &mut form.on_board_date,
                verdict("bl.on_board_date"),
            );
            row(
                ui,
                cat,
                "docs-loading",
                &mut form.port_of_loading,
                verdict("bl.port_of_loading"),
            );
            row(
                ui,
                cat,
                "docs-discharge",
                &mut form.port_of_discharge,
                verdict("bl.port_of_discharge"),
            );
            field_label(ui, cat, "docs-freight");
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    let prepaid = ui.radio_value(
                        &mut form.freight,
                        Some(Freight::Prepaid),
                        crate::i18n::english().tr("docs-prepaid"),
                    );
                    gloss_on_hover(prepaid, cat, "docs-prepaid");
                    let collect = ui.radio_value(
                        &mut form.freight,
                        Some(Freight::Collect),
                        crate::i18n::english().tr("docs-collect"),
                    );
                    gloss_on_hover(collect, cat, "docs-collect");
                    mark(ui, verdict("bl.freight"));
                });
                explain(ui, cat, verdict("bl.freight"));
            });
        });
        section(ui, cat, "docs-insurance");
        if !insures {
            ui.label(RichText::new(cat.tr("docs-insurance-not-needed")).small().color(MUTED));
        }
        ui.vertical(|ui| {
            row(
                ui,
                cat,
                "docs-insured",
                &mut form.insured_amount,
                verdict("insurance.amount"),
            );
            row(
                ui,
                cat,
                "docs-insurance-currency",
                &mut form.insurance_currency,
                verdict("insurance.currency"),
            );
            row(
                ui,
                cat,
                "docs-insurance-date",
                &mut form.insurance_date,
                verdict("insurance.date"),
            );
            field_label(ui, cat, "docs-clauses");
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    for (c, label) in [
                        (CargoClauses::A, "ICC (A)"),
                        (CargoClauses::B, "ICC (B)"),
                        (CargoClauses::C, "ICC (C)"),
                    ] {
                        ui.radio_value(&mut form.clauses, Some(c), label);
                    }
                    mark(ui, verdict("insurance.clauses"));
                });
                explain(ui, cat, verdict("insurance.clauses"));
            });
        });
    });
    if let Some(Verdict::Wrong(why)) = verdict("presentation") {
        ui.label(RichText::new(format!("✖ {}", cat.say(why))).color(BAD));
    }
    ui.add_space(8.0);
    if paid {
        ui.label(RichText::new(cat.tr("docs-done")).color(GOOD));
    } else {
        ui.label(
            RichText::new(cat.tr_args("docs-presented-on", &[("date", Arg::from(view.today.to_string()))]))
                .small()
                .color(WARN),
        );
        if ui
            .add_sized(
                [ui.available_width(), 32.0],
                egui::Button::new(RichText::new(cat.tr("docs-present")).strong()),
            )
            .clicked()
        {
            action = Some(Action::PresentDocuments(view.task.to_string(), Box::new(form.clone())));
        }
    }
    action
}

/// The deal's profit sheet, in the home currency.
fn profit_table(ui: &mut egui::Ui, cat: &Catalogue, sheet: &ProfitSheet) {
    if !sheet.paid {
        ui.label(RichText::new(cat.tr("profit-expected")).small().color(MUTED));
    }
    egui::Grid::new("profit_sheet_grid")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (line, money) in &sheet.lines {
                let key = match line {
                    ProfitLine::Proceeds => "profit-proceeds",
                    ProfitLine::FxResult => "profit-fx",
                    ProfitLine::GoodsCost => "profit-goods",
                    ProfitLine::VatRebate => "profit-rebate",
                    ProfitLine::Inland => "profit-inland",
                    ProfitLine::Freight => "profit-freight",
                    ProfitLine::Insurance => "profit-insurance",
                    ProfitLine::BankCharges => "profit-bank",
                };
                let label = cat.tr(key);
                ui.label(if *line == ProfitLine::FxResult {
                    RichText::new(format!("    {label}")).small().color(MUTED)
                } else {
                    RichText::new(label)
                });
                ui.label(RichText::new(money.format()).monospace());
                ui.end_row();
            }
            let color = if sheet.profit.minor >= 0 { GOOD } else { BAD };
            ui.label(RichText::new(cat.tr("profit-result")).strong());
            ui.label(
                RichText::new(format!("{}  ({})", sheet.profit.format(), sheet.margin))
                    .monospace()
                    .strong()
                    .color(color),
            );
            ui.end_row();
        });
}

/// A document's heading. Documents are English in both interfaces, as the bank reads them;
/// hovering a heading or a field's name shows its Chinese and the trade terms in it.
fn section(ui: &mut egui::Ui, cat: &Catalogue, key: &str) {
    ui.add_space(6.0);
    let heading = ui.label(RichText::new(crate::i18n::english().tr(key)).strong());
    gloss_on_hover(heading, cat, key);
}

/// The Chinese of an English document word (in the Chinese interface) and the glossary's
/// explanation of the terms in it, on hover.
fn gloss_on_hover(response: egui::Response, cat: &Catalogue, key: &str) -> egui::Response {
    let english = crate::i18n::english().tr(key);
    let terms = super::glossary::terms_in(crate::glossary::bundled(), &english);
    let chinese = (cat.language() == crate::i18n::Language::Chinese).then(|| cat.tr(key));
    if terms.is_empty() && chinese.is_none() {
        return response;
    }
    response.on_hover_ui(|ui| {
        if let Some(chinese) = &chinese {
            ui.label(RichText::new(chinese).strong());
        }
        super::glossary::explain_terms(ui, cat, &terms);
    })
}

fn row(ui: &mut egui::Ui, cat: &Catalogue, key: &str, value: &mut String, verdict: Option<&Verdict>) {
    let label = field_label(ui, cat, key);
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(value).desired_width((ui.available_width() - 28.0).max(80.0)))
            .labelled_by(label.id);
        mark(ui, verdict);
    });
    explain(ui, cat, verdict);
}

fn field_label(ui: &mut egui::Ui, cat: &Catalogue, key: &str) -> egui::Response {
    let label = ui.label(RichText::new(crate::i18n::english().tr(key)).small().color(MUTED));
    gloss_on_hover(label, cat, key)
}

/// ✔ beside a correct field.
fn mark(ui: &mut egui::Ui, verdict: Option<&Verdict>) {
    if verdict == Some(&Verdict::Correct) {
        ui.label(RichText::new("✔").color(GOOD));
    }
}

/// What is wrong (or worth knowing) under a field.
fn explain(ui: &mut egui::Ui, cat: &Catalogue, verdict: Option<&Verdict>) {
    if matches!(verdict, Some(Verdict::Wrong(_) | Verdict::Warning(_))) {
        show_verdict(ui, cat, verdict);
    }
}
