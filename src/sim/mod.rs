//! The simulation core: pure, deterministic trade rules. Never uses bevy or egui.

pub mod c2c;
pub mod check;
pub mod customs;
pub mod date;
pub mod deal;
pub mod expert;
pub mod grading;
pub mod letters;
pub mod market;
pub mod money;
pub mod negotiation;
pub mod profile;
pub mod report;
pub mod rules;
pub mod save;
pub mod scenario;
pub mod session;

pub use date::Date;
pub use money::{BasisPoints, CurrencyCode, Micros, Money};
pub use report::Report;
pub use rules::RulePack;
pub use scenario::{LoadedRulePacks, Scenario};
pub use session::{Command, Event, RuleError, Session};
