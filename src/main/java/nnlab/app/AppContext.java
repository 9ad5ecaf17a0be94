package nnlab.app;

import javafx.stage.Window;
import nnlab.kernel.run.RunEngine;

/** What every panel shares: the run engine (and through it the run store) and the main window. */
public record AppContext(RunEngine engine, Window owner) { }
