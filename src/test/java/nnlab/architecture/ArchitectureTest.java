package nnlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.ExperimentCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plug-in architecture, checked on the compiled main classes: the shell, the kernel and the
 * libraries experiments share ({@code nnlab.datasets}, {@code nnlab.graph}) know no experiment, experiments know no other experiment, and neither the kernel nor any
 * experiment's run touches JavaFX. An experiment package is any package that holds an
 * {@link Experiment}, so a new one is covered the day it is added.
 */
class ArchitectureTest {
    private static JavaClasses classes;
    private static Set<String> experimentPackages;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nnlab");
        experimentPackages = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!c.isInterface() && c.isAssignableTo(Experiment.class)) experimentPackages.add(c.getPackageName());
        }
    }

    /** Every Experiment class of src/main is registered for ServiceLoader, so the catalogue lists it. */
    @Test
    void everyExperimentIsRegistered() {
        Set<String> registered = new TreeSet<>();
        for (Experiment e : ExperimentCatalog.all()) {
            if (classes.contain(e.getClass())) registered.add(e.getClass().getName());
        }
        Set<String> implemented = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!c.isInterface() && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
                    && c.isAssignableTo(Experiment.class)) implemented.add(c.getName());
        }
        assertEquals(implemented, registered, "META-INF/services/nnlab.kernel.run.Experiment");
        assertTrue(experimentPackages.size() >= 4, "found " + experimentPackages);
    }

    @Test
    void theShellTheKernelAndTheSharedLibrariesImportNoExperiment() {
        noClasses().that().resideInAnyPackage("nnlab.app..", "nnlab.kernel..", "nnlab.datasets..", "nnlab.graph..")
                .should().dependOnClassesThat().resideInAnyPackage(experimentPackages.toArray(String[]::new))
                .because("experiments are plug-ins found by ServiceLoader")
                .check(classes);
    }

    @Test
    void theShellImportsNoPageAndNoBenchmark() {
        noClasses().that().resideInAnyPackage("nnlab.app..", "nnlab.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("nnlab.history..", "nnlab.bench..")
                .because("History and the UI probe reach the window as AppPage and ShellExtension plug-ins")
                .check(classes);
    }

    @Test
    void noExperimentImportsAnother() {
        for (String p : experimentPackages) {
            String[] others = experimentPackages.stream().filter(o -> !o.equals(p)).toArray(String[]::new);
            noClasses().that().resideInAPackage(p + "..").should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void theKernelAndEveryExperimentsRunStayClearOfJavaFx() {
        noClasses().that().resideInAPackage("nnlab.kernel..").should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
        noClasses().that().implement(Experiment.class).should().transitivelyDependOnClassesThat().resideInAPackage("javafx..")
                .because("model, data and training code run headless on the command line and in CI")
                .check(classes);
    }

    @Test
    void noMainSourceFileIsLongerThanAPersonCanHoldInTheirHead() throws Exception {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                long lines;
                try (Stream<String> l = Files.lines(f)) {
                    lines = l.count();
                }
                if (lines > 400) tooLong.add(f + " (" + lines + " lines)");
            }
        }
        assertTrue(tooLong.isEmpty(), "over 400 lines: " + tooLong);
    }
}
