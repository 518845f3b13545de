package dev.tierlab.verify.report;

import dev.tierlab.verify.CheckStatus;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The report as JUnit XML in the Jenkins junit-4 shape: one {@code testsuite} per lab, one
 * {@code testcase} per check (classname {@code <lab>.<step>}), {@code failure} for a failed check,
 * {@code skipped} for one the target cannot show, and the points, hash and version as suite
 * {@code property} elements. {@code testsuites} carries only the attributes the junit-4 schema allows
 * it (no {@code skipped}). When grading stopped, a suite {@code tierlab} holds one test with an
 * {@code error}.
 */
public final class JunitReport {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private JunitReport() {
    }

    public static String write(GradeReport report) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            doc.appendChild(suites);
            suites.setAttribute("name", "tierlab grade");
            String timestamp = LocalDateTime.ofInstant(Instant.parse(report.timestamp()), ZoneOffset.UTC).format(TIMESTAMP);
            int tests = 0;
            int failures = 0;
            long millis = 0;
            for (LabGrade lab : report.labs()) {
                Element suite = child(suites, "testsuite");
                suite.setAttribute("name", lab.lab());
                suite.setAttribute("tests", String.valueOf(lab.tests().size()));
                suite.setAttribute("failures", String.valueOf(lab.count(CheckStatus.FAILED)));
                suite.setAttribute("errors", "0");
                suite.setAttribute("skipped", String.valueOf(lab.count(CheckStatus.NOT_VERIFIABLE)));
                suite.setAttribute("time", seconds(lab.durationMillis()));
                suite.setAttribute("timestamp", timestamp);
                Element props = child(suite, "properties");
                property(props, "tierlab.version", report.version());
                property(props, "target", report.target());
                property(props, "lab.sha256", lab.sha256());
                property(props, "workspace", lab.workspace());
                property(props, "score", String.valueOf(lab.score()));
                property(props, "max_score", String.valueOf(lab.maxScore()));
                property(props, "penalty", String.valueOf(lab.penalty()));
                lab.hintsUsed().forEach((step, level) -> property(props, "hints." + step, String.valueOf(level)));
                lab.solutionsSeen().forEach(step -> property(props, "solution." + step, "seen"));
                if (lab.message() != null) {
                    property(props, "message", lab.message());
                }
                for (TestOutcome t : lab.tests()) {
                    property(props, "points." + t.step() + "." + t.name(), t.score() + "/" + t.maxScore());
                    Element testcase = child(suite, "testcase");
                    testcase.setAttribute("name", t.name());
                    testcase.setAttribute("classname", lab.lab() + "." + t.step());
                    testcase.setAttribute("time", seconds(t.durationMillis()));
                    if (t.status() == CheckStatus.FAILED) {
                        Element failure = child(testcase, "failure");
                        failure.setAttribute("message", t.message() == null ? t.output() : t.message());
                        failure.setAttribute("type", t.type());
                        failure.setTextContent(t.output());
                    } else if (t.status() == CheckStatus.NOT_VERIFIABLE) {
                        child(testcase, "skipped").setAttribute("message", t.message() == null ? t.output() : t.message());
                    }
                }
                tests += lab.tests().size();
                failures += (int) lab.count(CheckStatus.FAILED);
                millis += lab.durationMillis();
            }
            int errors = 0;
            if (report.error() != null) {
                Element suite = child(suites, "testsuite");
                suite.setAttribute("name", "tierlab");
                suite.setAttribute("tests", "1");
                suite.setAttribute("failures", "0");
                suite.setAttribute("errors", "1");
                suite.setAttribute("skipped", "0");
                suite.setAttribute("time", "0");
                suite.setAttribute("timestamp", timestamp);
                Element testcase = child(suite, "testcase");
                testcase.setAttribute("name", "grade");
                testcase.setAttribute("classname", "tierlab");
                testcase.setAttribute("time", "0");
                Element error = child(testcase, "error");
                error.setAttribute("message", report.error());
                error.setAttribute("type", "error");
                tests++;
                errors++;
            }
            suites.setAttribute("tests", String.valueOf(tests));
            suites.setAttribute("failures", String.valueOf(failures));
            suites.setAttribute("errors", String.valueOf(errors));
            suites.setAttribute("time", seconds(millis));
            return serialize(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static void property(Element properties, String name, String value) {
        Element p = child(properties, "property");
        p.setAttribute("name", name);
        p.setAttribute("value", value == null ? "" : value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String serialize(Document doc) throws TransformerException {
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out + (out.toString().endsWith("\n") ? "" : "\n");
    }
}
