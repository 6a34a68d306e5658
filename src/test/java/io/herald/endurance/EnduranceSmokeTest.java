package io.herald.endurance;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.endurance.server.PlainChannelsEndpoint;
import io.herald.endurance.server.PlainPublishResource;
import io.herald.testing.HeraldServer;
import java.io.File;
import org.junit.jupiter.api.Test;

/**
 * A minute of sustained traffic with churn against Herald's {@code local} server, with clients in a process of their
 * own ({@link LoadFleet}): 200 subscribers on 20 channels (4 presence, 6 private), 100 events a second through
 * {@code Broadcaster} and the REST API, 5 subscribers leaving and coming back every second. Nothing is lost, received
 * twice or out of order, and at every sample each presence channel's members, as the REST API and as every
 * subscriber sees them, are the subscribers that hold it. No timing is asserted: the endurance profile measures
 * that (CONTRIBUTING.md, "Endurance").
 */
class EnduranceSmokeTest {

    @Test
    void aMinuteOfChurnLosesNothingAndPresenceStaysTrue() throws Exception {
        File csv = new File("target/endurance/smoke.csv");
        csv.getParentFile().mkdirs();
        EnduranceRun.Outcome outcome;
        try (HeraldServer server = HeraldServer.atRoot(EnduranceRun.localConfig(), PlainChannelsEndpoint.class,
                PlainPublishResource.class)) {
            outcome = EnduranceRun.run(server, EnduranceRun.Target.HERALD, Workload.SMOKE, csv);
        }

        assertThat(outcome.samples()).hasSize(6);
        assertThat(outcome.total(EnduranceRun.Sample::churned)).as("subscribers replaced").isGreaterThan(200);
        assertThat(outcome.mean(EnduranceRun.Sample::deliveredPerSecond)).as("delivered per second").isPositive();
        assertThat(outcome.lost()).as("lost, including the last events").isZero();
        assertThat(outcome.silent()).as("subscribers that never received anything").isZero();
        assertThat(outcome.total(EnduranceRun.Sample::duplicated)).as("received twice").isZero();
        assertThat(outcome.total(EnduranceRun.Sample::outOfOrder)).as("out of order").isZero();
        assertThat(outcome.total(EnduranceRun.Sample::errors)).as("errors the clients saw").isZero();
        assertThat(outcome.total(EnduranceRun.Sample::reconnects)).as("connections the server dropped").isZero();
        assertThat(outcome.publishFailures()).as("events the server refused").isZero();
        assertThat(outcome.total(EnduranceRun.Sample::presenceMismatches)).as("REST members unlike the holders")
                .isZero();
        assertThat(outcome.total(EnduranceRun.Sample::viewMismatches)).as("subscribers with a wrong member list")
                .isZero();
    }
}
