//! Business letters for offers and counter-offers: an English template filled from the terms,
//! naming what changed against the other side's last offer, with the sender's own words added.

use super::domain::{Bid, Domain, IssueOptions, Side};

/// Who writes to whom.
#[derive(Debug, Clone, Copy)]
pub struct Correspondents<'a> {
    pub sender: &'a str,
    pub sender_company: &'a str,
    pub recipient: &'a str,
}

/// The letter for an offer. `answering` is the other side's offer this one replies to.
pub fn offer_letter(
    domain: &Domain,
    by: Side,
    bid: Bid,
    answering: Option<Bid>,
    note: &str,
    who: Correspondents,
) -> String {
    let mut text = format!("Dear {},\n\n", salutation(who.recipient));
    match answering {
        None => text.push_str(match by {
            Side::Seller => "Thank you for your inquiry. We are pleased to offer as follows:\n",
            Side::Buyer => "Further to your quotation, we would like to place an order on these terms:\n",
        }),
        Some(previous) => {
            let agreed: Vec<&str> = (0..domain.issues().len())
                .filter(|&i| previous.option(i) == bid.option(i))
                .map(|i| domain.issues()[i].name())
                .collect();
            text.push_str("Thank you for your offer. ");
            if agreed.is_empty() {
                text.push_str("We have considered it carefully, but we must propose different terms:\n");
            } else {
                text.push_str(&format!(
                    "We can agree to your {}, and we propose the following:\n",
                    join_words(&agreed)
                ));
            }
        }
    }
    text.push('\n');
    for (i, issue) in domain.issues().iter().enumerate() {
        let changed = answering.is_some_and(|p| p.option(i) != bid.option(i));
        text.push_str(&format!(
            "  • {}: {}{}\n",
            issue.title(),
            term(issue, bid.option(i)),
            if changed { "  (changed)" } else { "" }
        ));
    }
    if !note.trim().is_empty() {
        text.push('\n');
        text.push_str(note.trim());
        text.push('\n');
    }
    text.push_str(match by {
        Side::Seller => "\nThis offer is subject to your confirmation. We look forward to your reply.\n",
        Side::Buyer => "\nWe look forward to your confirmation.\n",
    });
    text.push_str(&format!("\nYours sincerely,\n{}\n{}", who.sender, who.sender_company));
    text
}

/// The letter accepting the other side's offer.
pub fn acceptance_letter(domain: &Domain, bid: Bid, who: Correspondents) -> String {
    format!(
        "Dear {},\n\nWe are pleased to accept your offer: {}.\nPlease send the sales contract for signature.\n\nYours sincerely,\n{}\n{}",
        salutation(who.recipient),
        domain.describe(bid),
        who.sender,
        who.sender_company
    )
}

/// One term as it reads in a letter.
fn term(issue: &IssueOptions, option: usize) -> String {
    match issue {
        IssueOptions::UnitPrice { .. } => format!("{} per piece", issue.label(option)),
        IssueOptions::Incoterm(_) => format!("{} (Incoterms 2020)", issue.label(option)),
        IssueOptions::DeliveryDays(_) => format!("shipment within {} of the contract", issue.label(option)),
        _ => issue.label(option),
    }
}

/// `Katrin Vogel, Nordkontor Mode GmbH (Hamburg)` → `Katrin Vogel`.
fn salutation(recipient: &str) -> &str {
    recipient.split(',').next().unwrap_or(recipient).trim()
}

fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
