package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apictl distribution tarball the {@code dist} profile builds (./test turns it on), as a user
 * installs it: unpacked into a temporary directory and run from an empty working directory, with no
 * {@code java} on {@code PATH} and no {@code JAVA_HOME}.
 */
class ApictlDistributionIT {
  private static final Path EXAMPLES =
      Path.of(System.getProperty("apictl.examples", "../examples")).toAbsolutePath().normalize();

  @TempDir static Path install;
  @TempDir static Path home;
  private static Path apictl;
  private static Path tools;

  @TempDir Path work;
  @TempDir Path streams;

  private record Result(int code, String out, String err) {}

  @BeforeAll
  static void unpack() throws Exception {
    String tarball = System.getProperty("apictl.distribution");
    if (tarball == null) {
      abort("the apictl distribution is built by the `dist` profile only (./test: -Pdist)");
    }
    Process tar =
        new ProcessBuilder("tar", "-xzf", tarball, "-C", install.toString()).inheritIO().start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).isZero();
    tools = toolsWithoutJava();
    try (var entries = Files.list(install)) {
      apictl = entries.findFirst().orElseThrow().resolve("bin/apictl");
    }
  }

  private Result run(String... args) throws Exception {
    return runWith(Map.of(), args);
  }

  private Result runWith(Map<String, String> extraEnv, String... args) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(concat(apictl.toString(), args).toArray(String[]::new))
            .directory(work.toFile())
            .redirectOutput(streams.resolve("out").toFile())
            .redirectError(streams.resolve("err").toFile());
    Map<String, String> env = builder.environment();
    env.remove("JAVA_HOME");
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("JDK_JAVA_OPTIONS");
    env.put("PATH", tools.toString());
    env.put("HOME", home.toString());
    env.remove("XDG_CACHE_HOME");
    env.remove("APICTL_JAVA_OPTS");
    env.putAll(extraEnv);
    Process p = builder.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("apictl finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(streams.resolve("out")),
        Files.readString(streams.resolve("err")));
  }

  private static List<String> concat(String first, String... rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), Arrays.stream(rest))
        .toList();
  }

  /**
   * A directory with just the POSIX tools the launcher calls: on Debian {@code java} is in /usr/bin
   * beside them, so leaving it on PATH and stripping java would strip them too.
   */
  private static Path toolsWithoutJava() throws Exception {
    Path dir = Files.createDirectories(home.resolve("tools"));
    List<String> path =
        Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
    for (String tool : List.of("readlink", "stat", "cksum", "mkdir", "mv", "rm")) {
      Path found =
          path.stream()
              .map(d -> Path.of(d, tool))
              .filter(Files::isExecutable)
              .findFirst()
              .orElseThrow(() -> new AssertionError(tool + " not on PATH"));
      Files.createSymbolicLink(dir.resolve(tool), found);
    }
    return dir;
  }

  @Test
  void rendersTheRepositoryExamplesFromAnEmptyDirectoryWithoutJavaOnPath() throws Exception {
    assertThat(work).isEmptyDirectory();
    assertThat(tools.resolve("java")).doesNotExist();

    Result first = run("render", EXAMPLES.toString());
    Result second = run("render", EXAMPLES.toString());

    String inRepository = ApictlRun.of("render", EXAMPLES.toString()).out();
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).isNotEmpty().isEqualTo(inRepository);
    // The second run starts with the class-data archive the first one recorded: one file per
    // install and runtime version, no temporary file left behind.
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).isEqualTo(inRepository);
    List<String> cached;
    try (var files = Files.list(home.resolve(".cache/apictl"))) {
      cached = files.map(p -> p.getFileName().toString()).toList();
    }
    assertThat(cached).hasSize(1);
    String archive = cached.get(0);
    assertThat(archive).matches("apictl-.+-[0-9]+-java[0-9.]+\\.(jsa|aot)");
    // ... and the runtime accepts it: with sharing required, an unusable archive is an error.
    String required = archive.endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on";
    Result shared = runWith(Map.of("APICTL_JAVA_OPTS", required), "render", EXAMPLES.toString());
    assertThat(shared.code()).as(shared.err()).isZero();
    assertThat(shared.err()).isEmpty();
    assertThat(shared.out()).isEqualTo(inRepository);
  }

  @Test
  void runsWithoutAnArchiveWhereTheCacheCannotBeWritten() throws Exception {
    // A cache "directory" below a regular file: mkdir fails even for root.
    Path file = Files.writeString(work.resolve("not-a-directory"), "");
    Result r =
        runWith(
            Map.of("XDG_CACHE_HOME", file.resolve("cache").toString()),
            "render",
            EXAMPLES.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(ApictlRun.of("render", EXAMPLES.toString()).out());
  }

  @Test
  void rendersRelativePathsAgainstTheWorkingDirectory() throws Exception {
    Path copy = Files.copy(EXAMPLES.resolve("sample-api.yaml"), work.resolve("sample-api.yaml"));

    Result r = run("render", "sample-api.yaml");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(ApictlRun.of("render", copy.toString()).out());
  }

  @Test
  void reportsItsVersionFromTheBundledRuntime() throws Exception {
    Result r = run("version");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().trim())
        .isEqualTo("apictl " + System.getProperty("apictl.version", "0.1.0-SNAPSHOT"));
  }
}
