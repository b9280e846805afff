namespace Erts.MLNet.Training;

/// <summary>
/// The focus histograms of one epoch, one per kind of candidate met (kept or filtered out, flagged or not): what the
/// epoch adds to the report, at most four fixed-size histograms however many candidates were scored.
/// </summary>
internal sealed class FocusTally(int epoch, IReadOnlyList<bool>? flaggedRows)
{
    private readonly FocusHistogram?[] _histograms = new FocusHistogram?[4];

    /// <summary>Counts one scored candidate.</summary>
    /// <param name="sample">Its index in the training data.</param>
    /// <param name="kept">True when it got a gradient step.</param>
    /// <param name="confidence">p(true class), or NaN when the policy measures none.</param>
    /// <param name="focus">Its focus score.</param>
    /// <param name="scoreAgeEpochs">Epochs since the forward that gave the confidence.</param>
    public void Add(int sample, bool kept, float confidence, float focus, int scoreAgeEpochs)
    {
        bool flagged = flaggedRows is not null && flaggedRows[sample];
        (_histograms[FocusHistogram.GroupOf(kept, flagged)] ??= new FocusHistogram(epoch, kept, flagged)).Add(confidence, focus, scoreAgeEpochs);
    }

    /// <summary>The histograms of the kinds met, in report order.</summary>
    public IEnumerable<FocusHistogram> Histograms => _histograms.OfType<FocusHistogram>();
}
