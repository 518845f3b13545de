package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates a {@code template} check: pure, the template and the params in, an {@link Outcome} out.
 * With a wildcard in the path, one selected value that meets every value condition suffices.
 */
public final class TemplateMatch {
    /** How many resources a failure over a resource type lists in "found". */
    private static final int LISTED = 5;

    private TemplateMatch() {
    }

    /** Reads {@code file} and evaluates; a missing or unreadable template is a failed outcome, not an exception. */
    public static Outcome evaluate(Path file, TemplateParams params) {
        return evaluate(file, file.toString(), params);
    }

    /** The outcome for a template that is not there (or that a check may not read, e.g. outside the workspace). */
    public static Outcome missing(String shownAs) {
        return Outcome.failed(Outcome.Reason.TEMPLATE_MISSING, shownAs, null, "", "", Location.of(shownAs));
    }

    /** As {@link #evaluate(Path, TemplateParams)}, naming the file {@code shownAs} (relative to the workspace). */
    public static Outcome evaluate(Path file, String shownAs, TemplateParams params) {
        if (!Files.isRegularFile(file)) {
            return missing(shownAs);
        }
        try {
            return evaluate(CloudFormationTemplate.parse(file, shownAs), params);
        } catch (TemplateParseException e) {
            return Outcome.failed(Outcome.Reason.TEMPLATE_INVALID, shownAs, null, "", e.problem(), e.location());
        }
    }

    public static Outcome evaluate(CloudFormationTemplate template, TemplateParams p) {
        if (p.resource() != null) {
            return oneResource(template, p);
        }
        if (p.resourceType() != null) {
            return ofType(template, p);
        }
        return values(template, template.root(), "", template.file(), p);
    }

    private static Outcome oneResource(CloudFormationTemplate t, TemplateParams p) {
        Optional<Resource> found = t.resource(p.resource());
        boolean mustBeAbsent = Boolean.FALSE.equals(p.exists()) && p.path() == null;
        if (found.isEmpty()) {
            if (mustBeAbsent) {
                return Outcome.passed(p.resource(), null, describe(p), "", null);
            }
            List<Resource> candidates = p.resourceType() == null ? t.resources() : t.resourcesOfType(p.resourceType());
            return Outcome.failed(Outcome.Reason.NO_RESOURCE, p.resource(), null, p.resourceType() == null ? "" : p.resourceType(),
                    ids(candidates, Integer.MAX_VALUE), t.location("/Resources"));
        }
        Resource r = found.get();
        if (p.resourceType() != null && !p.resourceType().equals(r.type())) {
            return Outcome.failed(Outcome.Reason.WRONG_TYPE, r.logicalId(), null, p.resourceType(), String.valueOf(r.type()),
                    t.location(ParsedDocument.child(r.pointer(), "Type")));
        }
        if (mustBeAbsent) {
            return Outcome.failed(Outcome.Reason.PRESENT, r.logicalId(), null, "", String.valueOf(r.type()), t.location(r));
        }
        return resource(t, r, p);
    }

    private static Outcome ofType(CloudFormationTemplate t, TemplateParams p) {
        String type = p.resourceType();
        List<Resource> all = t.resourcesOfType(type);
        Location first = all.isEmpty() ? t.location("/Resources") : t.location(all.get(0));
        if (p.count() != null) {
            List<Resource> meeting = new ArrayList<>();
            for (Resource r : all) {
                if (!p.hasCondition() || resource(t, r, p).ok()) {
                    meeting.add(r);
                }
            }
            String subject = p.hasCondition() ? type + " (" + condition(p) + ")" : type;
            String found = meeting.size() + (meeting.isEmpty() ? "" : " (" + ids(meeting, Integer.MAX_VALUE) + ")");
            return meeting.size() == p.count()
                    ? Outcome.passed(subject, null, describe(p), found, first)
                    : Outcome.failed(Outcome.Reason.WRONG_COUNT, subject, null, String.valueOf(p.count()), found, first);
        }
        if (Boolean.FALSE.equals(p.exists()) && p.path() == null) {
            return all.isEmpty() ? Outcome.passed(type, null, describe(p), "", null)
                    : Outcome.failed(Outcome.Reason.PRESENT, type, null, "", ids(all, LISTED), first);
        }
        if (all.isEmpty()) {
            return Outcome.failed(Outcome.Reason.NO_RESOURCE_OF_TYPE, type, null, "", "", first);
        }
        if (!p.hasCondition()) {
            return Outcome.passed(type, null, describe(p), ids(all, LISTED), first);
        }
        List<Outcome> outcomes = all.stream().map(r -> resource(t, r, p)).toList();
        if (Boolean.TRUE.equals(p.every())) {
            return outcomes.stream().filter(o -> !o.ok()).findFirst()
                    .orElse(Outcome.passed(type, p.path() == null ? null : p.path().toString(), describe(p), ids(all, LISTED), first));
        }
        Optional<Outcome> passing = outcomes.stream().filter(Outcome::ok).findFirst();
        if (passing.isPresent() || outcomes.size() == 1) {
            return passing.orElse(outcomes.get(0));
        }
        // none of several meets it: say what each has, the first one's reason leads
        Outcome lead = outcomes.get(0);
        String each = outcomes.stream().limit(LISTED).map(TemplateMatch::foundOf).collect(Collectors.joining("; "))
                + (outcomes.size() > LISTED ? "; …" : "");
        return Outcome.failed(lead.reason(), type, p.path() == null ? null : p.path().toString(), lead.expected(), each, lead.where());
    }

    /** One resource's finding in a list of several: where (with the path) and what is there, "-" for nothing. */
    private static String foundOf(Outcome o) {
        return (o.path() == null ? o.subject() : o.subject() + " " + o.path()) + ": " + (o.found().isEmpty() ? "-" : o.found());
    }

    /** The conditions for one resource: the value ones (through {@link #values}), then DependsOn. */
    private static Outcome resource(CloudFormationTemplate t, Resource r, TemplateParams p) {
        Outcome values = p.path() == null && p.equalTo() == null && p.matches() == null && p.refersTo() == null
                ? Outcome.passed(r.logicalId(), null, describe(p), String.valueOf(r.type()), t.location(r))
                : values(t, r.definition(), r.pointer(), r.logicalId(), p);
        if (!values.ok() || p.dependsOn() == null) {
            return values;
        }
        List<String> dependsOn = r.dependsOn();
        if (!dependsOn.contains(p.dependsOn())) {
            JsonNode d = r.definition().get("DependsOn");
            return Outcome.failed(Outcome.Reason.NO_DEPENDENCY, r.logicalId(), null, p.dependsOn(), String.join(", ", dependsOn),
                    t.location(d == null ? r.pointer() : ParsedDocument.child(r.pointer(), "DependsOn")));
        }
        return values.path() == null
                ? Outcome.passed(r.logicalId(), null, describe(p), String.join(", ", dependsOn),
                        t.location(ParsedDocument.child(r.pointer(), "DependsOn")))
                : values;
    }

    /** Path, exists, equals, matches and refersTo, from {@code base} (a resource's definition or the root). */
    private static Outcome values(CloudFormationTemplate t, JsonNode base, String pointer, String subject, TemplateParams p) {
        List<PropertyPath.Match> selected;
        if (p.path() != null) {
            PropertyPath.Selection s = p.path().select(base, pointer);
            boolean mustBeAbsent = Boolean.FALSE.equals(p.exists());
            if (!s.found()) {
                if (mustBeAbsent) {
                    return Outcome.passed(subject, p.path().toString(), describe(p), "", t.location(s.reachedPointer()));
                }
                if (s.computed() != null) {
                    return Outcome.failed(Outcome.Reason.COMPUTED, subject, s.reached(), p.path().toString(),
                            ShortForm.of(s.computed()), t.location(s.reachedPointer()));
                }
                return Outcome.failed(Outcome.Reason.MISSING, subject, s.missing(), p.path().toString(), "",
                        t.location(s.reachedPointer()));
            }
            if (mustBeAbsent) {
                PropertyPath.Match m = s.matches().get(0);
                return Outcome.failed(Outcome.Reason.PRESENT, subject, m.path(), "", ShortForm.of(m.value()), t.location(m.pointer()));
            }
            selected = s.matches();
        } else {
            selected = List.of(new PropertyPath.Match(null, pointer, base));
        }
        Outcome firstFailure = null;
        for (PropertyPath.Match m : selected) {
            Outcome o = value(t, m, subject, p);
            if (o.ok()) {
                return o;
            }
            if (firstFailure == null) {
                firstFailure = o;
            }
        }
        if (selected.size() == 1) {
            return firstFailure;
        }
        String all = selected.stream().limit(LISTED).map(m -> ShortForm.of(m.value())).collect(Collectors.joining(", "));
        return Outcome.failed(firstFailure.reason(), subject, p.path().toString(), firstFailure.expected(),
                "[" + all + (selected.size() > LISTED ? ", …" : "") + "]", firstFailure.where());
    }

    private static Outcome value(CloudFormationTemplate t, PropertyPath.Match m, String subject, TemplateParams p) {
        Location where = t.location(m.pointer());
        JsonNode v = m.value();
        if (p.equalTo() != null && !same(p.equalTo(), v)) {
            return Outcome.failed(Outcome.Reason.NOT_EQUAL, subject, m.path(), ShortForm.of(p.equalTo()), ShortForm.of(v), where);
        }
        if (p.matches() != null) {
            String text = text(v);
            if (text == null || !Pattern.compile(p.matches()).matcher(text).find()) {
                return Outcome.failed(Outcome.Reason.NO_MATCH, subject, m.path(), p.matches(), ShortForm.of(v), where);
            }
        }
        if (p.refersTo() != null) {
            List<Reference> refs = References.in(v, m.pointer());
            Optional<Reference> hit = refs.stream().filter(r -> r.pointsAt(p.refersTo())).findFirst();
            if (hit.isEmpty()) {
                // a whole resource is too long to show: list its references instead
                String found = m.path() == null ? refs.stream().map(Reference::toString).distinct().collect(Collectors.joining(", "))
                        : ShortForm.of(v);
                return Outcome.failed(Outcome.Reason.NO_REFERENCE, subject, m.path(), p.refersTo(), found, where);
            }
            where = t.location(hit.get().pointer());
        }
        return Outcome.passed(subject, m.path(), describe(p), m.path() == null && p.refersTo() != null
                ? refersFound(v, p.refersTo()) : ShortForm.of(v), where);
    }

    private static String refersFound(JsonNode v, String spec) {
        return References.in(v, "").stream().filter(r -> r.pointsAt(spec)).map(Reference::toString).findFirst().orElse("");
    }

    /**
     * Deep equality where scalars compare by text, so lab.yaml's {@code 14}, {@code "14"} and the
     * template's {@code 14.0}, or {@code true} and {@code "true"}, are the same value (CloudFormation
     * passes both to the service). Lists compare in order; mappings by their keys.
     */
    static boolean same(JsonNode expected, JsonNode found) {
        if (expected.isArray() || found.isArray()) {
            if (!expected.isArray() || !found.isArray() || expected.size() != found.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!same(expected.get(i), found.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() || found.isObject()) {
            if (!expected.isObject() || !found.isObject() || expected.size() != found.size()) {
                return false;
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!found.has(key) || !same(expected.get(key), found.get(key))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNull() || found.isNull()) {
            return expected.isNull() && found.isNull();
        }
        String a = expected.asText();
        String b = found.asText();
        if (a.equals(b) || (expected.isBoolean() || found.isBoolean()) && a.equalsIgnoreCase(b)) {
            return true;
        }
        return number(a) != null && number(b) != null && number(a).compareTo(number(b)) == 0;
    }

    private static BigDecimal number(String s) {
        try {
            return s.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?") ? new BigDecimal(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text a regular expression is matched against: a scalar's, or the string of a {@code !Sub}. */
    private static String text(JsonNode v) {
        if (v.isValueNode() && !v.isNull()) {
            return v.asText();
        }
        if ("Fn::Sub".equals(Intrinsics.name(v))) {
            JsonNode arg = v.get("Fn::Sub");
            JsonNode s = arg.isArray() && arg.size() > 0 ? arg.get(0) : arg;
            return s.isTextual() ? s.asText() : null;
        }
        return null;
    }

    /**
     * What a check asks, as a language-neutral formula for the "expected" column, in the lab author's terms:
     * {@code TicketsApi Properties.EndpointConfiguration.Types = [REGIONAL]},
     * {@code count = 2: AWS::EC2::Subnet}, {@code AWS::EC2::Subnet[*] Properties.MapPublicIpOnLaunch = false},
     * {@code TicketsStage Properties.AccessLogSetting.DestinationArn → AccessLogs.Arn}.
     */
    public static String describe(TemplateParams p) {
        String subject = p.resource() != null ? p.resource()
                : p.resourceType() != null ? p.resourceType() + (Boolean.TRUE.equals(p.every()) ? "[*]" : "") : "";
        String conditions = condition(p);
        String what = (subject + " " + conditions).strip();
        return p.count() != null ? "count = " + p.count() + ": " + what : what;
    }

    /** The conditions alone: {@code Properties.X = [REGIONAL], dependsOn = Y}; "" when there is none. */
    static String condition(TemplateParams p) {
        List<String> parts = new ArrayList<>();
        String path = p.path() == null ? "" : p.path() + " ";
        if (p.equalTo() != null) {
            parts.add(path + "= " + ShortForm.of(p.equalTo()));
        }
        if (p.matches() != null) {
            parts.add(path + "~ " + p.matches());
        }
        if (p.refersTo() != null) {
            parts.add(path + "→ " + p.refersTo());
        }
        if (Boolean.FALSE.equals(p.exists())) {
            parts.add(path + "exists = false");
        } else if (parts.isEmpty() && p.path() != null) {
            parts.add(p.path().toString());
        }
        if (p.dependsOn() != null) {
            parts.add("dependsOn = " + p.dependsOn());
        }
        return String.join(", ", parts);
    }

    private static String ids(List<Resource> resources, int limit) {
        return resources.stream().limit(limit).map(Resource::logicalId).collect(Collectors.joining(", "))
                + (resources.size() > limit ? ", …" : "");
    }
}
