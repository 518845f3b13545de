package dev.tierlab.verify.engine;

import java.util.List;
import java.util.Map;

/**
 * A check as a lab defines it: its id, its type's name, the points it is worth, the capabilities the
 * target must have ({@code needs}, as authored), its parameters (still with {@code ${...}}
 * references) and the check that stands in for it where the target lacks a capability.
 */
public interface CheckSpec {
    String id();

    String type();

    Integer points();

    List<String> needs();

    Map<String, Object> params();

    String standIn();
}
