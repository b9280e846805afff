namespace Erts.MLNet.Training;

/// <summary>
/// Class weights of the class-balanced loss (Cui et al., CVPR 2019): the weight of class c is inversely
/// proportional to its effective number of samples (1 − β^n_c) / (1 − β), and the weights are scaled to sum to the
/// number of classes.
/// </summary>
public static class ClassBalancedWeights
{
    /// <summary>Weights from the labels' histogram.</summary>
    /// <param name="labels">Class index of each training example, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">Number of classes, 2 or more.</param>
    /// <param name="beta">β in [0, 1); 0.9999 by default in the trainer. β = 0 gives equal weights.</param>
    /// <returns>One weight per class; a class without examples gets 0 (it contributes no loss term anyway), and
    /// the present classes share the total <paramref name="classes"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">β is outside [0, 1), or a label is out of range.</exception>
    public static float[] Compute(IReadOnlyList<int> labels, int classes, double beta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β of the class-balanced loss must be in [0, 1).");
        var counts = new int[classes];
        foreach (int label in labels)
        {
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Labels must be in [0, {classes}).");
            counts[label]++;
        }

        var raw = counts.Select(n => n == 0 ? 0 : (1 - beta) / (1 - Math.Pow(beta, n))).ToArray();
        double total = raw.Sum();
        return raw.Select(w => total == 0 ? 0f : (float)(w / total * classes)).ToArray();
    }
}
