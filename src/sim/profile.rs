//! The student's local profile for self-study: the scenarios finished, the best score of each
//! and the points per competency of that best run.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::sim::terms::{Competency, Text};

use super::report::Report;

/// The profile format this version writes and reads.
pub const PROFILE_FORMAT: u32 = 1;

/// One scenario in the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioProgress {
    pub scenario_id: String,
    pub title: Text,
    /// Finished runs.
    pub runs: u32,
    pub best: u32,
    pub possible: u32,
    /// Earned and possible points per competency, in the best run.
    pub competencies: BTreeMap<Competency, (u32, u32)>,
    /// The best score of a run in exam mode (hints off), if any.
    #[serde(default)]
    pub best_exam: Option<u32>,
}

/// Everything the profile remembers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Profile {
    pub format: u32,
    pub scenarios: Vec<ScenarioProgress>,
}

impl Profile {
    pub fn new() -> Self {
        Self {
            format: PROFILE_FORMAT,
            scenarios: Vec::new(),
        }
    }

    /// Records a finished run; unfinished ones do not count.
    pub fn record(&mut self, report: &Report) {
        if !report.finished {
            return;
        }
        let entry = match self
            .scenarios
            .iter_mut()
            .position(|s| s.scenario_id == report.scenario_id)
        {
            Some(i) => &mut self.scenarios[i],
            None => {
                self.scenarios.push(ScenarioProgress {
                    scenario_id: report.scenario_id.clone(),
                    title: report.title.clone(),
                    runs: 0,
                    best: 0,
                    possible: report.total_possible,
                    competencies: report.competencies.iter().map(|(c, (_, p))| (*c, (0, *p))).collect(),
                    best_exam: None,
                });
                let last = self.scenarios.len() - 1;
                &mut self.scenarios[last]
            }
        };
        entry.runs += 1;
        entry.title = report.title.clone();
        entry.possible = report.total_possible;
        if report.mode == crate::sim::session::PlayMode::Exam {
            entry.best_exam = Some(
                entry
                    .best_exam
                    .map_or(report.total_earned, |b| b.max(report.total_earned)),
            );
        }
        if report.total_earned >= entry.best {
            entry.best = report.total_earned;
            entry.competencies = report.competencies.clone();
        }
    }

    /// Points earned and possible per competency over every scenario's best run.
    pub fn competencies(&self) -> BTreeMap<Competency, (u32, u32)> {
        let mut total: BTreeMap<Competency, (u32, u32)> = BTreeMap::new();
        for s in &self.scenarios {
            for (c, (earned, possible)) in &s.competencies {
                let t = total.entry(*c).or_insert((0, 0));
                t.0 += earned;
                t.1 += possible;
            }
        }
        total
    }

    pub fn to_text(&self) -> String {
        let config = ron::ser::PrettyConfig::new().depth_limit(3);
        ron::ser::to_string_pretty(self, config).unwrap_or_default()
    }

    /// Reads a profile.
    ///
    /// # Errors
    /// What is wrong: damaged text, or a newer format.
    pub fn parse(text: &str) -> Result<Self, String> {
        let profile: Self = ron::from_str(text).map_err(|e| format!("the profile is damaged ({e})"))?;
        if profile.format > PROFILE_FORMAT {
            return Err(format!(
                "the profile was written by a newer Tradeport (format {}; this version reads up to {PROFILE_FORMAT})",
                profile.format
            ));
        }
        Ok(profile)
    }
}
