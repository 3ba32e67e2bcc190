package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.cli.input.InputSources;
import dev.apicontroller.cli.input.ServiceSelector;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.ImmutableConfig;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.migrate.Migration;
import dev.apicontroller.translate.migrate.PolicyMigration;
import dev.apicontroller.translate.migrate.VirtualServiceMigration;
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
            + " VirtualServices to security.istio.io/v1 and networking.istio.io/v1 objects.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  kubectl get policies.authentication.istio.io,services -A -o yaml | apictl migrate -",
      "  apictl migrate legacy/ services/ > modern.yaml",
      "  apictl migrate -o json -f policy.yaml -f service.yaml"
    })
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
    // The Service documents among the inputs are the only facts a migration looks up.
    ApiSetView.Builder services = ApiSetView.builder(ImmutableConfig.builder().build());
    for (ServiceSelector s :
        InputSet.of(docs, input.namespace(), input.requiredNamespace()).services()) {
      services.service(s.namespace(), s.name(), s.selector());
    }
    PolicyMigration policies = new PolicyMigration(services.build());
    VirtualServiceMigration virtualServices = new VirtualServiceMigration();
    List<Object> objects = new ArrayList<>();
    int migrated = 0;
    for (SourceDocument doc : docs) {
      boolean legacy =
          PolicyMigration.isPolicy(doc) || VirtualServiceMigration.isLegacyVirtualService(doc);
      Problem mismatch = legacy ? InputSet.namespaceMismatch(doc, input.requiredNamespace()) : null;
      if (mismatch != null) {
        diagnostics.report(doc.source(), mismatch);
        migrated++;
        continue;
      }
      Migration m;
      if (PolicyMigration.isPolicy(doc)) m = policies.migrate(doc, input.namespace());
      else if (VirtualServiceMigration.isLegacyVirtualService(doc)) {
        m = virtualServices.migrate(doc, input.namespace());
      } else continue;
      migrated++;
      for (Problem p : m.problems()) diagnostics.report(doc.source(), p);
      objects.addAll(m.objects());
    }
    if (migrated == 0) {
      root.err()
          .println(
              "apictl: warning: no "
                  + ObjectKind.POLICY.apiVersion()
                  + " Policy or "
                  + ObjectKind.VIRTUAL_SERVICE_LEGACY.apiVersion()
                  + " VirtualService among the inputs");
    }
    output.write(objects, root.out());
    return diagnostics.exitCode().code();
  }
}
