mod config;

use std::time::Duration;

fn main() {
    let path = std::env::args().nth(1).unwrap_or("~/.fetcher.toml".to_string());
    let cfg = config::Config::load(&path);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.workers)
        .build()
        .unwrap();
    let timeout = Duration::from_secs(cfg.timeout_secs);
    for attempt in 0..cfg.retries {
        fetch::run(&pool, &cfg.output, timeout, attempt);
    }
}
