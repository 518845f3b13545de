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
 * The report as JUnit XML in the Jenkins junit-4 shape (its XSD is a test resource, and every report
 * the tests write is validated against it): one {@code testsuite} per lab, one {@code testcase} per
 * check (classname {@code <lab>.<step>}), {@code failure} for a failed check, {@code error} (type
 * {@code blocked}) for a check that could not run, {@code skipped} for one the target cannot verify —
 * the schema allows {@code skipped} no attributes, so its reason is the element's text — and the
 * points, hash and version as suite {@code property} elements. Only earnable checks have
 * {@code points.*} and count in {@code max_score}; the others have {@code not_verifiable.*} with
 * their reason. {@code testsuites} carries only the attributes the schema allows it (no
 * {@code skipped}). When grading stopped, a suite {@code tierlab} holds one test with an {@code error}.
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
            int errors = 0;
            long millis = 0;
            for (LabGrade lab : report.labs()) {
                Element suite = child(suites, "testsuite");
                suite.setAttribute("name", lab.lab());
                suite.setAttribute("tests", String.valueOf(lab.tests().size()));
                suite.setAttribute("failures", String.valueOf(lab.count(CheckStatus.FAILED)));
                suite.setAttribute("errors", String.valueOf(lab.count(CheckStatus.BLOCKED)));
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
                property(props, "complete", String.valueOf(lab.completion().complete()));
                lab.hintsUsed().forEach((step, level) -> property(props, "hints." + step, String.valueOf(level)));
                lab.solutionsSeen().forEach(step -> property(props, "solution." + step, "seen"));
                if (lab.message() != null) {
                    property(props, "message", lab.message());
                }
                for (TestOutcome t : lab.tests()) {
                    if (t.earnable()) {
                        property(props, "points." + t.step() + "." + t.name(), t.score() + "/" + t.maxScore());
                    } else {
                        property(props, "not_verifiable." + t.step() + "." + t.name(), reason(t));
                    }
                    Element testcase = child(suite, "testcase");
                    testcase.setAttribute("name", t.name());
                    testcase.setAttribute("classname", lab.lab() + "." + t.step());
                    testcase.setAttribute("time", seconds(t.durationMillis()));
                    switch (t.status()) {
                        case FAILED -> {
                            Element failure = child(testcase, "failure");
                            failure.setAttribute("message", reason(t));
                            failure.setAttribute("type", t.type());
                            failure.setTextContent(t.output());
                        }
                        case BLOCKED -> {
                            Element error = child(testcase, "error");
                            error.setAttribute("message", reason(t));
                            error.setAttribute("type", "blocked");
                            error.setTextContent(t.output());
                        }
                        case NOT_VERIFIABLE -> child(testcase, "skipped").setTextContent(reason(t));
                        case PASSED -> {
                        }
                    }
                }
                tests += lab.tests().size();
                failures += (int) lab.count(CheckStatus.FAILED);
                errors += (int) lab.count(CheckStatus.BLOCKED);
                millis += lab.durationMillis();
            }
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

    /** The hint of a failed check, the reason of a blocked or not verifiable one; else what it found. */
    private static String reason(TestOutcome t) {
        return t.message() == null ? t.output() : t.message();
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
