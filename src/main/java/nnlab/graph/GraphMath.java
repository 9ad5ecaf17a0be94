package nnlab.graph;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The normalised adjacency, the oversmoothing measures (feature std, Dirichlet energy) and a PCA, in ND4J. */
public final class GraphMath {
    private GraphMath() { }

    /** Â = D̃^{-1/2}(A + I)D̃^{-1/2} with D̃ the degrees of A + I, dense n × n. */
    public static INDArray normalizedAdjacency(int nodes, int[][] edges, DataType dtype) {
        INDArray a = Nd4j.eye(nodes).castTo(dtype);
        for (int[] e : edges) {
            if (e[0] == e[1]) continue; // the identity already holds the one self-loop per node
            a.putScalar(e[0], e[1], 1);
            a.putScalar(e[1], e[0], 1);
        }
        INDArray dInvSqrt = Transforms.pow(a.sum(1), -0.5, false);
        return a.muliColumnVector(dInvSqrt).muliRowVector(dInvSqrt);
    }

    /** Mean over feature columns of the (population) std across nodes of H. */
    public static double featureStd(INDArray h) {
        return h.castTo(DataType.DOUBLE).std(false, 0).meanNumber().doubleValue();
    }

    /**
     * trace(Hᵀ L H) / n with L = I − Â, computed as Σ H ⊙ (H − ÂH) / n in double precision: in float
     * the difference cancels to noise exactly when the features collapse, which is what is measured.
     *
     * @param aHatDouble Â in double precision
     */
    public static double dirichletEnergy(INDArray h, INDArray aHatDouble) {
        INDArray hd = h.castTo(DataType.DOUBLE);
        INDArray lh = hd.sub(aHatDouble.mmul(hd));
        return hd.muli(lh).sumNumber().doubleValue() / h.size(0);
    }

    /** The rows of H projected on their first two principal components (n × 2; a zero column if H has one column). */
    public static INDArray pca2(INDArray h) {
        INDArray hd = h.castTo(DataType.DOUBLE).dup();
        if (hd.size(1) < 2) return Nd4j.hstack(hd.subRowVector(hd.mean(0)), Nd4j.zeros(DataType.DOUBLE, hd.size(0), 1));
        // Not ND4J's PCA class: in M2.1 PCA.pca projects the array that LAPACK's gesvd has just
        // overwritten, and its pca_factor axes were off by several degrees in a test with a known
        // answer. The eigenvectors of the small d × d covariance (LAPACK syev) are exact.
        INDArray centred = hd.subRowVector(hd.mean(0));
        INDArray cov = centred.transpose().mmul(centred).divi(hd.size(0)).dup('f');
        Eigen.symmetricGeneralizedEigenvalues(cov, true); // eigenvalues ascending; cov now holds the vectors
        long d = cov.size(1);
        INDArray axes = Nd4j.hstack(cov.getColumn(d - 1).reshape(d, 1), cov.getColumn(d - 2).reshape(d, 1));
        return centred.mmul(axes);
    }
}
