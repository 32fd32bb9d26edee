//! The README's sandbox commands, run exactly as printed in a sandbox (`testenv::sandbox`, what
//! `scripts/sandbox` starts): each must succeed, as a newcomer would run them.

mod common;

use std::process::Command;
use testenv::sandbox::Sandbox;

/// The commands between the README's `<!-- sandbox: begin -->` and `<!-- sandbox: end -->`,
/// without the two that start the sandbox and load its environment (done here instead).
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let (_, rest) = readme
        .split_once("<!-- sandbox: begin -->")
        .expect("the README has a sandbox block");
    let (block, _) = rest.split_once("<!-- sandbox: end -->").unwrap();
    block
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("```"))
        .filter(|l| !l.starts_with("scripts/sandbox") && !l.starts_with("source "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_readme_sandbox_commands_work_as_printed() {
    let commands = readme_commands();
    assert!(commands.len() >= 5, "{commands:?}");
    let sandbox = Sandbox::start("prod");
    let eksiam_dir = std::path::Path::new(env!("CARGO_BIN_EXE_eksiam"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}:{}",
        eksiam_dir.display(),
        testenv::bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let backups = tempfile::tempdir().unwrap();
    let run = |line: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(line)
            .env_clear()
            .env("PATH", &path)
            .env("HOME", backups.path())
            .env("EKSIAM_BACKUP_DIR", backups.path())
            .envs(sandbox.env())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run sh")
    };
    for line in &commands {
        let o = run(line);
        let err = common::stderr(&o);
        assert!(
            o.status.success(),
            "`{line}` failed with {:?}:\n{}\n{err}",
            o.status.code(),
            String::from_utf8_lossy(&o.stdout)
        );
        assert!(!err.contains("panicked"), "`{line}`: {err}");
        // One apply converges: the next plan has nothing to do (exit 0, not 2).
        if line.starts_with("eksiam apply -f examples/irsa-basic.yaml") {
            let o = run("eksiam plan -f examples/irsa-basic.yaml --detailed-exitcode");
            assert_eq!(
                o.status.code(),
                Some(0),
                "the sandbox does not converge:\n{}{}",
                String::from_utf8_lossy(&o.stdout),
                common::stderr(&o)
            );
        }
    }
    // What they did is there: the mapping (read by kubectl), and the ServiceAccount deleted.
    assert!(sandbox.kube.aws_auth("yaml").contains("role/admin"));
    assert!(
        !sandbox
            .kube
            .kubectl(&["-n", "backend", "get", "serviceaccount", "s3-reader"])
            .status
            .success()
    );
}
