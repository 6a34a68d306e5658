package io.herald.firing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pusher.client.crypto.nacl.SecretBoxOpener;
import io.herald.Broadcast;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.EncryptedPrivateChannel;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.PusherRestStandIn;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events on encrypted channels leave encrypted, and pusher-java-client's NaCl opener decrypts them. */
@HeraldTest
@Config({"broadcast.pusher.encryption-master-key=zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=",
        "broadcast.private-channels.require-user=false"})
class EncryptedDeliveryTest {
    private static final byte[] MASTER_KEY = Base64.getDecoder().decode("zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");

    PusherRestStandIn pusher;

    public record Payslip(String employee, int amount) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new EncryptedPrivateChannel("payroll"), new Channel("payroll-public"));
        }
    }

    @Inject
    @Broadcast
    Event<Payslip> payslips;

    @Test
    void encryptedChannelGetsCiphertextThatTheClientLibraryOpens() throws Exception {
        payslips.fire(new Payslip("ada", 1200));

        PusherRestStandIn.Published encrypted = pusher.published().stream()
                .filter(p -> p.channel().equals("private-encrypted-payroll")).findFirst().orElseThrow();
        assertThat(encrypted.channels()).hasSize(1);
        assertThat(encrypted.data()).doesNotContain("ada");
        JsonObject box = JsonParser.parseString(encrypted.data()).getAsJsonObject();
        byte[] sharedKey = MessageDigest.getInstance("SHA-256")
                .digest(concat("private-encrypted-payroll".getBytes(StandardCharsets.UTF_8), MASTER_KEY));
        String opened = new SecretBoxOpener(sharedKey).open(Base64.getDecoder().decode(box.get("ciphertext").getAsString()),
                Base64.getDecoder().decode(box.get("nonce").getAsString()));
        assertThat(JsonParser.parseString(opened)).isEqualTo(JsonParser.parseString("{\"employee\":\"ada\",\"amount\":1200}"));
    }

    @Test
    void plainChannelOfTheSameEventGetsPlainText() {
        payslips.fire(new Payslip("ada", 1200));

        assertThat(pusher.published()).filteredOn(p -> p.channel().equals("payroll-public"))
                .singleElement().satisfies(p -> assertThat(JsonParser.parseString(p.data()))
                        .isEqualTo(JsonParser.parseString("{\"employee\":\"ada\",\"amount\":1200}")));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
