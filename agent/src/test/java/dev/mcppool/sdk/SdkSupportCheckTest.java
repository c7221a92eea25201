package dev.mcppool.sdk;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/** The muzzle-like check on class files, against the SDK on the test class path and doctored copies of it. */
class SdkSupportCheckTest {

    private static final ClassFileLocator SDK =
            ClassFileLocator.ForClassLoader.of(SdkSupportCheckTest.class.getClassLoader());

    @Test
    void theSdkThisAgentIsBuiltAgainstIsSupported() {
        assertThat(SdkSupportCheck.problem(TypePool.Default.of(SDK))).isEmpty();
    }

    @Test
    void onlyLoadersDefiningAnSdkClassAreChecked() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ClassLoader countingReads = new ClassLoader(SdkSupportCheckTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                reads.incrementAndGet();
                return super.getResourceAsStream(name);
            }
        };
        AgentBuilder.RawMatcher matcher = new SdkSupportCheck().supportedSdkTypes(named(SdkBinding.SPEC_CLASS));

        assertThat(matcher.matches(TypeDescription.ForLoadedType.of(String.class), countingReads, null, null, null))
                .isFalse();
        assertThat(reads).as("class files read for a class that is not the SDK's").hasValue(0);

        TypeDescription spec = TypePool.Default.of(SDK).describe(SdkBinding.SPEC_CLASS).resolve();
        assertThat(matcher.matches(spec, countingReads, null, null, null)).isTrue();
        int readsForTheVerdict = reads.get();
        assertThat(matcher.matches(spec, countingReads, null, null, null)).isTrue();
        assertThat(reads).as("the verdict is kept per loader").hasValue(readsForTheVerdict);
    }

    @Test
    void anSdkThatConnectsInsideBuildIsNot() {
        ClassFileLocator withoutLazyConnect = new ClassFileLocator() {
            @Override
            public Resolution locate(String name) throws IOException {
                return name.endsWith("LifecycleInitializer") ? new Resolution.Illegal(name) : SDK.locate(name);
            }

            @Override
            public void close() {
            }
        };
        assertThat(SdkSupportCheck.problem(TypePool.Default.of(withoutLazyConnect)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("connect inside build()"));
    }

    @Test
    void anSdkWhoseSpecHasASettingThisAgentDoesNotKnowIsNot() throws IOException {
        TypePool real = TypePool.Default.of(SDK);
        byte[] doctored = new ByteBuddy()
                .redefine(real.describe(SdkBinding.SPEC_CLASS).resolve(), SDK)
                .defineField("shinyNewSetting", String.class, Visibility.PRIVATE)
                .make()
                .getBytes();
        ClassFileLocator withNewSetting = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(SdkBinding.SPEC_CLASS, doctored), SDK);
        assertThat(SdkSupportCheck.problem(TypePool.Default.of(withNewSetting)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'shinyNewSetting'"));
    }
}
