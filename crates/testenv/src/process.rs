//! Child processes that never outlive the test process.
//!
//! Children are started with `PR_SET_PDEATHSIG` so the kernel kills them when their parent
//! goes away, even on a panic that aborts or a `kill -9` of the test binary. That signal fires
//! when the *thread* that forked exits, and test harnesses run tests on short-lived threads,
//! so every child is forked from one spawner thread that lives as long as the process.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt as _;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

type Job = (Command, Sender<std::io::Result<Child>>);

fn spawner() -> &'static Mutex<Sender<Job>> {
    static SPAWNER: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();
    SPAWNER.get_or_init(|| {
        let (tx, rx) = channel::<Job>();
        std::thread::Builder::new()
            .name("testenv-spawner".into())
            .spawn(move || {
                for (mut cmd, reply) in rx {
                    let _ = reply.send(cmd.spawn());
                }
                // Keep the thread alive while the process lives: children die with it.
                loop {
                    std::thread::park();
                }
            })
            .expect("start the spawner thread");
        Mutex::new(tx)
    })
}

/// A running child process, killed when dropped.
pub struct Proc {
    pub name: String,
    child: Child,
}

impl Proc {
    /// Starts `cmd` (stdin closed) so that it dies with this process.
    ///
    /// # Panics
    /// When the program cannot be started.
    pub fn spawn(name: &str, mut cmd: Command) -> Proc {
        cmd.stdin(Stdio::null());
        // SAFETY: prctl and getppid are async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let (tx, rx) = channel();
        spawner()
            .lock()
            .unwrap()
            .send((cmd, tx))
            .expect("spawner alive");
        let child = rx
            .recv()
            .expect("spawner reply")
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        Proc {
            name: name.to_owned(),
            child,
        }
    }

    /// Starts a server that prints one JSON line when it listens, and returns that line.
    pub fn spawn_announcing(name: &str, mut cmd: Command) -> (Proc, serde_json::Value) {
        cmd.stdout(Stdio::piped());
        let mut p = Proc::spawn(name, cmd);
        let stdout = p.child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let v = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("{name} announced {line:?}: {e}"));
        (p, v)
    }

    /// The process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `ready` every 100 ms, while `proc` runs, until it returns true; `Err` with the log
/// file `log` when the process exits first (an answer on its port is then another server's).
///
/// # Panics
/// On timeout, naming `what`.
pub fn wait_serving(
    what: &str,
    timeout: Duration,
    proc: &mut Proc,
    log: &std::path::Path,
    mut ready: impl FnMut() -> bool,
) -> Result<(), String> {
    let mut exited = false;
    wait_until(what, timeout, || {
        exited = !proc.running();
        exited || (ready() && proc.running())
    });
    if exited {
        return Err(std::fs::read_to_string(log).unwrap_or_default());
    }
    Ok(())
}

/// Polls `ready` every 100 ms until it returns true or `timeout` passes.
///
/// # Panics
/// On timeout, naming `what`.
pub fn wait_until(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < timeout,
            "{what} not ready after {timeout:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
