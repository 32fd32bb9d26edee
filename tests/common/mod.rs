//! Helpers shared by the integration tests that run the real binary.

// Each test binary uses some of these helpers.
#![allow(dead_code)]

pub mod live;
pub mod ministack;

use std::process::Output;

/// Asserts the command succeeded (showing both streams when it did not); returns stdout.
pub fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The command's stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The arguments of `eksiam create iamidentitymapping` for a role or user of cluster `prod`.
pub fn create_mapping_args<'a>(arn: &'a str, user: &'a str, groups: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec![
        "create",
        "iamidentitymapping",
        "--cluster",
        "prod",
        "--arn",
        arn,
        "--username",
        user,
    ];
    for g in groups {
        a.extend(["--group", g]);
    }
    a
}
