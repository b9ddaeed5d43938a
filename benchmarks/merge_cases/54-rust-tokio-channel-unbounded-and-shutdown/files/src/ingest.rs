use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

pub struct Event {
    pub id: u64,
    pub body: Vec<u8>,
}

pub async fn run(mut source: impl Source) -> anyhow::Result<()> {
    let (tx, mut rx) = mpsc::unbounded_channel::<Event>();

    tokio::spawn(async move {
        while let Some(ev) = source.next().await {
            tx.send(ev).unwrap();
        }
    });

    let mut batch = Vec::new();
    loop {
        let ev = rx.recv().await.unwrap();
        batch.push(ev);
        if batch.len() >= 100 {
            flush(&batch).await?;
            batch.clear();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

async fn flush(batch: &[Event]) -> anyhow::Result<()> {
    let _ = batch;
    sleep(Duration::from_millis(1)).await;
    Ok(())
}

pub trait Source: Send + 'static {
    fn next(&mut self) -> impl std::future::Future<Output = Option<Event>> + Send;
}
