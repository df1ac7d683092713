import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads KRaft quorum values the way QuorumConfig.java @3.9 (parseVoterConnections) does, with Java's own
 * regex engine, String.split and Integer.parseInt, so that zklint's PEG grammar
 * (grammar/src/quorum_voters.cpp) can be compared with the Java semantics it imitates: lazy and
 * greedy regex groups, split's dropped trailing pieces, parseInt's signs and Unicode digits.
 * No Kafka jar is needed (none is installed); the patterns are the documented ones.
 *
 * Usage: QuorumOracle voters-strict|voters-lenient|bootstrap FILE, where FILE holds one
 * hex-encoded UTF-8 value per line. Prints one JSON array per value: per list entry
 * {"ok":true,"id":N,"host":"...","port":N} or {"ok":false,"stage":"split|id|address|port_overflow|port_range"}.
 */
public final class QuorumOracle {
  // Utils.HOST_PORT_PATTERN since Kafka 3.9, and before (matched with matches()).
  private static final Pattern STRICT = Pattern.compile("(?:[0-9a-zA-Z\\-%._]*://)?\\[?([0-9a-zA-Z\\-%._:]*)]?:([0-9]+)");
  private static final Pattern LENIENT = Pattern.compile(".*?\\[?([0-9a-zA-Z\\-%._:]*)\\]?:([0-9]+)");

  private QuorumOracle() {}

  // ConfigDef LIST: a blank value is the empty list; otherwise split on \s*,\s* keeping empty items.
  static String[] listItems(String value) {
    String trimmed = value.trim();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s*,\\s*", -1);
  }

  static String failure(String stage) {
    return "{\"ok\":false,\"stage\":\"" + stage + "\"}";
  }

  // getHost / getPort, then InetSocketAddress's 0-65535 check. Returns a JSON fragment without braces.
  static String address(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.matches()) return null;
    int port;
    try {
      port = Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      return "!port_overflow";
    }
    if (port > 65535) return "!port_range";
    return "\"host\":\"" + m.group(1) + "\",\"port\":" + port;
  }

  static String voter(Pattern pattern, String entry) {
    String[] parts = entry.split("@");
    if (parts.length != 2) return failure("split");
    int id;
    try {
      id = Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      return failure("id");
    }
    String a = address(pattern, parts[1]);
    if (a == null) return failure("address");
    if (a.startsWith("!")) return failure(a.substring(1));
    return "{\"ok\":true,\"id\":" + id + "," + a + "}";
  }

  static String server(String entry) {
    String a = address(STRICT, entry);
    if (a == null) return failure("address");
    if (a.startsWith("!")) return failure(a.substring(1));
    return "{\"ok\":true," + a + "}";
  }

  static String decodeHex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    StringBuilder out = new StringBuilder();
    try (BufferedReader in = Files.newBufferedReader(Paths.get(args[1]), StandardCharsets.US_ASCII)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> entries = new ArrayList<>();
        for (String item : listItems(decodeHex(line))) {
          entries.add(mode.equals("bootstrap") ? server(item) : voter(mode.equals("voters-strict") ? STRICT : LENIENT, item));
        }
        out.append('[').append(String.join(",", entries)).append("]\n");
      }
    }
    System.out.print(out);
  }
}
