//! The dependency tree holds no crate with a known advisory and none that eksiam does not use.
//! Read from `Cargo.lock`, so a dependency that comes back through another crate fails too.

use std::collections::BTreeSet;

/// Crates that must not be in the tree, with why.
const REFUSED: &[(&str, &str)] = &[
    (
        "rustls-pemfile",
        "unmaintained (RUSTSEC-2025-0134); read PEM with rustls-pki-types' `PemObject`",
    ),
    ("anyhow", "unused: errors are typed (`thiserror`)"),
    ("serde_yaml", "deprecated; YAML is read with serde-saphyr"),
];

fn locked_packages() -> BTreeSet<String> {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"))
        .expect("Cargo.lock");
    lock.lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|n| n.trim_end_matches('"').to_owned())
        .collect()
}

#[test]
fn no_refused_crate_is_in_the_tree() {
    let packages = locked_packages();
    assert!(packages.contains("rustls"), "the lock file was read");
    let found: Vec<String> = REFUSED
        .iter()
        .filter(|(name, _)| packages.contains(*name))
        .map(|(name, why)| format!("{name}: {why}"))
        .collect();
    assert!(
        found.is_empty(),
        "refused crates in Cargo.lock:\n{}",
        found.join("\n")
    );
}
