package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The agent jar is self-contained and cannot clash with what the application brings. */
class AgentJarIT {

    @Test
    void manifestDeclaresTheAgent() throws Exception {
        try (JarFile jar = new JarFile(Artifacts.agentJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();

            assertThat(manifest.getValue("Premain-Class")).isEqualTo("dev.mcppool.agent.McpPoolAgent");
            assertThat(manifest.getValue("Agent-Class")).isEqualTo("dev.mcppool.agent.McpPoolAgent");
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getValue("Implementation-Version")).isNotBlank();
        }
    }

    @Test
    void carriesNoMcpClassesAndOnlyRelocatedDependencies() throws Exception {
        try (JarFile jar = new JarFile(Artifacts.agentJar().toFile())) {
            List<String> classes = jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).toList();

            assertThat(classes).isNotEmpty().allMatch(name -> name.startsWith("dev/mcppool/"));
            assertThat(classes).anyMatch(name -> name.startsWith("dev/mcppool/shaded/bytebuddy/"))
                    .anyMatch(name -> name.startsWith("dev/mcppool/shaded/pool2/"))
                    .noneMatch(name -> name.contains("modelcontextprotocol"));
        }
    }
}
