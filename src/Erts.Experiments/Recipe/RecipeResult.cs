namespace Erts.Experiments.Recipe;

/// <summary>One trained model of the recipe benchmark, scored once on its dataset's test part.</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Model">Model label, e.g. "ResNet1d, full" or "PyTorch peer (windows recipe)".</param>
/// <param name="Seed">Seed of the run (weights, order, windows, augmentation).</param>
/// <param name="Headline">Mean F1 of the dataset's headline classes.</param>
/// <param name="MacroF1">Mean F1 over every class present.</param>
/// <param name="Accuracy">Share of test rows predicted right.</param>
/// <param name="PerClassF1">F1 of each class.</param>
/// <param name="TestRows">Test rows behind the figures.</param>
/// <param name="FitSeconds">Wall-clock of training (data preparation excluded).</param>
/// <param name="EpochsRun">Epochs trained (fewer than planned after an early stop).</param>
/// <param name="BestEpoch">1-based epoch whose weights were kept (0 when not reported).</param>
/// <param name="EffectiveEpochs">Samples back-propagated over the training-set size (0 when not reported).</param>
/// <param name="Threads">Torch (or FastTree) threads.</param>
/// <param name="Finished">UTC time the run finished.</param>
public sealed record RecipeResult(
    string Dataset,
    string Model,
    int Seed,
    double Headline,
    double MacroF1,
    double Accuracy,
    IReadOnlyDictionary<string, double> PerClassF1,
    long TestRows,
    double FitSeconds,
    int EpochsRun,
    int BestEpoch,
    double EffectiveEpochs,
    int Threads,
    DateTimeOffset Finished)
{
    /// <summary>The mean F1 of <paramref name="classes"/> in <paramref name="perClass"/> (a class never seen counts 0).</summary>
    public static double HeadlineOf(IReadOnlyDictionary<string, double> perClass, IReadOnlyList<string> classes) =>
        classes.Average(c => perClass.GetValueOrDefault(c));
}
