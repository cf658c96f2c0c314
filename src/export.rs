//! Reports for instructors: a self-contained, printable HTML page per student, and a CSV row
//! per student for a class gradebook. Both carry what identifies the run (scenario hash, seed,
//! log digest) so that a result can be checked with `tradeport verify`.

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

/// The gradebook's header line.
pub fn csv_header() -> String {
    let mut columns: Vec<String> = [
        "student_name",
        "student_id",
        "scenario",
        "seed",
        "days_played",
        "finished",
        "mode",
        "points",
        "possible",
        "percent",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (_, name) in COMPETENCIES {
        columns.push(csv_field(&format!("{name} (points/possible)")));
    }
    columns.extend(
        ["cash_end", "currency", "reputation_end", "scenario_hash", "log_digest"]
            .iter()
            .map(|s| s.to_string()),
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

/// A printable page for one student's run, compared with the AI expert's run on the same seed
/// when one is given.
pub fn html(report: &Report, save: &SaveFile, expert: Option<&ExpertRun>) -> String {
    let e = escape_html;
    let mut out = String::new();
    let student = student_label(&save.student);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<title>Tradeport report: {} — {}</title>\n",
        e(&report.title.en),
        e(&student)
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
    out.push_str(&format!("<h1>{}</h1>\n", e(&report.title.en)));
    if !report.title.zh.is_empty() {
        out.push_str(&format!("<p class=\"muted\">{}</p>\n", e(&report.title.zh)));
    }
    out.push_str(&format!("<p><strong>{}</strong></p>\n", e(&student)));
    let played = if report.ended_early {
        format!("Stopped on day {} of {}.", report.days_played, report.length_days)
    } else if report.finished {
        format!("Played all {} days.", report.length_days)
    } else {
        format!("In progress: day {} of {}.", report.days_played, report.length_days)
    };
    out.push_str(&format!(
        "<p><strong>{} / {} points</strong> ({}%). {} Played in {} mode ({}).</p>\n",
        report.total_earned,
        report.total_possible,
        percent(report.total_earned, report.total_possible),
        e(&played),
        mode_name(report.mode),
        if report.mode.hints() { "hints on" } else { "hints off" }
    ));

    out.push_str("<h2>By competency</h2>\n<table>\n");
    if expert.is_some() {
        out.push_str(
            "<tr><th>Competency</th><th class=\"num\">Points</th><th>You (dark) and the expert (grey)</th></tr>\n",
        );
    }
    for (competency, name) in COMPETENCIES {
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
            e(name)
        ));
    }
    out.push_str("</table>\n");

    out.push_str("<h2>By task</h2>\n");
    for task in &report.tasks {
        out.push_str(&format!(
            "<h3>{} <span class=\"muted\">{} / {}</span></h3>\n<table>\n",
            e(&task.title.en),
            task.earned(),
            task.possible()
        ));
        for c in &task.criteria {
            let mut why = e(&c.reason.en);
            if c.is_mistake() {
                if let Some(rule) = &c.rule {
                    why.push_str(&format!("<span class=\"rule\">Rule: {}</span>", e(&rule.en)));
                }
                if let Some(hint) = &c.hint {
                    why.push_str(&format!("<span class=\"hint\">Next time: {}</span>", e(&hint.en)));
                }
            }
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"num{}\">{} / {}</td><td class=\"muted\">{why}</td></tr>\n",
                e(&c.description.en),
                if c.is_mistake() { " lost" } else { "" },
                c.earned,
                c.possible,
            ));
        }
        out.push_str("</table>\n");
    }

    let hints = hints_for_next_time(report);
    if !hints.is_empty() {
        out.push_str("<h2>Hints for next time</h2>\n<ol>\n");
        for hint in hints {
            out.push_str(&format!("<li>{}</li>\n", e(&hint.en)));
        }
        out.push_str("</ol>\n");
    }

    if let Some(expert) = expert {
        out.push_str(&format!(
            "<h2>What an expert would have done</h2>\n<p>The game's AI expert played the same scenario on the same seed ({}) \
             and earned <strong>{} / {}</strong>; cash {} → {}.</p>\n<table>\n\
             <tr><th>Task</th><th class=\"num\">You</th><th class=\"num\">Expert</th><th>The expert's decisions</th></tr>\n",
            expert.report.seed,
            expert.report.total_earned,
            expert.report.total_possible,
            e(&expert.report.cash_start_home.format()),
            e(&expert.report.cash_end_home.format()),
        ));
        for task in &report.tasks {
            let theirs = expert.report.tasks.iter().find(|t| t.id == task.id);
            let moves: Vec<String> = expert
                .moves
                .iter()
                .filter(|m| m.task.as_deref() == Some(task.id.as_str()))
                .map(|m| format!("Day {}: {}", m.day, e(&m.what.en)))
                .collect();
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"num\">{} / {}</td><td class=\"num\">{}</td><td class=\"muted\">{}</td></tr>\n",
                e(&task.title.en),
                task.earned(),
                task.possible(),
                theirs.map_or("—".to_string(), |t| format!("{} / {}", t.earned(), t.possible())),
                if moves.is_empty() {
                    "nothing the game can play for this task".to_string()
                } else {
                    moves.join("<br>")
                }
            ));
        }
        out.push_str("</table>\n");
    }

    out.push_str("<h2>Money and reputation</h2>\n<table>\n");
    out.push_str(&format!(
        "<tr><td>Cash (home currency)</td><td class=\"num\">{} → {}</td></tr>\n",
        e(&report.cash_start_home.format()),
        e(&report.cash_end_home.format())
    ));
    out.push_str(&format!(
        "<tr><td>Reputation</td><td class=\"num\">{} → {}</td></tr>\n",
        report.reputation_start, report.reputation_end
    ));
    out.push_str(&format!(
        "<tr><td>Customs fees and penalties</td><td class=\"num\">{} / {}</td></tr>\n",
        e(&report.customs_fees.format()),
        e(&report.customs_penalties.format())
    ));
    out.push_str("</table>\n");

    out.push_str("<h2>Verification</h2>\n<table>\n");
    out.push_str(&format!(
        "<tr><td>Scenario</td><td><code>{}</code> <code>{}</code></td></tr>\n",
        e(&save.scenario_id),
        e(&save.scenario_hash)
    ));
    out.push_str(&format!("<tr><td>Seed</td><td><code>{}</code></td></tr>\n", save.seed));
    out.push_str(&format!(
        "<tr><td>Decisions</td><td>{} commands, log digest <code>{}</code></td></tr>\n",
        save.commands.len(),
        e(&save.log_digest())
    ));
    out.push_str("</table>\n<p class=\"muted\">The scenario, seed and command log rebuild this run exactly; \
                  <code>tradeport verify REPORT.ron</code> re-simulates a submitted report and checks every number.</p>\n");
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
