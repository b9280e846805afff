using System.Globalization;
using Erts.MLNet.Networks;

namespace Erts.Experiments.Grid;

/// <summary>One training run of the grid.</summary>
/// <param name="Dataset">Dataset name, e.g. "mitbih".</param>
/// <param name="Backbone">Network trained.</param>
/// <param name="Policy">Policy label, e.g. "erts-dbpd" (see <see cref="GridPolicy"/>).</param>
/// <param name="Seed">Seed of weights, shuffling, random policies and label flips.</param>
/// <param name="Noise">Share of training and validation labels flipped, in [0, 1).</param>
public sealed record GridCell(string Dataset, Backbone Backbone, string Policy, int Seed, double Noise)
{
    /// <summary>Unique key, e.g. "mitbih/ResNet1d/erts-dbpd/noise0.1/seed2".</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Dataset}/{Backbone}/{Policy}/noise{Noise:0.##}/seed{Seed}");

    /// <inheritdoc />
    public override string ToString() => Key;
}
