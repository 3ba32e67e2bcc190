package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.cli.input.InputSources;
import dev.apicontroller.cli.migrate.Migration;
import dev.apicontroller.cli.migrate.PolicyMigration;
import dev.apicontroller.cli.migrate.VirtualServiceMigration;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code apictl migrate}: legacy {@code Policy} and {@code v1alpha3 VirtualService} documents,
 * whoever wrote them, as the modern objects. What cannot be carried over is a warning on stderr; a
 * Policy whose target Service is not among the inputs is an error (exit 1).
 */
@Command(
    name = "migrate",
    description =
        "Convert authentication.istio.io/v1alpha1 Policies and networking.istio.io/v1alpha3"
            + " VirtualServices to security.istio.io/v1 and networking.istio.io/v1 objects.")
public final class MigrateCommand implements Callable<Integer> {
  @ParentCommand Apictl root;
  @Mixin InputOptions input;

  @Mixin ObjectOutput output;

  @Override
  public Integer call() {
    Diagnostics diagnostics = new Diagnostics(root.err());
    List<SourceDocument> docs =
        new InputSources(CommandRun.READER, root.in(), diagnostics).read(input.inputs());
    if (diagnostics.sawUnreadableInput()) return diagnostics.exitCode().code();
    InputSet set = InputSet.of(docs, input.namespace());
    PolicyMigration policies = new PolicyMigration(set.services());
    VirtualServiceMigration virtualServices = new VirtualServiceMigration();
    List<Object> objects = new ArrayList<>();
    int migrated = 0;
    for (SourceDocument doc : docs) {
      Migration m;
      if (PolicyMigration.isPolicy(doc)) m = policies.migrate(doc, input.namespace());
      else if (VirtualServiceMigration.isLegacyVirtualService(doc)) {
        m = virtualServices.migrate(doc, input.namespace());
      } else continue;
      migrated++;
      for (Problem p : m.problems()) {
        diagnostics.report(doc.source(), p.at(doc.positionOf(p.path())));
      }
      objects.addAll(m.objects());
    }
    if (migrated == 0) {
      root.err()
          .println(
              "apictl: warning: no "
                  + PolicyMigration.API_VERSION
                  + " Policy or "
                  + VirtualServiceMigration.API_VERSION
                  + " VirtualService among the inputs");
    }
    output.write(objects, root.out());
    return diagnostics.exitCode().code();
  }
}
