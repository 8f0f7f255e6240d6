//! Which addresses `tierwise update` may fetch from, and through which proxy.
//!
//! HTTPS by default. Plain `http://` is accepted for the loopback (a local mirror, the tests)
//! and for an address the user typed on the command line (a mirror inside a closed network);
//! a redirect may never go from HTTPS to plain HTTP, nor to plain HTTP off the loopback.
//! Proxies follow curl's conventions: `https_proxy`/`HTTPS_PROXY` for HTTPS, `http_proxy` for
//! HTTP, `all_proxy`/`ALL_PROXY` for either, `no_proxy`/`NO_PROXY` for the exceptions; the
//! loopback is never proxied (a proxy cannot reach this machine's own loopback).

use std::net::IpAddr;
use ureq::http::Uri;

/// Where an address came from, which decides whether plain HTTP is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A built-in default: HTTPS only.
    Default,
    /// Typed by the user: plain HTTP is their choice.
    CommandLine,
    /// A server's redirect: plain HTTP only to the loopback, and never down from HTTPS.
    Redirect { from_https: bool },
}

/// A checked address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The address as given, for messages.
    pub text: String,
    pub https: bool,
    /// Lower-case host without brackets.
    pub host: String,
}

impl Address {
    pub fn is_loopback(&self) -> bool {
        is_loopback_host(&self.host)
    }
}

fn is_loopback_host(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Check `text` as an address to fetch from `origin`; the error says what is wrong.
pub fn check(text: &str, origin: Origin) -> Result<Address, String> {
    if !text.contains("://") && !text.chars().any(char::is_whitespace) {
        return Err(format!("{text}: no scheme; use https://..."));
    }
    let uri: Uri = text
        .parse()
        .map_err(|e| format!("{text}: not a web address ({e})"))?;
    let https = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        Some(other) => {
            return Err(format!(
                "{text}: scheme {other:?} is not supported; use https:// (or http:// for a mirror)"
            ));
        }
        None => return Err(format!("{text}: no scheme; use https://...")),
    };
    let authority = uri.authority().ok_or_else(|| format!("{text}: no host"))?;
    if authority.as_str().contains('@') {
        return Err(format!(
            "{text}: user names and passwords in the address are not supported"
        ));
    }
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    if host.is_empty() {
        return Err(format!("{text}: no host"));
    }
    let address = Address {
        text: text.to_string(),
        https,
        host,
    };
    if !https {
        match origin {
            Origin::Default if !address.is_loopback() => {
                return Err(format!("{text}: plain http is not allowed; use https://"));
            }
            Origin::Redirect { from_https: true } => {
                return Err(format!("{text}: redirect from https to plain http refused"));
            }
            Origin::Redirect { from_https: false } if !address.is_loopback() => {
                return Err(format!(
                    "{text}: redirect to plain http off this machine refused"
                ));
            }
            _ => {}
        }
    }
    Ok(address)
}

/// Resolve a `Location` header against the address it answered.
pub fn join(base: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_string();
    }
    let Ok(uri) = base.parse::<Uri>() else {
        return location.to_string();
    };
    let origin = format!(
        "{}://{}",
        uri.scheme_str().unwrap_or("https"),
        uri.authority().map_or("", |a| a.as_str())
    );
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{}://{rest}", uri.scheme_str().unwrap_or("https"));
    }
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    let path = uri.path();
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    format!("{origin}{dir}{location}")
}

/// The proxy variables, read once so the choice can be tested without touching the
/// environment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxyEnv {
    pub https: Option<String>,
    pub http: Option<String>,
    pub all: Option<String>,
    pub no_proxy: Option<String>,
}

impl ProxyEnv {
    /// The process's variables. Upper-case `HTTP_PROXY` is ignored, as curl does: some
    /// environments let a request header set it.
    pub fn from_env() -> ProxyEnv {
        let var = |names: &[&str]| {
            names
                .iter()
                .filter_map(|n| std::env::var(n).ok())
                .find(|v| !v.trim().is_empty())
        };
        ProxyEnv {
            https: var(&["https_proxy", "HTTPS_PROXY"]),
            http: var(&["http_proxy"]),
            all: var(&["all_proxy", "ALL_PROXY"]),
            no_proxy: var(&["no_proxy", "NO_PROXY"]),
        }
    }

    /// The proxy to use for `address`, if any.
    pub fn proxy_for(&self, address: &Address) -> Option<&str> {
        if address.is_loopback() || self.excluded(&address.host) {
            return None;
        }
        let specific = if address.https {
            &self.https
        } else {
            &self.http
        };
        specific.as_deref().or(self.all.as_deref()).map(str::trim)
    }

    /// Whether `host` matches an entry of `no_proxy`: `*` for all, otherwise the host itself
    /// or any name under it (`example.com` and `.example.com` both cover `a.example.com`); a
    /// `:port` on an entry is ignored.
    fn excluded(&self, host: &str) -> bool {
        let Some(list) = &self.no_proxy else {
            return false;
        };
        list.split([',', ' '])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .any(|entry| {
                if entry == "*" {
                    return true;
                }
                let entry = strip_port(entry)
                    .trim_start_matches("*.")
                    .trim_start_matches('.');
                let entry = entry.trim_start_matches('[').trim_end_matches(']');
                let entry = entry.to_ascii_lowercase();
                host == entry || host.ends_with(&format!(".{entry}"))
            })
    }
}

fn strip_port(entry: &str) -> &str {
    if entry.starts_with('[') {
        return entry.split(']').next().unwrap_or(entry);
    }
    match entry.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') && port.chars().all(|c| c.is_ascii_digit()) => {
            host
        }
        _ => entry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_the_default_and_http_needs_a_reason() {
        assert!(check("https://models.dev/api.json", Origin::Default).is_ok());
        let err = check("http://models.dev/api.json", Origin::Default).unwrap_err();
        assert!(err.contains("plain http is not allowed"), "{err}");
        assert!(check("http://127.0.0.1:8080/a.json", Origin::Default).is_ok());
        assert!(check("http://[::1]:8080/a.json", Origin::Default).is_ok());
        assert!(check("http://localhost/a.json", Origin::Default).is_ok());
        assert!(check("http://mirror.internal/a.json", Origin::CommandLine).is_ok());
    }

    #[test]
    fn bad_addresses_are_named() {
        for (text, want) in [
            ("ftp://x/a", "scheme \"ftp\" is not supported"),
            ("models.dev/api.json", "no scheme"),
            ("https://user:pw@x/a", "passwords"),
            ("not an address", "not a web address"),
        ] {
            let err = check(text, Origin::CommandLine).unwrap_err();
            assert!(err.starts_with(text), "{err}");
            assert!(err.contains(want), "{text}: {err}");
        }
    }

    #[test]
    fn redirects_never_downgrade() {
        let down = Origin::Redirect { from_https: true };
        assert!(check("http://127.0.0.1/a", down).is_err());
        assert!(check("https://elsewhere/a", down).is_ok());
        let plain = Origin::Redirect { from_https: false };
        assert!(check("http://127.0.0.1/b", plain).is_ok());
        assert!(check("http://example.com/b", plain).is_err());
    }

    #[test]
    fn locations_resolve_against_the_base() {
        let base = "http://127.0.0.1:9/dir/file.json";
        assert_eq!(join(base, "/x.json"), "http://127.0.0.1:9/x.json");
        assert_eq!(join(base, "y.json"), "http://127.0.0.1:9/dir/y.json");
        assert_eq!(join(base, "https://a/b"), "https://a/b");
        assert_eq!(join(base, "//h/p"), "http://h/p");
    }

    #[test]
    fn proxies_follow_the_scheme_and_the_exceptions() {
        let env = ProxyEnv {
            https: Some("http://proxy:3128".into()),
            http: None,
            all: Some("http://all:1".into()),
            no_proxy: Some("internal.example, .corp:8080,[::2]".into()),
        };
        let addr = |t: &str| check(t, Origin::CommandLine).unwrap();
        assert_eq!(
            env.proxy_for(&addr("https://models.dev/api.json")),
            Some("http://proxy:3128")
        );
        assert_eq!(
            env.proxy_for(&addr("http://mirror.example/a")),
            Some("http://all:1")
        );
        assert_eq!(env.proxy_for(&addr("https://internal.example/a")), None);
        assert_eq!(env.proxy_for(&addr("https://a.internal.example/a")), None);
        assert_eq!(env.proxy_for(&addr("https://x.corp/a")), None);
        assert_eq!(env.proxy_for(&addr("https://[::2]/a")), None);
        assert!(
            env.proxy_for(&addr("https://notinternal.example/a"))
                .is_some()
        );
        assert_eq!(env.proxy_for(&addr("http://127.0.0.1:1/a")), None);
        let all = ProxyEnv {
            no_proxy: Some("*".into()),
            ..env
        };
        assert_eq!(all.proxy_for(&addr("https://models.dev/a")), None);
    }
}
