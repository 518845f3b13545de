package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Binds params as the lab loader does: Jackson, from the YAML a lab author writes under {@code params:}. */
final class Params {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Params() {
    }

    static TemplateParams of(String yaml) {
        try {
            return YAML.readValue(yaml, TemplateParams.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
