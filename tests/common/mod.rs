//! Helpers shared by the integration tests that run the real binary.

// Each test binary uses some of these helpers.
#![allow(dead_code)]

pub mod live;
pub mod ministack;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

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

/// A command left running (`reconcile --watch`), its stdout and stderr kept in files; killed
/// when dropped.
pub struct Running {
    child: Child,
    out: PathBuf,
    err: PathBuf,
}

impl Running {
    /// Starts `cmd`, keeping its output as `DIR/NAME.out` and `DIR/NAME.err`.
    pub fn start(mut cmd: Command, dir: &Path, name: &str) -> Running {
        let out = dir.join(format!("{name}.out"));
        let err = dir.join(format!("{name}.err"));
        let child = cmd
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(std::fs::File::create(&err).unwrap())
            .stdin(Stdio::null())
            .spawn()
            .expect("start eksiam");
        Running { child, out, err }
    }

    /// stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.err).unwrap_or_default()
    }

    /// stdout so far.
    pub fn stdout(&self) -> String {
        std::fs::read_to_string(&self.out).unwrap_or_default()
    }

    /// Sends `signal` (`TERM`, `KILL`, …) and waits up to 20 s for the exit.
    pub fn signal(&mut self, signal: &str) -> ExitStatus {
        let sent = Command::new("kill")
            .args(["-s", signal, &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(sent.success(), "kill -s {signal}");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no exit 20 s after SIG{signal}; stderr:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
