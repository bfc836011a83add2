//! `archive serve DIR`: a tiny local static server, for reading a built explorer (`dist/`)
//! offline from a folder. Browsers refuse `fetch` from `file://`, so an archive whose data is
//! fetched in chunks needs an `http://` origin; this is the smallest one that is safe to leave
//! running on a laptop.
//!
//! - Binds to loopback only (`127.0.0.1`), so nothing outside the machine can read the files.
//! - `GET` and `HEAD`; a path maps to a file under `DIR`, `/` and folders to `index.html`.
//!   Paths with `..`, backslashes or NUL bytes are refused; percent-escapes are decoded first.
//! - Content types for what an explorer build holds (HTML, JS, wasm, CSS, JSON, images,
//!   web manifest, binary chunks). `wasm` must be `application/wasm` for streaming compilation.
//! - One thread per connection, `Connection: close`: enough for one reader.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// The content type for a file name.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file under `root` that a request path names, or `None` when the path tries to leave
/// `root` or is malformed. Does not touch the file system.
pub fn resolve(root: &Path, request_path: &str) -> Option<PathBuf> {
    let path = request_path.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    if decoded.contains(['\\', '\0']) || !decoded.starts_with('/') {
        return None;
    }
    let mut out = root.to_path_buf();
    for c in Path::new(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

/// Serves `root` on `127.0.0.1:port` (0: any free port) until the process ends; calls `ready`
/// with the bound address first.
pub fn serve(root: &Path, port: u16, ready: impl FnOnce(&str)) -> std::io::Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    ready(&listener.local_addr()?.to_string());
    for stream in listener.incoming().flatten() {
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            // A client that hangs up early is not our error.
            let _ = answer(&root, stream);
        });
    }
    Ok(())
}

fn answer(root: &Path, stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // Skip the headers.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(&mut out, "405 Method Not Allowed", "text/plain", b"", true);
    }
    let Some(mut file) = resolve(root, target) else {
        return respond(
            &mut out,
            "400 Bad Request",
            "text/plain",
            b"bad path\n",
            true,
        );
    };
    if file.is_dir() {
        file.push("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => respond(
            &mut out,
            "200 OK",
            content_type(&file),
            &body,
            method == "GET",
        ),
        Err(_) => respond(
            &mut out,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            true,
        ),
    }
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    ctype: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        out.write_all(body)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn paths_stay_inside_the_root() {
        let root = Path::new("/srv/dist");
        assert_eq!(resolve(root, "/"), Some(PathBuf::from("/srv/dist")));
        assert_eq!(
            resolve(root, "/chunks/t-01.bin?v=2"),
            Some(PathBuf::from("/srv/dist/chunks/t-01.bin"))
        );
        assert_eq!(
            resolve(root, "/%E6%A1%A3%E6%A1%88.html"),
            Some(PathBuf::from("/srv/dist/档案.html"))
        );
        for bad in [
            "/../etc/passwd",
            "/a/%2e%2e/%2e%2e/x",
            "/a\\b",
            "relative",
            "/%00",
            "/%ff",
        ] {
            assert_eq!(resolve(root, bad), None, "{bad}");
        }
    }

    fn get(addr: &str, path: &str) -> String {
        let mut s = TcpStream::connect(addr).expect("connect");
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
        let mut out = String::new();
        s.read_to_string(&mut out).expect("read");
        out
    }

    #[test]
    fn serves_files_with_their_types_and_refuses_escapes() {
        let dir = std::env::temp_dir().join(format!("archive-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("index.html"), "<p>档案</p>").expect("write");
        std::fs::write(dir.join("app.wasm"), b"\0asm").expect("write");
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.clone();
        std::thread::spawn(move || {
            let _ = serve(&root, 0, |a| {
                let _ = tx.send(a.to_string());
            });
        });
        let addr = rx.recv().expect("bound");
        let index = get(&addr, "/");
        assert!(index.starts_with("HTTP/1.1 200 OK"), "{index}");
        assert!(index.contains("text/html; charset=utf-8") && index.ends_with("<p>档案</p>"));
        assert!(get(&addr, "/app.wasm").contains("Content-Type: application/wasm"));
        assert!(get(&addr, "/missing.js").starts_with("HTTP/1.1 404"));
        assert!(get(&addr, "/../Cargo.toml").starts_with("HTTP/1.1 400"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
