namespace Erts.MLNet.Transforms;

/// <summary>What <see cref="NonFiniteTransformer"/> does with NaN and infinite samples.</summary>
public enum NonFinitePolicy
{
    /// <summary>Replace them with a value (0 in the paper).</summary>
    Replace,

    /// <summary>Throw a <see cref="NonFiniteSignalException"/> naming the row, lead and sample.</summary>
    Fail,
}
