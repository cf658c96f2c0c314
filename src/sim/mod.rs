//! The simulation core: pure, deterministic trade rules. Never uses bevy or egui.

/// A text in English and Chinese, formatted with the same arguments (positional ones may be
/// reordered in Chinese with `{0}`, `{1}`): `why!("en {x}", "中文 {x}", …)`. For the reasons
/// the game gives for its verdicts.
macro_rules! why {
    ($en:literal, $zh:literal $(, $($arg:tt)*)?) => {
        $crate::sim::terms::Text {
            en: format!($en $(, $($arg)*)?),
            zh: format!($zh $(, $($arg)*)?),
        }
    };
}

pub mod c2c;
pub mod check;
pub mod customs;
pub mod date;
pub mod deal;
pub mod expert;
pub mod grading;
pub mod letters;
pub mod market;
pub mod marketplace;
pub mod money;
pub mod negotiation;
pub mod players;
pub mod profile;
pub mod report;
pub mod rules;
pub mod said;
pub mod save;
pub mod scenario;
pub mod session;
pub mod simulate;
pub mod terms;
pub mod writing;

pub use date::Date;
pub use money::{BasisPoints, CurrencyCode, Micros, Money};
pub use report::Report;
pub use rules::RulePack;
pub use scenario::{LoadedRulePacks, Scenario};
pub use session::{Command, Event, RuleError, Session};
