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

/// aws-iam-authenticator's own token verifier as a kube-apiserver token webhook
/// (`aws-auth-oracle webhook`): it checks a bearer token as the authenticator's server does,
/// sending the presigned `GetCallerIdentity` inside it to an emulator's STS.
pub struct TokenWebhook {
    /// The webhook config file for `--authentication-token-webhook-config-file`.
    pub config: std::path::PathBuf,
    _proc: crate::process::Proc,
    _dir: tempfile::TempDir,
}

impl TokenWebhook {
    /// Starts the webhook for cluster `cluster_id`, asking the STS at `sts_url` (trusting
    /// `sts_ca`), naming every identity it verifies a member of `groups`.
    pub fn start(
        cluster_id: &str,
        sts_url: &str,
        sts_ca: Option<&std::path::Path>,
        groups: &[&str],
    ) -> TokenWebhook {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("webhook.kubeconfig");
        let mut cmd = Command::new(crate::bin("aws-auth-oracle"));
        cmd.args(["webhook", "--cluster-id", cluster_id, "--sts-url", sts_url])
            .arg("--config-out")
            .arg(&config);
        if let Some(ca) = sts_ca {
            cmd.arg("--sts-ca").arg(ca);
        }
        for g in groups {
            cmd.args(["--group", g]);
        }
        let (proc, _hello) = crate::process::Proc::spawn_announcing("token webhook", cmd);
        TokenWebhook {
            config,
            _proc: proc,
            _dir: dir,
        }
    }

    /// The kube-apiserver flags that make it ask this webhook about bearer tokens.
    pub fn apiserver_flags(&self) -> Vec<String> {
        vec![
            format!(
                "--authentication-token-webhook-config-file={}",
                self.config.display()
            ),
            "--authentication-token-webhook-version=v1".into(),
            "--authentication-token-webhook-cache-ttl=0s".into(),
        ]
    }
}
