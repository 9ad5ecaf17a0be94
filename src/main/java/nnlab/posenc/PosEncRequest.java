package nnlab.posenc;

import nnlab.kernel.figure.ColorMap;

/**
 * One snapshot of the panel's settings, taken on the JavaFX thread and computed on the worker.
 *
 * @param startNanos when the change that asked for it happened, to time the whole redraw
 * @param tab the tab whose views it is for ({@link PosEncPanel#TAB_GRAM} …)
 */
record PosEncRequest(long startNanos, int tab, int p, int n, double base, int row, ColorMap map, double sigma, long seed,
                     int draw, boolean terms, PosEncStudy.Query query, double[] signal, int k, double c) { }
