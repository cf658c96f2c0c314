//! Hostile files: devices and pipes where a file was expected, paths out of the scenario's
//! folder, reports forged by planting a scenario file, formulas and terminal escapes in
//! student names, oversized saves. Each case failed before its fix. The `tradeport` binary is
//! run the way an instructor runs it, in a folder of students' files.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tradeport::scenario::{load, load_scenario_file};
use tradeport::sim::save::{ReportFile, SaveFile, Student};
use tradeport::sim::{Command, Session};

const BIN: &str = env!("CARGO_BIN_EXE_tradeport");

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradeport-hardening-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn mkfifo(path: &Path) {
    let status = Process::new("mkfifo")
        .arg(path)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo: {e}"));
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Runs `tradeport ARGS` in `dir`, killed after 60 s; its exit code and output.
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    run_with(dir, args, Path::new("scenarios"))
}

/// [`run`] with `scenarios` as the installed scenarios folder.
fn run_with(dir: &Path, args: &[&str], scenarios: &Path) -> (i32, String) {
    let mut child = Process::new(BIN)
        .args(args)
        .current_dir(dir)
        // The output these tests read is the English one, whatever this machine's language.
        .env("LC_ALL", "C.UTF-8")
        .env(
            "TRADEPORT_SCENARIOS",
            std::fs::canonicalize(scenarios).unwrap_or_default(),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{BIN}: {e}"));
    let started = Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("tradeport {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

fn minimal_with_pack(file: &str) -> String {
    let text = std::fs::read_to_string("tests/fixtures/good/minimal.scenario.ron").unwrap_or_else(|e| panic!("{e}"));
    text.replace("file: \"rules/mini-eu.rules.ron\"", &format!("file: \"{file}\""))
}

#[test]
fn pipes_devices_and_folders_are_never_read() {
    let dir = scratch("devices");
    let fifo = dir.join("pipe.rules.ron");
    mkfifo(&fifo);
    let started = Instant::now();
    let refused = load::read_text(&fifo, "pipe").unwrap_err();
    assert!(refused.message.contains("not a regular file"), "{refused}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "opening a FIFO must not wait for a writer"
    );
    let zero = load::read_text(Path::new("/dev/zero"), "zero").unwrap_err();
    assert!(zero.message.contains("not a regular file"), "{zero}");
    assert!(load::read_bounded(&dir, 10).is_err(), "a folder");

    // A scenario whose rule pack is a FIFO, a link to /dev/zero, or /dev/stdin.
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    mkfifo(&dir.join("rules/fifo.rules.ron"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("rules/zero.rules.ron")).unwrap_or_else(|e| panic!("{e}"));
    for (name, pack) in [
        ("fifo", "rules/fifo.rules.ron"),
        ("zero", "rules/zero.rules.ron"),
        ("stdin", "/dev/stdin"),
    ] {
        let path = dir.join(format!("{name}.scenario.ron"));
        std::fs::write(&path, minimal_with_pack(pack)).unwrap_or_else(|e| panic!("{e}"));
        let problems = load_scenario_file(&path).err().unwrap_or_default();
        assert!(
            problems.iter().any(|d| d.message.contains("cannot open rule pack")),
            "{name}: {problems:?}"
        );
    }
    // And `check` on each, and on things that are not scenario files at all: 0 or 1, never more.
    std::fs::create_dir_all(dir.join("folder.scenario.ron")).unwrap_or_else(|e| panic!("{e}"));
    for target in [
        "fifo.scenario.ron",
        "zero.scenario.ron",
        "stdin.scenario.ron",
        "pipe.rules.ron",
        "/dev/zero",
        "folder.scenario.ron",
    ] {
        let (code, out) = run(&dir, &["check", "--plain", target]);
        assert_eq!(code, 1, "check {target}:\n{out}");
    }
}

#[test]
fn rule_packs_outside_the_scenario_folder_are_refused_and_never_quoted() {
    let dir = scratch("outside");
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(
        "tests/fixtures/good/rules/mini-eu.rules.ron",
        dir.join("rules/mini-eu.rules.ron"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let secret = dir.join("secret.rules.ron");
    std::fs::write(&secret, "root:x:0:0:SECRET-LINE\n").unwrap_or_else(|e| panic!("{e}"));
    let inner = dir.join("class");
    std::fs::create_dir_all(&inner).unwrap_or_else(|e| panic!("{e}"));
    for (name, pack) in [
        ("up", "../secret.rules.ron".to_string()),
        ("absolute", secret.display().to_string()),
        ("passwd", "../../../../../../etc/passwd".to_string()),
    ] {
        let path = inner.join(format!("{name}.scenario.ron"));
        std::fs::write(&path, minimal_with_pack(&pack)).unwrap_or_else(|e| panic!("{e}"));
        let (code, out) = run(&inner, &["check", "--plain", &format!("{name}.scenario.ron")]);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("outside the scenario's folder"), "{name}: {out}");
        assert!(
            !out.contains("SECRET-LINE") && !out.contains("root:x:0"),
            "{name} quoted a file it must not read:\n{out}"
        );
    }
    // A link inside the folder that leads out of it.
    std::os::unix::fs::symlink(&secret, inner.join("linked.rules.ron")).unwrap_or_else(|e| panic!("{e}"));
    let path = inner.join("link.scenario.ron");
    std::fs::write(&path, minimal_with_pack("linked.rules.ron")).unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = run(&inner, &["check", "--plain", "link.scenario.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("outside the scenario's folder") && !out.contains("SECRET-LINE"),
        "{out}"
    );
    // In the folder, and a bundled pack by id, are read.
    let path = dir.join("inside.scenario.ron");
    std::fs::write(&path, minimal_with_pack("rules/mini-eu.rules.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert!(load_scenario_file(&path).is_ok());
    let bundled = std::fs::read_to_string("scenarios/b2b-silk-blouses.scenario.ron")
        .unwrap_or_default()
        .replace("(id: \"eu\", file: \"rules/eu.rules.ron\")", "(id: \"eu\")")
        .replace(
            "(id: \"cn-export\", file: \"rules/cn-export.rules.ron\")",
            "(id: \"cn-export\")",
        );
    let path = dir.join("by-id.scenario.ron");
    std::fs::write(&path, bundled).unwrap_or_else(|e| panic!("{e}"));
    let loaded = load_scenario_file(&path);
    assert!(loaded.is_ok(), "{:?}", loaded.err());
}

#[test]
fn checking_huge_lines_and_ids_exits_1_without_a_panic() {
    let dir = scratch("wide");
    let wide = format!("({}format: 1, oops: 2)", " ".repeat(70_000));
    std::fs::write(dir.join("wide.scenario.ron"), wide).unwrap_or_else(|e| panic!("{e}"));
    let id = "a".repeat(70_000);
    let pack = std::fs::read_to_string("tests/fixtures/good/rules/mini-eu.rules.ron")
        .unwrap_or_default()
        .replacen("id: \"mini-eu\"", &format!("id: \"{id}\""), 1);
    std::fs::write(dir.join("long-id.rules.ron"), pack).unwrap_or_else(|e| panic!("{e}"));
    for file in ["wide.scenario.ron", "long-id.rules.ron"] {
        for plain in [true, false] {
            let args: Vec<&str> = if plain {
                vec!["check", "--plain", file]
            } else {
                vec!["check", file]
            };
            let (code, out) = run(&dir, &args);
            assert_eq!(code, 1, "{file}: {out}");
            assert!(out.len() < 20_000, "{file}: {} bytes of output", out.len());
        }
    }
}

#[test]
fn an_empty_all_is_refused() {
    let text = std::fs::read_to_string("scenarios/b2b-silk-blouses.scenario.ron").unwrap_or_default();
    // A criterion whose check fits on one line, made always true.
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("check: ") && l.matches('(').count() == l.matches(')').count())
        .unwrap_or_else(|| panic!("no one-line check"));
    let indent = &line[..line.len() - line.trim_start().len()];
    let doctored = text.replacen(line, &format!("{indent}check: All([]),"), 1);
    let problems = load::parse_scenario("x.ron", &doctored)
        .and_then(|f| tradeport::scenario::assemble_at(Path::new("scenarios/x.scenario.ron"), &f))
        .err()
        .unwrap_or_default();
    assert!(
        problems
            .iter()
            .any(|d| d.message.contains("`All([])` holds for any play")),
        "{problems:?}"
    );
}

fn bundled(id: &str) -> Arc<tradeport::sim::Scenario> {
    Arc::new(load_scenario_file(Path::new(&format!("scenarios/{id}.scenario.ron"))).unwrap_or_else(|d| panic!("{d:?}")))
}

fn idle_report(scenario: Arc<tradeport::sim::Scenario>, student: Student) -> ReportFile {
    let mut session = Session::new(scenario, None);
    for _ in 0..3 {
        let _ = session.apply(Command::EndDay);
    }
    ReportFile::of(&session, student)
}

#[test]
fn a_planted_scenario_file_cannot_forge_a_verified_report() {
    let dir = scratch("planted");
    // The doctored copy: the same id, one criterion worth more to an idle player.
    let original = std::fs::read_to_string("scenarios/b2b-silk-blouses.scenario.ron").unwrap_or_default();
    let doctored = original.replacen("estimated_minutes:", "estimated_minutes: 1, // doctored, was", 1);
    std::fs::create_dir_all(dir.join("rules")).unwrap_or_else(|e| panic!("{e}"));
    for pack in ["eu", "cn-export"] {
        std::fs::copy(
            format!("scenarios/rules/{pack}.rules.ron"),
            dir.join(format!("rules/{pack}.rules.ron")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    for name in ["b2b-silk-blouses", "b2b-silk-blouses.scenario.ron"] {
        std::fs::write(dir.join(name), &doctored).unwrap_or_else(|e| panic!("{e}"));
    }
    let forged_scenario =
        Arc::new(load_scenario_file(&dir.join("b2b-silk-blouses.scenario.ron")).unwrap_or_else(|d| panic!("{d:?}")));
    let honest = bundled("b2b-silk-blouses");
    assert_ne!(forged_scenario.content_hash(), honest.content_hash());
    let student = Student {
        name: "Wang Fang".into(),
        id: "2026-0001".into(),
    };
    std::fs::write(
        dir.join("forged.report.ron"),
        idle_report(forged_scenario, student.clone()).to_text(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("honest.report.ron"),
        idle_report(honest.clone(), student).to_text(),
    )
    .unwrap_or_else(|e| panic!("{e}"));

    let (code, out) = run(&dir, &["verify", "forged.report.ron", "honest.report.ron"]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("NOT VERIFIED: forged.report.ron"), "{out}");
    assert!(lines[0].contains("played on an older version of the scenario"), "{out}");
    assert!(
        lines[0].contains(honest.content_hash()),
        "names the hash it checked against: {out}"
    );
    assert!(
        lines[1].starts_with("verified: Wang Fang (2026-0001)"),
        "the honest report still verifies: {out}"
    );
    assert!(
        lines[1].contains("scenarios/b2b-silk-blouses.scenario.ron") && lines[1].contains(honest.content_hash()),
        "says which scenario file and hash: {out}"
    );
    // The instructor may name the file on purpose; then that one is used.
    let (code, out) = run(
        &dir,
        &[
            "verify",
            "--scenario",
            "b2b-silk-blouses.scenario.ron",
            "forged.report.ron",
        ],
    );
    assert_eq!(code, 0, "{out}");
    // A report naming a path instead of an id is not resolved as a path.
    let mut sneaky = idle_report(honest, Student::default());
    sneaky.scenario_id = "./b2b-silk-blouses".into();
    std::fs::write(dir.join("sneaky.report.ron"), sneaky.to_text()).unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = run(&dir, &["verify", "sneaky.report.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no bundled scenario"), "{out}");
}

#[test]
fn names_cannot_spoof_the_terminal_or_run_in_a_spreadsheet() {
    let dir = scratch("names");
    let spoof = Student {
        name: "=HYPERLINK(\"http://x\",\"y\")\u{1b}[2K\r".into(),
        id: "@1".into(),
    };
    let report = idle_report(bundled("b2b-silk-blouses"), spoof);
    std::fs::write(dir.join("r.report.ron"), report.to_text()).unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = run(&dir, &["verify", "r.report.ron", "--csv", "class.csv"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\r'),
        "raw control characters printed: {out:?}"
    );
    assert!(out.contains("\\u{1b}[2K\\u{d}"), "shown as escapes: {out}");
    let csv = std::fs::read_to_string(dir.join("class.csv")).unwrap_or_default();
    let row = csv.lines().nth(1).unwrap_or_default();
    assert!(row.starts_with("\"'=HYPERLINK("), "the formula is neutralised: {row}");
    assert!(row.contains(",'@1,"), "{row}");
    assert!(!row.contains('\u{1b}'), "{row:?}");
    // The HTML page escapes it too.
    let (code, out) = run(&dir, &["report", "r.report.ron", "--html", "r.html"]);
    assert_eq!(code, 0, "{out}");
    let html = std::fs::read_to_string(dir.join("r.html")).unwrap_or_default();
    assert!(
        !html.contains('\u{1b}') && html.contains("=HYPERLINK(&quot;"),
        "escaped in HTML"
    );
}

#[test]
fn oversized_saves_long_names_and_pipes_are_refused_with_a_message() {
    let dir = scratch("saves");
    let report = idle_report(
        bundled("b2b-silk-blouses"),
        Student {
            name: "x".repeat(81),
            id: "1".into(),
        },
    );
    std::fs::write(dir.join("long.report.ron"), report.to_text()).unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = run(&dir, &["verify", "long.report.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("longer than 80 characters"), "{out}");
    let huge = format!("{}\n// {}", report.save.to_text(), "x".repeat(33 * 1024 * 1024));
    std::fs::write(dir.join("huge.ron"), huge).unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = run(&dir, &["replay", "huge.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("over the limit"), "{out}");
    mkfifo(&dir.join("pipe.ron"));
    let (code, out) = run(&dir, &["replay", "pipe.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not a regular file"), "{out}");
    // A good save still replays.
    let good = SaveFile::of(&Session::new(bundled("b2b-silk-blouses"), None), Student::default());
    std::fs::write(dir.join("good.ron"), good.to_text()).unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = run(&dir, &["replay", "good.ron"]);
    assert_eq!(code, 0, "{out}");
}

/// A command with a number no form allows (from an edited save, or a client) is refused
/// before any rule runs, and changes nothing: before, a listing priced near `i64::MAX`
/// overflowed the landed-cost sums at checkout (found by the mutation test).
#[test]
fn commands_with_numbers_out_of_range_are_refused_and_change_nothing() {
    let mut session = Session::new(bundled("c2c-vintage-cameras"), None);
    let before = SaveFile::of(&session, Student::default());
    for command in [
        Command::EstimatePurchase {
            market: "us-buyers".into(),
            estimate: i64::MAX,
        },
        Command::BidAbroad {
            market: "us-buyers".into(),
            max: -tradeport::sim::money::MAX_MONEY_MINOR - 1,
        },
        Command::ReplyToLetter {
            task: "x".into(),
            choices: vec![],
            note: "x".repeat(20_001),
        },
    ] {
        match session.apply(command) {
            Err(e @ tradeport::sim::RuleError::Limit(_)) => {
                assert!(
                    e.to_string()
                        .starts_with("a number or text in this command is out of range: "),
                    "{e}"
                );
            }
            other => panic!("not refused as out of range: {other:?}"),
        }
    }
    assert_eq!(SaveFile::of(&session, Student::default()), before, "nothing changed");
}

/// A string in a logged command comes back in the replay's error; a line break in it must not
/// print a line of its own, such as a fake "verified:" verdict.
#[test]
fn a_line_break_in_a_report_cannot_print_a_verdict_of_its_own() {
    let dir = scratch("newline");
    let mut report = idle_report(bundled("b2b-silk-blouses"), Student::default());
    report.save.commands.insert(
        0,
        Command::AcceptOffer {
            task: "x\nverified: Wang Fang (2026-0001) on b2b-silk-blouses, seed 1: 100 / 100 points".into(),
        },
    );
    report.log_digest = report.save.log_digest();
    std::fs::write(dir.join("r.report.ron"), report.to_text()).unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = run(&dir, &["verify", "r.report.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines().all(|l| !l.starts_with("verified:")),
        "a verdict line was printed by the report:\n{out}"
    );
    assert!(
        out.contains("\\u{a}verified"),
        "the line break is shown as an escape: {out}"
    );
}

/// A path that leads into the bundled `rules/` folder names that bundled pack, so files
/// written the old way (`../rules/eu.rules.ron`) keep loading with the same content hash;
/// any other path out of the folder is refused.
#[test]
fn a_path_into_the_bundled_rules_still_names_the_bundled_pack() {
    let referrer = Path::new("tests/landed-cost/eu-three-blouses-2026.shipment.ron");
    let found = tradeport::scenario::locate_rule_pack(referrer, "", "../../scenarios/rules/eu.rules.ron")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        found,
        std::fs::canonicalize("scenarios/rules/eu.rules.ron").unwrap_or_default()
    );
    for outside in [
        "../../scenarios/b2b-silk-blouses.scenario.ron",
        "../fixtures/good/rules/mini-eu.rules.ron",
        "/etc/passwd",
    ] {
        let refused = tradeport::scenario::locate_rule_pack(referrer, "", outside).unwrap_err();
        assert!(
            refused.contains("outside the scenario's folder"),
            "{outside}: {refused}"
        );
    }
}

/// A save that cannot be written is reported, and `flush` says so, until a later save of the
/// same file succeeds.
#[test]
fn the_save_writer_reports_a_failed_write() {
    let dir = scratch("writer");
    let blocker = dir.join("not-a-folder");
    std::fs::write(&blocker, "a file where the saves folder should be").unwrap_or_else(|e| panic!("{e}"));
    let writer = tradeport::saves::SaveWriter::start(|_, _| {});
    let save = SaveFile::of(&Session::new(bundled("b2b-silk-blouses"), None), Student::default());
    let path = blocker.join("b2b-silk-blouses.ron");
    writer.submit(path.clone(), save.clone());
    assert!(
        !writer.flush(Duration::from_secs(10)),
        "a failed write is not a flushed save"
    );
    assert!(
        writer.take_notices().iter().any(|n| n.contains("could not be saved")),
        "the player is told"
    );
    std::fs::remove_file(&blocker).unwrap_or_else(|e| panic!("{e}"));
    writer.submit(path.clone(), save);
    assert!(
        writer.flush(Duration::from_secs(10)),
        "written once the folder can be made"
    );
    assert!(tradeport::saves::read_save(&path).is_ok());
}

/// A save a student made on the bundled B2C scenario before the December 2026 fact corrections
/// (made with `tradeport save-drill` at commit 145e2f4) is refused on replay with a message
/// saying why: the scenario it was played on has since changed.
#[test]
fn a_save_from_before_the_fact_corrections_is_named_an_older_version() {
    let fixture = std::fs::canonicalize("tests/fixtures/saves/b2c-eu-storefront-before-fact-corrections.ron")
        .unwrap_or_else(|e| panic!("{e}"));
    let fixture = fixture.to_string_lossy().to_string();
    let dir = std::env::temp_dir();
    let (code, out) = run(&dir, &["replay", &fixture]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("played on an older version of the scenario"), "{out}");
    assert!(
        out.contains("b2c-eu-storefront.scenario.ron"),
        "names the file checked against: {out}"
    );
}

/// Saves written before the desks-and-seats redesign (issue 17; made with `tradeport
/// save-drill` at commit 0ed5c33) replay now to the same summary and a byte-identical report
/// file, and their old report files still verify, on the scenario files they were played on
/// (kept beside them: issue 21 rewrote the bundled letters' wrong statements, so the bundled
/// B2B and B2C files are a newer version, which these saves are refused on).
#[test]
fn saves_from_before_the_desks_redesign_replay_to_the_same_report() {
    let dir = scratch("before-desks");
    let then = Path::new("tests/fixtures/saves/before-desks/scenarios");
    let run = |dir: &Path, args: &[&str]| run_with(dir, args, then);
    for id in ["b2b-silk-blouses", "b2c-eu-storefront", "c2c-vintage-cameras"] {
        let fixture = |ext: &str| {
            std::fs::canonicalize(format!("tests/fixtures/saves/before-desks/{id}{ext}"))
                .unwrap_or_else(|e| panic!("{id}{ext}: {e}"))
        };
        let report = dir.join(format!("{id}.report.ron"));
        let save = fixture(".ron").to_string_lossy().to_string();
        let (code, out) = run(&dir, &["replay", &save, "--report", &report.to_string_lossy()]);
        assert_eq!(code, 0, "{id}: {out}");
        let printed: String = out
            .lines()
            .filter(|l| !l.starts_with("report written to "))
            .map(|l| format!("{l}\n"))
            .collect();
        let then = std::fs::read_to_string(fixture(".replay.txt")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(printed, then, "{id}: replay prints what it printed before");
        let written = std::fs::read(&report).unwrap_or_else(|e| panic!("{e}"));
        let old = std::fs::read(fixture(".report.ron")).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            written == old,
            "{id}: the report file differs from the one written before"
        );
        let (code, out) = run(&dir, &["verify", &fixture(".report.ron").to_string_lossy()]);
        assert_eq!(code, 0, "{id}: the old report verifies: {out}");
    }
    // On today's bundled B2B file (its letters rewritten) the old save is a record of an
    // older version, and says so.
    let save = std::fs::canonicalize("tests/fixtures/saves/before-desks/b2b-silk-blouses.ron")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = run_with(&dir, &["replay", &save.to_string_lossy()], Path::new("scenarios"));
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("played on an older version of the scenario"), "{out}");
}
