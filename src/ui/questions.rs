//! The answer composer under a buyer's question in the inbox: one statement per topic (built
//! from the facts: some true, some vague, wrong or unlawful) plus the student's own note; after
//! sending, the grade with why each statement was right or wrong.

use std::collections::BTreeMap;

use egui::RichText;

use super::c2c::hint;
use super::theme::{BAD, GOOD, MUTED, WARN};
use super::{Action, pick};
use crate::i18n::{Arg, Catalogue};
use crate::scenario::file::QuestionTopic;
use crate::sim::Session;
use crate::sim::c2c::{QuestionId, Verdict};
use crate::sim::session::Command;

/// Answers being written, by question (UI state).
#[derive(Debug, Clone, Default)]
pub struct AnswerDraft {
    pub choices: BTreeMap<QuestionId, Vec<Option<usize>>>,
    pub notes: BTreeMap<QuestionId, String>,
    /// "Show the Chinese" under the English statements (practice only).
    pub show_chinese: bool,
}

pub struct QuestionView<'a> {
    pub cat: &'a Catalogue,
    pub session: &'a Session,
    pub question: QuestionId,
}

pub fn topic_label(cat: &Catalogue, topic: QuestionTopic) -> String {
    cat.tr(match topic {
        QuestionTopic::Size => "c2c-topic-size",
        QuestionTopic::Condition => "c2c-topic-condition",
        QuestionTopic::ShippingTime => "c2c-topic-shipping",
        QuestionTopic::ImportCharges => "c2c-topic-charges",
    })
}

/// What the tone check missed, in the player's language.
pub fn tone_label(cat: &Catalogue, missing: &str) -> String {
    match missing {
        "a greeting" => cat.tr("c2c-tone-greeting"),
        "thanks for the interest" => cat.tr("c2c-tone-thanks"),
        "a note of one to a few sentences" => cat.tr("c2c-tone-length"),
        "normal capitals (no shouting)" => cat.tr("c2c-tone-capitals"),
        "a sign-off" => cat.tr("c2c-tone-sign-off"),
        other => other.to_string(),
    }
}

pub fn verdict_label(cat: &Catalogue, verdict: Verdict) -> (String, egui::Color32) {
    match verdict {
        Verdict::Right => (cat.tr("c2c-verdict-right"), GOOD),
        Verdict::Vague => (cat.tr("c2c-verdict-vague"), WARN),
        Verdict::Wrong => (cat.tr("c2c-verdict-wrong"), BAD),
        Verdict::Unlawful => (cat.tr("c2c-verdict-unlawful"), BAD),
    }
}

/// The answer's grade once sent, or the answer being written (the send button is in
/// [`send_bar`], which the inbox pins under the page).
pub fn compose(ui: &mut egui::Ui, view: &QuestionView, draft: &mut AnswerDraft) {
    let cat = view.cat;
    let session = view.session;
    let Some(question) = session.shop_desk().shop().and_then(|shop| shop.question(view.question)) else {
        return;
    };
    let options = session.shop_desk().answer_options(view.question);
    ui.add_space(8.0);
    ui.separator();
    if let Some(answer) = &question.answer {
        if !session.mode().hints() {
            hint(ui, cat.tr_args("sent-exam", &[("day", Arg::from(answer.day))]));
            return;
        }
        let grade = &answer.grade;
        grade_heading(ui, cat, "c2c-answer-graded", grade);
        let fast = answer.day <= question.asked_day + 1;
        hint(
            ui,
            cat.tr_args(
                if fast { "c2c-answer-fast" } else { "c2c-answer-slow" },
                &[("day", Arg::from(answer.day))],
            ),
        );
        // What was sent, as it read when sent.
        let sent: Vec<(String, Option<&crate::sim::c2c::Statement>)> = answer
            .sent
            .iter()
            .map(|(topic, s)| (topic_label(cat, *topic), s.as_ref()))
            .collect();
        show_sent(ui, cat, &sent, grade, &answer.note);
        return;
    }
    ui.label(RichText::new(cat.tr("c2c-answer-title")).strong());
    hint(ui, cat.tr("c2c-answer-intro"));
    let has_chinese = options
        .iter()
        .any(|(_, list)| list.iter().any(|s| !s.text.zh.trim().is_empty()));
    let show_chinese = has_chinese && chinese_switch(ui, cat, session, &mut draft.show_chinese);
    let choices = draft
        .choices
        .entry(view.question)
        .or_insert_with(|| vec![None; options.len()]);
    choices.resize(options.len(), None);
    for (i, (topic, list)) in options.iter().enumerate() {
        pick_statement(
            ui,
            cat,
            &topic_label(cat, *topic),
            list,
            &mut choices[i],
            shuffle_seed(session),
            show_chinese,
        );
    }
    let note = draft.notes.entry(view.question).or_default();
    ui.horizontal(|ui| {
        ui.label(cat.tr("c2c-your-note"));
        if session.mode().hints() && ui.small_button(cat.tr("c2c-note-template")).clicked() {
            let company = &session.scenario().role().company.name.en;
            let name = question.from.split(' ').next().unwrap_or("there");
            *note = format!("Hello {name},\nthank you for your interest in this item.\n\nBest regards,\n{company}");
        }
    });
    ui.add(
        egui::TextEdit::multiline(note)
            .desired_rows(4)
            .desired_width(f32::INFINITY)
            .hint_text(cat.tr("c2c-note-hint")),
    );
}

/// Whether the question still waits for the student's answer (so the send bar shows).
pub fn awaits_answer(view: &QuestionView) -> bool {
    view.session
        .shop_desk()
        .shop()
        .and_then(|shop| shop.question(view.question))
        .is_some_and(|q| q.answer.is_none())
}

/// The "Send the answer" bar, pinned under the question while the answer is unsent: how many
/// topics are still unanswered, and the button.
pub fn send_bar(ui: &mut egui::Ui, view: &QuestionView, draft: &AnswerDraft) -> Option<Action> {
    if !awaits_answer(view) {
        return None;
    }
    let cat = view.cat;
    let topics = view.session.shop_desk().answer_options(view.question).len();
    let choices = draft
        .choices
        .get(&view.question)
        .cloned()
        .unwrap_or_else(|| vec![None; topics]);
    let note = draft.notes.get(&view.question).cloned().unwrap_or_default();
    send_row(ui, cat, "c2c-send-answer", "c2c-topics-left", &choices).then(|| {
        Action::Marketplace(Box::new(Command::AnswerQuestion {
            question: view.question,
            choices,
            note,
        }))
    })
}

/// The send button of an answer or a reply, and how many of its points still have no statement
/// (`left_key` takes `left`). True when clicked.
pub fn send_row(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    button_key: &str,
    left_key: &str,
    choices: &[Option<usize>],
) -> bool {
    ui.horizontal(|ui| {
        let clicked = ui.button(RichText::new(cat.tr(button_key)).strong()).clicked();
        let left = choices.iter().filter(|c| c.is_none()).count();
        if left > 0 {
            hint(ui, cat.tr_args(left_key, &[("left", Arg::from(left))]));
        }
        clicked
    })
    .inner
}

/// The seed answer options are shuffled by in `session`: its own seed when it plays a
/// student's variant (neighbours see the options in different orders), none otherwise.
pub fn shuffle_seed(session: &Session) -> Option<u64> {
    session.scenario().variant().map(|_| session.seed())
}

/// One point of an answer: its label and a radio button per statement, in the order of the
/// student's variant when `shuffle` is given (the choice is kept by the statement's own index).
///
/// The statements are English in both interfaces (the student practises writing to buyers and
/// partners abroad): a statement's trade terms are explained on hover, and with
/// `show_chinese` (practice only) its Chinese is shown under it.
pub fn pick_statement(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    label: &str,
    statements: &[crate::sim::c2c::Statement],
    choice: &mut Option<usize>,
    shuffle: Option<u64>,
    show_chinese: bool,
) {
    ui.label(RichText::new(label).strong());
    let order = match shuffle {
        Some(seed) => crate::scenario::variant::answer_order(seed, label, statements.len()),
        None => (0..statements.len()).collect(),
    };
    for j in order {
        let Some(statement) = statements.get(j) else { continue };
        let english = &statement.text.en;
        let mut radio = ui.radio(*choice == Some(j), english.as_str());
        let terms = super::glossary::terms_in(crate::glossary::bundled(), english);
        if !terms.is_empty() {
            radio = radio.on_hover_ui(|ui| super::glossary::explain_terms(ui, cat, &terms));
        }
        if radio.clicked() {
            *choice = Some(j);
        }
        if show_chinese && !statement.text.zh.trim().is_empty() {
            ui.label(RichText::new(&statement.text.zh).small().color(MUTED));
        }
    }
}

/// The "Show the Chinese" switch of an English exercise, in practice only (an exam has none,
/// and a switch left on in practice does not carry into it); whether the Chinese shows.
pub fn chinese_switch(ui: &mut egui::Ui, cat: &Catalogue, session: &Session, on: &mut bool) -> bool {
    if !session.mode().hints() || cat.language() != crate::i18n::Language::Chinese {
        return false;
    }
    ui.checkbox(on, cat.tr("letter-show-chinese"));
    *on
}

/// An answer as it was sent: each point's statement with its verdict and why, what the tone
/// check missed, and the note.
pub fn show_sent(
    ui: &mut egui::Ui,
    cat: &Catalogue,
    sent: &[(String, Option<&crate::sim::c2c::Statement>)],
    grade: &crate::sim::c2c::AnswerGrade,
    note: &str,
) {
    let language = cat.language();
    for (label, statement) in sent {
        match statement {
            Some(statement) => {
                let (verdict, color) = verdict_label(cat, statement.verdict);
                ui.label(RichText::new(format!("{label}: {verdict}")).strong().color(color));
                // As it was sent: in English.
                ui.label(RichText::new(format!("“{}”", statement.text.en)).small());
                ui.label(RichText::new(pick(&statement.why, language)).small().color(MUTED));
            }
            None => {
                ui.label(
                    RichText::new(cat.tr_args("c2c-topic-unanswered", &[("topic", Arg::from(label.as_str()))]))
                        .color(BAD),
                );
            }
        }
    }
    if !grade.tone_missing.is_empty() {
        let missing: Vec<String> = grade.tone_missing.iter().map(|m| tone_label(cat, m)).collect();
        hint(
            ui,
            cat.tr_args("c2c-tone-missing", &[("missing", Arg::from(missing.join(", ")))]),
        );
    }
    ui.collapsing(cat.tr("c2c-your-note"), |ui| ui.label(note));
}

/// The grade of an answer sent, in the message `key` (with `score`, `right`, `topics` and
/// `tone`), coloured by how good it is.
pub fn grade_heading(ui: &mut egui::Ui, cat: &Catalogue, key: &str, grade: &crate::sim::c2c::AnswerGrade) {
    let color = if grade.score >= 70 {
        GOOD
    } else if grade.score >= 40 {
        WARN
    } else {
        BAD
    };
    ui.label(
        RichText::new(cat.tr_args(
            key,
            &[
                ("score", Arg::from(grade.score)),
                ("right", Arg::from(grade.right)),
                ("topics", Arg::from(grade.topics)),
                ("tone", Arg::from(grade.tone)),
            ],
        ))
        .strong()
        .color(color),
    );
}
