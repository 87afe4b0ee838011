namespace OrleansSweep.Compute.Corpora;

/// <summary>The hidden-state transitions shared by the known-answer languages: rows softmax(β·g), g standard Gaussian.</summary>
internal static class TransitionMatrix
{
    /// <summary>Draws the row-major <paramref name="rank"/>×<paramref name="rank"/> matrix row by row from <paramref name="random"/>.</summary>
    public static double[] Draw(System.Random random, int rank, double beta)
    {
        var transition = new double[rank * rank];
        for (var state = 0; state < rank; state++)
        {
            var row = transition.AsSpan(state * rank, rank);
            for (var next = 0; next < rank; next++)
            {
                row[next] = beta * RandomVariates.StandardNormal(random);
            }

            Softmax(row);
        }

        return transition;
    }

    private static void Softmax(Span<double> logits)
    {
        var largest = double.NegativeInfinity;
        foreach (var logit in logits)
        {
            largest = Math.Max(largest, logit);
        }

        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Exp(logits[i] - largest);
            sum += logits[i];
        }

        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] /= sum;
        }
    }
}
