package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IouTest {

    /**
     * Target 0 0 1 1 / 0 2 2 1, prediction 0 1 1 1 / 0 2 0 1 (3 classes):
     * class 0: TP 2 (px 0, 4), FN 1 (px 1), FP 1 (px 6) → 2/4; class 1: TP 3, FP 1 (px 1) → 3/4;
     * class 2: TP 1, FN 1 → 1/2. Mean over the three present classes = (1/2 + 3/4 + 1/2) / 3.
     */
    @Test
    void perClassAndMeanOnAHandMadeMask() {
        Iou iou = new Iou(3);
        iou.add(new byte[] {0, 0, 1, 1, 0, 2, 2, 1}, new int[] {0, 1, 1, 1, 0, 2, 0, 1});
        double[] per = iou.perClass();
        assertEquals(2.0 / 4, per[0], 1e-12);
        assertEquals(3.0 / 4, per[1], 1e-12);
        assertEquals(1.0 / 2, per[2], 1e-12);
        assertEquals((1.0 / 2 + 3.0 / 4 + 1.0 / 2) / 3, iou.mean(), 1e-12);
        assertEquals(6.0 / 8, iou.pixelAccuracy(), 1e-12);
    }

    /** A class absent from the targets has no IoU and stays out of the mean; its false positives still cost the true class. */
    @Test
    void absentClassesStayOutOfTheMean() {
        Iou iou = new Iou(4);
        iou.add(new byte[] {0, 0, 1, 1}, new int[] {0, 3, 1, 1});
        double[] per = iou.perClass();
        assertEquals(0.5, per[0], 1e-12);
        assertEquals(1.0, per[1], 1e-12);
        assertTrue(Double.isNaN(per[2]));
        assertTrue(Double.isNaN(per[3]), "class 3 only predicted, never a target");
        assertEquals(0.75, iou.mean(), 1e-12);
    }

    @Test
    void perfectPredictionScoresOne() {
        Iou iou = new Iou(11);
        byte[] t = {0, 5, 5, 10, 0};
        iou.add(t, new int[] {0, 5, 5, 10, 0});
        assertEquals(1.0, iou.mean(), 0);
    }
}
