//! Scripted C2C play for `--screen auction|offers|disputes|inbox`: a student's listings and a
//! few days, stopped where the screen has something to show. No plugin: plain functions the
//! launcher calls on the running session.

use crate::scenario::file::ConditionGrade;
use crate::sim::c2c::{ItemTerms, SaleFormat, Shop};
use crate::sim::session::MessageId;
use crate::sim::{Command, Session};

fn list(
    session: &mut Session,
    market: &str,
    sku: &str,
    format: SaleFormat,
    grade: Option<ConditionGrade>,
    disclosed: Vec<usize>,
) {
    let true_grade = session
        .scenario()
        .product(sku)
        .and_then(|p| p.condition.as_ref().map(|c| c.0))
        .unwrap_or(ConditionGrade::VeryGood);
    let _ = session.apply(Command::ListItem {
        terms: Box::new(ItemTerms {
            market: market.to_string(),
            sku: sku.to_string(),
            format,
            postage: "ems".to_string(),
            handling_days: 2,
            duty_paid: false,
            claimed_grade: grade.unwrap_or(true_grade),
            disclosed_faults: disclosed,
            states_import_charges: true,
        }),
    });
}

/// The bundled scenario's three items: the lens at a fixed price with offers, the Seagull at
/// auction with a reserve and soft close, the OM-1 (described as `om1_grade`, faults
/// `om1_faults`) at a fixed price in the UK, or in the US when `om1_to_us`.
fn list_all(session: &mut Session, om1_grade: Option<ConditionGrade>, om1_faults: Vec<usize>, om1_to_us: bool) {
    list(
        session,
        "us-buyers",
        "LENS-FD50",
        SaleFormat::FixedPrice {
            price: 7_500,
            offers: true,
            auto_decline_below: Some(3_000),
            auto_accept_from: None,
        },
        None,
        vec![0],
    );
    list(
        session,
        "us-buyers",
        "CAM-SEAGULL",
        SaleFormat::Auction {
            start_price: 9_900,
            reserve: Some(18_000),
            buy_it_now: None,
            days: 7,
            soft_close: false,
        },
        None,
        vec![0, 1],
    );
    let (market, price) = if om1_to_us {
        ("us-buyers", 15_000)
    } else {
        ("uk-buyers", 13_500)
    };
    list(
        session,
        market,
        "CAM-OM1",
        SaleFormat::FixedPrice {
            price,
            offers: !om1_to_us,
            auto_decline_below: None,
            auto_accept_from: None,
        },
        om1_grade,
        om1_faults,
    );
}

/// Answers every open question truly and politely.
fn answer_questions(session: &mut Session) {
    let open: Vec<_> = session
        .shop_desk()
        .shop()
        .map(|shop| {
            shop.questions
                .iter()
                .filter(|q| q.answer.is_none())
                .map(|q| q.id)
                .collect()
        })
        .unwrap_or_default();
    for question in open {
        let choices = session.shop_desk().true_choices(question);
        let _ = session.apply(Command::AnswerQuestion {
            question,
            choices,
            note: "Hello,\nthank you for your interest!\n\nBest regards,\nChen Wei".to_string(),
        });
    }
}

/// Posts every sold item with a correct CN23.
fn post_parcels(session: &mut Session) {
    let waiting = session.shop_desk().shop().map(Shop::awaiting_post).unwrap_or_default();
    for order in waiting {
        if let Some(form) = session.shop_desk().model_cn23(order) {
            let _ = session.apply(Command::PostParcel {
                order,
                form: Box::new(form),
            });
        }
    }
}

/// Ends a day unless it is the last (the screens need a running scenario).
fn next_day(session: &mut Session) -> bool {
    post_parcels(session);
    session.day() < session.scenario().length_days() && session.apply(Command::EndDay).is_ok()
}

/// Listings on day 1, then four days answering questions: the Seagull auction is under way.
pub fn auction_under_way(session: &mut Session) {
    list_all(session, None, vec![0, 1], false);
    for _ in 0..5 {
        answer_questions(session);
        if !next_day(session) {
            return;
        }
    }
}

/// The Seagull at auction and the OM-1 in the UK priced above most buyers' values with offers
/// on, then day by day until a buyer's offer waits for an answer.
pub fn offer_waiting(session: &mut Session) {
    list(
        session,
        "uk-buyers",
        "CAM-OM1",
        SaleFormat::FixedPrice {
            price: 16_500,
            offers: true,
            auto_decline_below: None,
            auto_accept_from: None,
        },
        None,
        vec![0, 1],
    );
    for _ in 0..12 {
        if session
            .shop_desk()
            .shop()
            .is_some_and(|shop| shop.open_offers().next().is_some())
        {
            return;
        }
        answer_questions(session);
        if !next_day(session) {
            return;
        }
    }
}

/// All three items described as mint with their faults hidden, posted fast, then day by day
/// until a buyer opens a dispute.
pub fn dispute_waiting(session: &mut Session) {
    for (market, sku, format) in [
        (
            "us-buyers",
            "LENS-FD50",
            SaleFormat::FixedPrice {
                price: 7_000,
                offers: false,
                auto_decline_below: None,
                auto_accept_from: None,
            },
        ),
        (
            "us-buyers",
            "CAM-OM1",
            SaleFormat::FixedPrice {
                price: 15_000,
                offers: false,
                auto_decline_below: None,
                auto_accept_from: None,
            },
        ),
        (
            "us-buyers",
            "CAM-SEAGULL",
            SaleFormat::Auction {
                start_price: 9_900,
                reserve: None,
                buy_it_now: None,
                days: 3,
                soft_close: false,
            },
        ),
    ] {
        list(session, market, sku, format, Some(ConditionGrade::Mint), Vec::new());
    }
    while session
        .shop_desk()
        .shop()
        .is_some_and(|shop| shop.open_disputes().next().is_none())
    {
        answer_questions(session);
        if !next_day(session) {
            return;
        }
    }
}

/// Listings on day 1, then to day 2, when Priya's question about the OM-1 arrives; returns the
/// message carrying the first unanswered question.
pub fn question_waiting(session: &mut Session) -> Option<MessageId> {
    session.shop_desk().shop()?;
    list_all(session, None, vec![0, 1], false);
    next_day(session);
    session
        .world()
        .inbox()
        .iter()
        .find(|m| {
            m.question
                .and_then(|q| session.shop_desk().shop().and_then(|shop| shop.question(q)))
                .is_some_and(|q| q.answer.is_none())
        })
        .map(|m| m.id)
}

/// The buying exercise: an estimate a little off, then a maximum bid placed and a day gone by.
/// Returns the estimate and the bid as typed, for the form.
pub fn bid_under_way(session: &mut Session) -> (String, String) {
    let Some(market) = session
        .scenario()
        .markets()
        .iter()
        .find(|m| m.auction_site.as_ref().is_some_and(|s| s.purchase.is_some()))
        .map(|m| m.id.clone())
    else {
        return (String::new(), String::new());
    };
    let _ = session.apply(Command::EstimatePurchase {
        market: market.clone(),
        estimate: 132_830,
    });
    let _ = session.apply(Command::BidAbroad { market, max: 17_300 });
    next_day(session);
    ("1328.30".to_string(), "173.00".to_string())
}

/// Two sales: the first posted with a CN23 full of typical mistakes (a gift, vague, a low value,
/// made in China), the second waiting with a half-filled form. Returns that order and its draft.
pub fn parcels_to_declare(session: &mut Session) -> Option<(crate::sim::c2c::OrderId, crate::ui::disputes::Cn23Draft)> {
    use crate::sim::c2c::Cn23Category;
    for (market, sku, price) in [("us-buyers", "LENS-FD50", 6_900), ("us-buyers", "CAM-OM1", 16_000)] {
        list(
            session,
            market,
            sku,
            SaleFormat::FixedPrice {
                price,
                offers: false,
                auto_decline_below: None,
                auto_accept_from: None,
            },
            None,
            vec![0],
        );
    }
    for _ in 0..8 {
        let waiting = session.shop_desk().shop()?.awaiting_post();
        if waiting.len() == 2 || (waiting.len() == 1 && session.shop_desk().shop()?.orders.len() == 2) {
            break;
        }
        answer_questions(session);
        if session.day() >= session.scenario().length_days() || session.apply(Command::EndDay).is_err() {
            break;
        }
    }
    let waiting = session.shop_desk().shop()?.awaiting_post();
    let first = *waiting.first()?;
    let mut wrong = session.shop_desk().model_cn23(first)?;
    wrong.category = Some(Cn23Category::Gift);
    wrong.description = "Camera parts".to_string();
    wrong.value /= 4;
    wrong.origin = "CN".to_string();
    let _ = session.apply(Command::PostParcel {
        order: first,
        form: Box::new(wrong),
    });
    let second = *waiting.get(1)?;
    let model = session.shop_desk().model_cn23(second)?;
    Some((
        second,
        crate::ui::disputes::Cn23Draft {
            error: None,
            category: Some(Cn23Category::SaleOfGoods),
            description: "Used 35 mm film camera".to_string(),
            quantity: 1,
            net_weight_g: model.net_weight_g,
            value: String::new(),
            currency: model.currency,
            hs_code: String::new(),
            origin: String::new(),
            gross_weight_g: 0,
        },
    ))
}
