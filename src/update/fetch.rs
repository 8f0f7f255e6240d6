//! One HTTP(S) download with the limits `tierwise update` promises: a connect timeout, a total
//! timeout, a size cap counted on the decoded bytes (a small compressed answer cannot unpack
//! into gigabytes), redirects checked hop by hop against the address rules, the proxy chosen
//! from the environment, and a progress line. This is the only place the program opens a
//! network connection.

use super::address::{Address, Origin, ProxyEnv, check, join};
use super::progress::{Progress, megabytes};
use std::io::{self, Read};
use std::time::{Duration, Instant};
use ureq::Agent;

/// How long, how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// To open the connection (and the TLS session): a host that is down shows within this.
    pub connect: Duration,
    /// For the whole download, redirects included.
    pub total: Duration,
    /// The largest body accepted, in bytes after decompression.
    pub max_bytes: u64,
}

/// The default limits. models.dev's api.json is about 2.5 MB and LiteLLM's price map about
/// 3.5 MB (both in late 2026), so 64 MB leaves room for years of growth while refusing a
/// runaway answer; two minutes lets a slow link (1 Mbit/s) finish either file.
pub const DEFAULT_LIMITS: Limits = Limits {
    connect: Duration::from_secs(10),
    total: Duration::from_secs(120),
    max_bytes: 64 * 1024 * 1024,
};

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;

/// A finished download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The address the body finally came from (after redirects).
    pub from: String,
    pub body: Vec<u8>,
}

/// Fetch `address`. The error is one line naming the address and what went wrong.
pub fn fetch(
    label: &str,
    address: &Address,
    proxies: &ProxyEnv,
    limits: &Limits,
    progress: &mut dyn Progress,
) -> Result<Fetched, String> {
    let deadline = Instant::now() + limits.total;
    let mut current = address.clone();
    let fail = |current: &Address, what: String| {
        if current.text == address.text {
            format!("{}: {what}", address.text)
        } else {
            format!("{} (redirected to {}): {what}", address.text, current.text)
        }
    };
    for _ in 0..=MAX_REDIRECTS {
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(fail(&current, timed_out(limits)));
        }
        let agent =
            agent_for(&current, proxies, limits, remaining).map_err(|e| fail(&current, e))?;
        let response = agent
            .get(&current.text)
            .call()
            .map_err(|e| fail(&current, describe_call(&e, &current, limits)))?;
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| {
                    fail(
                        &current,
                        format!("redirect {} without a location", status.as_u16()),
                    )
                })?;
            let next = join(&current.text, location);
            current = check(
                &next,
                Origin::Redirect {
                    from_https: current.https,
                },
            )
            .map_err(|e| fail(&current, e))?;
            continue;
        }
        if status.as_u16() != 200 {
            return Err(fail(
                &current,
                format!(
                    "the server answered {} {}",
                    status.as_u16(),
                    status.canonical_reason().unwrap_or("")
                )
                .trim_end()
                .to_string(),
            ));
        }
        let body = read_body(label, &current, response, limits, progress)
            .map_err(|e| fail(&current, e))?;
        return Ok(Fetched {
            from: current.text,
            body,
        });
    }
    Err(fail(
        &current,
        format!("more than {MAX_REDIRECTS} redirects"),
    ))
}

fn agent_for(
    address: &Address,
    proxies: &ProxyEnv,
    limits: &Limits,
    remaining: Duration,
) -> Result<Agent, String> {
    let proxy = match proxies.proxy_for(address) {
        Some(p) => Some(
            ureq::Proxy::new(p)
                .map_err(|e| format!("the proxy address {p:?} is not usable ({e})"))?,
        ),
        None => None,
    };
    let config = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .https_only(address.https)
        .proxy(proxy)
        .timeout_connect(Some(limits.connect.min(remaining)))
        .timeout_global(Some(remaining))
        .user_agent(concat!("tierwise/", env!("CARGO_PKG_VERSION")))
        .build();
    Ok(config.new_agent())
}

fn read_body(
    label: &str,
    address: &Address,
    response: ureq::http::Response<ureq::Body>,
    limits: &Limits,
    progress: &mut dyn Progress,
) -> Result<Vec<u8>, String> {
    let cap = limits.max_bytes;
    // A compressed answer's length says nothing about the decoded size.
    let encoded = response.headers().contains_key("content-encoding");
    let announced = response.body().content_length().filter(|_| !encoded);
    if let Some(n) = announced
        && n > cap
    {
        return Err(over_cap(n, cap));
    }
    progress.start(label, &address.text, announced);
    let mut reader = response.into_body().into_reader();
    let mut body = Vec::with_capacity(announced.unwrap_or(0).min(cap) as usize);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                progress.finish(None);
                return Err(describe_io(&e, limits));
            }
        };
        if (body.len() + n) as u64 > cap {
            progress.finish(None);
            return Err(over_cap((body.len() + n) as u64, cap));
        }
        body.extend_from_slice(&chunk[..n]);
        progress.advance(body.len() as u64);
    }
    progress.finish(Some(body.len() as u64));
    Ok(body)
}

fn over_cap(seen: u64, cap: u64) -> String {
    format!(
        "the answer is larger than the {} cap ({} or more)",
        megabytes(cap),
        megabytes(seen)
    )
}

fn timed_out(limits: &Limits) -> String {
    format!(
        "no complete answer within {} s (the total timeout)",
        limits.total.as_secs()
    )
}

/// An error before the answer's head arrived: a cut connection here is no truncated body.
fn describe_call(e: &ureq::Error, address: &Address, limits: &Limits) -> String {
    let cut = match e {
        ureq::Error::Io(io) => io.kind() == io::ErrorKind::UnexpectedEof,
        _ => false,
    };
    match (cut, address.https) {
        (true, true) => {
            "the connection closed before an answer (is the server speaking TLS?)".into()
        }
        (true, false) => "the connection closed before an answer".into(),
        _ => describe(e, limits),
    }
}

fn describe(e: &ureq::Error, limits: &Limits) -> String {
    use ureq::Error as E;
    use ureq::Timeout as T;
    match e {
        E::Timeout(T::Connect) => format!(
            "no connection within {} s (the connect timeout)",
            limits.connect.as_secs()
        ),
        E::Timeout(T::Resolve) => "the host name did not resolve in time".to_string(),
        E::Timeout(_) => timed_out(limits),
        E::HostNotFound => "host not found (no such name, or no network)".to_string(),
        E::Io(io) => describe_io(io, limits),
        E::Protocol(p) => format!("not a valid HTTP answer ({p})"),
        E::Tls(m) => format!("TLS failed ({m})"),
        E::Rustls(r) => format!("TLS failed ({r})"),
        E::ConnectProxyFailed(m) => format!("the proxy refused the connection ({m})"),
        E::InvalidProxyUrl => "the proxy address is not usable".to_string(),
        other => other.to_string(),
    }
}

fn describe_io(e: &io::Error, limits: &Limits) -> String {
    if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
        return describe(inner, limits);
    }
    match e.kind() {
        io::ErrorKind::ConnectionRefused => "connection refused (nothing listens there)".into(),
        io::ErrorKind::ConnectionReset => "the connection was reset".into(),
        io::ErrorKind::UnexpectedEof => {
            "the answer ended early (truncated: fewer bytes than announced)".into()
        }
        io::ErrorKind::TimedOut => timed_out(limits),
        // getaddrinfo's failures carry no kind of their own.
        _ if e.to_string().contains("lookup address") => {
            format!("host not found (no such name, or no network: {e})")
        }
        _ => e.to_string(),
    }
}
