package dev.tierlab.verify.engine;

import java.time.Duration;
import java.util.List;

/**
 * A real web browser on this machine, supplied by the application (headless Chromium): it opens a
 * page as a learner's browser does — running its scripts, enforcing CORS — and does a few things on
 * it. An implementation throws {@link NotVerifiableHere} when this machine has no browser, and never
 * leaves a browser process behind, whatever happens on the page.
 */
public interface Browser {
    /**
     * One thing to do on the page, in order: exactly one of {@code click} (a CSS selector),
     * {@code type} (a CSS selector, with {@code text} to type) or {@code waitFor} (a CSS selector,
     * optionally with {@code text} that the element must come to contain).
     */
    record Action(String click, String type, String waitFor, String text) {
        public Action {
            int given = (click == null ? 0 : 1) + (type == null ? 0 : 1) + (waitFor == null ? 0 : 1);
            if (given != 1) {
                throw new IllegalArgumentException("a step is one of click, type or waitFor (each a CSS selector), not "
                        + (given == 0 ? "none" : "several"));
            }
            if (type != null && text == null) {
                throw new IllegalArgumentException("a type step needs the text to type");
            }
            if (click != null && text != null) {
                throw new IllegalArgumentException("a click step takes no text");
            }
        }

        /** The step as an author wrote it, for messages: {@code click #create}. */
        public String describe() {
            if (click != null) {
                return "click " + click;
            }
            if (type != null) {
                return "type \"" + text + "\" into " + type;
            }
            return "wait for " + waitFor + (text == null ? "" : " with \"" + text + "\"");
        }
    }

    /** Open {@code url}, then do {@code actions}, waiting at most {@code timeout} for each. */
    record Visit(String url, List<Action> actions, Duration timeout) {
        public Visit {
            actions = List.copyOf(actions);
        }
    }

    /**
     * What the browser saw.
     *
     * @param failedStep   the index of the first step that could not be done (-1 when every step was done)
     * @param failure      why that step (or the page itself) failed, in the browser's words; null when none did
     * @param lastText     the text of the element of the last {@code waitFor} step that was done (null when none)
     * @param consoleErrors what the page reported as errors in its console (script errors, blocked and failed
     *                     requests such as a CORS refusal), in order
     */
    record Seen(int failedStep, String failure, String lastText, List<String> consoleErrors) {
        public Seen {
            consoleErrors = List.copyOf(consoleErrors);
        }

        public boolean completed() {
            return failedStep < 0 && failure == null;
        }
    }

    Seen visit(Visit visit);
}
