using Erts.MLNet.Data.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Estimator of <see cref="LeadNormalizingTransformer"/>. With <see cref="LeadNormalizationScope.Dataset"/>,
/// <see cref="Fit"/> reads the training data once and computes each lead's mean and standard deviation over all its
/// samples (of the records only, in a view with <c>SignalLength</c>); with <see cref="LeadNormalizationScope.PerRecord"/>
/// there is nothing to fit.
/// </summary>
public sealed class LeadNormalizingEstimator : IEstimator<LeadNormalizingTransformer>
{
    /// <summary>Default values of the catalog method.</summary>
    public static class Defaults
    {
        /// <summary>The paper's per-record per-lead z-score.</summary>
        public const LeadNormalizationScope Scope = LeadNormalizationScope.PerRecord;

        /// <summary>Added to the standard deviation (a flat lead gives zeros).</summary>
        public const float Epsilon = 1e-8f;
    }

    private readonly LeadNormalizationScope _scope;
    private readonly LeadNormalizingTransformer _unfitted;

    internal LeadNormalizingEstimator(LeadNormalizationScope scope, float epsilon, string outputColumnName, string? inputColumnName)
    {
        if (!Enum.IsDefined(scope)) throw new ArgumentOutOfRangeException(nameof(scope), scope, "unknown normalisation scope");
        _scope = scope;
        _unfitted = new LeadNormalizingTransformer(epsilon, null, null, outputColumnName, inputColumnName);
    }

    /// <summary>Fits the per-lead statistics (dataset scope) and returns the transformer.</summary>
    /// <exception cref="SignalColumnException">The input column is missing or does not fit.</exception>
    /// <exception cref="SignalLengthException">A row's <c>SignalLength</c> is outside [1, samples per lead].</exception>
    public LeadNormalizingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var signal = _unfitted.ReadInput(input.Schema);
        if (_scope == LeadNormalizationScope.PerRecord) return _unfitted;

        var moments = new Moments[signal.Leads];
        var column = input.Schema[_unfitted.InputColumnName];
        var lengthColumn = _unfitted.FindRowLengths(input.Schema);
        using (var cursor = input.GetRowCursor(lengthColumn is { } l ? [column, l] : [column]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var getLength = lengthColumn is { } c ? cursor.GetGetter<int>(c) : null;
            VBuffer<float> row = default;
            var dense = new float[signal.Values];
            int length = signal.Samples;
            while (cursor.MoveNext())
            {
                getter(ref row);
                row.CopyTo(dense);
                if (getLength != null)
                {
                    getLength(ref length);
                    _unfitted.CheckRowLength(length, signal, cursor.Position);
                }
                for (int lead = 0; lead < signal.Leads; lead++) moments[lead].Add(dense.AsSpan(lead * signal.Samples, length));
            }
        }
        if (moments[0].Count == 0)
            throw _unfitted.Mismatch(signal, "must have at least one row to fit dataset statistics on", "no rows");
        return new LeadNormalizingTransformer(_unfitted.Epsilon,
            moments.Select(m => (float)m.Mean).ToArray(), moments.Select(m => (float)m.StandardDeviation).ToArray(),
            _unfitted.OutputColumnName, _unfitted.InputColumnName);
    }

    /// <summary>Checks the input column (known-size Single vector) and describes the output.</summary>
    /// <exception cref="SignalColumnException">The input column is missing or does not fit.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _unfitted.GetOutputSchemaShape(inputSchema);
}
