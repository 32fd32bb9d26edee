//! ministack, a second AWS emulator, as the AWS account of a test: IAM, STS and EKS over HTTP
//! on loopback. Unlike moto it gives every cluster its own OIDC issuer (`http://…` unless it
//! serves TLS), implements EKS access entries and Pod Identity, and with `AUTH=true` evaluates
//! IAM policies. It has no request recorder.

use crate::http;
use crate::process::{Proc, wait_until};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// The account every ministack of the tests runs as.
pub const ACCOUNT: &str = "111122223333";

/// A running ministack.
pub struct Ministack {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The region the test's environment names.
    pub region: String,
    dir: tempfile::TempDir,
    _proc: Proc,
}

/// The ministack executable: `EKSIAM_MINISTACK`, else the project's `.venv-ministack` (its
/// own venv: it pins a botocore that moto's boto3 refuses).
fn ministack_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("EKSIAM_MINISTACK") {
        return PathBuf::from(p);
    }
    let p = crate::repo_root().join(".venv-ministack/bin/ministack");
    assert!(
        p.exists(),
        "{} is missing: run scripts/test, which creates the venv with ministack",
        p.display()
    );
    p
}

impl Ministack {
    /// Starts ministack (IAM, STS, EKS; no policy evaluation) on a free port.
    pub fn start() -> Ministack {
        let port = crate::free_port();
        let dir = tempfile::tempdir().expect("temp dir");
        let region = "us-west-2";
        let mut cmd = Command::new(ministack_bin());
        cmd.env("GATEWAY_PORT", port.to_string())
            .env("BIND_HOST", "127.0.0.1")
            .env("MINISTACK_HOST", "127.0.0.1")
            .env("SERVICES", "iam,sts,eks")
            .env("MINISTACK_ACCOUNT_ID", ACCOUNT)
            .env("MINISTACK_REGION", region)
            .env("LOG_LEVEL", "WARNING")
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("ministack.log")).expect("log file"));
        let proc = Proc::spawn("ministack", cmd);
        let url = format!("http://127.0.0.1:{port}");
        // Any HTTP answer means it is serving.
        wait_until("ministack", Duration::from_secs(60), || {
            http::request("GET", &format!("{url}/"), "text/plain", "").is_ok()
        });
        Ministack {
            url,
            region: region.into(),
            dir,
            _proc: proc,
        }
    }

    /// The environment that points an AWS SDK at this ministack, as [`crate::aws::Moto::env`].
    pub fn env(&self) -> Vec<(String, String)> {
        let none = self.dir.path().join("no-such-aws-config");
        [
            ("AWS_ENDPOINT_URL", self.url.clone()),
            ("AWS_ACCESS_KEY_ID", "test".into()),
            ("AWS_SECRET_ACCESS_KEY", "test".into()),
            ("AWS_REGION", self.region.clone()),
            ("AWS_CONFIG_FILE", none.display().to_string()),
            ("AWS_SHARED_CREDENTIALS_FILE", none.display().to_string()),
            ("AWS_EC2_METADATA_DISABLED", "true".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect()
    }

    /// An `Authorization` header for `service` as the root caller (access key `test`).
    pub fn auth_header(&self, service: &str) -> String {
        format!(
            "AWS4-HMAC-SHA256 Credential=test/20260101/{}/{service}/aws4_request, SignedHeaders=host, Signature=0",
            self.region
        )
    }

    /// Creates an EKS cluster; returns its OIDC issuer URL (its own, per cluster).
    pub fn create_cluster(&self, name: &str) -> String {
        let body = serde_json::json!({
            "name": name,
            "roleArn": format!("arn:aws:iam::{ACCOUNT}:role/eks-cluster"),
            "resourcesVpcConfig": {"subnetIds": []},
        });
        let r = crate::aws::raw_request(
            &format!("{}/clusters", self.url),
            &self.auth_header("eks"),
            "application/json",
            &body.to_string(),
        );
        let v: serde_json::Value = serde_json::from_str(&r).expect("CreateCluster JSON");
        v["cluster"]["identity"]["oidc"]["issuer"]
            .as_str()
            .unwrap_or_else(|| panic!("no issuer in {r}"))
            .to_owned()
    }

    /// An IAM Query call with `body` (`Key=Value` pairs); returns the XML answer.
    pub fn iam(&self, body: &[&str]) -> String {
        crate::aws::raw_request(
            &format!("{}/", self.url),
            &self.auth_header("iam"),
            "application/x-www-form-urlencoded",
            &[&["Version=2010-05-08"][..], body].concat().join("&"),
        )
    }
}
