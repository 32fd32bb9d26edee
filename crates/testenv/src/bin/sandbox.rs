//! `scripts/sandbox`: a local AWS account (ministack) with an EKS cluster, and a real
//! Kubernetes API server standing in for that cluster (see `testenv::sandbox`), so every
//! eksiam command can be tried end to end without an AWS account. Prints the environment to
//! export; stops everything on Ctrl-C.

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use testenv::sandbox::Sandbox;

static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, Ordering::SeqCst);
}

fn main() {
    let cluster = std::env::args().nth(1).unwrap_or_else(|| "prod".into());
    eprintln!("sandbox: starting ministack, etcd and kube-apiserver …");
    let sandbox = Sandbox::start(&cluster);
    let root = testenv::repo_root();
    let env_file = root.join(".cache/sandbox.env");
    let mut exports = String::new();
    for (k, v) in sandbox.env() {
        exports.push_str(&format!("export {k}='{v}'\n"));
    }
    // `eksiam` (the release build scripts/sandbox makes, as the README's quick start does)
    // and the kubectl that matches the API server.
    exports.push_str(&format!(
        "export PATH='{}:{}':\"$PATH\"\n",
        root.join("target/release").display(),
        testenv::bin_dir().display()
    ));
    std::fs::create_dir_all(env_file.parent().unwrap()).expect("create .cache");
    std::fs::write(&env_file, &exports).expect("write the env file");
    // SAFETY: the handler only stores to an atomic.
    unsafe {
        libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
    }
    let mut out = std::io::stdout().lock();
    let _ = write!(
        out,
        "{exports}# EKS cluster `{cluster}` in ministack ({region}), OIDC issuer {issuer}
# Kubernetes API server {url}, at the cluster's endpoint
# In another shell: source {env}
# Then e.g.: eksiam apply -f examples/irsa-basic.yaml
# Ctrl-C stops everything.
",
        region = sandbox.aws.region,
        issuer = sandbox.issuer,
        url = sandbox.kube.url,
        env = env_file.display(),
    );
    let _ = out.flush();
    drop(out);
    while !STOP.load(Ordering::SeqCst) {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    eprintln!("sandbox: stopping");
    let _ = std::fs::remove_file(&env_file);
    drop(sandbox);
    // etcd is shared by the process's API servers, and outlives them unless stopped.
    testenv::kube::stop_shared_etcd();
}
