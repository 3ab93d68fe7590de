package dev.restow.aws.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudFormation/SAM template read into plain maps and lists, with the short-form intrinsic tags
 * ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, {@code !If}, {@code !Equals}, ...) turned into their long forms
 * ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}, {@code {"Fn::GetAtt": [resource, attribute]}}), and small
 * helpers to resolve values against the parameters' defaults.
 */
final class CfnTemplate {
    private final Map<String, Object> root;

    private CfnTemplate(Map<String, Object> root) {
        this.root = root;
    }

    /** The template.yaml at the top of the repository, found from the working directory upwards. */
    static CfnTemplate ofRepository() {
        return load(repositoryFile("template.yaml"));
    }

    static Path repositoryFile(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(name)) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d.resolve(name);
            }
        }
        throw new IllegalStateException(name + " not found above " + dir);
    }

    @SuppressWarnings("unchecked")
    static CfnTemplate load(Path file) {
        try (YAMLParser parser = (YAMLParser) new YAMLFactory().createParser(file.toFile())) {
            parser.nextToken();
            return new CfnTemplate((Map<String, Object>) read(parser));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(YAMLParser p) throws IOException {
        String tag = p.getTypeId();
        JsonToken token = p.currentToken();
        Object value;
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, read(p));
                }
                value = map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                value = list;
            }
            case VALUE_STRING -> value = p.getText();
            case VALUE_NUMBER_INT -> value = p.getLongValue();
            case VALUE_NUMBER_FLOAT -> value = p.getDoubleValue();
            case VALUE_TRUE -> value = Boolean.TRUE;
            case VALUE_FALSE -> value = Boolean.FALSE;
            case VALUE_NULL -> value = null;
            default -> throw new IllegalStateException("unexpected " + token + " at " + p.currentLocation());
        }
        return tag == null ? value : intrinsic(tag, value);
    }

    /** Long form of a short-form tag, as CloudFormation itself expands it. */
    private static Object intrinsic(String tag, Object value) {
        return switch (tag) {
            case "Ref" -> Map.of("Ref", value);
            case "Condition" -> Map.of("Condition", value);
            case "GetAtt" -> {
                if (value instanceof String s) {
                    int dot = s.indexOf('.');
                    yield Map.of("Fn::GetAtt", List.of(s.substring(0, dot), s.substring(dot + 1)));
                }
                yield Map.of("Fn::GetAtt", value);
            }
            default -> Map.of("Fn::" + tag, value);
        };
    }

    // ------------------------------------------------------------------ sections

    Map<String, Object> section(String name) {
        return map(root.getOrDefault(name, Map.of()));
    }

    Map<String, Object> parameters() {
        return section("Parameters");
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    Map<String, Object> resource(String logicalId) {
        Object r = resources().get(logicalId);
        if (r == null) {
            throw new AssertionError("no resource " + logicalId);
        }
        return map(r);
    }

    /** Logical ids of the resources of one type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    /**
     * A serverless function's properties as SAM sees them: {@code Globals.Function} first, the function's own
     * over them, and {@code Environment.Variables} merged key by key.
     */
    Map<String, Object> functionProperties(String logicalId) {
        Map<String, Object> globals = map(section("Globals").getOrDefault("Function", Map.of()));
        Map<String, Object> own = properties(logicalId);
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(own);
        Map<String, Object> variables = new LinkedHashMap<>(environment(globals));
        variables.putAll(environment(own));
        merged.put("Environment", Map.of("Variables", variables));
        return merged;
    }

    private static Map<String, Object> environment(Map<String, Object> props) {
        return map(map(props.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of()));
    }

    Map<String, Object> environmentOf(String functionId) {
        return map(map(functionProperties(functionId).get("Environment")).get("Variables"));
    }

    // ------------------------------------------------------------------ resolution

    /** The parameter's default as CloudFormation passes it on ({@code Ref} of any parameter is a string). */
    String parameterDefault(String name) {
        Object p = parameters().get(name);
        if (p == null) {
            throw new AssertionError("no parameter " + name);
        }
        Object d = map(p).get("Default");
        if (d == null) {
            throw new AssertionError("parameter " + name + " has no default");
        }
        return scalar(d);
    }

    /** Resolves literals, {@code Ref} to a parameter (its default) and {@code Fn::FindInMap}, with overrides. */
    String resolve(Object value, Map<String, String> parameterValues) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            if (m.containsKey("Ref")) {
                String name = (String) m.get("Ref");
                if (parameterValues.containsKey(name)) {
                    return parameterValues.get(name);
                }
                return parameterDefault(name);
            }
            if (m.containsKey("Fn::FindInMap")) {
                List<Object> args = list(m.get("Fn::FindInMap"));
                Map<String, Object> mapping = map(section("Mappings").get(resolve(args.get(0), parameterValues)));
                Map<String, Object> top = map(mapping.get(resolve(args.get(1), parameterValues)));
                Object found = top.get(resolve(args.get(2), parameterValues));
                if (found == null) {
                    throw new AssertionError("Fn::FindInMap " + args + " finds nothing");
                }
                return scalar(found);
            }
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return scalar(value);
        }
        throw new AssertionError("cannot resolve " + value);
    }

    String resolve(Object value) {
        return resolve(value, Map.of());
    }

    private static String scalar(Object o) {
        return String.valueOf(o);
    }

    // ------------------------------------------------------------------ IAM

    /** One IAM statement of an inline role policy, and the role it belongs to. */
    record Statement(String role, Map<String, Object> body) {
        List<String> actions() {
            return strings(body.get("Action"));
        }

        List<Object> resources() {
            Object r = body.get("Resource");
            return r instanceof List<?> l ? List.copyOf(l) : List.of(r);
        }
    }

    /**
     * Every statement of every inline policy of every {@code AWS::IAM::Role}, with both branches of each
     * {@code Fn::If} taken, so a statement granted only under a condition is still checked.
     */
    List<Statement> iamStatements() {
        List<Statement> out = new ArrayList<>();
        for (String role : resourcesOfType("AWS::IAM::Role")) {
            for (Object policy : branches(properties(role).getOrDefault("Policies", List.of()))) {
                Map<String, Object> document = map(map(policy).get("PolicyDocument"));
                for (Object statement : branches(document.get("Statement"))) {
                    out.add(new Statement(role, map(statement)));
                }
            }
        }
        return out;
    }

    /** The elements of a list where each may be an {@code Fn::If}; both branches count, {@code AWS::NoValue} none. */
    static List<Object> branches(Object listOrIf) {
        List<Object> out = new ArrayList<>();
        for (Object element : listOrIf instanceof List<?> l ? l : List.of(listOrIf)) {
            collect(element, out);
        }
        return out;
    }

    private static void collect(Object element, List<Object> out) {
        if (element instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::If")) {
            List<Object> args = list(m.get("Fn::If"));
            collect(args.get(1), out);
            collect(args.get(2), out);
        } else if (element instanceof Map<?, ?> m && m.size() == 1 && "AWS::NoValue".equals(m.get("Ref"))) {
            // nothing
        } else if (element instanceof List<?> l) {
            l.forEach(e -> collect(e, out));
        } else if (element != null) {
            out.add(element);
        }
    }

    /** The conditions an element of a list is granted under ({@code Fn::If} names), outermost first. */
    static List<String> conditionsOf(Object listOrIf, Map<String, Object> statementBody) {
        List<String> path = new ArrayList<>();
        for (Object element : listOrIf instanceof List<?> l ? l : List.of(listOrIf)) {
            if (find(element, statementBody, path)) {
                return path;
            }
        }
        throw new AssertionError("statement not found: " + statementBody);
    }

    private static boolean find(Object element, Object target, List<String> path) {
        if (element == target) {
            return true;
        }
        if (element instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::If")) {
            List<Object> args = list(m.get("Fn::If"));
            path.add((String) args.get(0));
            if (find(args.get(1), target, path)) {
                return true;
            }
            path.set(path.size() - 1, "!" + args.get(0));
            if (find(args.get(2), target, path)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    // ------------------------------------------------------------------ walking

    /** Every node of the template (maps, lists and scalars), depth first. */
    List<Object> allNodes() {
        List<Object> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Object node, List<Object> out) {
        out.add(node);
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> walk(v, out));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, out));
        }
    }

    // ------------------------------------------------------------------ casts

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) {
            throw new AssertionError("expected a map, got " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        if (!(o instanceof List)) {
            throw new AssertionError("expected a list, got " + o);
        }
        return (List<Object>) o;
    }

    static List<String> strings(Object o) {
        if (o instanceof String s) {
            return List.of(s);
        }
        return list(o).stream().map(e -> Objects.toString(e)).toList();
    }
}
