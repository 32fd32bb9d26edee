//! The bad-input suite for files (`tests/malformed/`): every file, given to `apply` against a
//! live AWS emulator and kube-apiserver, exits 3 with the `file:line:column` of the problem, a
//! message that says what is wrong and a hint, says nothing was changed, never panics, and
//! reaches neither AWS nor the cluster. Flags have their own corpus (tests/bad_flags.rs).
//!
//! Each file says what it expects in comments: `# expect-line: N` (the line of the first
//! problem) and `# expect: TEXT` (in the message). The empty file can hold no comment: it
//! expects line 1 and "the file is empty".

mod common;
use common::live::{Env, THUMBPRINT};
use common::stderr;
use std::path::{Path, PathBuf};

/// `(line, message)` the corpus file expects.
fn expectations(path: &Path) -> (String, String) {
    let src = std::fs::read_to_string(path).unwrap();
    if src.is_empty() {
        return ("1".into(), "the file is empty".into());
    }
    let get = |key: &str| {
        src.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|s| s.trim().to_owned())
            .unwrap_or_else(|| panic!("{}: no `{key}` comment", path.display()))
    };
    (get("# expect-line:"), get("# expect:"))
}

/// Whether `stderr` locates a problem at `rel:line:COLUMN:` (a column of one or more digits).
fn locates(stderr: &str, rel: &str, line: &str) -> bool {
    let at = format!("{rel}:{line}:");
    stderr.match_indices(&at).any(|(i, _)| {
        let rest = &stderr[i + at.len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with(':')
    })
}

#[test]
fn malformed_files_exit_3_at_their_line_and_column_and_call_nothing() {
    let env = Env::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/malformed"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 50, "the corpus has {} files", files.len());
    let (aws, kube) = (env.aws_mark(), env.k.audit_mark());
    let mut report = String::new();
    for path in &files {
        let rel = path.strip_prefix(root).unwrap().to_str().unwrap();
        let o = env.eksiam(&["apply", "-f", rel, "--thumbprint", THUMBPRINT]);
        let err = stderr(&o);
        let (line, message) = expectations(path);
        assert_eq!(o.status.code(), Some(3), "{rel}: {err}");
        assert!(o.stdout.is_empty(), "{rel}: nothing on stdout");
        assert!(!err.contains("panicked"), "{rel}: {err}");
        assert!(
            locates(&err, rel, &line),
            "{rel}: expected `{rel}:{line}:COLUMN:` in\n{err}"
        );
        assert!(
            err.contains(&message),
            "{rel}: expected `{message}`:\n{err}"
        );
        assert!(err.contains("hint: "), "{rel}: says how to fix it:\n{err}");
        assert!(
            err.contains("nothing was changed"),
            "{rel}: says nothing was changed:\n{err}"
        );
        report.push_str(&format!("$ eksiam apply -f {rel}\n{err}\n"));
    }
    env.assert_nothing_called(aws, kube);
    insta::assert_snapshot!("malformed-errors", report);
}

#[test]
fn a_location_needs_a_column() {
    let rel = "tests/malformed/x.yaml";
    assert!(locates(&format!("error: {rel}:10:3: bad"), rel, "10"));
    assert!(!locates(&format!("error: {rel}:10: bad"), rel, "10"));
    assert!(!locates(&format!("error: {rel}:10:x: bad"), rel, "10"));
    assert!(!locates(&format!("error: {rel}:1:3: bad"), rel, "10"));
}
