package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

class StackStatesTest {
    @Test
    void everyInProgressStateButReviewIsWaitedFor() {
        for (StackStatus s : StackStatus.values()) {
            boolean expected = s.toString() != null && s.toString().endsWith("_IN_PROGRESS") && s != StackStatus.REVIEW_IN_PROGRESS;
            assertEquals(expected, StackStates.inProgress(s), s::toString);
        }
    }

    @Test
    void onlyACompletedCreateOrUpdateIsDeployed() {
        assertTrue(StackStates.deployed(StackStatus.CREATE_COMPLETE));
        assertTrue(StackStates.deployed(StackStatus.UPDATE_COMPLETE));
        assertFalse(StackStates.deployed(StackStatus.UPDATE_ROLLBACK_COMPLETE));
        assertFalse(StackStates.deployed(StackStatus.ROLLBACK_COMPLETE));
        assertFalse(StackStates.deployed(StackStatus.fromValue("SOMETHING_AN_EMULATOR_SAYS")), "unknown: not a success");
        assertFalse(StackStates.inProgress(StackStatus.fromValue("SOMETHING_AN_EMULATOR_SAYS")), "unknown: settled");
    }

    @Test
    void aChangeSetIsWaitedForUntilItIsReadyOrFailed() {
        assertTrue(StackStates.changeSetSettled(ChangeSetStatus.CREATE_COMPLETE));
        assertTrue(StackStates.changeSetSettled(ChangeSetStatus.FAILED));
        assertFalse(StackStates.changeSetSettled(ChangeSetStatus.CREATE_PENDING));
        assertFalse(StackStates.changeSetSettled(ChangeSetStatus.CREATE_IN_PROGRESS));
    }

    @Test
    void everyFailedResourceStateIsAFailure() {
        for (ResourceStatus s : ResourceStatus.values()) {
            boolean expected = s.toString() != null && s.toString().endsWith("_FAILED");
            assertEquals(expected, StackStates.failed(s), s::toString);
        }
        assertFalse(StackStates.failed(null));
    }
}
