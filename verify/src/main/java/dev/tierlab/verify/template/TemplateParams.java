package dev.tierlab.verify.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The params of a {@code template} check, bound by Jackson from {@code params} in lab.yaml.
 *
 * <p>What is checked: {@code resource} (a logical id) or every resource of {@code resourceType}; without
 * either, {@code path} starts at the template's root ({@code Outputs.ApiUrl.Value}). Then the conditions
 * that are given, all of them: the value at {@code path} {@code equals} a value, {@code matches} a regular
 * expression, {@code exists} (true, the default when only a path is given; false: must be absent), or
 * {@code refersTo} a logical id ({@code X} or {@code X.Attribute}) by {@code !Ref}, {@code !GetAtt} or
 * {@code !Sub}; the resource's {@code DependsOn} names {@code dependsOn}. With {@code resourceType}, one
 * resource of the type that meets the conditions suffices; {@code every: true} asks it of all of them,
 * {@code count: n} asks for exactly n resources of the type that meet them.
 *
 * @param file         the template, relative to the workspace; null: the lab's {@code deploy.template}
 * @param resource     a logical id
 * @param resourceType e.g. {@code AWS::ApiGateway::RestApi}
 * @param count        with resourceType: exactly this many resources (that meet the conditions)
 * @param every        with resourceType: every resource of the type must meet the conditions
 * @param path         where the value is, from the resource's definition ({@code Properties.X[0]}) or the root
 * @param equalTo      {@code equals:} the value, any YAML value; scalars compare by text (14 = "14", true = "true")
 * @param matches      a regular expression that must be found in the text (anchor with ^ and $)
 * @param exists       true: the path (or resource) is there; false: it is not
 * @param refersTo     {@code X}: some {@code !Ref X} / {@code !GetAtt X.*} / {@code ${X}} in the value; {@code X.Attr}: that attribute
 * @param dependsOn    a logical id the resource's {@code DependsOn} must name
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TemplateParams(String file, String resource, String resourceType, Integer count, Boolean every,
                             PropertyPath path, @JsonProperty("equals") JsonNode equalTo, String matches,
                             Boolean exists, String refersTo, String dependsOn) {

    public TemplateParams {
        notEmpty("file", file);
        notEmpty("resource", resource);
        notEmpty("resourceType", resourceType);
        notEmpty("matches", matches);
        notEmpty("refersTo", refersTo);
        notEmpty("dependsOn", dependsOn);
        if (resource == null && resourceType == null && path == null) {
            throw new InvalidTemplateParams(InvalidTemplateParams.Problem.NOTHING_TO_CHECK,
                    "a template check needs resource, resourceType or path");
        }
        if ((count != null || every != null) && (resourceType == null || resource != null)) {
            throw new InvalidTemplateParams(InvalidTemplateParams.Problem.COUNT_NEEDS_TYPE,
                    "count and every go with resourceType (and without resource)");
        }
        if (count != null && every != null) {
            throw new InvalidTemplateParams(InvalidTemplateParams.Problem.COUNT_AND_EVERY,
                    "give count or every, not both");
        }
        if (count != null && count < 0) {
            throw new InvalidTemplateParams(InvalidTemplateParams.Problem.NEGATIVE_COUNT, "count must be 0 or more");
        }
        if (Boolean.FALSE.equals(exists) && (equalTo != null || matches != null || refersTo != null)) {
            throw new InvalidTemplateParams(InvalidTemplateParams.Problem.ABSENT_WITH_VALUE,
                    "exists: false cannot go with equals, matches or refersTo");
        }
        if (equalTo != null && equalTo.isNull()) {
            throw new InvalidTemplateParams(InvalidTemplateParams.Problem.EQUALS_NULL,
                    "equals: null is not a value; to ask that a value is absent, write exists: false");
        }
        if (dependsOn != null && resource == null && resourceType == null) {
            throw new InvalidTemplateParams(InvalidTemplateParams.Problem.DEPENDS_ON_NEEDS_RESOURCE,
                    "dependsOn goes with resource or resourceType");
        }
        if (matches != null) {
            try {
                Pattern.compile(matches);
            } catch (PatternSyntaxException e) {
                throw new InvalidTemplateParams(InvalidTemplateParams.Problem.BAD_PATTERN,
                        "matches is not a regular expression: " + e.getDescription() + " at position " + (e.getIndex() + 1));
            }
        }
    }

    /** Whether anything beyond "the resource is there" is asked. */
    boolean hasCondition() {
        return path != null || equalTo != null || matches != null || exists != null || refersTo != null || dependsOn != null;
    }

    private static void notEmpty(String name, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidTemplateParams(InvalidTemplateParams.Problem.EMPTY, name + " is empty");
        }
    }
}
