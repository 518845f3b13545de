package dev.tierlab.verify.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects what a check expects of one subject, property by property, and what differed: the
 * verdict names every expectation and the first property that did not match. A property the check
 * does not name (a null wanted value) is not compared.
 */
public final class Expectations {
    private final Texts texts;
    private final List<String> expected = new ArrayList<>();
    private String mismatch;

    public Expectations(Texts texts) {
        this.texts = texts;
    }

    /** Compares {@code actual} with {@code wanted} as text, when {@code wanted} is given. */
    public Expectations expect(String subject, String property, Object wanted, Object actual) {
        if (wanted == null) {
            return this;
        }
        expected.add(texts.get("check.r.is", subject, property, wanted));
        String got = actual == null ? texts.get("check.r.none") : String.valueOf(actual);
        if (!Objects.equals(String.valueOf(wanted), got)) {
            mismatch(subject, property, got);
        }
        return this;
    }

    /** Adds an expectation in words. */
    public Expectations expected(String sentence) {
        expected.add(sentence);
        return this;
    }

    /** Records that {@code property} of {@code subject} is {@code got} (the first one is reported). */
    public Expectations mismatch(String subject, String property, String got) {
        if (mismatch == null) {
            mismatch = texts.get("check.r.is", subject, property, got);
        }
        return this;
    }

    /** What is expected of {@code subject}, in one line: its existence when nothing else was named. */
    public String expectedText(String subject) {
        return expected.isEmpty() ? texts.get("check.r.exists", subject) : String.join("; ", expected);
    }

    public Verdict verdict(String subject) {
        return mismatch == null ? Verdict.pass(expectedText(subject), texts.get("check.r.asExpected"))
                : Verdict.fail(expectedText(subject), mismatch);
    }
}
