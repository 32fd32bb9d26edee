//! A live environment for end-to-end tests: an AWS emulator (moto, or ministack) with an EKS
//! cluster and a kube-apiserver, the real binary pointed at both, and readers of what it left
//! there. Suites that both emulators can run, run on both (see [`both!`]), so a difference
//! between the two shows up as a failing test.

use std::path::Path;
use std::process::{Command, Output};
use testenv::aws::{AwsCall, Moto};
use testenv::kube::KubeServer;
use testenv::ministack::{self, Ministack};
use testenv::proxy::FaultProxy;

/// The thumbprint given with `--thumbprint`, so applies need no TLS handshake.
pub const THUMBPRINT: &str = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

/// Which AWS emulator a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emulator {
    Moto,
    /// Over https with the test chain, so its issuers are https as EKS's are.
    Ministack,
}

enum Account {
    Moto(Moto),
    /// ministack records no calls: the binary reaches it through a proxy that does.
    Ministack(Box<Ministack>, FaultProxy),
}

/// An AWS emulator with a cluster named `prod`, a kube-apiserver, and a folder for files and
/// backups.
pub struct Env {
    account: Account,
    pub k: KubeServer,
    pub issuer: String,
    pub dir: tempfile::TempDir,
}

/// Runs a test function taking an [`Emulator`] once on each, as `NAME::moto` and
/// `NAME::ministack`.
#[macro_export]
macro_rules! both {
    ($name:ident) => {
        mod $name {
            #[test]
            fn moto() {
                super::$name($crate::common::live::Emulator::Moto)
            }
            #[test]
            fn ministack() {
                super::$name($crate::common::live::Emulator::Ministack)
            }
        }
    };
}

impl Env {
    /// moto, with a cluster named `prod`.
    pub fn new() -> Env {
        Env::on(Emulator::Moto)
    }

    /// `emulator`, with a cluster named `prod`.
    pub fn on(emulator: Emulator) -> Env {
        match emulator {
            Emulator::Moto => Env::with_account(Account::Moto(Moto::start())),
            Emulator::Ministack => Env::on_ministack(&ministack::Options::default()),
        }
    }

    /// ministack started with `options` (always over https), with a cluster named `prod`.
    /// With `auth`, it evaluates IAM policies: [`Env::ministack`] makes users to run as.
    pub fn on_ministack(options: &ministack::Options) -> Env {
        let ms = Ministack::start_with(&ministack::Options {
            https: true,
            ..*options
        });
        let proxy = ms.recording_proxy();
        Env::with_account(Account::Ministack(Box::new(ms), proxy))
    }

    fn with_account(account: Account) -> Env {
        let mut env = Env {
            account,
            k: KubeServer::start(),
            issuer: String::new(),
            dir: tempfile::tempdir().unwrap(),
        };
        env.issuer = env.create_cluster("prod");
        env
    }

    /// moto, for what only it has: its request recorder, or a fault proxy in front of it.
    ///
    /// # Panics
    /// On ministack.
    pub fn moto(&self) -> &Moto {
        self.recorder()
            .expect("this test needs moto (its recorder or the fault proxy)")
    }

    /// The ministack, for what only it has (users under `AUTH`).
    ///
    /// # Panics
    /// On moto.
    pub fn ministack(&self) -> &Ministack {
        match &self.account {
            Account::Ministack(ms, _) => ms,
            Account::Moto(_) => panic!("this test needs ministack"),
        }
    }

    /// moto's request recorder, when the test runs on moto (ministack has none).
    pub fn recorder(&self) -> Option<&Moto> {
        match &self.account {
            Account::Moto(m) => Some(m),
            Account::Ministack(..) => None,
        }
    }

    /// Creates another EKS cluster; returns its issuer.
    pub fn create_cluster(&self, name: &str) -> String {
        match &self.account {
            Account::Moto(m) => m.create_cluster(name),
            Account::Ministack(ms, _) => ms.create_cluster(name),
        }
    }

    /// The AWS account the emulator runs as.
    pub fn account_id(&self) -> &str {
        match &self.account {
            Account::Moto(_) => "123456789012",
            Account::Ministack(ms, _) => &ms.account,
        }
    }

    /// The SDK environment for the emulator, with its endpoint replaced by `aws_url` (a proxy
    /// in front of it) when given; on ministack, its recording proxy otherwise.
    pub fn aws_env(&self, aws_url: Option<&str>) -> Vec<(String, String)> {
        match (&self.account, aws_url) {
            (Account::Moto(m), Some(url)) => m.env_via(url),
            (Account::Moto(m), None) => m.env(),
            (Account::Ministack(ms, _), Some(url)) => ms.env_via(url),
            (Account::Ministack(ms, proxy), None) => ms.env_via(&proxy.url),
        }
    }

    /// The binary with `args`, reaching AWS at `aws_url` and the cluster through
    /// `kubeconfig` (the fault proxies' instead of the servers' own, say).
    pub fn command_via(&self, aws_url: &str, kubeconfig: &Path, args: &[&str]) -> Command {
        self.command(Some(aws_url), kubeconfig, args)
    }

    fn command(&self, aws_url: Option<&str>, kubeconfig: &Path, args: &[&str]) -> Command {
        let env = self.aws_env(aws_url);
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

    /// Runs the binary against the emulator and the kube-apiserver.
    pub fn eksiam(&self, args: &[&str]) -> Output {
        self.command(None, &self.k.kubeconfig(), args)
            .output()
            .expect("run eksiam")
    }

    /// Runs the binary against the emulator and the kube-apiserver as another AWS caller:
    /// the access key of `creds` (as [`Ministack::user_env`] returns them), the endpoint
    /// unchanged.
    pub fn eksiam_as(&self, creds: &[(String, String)], args: &[&str]) -> Output {
        let key = creds
            .iter()
            .filter(|(k, _)| k == "AWS_ACCESS_KEY_ID" || k == "AWS_SECRET_ACCESS_KEY");
        self.command(None, &self.k.kubeconfig(), args)
            .envs(key.map(|(k, v)| (k, v)))
            .output()
            .expect("run eksiam")
    }

    /// The binary with `args`, run as in a pod of the cluster: `KUBERNETES_SERVICE_HOST` and
    /// `_PORT` name the API server, and `token` and the cluster's CA are where the kubelet
    /// mounts them (`/var/run/secrets/kubernetes.io/serviceaccount`), in a mount namespace of
    /// its own (`unshare`, as root), so the host's `/run` is untouched.
    pub fn in_pod(&self, token: &str, args: &[String]) -> Command {
        let token_file = self.dir.path().join("pod-token");
        std::fs::write(&token_file, token.trim()).unwrap();
        let port = self.k.url.rsplit(':').next().unwrap().to_owned();
        let mount = "set -e; mount -t tmpfs tmpfs /run; d=/run/secrets/kubernetes.io/serviceaccount; \
             mkdir -p $d; cp \"$POD_TOKEN\" $d/token; cp \"$POD_CA\" $d/ca.crt; echo default > $d/namespace; \
             exec \"$@\"";
        let mut c = Command::new("unshare");
        c.args([
            "--mount",
            "sh",
            "-c",
            mount,
            "sh",
            env!("CARGO_BIN_EXE_eksiam"),
        ])
        .args(args)
        .env_clear()
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("POD_TOKEN", &token_file)
        .env("POD_CA", self.k.ca())
        .env("KUBERNETES_SERVICE_HOST", "127.0.0.1")
        .env("KUBERNETES_SERVICE_PORT", port)
        .envs(self.aws_env(None));
        c
    }

    /// Runs the binary as an identity bound only to the RBAC rules `eksiam rbac --command
    /// COMMAND` prints (applied by the admin), the name `ns` naming that identity's group.
    pub fn eksiam_bound_to_rbac_of(&self, command: &str, ns: &str, args: &[&str]) -> Output {
        let group = format!("system:serviceaccounts:{ns}");
        let rbac =
            crate::common::ok(&self.eksiam(&["rbac", "--command", command, "--group", &group]));
        self.k.apply_manifest(&format!("rbac-{ns}"), &rbac);
        let scoped = self.k.bare_identity(ns, "runner");
        let url = match &self.account {
            Account::Moto(m) => m.url.clone(),
            Account::Ministack(_, proxy) => proxy.url.clone(),
        };
        self.command(Some(&url), &scoped, args)
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

    /// A Query-protocol call to the emulator's `service` at API `version`; returns the XML
    /// answer.
    pub fn query(&self, service: &str, version: &str, body: &[&str]) -> String {
        let (url, auth, root) = match &self.account {
            Account::Moto(m) => (&m.url, m.auth_header(service), None),
            Account::Ministack(ms, _) => (&ms.url, ms.auth_header(service), ms.root_pem()),
        };
        let mut c = Command::new("curl");
        if let Some(root) = root {
            c.arg("--cacert").arg(root);
        }
        c.args([
            "-sf",
            "-XPOST",
            url,
            "-H",
            &format!("Authorization: {auth}"),
            "-d",
        ])
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
        eksiam::rules::policy::parse_document(enc).unwrap()
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

    /// Where the recording of AWS calls is now (moto's recorder, or the proxy in front of
    /// ministack), for [`Env::aws_calls_since`] and [`Env::mutating_aws`].
    pub fn aws_mark(&self) -> usize {
        match &self.account {
            Account::Moto(m) => m.mark(),
            Account::Ministack(_, proxy) => proxy.mark(),
        }
    }

    /// The AWS calls the binary made after `mark`, counted outside it on either emulator.
    pub fn aws_calls_since(&self, mark: usize) -> Vec<AwsCall> {
        match &self.account {
            Account::Moto(m) => m.calls_since(mark),
            Account::Ministack(_, proxy) => proxy.calls_since(mark),
        }
    }

    /// The actions of the mutating AWS calls made after `mark`, in order.
    pub fn mutating_aws(&self, mark: usize) -> Vec<String> {
        self.aws_calls_since(mark)
            .into_iter()
            .filter(AwsCall::is_mutating)
            .map(|c| c.action)
            .collect()
    }

    /// Asserts the binary made no AWS call since `aws` and no Kubernetes request since
    /// `kube` (bad input is refused before anything is reached).
    pub fn assert_nothing_called(&self, aws: usize, kube: testenv::kube::AuditMark) {
        assert_eq!(self.aws_calls_since(aws), Vec::new(), "AWS calls");
        let reqs: Vec<_> = self
            .k
            .requests_since(kube)
            .into_iter()
            .filter(|e| e.user == "eksiam-admin")
            .collect();
        assert!(reqs.is_empty(), "Kubernetes requests: {reqs:?}");
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
