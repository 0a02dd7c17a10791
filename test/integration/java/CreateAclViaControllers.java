// Java kafka-clients Admin talking to the KRaft controllers directly (bootstrap.controllers,
// KIP-919), trying to grant an ACL. Run with the broker's jars on the class path:
//   java -cp 'scripts/cluster/target/dependency/*' CreateAclViaControllers.java \
//     <host:port> <ca.pem> <cert.pem> <key.pem> <principal> <topic>
// Prints CREATED, or FAILED <exception>: <message> and exits 2.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

public class CreateAclViaControllers {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    config.put("bootstrap.controllers", args[0]);
    config.put("security.protocol", "SSL");
    config.put("ssl.truststore.type", "PEM");
    config.put("ssl.truststore.certificates", Files.readString(Path.of(args[1])));
    config.put("ssl.keystore.type", "PEM");
    config.put("ssl.keystore.certificate.chain", Files.readString(Path.of(args[2])));
    config.put("ssl.keystore.key", Files.readString(Path.of(args[3])));
    config.put("request.timeout.ms", "10000");
    config.put("default.api.timeout.ms", "20000");

    AclBinding binding = new AclBinding(
        new ResourcePattern(ResourceType.TOPIC, args[5], PatternType.LITERAL),
        new AccessControlEntry(args[4], "*", AclOperation.READ, AclPermissionType.ALLOW));
    try (Admin admin = Admin.create(config)) {
      admin.createAcls(List.of(binding)).all().get();
      System.out.println("CREATED");
    } catch (ExecutionException failure) {
      Throwable cause = failure.getCause();
      System.out.println("FAILED " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
      System.exit(2);
    }
  }
}
