//! eksiam against ministack, the second AWS emulator (see `testenv::ministack`): what it does
//! differently from moto shows up here. Its clusters get per-cluster OIDC issuers served over
//! plain http unless it serves TLS, which eksiam must refuse before it writes anything.

mod common;

use std::process::{Command, Output};
use testenv::ministack::Ministack;

fn eksiam(ms: &Ministack, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eksiam"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(ms.env())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run eksiam")
}

#[test]
fn a_cluster_whose_issuer_is_not_https_is_refused_before_any_change() {
    let ms = Ministack::start();
    let issuer = ms.create_cluster("prod");
    assert!(issuer.starts_with("http://"), "{issuer}");
    let o = eksiam(
        &ms,
        &[
            "apply",
            "-f",
            "examples/irsa-basic.yaml",
            "--thumbprint",
            common::live::THUMBPRINT,
        ],
    );
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("the OIDC issuer `{issuer}` is not an https URL")),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // No provider and no role was made from it.
    let providers = ms.iam(&["Action=ListOpenIDConnectProviders"]);
    assert!(!providers.contains("<Arn>"), "{providers}");
    let roles = ms.iam(&["Action=ListRoles"]);
    assert!(!roles.contains("prod-backend"), "{roles}");
    // The association says the same.
    let o = eksiam(
        &ms,
        &[
            "utils",
            "associate-iam-oidc-provider",
            "--cluster",
            "prod",
            "--thumbprint",
            common::live::THUMBPRINT,
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    assert!(common::stderr(&o).contains("is not an https URL"));
}
