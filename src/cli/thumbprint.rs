//! `eksiam thumbprint ISSUER_URL`: print the SHA-1 thumbprint IAM stores for an OIDC issuer.

use super::GlobalArgs;
use crate::error::{CliError, ErrorKind};
use crate::thumbprint::{self, ProxySettings};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Print the thumbprint IAM stores for an OIDC issuer
///
/// The SHA-1 of the last certificate the issuer presents, as 40 lower-case hex characters.
/// The chain is verified against the system roots and `--ca-file`. Goes through the HTTP proxy
/// in `HTTPS_PROXY` (else `ALL_PROXY`), sending its `user:password@` as Basic credentials,
/// unless `NO_PROXY` names the host.
#[derive(Debug, Args)]
pub struct ThumbprintArgs {
    /// The issuer URL, e.g. `https://oidc.eks.us-west-2.amazonaws.com/id/ABC…`
    #[arg(value_name = "ISSUER_URL")]
    pub issuer: String,
    #[command(flatten)]
    pub tls: TlsArgs,
}

/// How to reach and trust an issuer.
#[derive(Debug, Args)]
pub struct TlsArgs {
    /// Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy's); `SSL_CERT_FILE`
    /// replaces the system roots, as in OpenSSL
    #[arg(long, value_name = "PEM", value_parser = super::utils::parse_readable_file)]
    pub ca_file: Option<PathBuf>,
    /// Give up on each network step (connect, proxy, TLS handshake) after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

impl TlsArgs {
    /// The thumbprint options, proxy settings from the environment.
    ///
    /// # Errors
    /// Invalid input when a proxy variable holds a URL eksiam cannot use.
    pub fn options(&self) -> Result<thumbprint::Options, CliError> {
        let proxy = ProxySettings::from_env().map_err(|e| CliError {
            kind: ErrorKind::InvalidInput,
            message: e.to_string(),
            hint: e.hint(),
            source: None,
        })?;
        Ok(thumbprint::Options {
            ca_file: self.ca_file.clone(),
            timeout: Duration::from_secs(self.timeout.max(1)),
            proxy,
        })
    }
}

/// Runs `thumbprint`.
///
/// # Errors
/// Invalid input (not https, bad CA file) or a network/TLS failure.
pub fn cmd_thumbprint(global: &GlobalArgs, args: ThumbprintArgs) -> Result<ExitCode, CliError> {
    let opts = args.tls.options()?;
    if global.verbose > 0
        && let Ok((host, port)) = thumbprint::parse_issuer(&args.issuer)
    {
        match opts.proxy.proxy_for(&host, port) {
            Some(p) => eprintln!(
                "reaching `{host}` through the proxy `{p}` (from `{}`)",
                p.variable()
            ),
            None => eprintln!("reaching `{host}` directly"),
        }
    }
    let t = super::runtime().block_on(crate::kinds::oidc_provider::live::fetch_thumbprint(
        &args.issuer,
        &opts,
    ))?;
    if let Some(w) = crate::kinds::oidc_provider::live::thumbprint_warning(&args.issuer, &t)
        && !global.quiet
    {
        eprintln!("warning: {w}");
    }
    super::print_stdout(&format!("{}\n", t.sha1_hex))?;
    Ok(ExitCode::SUCCESS)
}
