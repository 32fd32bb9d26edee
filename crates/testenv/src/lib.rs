//! Test support shared by eksiam's integration tests, benchmarks and `scripts/sandbox`.
//!
//! Every part is a real server process on loopback: etcd + kube-apiserver built from the
//! upstream Go modules (`scripts/kube-binaries`), moto's server from the project's venv, and
//! the small `testtools` servers (fault/latency proxy, TLS issuer, CONNECT proxy). Processes
//! die with the test process, even when it panics or is killed.

pub mod aws;
pub mod http;
pub mod issuer;
pub mod kube;
pub mod ministack;
pub mod oracle;
pub mod process;
pub mod proxy;
pub mod sandbox;
pub mod workload;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The repository root.
pub fn repo_root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
    })
}

/// The folder holding kube-apiserver, kubectl, etcd, aws-auth-oracle and testtools.
///
/// `EKSIAM_TEST_BIN` names it when set (the test command sets it); otherwise
/// `scripts/kube-binaries` is run once, which builds the binaries or finds them in the cache.
pub fn bin_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        if let Some(dir) = std::env::var_os("EKSIAM_TEST_BIN") {
            return PathBuf::from(dir);
        }
        let out = std::process::Command::new(repo_root().join("scripts/kube-binaries"))
            .stderr(std::process::Stdio::inherit())
            .output()
            .expect("run scripts/kube-binaries");
        assert!(out.status.success(), "scripts/kube-binaries failed");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        PathBuf::from(
            text.lines()
                .last()
                .expect("bin dir on the last line")
                .trim(),
        )
    })
}

/// The path of one of the test binaries.
pub fn bin(name: &str) -> PathBuf {
    let p = bin_dir().join(name);
    assert!(
        p.exists(),
        "{} is missing: run scripts/kube-binaries",
        p.display()
    );
    p
}

/// A free TCP port on 127.0.0.1 (for servers that cannot pick their own). It is free when
/// chosen, not when the server binds it: start servers with [`on_free_port`].
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("bind a loopback port")
}

/// Starts a server that must be told its port: `start(port)` starts it on a port from
/// [`free_port`] and returns `Err(its log)` when it exits before it serves (a server of a test
/// running alongside took the port between its choice and the bind). Another port is tried,
/// up to three in all.
///
/// # Panics
/// When the server exits before serving on three ports, with its last log.
pub fn on_free_port<T>(what: &str, mut start: impl FnMut(u16) -> Result<T, String>) -> T {
    let mut last = String::new();
    for _ in 0..3 {
        match start(free_port()) {
            Ok(server) => return server,
            Err(log) => last = log,
        }
    }
    panic!("{what} exited before it served, on three ports; the last log:\n{last}")
}

/// An executable of one of the project's Python venvs: `$override_var` when set, else
/// `VENV/bin/NAME` under the repository (created by `scripts/test`).
///
/// # Panics
/// When the venv has not been created.
pub fn venv_bin(override_var: &str, venv: &str, name: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(override_var) {
        return PathBuf::from(p);
    }
    let p = repo_root().join(venv).join("bin").join(name);
    assert!(
        p.exists(),
        "{} is missing: run scripts/test, which creates the venv `{venv}`",
        p.display()
    );
    p
}
