package innopoints.engine.pack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML (or JSON) node with the file and line it came from, and typed readers that report a
 * problem naming file, line and field instead of throwing. Maps remember which keys were read,
 * so a misspelt key is reported too.
 */
public final class Node {
    /** Longer text is not parsed as a number: no policy or fact needs more digits. */
    private static final int MAX_NUMBER_CHARS = 100;
    private final String file;
    private final org.yaml.snakeyaml.nodes.Node node;
    private final String path;
    private final Problems problems;

    private Node(String file, org.yaml.snakeyaml.nodes.Node node, String path, Problems problems) {
        this.file = file;
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Parses YAML or JSON text, e.g. one line of a JSON-lines file; errors name {@code shownName}. */
    public static Node parse(String text, String shownName, Problems problems) {
        return compose(new java.io.StringReader(text), shownName, problems);
    }

    /** Reads a YAML or JSON file; syntax errors become problems and the result is null. */
    public static Node read(Path file, String shownName, Problems problems) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return compose(r, shownName, problems);
        } catch (NoSuchFileException e) {
            problems.add(shownName, 0, "", "no such file");
        } catch (MalformedInputException e) {
            problems.add(shownName, 0, "", "not UTF-8 text");
        } catch (IOException e) {
            problems.add(shownName, 0, "", "cannot read: " + e.getMessage());
        }
        return null;
    }

    private static Node compose(Reader r, String shownName, Problems problems) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            org.yaml.snakeyaml.nodes.Node root = new Yaml(options).compose(r);
            if (root == null) {
                problems.add(shownName, 1, "", "the file is empty");
                return null;
            }
            return new Node(shownName, root, "", problems);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(shownName, line, "", "not valid YAML/JSON: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof MalformedInputException) {
                problems.add(shownName, 0, "", "not UTF-8 text");
                return null;
            }
            problems.add(shownName, 0, "", "not valid YAML/JSON: " + e.getMessage());
        }
        return null;
    }

    public String file() { return file; }

    public int line() { return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1; }

    public String path() { return path; }

    public Problems problems() { return problems; }

    public void problem(String message) { problems.add(file, line(), path, message); }

    public boolean isMap() { return node instanceof MappingNode; }

    public boolean isList() { return node instanceof SequenceNode; }

    public boolean isNull() { return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL); }

    /** The scalar's text, or null (with a problem) if this is not a scalar. */
    public String text() {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) return s.getValue();
        problem("expected a single value" + (isMap() ? ", found a mapping" : isList() ? ", found a list" : ", found nothing"));
        return null;
    }

    public BigDecimal decimal() {
        String t = text();
        if (t == null) return null;
        if (t.length() > MAX_NUMBER_CHARS) {
            problem("expected a number of at most " + MAX_NUMBER_CHARS + " characters, found " + t.length());
            return null;
        }
        try {
            return new BigDecimal(t.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            problem("expected a number, found '" + t + "'");
            return null;
        }
    }

    public LocalDate date() {
        String t = text();
        if (t == null) return null;
        try {
            return LocalDate.parse(t.trim());
        } catch (DateTimeParseException e) {
            problem("expected a date YYYY-MM-DD that exists, found '" + t + "'");
            return null;
        }
    }

    public Boolean bool() {
        String t = text();
        if (t == null) return null;
        return switch (t.trim()) {
            case "true", "True", "TRUE", "yes", "是" -> Boolean.TRUE;
            case "false", "False", "FALSE", "no", "否" -> Boolean.FALSE;
            default -> {
                problem("expected true or false, found '" + t + "'");
                yield null;
            }
        };
    }

    /** The items of a list; a single value counts as a list of one. */
    public List<Node> items() {
        List<Node> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            int i = 0;
            for (org.yaml.snakeyaml.nodes.Node n : seq.getValue()) out.add(new Node(file, n, path + "[" + i++ + "]", problems));
        } else if (!isNull()) {
            out.add(this);
        }
        return out;
    }

    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Node n : items()) {
            String t = n.text();
            if (t != null) out.add(t);
        }
        return out;
    }

    /** This node as a mapping, or null (with a problem). */
    public Fields fields() {
        if (!(node instanceof MappingNode)) {
            problem("expected a mapping of fields" + (isList() ? ", found a list" : ", found '" + (node instanceof ScalarNode s ? s.getValue() : "") + "'"));
            return null;
        }
        return new Fields(this);
    }

    private Node child(org.yaml.snakeyaml.nodes.Node n, String key) {
        return new Node(file, n, path.isEmpty() ? key : path + "." + key, problems);
    }

    /** The fields of a mapping, read by name; {@link #done()} reports keys nobody read. */
    public static final class Fields {
        private final Node owner;
        private final Map<String, Node> entries = new LinkedHashMap<>();
        private final Set<String> read = new LinkedHashSet<>();

        private Fields(Node owner) {
            this.owner = owner;
            for (NodeTuple t : ((MappingNode) owner.node).getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (entries.containsKey(key)) owner.problems.add(owner.file, t.getKeyNode().getStartMark().getLine() + 1, key, "appears twice");
                entries.put(key, owner.child(t.getValueNode(), key));
            }
        }

        public Node node() { return owner; }

        public int line() { return owner.line(); }

        public Set<String> keys() { return entries.keySet(); }

        public boolean has(String key) {
            Node n = entries.get(key);
            return n != null && !n.isNull();
        }

        /** The field, or null if absent. */
        public Node opt(String key) {
            read.add(key);
            Node n = entries.get(key);
            return n == null || n.isNull() ? null : n;
        }

        /** The field; a problem if absent. */
        public Node req(String key) {
            Node n = opt(key);
            if (n == null) owner.problems.add(owner.file, owner.line(), owner.path.isEmpty() ? key : owner.path + "." + key, "is required");
            return n;
        }

        public String text(String key, boolean required) {
            Node n = required ? req(key) : opt(key);
            return n == null ? null : n.text();
        }

        public BigDecimal decimal(String key, boolean required) {
            Node n = required ? req(key) : opt(key);
            return n == null ? null : n.decimal();
        }

        public LocalDate date(String key, boolean required) {
            Node n = required ? req(key) : opt(key);
            return n == null ? null : n.date();
        }

        public boolean bool(String key, boolean dflt) {
            Node n = opt(key);
            if (n == null) return dflt;
            Boolean b = n.bool();
            return b == null ? dflt : b;
        }

        public List<String> texts(String key) {
            Node n = opt(key);
            return n == null ? List.of() : n.texts();
        }

        public List<Node> items(String key) {
            Node n = opt(key);
            return n == null ? List.of() : n.items();
        }

        /** Marks a key as known without reading it. */
        public void skip(String... keys) { read.addAll(List.of(keys)); }

        /** Reports every key that was not read: a misspelling or a field this format lacks. */
        public void done() {
            for (Map.Entry<String, Node> e : entries.entrySet()) {
                if (!read.contains(e.getKey())) {
                    e.getValue().problem("unknown field '" + e.getKey() + "'");
                }
            }
        }
    }
}
