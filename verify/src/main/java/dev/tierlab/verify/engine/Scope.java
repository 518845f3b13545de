package dev.tierlab.verify.engine;

/** Where a check type looks. */
public enum Scope {
    /** The learner's workspace and machine (files, build, local invoke, quiz): the same on every target. */
    WORKSPACE,
    /** What the workspace deployed on its target: needs a deploy that is as new as the workspace. */
    DEPLOYED
}
