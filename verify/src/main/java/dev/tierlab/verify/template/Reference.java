package dev.tierlab.verify.template;

/**
 * One place where a template points at a logical id (resource, parameter or pseudo parameter such as
 * {@code AWS::Region}): {@code !Ref X}, {@code !GetAtt X.Attr}, or {@code ${X}} / {@code ${X.Attr}} in a
 * {@code !Sub} string. {@code attribute} is null for a {@code Ref}.
 */
public record Reference(Kind kind, String target, String attribute, String pointer) {

    public enum Kind { REF, GET_ATT, SUB }

    /**
     * Whether this reference satisfies {@code spec}: {@code X} (any Ref or GetAtt of X) or {@code X.Attr}
     * (a GetAtt of that attribute only).
     */
    public boolean pointsAt(String spec) {
        int dot = spec.indexOf('.');
        if (dot < 0) {
            return target.equals(spec);
        }
        return target.equals(spec.substring(0, dot)) && spec.substring(dot + 1).equals(attribute);
    }

    /** As the learner would write it in short form. */
    @Override
    public String toString() {
        return switch (kind) {
            case REF -> "!Ref " + target;
            case GET_ATT -> "!GetAtt " + target + "." + (attribute == null ? "?" : attribute);
            case SUB -> "${" + target + (attribute == null ? "" : "." + attribute) + "}";
        };
    }
}
