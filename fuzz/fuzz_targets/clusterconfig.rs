//! The ClusterConfig loader on arbitrary text: it never panics, a refused file always has at
//! least one error, every position points inside the file, and an accepted file always yields
//! a desired state and a plan-ready config. Role naming also gets the text's first lines as
//! cluster, namespace and name directly (any UTF-8, not only what validation lets through):
//! a derived name is never longer than IAM allows and always the same for the same input.

#![no_main]

use eksiam::config::{self, diagnostic::Severity};
use eksiam::desired::Desired;
use eksiam::rules::naming;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\n');
    let (c, ns, n) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let role = naming::role_name(c, ns, n);
    assert!(role.len() <= naming::ROLE_NAME_MAX, "{role:?}");
    assert_eq!(role, naming::role_name(c, ns, n));
    let lines = config::yaml::lines(text).count() as u32;
    match config::load_str("fuzz.yaml", text.to_owned()) {
        Ok(loaded) => {
            assert!(
                loaded
                    .warnings
                    .iter()
                    .all(|d| d.severity == Severity::Warning)
            );
            let desired = Desired::from_config(&loaded.config, None);
            assert_eq!(desired.cluster, loaded.config.metadata.name.value);
        }
        Err(e) => {
            assert!(e.error_count() >= 1, "refused without an error: {e:?}");
            for d in &e.diagnostics {
                if let Some(p) = d.pos {
                    // The line after the last is where "unexpected end of file" points.
                    assert!(
                        p.line >= 1 && p.line <= lines + 1,
                        "{p:?} outside {lines} lines"
                    );
                    assert!(p.column >= 1, "{p:?}");
                }
            }
            let rendered = e.render();
            assert!(rendered.contains("nothing was changed"));
        }
    }
});
