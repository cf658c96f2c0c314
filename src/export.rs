//! Reports for instructors: a self-contained, printable HTML page per student, and a CSV row
//! per student for a class gradebook. Both carry what identifies the run (scenario hash, seed,
//! log digest) so that a result can be checked with `tradeport verify`.

use crate::i18n::{Arg, Catalogue, Language};
use crate::scenario::file::Competency;
use crate::sim::Report;
use crate::sim::expert::ExpertRun;
use crate::sim::save::SaveFile;

/// Competencies in the order of the gradebook's columns.
pub const COMPETENCIES: [(Competency, &str); 5] = [
    (Competency::ImportExportHandling, "Import/export handling"),
    (Competency::CustomsDeclaration, "Customs declaration and inspection"),
    (Competency::MarketResearchMarketing, "Market research and marketing"),
    (Competency::StoreOperation, "Store operation"),
    (Competency::BusinessEnglish, "Business English communication"),
];

/// Text made safe for HTML (markup escaped, control characters shown as escapes).
pub fn escape_html(text: &str) -> String {
    crate::escape::html(text)
}

/// A CSV field, quoted when it needs to be (RFC 4180).
fn csv_field(text: &str) -> String {
    crate::escape::csv_quote(text)
}

/// An amount as a plain decimal a spreadsheet reads as a number: `6518.88`, `-12.50`.
pub fn plain_decimal(minor: i64, exponent: u32) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let scale = 10u64.pow(exponent);
    let value = minor.unsigned_abs();
    if exponent == 0 {
        format!("{sign}{value}")
    } else {
        format!(
            "{sign}{}.{:0width$}",
            value / scale,
            value % scale,
            width = exponent as usize
        )
    }
}

/// Points as a whole percentage of the possible, or 0 when nothing was possible.
fn percent(earned: u32, possible: u32) -> u32 {
    (earned * 100).checked_div(possible).unwrap_or(0)
}

/// The gradebook's header line, in English.
pub fn csv_header() -> String {
    csv_header_in(crate::i18n::english())
}

/// The gradebook's header line in `cat`'s language (the columns are the same in every
/// language; the English names are the fields scripts read).
pub fn csv_header_in(cat: &Catalogue) -> String {
    let column = |key: &str| csv_field(&cat.tr(key));
    let mut columns: Vec<String> = [
        "csv-student-name",
        "csv-student-id",
        "csv-scenario",
        "csv-seed",
        "csv-days-played",
        "csv-finished",
        "csv-mode",
        "csv-points",
        "csv-possible",
        "csv-percent",
    ]
    .iter()
    .map(|key| column(key))
    .collect();
    for (competency, name) in COMPETENCIES {
        let name = match cat.language() {
            crate::i18n::Language::English => name.to_string(),
            _ => cat.tr(competency_key(competency)),
        };
        columns.push(csv_field(&cat.tr_args("csv-competency", &[("name", name.into())])));
    }
    columns.extend(
        [
            "csv-cash-end",
            "csv-currency",
            "csv-reputation-end",
            "csv-scenario-hash",
            "csv-log-digest",
        ]
        .iter()
        .map(|key| column(key)),
    );
    columns.join(",")
}

/// One student's gradebook row.
pub fn csv_row(report: &Report, save: &SaveFile) -> String {
    let mut fields = vec![
        crate::escape::csv_text_cell(&save.student.name),
        crate::escape::csv_text_cell(&save.student.id),
        crate::escape::csv_text_cell(&report.scenario_id),
        report.seed.to_string(),
        report.days_played.to_string(),
        report.finished.to_string(),
        mode_name(report.mode).to_string(),
        report.total_earned.to_string(),
        report.total_possible.to_string(),
        percent(report.total_earned, report.total_possible).to_string(),
    ];
    for (competency, _) in COMPETENCIES {
        let (earned, possible) = report.competencies.get(&competency).copied().unwrap_or((0, 0));
        fields.push(if possible == 0 {
            String::new()
        } else {
            format!("{earned}/{possible}")
        });
    }
    fields.push(plain_decimal(report.cash_end_home.minor, report.cash_end_home.exponent));
    fields.push(report.cash_end_home.currency.as_str().to_string());
    fields.push(report.reputation_end.to_string());
    fields.push(save.scenario_hash.clone());
    fields.push(save.log_digest());
    fields.join(",")
}

/// The catalogue key of a competency's name.
fn competency_key(competency: Competency) -> &'static str {
    match competency {
        Competency::ImportExportHandling => "competency-import-export",
        Competency::CustomsDeclaration => "competency-customs",
        Competency::MarketResearchMarketing => "competency-marketing",
        Competency::StoreOperation => "competency-store",
        Competency::BusinessEnglish => "competency-english",
    }
}

/// A printable page for one student's run in the reader's language (`cat`), compared with the
/// AI expert's run on the same seed when one is given. The scenario's texts, the criteria and
/// the reasons come in that language too (a Chinese page gives a title's English under it).
pub fn html(report: &Report, save: &SaveFile, expert: Option<&ExpertRun>, cat: &Catalogue) -> String {
    let e = escape_html;
    let language = cat.language();
    let pick = |text: &crate::sim::terms::Text| -> String {
        match language {
            Language::Chinese if !text.zh.trim().is_empty() => text.zh.clone(),
            _ => text.en.clone(),
        }
    };
    // The catalogue's own words go in as written (they hold no markup); every fact from a
    // scenario, a save or a student is escaped before it goes into a message.
    let tr = |key: &str| cat.tr(key);
    let tr_args = |key: &str, args: &[(&str, Arg)]| cat.tr_args(key, args);
    let mut out = String::new();
    let student = student_label(&save.student);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        match language {
            Language::English => "en",
            Language::Chinese => "zh-CN",
        }
    ));
    out.push_str(&format!(
        "<title>{}</title>\n",
        tr_args(
            "report-page-title",
            &[
                ("scenario", Arg::from(e(&pick(&report.title)))),
                ("student", Arg::from(e(&student)))
            ]
        )
    ));
    out.push_str(
        "<style>\n\
         body { font-family: sans-serif; max-width: 52em; margin: 2em auto; color: #222; }\n\
         h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.15em; margin-top: 1.6em; }\n\
         table { border-collapse: collapse; width: 100%; } td, th { padding: 0.3em 0.5em; text-align: left; vertical-align: top; }\n\
         tr + tr td { border-top: 1px solid #ddd; } .num { text-align: right; white-space: nowrap; }\n\
         .bar { background: #e6eef5; height: 0.8em; width: 12em; } .bar > div { background: #1f6fb2; height: 100%; }\n\
         .muted { color: #666; font-size: 0.9em; } code { font-size: 0.85em; word-break: break-all; }\n\
         .bar.expert > div { background: #9aa7b3; } .lost { color: #a33; } .rule, .hint { display: block; margin-top: 0.2em; }\n\
         @media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }\n\
         </style>\n</head>\n<body>\n",
    );
    out.push_str(&format!("<h1>{}</h1>\n", e(&pick(&report.title))));
    let other = match language {
        Language::Chinese => &report.title.en,
        Language::English => &report.title.zh,
    };
    if !other.is_empty() && *other != pick(&report.title) {
        out.push_str(&format!("<p class=\"muted\">{}</p>\n", e(other)));
    }
    out.push_str(&format!("<p><strong>{}</strong></p>\n", e(&student)));
    let days = [
        ("day", Arg::from(report.days_played)),
        ("total", Arg::from(report.length_days)),
    ];
    let played = if report.ended_early {
        tr_args("report-stopped", &days)
    } else if report.finished {
        tr_args("report-played-all", &days)
    } else {
        tr_args("report-in-progress", &days)
    };
    out.push_str(&format!(
        "<p><strong>{}</strong> ({}%). {played} {}</p>\n",
        tr_args(
            "report-points",
            &[
                ("earned", Arg::from(report.total_earned)),
                ("possible", Arg::from(report.total_possible)),
            ]
        ),
        percent(report.total_earned, report.total_possible),
        tr(if report.mode.hints() {
            "report-mode-practice"
        } else {
            "report-mode-exam"
        }),
    ));

    out.push_str(&format!("<h2>{}</h2>\n<table>\n", tr("report-by-competency")));
    if expert.is_some() {
        out.push_str(&format!(
            "<tr><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr>\n",
            tr("report-col-competency"),
            tr("report-col-points"),
            tr("report-col-bars")
        ));
    }
    for (competency, _) in COMPETENCIES {
        let Some((earned, possible)) = report.competencies.get(&competency).copied() else {
            continue;
        };
        let mut bars = format!(
            "<div class=\"bar\"><div style=\"width: {}%\"></div></div>",
            percent(earned, possible)
        );
        if let Some((expert_earned, expert_possible)) =
            expert.and_then(|x| x.report.competencies.get(&competency).copied())
        {
            bars.push_str(&format!(
                "<div class=\"bar expert\"><div style=\"width: {}%\"></div></div>",
                percent(expert_earned, expert_possible)
            ));
        }
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"num\">{earned} / {possible}</td><td>{bars}</td></tr>\n",
            tr(competency_key(competency))
        ));
    }
    out.push_str("</table>\n");

    out.push_str(&format!("<h2>{}</h2>\n", tr("report-by-task")));
    for task in &report.tasks {
        out.push_str(&format!(
            "<h3>{} <span class=\"muted\">{} / {}</span></h3>\n<table>\n",
            e(&pick(&task.title)),
            task.earned(),
            task.possible()
        ));
        for c in &task.criteria {
            let mut why = e(&pick(&c.reason));
            if c.is_mistake() {
                if let Some(rule) = &c.rule {
                    why.push_str(&format!(
                        "<span class=\"rule\">{}</span>",
                        tr_args("report-rule", &[("rule", Arg::from(e(&pick(rule))))])
                    ));
                }
                if let Some(hint) = &c.hint {
                    why.push_str(&format!(
                        "<span class=\"hint\">{}</span>",
                        tr_args("report-next-time", &[("hint", Arg::from(e(&pick(hint))))])
                    ));
                }
            }
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"num{}\">{} / {}</td><td class=\"muted\">{why}</td></tr>\n",
                e(&pick(&c.description)),
                if c.is_mistake() { " lost" } else { "" },
                c.earned,
                c.possible,
            ));
        }
        out.push_str("</table>\n");
    }

    let hints = hints_for_next_time(report);
    if !hints.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n<ol>\n", tr("report-hints")));
        for hint in hints {
            out.push_str(&format!("<li>{}</li>\n", e(&pick(&hint))));
        }
        out.push_str("</ol>\n");
    }

    if let Some(expert) = expert {
        out.push_str(&format!(
            "<h2>{}</h2>\n<p>{}</p>\n<table>\n<tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr>\n",
            tr("report-expert-title"),
            tr_args(
                "report-expert-intro",
                &[
                    ("seed", Arg::from(expert.report.seed.to_string())),
                    (
                        "score",
                        Arg::from(format!(
                            "<strong>{} / {}</strong>",
                            expert.report.total_earned, expert.report.total_possible
                        ))
                    ),
                    ("start", Arg::from(e(&expert.report.cash_start_home.format()))),
                    ("end", Arg::from(e(&expert.report.cash_end_home.format()))),
                ]
            ),
            tr("report-col-task"),
            tr("report-col-you"),
            tr("report-col-expert"),
            tr("report-col-decisions"),
        ));
        for task in &report.tasks {
            let theirs = expert.report.tasks.iter().find(|t| t.id == task.id);
            let moves: Vec<String> = expert
                .moves
                .iter()
                .filter(|m| m.task.as_deref() == Some(task.id.as_str()))
                .map(|m| {
                    tr_args(
                        "report-expert-move",
                        &[("day", Arg::from(m.day)), ("what", Arg::from(e(&pick(&m.what))))],
                    )
                })
                .collect();
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"num\">{} / {}</td><td class=\"num\">{}</td><td class=\"muted\">{}</td></tr>\n",
                e(&pick(&task.title)),
                task.earned(),
                task.possible(),
                theirs.map_or("—".to_string(), |t| format!("{} / {}", t.earned(), t.possible())),
                if moves.is_empty() { tr("report-expert-nothing") } else { moves.join("<br>") }
            ));
        }
        out.push_str("</table>\n");
    }

    out.push_str(&format!("<h2>{}</h2>\n<table>\n", tr("report-money")));
    out.push_str(&format!(
        "<tr><td>{}</td><td class=\"num\">{} → {}</td></tr>\n",
        tr("report-cash"),
        e(&report.cash_start_home.format()),
        e(&report.cash_end_home.format())
    ));
    out.push_str(&format!(
        "<tr><td>{}</td><td class=\"num\">{} → {}</td></tr>\n",
        tr("report-reputation"),
        report.reputation_start,
        report.reputation_end
    ));
    out.push_str(&format!(
        "<tr><td>{}</td><td class=\"num\">{} / {}</td></tr>\n",
        tr("report-customs-fees"),
        e(&report.customs_fees.format()),
        e(&report.customs_penalties.format())
    ));
    out.push_str("</table>\n");

    out.push_str(&format!("<h2>{}</h2>\n<table>\n", tr("report-verification")));
    out.push_str(&format!(
        "<tr><td>{}</td><td><code>{}</code> <code>{}</code></td></tr>\n",
        tr("report-scenario"),
        e(&save.scenario_id),
        e(&save.scenario_hash)
    ));
    out.push_str(&format!(
        "<tr><td>{}</td><td><code>{}</code></td></tr>\n",
        tr("report-seed"),
        save.seed
    ));
    out.push_str(&format!(
        "<tr><td>{}</td><td>{} <code>{}</code></td></tr>\n",
        tr("report-decisions"),
        tr_args("report-decisions-count", &[("count", Arg::from(save.commands.len()))]),
        e(&save.log_digest())
    ));
    out.push_str(&format!(
        "</table>\n<p class=\"muted\">{}</p>\n",
        tr_args(
            "report-verify-note",
            &[("command", Arg::from("<code>tradeport verify REPORT.ron</code>"))]
        )
    ));
    out.push_str("</body>\n</html>\n");
    out
}

/// The hints of the criteria whose points were lost, each once, in rubric order.
pub fn hints_for_next_time(report: &Report) -> Vec<crate::scenario::file::Text> {
    let mut hints: Vec<crate::scenario::file::Text> = Vec::new();
    for c in report.tasks.iter().flat_map(|t| t.criteria.iter()) {
        if let (true, Some(hint)) = (c.is_mistake(), &c.hint)
            && !hints.contains(hint)
        {
            hints.push(hint.clone());
        }
    }
    hints
}

/// `practice` or `exam`, as the gradebook and the page say it.
pub fn mode_name(mode: crate::sim::session::PlayMode) -> &'static str {
    match mode {
        crate::sim::session::PlayMode::Practice => "practice",
        crate::sim::session::PlayMode::Exam => "exam",
    }
}

/// "Li Na (2026-0417)", or "(no name given)"; control characters shown as escapes, so a
/// name cannot rewrite a terminal line.
pub fn student_label(student: &crate::sim::save::Student) -> String {
    let name = crate::escape::printable(&student.name, crate::escape::MAX_SHOWN_NAME_CHARS);
    let id = crate::escape::printable(&student.id, crate::escape::MAX_SHOWN_NAME_CHARS);
    match (student.name.trim().is_empty(), student.id.trim().is_empty()) {
        (true, true) => "(no name given)".to_string(),
        (false, true) => name,
        _ => format!("{name} ({id})"),
    }
}
