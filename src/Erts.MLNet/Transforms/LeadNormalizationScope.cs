namespace Erts.MLNet.Transforms;

/// <summary>Over what <see cref="LeadNormalizingTransformer"/> computes each lead's mean and standard deviation.</summary>
public enum LeadNormalizationScope
{
    /// <summary>Each record and lead on its own (the paper's per-record per-lead z-score); nothing is fitted.</summary>
    PerRecord,

    /// <summary>Each lead over the whole training set, fitted once and saved with the model.</summary>
    Dataset,
}
