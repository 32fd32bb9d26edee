//! A live environment for end-to-end tests: moto with an EKS cluster and a kube-apiserver,
//! the real binary pointed at both, and readers of what it left there.

use std::path::Path;
use std::process::{Command, Output};
use testenv::aws::Moto;
use testenv::kube::KubeServer;

/// The thumbprint given with `--thumbprint`, so applies need no TLS handshake.
pub const THUMBPRINT: &str = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

/// moto with a cluster named `prod`, a kube-apiserver, and a folder for files and backups.
pub struct Env {
    pub moto: Moto,
    pub k: KubeServer,
    pub issuer: String,
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        let moto = Moto::start();
        let issuer = moto.create_cluster("prod");
        Env {
            moto,
            k: KubeServer::start(),
            issuer,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The binary with `args`, reaching AWS at `aws_url` and the cluster through
    /// `kubeconfig` (the fault proxies' instead of the servers' own, say).
    pub fn command_via(&self, aws_url: &str, kubeconfig: &Path, args: &[&str]) -> Command {
        let env = self.moto.env_via(aws_url);
        let mut c = Command::new(env!("CARGO_BIN_EXE_eksiam"));
        c.args(args)
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .env_clear()
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("EKSIAM_BACKUP_DIR", self.dir.path())
            .envs(env.iter().map(|(k, v)| (k, v)))
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        c
    }

    /// Runs the binary against moto and the kube-apiserver.
    pub fn eksiam(&self, args: &[&str]) -> Output {
        self.command_via(&self.moto.url, &self.k.kubeconfig(), args)
            .output()
            .expect("run eksiam")
    }

    pub fn apply(&self, file: &str, extra: &[&str]) -> Output {
        let mut a = vec!["apply", "-f", file, "--thumbprint", THUMBPRINT];
        a.extend_from_slice(extra);
        self.eksiam(&a)
    }

    pub fn write(&self, name: &str, text: &str) -> String {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    }

    /// An IAM Query call to moto with `body` (`Key=Value` pairs); returns the XML answer.
    pub fn iam(&self, body: &[&str]) -> String {
        self.query("iam", "2010-05-08", body)
    }

    /// A Query-protocol call to moto's `service` at API `version`; returns the XML answer.
    pub fn query(&self, service: &str, version: &str, body: &[&str]) -> String {
        let auth = format!("Authorization: {}", self.moto.auth_header(service));
        let mut c = Command::new("curl");
        c.args(["-sf", "-XPOST", &self.moto.url, "-H", &auth, "-d"])
            .arg(format!("Version={version}"));
        for b in body {
            c.args(["--data-urlencode", b]);
        }
        let o = c.output().unwrap();
        assert!(
            o.status.success(),
            "{body:?}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// The role's trust policy as IAM returns it (URL-encoded), decoded.
    pub fn trust(&self, role: &str) -> serde_json::Value {
        let xml = self.iam(&["Action=GetRole", &format!("RoleName={role}")]);
        let enc = &testenv::aws::xml_values(&xml, "AssumeRolePolicyDocument")[0];
        eksiam::policy::parse_document(enc).unwrap()
    }

    pub fn sa(&self, ns: &str, name: &str) -> serde_json::Value {
        serde_json::from_str(&self.k.kubectl_ok(&[
            "-n",
            ns,
            "get",
            "serviceaccount",
            name,
            "-o",
            "json",
        ]))
        .unwrap()
    }

    pub fn mutating_aws(&self, mark: usize) -> Vec<String> {
        self.moto.mutating_since(mark)
    }

    pub fn kube_writes(&self, mark: testenv::kube::AuditMark) -> Vec<String> {
        self.k
            .requests_since(mark)
            .into_iter()
            .filter(|e| e.user == "eksiam-admin" && e.is_write())
            .map(|e| format!("{} {}/{}", e.verb, e.resource, e.name))
            .collect()
    }
}
