use clap::Parser as _;
use eksiam::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    // One process-wide TLS crypto provider for rustls (the SDK's and the thumbprint's).
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // `--help` and `--version` succeed; every usage error is invalid input (exit 3).
            return if e.use_stderr() {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // A panic is a bug: report it as an internal error (exit 1), not with Rust's exit 101.
    std::panic::set_hook(Box::new(|info| {
        let what = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_owned(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_default(),
        };
        let at = info
            .location()
            .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        eprintln!(
            "{}",
            eksiam::error::CliError::internal(format!("panicked{at}: {what}")).render()
        );
    }));
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("{}", e.render());
            e.exit_code()
        }
        Err(_) => ExitCode::FAILURE,
    }
}
