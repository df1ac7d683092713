// The reference for zklint's grammar: loads each file with the real java.util.Properties, exactly
// as Kafka (Utils.loadProps) and ZooKeeper (QuorumPeerConfig.parse) do, and prints one JSON object
// per file: {"file": ..., "load": {"ok": bool[, "error": "..."]}, "properties": {...}}.
// The shape matches `zklint dump`, so the two can be compared object by object.
//
// Usage: java PropertiesOracle FILE_OR_DIR...   (a directory means every file in it, sorted by name)

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

public final class PropertiesOracle {
    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path p = Paths.get(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (Path file : files) {
            out.println(describe(file));
        }
        out.flush();
    }

    static String describe(Path file) throws IOException {
        Properties props = new Properties();
        String error = null;
        try (InputStream in = new FileInputStream(file.toFile())) {
            props.load(in);
        } catch (IllegalArgumentException e) {
            // The entries put before the failing line stay in the map, as they do in Kafka's copy.
            error = e.getClass().getName() + ": " + e.getMessage();
        }
        Map<String, String> sorted = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            sorted.put(key, props.getProperty(key));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("{\"file\":").append(quote(file.toString()));
        sb.append(",\"load\":{\"ok\":").append(error == null);
        if (error != null) {
            sb.append(",\"error\":").append(quote(error));
        }
        sb.append("},\"properties\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        sb.append("}}");
        return sb.toString();
    }

    // JSON string with every non-ASCII char as \\uXXXX. JSON cannot carry an unpaired surrogate in
    // valid UTF-8, so zklint prints U+FFFD for one; do the same here.
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(String.format("\\u%04x\\u%04x", (int) c, (int) s.charAt(i + 1)));
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                c = '\uFFFD';
            }
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                default:
                    if (c < 0x20 || c > 0x7E) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
