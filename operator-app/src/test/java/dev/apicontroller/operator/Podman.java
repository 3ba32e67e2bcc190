package dev.apicontroller.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line, run with runc and the ulimits this machine allows: crun, podman's
 * default runtime, cannot set RLIMIT_NOFILE in these containers (see
 * shared/notes/container-image.md). Commands end within two minutes or fail.
 */
final class Podman {
  private final Path containersConf;

  private Podman(Path containersConf) {
    this.containersConf = containersConf;
  }

  /** podman, if installed (./test installs it on Debian); empty with the reason otherwise. */
  static Optional<Podman> find(Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path conf = workDir.resolve("containers.conf");
      Files.writeString(
          conf,
          """
          [containers]
          default_ulimits = ["nofile=%1$d:%1$d", "nproc=32768:32768"]
          [engine]
          runtime = "runc"
          """
              .formatted(nofileLimit()));
      Podman podman = new Podman(conf);
      podman.run("--version");
      return Optional.of(podman);
    } catch (IOException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** The open-files limit a container gets: at most 20,000 and never above our hard limit. */
  private static int nofileLimit() throws IOException {
    Process p = new ProcessBuilder("bash", "-c", "ulimit -Hn").redirectErrorStream(true).start();
    String hard = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return hard.matches("\\d+") ? Math.min(20_000, Integer.parseInt(hard)) : 20_000;
  }

  /** Runs {@code podman args...} to its end; returns its standard output, fails on exit != 0. */
  String run(String... args) {
    ProcessBuilder builder = builder(List.of(args));
    try {
      Path err = Files.createTempFile("podman", ".err");
      builder.redirectError(err.toFile());
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("podman " + String.join(" ", args) + " timed out");
      }
      String errors = Files.readString(err);
      Files.delete(err);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "podman " + String.join(" ", args) + " exited " + process.exitValue() + ": " + errors);
      }
      return out.trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run podman: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Starts {@code podman args...} without waiting, its output appended to {@code log}. */
  Process start(List<String> args, Path log) {
    ProcessBuilder builder = builder(args);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder builder(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add("podman");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CONTAINERS_CONF", containersConf.toString());
    return builder;
  }
}
