package com.csr.ml.ltv.btyd;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Minimises a function of strictly positive parameters by Nelder-Mead on their logarithms,
 * from several starting points, then restarts once from the best point found.
 */
final class LogSpaceMinimizer {

    private static final int MAX_EVALUATIONS = 20_000;
    /** Objectives are mean log-likelihoods (order 1-10), so this pins parameters to ~1e-5 relative. */
    private static final double RELATIVE_TOLERANCE = 1e-11;
    private static final double ABSOLUTE_TOLERANCE = 1e-13;
    private static final double INITIAL_LOG_STEP = 0.5;

    private LogSpaceMinimizer() {
    }

    /**
     * @param objective function of the (positive) parameters; may return NaN or infinity
     *                  where undefined
     * @param starts    at least one starting parameter vector, all entries positive
     * @return the best parameter vector found
     * @throws IllegalStateException if the objective is not finite at the best point found
     */
    static double[] minimize(ToDoubleFunction<double[]> objective, double[]... starts) {
        ObjectiveFunction inLogSpace = new ObjectiveFunction(logParams -> {
            double value = objective.applyAsDouble(exp(logParams));
            // Nelder-Mead only compares values, so +inf cleanly rejects undefined regions.
            return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
        });
        PointValuePair best = null;
        for (double[] start : starts) {
            PointValuePair result = run(inLogSpace, log(start));
            if (best == null || result.getValue() < best.getValue()) {
                best = result;
            }
        }
        // A fresh simplex around the optimum catches Nelder-Mead's premature stops on a collapsed simplex.
        PointValuePair polished = run(inLogSpace, best.getPoint());
        if (polished.getValue() <= best.getValue()) {
            best = polished;
        }
        if (!Double.isFinite(best.getValue())) {
            throw new IllegalStateException("Maximum-likelihood fit failed: objective is not finite at any start");
        }
        return exp(best.getPoint());
    }

    private static PointValuePair run(ObjectiveFunction function, double[] start) {
        SimplexOptimizer optimizer = new SimplexOptimizer(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
        return optimizer.optimize(
                new MaxEval(MAX_EVALUATIONS),
                function,
                GoalType.MINIMIZE,
                new InitialGuess(start),
                new NelderMeadSimplex(start.length, INITIAL_LOG_STEP));
    }

    private static double[] exp(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.exp(values[i]);
        }
        return result;
    }

    private static double[] log(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.log(values[i]);
        }
        return result;
    }
}
