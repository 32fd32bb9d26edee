//! `scripts/sandbox`: a local AWS account (moto) with an EKS cluster, and a real Kubernetes
//! API server standing in for that cluster, so every eksiam command can be tried end to end
//! without an AWS account. Prints the environment to export; stops everything on Ctrl-C.

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use testenv::aws::Moto;
use testenv::kube::KubeServer;

static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, Ordering::SeqCst);
}

fn main() {
    let cluster = std::env::args().nth(1).unwrap_or_else(|| "sandbox".into());
    eprintln!("sandbox: starting moto, etcd and kube-apiserver …");
    let moto = Moto::start();
    let issuer = moto.create_cluster(&cluster);
    let kube = KubeServer::start();
    let env_file = testenv::repo_root().join(".cache/sandbox.env");
    let mut exports = String::new();
    for (k, v) in moto.env() {
        exports.push_str(&format!("export {k}='{v}'\n"));
    }
    exports.push_str(&format!(
        "export KUBECONFIG='{}'\n",
        kube.kubeconfig().display()
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
        "{exports}# EKS cluster `{cluster}` in moto ({region}), OIDC issuer {issuer}
# Kubernetes API server {url} (kubectl: {kubectl})
# In another shell: source {env}
# Then e.g.: eksiam plan -f examples/irsa-basic.yaml --offline
# Ctrl-C stops everything.
",
        region = moto.region,
        url = kube.url,
        kubectl = testenv::bin("kubectl").display(),
        env = env_file.display(),
    );
    let _ = out.flush();
    drop(out);
    while !STOP.load(Ordering::SeqCst) {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    eprintln!("sandbox: stopping");
    let _ = std::fs::remove_file(&env_file);
    drop(kube);
    drop(moto);
}
