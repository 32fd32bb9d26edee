//! The OIDC issuer's certificate thumbprint: a TLS handshake to the issuer host (through an
//! HTTP CONNECT proxy when `HTTPS_PROXY` or `ALL_PROXY` says so, with Basic credentials from
//! the proxy URL), the chain verified against the system roots plus a custom CA bundle, and
//! the SHA-1 of the DER of the **last** certificate the server presents — what IAM stores for
//! the OIDC provider. Proxy and issuer URLs reach messages only as [`RedactedUrl`].

use crate::redact::RedactedUrl;
use http::HeaderValue;
use hyper_util::client::proxy::matcher::{Intercept, Matcher};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime, pem::PemObject as _};
use rustls::{ClientConfig, RootCertStore};
use sha1::{Digest as _, Sha1};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// How to reach and trust the issuer.
#[derive(Debug, Clone)]
pub struct Options {
    /// Extra trusted CAs (PEM), in addition to the system roots.
    pub ca_file: Option<PathBuf>,
    /// Bound on each network step (connect, proxy, handshake).
    pub timeout: Duration,
    /// The proxy settings (normally from the environment).
    pub proxy: ProxySettings,
}

/// The proxy variables, read once ([`ProxySettings::from_env`]) and resolved into what a
/// connection needs.
///
/// Which proxy, which hosts skip it, and the `Proxy-Authorization: Basic` value come from
/// hyper-util's [`Matcher`], which reads `NO_PROXY` by curl's rules (a name matches itself and
/// its subdomains, with or without a leading dot; `*`; IP addresses and CIDRs, IPv4 and IPv6;
/// any case) and percent-decodes the URL's `user:password@`. Three things it does not do are
/// done here: blanks separate entries as well as commas and a trailing dot is dropped (as curl
/// reads them); `host:port` entries exempt that port only (the matcher compares hosts, so there
/// is one matcher per such port); and a proxy URL it cannot use is an error, where the matcher
/// would drop it silently and eksiam would connect directly.
#[derive(Clone, Default)]
pub struct ProxySettings {
    /// `None` when no proxy variable is set.
    proxy: Option<Arc<Configured>>,
}

struct Configured {
    /// The proxy URL as written, masked.
    shown: RedactedUrl,
    /// The variable it came from (`HTTPS_PROXY`, `https_proxy`, `ALL_PROXY`, `all_proxy`).
    variable: &'static str,
    /// `NO_PROXY` as written, for `Debug`.
    no_proxy: String,
    /// The proxy with the `NO_PROXY` entries that name no port.
    any_port: Matcher,
    /// For each port a `host:port` entry names: the entries without a port plus that port's.
    by_port: Vec<(u16, Matcher)>,
}

impl std::fmt::Debug for ProxySettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("ProxySettings");
        if let Some(c) = &self.proxy {
            d.field("proxy", &c.shown)
                .field("variable", &c.variable)
                .field("no_proxy", &c.no_proxy);
        }
        d.finish()
    }
}

/// The variables that name the proxy, in the order they are read (curl's, upper case first).
const PROXY_VARIABLES: [&str; 4] = ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"];

impl ProxySettings {
    /// Reads `HTTPS_PROXY`/`https_proxy` (else `ALL_PROXY`/`all_proxy`) and
    /// `NO_PROXY`/`no_proxy` from the environment; empty values count as unset.
    ///
    /// # Errors
    /// [`ThumbprintError::ProxyUrl`] when the proxy URL is malformed or not `http://`.
    pub fn from_env() -> Result<ProxySettings, ThumbprintError> {
        ProxySettings::resolve(|name| std::env::var(name).ok())
    }

    /// Like [`ProxySettings::from_env`], with `var` in place of the environment.
    ///
    /// # Errors
    /// As [`ProxySettings::from_env`].
    pub fn resolve(var: impl Fn(&str) -> Option<String>) -> Result<ProxySettings, ThumbprintError> {
        let first = |names: &[&'static str]| {
            names
                .iter()
                .find_map(|&n| var(n).filter(|v| !v.is_empty()).map(|v| (n, v)))
        };
        let Some((variable, url)) = first(&PROXY_VARIABLES) else {
            return Ok(ProxySettings::default());
        };
        check_proxy_url(&url).map_err(|reason| ThumbprintError::ProxyUrl {
            variable,
            url: RedactedUrl::new(&url),
            reason,
        })?;
        let no_proxy = first(&["NO_PROXY", "no_proxy"])
            .map(|(_, v)| v)
            .unwrap_or_default();
        let (any_port, with_port) = split_no_proxy(&no_proxy);
        let matcher = |entries: &[&str]| {
            Matcher::builder()
                .https(url.as_str())
                .no(entries.join(","))
                .build()
        };
        let mut ports: Vec<u16> = with_port.iter().map(|&(_, p)| p).collect();
        ports.sort_unstable();
        ports.dedup();
        let by_port = ports
            .into_iter()
            .map(|port| {
                let mut entries = any_port.clone();
                entries.extend(with_port.iter().filter(|e| e.1 == port).map(|e| e.0));
                (port, matcher(&entries))
            })
            .collect();
        Ok(ProxySettings {
            proxy: Some(Arc::new(Configured {
                shown: RedactedUrl::new(&url),
                variable,
                any_port: matcher(&any_port),
                no_proxy,
                by_port,
            })),
        })
    }

    /// The proxy to reach `host:port` through, unless `NO_PROXY` exempts it.
    pub fn proxy_for(&self, host: &str, port: u16) -> Option<Proxy> {
        let c = self.proxy.as_deref()?;
        let matcher = c
            .by_port
            .iter()
            .find(|(p, _)| *p == port)
            .map_or(&c.any_port, |(_, m)| m);
        // A host that makes no URI cannot be reached either; the TLS step reports it.
        let dst: http::Uri = format!("https://{}/", authority(host, port)).parse().ok()?;
        let intercept = matcher.intercept(&dst)?;
        Some(Proxy {
            authority: authority(
                intercept.uri().host().unwrap_or_default(),
                intercept.uri().port_u16().unwrap_or(80),
            ),
            intercept,
            shown: c.shown.clone(),
            variable: c.variable,
        })
    }
}

/// `host:port`, with brackets around an IPv6 address.
fn authority(host: &str, port: u16) -> String {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// Why `url` cannot serve as the proxy, checked with the parser the matcher itself uses, so a
/// URL that passes here is one the matcher keeps.
fn check_proxy_url(url: &str) -> Result<(), &'static str> {
    let probe = Matcher::builder()
        .https(url)
        .build()
        .intercept(&http::Uri::from_static("https://probe.invalid/"))
        .ok_or("it is not a URL of the form `http://HOST:PORT`")?;
    let uri = probe.uri();
    match uri.scheme_str() {
        Some("http") => {}
        Some("https") => return Err("eksiam does not speak TLS to the proxy (`https://`)"),
        Some(s) if s.starts_with("socks") => return Err("eksiam does not support SOCKS proxies"),
        _ => return Err("the scheme is not `http://`"),
    }
    let authority = uri.authority().map(|a| a.as_str()).unwrap_or_default();
    let host = uri.host().unwrap_or_default();
    if host.is_empty() {
        return Err("it names no host");
    }
    if authority != host && uri.port_u16().is_none() {
        return Err("its port is not a number from 1 to 65535");
    }
    Ok(())
}

/// `NO_PROXY` entries as curl splits them (commas and blanks, a trailing dot dropped, IPv6
/// brackets dropped), those without a port apart from `host:port` ones.
fn split_no_proxy(list: &str) -> (Vec<&str>, Vec<(&str, u16)>) {
    let mut any_port = Vec::new();
    let mut with_port = Vec::new();
    for entry in list.split([',', ' ', '\t']) {
        let entry = entry.strip_suffix('.').unwrap_or(entry);
        if entry.is_empty() {
            continue;
        }
        let (host, port) = match entry.strip_prefix('[').and_then(|e| e.split_once(']')) {
            Some((ip, "")) => (ip, None),
            Some((ip, rest)) => (ip, rest.strip_prefix(':')),
            // One colon: `host:port`; more: an IPv6 address or CIDR.
            None => match entry.split_once(':') {
                Some((host, port)) if !port.contains(':') => (host, Some(port)),
                _ => (entry, None),
            },
        };
        match port.map(str::parse::<u16>) {
            None => any_port.push(host),
            Some(Ok(port)) => with_port.push((host, port)),
            // `host:junk` matches nothing in curl either.
            Some(Err(_)) => {}
        }
    }
    (any_port, with_port)
}

/// The proxy a connection goes through: where to connect, what credentials to send, and how
/// to name it in messages (masked).
#[derive(Clone)]
pub struct Proxy {
    intercept: Intercept,
    authority: String,
    shown: RedactedUrl,
    variable: &'static str,
}

impl Proxy {
    /// `host:port` of the proxy (port 80 when the URL names none).
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// The `Proxy-Authorization` value (`Basic …`, marked sensitive) when the URL has
    /// `user:password@`.
    pub fn basic_auth(&self) -> Option<&HeaderValue> {
        self.intercept.basic_auth()
    }

    /// The variable the proxy URL came from.
    pub fn variable(&self) -> &'static str {
        self.variable
    }

    fn host(&self) -> &str {
        self.intercept.uri().host().unwrap_or_default()
    }
}

impl std::fmt::Display for Proxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.shown.fmt(f)
    }
}

impl std::fmt::Debug for Proxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Proxy")
            .field("url", &self.shown)
            .field("variable", &self.variable)
            .finish_non_exhaustive()
    }
}

/// The result of a fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumbprint {
    /// 40 lower-case hex characters.
    pub sha1_hex: String,
    /// How many certificates the server sent.
    pub chain_len: usize,
    /// Whether the chain verifies against the system roots alone (false: it needed `--ca-file`,
    /// as behind a TLS-intercepting proxy).
    pub publicly_trusted: bool,
}

/// Why the thumbprint could not be fetched. Messages say what failed; hints what to do.
#[derive(Debug, thiserror::Error)]
pub enum ThumbprintError {
    #[error("`{0}` is not an https URL")]
    NotHttps(RedactedUrl),
    /// `https://user:password@…` as the issuer.
    #[error("the issuer URL `{0}` carries credentials; an OIDC issuer URL has none")]
    IssuerCredentials(RedactedUrl),
    /// A proxy variable that does not parse, or names an `https://` or SOCKS proxy.
    #[error("`{variable}` is not a proxy eksiam can use (`{url}`): {reason}")]
    ProxyUrl {
        variable: &'static str,
        url: RedactedUrl,
        reason: &'static str,
    },
    /// The proxy does not resolve, refuses the connection or does not answer in time.
    #[error("cannot reach the proxy `{proxy}` (from `{variable}`): {reason}")]
    ProxyUnreachable {
        proxy: RedactedUrl,
        variable: &'static str,
        reason: String,
    },
    /// The proxy answered the CONNECT with 407.
    #[error("the proxy `{proxy}` (from `{variable}`) {}: {status}", asks_or_refuses(.sent))]
    ProxyAuth {
        proxy: RedactedUrl,
        variable: &'static str,
        status: String,
        /// Whether the URL had credentials (so the proxy refused them).
        sent: bool,
    },
    #[error("cannot resolve `{host}`: {source}")]
    Dns {
        host: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot connect to `{addr}`: {source}")]
    Connect {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{step} with `{target}` timed out after {secs} s")]
    Timeout {
        step: &'static str,
        target: String,
        secs: u64,
    },
    #[error("the proxy `{proxy}` refused the tunnel to `{target}`: {status}")]
    Proxy {
        proxy: RedactedUrl,
        target: String,
        status: String,
    },
    #[error("the certificate chain of `{host}` is not trusted: {reason}")]
    Untrusted { host: String, reason: String },
    #[error("the TLS handshake with `{host}` failed: {reason}")]
    Handshake { host: String, reason: String },
    #[error("cannot read the CA bundle `{path}`: {reason}")]
    CaFile { path: String, reason: String },
}

/// How a 407 reads, by whether credentials were sent.
fn asks_or_refuses(sent: &bool) -> &'static str {
    if *sent {
        "refused the credentials"
    } else {
        "asks for credentials"
    }
}

impl ThumbprintError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            ThumbprintError::NotHttps(_) | ThumbprintError::IssuerCredentials(_) => {
                "give the issuer as `https://HOST/PATH`, as `aws eks describe-cluster` reports it".into()
            }
            ThumbprintError::ProxyUrl { variable, .. } => format!(
                "set `{variable}` to `http://[USER:PASSWORD@]HOST[:PORT]` (percent-encode `@`, `:` and `/` in the user name and password), or unset it"
            ),
            ThumbprintError::ProxyUnreachable { variable, .. } => format!(
                "check the proxy's host and port in `{variable}` (and `NO_PROXY`), or raise `--timeout`"
            ),
            ThumbprintError::ProxyAuth { variable, sent: false, .. } => format!(
                "put the proxy's credentials in its URL: `{variable}=http://USER:PASSWORD@HOST:PORT` (percent-encode `@`, `:` and `/` in them)"
            ),
            ThumbprintError::ProxyAuth { variable, sent: true, .. } => format!(
                "the proxy refused the user name and password in `{variable}`: check them, and percent-encode `@`, `:` and `/` in them (eksiam sends Basic credentials only)"
            ),
            ThumbprintError::Dns { .. } => {
                "check the issuer URL and your DNS; behind a proxy, set `HTTPS_PROXY`".into()
            }
            ThumbprintError::Connect { .. } | ThumbprintError::Timeout { .. } => {
                "check network access to the issuer; behind a proxy set `HTTPS_PROXY` (and `NO_PROXY`), or raise `--timeout`".into()
            }
            ThumbprintError::Proxy { .. } => "check `HTTPS_PROXY` and that the proxy allows CONNECT to port 443".into(),
            ThumbprintError::Untrusted { .. } => {
                "behind a TLS-inspecting proxy, pass its CA bundle with `--ca-file` (or `SSL_CERT_FILE`); or give `--thumbprint` explicitly".into()
            }
            ThumbprintError::Handshake { .. } => {
                "check that the URL's host and port serve HTTPS (an HTTP port, or a proxy that breaks TLS, fails this way)".into()
            }
            ThumbprintError::CaFile { .. } => "give a PEM file with one or more certificates".into(),
        })
    }

    /// Whether the error is the user's input rather than the network.
    pub fn is_invalid_input(&self) -> bool {
        matches!(
            self,
            ThumbprintError::NotHttps(_)
                | ThumbprintError::IssuerCredentials(_)
                | ThumbprintError::ProxyUrl { .. }
                | ThumbprintError::CaFile { .. }
        )
    }
}

/// `(host, port)` of an https issuer URL.
///
/// # Errors
/// [`ThumbprintError::IssuerCredentials`] for `user@` in the URL,
/// [`ThumbprintError::NotHttps`] for anything else.
pub fn parse_issuer(url: &str) -> Result<(String, u16), ThumbprintError> {
    let bad = || ThumbprintError::NotHttps(RedactedUrl::new(url));
    let rest = url.strip_prefix("https://").ok_or_else(bad)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(ThumbprintError::IssuerCredentials(RedactedUrl::new(url)));
    }
    if authority.is_empty() {
        return Err(bad());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || authority.starts_with('[') => {
            (h, p.parse::<u16>().map_err(|_| bad())?)
        }
        _ => (authority, 443),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() {
        return Err(bad());
    }
    Ok((host.to_owned(), port))
}

fn load_pem(path: &Path) -> Result<Vec<CertificateDer<'static>>, ThumbprintError> {
    let err = |reason: String| ThumbprintError::CaFile {
        path: path.display().to_string(),
        reason,
    };
    let data = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let certs: Vec<_> = CertificateDer::pem_slice_iter(&data)
        .collect::<Result<_, _>>()
        .map_err(|e| err(e.to_string()))?;
    if certs.is_empty() {
        return Err(err("no certificate in it".into()));
    }
    Ok(certs)
}

fn system_roots() -> RootCertStore {
    let mut roots = RootCertStore::empty();
    // Unreadable system certificates are skipped; a chain they would have trusted then fails
    // with an "untrusted" error that names `--ca-file`.
    let found = rustls_native_certs::load_native_certs();
    roots.add_parsable_certificates(found.certs);
    roots
}

async fn timed<T>(
    secs: Duration,
    step: &'static str,
    target: &str,
    fut: impl Future<Output = T>,
) -> Result<T, ThumbprintError> {
    tokio::time::timeout(secs, fut)
        .await
        .map_err(|_| ThumbprintError::Timeout {
            step,
            target: target.to_owned(),
            secs: secs.as_secs().max(1),
        })
}

async fn connect(addr: &str, host: &str, opts: &Options) -> Result<TcpStream, ThumbprintError> {
    let addrs: Vec<_> = timed(
        opts.timeout,
        "resolving the name",
        addr,
        tokio::net::lookup_host(addr),
    )
    .await?
    .map_err(|source| ThumbprintError::Dns {
        host: host.to_owned(),
        source,
    })?
    .collect();
    let mut last = None;
    for a in addrs {
        match timed(opts.timeout, "connecting", addr, TcpStream::connect(a)).await? {
            Ok(s) => return Ok(s),
            Err(e) => last = Some(e),
        }
    }
    Err(ThumbprintError::Connect {
        addr: addr.to_owned(),
        source: last.unwrap_or_else(|| std::io::Error::other("no address")),
    })
}

/// Opens a tunnel to `target` through an HTTP proxy, with the proxy's Basic credentials.
///
/// Hand-written rather than hyper-util's `Tunnel` connector: that one reports every refusal
/// but 407 as "unsuccessful", where users need the proxy's status line (`403 Forbidden`,
/// `502 Bad Gateway`) to act, and it folds DNS and connection failures into one error.
async fn tunnel(proxy: &Proxy, target: &str, opts: &Options) -> Result<TcpStream, ThumbprintError> {
    let mut stream = connect(proxy.authority(), proxy.host(), opts)
        .await
        .map_err(|e| ThumbprintError::ProxyUnreachable {
            proxy: proxy.shown.clone(),
            variable: proxy.variable,
            reason: e.to_string(),
        })?;
    let mut request = format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n").into_bytes();
    if let Some(auth) = proxy.basic_auth() {
        request.extend_from_slice(b"Proxy-Authorization: ");
        request.extend_from_slice(auth.as_bytes());
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"\r\n");
    let handshake = async {
        stream.write_all(&request).await?;
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
            if stream.read(&mut byte).await? == 0 {
                break;
            }
            head.push(byte[0]);
        }
        Ok::<_, std::io::Error>(head)
    };
    let head = timed(opts.timeout, "the proxy CONNECT", target, handshake)
        .await?
        .map_err(|source| ThumbprintError::Connect {
            addr: proxy.authority().to_owned(),
            source,
        })?;
    let text = String::from_utf8_lossy(&head);
    let status = text.lines().next().unwrap_or_default().to_owned();
    let status = if status.is_empty() {
        "no answer".to_owned()
    } else {
        status
    };
    match status.split_whitespace().nth(1) {
        Some("200") => Ok(stream),
        Some("407") => Err(ThumbprintError::ProxyAuth {
            proxy: proxy.shown.clone(),
            variable: proxy.variable,
            status,
            sent: proxy.basic_auth().is_some(),
        }),
        _ => Err(ThumbprintError::Proxy {
            proxy: proxy.shown.clone(),
            target: target.to_owned(),
            status,
        }),
    }
}

/// Fetches the thumbprint of `issuer_url`.
///
/// # Errors
/// A [`ThumbprintError`] for a bad URL, DNS, connection, proxy, timeout or TLS failure.
pub async fn fetch(issuer_url: &str, opts: &Options) -> Result<Thumbprint, ThumbprintError> {
    let (host, port) = parse_issuer(issuer_url)?;
    let system = system_roots();
    let mut roots = system.clone();
    if let Some(ca) = &opts.ca_file {
        roots.add_parsable_certificates(load_pem(ca)?);
    }
    let target = authority(&host, port);
    let tcp = match opts.proxy.proxy_for(&host, port) {
        Some(proxy) => tunnel(&proxy, &target, opts).await?,
        None => connect(&target, &host, opts).await?,
    };
    let config = ClientConfig::builder()
        .with_root_certificates(Arc::new(roots))
        .with_no_client_auth();
    let server_name = ServerName::try_from(host.clone())
        .map_err(|_| ThumbprintError::NotHttps(RedactedUrl::new(issuer_url)))?;
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let tls = timed(
        opts.timeout,
        "the TLS handshake",
        &target,
        connector.connect(server_name.clone(), tcp),
    )
    .await?
    .map_err(|e| classify_tls_error(&host, e))?;
    let chain: Vec<CertificateDer<'static>> = tls
        .get_ref()
        .1
        .peer_certificates()
        .map(|c| c.iter().map(|c| c.clone().into_owned()).collect())
        .unwrap_or_default();
    let top = chain.last().ok_or_else(|| ThumbprintError::Handshake {
        host: host.clone(),
        reason: "the server sent no certificate".into(),
    })?;
    let sha1_hex = Sha1::digest(top.as_ref())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let publicly_trusted = verifies_with(&system, &chain, &server_name);
    Ok(Thumbprint {
        sha1_hex,
        chain_len: chain.len(),
        publicly_trusted,
    })
}

fn verifies_with(
    roots: &RootCertStore,
    chain: &[CertificateDer<'static>],
    name: &ServerName<'static>,
) -> bool {
    let Ok(verifier) =
        rustls::client::WebPkiServerVerifier::builder(Arc::new(roots.clone())).build()
    else {
        return false;
    };
    let Some((leaf, rest)) = chain.split_first() else {
        return false;
    };
    use rustls::client::danger::ServerCertVerifier as _;
    verifier
        .verify_server_cert(leaf, rest, name, &[], UnixTime::now())
        .is_ok()
}

fn classify_tls_error(host: &str, e: std::io::Error) -> ThumbprintError {
    let reason = e.to_string();
    let tls = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>());
    match tls {
        Some(rustls::Error::InvalidCertificate(_)) => ThumbprintError::Untrusted {
            host: host.to_owned(),
            reason,
        },
        _ => ThumbprintError::Handshake {
            host: host.to_owned(),
            reason,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_urls() {
        assert_eq!(
            parse_issuer("https://oidc.eks.us-west-2.amazonaws.com/id/ABC").unwrap(),
            ("oidc.eks.us-west-2.amazonaws.com".into(), 443)
        );
        assert_eq!(
            parse_issuer("https://127.0.0.1:8443/id/X").unwrap(),
            ("127.0.0.1".into(), 8443)
        );
        assert_eq!(
            parse_issuer("https://[::1]:9/x").unwrap(),
            ("::1".into(), 9)
        );
        for bad in [
            "http://x/y",
            "oidc.example.com",
            "https://",
            "https://:443/",
            "https://h:notaport/",
        ] {
            assert!(
                matches!(parse_issuer(bad), Err(ThumbprintError::NotHttps(_))),
                "{bad}"
            );
        }
    }

    /// Settings from the given variables only, as `from_env` would read them.
    fn settings(vars: &[(&str, &str)]) -> ProxySettings {
        ProxySettings::resolve(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
        .unwrap()
    }

    fn proxied(s: &ProxySettings, host: &str, port: u16) -> bool {
        s.proxy_for(host, port).is_some()
    }

    #[test]
    fn no_proxy_as_curl_reads_it() {
        let s = settings(&[
            ("HTTPS_PROXY", "http://proxy:3128"),
            (
                "NO_PROXY",
                " localhost, .internal.example,example.org  corp.test,,trailing.example.,\
                 10.0.0.0/8,192.168.1.7,fd00::/8,::1,OIDC.Mixed.Example,\
                 127.0.0.1:8443,[2001:db8::1]:9443,other.test:8443",
            ),
        ]);
        for (host, port) in [
            ("oidc.eks.us-west-2.amazonaws.com", 443),
            ("localhost.example", 443),
            ("notinternal.example", 443),
            ("badexample.org", 443),
            ("11.0.0.1", 443),
            ("192.168.1.8", 443),
            ("fe80::1", 443),
            ("127.0.0.1", 443),
            ("2001:db8::1", 443),
            ("other.test", 443),
        ] {
            assert!(
                proxied(&s, host, port),
                "{host}:{port} goes through the proxy"
            );
        }
        for (host, port) in [
            // A name matches itself and its subdomains, with or without a leading dot.
            ("localhost", 443),
            ("a.internal.example", 443),
            ("internal.example", 443),
            ("example.org", 443),
            ("www.example.org", 8443),
            // Blanks separate entries too, as curl reads them.
            ("corp.test", 443),
            ("trailing.example", 443),
            // Addresses and CIDRs, IPv4 and IPv6.
            ("10.1.2.3", 443),
            ("192.168.1.7", 443),
            ("fd12::1", 443),
            ("::1", 443),
            // Case does not matter.
            ("oidc.mixed.example", 443),
            ("A.INTERNAL.EXAMPLE", 443),
            // `host:port` exempts that port only.
            ("127.0.0.1", 8443),
            ("2001:db8::1", 9443),
            ("other.test", 8443),
            ("a.other.test", 8443),
        ] {
            assert!(!proxied(&s, host, port), "{host}:{port} is exempt");
        }
        // `*` exempts everything.
        let all = settings(&[("HTTPS_PROXY", "http://proxy:3128"), ("no_proxy", "*")]);
        assert!(!proxied(&all, "anything.example", 443));
        // No proxy variable: nothing is proxied; an empty one counts as unset.
        assert!(!proxied(&settings(&[]), "x.example", 443));
        assert!(!proxied(
            &settings(&[("HTTPS_PROXY", "")]),
            "x.example",
            443
        ));
    }

    #[test]
    fn proxy_variables_and_their_precedence() {
        let via = |vars: &[(&str, &str)]| {
            settings(vars)
                .proxy_for("oidc.example", 443)
                .map(|p| (p.authority().to_owned(), p.variable()))
        };
        assert_eq!(
            via(&[("https_proxy", "http://lower:1")]),
            Some(("lower:1".into(), "https_proxy"))
        );
        assert_eq!(
            via(&[
                ("HTTPS_PROXY", "http://upper:1"),
                ("https_proxy", "http://lower:1")
            ]),
            Some(("upper:1".into(), "HTTPS_PROXY"))
        );
        // ALL_PROXY serves when no HTTPS_PROXY is set, as in curl.
        assert_eq!(
            via(&[("ALL_PROXY", "http://all:1")]),
            Some(("all:1".into(), "ALL_PROXY"))
        );
        assert_eq!(
            via(&[
                ("all_proxy", "http://all:1"),
                ("HTTPS_PROXY", "http://https:1")
            ]),
            Some(("https:1".into(), "HTTPS_PROXY"))
        );
        // No scheme means http; no port means 80; IPv6 keeps its brackets.
        assert_eq!(
            via(&[("HTTPS_PROXY", "proxy.corp:3128")]),
            Some(("proxy.corp:3128".into(), "HTTPS_PROXY"))
        );
        assert_eq!(
            via(&[("HTTPS_PROXY", "http://proxy.corp")]),
            Some(("proxy.corp:80".into(), "HTTPS_PROXY"))
        );
        assert_eq!(
            via(&[("HTTPS_PROXY", "http://[::1]:3128/")]),
            Some(("[::1]:3128".into(), "HTTPS_PROXY"))
        );
    }

    #[test]
    fn proxy_credentials_become_basic_auth_and_are_never_shown() {
        let s = settings(&[("HTTPS_PROXY", "http://alice:s3cr3t@127.0.0.1:9")]);
        let p = s.proxy_for("oidc.example", 443).unwrap();
        assert_eq!(p.authority(), "127.0.0.1:9");
        assert_eq!(
            p.basic_auth().unwrap().as_bytes(),
            b"Basic YWxpY2U6czNjcjN0" // alice:s3cr3t
        );
        assert_eq!(p.to_string(), "http://alice:****@127.0.0.1:9");
        assert!(!format!("{s:?} {p:?}").contains("s3cr3t"));
        // Percent-encoded user-info is decoded before encoding.
        let s = settings(&[("HTTPS_PROXY", "http://bob:p%40ss%20w%3Ard@proxy:3128")]);
        let p = s.proxy_for("oidc.example", 443).unwrap();
        assert_eq!(
            p.basic_auth().unwrap().as_bytes(),
            b"Basic Ym9iOnBAc3MgdzpyZA==" // bob:p@ss w:rd
        );
        assert_eq!(p.to_string(), "http://bob:****@proxy:3128");
        // No credentials, no header.
        let s = settings(&[("HTTPS_PROXY", "http://proxy:3128")]);
        assert!(
            s.proxy_for("oidc.example", 443)
                .unwrap()
                .basic_auth()
                .is_none()
        );
    }

    #[test]
    fn bad_proxy_urls_are_invalid_input_without_the_password() {
        for bad in [
            "http://alice:s3cr3t@[::1",
            "http://alice:s3cr3t@",
            "http://",
            "http://alice:s3cr3t@proxy:notaport",
            "socks5://alice:s3cr3t@127.0.0.1:1080",
            "https://alice:s3cr3t@127.0.0.1:3128",
            "ftp://proxy:21",
        ] {
            let e = ProxySettings::resolve(|name| (name == "HTTPS_PROXY").then(|| bad.to_owned()))
                .unwrap_err();
            assert!(e.is_invalid_input(), "{bad}: {e}");
            let shown = format!("{e} {} {e:?}", e.hint().unwrap_or_default());
            assert!(shown.contains("`HTTPS_PROXY`"), "{bad}: {shown}");
            assert!(!shown.contains("s3cr3t"), "{bad}: {shown}");
        }
    }

    #[test]
    fn issuer_urls_with_credentials_are_refused_and_redacted() {
        let e = parse_issuer("https://bob:hunter2@oidc.example.com/id/X").unwrap_err();
        assert!(e.is_invalid_input());
        let shown = format!("{e} {e:?}");
        assert!(
            shown.contains("https://bob:****@oidc.example.com/id/X"),
            "{shown}"
        );
        assert!(!shown.contains("hunter2"), "{shown}");
    }
}
