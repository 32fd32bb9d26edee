//! The test command's own checks (`scripts/lib/setup.sh`): what it needs of the machine is
//! said in one line before anything runs, and the variables that would change what the tests
//! check are never inherited.

use std::process::Command;

/// `scripts/lib/setup.sh` sourced in bash, then `script`, with `PATH` set to `path`.
fn setup_sh(path: &str, script: &str, envs: &[(&str, &str)]) -> std::process::Output {
    Command::new("/bin/bash")
        .arg("-c")
        .arg(format!("source scripts/lib/setup.sh; {script}"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", path)
        .envs(envs.iter().copied())
        .output()
        .expect("run bash")
}

#[test]
fn what_the_machine_lacks_is_said_in_one_line() {
    // A PATH with only what the check itself runs: every tool it looks for is missing.
    let dir = tempfile::tempdir().unwrap();
    for tool in ["id", "sed"] {
        let found = Command::new("/bin/bash")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .unwrap();
        let at = String::from_utf8(found.stdout).unwrap();
        std::os::unix::fs::symlink(at.trim(), dir.path().join(tool)).unwrap();
    }
    let o = setup_sh(dir.path().to_str().unwrap(), "check_machine", &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: the tests need what this machine lacks: ")
            && err.contains("unshare, mount, curl, openssl, script, go, python3, cargo"),
        "{err}"
    );

    // This machine has them all.
    let o = setup_sh(&std::env::var("PATH").unwrap(), "check_machine", &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn variables_that_change_what_the_tests_check_are_not_inherited() {
    let overrides = [
        ("EKSIAM_UPDATE_GENERATED", "1"),
        ("INSTA_FORCE_PASS", "1"),
        ("EKSIAM_MOTO_SERVER", "/elsewhere/moto_server"),
        ("EKSIAM_MINISTACK", "/elsewhere/ministack"),
        ("EKSIAM_MINISTACK_PYTHON", "/elsewhere/python"),
    ];
    // What `scripts/test` does with them, then what is left.
    let o = setup_sh(
        &std::env::var("PATH").unwrap(),
        r#"unset "${TEST_OVERRIDES[@]}"; env | grep -E '^(EKSIAM_|INSTA_)' || true"#,
        &overrides,
    );
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout), "", "none is left");
    let test =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/test")).unwrap();
    assert!(
        test.contains("unset \"${TEST_OVERRIDES[@]}\"") && test.contains("\ncheck_machine\n"),
        "scripts/test clears them and checks the machine before it runs anything"
    );
}
