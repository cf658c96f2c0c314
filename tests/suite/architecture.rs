//! The shape of `src/sim`, read from its source (issue 17): which of its top-level modules use
//! which, the import cycles among them, which files name the scenario file structs, and how long
//! the session is. A ratchet: it fails when the layout gets worse than it was measured, and
//! `cargo test --no-default-features architecture -- --nocapture` prints the layout.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Measured on 2026-12-03, as the desks redesign began, and lowered as it landed. Issue 17's
/// targets: no module in an import cycle and no use against [`LAYERS`] (both reached and held
/// at zero below), at most 3 (validating) files naming `scenario::file`, a session of at most
/// 600 lines. Lower these as the redesign lands; never raise them.
const FILES_NAMING_SCENARIO_FILE_AT_MOST: usize = 3;
/// The bound for the router, reached in step 9 (2,041 -> 335 lines); the session may
/// grow with routing (seats, step 11) but not past it.
const SESSION_LINES_AT_MOST: usize = 600;

/// The direction of use issue 17 asks for: a module may use modules of its own layer or below.
/// Basic types, then the validated scenario, then the desks, the session, grading, reports and
/// what reads reports.
const LAYERS: [(&str, usize); 23] = [
    ("date", 0),
    ("terms", 0),
    ("money", 0),
    ("check", 0),
    ("rules", 0),
    ("said", 0),
    ("scenario", 1),
    ("c2c", 2),
    ("customs", 2),
    ("deal", 2),
    ("letters", 2),
    ("writing", 2),
    ("market", 2),
    ("negotiation", 2),
    ("session", 3),
    ("grading", 4),
    ("marketplace", 4),
    ("report", 5),
    ("expert", 6),
    ("profile", 6),
    ("save", 6),
    ("players", 6),
    ("simulate", 7),
];

/// `module -> used` pairs where `used` sits in a higher layer than `module`.
fn uses_against_the_layers(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let layer = |m: &str| LAYERS.iter().find(|(name, _)| *name == m).map(|(_, l)| *l);
    let mut against = Vec::new();
    for (module, used) in graph {
        for other in used {
            match (layer(module), layer(other)) {
                (Some(a), Some(b)) if b > a => against.push(format!("{module} -> {other}")),
                (Some(_), Some(_)) => {}
                _ => against.push(format!("{module} -> {other} (module not in LAYERS)")),
            }
        }
    }
    against
}

/// Every `.rs` file under `dir`, in a fixed order.
pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The file's module path below `sim`: `session.rs` → [session], `market/mod.rs` → [market],
/// `market/day.rs` → [market, day].
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The source without `//` comments (doc comments included); string contents are kept.
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let mut in_string = false;
        let mut previous = ' ';
        let mut cut = line.len();
        for (i, c) in line.char_indices() {
            if c == '"' && previous != '\\' {
                in_string = !in_string;
            }
            if !in_string && c == '/' && previous == '/' {
                cut = i - 1;
                break;
            }
            previous = c;
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first name of every item of a `{a, b::{c}, d as e}` group that starts `s`.
fn group_heads(s: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0usize;
    let mut item_start = true;
    for (i, c) in s.char_indices() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    item_start = true;
                    continue;
                }
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                item_start = true;
                continue;
            }
            _ => {}
        }
        if depth == 1 && item_start && !c.is_whitespace() {
            heads.push(ident_at(&s[i..]).to_string());
            item_start = false;
        }
    }
    heads
}

/// Names a path starting at `s` reaches first: `x::…` gives [x], `{x, y}` gives [x, y].
fn first_names(s: &str) -> Vec<String> {
    if s.starts_with('{') {
        group_heads(s)
    } else {
        vec![ident_at(s).to_string()]
    }
}

/// The other top-level modules of `sim` a file uses (through `crate::sim::…` or `super::…`).
fn used_modules(
    source: &str,
    own: &[String],
    modules: &BTreeSet<String>,
    root_items: &BTreeMap<String, String>,
) -> BTreeSet<String> {
    let resolve = |name: &str| -> Option<String> {
        if modules.contains(name) {
            Some(name.to_string())
        } else {
            root_items.get(name).cloned()
        }
    };
    let mut used = BTreeSet::new();
    for (i, _) in source.match_indices("crate::sim::") {
        for name in first_names(&source[i + "crate::sim::".len()..]) {
            used.extend(resolve(&name));
        }
    }
    // `super::` climbs from the file's own module (a file is its module; `mod.rs` its folder's).
    let bytes = source.as_bytes();
    let mut i = 0;
    while let Some(at) = source[i..].find("super::") {
        let start = i + at;
        let preceded_by_path = start >= 2 && &source[start - 2..start] == "::";
        let preceded_by_ident = start >= 1 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
        let mut end = start;
        let mut climbs = 0;
        while source[end..].starts_with("super::") {
            climbs += 1;
            end += "super::".len();
        }
        if !preceded_by_path && !preceded_by_ident && climbs == own.len() {
            for name in first_names(&source[end..]) {
                used.extend(resolve(&name));
            }
        }
        i = end;
    }
    if let Some(top) = own.first() {
        used.remove(top);
    }
    used
}

/// Strongly connected components with more than one module (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        w.on_stack.insert(v);
        let graph = w.graph;
        for next in graph.get(v).into_iter().flatten() {
            let next = next.as_str();
            if !w.index.contains_key(next) {
                visit(w, next);
                let low = w.low[v].min(w.low[next]);
                w.low.insert(v, low);
            } else if w.on_stack.contains(next) {
                let low = w.low[v].min(w.index[next]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut component = Vec::new();
            while let Some(top) = w.stack.pop() {
                w.on_stack.remove(top);
                component.push(top.to_string());
                if top == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                w.found.push(component);
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            visit(&mut walk, v);
        }
    }
    walk.found
}

#[test]
fn the_cycle_finder_finds_cycles_and_only_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a", "d"]),
        ("d", vec![]),
        ("e", vec!["d"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        cycles(&graph),
        vec![vec!["a".to_string(), "b".to_string(), "c".to_string()]]
    );
    let modules: BTreeSet<String> = ["session", "market", "money"].into_iter().map(String::from).collect();
    let root: BTreeMap<String, String> = [("Money".to_string(), "money".to_string())].into_iter().collect();
    let own = vec!["market".to_string(), "day".to_string()];
    let source = "use super::super::session::X;\nuse crate::sim::{Money, market::Y};\nuse super::store::Z; // crate::sim::session\n";
    let used = used_modules(&without_comments(source), &own, &modules, &root);
    assert_eq!(used, ["money", "session"].into_iter().map(String::from).collect());
    let layered: BTreeMap<String, BTreeSet<String>> = [
        ("scenario", vec!["session", "money"]),
        ("session", vec!["scenario"]),
        ("lobby", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        uses_against_the_layers(&layered),
        vec!["scenario -> session".to_string()]
    );
}

#[test]
fn sim_has_no_more_import_cycles_file_struct_users_or_session_lines_than_measured() {
    let root = Path::new("src/sim");
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let relative = |p: &Path| p.strip_prefix(root).map(Path::to_path_buf).unwrap_or_default();
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|f| module_path(&relative(f)).first().cloned())
        .collect();
    // Items `src/sim/mod.rs` re-exports, e.g. `crate::sim::Session` is the session module's.
    let root_source = without_comments(&std::fs::read_to_string(root.join("mod.rs")).unwrap_or_default());
    let mut root_items = BTreeMap::new();
    for line in root_source.lines().filter_map(|l| l.trim().strip_prefix("pub use ")) {
        let module = ident_at(line).to_string();
        let rest = line[module.len()..].trim_start_matches("::");
        for item in first_names(rest) {
            root_items.insert(item, module.clone());
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    let mut naming_file_structs = Vec::new();
    for file in &files {
        let own = module_path(&relative(file));
        let source = without_comments(&std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{e}")));
        if source.contains("scenario::file") {
            naming_file_structs.push(relative(file).display().to_string());
        }
        let Some(top) = own.first() else { continue };
        let used = used_modules(&source, &own, &modules, &root_items);
        graph.entry(top.clone()).or_default().extend(used);
    }
    let found = cycles(&graph);
    let in_cycles: usize = found.iter().map(Vec::len).sum();
    let session_lines = std::fs::read_to_string(root.join("session.rs"))
        .map(|s| s.lines().count())
        .unwrap_or(0);

    println!("src/sim modules and the modules each uses:");
    for (module, used) in &graph {
        println!(
            "  {module:<12} -> {}",
            used.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    for component in &found {
        println!(
            "import cycle among {} modules: {}",
            component.len(),
            component.join(", ")
        );
    }
    println!(
        "{} files name scenario::file: {}",
        naming_file_structs.len(),
        naming_file_structs.join(", ")
    );
    println!("session.rs: {session_lines} lines");
    let against = uses_against_the_layers(&graph);
    println!("{} uses against the layers: {}", against.len(), against.join(", "));

    assert!(
        modules.contains("session") && graph.values().any(|u| !u.is_empty()),
        "read src/sim"
    );
    assert!(
        found.is_empty(),
        "{in_cycles} modules in import cycles (none allowed): {found:?}"
    );
    assert!(
        naming_file_structs.len() <= FILES_NAMING_SCENARIO_FILE_AT_MOST,
        "{} files name scenario::file (at most {FILES_NAMING_SCENARIO_FILE_AT_MOST}): {naming_file_structs:?}",
        naming_file_structs.len()
    );
    assert!(
        against.is_empty(),
        "{} uses against the layers (none allowed): {against:?}",
        against.len()
    );
    assert!(
        session_lines <= SESSION_LINES_AT_MOST,
        "session.rs has {session_lines} lines (at most {SESSION_LINES_AT_MOST})"
    );
}
