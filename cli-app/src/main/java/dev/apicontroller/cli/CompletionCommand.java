package dev.apicontroller.cli;

import dev.apicontroller.cli.completion.FishCompletion;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code apictl completion bash|zsh|fish}: the shell completion script. bash and zsh share
 * picocli's script (it turns on zsh's bashcompinit itself); fish's is made from the same model.
 */
@Command(
    name = "completion",
    description = "Print the shell completion script for bash, zsh or fish.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(apictl completion bash)        # in ~/.bashrc",
      "  source <(apictl completion zsh)         # in ~/.zshrc",
      "  apictl completion fish > ~/.config/fish/completions/apictl.fish"
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells with a completion script. */
  public enum Shell {
    BASH,
    ZSH,
    FISH
  }

  @ParentCommand Apictl root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "bash|zsh|fish", description = "The shell.")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine apictl = spec.root().commandLine();
    String script =
        shell == Shell.FISH
            ? FishCompletion.script(apictl)
            : AutoComplete.bash(apictl.getCommandName(), apictl);
    root.out().print(script);
    return ExitCode.OK.code();
  }
}
