//! The aws-auth oracle: aws-iam-authenticator's own ConfigMap parser (a Go program built by
//! `scripts/kube-binaries`) says what an aws-auth ConfigMap means, so tests check eksiam's
//! edits against the authenticator rather than against eksiam's own parser.

use std::io::Write as _;
use std::process::{Command, Stdio};

/// What the authenticator makes of a ConfigMap (a whole `v1.ConfigMap` as YAML or JSON):
/// `{"roles", "users", "accounts", "error", "rejected", "lookups"}`. `arns` are also looked up
/// as the authenticator's server would map them.
pub fn interpret(configmap: &str, arns: &[&str]) -> serde_json::Value {
    let mut cmd = Command::new(crate::bin("aws-auth-oracle"));
    for a in arns {
        cmd.arg("--arn").arg(a);
    }
    let mut child = cmd
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start aws-auth-oracle");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(configmap.as_bytes())
        .expect("write the ConfigMap");
    let out = child.wait_with_output().expect("aws-auth-oracle");
    assert!(
        out.status.success(),
        "aws-auth-oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("oracle JSON")
}
