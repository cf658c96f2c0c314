//! The cost sheet under the listing editor: the student works out what one order at the
//! price typed above leaves (goods, shipping, fee, the VAT inside the price, duty, margin) and
//! the break-even and target ACoS, then files it. Practice mode shows each line's verdict
//! with the right figure; exam mode keeps the verdicts for the debrief.

use egui::RichText;

use super::Action;
use super::c2c::hint;
use super::theme::{BAD, GOOD, MUTED};
use crate::i18n::{Arg, Catalogue};
use crate::sim::Session;
use crate::sim::market::cost_sheet::{CostSheet, CostSheetLine};
use crate::sim::money::{BasisPoints, Money, parse_decimal};
use crate::sim::session::Command;

/// The sheet being written (UI state).
#[derive(Debug, Clone, Default)]
pub struct CostSheetDraft {
    pub goods: String,
    pub shipping: String,
    pub fee: String,
    pub vat: String,
    pub duty: String,
    pub margin: String,
    pub break_even_acos: String,
    pub target_acos: String,
    pub error: Option<String>,
}

pub struct CostSheetView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
    pub market: &'a str,
    pub sku: &'a str,
    /// The price typed in the listing editor, if it reads as one.
    pub price: Option<i64>,
    /// The shipping option chosen in the listing editor.
    pub shipping: &'a str,
}

fn line_key(line: CostSheetLine) -> &'static str {
    match line {
        CostSheetLine::Goods => "sheet-goods",
        CostSheetLine::Shipping => "sheet-shipping",
        CostSheetLine::Fee => "sheet-fee",
        CostSheetLine::Vat => "sheet-vat",
        CostSheetLine::Duty => "sheet-duty",
        CostSheetLine::Margin => "sheet-margin",
        CostSheetLine::BreakEvenAcos => "sheet-break-even-acos",
        CostSheetLine::TargetAcos => "sheet-target-acos",
    }
}

pub fn draw(ui: &mut egui::Ui, view: &CostSheetView, draft: &mut CostSheetDraft) -> Option<Action> {
    let cat = view.cat;
    let session = view.session;
    let scenario = session.scenario();
    let market = scenario.markets().iter().find(|m| m.id == view.market)?;
    let exp = scenario.exponent(market.currency);
    let home = scenario.home_currency();
    let mut action = None;
    ui.label(RichText::new(cat.tr_args("sheet-title", &[("currency", Arg::from(market.currency.as_str()))])).strong());
    let rate = session
        .world()
        .rate(market.currency)
        .map(|r| r.to_string())
        .unwrap_or_default();
    hint(
        ui,
        cat.tr_args(
            "sheet-intro",
            &[
                ("currency", Arg::from(market.currency.as_str())),
                ("home", Arg::from(home.as_str())),
                ("rate", Arg::from(rate)),
            ],
        ),
    );
    // Which taxes apply depends on the route: a parcel from China or a sale from warehouse stock.
    let warehouse = session
        .store_desk()
        .store(view.market)
        .and_then(|s| s.storefront.shipping_option(view.shipping))
        .is_some_and(|o| o.kind == crate::scenario::file::ShippingKind::OverseasWarehouse);
    hint(
        ui,
        cat.tr(if warehouse {
            "sheet-taxes-warehouse"
        } else {
            "sheet-taxes-parcel"
        }),
    );
    // The product's referral fee, with its source, and what is only illustrative.
    if let Some(store) = session.store_desk().store(view.market) {
        if let Some(category) = store.storefront.fee_category(view.sku) {
            let money = |m: i64| crate::sim::money::format_minor(m, exp);
            let mut text = cat.tr_args(
                "sheet-fee-category",
                &[(
                    "fee",
                    Arg::from(super::pick(&category.describe(money), cat.language()).to_string()),
                )],
            );
            if !category.unverified.trim().is_empty() {
                text.push_str(&format!(
                    " ({})",
                    cat.tr_args(
                        "rule-unverified-because",
                        &[("what", category.unverified.trim().into())]
                    )
                ));
            }
            hint(ui, text);
        }
        if let Some(note) = &store.storefront.illustrative_fees {
            hint(
                ui,
                format!("{}: {}", cat.tr("fees-illustrative"), super::pick(note, cat.language())),
            );
        }
    }
    egui::Grid::new("cost_sheet_grid")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (line, value) in [
                (CostSheetLine::Goods, &mut draft.goods),
                (CostSheetLine::Shipping, &mut draft.shipping),
                (CostSheetLine::Fee, &mut draft.fee),
                (CostSheetLine::Vat, &mut draft.vat),
                (CostSheetLine::Duty, &mut draft.duty),
                (CostSheetLine::Margin, &mut draft.margin),
                (CostSheetLine::BreakEvenAcos, &mut draft.break_even_acos),
                (CostSheetLine::TargetAcos, &mut draft.target_acos),
            ] {
                ui.label(cat.tr(line_key(line)));
                ui.add(egui::TextEdit::singleline(value).desired_width(100.0));
                ui.end_row();
            }
        });
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(BAD));
    }
    if ui.button(cat.tr("sheet-file")).clicked() {
        let money = |text: &str| parse_decimal(text, exp);
        let percent = |text: &str| -> Result<Option<BasisPoints>, ()> {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                BasisPoints::parse_percent(text).map(Some).map_err(|_| ())
            }
        };
        let parsed = (
            money(&draft.goods),
            money(&draft.shipping),
            money(&draft.fee),
            money(&draft.vat),
            money(&draft.duty),
            money(&draft.margin),
            percent(&draft.break_even_acos),
            percent(&draft.target_acos),
        );
        match (view.price, parsed) {
            (None, _) => draft.error = Some(cat.tr("sheet-needs-price")),
            (
                Some(price),
                (
                    Ok(goods),
                    Ok(shipping_cost),
                    Ok(fee),
                    Ok(vat),
                    Ok(duty),
                    Ok(margin),
                    Ok(break_even_acos),
                    Ok(target_acos),
                ),
            ) => {
                draft.error = None;
                action = Some(Action::Marketplace(Box::new(Command::SubmitCostSheet {
                    market: view.market.to_string(),
                    sku: view.sku.to_string(),
                    sheet: Box::new(CostSheet {
                        price,
                        shipping: view.shipping.to_string(),
                        goods,
                        shipping_cost,
                        fee,
                        vat,
                        duty,
                        margin,
                        break_even_acos,
                        target_acos,
                    }),
                })));
            }
            _ => {
                draft.error = Some(cat.tr_args("sheet-bad-numbers", &[("example", Arg::from(format_example(exp)))]));
            }
        }
    }
    // The latest sheet filed for this product here.
    if let Some(filed) = session
        .store_desk()
        .cost_sheets()
        .iter()
        .rev()
        .find(|c| c.market == view.market && c.sku == view.sku)
    {
        let price = Money::new(filed.sheet.price, market.currency, exp).format();
        if !session.mode().hints() {
            hint(
                ui,
                cat.tr_args(
                    "sheet-filed-exam",
                    &[("day", Arg::from(filed.day)), ("price", Arg::from(price))],
                ),
            );
            return action;
        }
        ui.label(
            RichText::new(cat.tr_args(
                "sheet-filed",
                &[
                    ("day", Arg::from(filed.day)),
                    ("price", Arg::from(price)),
                    ("wrong", Arg::from(filed.wrong())),
                ],
            ))
            .strong()
            .color(if filed.wrong() == 0 { GOOD } else { BAD }),
        );
        for (verdict, ok) in &filed.lines {
            let is_acos = matches!(verdict.line, CostSheetLine::BreakEvenAcos | CostSheetLine::TargetAcos);
            let show = |v: i64| {
                if is_acos {
                    BasisPoints(v).to_string()
                } else {
                    Money::new(v, market.currency, exp).format()
                }
            };
            let text = if *ok {
                cat.tr_args(
                    "sheet-line-right",
                    &[("line", Arg::from(cat.tr(line_key(verdict.line))))],
                )
            } else if verdict.line == CostSheetLine::TargetAcos {
                cat.tr_args(
                    "sheet-target-wrong",
                    &[("break_even", Arg::from(show(verdict.expected)))],
                )
            } else {
                // Which line is off, not the figure: the student works it out again.
                cat.tr_args(
                    "sheet-line-wrong",
                    &[
                        ("line", Arg::from(cat.tr(line_key(verdict.line)))),
                        (
                            "written",
                            Arg::from(verdict.written.map_or_else(|| "—".to_string(), show)),
                        ),
                    ],
                )
            };
            ui.label(RichText::new(text).small().color(if *ok { MUTED } else { BAD }));
        }
    }
    action
}

/// "12.49" for a currency with cents, "1249" without.
fn format_example(exponent: u32) -> String {
    crate::sim::money::format_minor(1_249 * 10_i64.pow(exponent) / 100, exponent)
}
