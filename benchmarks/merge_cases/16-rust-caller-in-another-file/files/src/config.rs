use std::env;

/// Port the server listens on, from `APP_PORT` or the default.
pub fn listen_port() -> u16 {
    match env::var("APP_PORT") {
        Ok(raw) => parse_port(&raw),
        Err(_) => 8080,
    }
}

pub fn parse_port(raw: &str) -> u16 {
    let port: u16 = raw.trim().parse().unwrap();
    port
}

pub fn worker_count(raw: Option<&str>) -> usize {
    raw.and_then(|s| s.parse().ok()).unwrap_or(0)
}
