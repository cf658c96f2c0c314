//! A letter to answer as the scenario sets it: its points, and for each the statements the
//! student may choose from (written by the instructor, or worked out by the letters desk from
//! the student's own store). Also the statement type the C2C desk's answers use.

use crate::sim::terms::Text;

/// A validated letter to answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub reply_within_days: u32,
    pub points: Vec<LetterPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterPoint {
    pub id: String,
    pub label: Text,
    pub source: PointSource,
    /// How a reply written in the student's own words is read on this point, beyond its facts.
    pub phrases: PointPhrases,
}

/// A point's own phrases for reading a written reply, lower case: one of `must_say` must be
/// in the passage that makes the point (else it is vague), and a passage saying one of
/// `wrong` is wrong, for the reason given. Empty: the point is read by its facts alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PointPhrases {
    pub must_say: Vec<String>,
    pub wrong: Vec<(String, Text)>,
}

impl PointPhrases {
    pub fn is_empty(&self) -> bool {
        self.must_say.is_empty() && self.wrong.is_empty()
    }
}

/// Where a point's statements come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PointSource {
    Written(Vec<Statement>),
    /// Computed: the checkout total of one parcel of these products from the task's market.
    ParcelTotal {
        products: Vec<String>,
    },
}

/// How good a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// True and specific.
    Right,
    /// Says little; the buyer is no wiser.
    Vague,
    /// Untrue.
    Wrong,
    /// Proposes breaking the law (e.g. a false customs declaration).
    Unlawful,
}

/// One statement the student may send for a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub text: Text,
    pub verdict: Verdict,
    /// Why it is right or wrong, for the feedback after answering.
    pub why: Text,
}
