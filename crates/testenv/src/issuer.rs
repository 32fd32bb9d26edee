//! A TLS "OIDC issuer" with a generated root → intermediate → leaf chain, served on loopback
//! in two variants (full chain with the root, short chain ending at the intermediate), and an
//! HTTP CONNECT proxy, so thumbprints can be tested exactly as users behind proxies fetch them.

use crate::http;
use crate::process::Proc;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running issuer.
pub struct Issuer {
    /// Issuer URL whose server sends leaf, intermediate and root.
    pub full_chain_url: String,
    /// SHA-1 (hex) of the root, the last certificate the full-chain server sends.
    pub full_chain_thumbprint: String,
    /// Issuer URL whose server sends leaf and intermediate only.
    pub short_chain_url: String,
    /// SHA-1 (hex) of the intermediate, the last certificate the short-chain server sends.
    pub short_chain_thumbprint: String,
    dir: tempfile::TempDir,
    _proc: Proc,
}

impl Issuer {
    /// Generates a chain and starts both servers.
    pub fn start() -> Issuer {
        Issuer::start_with_hosts(&[])
    }

    /// Like [`Issuer::start`], with more DNS names in the leaf certificate (for example the
    /// issuer host moto reports, reached through [`ConnectProxy::start_with_routes`]).
    pub fn start_with_hosts(hosts: &[&str]) -> Issuer {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = Command::new(crate::bin("testtools"));
        cmd.arg("issuer").arg("--dir").arg(dir.path());
        for h in hosts {
            cmd.arg("--host").arg(h);
        }
        let (proc, hello) = Proc::spawn_announcing("issuer", cmd);
        let s = |k: &str| {
            hello[k]
                .as_str()
                .unwrap_or_else(|| panic!("issuer: no {k}"))
                .to_owned()
        };
        Issuer {
            full_chain_url: s("full"),
            full_chain_thumbprint: s("full_thumbprint"),
            short_chain_url: s("short"),
            short_chain_thumbprint: s("short_thumbprint"),
            dir,
            _proc: proc,
        }
    }

    /// PEM of the root CA (a `--ca-file` that makes the chain trusted).
    pub fn root_pem(&self) -> PathBuf {
        self.dir.path().join("root.pem")
    }

    /// The folder with root.pem, intermediate.pem, leaf.pem.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// A running HTTP CONNECT proxy.
pub struct ConnectProxy {
    /// The value for `HTTPS_PROXY`.
    pub url: String,
    _proc: Proc,
}

impl ConnectProxy {
    /// Starts the proxy.
    pub fn start() -> ConnectProxy {
        ConnectProxy::start_with_routes(&[])
    }

    /// Starts the proxy with tunnels for `HOST:PORT` sent to another address, as a proxy's
    /// DNS would route them.
    pub fn start_with_routes(routes: &[(&str, &str)]) -> ConnectProxy {
        ConnectProxy::spawn(routes, None)
    }

    /// Starts an authenticating proxy: a CONNECT without `Proxy-Authorization: Basic` for
    /// `user:password` gets `407 Proxy Authentication Required`. [`ConnectProxy::url`] carries
    /// no credentials; [`ConnectProxy::url_with`] adds some.
    pub fn start_with_auth(user: &str, password: &str) -> ConnectProxy {
        ConnectProxy::spawn(&[], Some(&format!("{user}:{password}")))
    }

    fn spawn(routes: &[(&str, &str)], auth: Option<&str>) -> ConnectProxy {
        let mut cmd = Command::new(crate::bin("testtools"));
        cmd.arg("connect-proxy");
        for (from, to) in routes {
            cmd.arg("--map").arg(format!("{from}={to}"));
        }
        if let Some(auth) = auth {
            cmd.arg("--auth").arg(auth);
        }
        let (proc, hello) = Proc::spawn_announcing("connect-proxy", cmd);
        ConnectProxy {
            url: hello["proxy"].as_str().expect("proxy URL").to_owned(),
            _proc: proc,
        }
    }

    /// The proxy URL with `userinfo@` (as written, e.g. `alice:s3cr3t`) before the host.
    pub fn url_with(&self, userinfo: &str) -> String {
        self.url
            .replacen("http://", &format!("http://{userinfo}@"), 1)
    }

    /// The `host:port` of every tunnel opened so far.
    pub fn tunnels(&self) -> Vec<String> {
        self.stats()["targets"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many CONNECTs were refused with 407 (missing or wrong credentials).
    pub fn denied(&self) -> u64 {
        self.stats()["denied"].as_u64().unwrap_or_default()
    }

    fn stats(&self) -> serde_json::Value {
        serde_json::from_str(&http::get(&format!("{}/stats", self.url))).expect("stats")
    }
}

/// The `host:port` of an `https://` URL.
pub fn host_port(url: &str) -> &str {
    url.trim_start_matches("https://")
        .split('/')
        .next()
        .unwrap_or_default()
}

/// SHA-1 (lower-case hex) of the last certificate the server at `url` presents, as
/// `openssl s_client -showcerts` and `openssl x509 -fingerprint -sha1` compute it: the
/// independent reference for thumbprint tests.
pub fn openssl_thumbprint(url: &str) -> String {
    let out = Command::new("openssl")
        .args(["s_client", "-showcerts", "-connect", host_port(url)])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run openssl s_client");
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text
        .rsplit("-----BEGIN CERTIFICATE-----")
        .next()
        .unwrap_or_default();
    let body = last
        .split("-----END CERTIFICATE-----")
        .next()
        .unwrap_or_default();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("top.pem");
    std::fs::write(
        &file,
        format!("-----BEGIN CERTIFICATE-----{body}-----END CERTIFICATE-----\n"),
    )
    .expect("write pem");
    let fp = Command::new("openssl")
        .args(["x509", "-noout", "-fingerprint", "-sha1", "-in"])
        .arg(&file)
        .output()
        .expect("run openssl x509");
    String::from_utf8_lossy(&fp.stdout)
        .trim()
        .rsplit('=')
        .next()
        .unwrap_or_default()
        .replace(':', "")
        .to_ascii_lowercase()
}
