//! A minimal HTTP/1.1 client for loopback control calls (moto's API, the proxy's admin API).
//! Plain HTTP only; one request per connection.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::time::Duration;

/// A response: status code and body.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

/// Sends one request to an `http://host:port/path` URL.
///
/// # Errors
/// When the server cannot be reached or answers something that is not HTTP.
pub fn request(
    method: &str,
    url: &str,
    content_type: &str,
    body: &str,
) -> std::io::Result<Response> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| std::io::Error::other(format!("not an http URL: {url}")))?;
    let (host, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let mut stream = TcpStream::connect(host)?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let (head, payload) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no HTTP header"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line in {head:?}")))?;
    let chunked = head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    });
    let body = if chunked {
        dechunk(payload)
    } else {
        payload.to_owned()
    };
    Ok(Response { status, body })
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// GET, returning the body; panics on failure or a non-2xx status (for test setup).
pub fn get(url: &str) -> String {
    let r = request("GET", url, "text/plain", "").unwrap_or_else(|e| panic!("GET {url}: {e}"));
    assert!(
        (200..300).contains(&r.status),
        "GET {url}: {} {}",
        r.status,
        r.body
    );
    r.body
}

/// POST a JSON body; panics on failure or a non-2xx status (for test setup).
pub fn post_json(url: &str, body: &str) -> String {
    let r = request("POST", url, "application/json", body)
        .unwrap_or_else(|e| panic!("POST {url}: {e}"));
    assert!(
        (200..300).contains(&r.status),
        "POST {url}: {} {}",
        r.status,
        r.body
    );
    r.body
}
