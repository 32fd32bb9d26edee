//! ministack, a second AWS emulator, as the AWS account of a test: IAM, STS and EKS on
//! loopback. Unlike moto it gives every cluster its own OIDC issuer (its own URL, `http://…`
//! unless it serves TLS), implements EKS access entries and Pod Identity, and with `AUTH=true`
//! evaluates IAM policies, including the trust policy of `sts:AssumeRoleWithWebIdentity` with
//! a token's `iss`, `sub` and `aud`. It has no request recorder. Requests from the tests go
//! through curl, which speaks both http and https.

use crate::issuer::Issuer;
use crate::process::{Proc, wait_until};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// The account a ministack runs as unless told otherwise: moto's, so that suites run on both
/// emulators with the same assertions.
pub const ACCOUNT: &str = "123456789012";

/// A running ministack.
pub struct Ministack {
    /// `http://127.0.0.1:PORT`, or `https://…` when it serves TLS.
    pub url: String,
    /// The region the test's environment names.
    pub region: String,
    /// The account it runs as.
    pub account: String,
    /// The test chain it serves https with (and so its issuers), when it does.
    pub tls: Option<Issuer>,
    /// The port in the endpoint `DescribeCluster` reports for the first cluster (the next
    /// clusters get the ports after it): start an apiserver there to stand in for it.
    pub eks_port: u16,
    dir: tempfile::TempDir,
    _proc: Proc,
}

/// How to start ministack.
#[derive(Default, Clone, Copy)]
pub struct Options<'a> {
    /// `AUTH=true`: evaluate identity, boundary and trust policies (the root key is `test`).
    pub auth: bool,
    /// Serve https (and so https issuers) with a test chain of its own: the leaf and the
    /// intermediate, as the short chain of [`Issuer`] does.
    pub https: bool,
    /// The account to run as, instead of [`ACCOUNT`].
    pub account: Option<&'a str>,
}

impl Ministack {
    /// Starts ministack (IAM, STS, EKS; no policy evaluation, plain http) on a free port.
    pub fn start() -> Ministack {
        Ministack::start_with(&Options::default())
    }

    /// Starts ministack on a free port as `options` say.
    pub fn start_with(options: &Options) -> Ministack {
        crate::on_free_port("ministack", |port| Ministack::spawn(options, port))
    }

    /// Starts ministack once on `port`; `Err` with its log when it exits before it serves.
    fn spawn(options: &Options, port: u16) -> Result<Ministack, String> {
        let eks_port = crate::free_port();
        let dir = tempfile::tempdir().expect("temp dir");
        let region = "us-west-2";
        let account = options.account.unwrap_or(ACCOUNT);
        let mut cmd = Command::new(crate::venv_bin(
            "EKSIAM_MINISTACK",
            // Its own venv: it pins a botocore that moto's boto3 refuses.
            ".venv-ministack",
            "ministack",
        ));
        cmd.env("GATEWAY_PORT", port.to_string())
            .env("EKS_BASE_PORT", eks_port.to_string())
            .env("BIND_HOST", "127.0.0.1")
            .env("MINISTACK_HOST", "127.0.0.1")
            .env("SERVICES", "iam,sts,eks")
            .env("MINISTACK_ACCOUNT_ID", account)
            .env("MINISTACK_REGION", region)
            .env("LOG_LEVEL", "WARNING")
            .env("AUTH", if options.auth { "true" } else { "false" })
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("ministack.log")).expect("log file"));
        let tls = options.https.then(Issuer::start);
        if let Some(issuer) = &tls {
            let chain = dir.path().join("chain.pem");
            let read = |f: &str| std::fs::read_to_string(issuer.dir().join(f)).expect(f);
            std::fs::write(&chain, read("leaf.pem") + &read("intermediate.pem")).unwrap();
            cmd.env("USE_SSL", "1")
                .env("MINISTACK_SSL_CERT", &chain)
                .env("MINISTACK_SSL_KEY", issuer.dir().join("leaf.key"));
        }
        let scheme = if tls.is_some() { "https" } else { "http" };
        let proc = Proc::spawn("ministack", cmd);
        let url = format!("{scheme}://127.0.0.1:{port}");
        let ms = Ministack {
            url,
            region: region.into(),
            account: account.into(),
            tls,
            eks_port,
            dir,
            _proc: proc,
        };
        // Any HTTP answer means it is serving. Each probe is short, so that one hung while
        // the server starts (a loaded machine, many tests starting servers at once) does not
        // use up the whole wait; the process exiting is reported at once, with its log.
        let log = ms.dir.path().join("ministack.log");
        let mut ms = ms;
        let mut exited = None;
        wait_until("ministack", Duration::from_secs(180), || {
            if !ms._proc.running() {
                exited = Some(std::fs::read_to_string(&log).unwrap_or_default());
                return true;
            }
            let answered = ms
                .curl(&[
                    "--max-time",
                    "3",
                    "-o",
                    "/dev/null",
                    "-w",
                    "%{http_code}",
                    &format!("{}/", ms.url),
                ])
                .is_some_and(|code| code != "000");
            // An answer counts only while it runs: on a port it lost, another server answers.
            answered && ms._proc.running()
        });
        match exited {
            Some(log) => Err(log),
            None => Ok(ms),
        }
    }

    /// Runs curl with `args` (trusting the TLS root when there is one); its stdout, or `None`
    /// when it could not connect.
    fn curl(&self, args: &[&str]) -> Option<String> {
        let mut c = Command::new("curl");
        // A later `--max-time` in `args` overrides this one.
        c.args(["-s", "--max-time", "60"]);
        if let Some(root) = self.root_pem() {
            c.arg("--cacert").arg(root);
        }
        let out = c.args(args).output().expect("run curl");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (out.status.success() || !text.is_empty()).then_some(text)
    }

    /// A POST of `body` to `path` as the root caller of `service`; the answer's body.
    pub fn post(&self, service: &str, path: &str, content_type: &str, body: &str) -> String {
        self.curl(&[
            "-H",
            &format!("Authorization: {}", self.auth_header(service)),
            "-H",
            &format!("Content-Type: {content_type}"),
            "--data-binary",
            body,
            &format!("{}{path}", self.url),
        ])
        .unwrap_or_else(|| panic!("ministack did not answer POST {path}"))
    }

    /// A GET of `path` as the root caller of `service`; the answer's body.
    pub fn get(&self, service: &str, path: &str) -> String {
        self.curl(&[
            "-H",
            &format!("Authorization: {}", self.auth_header(service)),
            &format!("{}{path}", self.url),
        ])
        .unwrap_or_else(|| panic!("ministack did not answer GET {path}"))
    }

    /// An unsigned STS call (as `AssumeRoleWithWebIdentity` is): the answer's body.
    pub fn sts_unsigned(&self, params: &[(&str, &str)]) -> String {
        self.form(None, "2011-06-15", params)
    }

    /// A Query-protocol call (form-encoded `params`), signed for `service` as the root caller
    /// when given; the answer's body.
    fn form(&self, service: Option<&str>, version: &str, params: &[(&str, &str)]) -> String {
        let mut args = Vec::new();
        if let Some(service) = service {
            args.push("-H".to_owned());
            args.push(format!("Authorization: {}", self.auth_header(service)));
        }
        for (k, v) in [("Version", version)].iter().chain(params) {
            args.push("--data-urlencode".into());
            args.push(format!("{k}={v}"));
        }
        args.push(format!("{}/", self.url));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.curl(&args).expect("ministack did not answer")
    }

    /// The root that signs its serving chain, when it serves https.
    pub fn root_pem(&self) -> Option<PathBuf> {
        self.tls.as_ref().map(Issuer::root_pem)
    }

    /// The environment that points an AWS SDK at this ministack, as [`crate::aws::Moto::env`]
    /// (and, when it serves TLS, trusting its root through `SSL_CERT_FILE`).
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = crate::aws::sdk_env(&self.url, "test", &self.region, self.dir.path());
        if let Some(root) = self.root_pem() {
            env.push(("SSL_CERT_FILE".into(), root.display().to_string()));
        }
        env
    }

    /// The environment of [`Ministack::env`] with the endpoint replaced by `url` (a proxy in
    /// front of this ministack).
    pub fn env_via(&self, url: &str) -> Vec<(String, String)> {
        let mut env = self.env();
        for (k, v) in &mut env {
            if k == "AWS_ENDPOINT_URL" {
                *v = url.to_owned();
            }
        }
        env
    }

    /// A fault proxy in front of this ministack (over plain http, trusting its https): it
    /// records the calls made through it, which ministack does not (see
    /// [`crate::proxy::FaultProxy::calls_since`]). Point the SDK at it with [`Self::env_via`].
    pub fn recording_proxy(&self) -> crate::proxy::FaultProxy {
        crate::proxy::FaultProxy::start(&self.url, self.root_pem().as_deref(), None)
    }

    /// An `Authorization` header for `service` as the root caller (access key `test`).
    pub fn auth_header(&self, service: &str) -> String {
        format!(
            "AWS4-HMAC-SHA256 Credential=test/20260101/{}/{service}/aws4_request, SignedHeaders=host, Signature=0",
            self.region
        )
    }

    /// Creates an EKS cluster (and, the first time, the cluster role `AUTH` wants to exist);
    /// returns its OIDC issuer URL (its own, per cluster).
    pub fn create_cluster(&self, name: &str) -> String {
        let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
        let r = self.iam(&[
            ("Action", "CreateRole"),
            ("RoleName", "eks-cluster"),
            ("AssumeRolePolicyDocument", trust),
        ]);
        assert!(
            r.contains("CreateRoleResult") || r.contains("EntityAlreadyExists"),
            "CreateRole eks-cluster: {r}"
        );
        let body = serde_json::json!({
            "name": name,
            "roleArn": format!("arn:aws:iam::{}:role/eks-cluster", self.account),
            "resourcesVpcConfig": {"subnetIds": []},
        });
        let r = self.post("eks", "/clusters", "application/json", &body.to_string());
        let v: serde_json::Value = serde_json::from_str(&r).expect("CreateCluster JSON");
        v["cluster"]["identity"]["oidc"]["issuer"]
            .as_str()
            .unwrap_or_else(|| panic!("no issuer in {r}"))
            .to_owned()
    }

    /// An IAM Query call with `params` as the root caller; returns the XML answer.
    pub fn iam(&self, params: &[(&str, &str)]) -> String {
        self.form(Some("iam"), "2010-05-08", params)
    }
}

impl Ministack {
    /// Creates the IAM user `name` holding only `policy` (an inline identity policy) and an
    /// access key for it; returns the SDK environment that calls as that user (as
    /// [`Ministack::env`], with the user's key). Under `AUTH`, its calls are evaluated against
    /// the policy; the SDK signs them with the user's secret, which ministack checks.
    pub fn user_env(&self, name: &str, policy: &str) -> Vec<(String, String)> {
        let r = self.iam(&[("Action", "CreateUser"), ("UserName", name)]);
        assert!(r.contains("CreateUserResult"), "CreateUser {name}: {r}");
        self.set_user_policy(name, policy);
        let r = self.iam(&[("Action", "CreateAccessKey"), ("UserName", name)]);
        let field = |tag: &str| {
            r.split(&format!("<{tag}>"))
                .nth(1)
                .and_then(|rest| rest.split('<').next())
                .unwrap_or_else(|| panic!("no {tag} in CreateAccessKey answer: {r}"))
                .to_owned()
        };
        let (key, secret) = (field("AccessKeyId"), field("SecretAccessKey"));
        self.env()
            .into_iter()
            .map(|(k, v)| match k.as_str() {
                "AWS_ACCESS_KEY_ID" => (k, key.clone()),
                "AWS_SECRET_ACCESS_KEY" => (k, secret.clone()),
                _ => (k, v),
            })
            .collect()
    }

    /// Replaces the inline policy of the IAM user `name` (made by [`Ministack::user_env`]).
    pub fn set_user_policy(&self, name: &str, policy: &str) {
        let r = self.iam(&[
            ("Action", "PutUserPolicy"),
            ("UserName", name),
            ("PolicyName", "eksiam"),
            ("PolicyDocument", policy),
        ]);
        assert!(
            r.contains("PutUserPolicyResponse"),
            "PutUserPolicy {name}: {r}"
        );
    }
}
