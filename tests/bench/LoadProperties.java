// The Java baseline of the "many small files" benchmark: what a hand-written Java check costs.
// Loads every regular file under the given directories with java.util.Properties, in one JVM,
// exactly as Kafka (Utils.loadProps) and ZooKeeper (QuorumPeerConfig.parse) read their configs.
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public final class LoadProperties {
  public static void main(String[] args) throws IOException {
    long files = 0, keys = 0;
    for (String root : args) {
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(Paths.get(root))) {
        paths = walk.filter(Files::isRegularFile).collect(Collectors.toList());
      }
      for (Path p : paths) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
          props.load(in);
        } catch (IllegalArgumentException malformedEscape) {
          // what Kafka and ZooKeeper would fail on; a check would report it and go on
        }
        ++files;
        keys += props.size();
      }
    }
    // Printed so that the work cannot be optimised away, and so the script can check the count.
    System.out.println(files + " files, " + keys + " keys");
  }
}
