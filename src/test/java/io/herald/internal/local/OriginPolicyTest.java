package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code allowed-origins}: exact origins, {@code *.} subdomains, with or without a scheme; no list allows any. */
class OriginPolicyTest {

    @Test
    void anExactOriginIsAllowedAndNoOther() {
        OriginPolicy policy = OriginPolicy.of(List.of("https://app.example.com"), true);

        assertThat(policy.allows("https://app.example.com")).isTrue();
        assertThat(policy.allows("HTTPS://App.Example.com")).as("origins compare without case").isTrue();
        assertThat(policy.allows("http://app.example.com")).as("another scheme").isFalse();
        assertThat(policy.allows("https://app.example.com:8443")).as("another port").isFalse();
        assertThat(policy.allows("https://app.example.com.evil.test")).isFalse();
    }

    @Test
    void aWildcardAllowsSubdomainsButNotTheDomainItself() {
        OriginPolicy policy = OriginPolicy.of(List.of("https://*.example.com"), true);

        assertThat(policy.allows("https://shop.example.com")).isTrue();
        assertThat(policy.allows("https://a.b.example.com")).isTrue();
        assertThat(policy.allows("https://example.com")).isFalse();
        assertThat(policy.allows("https://evilexample.com")).isFalse();
    }

    @Test
    void anEntryWithoutASchemeAllowsAnyScheme() {
        OriginPolicy policy = OriginPolicy.of(List.of("localhost:8080"), true);

        assertThat(policy.allows("http://localhost:8080")).isTrue();
        assertThat(policy.allows("https://localhost:8080")).isTrue();
        assertThat(policy.allows("http://localhost:9090")).isFalse();
    }

    @Test
    void theOpaqueNullOriginOfASandboxedPageIsRefusedByAList() {
        assertThat(OriginPolicy.of(List.of("https://app.example.com"), true).allows("null")).isFalse();
    }

    @Test
    void noListAllowsAnyOrigin() {
        OriginPolicy policy = OriginPolicy.of(List.of(), true);

        assertThat(policy.allowsAny()).isTrue();
        assertThat(policy.allows("https://anything.test")).isTrue();
    }

    @Test
    void aClientWithoutOriginIsAllowedOrRefusedByItsOwnSwitch() {
        assertThat(OriginPolicy.of(List.of("https://app.example.com"), true).allows(null)).isTrue();
        assertThat(OriginPolicy.of(List.of("https://app.example.com"), false).allows(null)).isFalse();
        assertThat(OriginPolicy.of(List.of(), false).allows("")).isFalse();
    }

    @Test
    void somethingThatIsNotAnOriginIsAProblem() {
        assertThat(OriginPolicy.problem("https://app.example.com/path")).isPresent();
        assertThat(OriginPolicy.problem("https://*.example.com")).isEmpty();
        assertThat(OriginPolicy.problem("localhost:8080")).isEmpty();
    }
}
