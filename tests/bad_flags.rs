//! The bad-input suite for flags (`tests/bad-flags.txt`): every line exits 3 with a message
//! that says what is wrong, never panics, and reaches neither AWS nor the cluster. Bad files
//! have their own corpus (`tests/malformed/`, in tests/cli.rs).

mod common;
use common::live::Env;
use common::stderr;

#[test]
fn bad_flags_exit_3_say_why_and_call_nothing() {
    let env = Env::new();
    let corpus =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad-flags.txt"))
            .unwrap();
    let (aws, kube) = (env.aws_mark(), env.k.audit_mark());
    let mut cases = 0;
    for (n, line) in corpus.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (expect, args) = line
            .split_once(" :: ")
            .unwrap_or_else(|| panic!("bad-flags.txt:{}: no ` :: `", n + 1));
        let args: Vec<&str> = args.split_whitespace().collect();
        let o = env.eksiam(&args);
        let err = stderr(&o);
        let at = format!("bad-flags.txt:{}: {}", n + 1, args.join(" "));
        assert_eq!(o.status.code(), Some(3), "{at}\n{err}");
        assert!(err.starts_with("error: "), "{at}\n{err}");
        assert!(err.contains(expect), "{at}: expected {expect:?} in\n{err}");
        assert!(!err.contains("panicked"), "{at}\n{err}");
        assert!(o.stdout.is_empty(), "{at}: machine output on a failure");
        cases += 1;
    }
    assert!(cases >= 30, "the corpus has {cases} cases");
    env.assert_nothing_called(aws, kube);
}
