package com.acme.billing;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PaymentEventsConsumer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(PaymentEventsConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final LedgerService ledger;
    private boolean running = true;

    public PaymentEventsConsumer(Properties props, LedgerService ledger) {
        props.put("enable.auto.commit", "true");
        this.consumer = new KafkaConsumer<>(props);
        this.ledger = ledger;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of("payment-events"));
        while (running) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, String> record : records) {
                try {
                    ledger.apply(PaymentEvent.parse(record.value()));
                } catch (Exception e) {
                    log.warn("skipping bad payment event at offset {}", record.offset());
                }
            }
        }
    }

    public void shutdown() {
        running = false;
    }
}
