package dev.apicontroller.cli;

import dev.apicontroller.cli.input.ServiceSelector;
import dev.apicontroller.cli.input.ServiceSelectorFlag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --service-selector}: the selectors of Services that are not among the inputs, so the
 * modern profile can render offline without their manifests. A Service document for the same
 * namespace/name wins over the flag: the manifest is what the cluster will hold.
 */
public final class ServiceSelectorOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--service-selector",
      paramLabel = ServiceSelectorFlag.FORM,
      converter = ServiceSelectorFlag.class,
      description =
          "A Service's spec.selector, for the modern profile when the Service's manifest is not"
              + " among the inputs; repeatable. A Service document among the inputs wins.")
  List<ServiceSelector> given = new ArrayList<>();

  /** The selectors given; the same Service twice is a usage error. */
  public List<ServiceSelector> selectors() {
    Set<String> seen = new HashSet<>();
    for (ServiceSelector s : given) {
      if (!seen.add(s.namespace() + "/" + s.name())) {
        throw new CommandLine.ParameterException(
            command.commandLine(),
            "--service-selector for " + s.namespace() + "/" + s.name() + " is given twice");
      }
    }
    return List.copyOf(given);
  }
}
