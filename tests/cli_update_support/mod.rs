//! A real HTTP/1.1 server on 127.0.0.1 for the update tests: each path answers in a chosen
//! way (a body, a status, a truncated or endless body, a stall, a redirect), and every request
//! line is recorded, so the tests need no network.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread;

/// How the server answers one path.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with this body and its length.
    Body(Vec<u8>),
    /// This status with a short body.
    Status(u16),
    /// 200 announcing `announced` bytes, sending only `body`, then closing.
    Truncated { announced: u64, body: Vec<u8> },
    /// 200 with no length, sending this byte forever (until the client hangs up).
    Endless(u8),
    /// 200 announcing this many bytes and sending none.
    Announces(u64),
    /// Accept, read the request, never answer (until the client hangs up).
    Stall,
    /// 302 to this location.
    Redirect(String),
    /// As a proxy: tunnel a `CONNECT host:80` and answer the request inside it (or an
    /// absolute-form request) with this body; refuse a `CONNECT` to port 443 with 403.
    Proxy(Vec<u8>),
}

/// The running server; it lives until the test process ends.
pub struct Server {
    pub port: u16,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<Mutex<HashMap<String, Reply>>> = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let (r, q) = (routes.clone(), requests.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, q) = (r.clone(), q.clone());
                thread::spawn(move || serve(stream, &r, &q));
            }
        });
        Server {
            port,
            routes,
            requests,
        }
    }

    /// Answer `path` (e.g. `/api.json`) with `reply`.
    pub fn route(&self, path: &str, reply: Reply) -> &Server {
        self.routes.lock().unwrap().insert(path.to_string(), reply);
        self
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Every request line received so far (`GET /api.json HTTP/1.1`).
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, routes: &Mutex<HashMap<String, Reply>>, requests: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // The rest of the head; no request the client sends here has a body.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let request = line.trim_end().to_string();
    requests.lock().unwrap().push(request.clone());
    let target = request.split(' ').nth(1).unwrap_or("/").to_string();
    let proxy = routes.lock().unwrap().values().find_map(|r| match r {
        Reply::Proxy(body) => Some(body.clone()),
        _ => None,
    });
    let mut out = stream;
    if let Some(body) = proxy.filter(|_| request.starts_with("CONNECT ")) {
        if target.ends_with(":443") {
            let _ = out.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        let _ = out.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
        // The tunnelled request: record it and answer as the origin would.
        let mut inner = String::new();
        if reader.read_line(&mut inner).is_ok() {
            requests.lock().unwrap().push(inner.trim_end().to_string());
        }
        let mut header = String::new();
        while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
            header.clear();
        }
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = out
            .write_all(head.as_bytes())
            .and_then(|()| out.write_all(&body));
        return;
    }
    let reply = {
        let routes = routes.lock().unwrap();
        routes.get(&target).cloned().or_else(|| {
            // A proxy sees absolute-form targets.
            routes
                .values()
                .find(|r| matches!(r, Reply::Proxy(_)) && target.starts_with("http://"))
                .cloned()
        })
    };
    let head = |status: &str, length: Option<u64>| {
        let mut h = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
        if let Some(n) = length {
            h.push_str(&format!("Content-Length: {n}\r\n"));
        }
        h.push_str("\r\n");
        h
    };
    let _ = match reply {
        None => out.write_all(head("404 Not Found", Some(0)).as_bytes()),
        Some(Reply::Body(body) | Reply::Proxy(body)) => out
            .write_all(head("200 OK", Some(body.len() as u64)).as_bytes())
            .and_then(|()| out.write_all(&body)),
        Some(Reply::Status(code)) => {
            let text = format!("status {code}");
            out.write_all(head(&format!("{code} Whatever"), Some(text.len() as u64)).as_bytes())
                .and_then(|()| out.write_all(text.as_bytes()))
        }
        Some(Reply::Truncated { announced, body }) => out
            .write_all(head("200 OK", Some(announced)).as_bytes())
            .and_then(|()| out.write_all(&body)),
        Some(Reply::Announces(n)) => out.write_all(head("200 OK", Some(n)).as_bytes()),
        Some(Reply::Endless(byte)) => {
            let chunk = vec![byte; 256 * 1024];
            let mut r = out.write_all(head("200 OK", None).as_bytes());
            while r.is_ok() {
                r = out.write_all(&chunk);
            }
            r
        }
        Some(Reply::Stall) => {
            // Hold the connection until the client gives up.
            let mut sink = [0u8; 64];
            while matches!(reader.read(&mut sink), Ok(n) if n > 0) {}
            Ok(())
        }
        Some(Reply::Redirect(location)) => out.write_all(
            format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            .as_bytes(),
        ),
    };
    let _ = out.flush();
}

/// Run `tierwise` with `home` as its data directory and no proxy variables, unless `env`
/// sets some.
pub fn tierwise_in(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tierwise"));
    cmd.args(args).env("TIERWISE_HOME", home);
    for var in [
        "https_proxy",
        "HTTPS_PROXY",
        "http_proxy",
        "HTTP_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "no_proxy",
        "NO_PROXY",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the tierwise binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}
