namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>Test-set figures of one trained baseline.</summary>
/// <param name="Dataset">Dataset and protocol, e.g. "MIT-BIH beats, DS1 -> DS2".</param>
/// <param name="Model">What was trained, e.g. "features + FastTree (OVA)".</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1 on the test set.</param>
/// <param name="Accuracy">Share of test rows predicted right.</param>
/// <param name="PerClassF1">Class label to test F1, in label order.</param>
/// <param name="TrainSeconds">Wall-clock seconds to fit: network training, feature and embedding extraction on the
/// training rows, and FastTree, as far as the model has them.</param>
/// <param name="Threads">FastTree and Torch threads (feature extraction reads the data in one stream).</param>
/// <param name="TrainRows">Training rows.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="Command">The command that produced the figures.</param>
internal sealed record BaselineResult(
    string Dataset,
    string Model,
    double MacroF1,
    double Accuracy,
    IReadOnlyList<KeyValuePair<string, double>> PerClassF1,
    double TrainSeconds,
    int Threads,
    long TrainRows,
    long TestRows,
    string Command = "");
