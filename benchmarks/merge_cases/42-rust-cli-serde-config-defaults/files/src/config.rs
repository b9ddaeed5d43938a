use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
pub struct Config {
    pub workers: usize,
    pub output: PathBuf,
    #[serde(default)]
    pub retries: u32,
    pub timeout_secs: u64,
}

impl Config {
    pub fn load(path: &str) -> Config {
        let text = std::fs::read_to_string(path).unwrap();
        let cfg: Config = toml::from_str(&text).unwrap();
        cfg
    }
}
