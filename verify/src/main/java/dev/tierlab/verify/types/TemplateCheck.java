package dev.tierlab.verify.types;

import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.LabProblem;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import dev.tierlab.verify.engine.WorkspaceFiles;
import dev.tierlab.verify.template.Outcome;
import dev.tierlab.verify.template.TemplateMatch;
import dev.tierlab.verify.template.TemplateParams;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code template}: what the learner's CloudFormation template declares — a resource of a type, a
 * property's value, a reference to another resource — read without deploying, the same on every target.
 * It stands in where an emulator accepts a property and drops it (measured on MiniStack 1.5.33: RestApi
 * EndpointConfiguration, Lambda VpcConfig, Stage AccessLogSetting, S3 LifecycleConfiguration, DynamoDB TTL,
 * point-in-time recovery and SSESpecification come back empty). The model is {@code verify.template}.
 */
public final class TemplateCheck extends BaseCheckType<TemplateParams> {
    public TemplateCheck() {
        super("template", TemplateParams.class, Scope.WORKSPACE);
    }

    @Override
    public Verdict run(TemplateParams p, CheckContext context) {
        String relative = p.file() != null ? p.file() : context.deployTemplate();
        if (relative == null) {
            throw new LabProblem("a template check needs file: this lab has no deploy.template");
        }
        Optional<Path> file = WorkspaceFiles.regularFile(context.workspace(), relative);
        // a file outside the workspace (also through a symbolic link) is never read: the same as no file
        Outcome outcome = file.isPresent() ? TemplateMatch.evaluate(file.get(), relative, p) : TemplateMatch.missing(relative);
        return judge(p, outcome, context.texts());
    }

    static Verdict judge(TemplateParams p, Outcome outcome, Texts t) {
        String found = t.get(outcome.messageKey(), outcome.messageArguments());
        if (outcome.where() != null && !outcome.ok()) {
            found = found + " (" + outcome.where() + ")";
        }
        return Verdict.of(outcome.ok(), TemplateMatch.describe(p), found);
    }
}
