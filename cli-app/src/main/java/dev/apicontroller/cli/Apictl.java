package dev.apicontroller.cli;

import dev.apicontroller.cli.completion.LowerCaseChoices;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code apictl}: renders, validates and migrates {@code Api} manifests offline (SPEC 7). {@link
 * #run} is the whole program with its streams passed in, so tests run it in-process.
 */
@Command(
    name = "apictl",
    // -h/--help and -V/--version work on every subcommand too ("apictl render --help").
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "Turns Kyma Api resources (gateway.kyma-project.io/v1alpha2) into Istio objects.",
    synopsisSubcommandLabel = "COMMAND",
    // The subcommands are added in commandLine(), from COMMANDS.
    footerHeading = "%nExamples:%n",
    footer = {
      "  apictl render apis/ | kubectl apply -f -",
      "  apictl validate -o sarif -f apis/ > apictl.sarif",
      "  apictl status --profile modern apis/ services/",
      "%nExit codes:",
      "  0  success",
      "  1  invalid input or conflicts (the valid rest is still written)",
      "  2  usage error",
      "  3  unreadable input (not YAML/JSON, or beyond the limits of a manifest)",
      "  4  explain: the request is denied"
    })
public final class Apictl implements Runnable {
  /** Every command, in the order {@code apictl --help} lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          RenderCommand.class,
          ValidateCommand.class,
          StatusCommand.class,
          MigrateCommand.class,
          ExplainCommand.class,
          CrdCommand.class,
          VersionCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  /**
   * The commands that never look at their siblings, by name. picocli builds a command's model from
   * its annotations by reflection, the largest part of a small run's start-up, so a command line
   * that starts with one of these builds the root and that command only. {@code help}, {@code
   * completion}, root options and unknown commands (which need the names for "did you mean") get
   * every command. {@code StandaloneCommandsTest} checks that both trees behave the same.
   */
  static final Map<String, Class<?>> STANDALONE =
      Map.of(
          "render", RenderCommand.class,
          "validate", ValidateCommand.class,
          "status", StatusCommand.class,
          "migrate", MigrateCommand.class,
          "explain", ExplainCommand.class,
          "crd", CrdCommand.class,
          "version", VersionCommand.class);

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  boolean verbose;

  Apictl(PrintWriter out, PrintWriter err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public InputStream in() {
    return in;
  }

  public boolean verbose() {
    return verbose;
  }

  /** {@code apictl} alone: a usage error that lists the commands. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required command");
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    int code = run(args, out, err, new FileInputStream(FileDescriptor.in));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; flushes both writers. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    try {
      Class<?> only = args.length == 0 ? null : STANDALONE.get(args[0]);
      return commandLine(out, err, in, only == null ? COMMANDS : List.of(only)).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command line with every subcommand, option and handler, writing to the given streams. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, InputStream in) {
    return commandLine(out, err, in, COMMANDS);
  }

  /** The command line with the given subcommands (all, or a {@link #STANDALONE} one). */
  static CommandLine commandLine(
      PrintWriter out, PrintWriter err, InputStream in, List<Class<?>> commands) {
    Apictl root = new Apictl(out, err, in);
    CommandLine cli = new CommandLine(root);
    commands.forEach(cli::addSubcommand);
    // picocli applies model transformers (a command's settings flags) by itself only to the
    // subcommands of an annotation; these transformers change the spec in place.
    for (CommandLine sub : cli.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.modelTransformer() != null) spec.modelTransformer().transform(spec);
    }
    SettingsOptions.Flags.addToEvery(cli);
    LowerCaseChoices.apply(cli);
    CommandLine help = cli.getSubcommands().get("help");
    if (help != null) {
      // picocli's own help command has no annotation to carry examples.
      help.getCommandSpec()
          .usageMessage()
          .footerHeading("%nExamples:%n")
          .footer("  apictl help render", "  apictl render --help");
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          CommandLine failed = e.getCommandLine();
          err.println("apictl: error: " + e.getMessage());
          // picocli's "Did you mean: apictl render?" for a mistyped command or option.
          CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
          err.println(
              "Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
          return ExitCode.USAGE.code();
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof CommandLine.ParameterException pe) {
            return commandLine
                .getParameterExceptionHandler()
                .handleParseException(pe, parseResult.originalArgs().toArray(new String[0]));
          }
          err.println("apictl: internal error: " + e);
          if (root.verbose) e.printStackTrace(err);
          else err.println("(run with --verbose for the stack trace)");
          return ExitCode.INVALID.code();
        });
    return cli;
  }
}
