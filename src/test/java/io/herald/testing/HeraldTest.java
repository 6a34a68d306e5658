package io.herald.testing;

import io.herald.internal.hooks.ChannelEventPublishers;
import io.herald.internal.delivery.ConfiguredConnections;
import io.herald.internal.json.PayloadSerializers;
import io.herald.internal.request.RequestSocket;
import io.herald.testkit.RecordedBroadcasts;
import io.herald.internal.drivers.LogDriverFactory;
import io.herald.internal.extension.BroadcastExtension;
import io.herald.internal.pusher.PusherDriverFactory;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.weld.junit5.auto.AddExtensions;
import org.jboss.weld.junit5.auto.AddPackages;
import org.jboss.weld.junit5.auto.EnableAutoWeld;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Weld container with Herald in it, configured for a {@link PusherRestStandIn} that runs for the test. The test
 * class's {@code @Inject} fields are beans; a field of type {@link PusherRestStandIn} gets the stand-in.
 *
 * <pre>{@code
 * @HeraldTest
 * class NewReleaseTest {
 *     PusherRestStandIn pusher;
 *     @Inject @Broadcast Event<NewRelease> releases;
 *
 *     @Test
 *     void firedEventReachesPusher() {
 *         releases.fire(new NewRelease("4.0.0"));
 *         assertThat(pusher.published()).hasSize(1);
 *     }
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(HeraldTestExtension.class)
@EnableAutoWeld
@AddExtensions(BroadcastExtension.class)
@AddPackages({ConfiguredConnections.class, PusherDriverFactory.class, LogDriverFactory.class, PayloadSerializers.class,
        RequestSocket.class, RecordedBroadcasts.class, ChannelEventPublishers.class})
public @interface HeraldTest {
}
