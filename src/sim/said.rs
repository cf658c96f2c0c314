//! What the simulation says to a student, as a message-catalogue key with its facts.
//!
//! The simulation never writes a finished sentence: a verdict, a finding, a memo or a refusal is
//! a [`Said`], and the game, the reports and the terminal put it into words in the reader's
//! language (`Catalogue::say` in src/i18n.rs, from assets/i18n/*/main.ftl). Facts quoted from
//! documents (a name, a code, an amount with its currency) stay as written.

use std::borrow::Cow;

/// One sentence: the catalogue key and the named facts it is formatted with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Said {
    pub key: Cow<'static, str>,
    pub facts: Vec<(Cow<'static, str>, Fact)>,
}

/// A fact a sentence is formatted with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Fact {
    /// Shown as written: a quotation from a document, a code, an amount with its currency.
    Text(String),
    Number(i64),
    /// Another catalogue message, put into words in the same language: a field's or a
    /// document's name, a brand type, a mode of transport.
    Term(Cow<'static, str>),
    /// A text the scenario or the simulation gives in both languages (a bid's terms), shown
    /// in the reader's.
    Written(crate::sim::terms::Text),
    /// Another sentence, put into words in the same language (what an event does, inside
    /// "fired the event …: …").
    Said(Box<Said>),
}

impl Said {
    /// The sentence `key` with no facts yet.
    pub fn new(key: &'static str) -> Self {
        Self {
            key: Cow::Borrowed(key),
            facts: Vec::new(),
        }
    }

    /// Adds the fact `name`, shown as written (text) or as a number.
    #[must_use]
    pub fn with(mut self, name: &'static str, fact: impl Into<Fact>) -> Self {
        self.facts.push((Cow::Borrowed(name), fact.into()));
        self
    }

    /// Adds the fact `name` as the catalogue message `term`, in the reader's language.
    #[must_use]
    pub fn term(mut self, name: &'static str, term: &'static str) -> Self {
        self.facts.push((Cow::Borrowed(name), Fact::Term(Cow::Borrowed(term))));
        self
    }

    /// Whether this is the sentence `key`.
    pub fn is(&self, key: &str) -> bool {
        self.key == key
    }

    /// The fact `name`, if given.
    pub fn fact(&self, name: &str) -> Option<&Fact> {
        self.facts.iter().find(|(n, _)| n == name).map(|(_, f)| f)
    }
}

/// The catalogue key of a refusal's English text (the text stays in the error, as records
/// and classmates' refusals keep it; the key puts it into the reader's language).
pub fn refusal_key(english: &str) -> Option<&'static str> {
    Some(match english {
        "a bid is an amount above zero" => "refused-bid-positive",
        "a coupon takes 1% to 50% off for 1 to 90 days, with a budget above zero" => "refused-coupon-range",
        "a deal takes 1% to 90% off for 1 to 30 days" => "refused-deal-range",
        "a question's note is at most 500 characters" => "refused-note-length",
        "a reserve must be above the start price" => "refused-reserve",
        "an amount is above zero and within any market" => "refused-amount-range",
        "an estimate is an amount from zero up" => "refused-estimate",
        "an offer is above zero and below the price (or buy it now)" => "refused-offer-range",
        "ask about one or more topics, each once" => "refused-topics",
        "auctions on this site end at a fixed time: it has no soft close" => "refused-no-soft-close",
        "auctions run 1, 3, 5, 7 or 10 days" => "refused-auction-days",
        "auto-decline below auto-accept, both below the price and above zero" => "refused-auto-answers",
        "automatic answers need 'make an offer' switched on" => "refused-auto-needs-offers",
        "buy it now is not open on that auction" => "refused-no-buy-now",
        "buy it now must be at least 30% above the start price and above the reserve" => "refused-buy-now-price",
        "each fault is mentioned once" => "refused-fault-twice",
        "handling time is 1 to 5 days" => "refused-handling-c2c",
        "offers are made on fixed-price listings" => "refused-offer-fixed-price",
        "that bid is below the minimum bid" => "refused-bid-below-minimum",
        "that fault is not one of the item's" => "refused-unknown-fault",
        "that is enough moves on classmates' listings for one day" => "refused-moves-per-day",
        "that listing does not take offers" => "refused-no-offers",
        "that listing is not an auction" => "refused-not-auction",
        "that price is beyond any second-hand market" => "refused-price-beyond",
        "the price must be above zero" => "refused-price-positive",
        "the start price must be above zero" => "refused-start-price",
        "this service cannot carry parcels with duty paid in advance: choose an express service that offers it" => {
            "refused-no-ddp"
        }
        "your last offer still waits for the seller" => "refused-offer-waiting",
        _ => return None,
    })
}

/// A classmate's shop's refusal, as its English text reaches the buyer (a `ShopError`'s
/// `Display`): in the reader's language when the catalogue knows it, else as written.
pub fn classmate_refusal(english: &str) -> Said {
    match english {
        "that listing is no longer open" => Said::new("refused-listing-closed"),
        // The class's market itself refuses these (src/sim/marketplace.rs).
        "that is your own shop" => Said::new("class-refused-own-shop"),
        "there is no such shop open in the class's market" => Said::new("refused-no-such-shop"),
        other => match refusal_key(other) {
            Some(key) => Said::new(key),
            None => Said::new("refused-as-written").with("why", other),
        },
    }
}

/// A refusal given as an English text, in the reader's language when the catalogue knows it.
pub fn refusal(english: &'static str) -> Said {
    match refusal_key(english) {
        Some(key) => Said::new(key),
        None => Said::new("refused-as-written").with("why", english),
    }
}

impl From<Said> for Fact {
    fn from(said: Said) -> Self {
        Fact::Said(Box::new(said))
    }
}

impl From<String> for Fact {
    fn from(text: String) -> Self {
        Fact::Text(text)
    }
}

impl From<&str> for Fact {
    fn from(text: &str) -> Self {
        Fact::Text(text.to_string())
    }
}

impl From<i64> for Fact {
    fn from(n: i64) -> Self {
        Fact::Number(n)
    }
}

impl From<u32> for Fact {
    fn from(n: u32) -> Self {
        Fact::Number(i64::from(n))
    }
}

impl From<usize> for Fact {
    fn from(n: usize) -> Self {
        Fact::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u64> for Fact {
    fn from(n: u64) -> Self {
        Fact::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
