package dev.tierlab.verify.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test templates under src/test/resources/dev/tierlab/verify/template/. */
final class TestTemplates {
    private TestTemplates() {
    }

    static Path path(String name) {
        try {
            return Path.of(TestTemplates.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test template " + name, e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CloudFormationTemplate parse(String name) {
        return CloudFormationTemplate.parse(path(name));
    }
}
