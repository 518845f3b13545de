package dev.tierlab.provision;

import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * What the CloudFormation states mean to a deploy, in the SDK's own types. A state the SDK does not
 * know ({@code UNKNOWN_TO_SDK_VERSION}, e.g. a word only an emulator uses) is settled and not a
 * success: a deploy then stops and reports the word as the emulator gave it.
 */
final class StackStates {
    /** An operation runs on the stack; wait for it. {@code REVIEW_IN_PROGRESS} is an empty stack waiting for its first change set. */
    private static final Set<StackStatus> IN_PROGRESS = EnumSet.of(StackStatus.CREATE_IN_PROGRESS,
            StackStatus.ROLLBACK_IN_PROGRESS, StackStatus.DELETE_IN_PROGRESS, StackStatus.UPDATE_IN_PROGRESS,
            StackStatus.UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, StackStatus.UPDATE_ROLLBACK_IN_PROGRESS,
            StackStatus.UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS, StackStatus.IMPORT_IN_PROGRESS,
            StackStatus.IMPORT_ROLLBACK_IN_PROGRESS);
    private static final Set<ResourceStatus> RESOURCE_FAILED = EnumSet.of(ResourceStatus.CREATE_FAILED,
            ResourceStatus.DELETE_FAILED, ResourceStatus.UPDATE_FAILED, ResourceStatus.IMPORT_FAILED,
            ResourceStatus.IMPORT_ROLLBACK_FAILED, ResourceStatus.EXPORT_FAILED, ResourceStatus.EXPORT_ROLLBACK_FAILED,
            ResourceStatus.UPDATE_ROLLBACK_FAILED, ResourceStatus.ROLLBACK_FAILED);

    private StackStates() {
    }

    static boolean inProgress(StackStatus status) {
        return IN_PROGRESS.contains(status);
    }

    /** The change set was executed and the stack holds the new template. */
    static boolean deployed(StackStatus status) {
        return status == StackStatus.CREATE_COMPLETE || status == StackStatus.UPDATE_COMPLETE;
    }

    /** A change set is ready to describe (its changes are known) or has failed (its reason is known). */
    static boolean changeSetSettled(ChangeSetStatus status) {
        return status == ChangeSetStatus.CREATE_COMPLETE || status == ChangeSetStatus.FAILED;
    }

    /** A resource event that reports a failure. */
    static boolean failed(ResourceStatus status) {
        return RESOURCE_FAILED.contains(status);
    }
}
