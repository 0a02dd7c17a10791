// A Java kafka-clients KafkaShareConsumer (KIP-932 share group) over mTLS. Run with the broker's jars
// on the class path:
//   java -cp 'scripts/cluster/target/dependency/*' ShareGroupConsumer.java \
//     <host:port> <ca.pem> <cert.pem> <key.pem> <topic> <group>
// Prints "RECORD <partition> <offset>" for each record delivered, "JOINED" after its first poll, and
// stays in the group (polling) until its stdin closes; then leaves and exits 0.
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

public class ShareGroupConsumer {
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
    config.put("client.id", "share-consumer");
    config.put("key.deserializer", StringDeserializer.class.getName());
    config.put("value.deserializer", StringDeserializer.class.getName());

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

    try (KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(config)) {
      consumer.subscribe(List.of(args[4]));
      boolean said = false;
      while (!stop.get()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          // Where delivery begins on each partition, for the offset-reset tests.
          System.out.println("RECORD " + record.partition() + " " + record.offset());
        }
        System.out.flush();
        if (!said) {
          // Joined: the first poll returned (records or not); say so once.
          said = true;
          System.out.println("JOINED");
          System.out.flush();
        }
      }
    }
  }
}
