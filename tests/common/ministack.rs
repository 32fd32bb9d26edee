//! Running eksiam against ministack, as the access-entry and Pod Identity suites do.

use std::process::{Command, Output};
use testenv::ministack::{Ministack, Options};

/// The command's stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// eksiam with ministack's SDK environment, its AWS calls sent to `aws_url` (ministack, or a
/// fault proxy in front of it).
pub fn eksiam(ms: &Ministack, aws_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eksiam"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(ms.env())
        .env("AWS_ENDPOINT_URL", aws_url)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run eksiam")
}

/// ministack over https: its clusters' issuers are https, as EKS's are (eksiam refuses others).
pub fn https() -> Ministack {
    Ministack::start_with(&Options {
        https: true,
        ..Options::default()
    })
}
