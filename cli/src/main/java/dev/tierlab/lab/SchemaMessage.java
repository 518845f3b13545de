package dev.tierlab.lab;

import com.networknt.schema.ValidationMessage;
import com.networknt.schema.i18n.DefaultMessageSource;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Wording;
import dev.tierlab.i18n.Messages;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A schema violation in the reader's language: English as the validator worded it, other languages
 * from the validator's own message bundle ({@code jsv-messages_ko.properties}) with the same
 * arguments. The JSON path is made readable ({@code steps[0].title: …}).
 *
 * @param key     the validator's message key ({@code required}, {@code type}, …)
 * @param args    the message's arguments, the instance location first
 * @param english the message as the validator worded it in English
 */
record SchemaMessage(String key, List<Object> args, String english) implements Wording {
    SchemaMessage {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    static SchemaMessage of(ValidationMessage m) {
        Object[] arguments = m.getArguments() == null ? new Object[0] : m.getArguments();
        Object[] all = new Object[arguments.length + 1];
        all[0] = m.getInstanceLocation();
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new SchemaMessage(m.getMessageKey(), Arrays.asList(all), m.getMessage());
    }

    @Override
    public String in(Messages msg) {
        String text = english;
        if (msg.lang() != Lang.EN && key != null) {
            ResourceBundle bundle = Messages.bundle(DefaultMessageSource.BUNDLE_BASE_NAME, msg.lang());
            if (bundle.containsKey(key)) { // a custom message of the schema has no key in the bundle
                text = new MessageFormat(bundle.getString(key), msg.lang().bundleLocale()).format(args.toArray());
            }
        }
        String path = String.valueOf(args.get(0)).replaceFirst("^\\$\\.?", "");
        return (path.isEmpty() ? "" : path + ": ") + text.replaceFirst("^\\$[^:]*: ", "");
    }

    @Override
    public String toString() {
        return in(Messages.of(Lang.EN));
    }
}
