//! The reply composer under a business letter in the inbox (an importer's inquiry, a
//! forwarder's quotation, a shopper's question): one statement per point and the student's
//! own note; after sending, the grade with why each statement was right or wrong.

use std::collections::BTreeMap;

use egui::RichText;

use super::c2c::hint;
use super::questions::{grade_heading, pick_statement, send_row, show_sent};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::sim::Session;
use crate::sim::session::Command;

/// Replies being written, by task (UI state).
#[derive(Debug, Clone, Default)]
pub struct LetterDraft {
    pub choices: BTreeMap<String, Vec<Option<usize>>>,
    pub notes: BTreeMap<String, String>,
    /// Replies written in the student's own words, by task.
    pub written: BTreeMap<String, String>,
    /// Whether the student writes the reply (true) or chooses statements, by task; unset, an
    /// exam writes and practice chooses.
    pub writing: BTreeMap<String, bool>,
    /// "Show the Chinese" under the English statements (practice only).
    pub show_chinese: bool,
}

impl LetterDraft {
    /// Whether the reply to `task` is written in the student's own words.
    pub fn writes(&self, task: &str, session: &Session) -> bool {
        self.writing.get(task).copied().unwrap_or(!session.mode().hints())
    }
}

pub struct LetterView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
    /// The task whose letter this is.
    pub task: &'a str,
}

/// The letter's grade once replied to, or the reply being written (the send button is in
/// [`send_bar`], which the inbox pins under the page).
pub fn compose(ui: &mut egui::Ui, view: &LetterView, draft: &mut LetterDraft) {
    let cat = view.cat;
    let session = view.session;
    let language = cat.language();
    let Some(task) = session.scenario().tasks().iter().find(|t| t.id == view.task) else {
        return;
    };
    let (Some(letter), Some(message)) = (task.letter.as_ref(), session.letters_desk().letter_message(view.task)) else {
        return;
    };
    let writer = task
        .counterpart
        .as_deref()
        .and_then(|id| session.scenario().counterpart(id))
        .map_or_else(String::new, |c| c.name.clone());
    ui.add_space(8.0);
    ui.separator();
    if let Some(reply) = session.letters_desk().letter_reply(view.task) {
        if !session.mode().hints() {
            hint(ui, cat.tr_args("sent-exam", &[("day", Arg::from(reply.day))]));
            return;
        }
        let grade = &reply.grade;
        grade_heading(ui, cat, "letter-graded", grade);
        let waited = reply.day.saturating_sub(reply.asked_day);
        hint(
            ui,
            cat.tr_args(
                if waited <= letter.reply_within_days {
                    "letter-in-time"
                } else {
                    "letter-late"
                },
                &[
                    ("day", Arg::from(reply.day)),
                    ("days", Arg::from(letter.reply_within_days)),
                ],
            ),
        );
        let sent: Vec<(String, Option<&crate::sim::c2c::Statement>)> = reply
            .sent
            .iter()
            .map(|(_, label, s)| (pick(label, language).to_string(), s.as_ref()))
            .collect();
        show_sent(ui, cat, &sent, grade, &reply.note);
        return;
    }
    let options = session.letters_desk().letter_options(view.task);
    ui.label(RichText::new(cat.tr_args("letter-title", &[("name", Arg::from(writer.as_str()))])).strong());
    let due = message.day.saturating_add(letter.reply_within_days);
    let mut writes = draft.writes(view.task, session);
    ui.horizontal(|ui| {
        if ui.selectable_label(!writes, cat.tr("letter-mode-choose")).clicked() {
            writes = false;
        }
        if ui.selectable_label(writes, cat.tr("letter-mode-write")).clicked() {
            writes = true;
        }
    });
    draft.writing.insert(view.task.to_string(), writes);
    if writes {
        hint(
            ui,
            cat.tr_args(
                "letter-write-intro",
                &[("days", Arg::from(letter.reply_within_days)), ("day", Arg::from(due))],
            ),
        );
        let points: Vec<&str> = options.iter().map(|(_, label, _)| pick(label, language)).collect();
        hint(
            ui,
            cat.tr_args("letter-write-points", &[("points", Arg::from(points.join(" · ")))]),
        );
        let text = draft.written.entry(view.task.to_string()).or_default();
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_rows(12)
                .desired_width(f32::INFINITY)
                .char_limit(crate::sim::writing::MAX_REPLY_CHARS)
                .hint_text(cat.tr("letter-write-hint")),
        );
        return;
    }
    hint(
        ui,
        cat.tr_args(
            "letter-intro",
            &[("days", Arg::from(letter.reply_within_days)), ("day", Arg::from(due))],
        ),
    );
    // Letters' statements are written in English only (a question's have Chinese too).
    let has_chinese = options
        .iter()
        .any(|(_, _, list)| list.iter().any(|s| !s.text.zh.trim().is_empty()));
    let show_chinese = has_chinese && super::questions::chinese_switch(ui, cat, session, &mut draft.show_chinese);
    let choices = draft
        .choices
        .entry(view.task.to_string())
        .or_insert_with(|| vec![None; options.len()]);
    choices.resize(options.len(), None);
    for (i, (_, label, list)) in options.iter().enumerate() {
        pick_statement(
            ui,
            cat,
            pick(label, language),
            list,
            &mut choices[i],
            super::questions::shuffle_seed(session),
            show_chinese,
        );
    }
    let note = draft.notes.entry(view.task.to_string()).or_default();
    ui.horizontal(|ui| {
        ui.label(cat.tr("c2c-your-note"));
        if session.mode().hints() && ui.small_button(cat.tr("c2c-note-template")).clicked() {
            let company = &session.scenario().role().company.name.en;
            *note = format!("Dear {writer},\nthank you for your message.\n\nBest regards,\n{company}");
        }
    });
    ui.add(
        egui::TextEdit::multiline(note)
            .desired_rows(4)
            .desired_width(f32::INFINITY)
            .hint_text(cat.tr("letter-note-hint")),
    );
}

/// Whether the letter still waits for the student's reply (so the send bar shows).
pub fn awaits_reply(view: &LetterView) -> bool {
    let session = view.session;
    session.letters_desk().letter_message(view.task).is_some()
        && session.letters_desk().letter_reply(view.task).is_none()
}

/// The "Send the reply" bar, pinned under the letter while the reply is unsent: how many points
/// are still unanswered, and the button.
pub fn send_bar(ui: &mut egui::Ui, view: &LetterView, draft: &LetterDraft) -> Option<Action> {
    if !awaits_reply(view) {
        return None;
    }
    let cat = view.cat;
    if draft.writes(view.task, view.session) {
        let text = draft.written.get(view.task).cloned().unwrap_or_default();
        let mut sent = None;
        ui.horizontal(|ui| {
            let button = ui.add_enabled(
                !text.trim().is_empty(),
                egui::Button::new(RichText::new(cat.tr("letter-send")).strong()),
            );
            if button.clicked() {
                sent = Some(Action::Marketplace(Box::new(Command::WriteLetterReply {
                    task: view.task.to_string(),
                    text: text.clone(),
                })));
            }
            ui.label(
                RichText::new(cat.tr_args(
                    "letter-write-count",
                    &[
                        ("chars", Arg::from(text.chars().count())),
                        ("max", Arg::from(crate::sim::writing::MAX_REPLY_CHARS)),
                    ],
                ))
                .small(),
            );
        });
        return sent;
    }
    let points = view.session.letters_desk().letter_options(view.task).len();
    let choices = draft
        .choices
        .get(view.task)
        .cloned()
        .unwrap_or_else(|| vec![None; points]);
    let note = draft.notes.get(view.task).cloned().unwrap_or_default();
    send_row(ui, cat, "letter-send", "letter-points-left", &choices).then(|| {
        Action::Marketplace(Box::new(Command::ReplyToLetter {
            task: view.task.to_string(),
            choices,
            note,
        }))
    })
}
