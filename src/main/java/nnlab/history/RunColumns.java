package nnlab.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.SavedRun;

/** The columns of the History list: run, experiment, started, status, duration and result. */
final class RunColumns {
    private RunColumns() { }

    /** @param experimentTitle an experiment's title from its id (null when the folder does not say) */
    static List<TableColumn<SavedRun, ?>> all(Function<String, String> experimentTitle) {
        return List.of(name(), experiment(experimentTitle), started(), status(), duration(), result());
    }

    private static TableColumn<SavedRun, String> name() {
        TableColumn<SavedRun, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().name()));
        name.setPrefWidth(200);
        name.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                SavedRun r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(r == null ? null : new Tooltip(r.folder().toString()));
                getStyleClass().remove("run-name-cell");
                if (!empty) getStyleClass().add("run-name-cell");
            }
        });
        return name;
    }

    private static TableColumn<SavedRun, String> experiment(Function<String, String> experimentTitle) {
        TableColumn<SavedRun, String> experiment = new TableColumn<>("Experiment");
        experiment.setCellValueFactory(cd -> new ReadOnlyStringWrapper(experimentTitle.apply(cd.getValue().experimentId())));
        experiment.setPrefWidth(160);
        return experiment;
    }

    private static TableColumn<SavedRun, Instant> started() {
        TableColumn<SavedRun, Instant> started = new TableColumn<>("Started");
        started.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().started()));
        started.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        started.setPrefWidth(166);
        started.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : RunLabels.started(item));
            }
        });
        return started;
    }

    private static TableColumn<SavedRun, SavedRun> status() {
        TableColumn<SavedRun, SavedRun> status = wholeRun("Status", 112);
        status.setComparator(Comparator.comparing(RunLabels::status));
        status.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            @Override protected void updateItem(SavedRun item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    RunLabels.styleBadge(badge, item);
                    setGraphic(badge);
                }
            }
        });
        return status;
    }

    private static TableColumn<SavedRun, SavedRun> duration() {
        TableColumn<SavedRun, SavedRun> duration = wholeRun("Duration", 100);
        duration.setComparator(Comparator.comparing((SavedRun r) -> r.duration(), Comparator.nullsFirst(Comparator.naturalOrder())));
        duration.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(SavedRun item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : RunLabels.duration(item));
            }
        });
        return duration;
    }

    /** The run's headline, or for a damaged folder what is wrong with it (in red). */
    private static TableColumn<SavedRun, SavedRun> result() {
        TableColumn<SavedRun, SavedRun> result = wholeRun("Result", 300);
        result.setSortable(false);
        result.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(SavedRun item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("damage-cell");
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String text = item.isDamaged() ? item.damage() : headline(item);
                setText(text);
                setTooltip(text.isEmpty() ? null : new Tooltip(text));
                if (item.isDamaged()) getStyleClass().add("damage-cell");
            }
        });
        return result;
    }

    /** A column whose cells get the whole run, for cells that need more than one of its fields. */
    private static TableColumn<SavedRun, SavedRun> wholeRun(String title, double width) {
        TableColumn<SavedRun, SavedRun> column = new TableColumn<>(title);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    private static String headline(SavedRun r) {
        if (r.headline() != null && !r.headline().isBlank()) return r.headline();
        return r.status() == RunStatus.FINISHED || r.message() == null ? "" : r.message();
    }
}
