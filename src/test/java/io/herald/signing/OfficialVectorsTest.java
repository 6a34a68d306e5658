package io.herald.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.internal.signing.ChannelSigner;
import io.herald.internal.signing.Hmac;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pusher's published signature examples, reproduced byte for byte. */
class OfficialVectorsTest {
    private static final String KEY = "278d425bdf160c739803";
    private static final String SECRET = "7ad3773142a6692b25b8";
    private final ChannelSigner signer = new ChannelSigner(KEY, SECRET, Optional.empty());

    @Test
    void privateChannelAuthorizationMatchesPushersExample() {
        assertThat(signer.authorizePrivate("private-foobar", "1234.1234")).isEqualTo(
                "{\"auth\":\"278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4\"}");
    }

    @Test
    void privateChannelWithEveryAllowedCharacterMatchesPusherHttpJavasVector() {
        assertThat(signer.authorizePrivate("private-azAZ9_=@,.;", "1234.1234"))
                .contains("208cbbce2a22fd7d7c3509046b17a97b99d345cf4c195bc0d54af9004a022b0b");
    }

    @Test
    void presenceChannelAuthorizationMatchesPushersExample() {
        String channelData = "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Pusher\"}}";

        assertThat(signer.authorizePresence("presence-foobar", "1234.1234", channelData)).isEqualTo(
                "{\"auth\":\"278d425bdf160c739803:afaed3695da2ffd16931f457e338e6c9f2921fa133ce7dac49f529792be6304c\","
                        + "\"channel_data\":\"{\\\"user_id\\\":10,\\\"user_info\\\":{\\\"name\\\":\\\"Mr. Pusher\\\"}}\"}");
    }

    @Test
    void userSignInMatchesPushersExample() {
        assertThat(signer.authenticateUser("1234.1234", "{\"id\":\"12345\"}")).isEqualTo(
                "{\"auth\":\"278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba\","
                        + "\"user_data\":\"{\\\"id\\\":\\\"12345\\\"}\"}");
    }

    @Test
    void encryptedChannelSharedSecretMatchesPusherHttpNodesVector() {
        byte[] masterKey = Base64.getDecoder().decode("zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=");
        ChannelSigner encrypting = new ChannelSigner("f00d", "tofu", Optional.of(masterKey));

        assertThat(encrypting.sharedSecret("private-encrypted-bla")).isEqualTo("nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=");
    }

    @Test
    void restRequestSignatureMatchesPushersExample() {
        String toSign = "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179"
                + "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f";

        assertThat(Hmac.sha256Hex(SECRET, toSign)).isEqualTo("da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
    }

    @Test
    void socketIdThatCouldExtendTheSignedTextIsRefused() {
        assertThatThrownBy(() -> signer.authorizePrivate("private-foobar", "1234.1234:private-other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HERALD-0010");
    }

    @Test
    void publicChannelCannotBeAuthorized() {
        assertThatThrownBy(() -> signer.authorizePrivate("releases", "1234.1234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'releases' is not a private channel");
    }

    @Test
    void presenceChannelIsNotAuthorizedAsPrivate() {
        assertThatThrownBy(() -> signer.authorizePrivate("presence-x", "1.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constantTimeComparisonTellsEqualFromUnequal() {
        assertThat(Hmac.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(Hmac.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(Hmac.constantTimeEquals("abc", "abcd")).isFalse();
        assertThat(Hmac.constantTimeEquals("abc", null)).isFalse();
    }
}
