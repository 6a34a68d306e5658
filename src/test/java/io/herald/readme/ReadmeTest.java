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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * README.md and the guide in docs/ as a newcomer uses them, read from the files at every build so they cannot drift
 * apart from the code: every Java block compiles against Herald, every configuration block is valid as pasted and
 * starts Herald, every JavaScript block is valid JavaScript, every XML block is well-formed (Herald named as
 * published), the flow diagram is a well-formed Mermaid flowchart, every link between pages leads somewhere, and no
 * block is in a language nothing checks (docs/'s nginx blocks are run by the demo's BehindProxyTest).
 */
public class ReadmeTest {
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
            "import io.herald.jpa.*;",
            "import io.herald.notifications.*;",
            "import jakarta.persistence.Entity;",
            "import jakarta.persistence.EntityListeners;",
            "import jakarta.persistence.EntityManager;",
            "import jakarta.persistence.GeneratedValue;",
            "import jakarta.persistence.Id;",
            "import jakarta.persistence.ManyToOne;",
            "import jakarta.persistence.FetchType;",
            "import jakarta.persistence.PersistenceContext;",
            "import jakarta.transaction.Transactional;",
            "import java.math.BigDecimal;",
            "import jakarta.enterprise.context.*;",
            "import jakarta.enterprise.event.*;",
            "import jakarta.enterprise.inject.spi.*;",
            "import jakarta.inject.*;",
            "import jakarta.ws.rs.*;",
            "import jakarta.ws.rs.core.*;",
            "import java.util.*;",
            "import io.undertow.websockets.jsr.WebSocketDeploymentInfo;",
            "import org.jboss.resteasy.spi.ResteasyDeployment;");

    // Which file checks each language: here, OutboxSqlDocumentedTest (sql, on PostgreSQL), or the demo's
    // BehindProxyTest (nginx, which runs the configuration).
    private static final Set<String> CHECKED = Set.of("java", "properties", "javascript", "xml", "sql", "nginx",
            "mermaid");

    /** A fenced block: its file, its language, its text without the list indentation, and the line it starts on. */
    public record Block(Path file, String language, String text, int line) {
        /** Where it is, for a failure's message: {@code docs/behind-a-proxy.md line 12}. */
        public String where() {
            return file + " line " + line;
        }
    }

    /** README.md and every page of the guide. */
    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> guide = Files.list(Path.of("docs"))) {
            guide.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    public static List<Block> blocks(String language) throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path document : documents()) {
            blocks.addAll(blocks(document).stream().filter(block -> block.language().equals(language)).toList());
        }
        return blocks;
    }

    static List<Block> blocks(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
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
            blocks.add(new Block(document, open.group(2), text.toString(), start));
        }
        return blocks;
    }

    @Test
    void everyBlockIsInALanguageATestChecks() throws IOException {
        for (Path document : documents()) {
            for (Block block : blocks(document)) {
                assertThat(block.language()).as("%s: a block in a language nothing checks", block.where())
                        .isIn(CHECKED);
            }
        }
    }

    @Test
    void everyJavaBlockCompilesAgainstHerald(@TempDir Path sources) throws IOException {
        List<Block> java = blocks("java");
        assertThat(java).hasSizeGreaterThan(10);
        List<Path> files = new ArrayList<>();
        for (Block block : java) {
            assertThat(TOP_LEVEL_TYPE.matcher(block.text()).find())
                    .as("%s: a Java block is a whole type a reader can paste into a file", block.where())
                    .isTrue();
            Path file = sources.resolve("Readme" + files.size() + ".java");
            Files.writeString(file, "package readme;\n" + IMPORTS + "\n// " + block.where() + "\n"
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
                    .as("%s: %s is as it would be read, without a trailing comment", block.where(), key)
                    .doesNotContain("#"));
            Map<String, String> config = new HashMap<>();
            properties.forEach((key, value) -> config.put((String) key, (String) value));
            try (WeldContainer container = HeraldContainer.start(config, LocalServer.class, LocalDriverFactory.class,
                    OutboxDatabase.class)) {
                assertThat(container.isRunning()).as("%s starts Herald", block.where()).isTrue();
            }
        }
    }

    @Test
    void everyJavaScriptBlockIsValidJavaScript(@TempDir Path scripts) throws Exception {
        List<Block> javascript = blocks("javascript");
        assertThat(javascript).hasSizeGreaterThan(3);
        for (Block block : javascript) {
            Path file = scripts.resolve("block-" + javascript.indexOf(block) + ".js");
            Files.writeString(file, block.text());
            Process node = new ProcessBuilder("node", "--check", file.toString()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(node.exitValue()).as("%s: %s", block.where(), output).isZero();
        }
    }

    // GitHub draws the diagram with Mermaid, which shows an error instead of a diagram for a broken line: each edge or
    // node line must close every bracket and quote it opens.
    @Test
    void theFlowDiagramIsAFlowchartWithBalancedLines() throws IOException {
        List<Block> diagrams = blocks("mermaid");
        assertThat(diagrams).isNotEmpty();
        for (Block block : diagrams) {
            List<String> lines = block.text().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            assertThat(lines.get(0)).as(block.where()).matches("flowchart (LR|TD|TB|RL|BT)");
            for (String line : lines.subList(1, lines.size())) {
                assertThat(line.chars().filter(c -> c == '"').count() % 2).as("%s: %s", block.where(), line)
                        .isZero();
                assertThat(line.chars().filter(c -> c == '[').count())
                        .as("%s: %s", block.where(), line).isEqualTo(line.chars().filter(c -> c == ']').count());
            }
        }
    }

    @Test
    void everyLinkBetweenPagesLeadsToAFileThatExists() throws IOException {
        List<Path> pages = new ArrayList<>(documents());
        pages.add(Path.of("CONTRIBUTING.md"));
        pages.add(Path.of("CHANGELOG.md"));
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        for (Path page : pages) {
            Matcher found = link.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (found.find()) {
                String target = found.group(1);
                if (target.contains("://")) {
                    continue;
                }
                Path resolved = page.toAbsolutePath().getParent().resolve(target).normalize();
                assertThat(resolved).as("%s links to %s", page, target).exists();
            }
        }
    }

    // Dependency blocks and server configuration (Open Liberty's features) alike: well-formed as pasted, and the
    // dependency on Herald names it as it is published.
    @Test
    void everyXmlBlockIsWellFormedAndHeraldIsNamedAsPublished() throws Exception {
        List<Block> xml = blocks("xml");
        List<String> artifacts = new ArrayList<>();
        for (Block block : xml) {
            org.w3c.dom.NodeList named = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(block.text()))).getElementsByTagName("artifactId");
            for (int i = 0; i < named.getLength(); i++) {
                artifacts.add(named.item(i).getTextContent());
            }
        }
        assertThat(artifacts).as("the dependency on Herald").contains("herald");
        assertThat(blocks("xml").stream().filter(block -> block.text().contains("<artifactId>herald</artifactId>")))
                .allSatisfy(block -> assertThat(block.text()).as(block.where()).contains("<groupId>io.herald</groupId>"));
    }

    @Test
    void theSocketIdRuleQuotedIsTheOneTheCodeApplies() throws IOException {
        StringBuilder guide = new StringBuilder();
        for (Path document : documents()) {
            guide.append(Files.readString(document, StandardCharsets.UTF_8));
        }
        assertThat(guide.toString()).contains("`^" + PusherProtocol.SOCKET_ID_PATTERN + "$`");
        assertThat(PusherProtocol.isValidSocketId("1".repeat(20) + "." + "2".repeat(20))).isTrue();
        assertThat(PusherProtocol.isValidSocketId("1".repeat(21) + ".2")).isFalse();
    }
}
