package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Config;
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
    List<SourceDocument> docs = CommandRun.documents(root, input, diagnostics);
    if (diagnostics.sawUnreadableInput()) return diagnostics.exitCode().code();
    // The Service documents among the inputs are the only facts a migration looks up.
    InputSet inputs = InputSet.of(docs, input.namespace(), input.requiredNamespace());
    PolicyMigration policies =
        new PolicyMigration(inputs.addFactsTo(ApiSetView.builder(Config.defaults())).build());
    VirtualServiceMigration virtualServices = new VirtualServiceMigration();
    List<Object> objects = new ArrayList<>();
    int migrated = 0;
    for (SourceDocument doc : docs) {
      boolean policy = PolicyMigration.isPolicy(doc);
      if (!policy && !VirtualServiceMigration.isLegacyVirtualService(doc)) continue;
      migrated++;
      Problem mismatch = InputSet.namespaceMismatch(doc, input.requiredNamespace());
      if (mismatch != null) {
        diagnostics.report(doc.source(), mismatch);
        continue;
      }
      Migration m =
          policy
              ? policies.migrate(doc, input.namespace())
              : virtualServices.migrate(doc, input.namespace());
      for (Problem p : m.problems()) diagnostics.report(doc.source(), p);
      objects.addAll(m.objects());
    }
    if (migrated == 0) {
      root.err()
          .printf(
              "apictl: warning: no %s Policy or %s VirtualService among the inputs%n",
              ObjectKind.POLICY.apiVersion(), ObjectKind.VIRTUAL_SERVICE_LEGACY.apiVersion());
    }
    output.write(objects, root.out());
    return diagnostics.exitCode().code();
  }
}
