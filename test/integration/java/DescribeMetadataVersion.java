// Kafka's own view of metadata.version, for comparison with the console's: the finalized level as
// Java kafka-clients' Admin.describeFeatures() reads it, and the name of every level as the broker's
// MetadataVersion enum (kafka-server-common) defines it. Run with the broker's jars on the class path:
//   java -cp 'scripts/cluster/target/dependency/*' DescribeMetadataVersion.java \
//     <host:port> <ca.pem> <cert.pem> <key.pem>
// Prints FINALIZED <level>, then LEVEL <level> <name> for each KRaft level the jars know.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.server.common.MetadataVersion;

public class DescribeMetadataVersion {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    config.put("bootstrap.servers", args[0]);
    config.put("security.protocol", "SSL");
    config.put("ssl.truststore.type", "PEM");
    config.put("ssl.truststore.certificates", Files.readString(Path.of(args[1])));
    config.put("ssl.keystore.type", "PEM");
    config.put("ssl.keystore.certificate.chain", Files.readString(Path.of(args[2])));
    config.put("ssl.keystore.key", Files.readString(Path.of(args[3])));
    config.put("request.timeout.ms", "10000");
    config.put("default.api.timeout.ms", "20000");

    try (Admin admin = Admin.create(config)) {
      FinalizedVersionRange range = admin.describeFeatures().featureMetadata().get()
          .finalizedFeatures().get(MetadataVersion.FEATURE_NAME);
      System.out.println("FINALIZED " + (range == null ? "none" : range.maxVersionLevel()));
    }
    for (MetadataVersion version : MetadataVersion.VERSIONS) {
      if (version.featureLevel() > 0) {
        System.out.println("LEVEL " + version.featureLevel() + " " + version.version());
      }
    }
  }
}
