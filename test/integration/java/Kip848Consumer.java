// A Java kafka-clients consumer in a KIP-848 group (group.protocol=consumer) over mTLS. Run with the
// broker's jars on the class path:
//   java -cp 'scripts/cluster/target/dependency/*' Kip848Consumer.java \
//     <host:port> <ca.pem> <cert.pem> <key.pem> <topic> <group> <records>
// Consumes <records> records, commits them (printing "RECORD <partition> <offset>" for each), prints
// "COMMITTED <n>" and stays in the group (polling, so it keeps its membership) until its stdin closes;
// then leaves the group and exits 0.
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

public class Kip848Consumer {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    config.put("bootstrap.servers", args[0]);
    config.put("security.protocol", "SSL");
    config.put("ssl.truststore.type", "PEM");
    config.put("ssl.truststore.certificates", Files.readString(Path.of(args[1])));
    config.put("ssl.keystore.type", "PEM");
    config.put("ssl.keystore.certificate.chain", Files.readString(Path.of(args[2])));
    config.put("ssl.keystore.key", Files.readString(Path.of(args[3])));
    config.put("group.id", args[5]);
    config.put("group.protocol", "consumer");
    config.put("client.id", "kip848-consumer");
    config.put("enable.auto.commit", "false");
    config.put("auto.offset.reset", "earliest");
    config.put("max.poll.records", args[6]);
    config.put("key.deserializer", StringDeserializer.class.getName());
    config.put("value.deserializer", StringDeserializer.class.getName());
    int wanted = Integer.parseInt(args[6]);

    AtomicBoolean stop = new AtomicBoolean(false);
    Thread stdin = new Thread(() -> {
      try {
        while (System.in.read() != -1) {}
      } catch (Exception ignored) {
      }
      stop.set(true);
    });
    stdin.setDaemon(true);
    stdin.start();

    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(args[4]));
      int consumed = 0;
      boolean committed = false;
      while (!stop.get()) {
        if (consumed >= wanted) consumer.pause(consumer.assignment());
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (consumed >= wanted) break;
          consumed++;
          // Where consumption begins on each partition, for the offset-reset tests.
          System.out.println("RECORD " + record.partition() + " " + record.offset());
          consumer.commitSync(java.util.Map.of(
              new org.apache.kafka.common.TopicPartition(record.topic(), record.partition()),
              new org.apache.kafka.clients.consumer.OffsetAndMetadata(record.offset() + 1, "kip848")));
        }
        if (consumed >= wanted && !committed) {
          committed = true;
          System.out.println("COMMITTED " + consumed);
          System.out.flush();
        }
      }
    }
  }
}
