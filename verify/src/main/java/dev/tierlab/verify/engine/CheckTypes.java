package dev.tierlab.verify.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tierlab.verify.types.ApiGatewayCheck;
import dev.tierlab.verify.types.ApiKeyCheck;
import dev.tierlab.verify.types.BrowserCheck;
import dev.tierlab.verify.types.BuildCheck;
import dev.tierlab.verify.types.CloudFormationCheck;
import dev.tierlab.verify.types.CognitoUserCheck;
import dev.tierlab.verify.types.CommandCheck;
import dev.tierlab.verify.types.DynamoDbCheck;
import dev.tierlab.verify.types.FileContainsCheck;
import dev.tierlab.verify.types.HttpCheck;
import dev.tierlab.verify.types.InvokeCheck;
import dev.tierlab.verify.types.LambdaCheck;
import dev.tierlab.verify.types.LogsCheck;
import dev.tierlab.verify.types.QuizCheck;
import dev.tierlab.verify.types.S3Check;
import dev.tierlab.verify.types.TemplateCheck;
import dev.tierlab.verify.types.UnitTestsCheck;
import dev.tierlab.verify.types.WafCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check types labs can use: this list is the only place they are named. The {@code type} enum of
 * {@code labs/lab.schema.json} and the table in {@code docs/authoring.md} are tested equal to it.
 */
public final class CheckTypes {
    private static final CheckTypes STANDARD = new CheckTypes(List.of(
            new BuildCheck(),
            new UnitTestsCheck(),
            new InvokeCheck(),
            new FileContainsCheck(),
            new QuizCheck(),
            new CommandCheck(),
            new TemplateCheck(),
            new CloudFormationCheck(),
            new ApiGatewayCheck(),
            new LambdaCheck(),
            new DynamoDbCheck(),
            new S3Check(),
            new LogsCheck(),
            new CognitoUserCheck(),
            new ApiKeyCheck(),
            new WafCheck(),
            new BrowserCheck(),
            new HttpCheck()));

    private final Map<String, CheckType<?>> byName = new LinkedHashMap<>();

    public CheckTypes(List<CheckType<?>> types) {
        for (CheckType<?> t : types) {
            if (byName.putIfAbsent(t.name(), t) != null) {
                throw new IllegalArgumentException("two check types named " + t.name());
            }
        }
    }

    /** Every type tierlab has. */
    public static CheckTypes standard() {
        return STANDARD;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<CheckType<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * What of the lab's code {@code check} runs on this machine ({@link CheckType#labCode}); empty when
     * it runs none. Parameters still holding {@code ${...}} references that do not bind yet give an
     * empty detail, not an error: the check runs lab code either way.
     */
    public Optional<String> labCode(CheckSpec check) {
        CheckType<?> type = find(check.type()).orElseThrow(() -> new IllegalArgumentException("unknown check type " + check.type()));
        return labCodeOf(type, check.params());
    }

    private static <P> Optional<String> labCodeOf(CheckType<P> type, java.util.Map<String, Object> params) {
        P bound;
        try {
            bound = Parameters.bind(Parameters.tree(params), type.parameters());
        } catch (Parameters.Invalid | IllegalArgumentException e) {
            return type.labCode(null);
        }
        return type.labCode(bound);
    }

    /**
     * Binds {@code params} as the type {@code name} expects them; {@link Parameters.Invalid} says what
     * is wrong and where. An unknown type is an {@link IllegalArgumentException}.
     */
    public Object bind(String name, JsonNode params) {
        CheckType<?> type = find(name).orElseThrow(() -> new IllegalArgumentException("unknown check type " + name));
        return Parameters.bind(params, type.parameters());
    }
}
