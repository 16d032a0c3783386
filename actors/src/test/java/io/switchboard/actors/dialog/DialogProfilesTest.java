package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Dialog profiles (seed manual 001, section 4, 6.44, 6.45, 7.1–7.3) in the entity: membership set
 * during call setup is written with the answer, later changes are journaled, it survives recovery,
 * the node's counts follow it, and an ended dialog is in no profile.
 */
class DialogProfilesTest {

    private static final ActorTestKit KIT = ActorTestKit.create("dialog-profiles", EntityHarness.config());
    private static final ProfileMembership ALICE = new ProfileMembership("caller", "alice");
    private static final ProfileMembership INBOUND = new ProfileMembership("inbound", null);

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static EntityHarness harness() {
        return new EntityHarness(KIT, EntityHarness.settings(
                "profiles-with-value = [caller], profiles-no-value = [inbound, outbound]"));
    }

    private static List<DialogEvent> set(EntityHarness h, ProfileMembership membership, boolean member) {
        return h.run(new DialogCommand.SetProfile(membership, member, null));
    }

    private static boolean in(EntityHarness h, String profile, String value) {
        return h.entity.<Boolean>runCommand(replyTo -> new DialogCommand.InProfile(profile, value, replyTo)).reply();
    }

    @Test
    void profilesSetDuringSetupAreWrittenWithTheAnswerAndSurviveRecovery() {
        EntityHarness h = harness();
        h.track();
        assertEquals(List.of(), set(h, ALICE, true), "in memory before the answer");
        assertEquals(List.of(), set(h, INBOUND, true));
        assertTrue(in(h, "caller", "alice"));
        assertTrue(in(h, "caller", null), "any value");
        assertFalse(in(h, "caller", "bob"));
        assertEquals(1, h.directory.profileCounts().size("caller", "alice"), "counted from call setup on");

        List<DialogEvent> answered = h.answer();
        assertEquals(3, answered.size());
        assertInstanceOf(DialogEvent.Created.class, answered.get(0));
        assertEquals(List.of(ALICE, INBOUND), ((DialogEvent.ProfilesChanged) answered.get(1)).profiles());
        assertInstanceOf(DialogEvent.Answered.class, answered.get(2));

        Dialog recovered = h.entity.restart().state();
        assertEquals(List.of(ALICE, INBOUND), recovered.profiles());
        assertTrue(in(h, "inbound", null));
        assertEquals(1, h.directory.profileCounts().size("inbound", null), "the recovering node counts it");
    }

    @Test
    void changesOfAConfirmedDialogAreJournaledAndSettingTwiceCountsOnce() {
        EntityHarness h = harness();
        h.confirm();
        assertEquals(1, set(h, ALICE, true).size());
        assertEquals(List.of(), set(h, ALICE, true), "already in it: nothing to write");
        assertEquals(1, set(h, new ProfileMembership("caller", "carol"), true).size());
        assertEquals(2, h.directory.profileCounts().size("caller", null), "two values, one dialog each");
        assertEquals(1, h.directory.profileCounts().size("caller", "alice"));

        assertEquals(1, set(h, ALICE, false).size());
        assertFalse(in(h, "caller", "alice"));
        assertEquals(0, h.directory.profileCounts().size("caller", "alice"));
        assertEquals(List.of(new ProfileMembership("caller", "carol")), h.entity.restart().state().profiles());
    }

    @Test
    void anEndedDialogLeavesItsProfiles() {
        EntityHarness h = harness();
        h.confirm();
        set(h, INBOUND, true);
        assertEquals(1, h.directory.profileCounts().size("inbound", null));
        h.request(Side.CALLER, "BYE", SampleCall.INVITE_CSEQ + 1);
        assertEquals(0, h.directory.profileCounts().size("inbound", null));
        assertFalse(in(h, "inbound", null));
        Boolean live = h.entity.<Boolean>runCommand(replyTo -> new DialogCommand.SetProfile(INBOUND, true, replyTo)).reply();
        assertFalse(live, "an ended dialog takes no profile");
    }

    @Test
    void aTimedOutDialogLeavesItsProfiles() {
        EntityHarness h = new EntityHarness(KIT, EntityHarness.settings(
                "profiles-no-value = [inbound], early-timeout = 10"));
        h.track();
        set(h, INBOUND, true);
        h.advance(Duration.ofSeconds(10));
        h.await(DialogState.DELETED);
        assertEquals(0, h.directory.profileCounts().size("inbound", null), "early-timeout ended it");
    }

    @Test
    void theSettingsNameTheProfilesAndAWrongOneStopsStartUp() {
        ProfileDefinitions profiles =
                EntityHarness.settings("profiles-with-value = [caller], profiles-no-value = [inbound]").profiles();
        assertEquals(Optional.of(new ProfileMembership("inbound", null)), profiles.membership("inbound", "x"),
                "a value for a profile without values is discarded");
        assertEquals(Optional.empty(), profiles.membership("caller", null), "a profile with values needs one");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> profiles.membership("nope", null));
        assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
        assertEquals(ProfileDefinitions.NONE, DialogSettings.defaults().profiles(), "none by default");

        IllegalArgumentException notAList = assertThrows(IllegalArgumentException.class,
                () -> EntityHarness.settings("profiles-no-value = {a = 1}"));
        assertTrue(notAList.getMessage().contains("switchboard.dialog.profiles-no-value"), notAList.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> EntityHarness.settings("profiles-with-value = [x], profiles-no-value = [x]"));
        assertTrue(both.getMessage().contains("switchboard.dialog.profiles-with-value"), both.getMessage());
    }
}
