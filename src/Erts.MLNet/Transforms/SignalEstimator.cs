using Microsoft.ML;

namespace Erts.MLNet.Transforms;

/// <summary>
/// The estimator of a stateless ECG transform: nothing to learn, so <see cref="Fit"/> checks the input schema and
/// returns the transformer. Obtained from <c>mlContext.Transforms.Ecg</c>.
/// </summary>
/// <typeparam name="TTransformer">The transformer produced.</typeparam>
public sealed class SignalEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : SignalTransformerBase
{
    private readonly TTransformer _transformer;

    internal SignalEstimator(TTransformer transformer) => _transformer = transformer;

    /// <summary>Returns the transformer after checking that <paramref name="input"/>'s signal column fits it.</summary>
    /// <exception cref="SignalColumnException">The input column is missing or does not fit this transform.</exception>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <summary>Checks the input column (known-size Single vector, needed annotations) and describes the output.</summary>
    /// <exception cref="SignalColumnException">The input column is missing or does not fit this transform.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _transformer.GetOutputSchemaShape(inputSchema);
}
