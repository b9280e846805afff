using Erts.MLNet.Networks;

namespace Erts.MLNet.Training;

/// <summary>
/// Trains an <see cref="EcgNetwork"/> on materialised data with the selection policy named in the options, keeping
/// the weights of the epoch with the best validation macro-F1. Knows nothing about ML.NET.
/// </summary>
public sealed class TrainingLoop
{
    private readonly ErtsTrainer.Options _options;
    private readonly Action<string>? _log;

    /// <summary>Creates the loop.</summary>
    /// <param name="options">Schedule, optimiser, policy and loss settings; validated here.</param>
    /// <param name="log">Receives one line per epoch (e.g. an ML.NET channel); may be null.</param>
    public TrainingLoop(ErtsTrainer.Options options, Action<string>? log = null)
    {
        _options = options;
        _log = log;
    }

    /// <summary>Trains <paramref name="network"/> in place; on return it holds the kept (best) weights, in eval mode.</summary>
    /// <param name="network">An untrained (or partly trained) network whose input shape matches the data.</param>
    /// <param name="train">Training data.</param>
    /// <param name="validation">Validation data for checkpoint selection, or null (the last epoch's weights are kept).</param>
    /// <returns>The per-epoch report.</returns>
    public TrainingReport Run(EcgNetwork network, EcgTensorData train, EcgTensorData? validation) =>
        throw new NotImplementedException();
}
