using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>
/// A small plain 1-D CNN: three conv-BN-ReLU stages with pooling, then global average pooling and one linear
/// layer. Cheap enough for tests and the demo on a laptop CPU.
/// </summary>
public sealed class SmallCnn1d : EcgNetwork
{
    private readonly Sequential features;
    private readonly Linear classifier;

    /// <summary>Creates the network.</summary>
    /// <param name="leads">Input channels (ECG leads), at least 1.</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <param name="width">Channels of the first stage; later stages double it. Default 16.</param>
    public SmallCnn1d(int leads, int classes, int width = 16) : base(nameof(SmallCnn1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        features = nn.Sequential(
            Stage(leads, width, kernel: 9, pool: true),
            Stage(width, width * 2, kernel: 7, pool: true),
            Stage(width * 2, width * 4, kernel: 5, pool: false));
        classifier = nn.Linear(width * 4, classes);
        RegisterComponents();
    }

    private static Sequential Stage(int input, int output, int kernel, bool pool)
    {
        var stage = nn.Sequential(
            nn.Conv1d(input, output, kernel, padding: kernel / 2, bias: false),
            nn.BatchNorm1d(output),
            nn.ReLU());
        if (pool) stage.append(nn.MaxPool1d(2));
        return stage;
    }

    /// <inheritdoc />
    public override Tensor Trunk(Tensor input) => features.call(input);

    /// <inheritdoc />
    public override Tensor Head(Tensor activations) => classifier.call(activations.mean([-1]));

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> GlobalAveragePoolingLinearHead => classifier;
}
