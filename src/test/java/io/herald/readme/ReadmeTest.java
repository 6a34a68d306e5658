package io.herald.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.engine.OutboxDatabase;
import io.herald.internal.local.LocalDriverFactory;
import io.herald.internal.local.LocalServer;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.testing.HeraldContainer;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * README.md as a newcomer uses it, read from the file at every build so the two cannot drift apart: every Java block
 * compiles against Herald, every configuration block is valid as pasted and starts Herald, every JavaScript block is
 * valid JavaScript, and the dependency block is well-formed XML.
 */
class ReadmeTest {
    private static final Pattern FENCE = Pattern.compile("^( *)```(\\w*)\\s*$");
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "(?m)^public (final |sealed |abstract )?(class|record|interface|enum) ");
    // What a reader adds with their IDE: README blocks leave imports out for brevity.
    private static final String IMPORTS = String.join("\n",
            "import io.herald.*;",
            "import io.herald.auth.*;",
            "import io.herald.events.*;",
            "import io.herald.embed.*;",
            "import io.herald.spi.*;",
            "import io.herald.testkit.*;",
            "import jakarta.enterprise.context.*;",
            "import jakarta.enterprise.event.*;",
            "import jakarta.enterprise.inject.spi.*;",
            "import jakarta.inject.*;",
            "import jakarta.ws.rs.*;",
            "import jakarta.ws.rs.core.*;",
            "import java.util.*;",
            "import io.undertow.websockets.jsr.WebSocketDeploymentInfo;",
            "import org.jboss.resteasy.spi.ResteasyDeployment;");

    /** A fenced block: its language, its text without the list indentation, and the line it starts on. */
    record Block(String language, String text, int line) {
    }

    static List<Block> blocks(String language) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches() || open.group(2).isEmpty()) {
                continue;
            }
            int indent = open.group(1).length();
            int start = i + 1;
            StringBuilder text = new StringBuilder();
            for (i = start; !FENCE.matcher(lines.get(i)).matches(); i++) {
                String line = lines.get(i);
                int leading = line.length() - line.stripLeading().length();
                text.append(line.substring(Math.min(indent, leading))).append('\n');
            }
            if (open.group(2).equals(language)) {
                blocks.add(new Block(language, text.toString(), start));
            }
        }
        return blocks;
    }

    @Test
    void everyJavaBlockCompilesAgainstHerald(@TempDir Path sources) throws IOException {
        List<Block> java = blocks("java");
        assertThat(java).hasSizeGreaterThan(10);
        List<Path> files = new ArrayList<>();
        for (Block block : java) {
            assertThat(TOP_LEVEL_TYPE.matcher(block.text()).find())
                    .as("README.md line %d: a Java block is a whole type a reader can paste into a file", block.line())
                    .isTrue();
            Path file = sources.resolve("Readme" + block.line() + ".java");
            Files.writeString(file, "package readme;\n" + IMPORTS + "\n// README.md line " + block.line() + "\n"
                    + TOP_LEVEL_TYPE.matcher(block.text()).replaceAll("$1$2 "));
            files.add(file);
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            boolean compiled = javac.getTask(errors, fileManager, null, List.of("-proc:none", "-d",
                    sources.resolve("classes").toString(), "-classpath", System.getProperty("java.class.path")),
                    null, units).call();

            assertThat(compiled).as("README's Java blocks compile:\n%s", errors).isTrue();
        }
    }

    @Test
    void everyConfigurationBlockIsValidAsPastedAndStartsHerald() throws IOException {
        List<Block> configurations = blocks("properties");
        assertThat(configurations).hasSizeGreaterThan(4);
        for (Block block : configurations) {
            Properties properties = new Properties();
            properties.load(new StringReader(block.text()));
            properties.forEach((key, value) -> assertThat((String) value)
                    .as("README.md line %d: %s is as it would be read, without a trailing comment", block.line(), key)
                    .doesNotContain("#"));
            Map<String, String> config = new HashMap<>();
            properties.forEach((key, value) -> config.put((String) key, (String) value));
            try (WeldContainer container = HeraldContainer.start(config, LocalServer.class, LocalDriverFactory.class,
                    OutboxDatabase.class)) {
                assertThat(container.isRunning()).as("README.md line %d starts Herald", block.line()).isTrue();
            }
        }
    }

    @Test
    void everyJavaScriptBlockIsValidJavaScript(@TempDir Path scripts) throws Exception {
        List<Block> javascript = blocks("javascript");
        assertThat(javascript).hasSizeGreaterThan(3);
        for (Block block : javascript) {
            Path file = scripts.resolve("readme-" + block.line() + ".js");
            Files.writeString(file, block.text());
            Process node = new ProcessBuilder("node", "--check", file.toString()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(node.exitValue()).as("README.md line %d: %s", block.line(), output).isZero();
        }
    }

    @Test
    void theDependencyBlockIsWellFormedXml() throws Exception {
        List<Block> xml = blocks("xml");
        assertThat(xml).isNotEmpty();
        for (Block block : xml) {
            String artifact = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(block.text()))).getElementsByTagName("artifactId")
                    .item(0).getTextContent();
            assertThat(artifact).isIn("herald", "lettuce-core");
        }
    }

    @Test
    void theSocketIdRuleQuotedIsTheOneTheCodeApplies() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains("`^" + PusherProtocol.SOCKET_ID_PATTERN + "$`");
        assertThat(PusherProtocol.isValidSocketId("1".repeat(20) + "." + "2".repeat(20))).isTrue();
        assertThat(PusherProtocol.isValidSocketId("1".repeat(21) + ".2")).isFalse();
    }
}
