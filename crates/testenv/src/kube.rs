//! A real Kubernetes API server for tests: etcd + kube-apiserver built from the upstream Go
//! modules, on loopback, with bearer-token auth, RBAC, and an audit log of every request.
//!
//! One etcd serves the whole test process; each [`KubeServer`] is its own kube-apiserver with
//! its own `--etcd-prefix`, so servers never see each other's objects. Use
//! [`KubeServer::shared`] with a namespace per test, and [`KubeServer::start`] for tests that
//! need a cluster of their own (for instance everything that edits `kube-system/aws-auth`).

use crate::process::{Proc, wait_serving, wait_until};
use crate::proxy::FaultProxy;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The admin identity's bearer token (member of `system:masters`).
pub const ADMIN_TOKEN: &str = "eksiam-test-admin-token";

struct Etcd {
    url: String,
    dir: PathBuf,
    proc: std::sync::Mutex<Option<Proc>>,
}

/// This process's etcd, once started.
static ETCD: OnceLock<Etcd> = OnceLock::new();

fn etcd() -> &'static Etcd {
    ETCD.get_or_init(|| {
        sweep_etcd_dirs();
        crate::on_free_port("etcd", |client| try_etcd(client, crate::free_port()))
    })
}

/// The prefix of the etcd folders in the temporary directory: `eksiam-etcd-PID`.
const ETCD_DIR_PREFIX: &str = "eksiam-etcd-";

/// This process's etcd folder. The etcd of a process lives in a static, which is never
/// dropped, so its folder outlives the process: [`sweep_etcd_dirs`] removes those of
/// processes that are gone, and [`stop_shared_etcd`] this one's.
fn etcd_dir() -> PathBuf {
    std::env::temp_dir().join(format!("{ETCD_DIR_PREFIX}{}", std::process::id()))
}

/// Removes the etcd folders of processes that no longer run (a test run that ended, a
/// sandbox stopped before this cleanup existed, a `kill -9`).
fn sweep_etcd_dirs() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(ETCD_DIR_PREFIX)) else {
            continue;
        };
        if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Stops this process's etcd, if it started one, and removes its folder (the sandbox, on
/// Ctrl-C). The API servers that used it stop working.
pub fn stop_shared_etcd() {
    let Some(etcd) = ETCD.get() else {
        return;
    };
    drop(
        etcd.proc
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take(),
    );
    let _ = std::fs::remove_dir_all(&etcd.dir);
}

/// Starts etcd on `client` and `peer` in [`etcd_dir`]; its log when it exits before it
/// serves.
fn try_etcd(client: u16, peer: u16) -> Result<Etcd, String> {
    let dir = etcd_dir();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("etcd folder");
    let url = format!("http://127.0.0.1:{client}");
    let peer_url = format!("http://127.0.0.1:{peer}");
    let mut cmd = Command::new(crate::bin("etcd"));
    cmd.arg("--data-dir")
        .arg(dir.join("data"))
        .args([
            "--listen-client-urls",
            &url,
            "--advertise-client-urls",
            &url,
        ])
        .args([
            "--listen-peer-urls",
            &peer_url,
            "--initial-advertise-peer-urls",
            &peer_url,
        ])
        .args(["--initial-cluster", &format!("default={peer_url}")])
        .args([
            "--log-level",
            "error",
            "--quota-backend-bytes",
            "4294967296",
        ])
        // Tests do not need durability: skip fsync, which is slow on shared disks.
        .arg("--unsafe-no-fsync")
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(dir.join("etcd.log")).expect("log"));
    let mut proc = Proc::spawn("etcd", cmd);
    let log = dir.join("etcd.log");
    wait_serving("etcd", Duration::from_secs(60), &mut proc, &log, || {
        crate::http::request("GET", &format!("{url}/health"), "text/plain", "")
            .is_ok_and(|r| r.body.contains("true"))
    })?;
    Ok(Etcd {
        url,
        dir,
        proc: std::sync::Mutex::new(Some(proc)),
    })
}

/// A running kube-apiserver.
pub struct KubeServer {
    /// `https://127.0.0.1:PORT`.
    pub url: String,
    dir: tempfile::TempDir,
    _proc: Proc,
}

/// One request from the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// `get`, `list`, `create`, `update`, `patch`, `delete`, `watch`, …
    pub verb: String,
    /// `configmaps`, `serviceaccounts`, … (empty for non-resource URLs such as `/readyz`).
    pub resource: String,
    pub namespace: String,
    pub name: String,
    pub uri: String,
    pub user: String,
    pub code: u16,
}

impl AuditEvent {
    /// Whether the request changes something.
    pub fn is_write(&self) -> bool {
        ["create", "update", "patch", "delete", "deletecollection"].contains(&self.verb.as_str())
    }
}

/// A position in the audit log; see [`KubeServer::requests_since`].
#[derive(Debug, Clone, Copy)]
pub struct AuditMark(usize);

/// An RBAC rule for [`KubeServer::identity`].
#[derive(Debug, Clone)]
pub struct Rule {
    pub api_groups: Vec<String>,
    pub resources: Vec<String>,
    pub verbs: Vec<String>,
}

impl Rule {
    /// A rule on core (`""`) resources.
    pub fn core(resources: &[&str], verbs: &[&str]) -> Rule {
        Rule {
            api_groups: vec![String::new()],
            resources: resources.iter().map(|s| (*s).to_owned()).collect(),
            verbs: verbs.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

const AUDIT_POLICY: &str = "apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
  - level: Metadata
";

impl KubeServer {
    /// The apiserver shared by the tests of this process (give each test its own namespace).
    pub fn shared() -> &'static KubeServer {
        static SHARED: OnceLock<KubeServer> = OnceLock::new();
        SHARED.get_or_init(KubeServer::start)
    }

    /// Starts a kube-apiserver of its own, on a fresh etcd prefix, and waits until it is ready.
    pub fn start() -> KubeServer {
        KubeServer::start_with_issuer("https://kubernetes.default.svc")
    }

    /// Like [`KubeServer::start`], minting ServiceAccount tokens with `issuer` as their `iss`
    /// (a cluster's OIDC issuer as EKS reports it, so AWS can be asked to trust them).
    pub fn start_with_issuer(issuer: &str) -> KubeServer {
        crate::on_free_port("kube-apiserver", |port| {
            KubeServer::try_start_at(issuer, port, &[])
        })
    }

    /// Like [`KubeServer::start_with_issuer`], serving on `port` (the endpoint an emulated
    /// `DescribeCluster` reports, say).
    pub fn start_at(issuer: &str, port: u16) -> KubeServer {
        KubeServer::start_at_with(issuer, port, &[])
    }

    /// Like [`KubeServer::start_at`], with more kube-apiserver flags (a token webhook, say).
    pub fn start_at_with(issuer: &str, port: u16, flags: &[String]) -> KubeServer {
        KubeServer::try_start_at(issuer, port, flags)
            .unwrap_or_else(|log| panic!("kube-apiserver exited before it was ready:\n{log}"))
    }

    /// Starts the server on `port` with more `flags`; its log when it exits before it is
    /// ready (the port was taken, say).
    fn try_start_at(issuer: &str, port: u16, flags: &[String]) -> Result<KubeServer, String> {
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        let etcd = etcd();
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        let status = Command::new(crate::bin("testtools"))
            .arg("certs")
            .arg("--dir")
            .arg(d)
            .status()
            .expect("testtools certs");
        assert!(status.success(), "testtools certs failed");
        std::fs::write(
            d.join("tokens.csv"),
            format!("{ADMIN_TOKEN},eksiam-admin,eksiam-admin,\"system:masters\"\n"),
        )
        .unwrap();
        std::fs::write(d.join("audit-policy.yaml"), AUDIT_POLICY).unwrap();
        let prefix = format!(
            "/eksiam-test-{}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::SeqCst)
        );
        let p = |name: &str| d.join(name).display().to_string();
        let mut cmd = Command::new(crate::bin("kube-apiserver"));
        cmd.args([
            format!("--etcd-servers={}", etcd.url),
            format!("--etcd-prefix={prefix}"),
            "--bind-address=127.0.0.1".into(),
            "--advertise-address=127.0.0.1".into(),
            format!("--secure-port={port}"),
            format!("--cert-dir={}", p("certs")),
            format!("--tls-cert-file={}", p("server.crt")),
            format!("--tls-private-key-file={}", p("server.key")),
            format!("--token-auth-file={}", p("tokens.csv")),
            "--authorization-mode=RBAC".into(),
            "--anonymous-auth=false".into(),
            format!("--service-account-key-file={}", p("sa.pub")),
            format!("--service-account-signing-key-file={}", p("sa.key")),
            format!("--service-account-issuer={issuer}"),
            "--service-cluster-ip-range=10.96.0.0/16".into(),
            format!("--audit-policy-file={}", p("audit-policy.yaml")),
            format!("--audit-log-path={}", p("audit.log")),
            "--audit-log-mode=blocking".into(),
            "--enable-priority-and-fairness=false".into(),
            "--v=0".into(),
        ])
        .args(flags)
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(d.join("apiserver.log")).expect("log"));
        let proc = Proc::spawn("kube-apiserver", cmd);
        let mut server = KubeServer {
            url: format!("https://127.0.0.1:{port}"),
            dir,
            _proc: proc,
        };
        server.write_kubeconfig(&server.kubeconfig(), &server.url, ADMIN_TOKEN);
        let log = server.dir.path().join("apiserver.log");
        let kubeconfig = server.kubeconfig();
        let ready = || {
            Command::new(crate::bin("kubectl"))
                .arg("--kubeconfig")
                .arg(&kubeconfig)
                .args(["get", "--raw", "/readyz"])
                .output()
                .is_ok_and(|o| o.stdout.starts_with(b"ok"))
        };
        let what = "kube-apiserver /readyz";
        wait_serving(
            what,
            Duration::from_secs(120),
            &mut server._proc,
            &log,
            ready,
        )?;
        // Namespaces such as kube-system appear shortly after readiness.
        wait_until("kube-system namespace", Duration::from_secs(60), || {
            server
                .kubectl(&["get", "namespace", "kube-system"])
                .status
                .success()
        });
        Ok(server)
    }

    /// The folder of this server's files (certificates, logs, kubeconfigs).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The admin kubeconfig.
    pub fn kubeconfig(&self) -> PathBuf {
        self.dir.path().join("kubeconfig")
    }

    /// The admin identity as a `kube::Config`, for tests that use the kube crate directly.
    ///
    /// # Panics
    /// When the kubeconfig cannot be read (it was written by [`KubeServer::start`]).
    pub async fn kube_config(&self) -> kube::Config {
        let file = kube::config::Kubeconfig::read_from(self.kubeconfig()).expect("read kubeconfig");
        kube::Config::from_custom_kubeconfig(file, &kube::config::KubeConfigOptions::default())
            .await
            .expect("kube::Config from the kubeconfig")
    }

    /// The CA that signs the serving certificate.
    pub fn ca(&self) -> PathBuf {
        self.dir.path().join("ca.crt")
    }

    /// That CA as EKS's `DescribeCluster` gives it (`certificateAuthority.data`: the PEM,
    /// base64-encoded).
    pub fn ca_data(&self) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(std::fs::read(self.ca()).expect("CA"))
    }

    fn write_kubeconfig(&self, path: &Path, server: &str, token: &str) {
        let text = format!(
            "apiVersion: v1
kind: Config
clusters:
- name: test
  cluster:
    server: {server}
    certificate-authority: {ca}
users:
- name: test
  user:
    token: {token}
contexts:
- name: test
  context:
    cluster: test
    user: test
current-context: test
",
            ca = self.ca().display()
        );
        std::fs::write(path, text).expect("write kubeconfig");
    }

    /// Runs the built kubectl as the admin.
    pub fn kubectl(&self, args: &[&str]) -> Output {
        self.kubectl_as(&self.kubeconfig(), args)
    }

    /// Runs the built kubectl with another kubeconfig.
    pub fn kubectl_as(&self, kubeconfig: &Path, args: &[&str]) -> Output {
        Command::new(crate::bin("kubectl"))
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .args(args)
            .output()
            .expect("run kubectl")
    }

    /// Runs kubectl as the admin and returns its stdout; panics when it fails.
    pub fn kubectl_ok(&self, args: &[&str]) -> String {
        let out = self.kubectl(args);
        assert!(
            out.status.success(),
            "kubectl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// A kubeconfig for a new identity (a ServiceAccount in `kube-system` with a token) that may
    /// do only what `rules` allow, cluster-wide.
    pub fn identity(&self, name: &str, rules: &[Rule]) -> PathBuf {
        let rules_yaml: String = rules
            .iter()
            .map(|r| {
                format!(
                    "- apiGroups: {:?}\n  resources: {:?}\n  verbs: {:?}\n",
                    r.api_groups, r.resources, r.verbs
                )
            })
            .collect();
        let manifest = format!(
            "apiVersion: v1
kind: ServiceAccount
metadata: {{name: {name}, namespace: kube-system}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {{name: {name}}}
rules:
{rules_yaml}---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {{name: {name}}}
roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: {name}}}
subjects:
- {{kind: ServiceAccount, name: {name}, namespace: kube-system}}
"
        );
        self.apply_manifest(&format!("{name}.rbac"), &manifest);
        let token = self.kubectl_ok(&[
            "-n",
            "kube-system",
            "create",
            "token",
            name,
            "--duration=24h",
        ]);
        let path = self.dir.path().join(format!("{name}.kubeconfig"));
        self.write_kubeconfig(&path, &self.url, token.trim());
        path
    }

    /// Creates namespace `name` annotated with `annotations` (`KEY=VALUE`), as its owner or
    /// the platform would with kubectl.
    pub fn namespace(&self, name: &str, annotations: &[&str]) {
        self.kubectl_ok(&["create", "namespace", name]);
        if !annotations.is_empty() {
            let mut args = vec!["annotate", "namespace", name];
            args.extend_from_slice(annotations);
            self.kubectl_ok(&args);
        }
    }

    /// `kubectl apply` of a manifest, kept in the server's folder as `NAME.yaml`.
    pub fn apply_manifest(&self, name: &str, manifest: &str) {
        let file = self.dir.path().join(format!("{name}.yaml"));
        std::fs::write(&file, manifest).unwrap();
        self.kubectl_ok(&["apply", "-f", file.to_str().unwrap()]);
    }

    /// `kube-system/aws-auth` as kubectl prints it in `format` (`json`, `yaml`).
    pub fn aws_auth(&self, format: &str) -> String {
        self.kubectl_ok(&[
            "-n",
            "kube-system",
            "get",
            "configmap",
            "aws-auth",
            "-o",
            format,
        ])
    }

    /// A fault/latency proxy in front of this server (TLS, same CA) and an admin kubeconfig
    /// that goes through it.
    pub fn proxied(&self) -> (FaultProxy, PathBuf) {
        let d = self.dir.path();
        let proxy = FaultProxy::start(
            &self.url,
            Some(&self.ca()),
            Some((&d.join("server.crt"), &d.join("server.key"))),
        );
        let path = d.join(format!(
            "proxied-{}.kubeconfig",
            proxy.url.rsplit(':').next().unwrap_or("0")
        ));
        self.write_kubeconfig(&path, &proxy.url, ADMIN_TOKEN);
        (proxy, path)
    }

    fn audit_events(&self) -> Vec<AuditEvent> {
        let text = std::fs::read_to_string(self.dir.path().join("audit.log")).unwrap_or_default();
        text.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["stage"] == "ResponseComplete" || v["stage"] == "Panic")
            .map(|v| {
                let s = |x: &serde_json::Value| x.as_str().unwrap_or_default().to_owned();
                AuditEvent {
                    verb: s(&v["verb"]),
                    resource: s(&v["objectRef"]["resource"]),
                    namespace: s(&v["objectRef"]["namespace"]),
                    name: s(&v["objectRef"]["name"]),
                    uri: s(&v["requestURI"]),
                    user: s(&v["user"]["username"]),
                    code: v["responseStatus"]["code"].as_u64().unwrap_or(0) as u16,
                }
            })
            .collect()
    }

    /// Marks the current end of the audit log.
    pub fn audit_mark(&self) -> AuditMark {
        AuditMark(self.audit_events().len())
    }

    /// The requests completed after `mark`, in order.
    pub fn requests_since(&self, mark: AuditMark) -> Vec<AuditEvent> {
        self.audit_events().into_iter().skip(mark.0).collect()
    }

    /// Counts requests by `(verb, resource)`.
    pub fn count(events: &[AuditEvent]) -> BTreeMap<(String, String), usize> {
        let mut m = BTreeMap::new();
        for e in events {
            *m.entry((e.verb.clone(), e.resource.clone())).or_insert(0) += 1;
        }
        m
    }
}

impl KubeServer {
    /// A kubeconfig for a new ServiceAccount `name` in namespace `ns` (both made when missing)
    /// that holds no permission of its own: bind rules to it, or to its group
    /// `system:serviceaccounts:NS`, to grant them.
    pub fn bare_identity(&self, ns: &str, name: &str) -> PathBuf {
        let _ = self.kubectl(&["create", "namespace", ns]);
        let _ = self.kubectl(&["-n", ns, "create", "serviceaccount", name]);
        let token = self.kubectl_ok(&["-n", ns, "create", "token", name, "--duration=24h"]);
        let path = self.dir.path().join(format!("{ns}-{name}.kubeconfig"));
        self.write_kubeconfig(&path, &self.url, token.trim());
        path
    }
}
