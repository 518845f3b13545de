package dev.tierlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems in a workspace's template are reported in the reader's language, at their line. */
class FunctionDefinitionTest {
    @TempDir
    Path workspace;

    private TierlabException problem(String template) throws IOException {
        Files.writeString(workspace.resolve("template.yml"), template);
        return assertThrows(TierlabException.class, () -> FunctionDefinition.find(workspace, "Fn"));
    }

    @Test
    void aTimeoutThatIsNotANumberIsNamedInBothLanguages() throws IOException {
        TierlabException e = problem("""
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: a.B::handle
                      Timeout: thirty
                """);
        String en = Messages.of(Lang.EN).get(e.key(), e.args());
        String ko = Messages.of(Lang.KO).get(e.key(), e.args());
        assertTrue(en.contains("line 7") && en.contains("'thirty' is not a whole number"), en);
        assertTrue(ko.contains("'thirty'은(는) 정수가 아닙니다"), ko);
    }

    @Test
    void aTemplateWithBadIndentationSaysWhereInBothLanguages() throws IOException {
        TierlabException e = problem("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n\t  Properties: {}\n");
        String en = Messages.of(Lang.EN).get(e.key(), e.args());
        String ko = Messages.of(Lang.KO).get(e.key(), e.args());
        assertTrue(en.contains("template.yml:5:") && en.contains("check the indentation"), en);
        assertTrue(ko.contains("template.yml:5:") && !ko.contains("check the indentation"), ko);
        assertEquals(e.key(), "error.lab.invalid");
    }
}
