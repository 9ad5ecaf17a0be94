package nnlab.posenc;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Dot-product attention weights between positions (columns of Q and K). */
public final class Attention {
    private Attention() { }

    /** softmax(QᵀK/√p) row by row: row i holds how much query position i attends to each key position. */
    public static INDArray weights(INDArray q, INDArray k) {
        INDArray scores = GramMatrices.cross(q, k).divi(Math.sqrt(q.rows()));
        return Transforms.softmax(scores, false);
    }
}
