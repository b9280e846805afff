using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// One dataset's protocol, as every model of the comparison reads it: the training and test ECG views (columns of the
/// ECG convention, Label as text), the hand-made features, and how the ERTS network sees the signal.
/// </summary>
/// <param name="Protocol">Dataset and protocol, e.g. "MIT-BIH beats N/S/V/F, inter-patient DS1 → DS2".</param>
/// <param name="Train">The training split.</param>
/// <param name="Test">The test split, used once.</param>
/// <param name="NetworkTrain">The training rows the network learns from (a subsample of <paramref name="Train"/> where that is too large for a short schedule).</param>
/// <param name="Features">Writes the hand-made features to the column "Features"; fitted per split (it learns nothing).</param>
/// <param name="NetworkInput">Writes the network's input column <see cref="HybridBaseline.NetworkSignal"/> from "Signal" (crop, resample, normalise).</param>
/// <param name="Schedule">The network and its training schedule; the pipeline sets the column names and threads.</param>
/// <param name="ScheduleText">The schedule in words for the results table.</param>
internal sealed record BaselineData(
    string Protocol,
    IDataView Train,
    IDataView Test,
    IDataView NetworkTrain,
    IEstimator<ITransformer> Features,
    IEstimator<ITransformer> NetworkInput,
    ErtsTrainer.Options Schedule,
    string ScheduleText);

/// <summary>One dataset of the comparison: reads it from a folder.</summary>
internal interface IBaselineExperiment
{
    /// <summary>The dataset's folder name under the shared data folder, e.g. "mitdb".</summary>
    string Dataset { get; }

    /// <summary>The dataset's splits, features and network input, read from <paramref name="folder"/>.</summary>
    BaselineData Load(MLContext mlContext, string folder);
}
