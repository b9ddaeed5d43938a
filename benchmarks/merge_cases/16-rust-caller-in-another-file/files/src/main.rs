mod config;

use std::net::TcpListener;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port = match args.get(1) {
        Some(arg) => config::parse_port(arg),
        None => config::listen_port(),
    };
    let workers = config::worker_count(args.get(2).map(String::as_str));
    let listener = TcpListener::bind(("0.0.0.0", port)).expect("bind");
    println!("listening on {port} with {workers} workers");
    for stream in listener.incoming() {
        let _ = stream;
    }
}
