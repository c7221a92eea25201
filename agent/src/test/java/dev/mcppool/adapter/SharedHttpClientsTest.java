package dev.mcppool.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedHttpClientsTest {

    @BeforeAll
    static void install() {
        SharedHttpClients.install(ByteBuddyAgent.install());
    }

    private static HttpClient.Builder transportDefaults() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void buildersSetUpAlikeShareOneClient() {
        HttpClient first = SharedHttpClients.sharing(transportDefaults()).connectTimeout(Duration.ofSeconds(10)).build();
        HttpClient second = SharedHttpClients.sharing(transportDefaults()).connectTimeout(Duration.ofSeconds(10)).build();

        assertThat(second).isSameAs(first);
        assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(first.connectTimeout()).contains(Duration.ofSeconds(10));
    }

    @Test
    void anySettingThatDiffersGetsItsOwnClient() {
        HttpClient base = SharedHttpClients.sharing(transportDefaults()).connectTimeout(Duration.ofSeconds(7)).build();
        Executor executor = Runnable::run;
        Executor equalButOther = task -> task.run();

        assertThat(SharedHttpClients.sharing(transportDefaults()).connectTimeout(Duration.ofSeconds(8)).build())
                .isNotSameAs(base);
        assertThat(SharedHttpClients.sharing(HttpClient.newBuilder()).connectTimeout(Duration.ofSeconds(7)).build())
                .as("another HTTP version").isNotSameAs(base);
        HttpClient withExecutor = SharedHttpClients.sharing(transportDefaults().executor(executor))
                .connectTimeout(Duration.ofSeconds(7)).build();
        assertThat(withExecutor).isNotSameAs(base);
        assertThat(withExecutor.executor()).contains(executor);
        assertThat(SharedHttpClients.sharing(transportDefaults().executor(executor))
                .connectTimeout(Duration.ofSeconds(7)).build()).as("the same executor instance").isSameAs(withExecutor);
        assertThat(SharedHttpClients.sharing(transportDefaults().executor(equalButOther))
                .connectTimeout(Duration.ofSeconds(7)).build()).as("another executor").isNotSameAs(withExecutor);
    }

    @Test
    void settingsReachTheApplicationsBuilderAndItsFailuresReachTheCaller() {
        HttpClient.Builder applications = transportDefaults();
        SharedHttpClients.sharing(applications).connectTimeout(Duration.ofSeconds(3));

        assertThat(applications.build().connectTimeout()).contains(Duration.ofSeconds(3));
        assertThatThrownBy(() -> SharedHttpClients.sharing(transportDefaults()).connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBuilderOfAnotherKindBuildsItsOwnClient() {
        HttpClient.Builder custom = new ForwardingBuilder(transportDefaults());

        assertThat(SharedHttpClients.sharing(custom).build()).isNotSameAs(SharedHttpClients.sharing(custom).build());
    }

    /** An application's own HttpClient.Builder: the agent cannot see its settings, so it shares nothing it builds. */
    private record ForwardingBuilder(HttpClient.Builder delegate) implements HttpClient.Builder {
        @Override
        public HttpClient.Builder cookieHandler(java.net.CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(javax.net.ssl.SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(javax.net.ssl.SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(java.net.ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(java.net.Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return delegate.build();
        }
    }
}
