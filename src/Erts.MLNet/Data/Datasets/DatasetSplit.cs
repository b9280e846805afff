namespace Erts.MLNet.Data.Datasets;

/// <summary>Which part of a dataset a loader yields.</summary>
public enum DatasetSplit
{
    /// <summary>Every example the loader's options admit, whatever its split.</summary>
    All,

    /// <summary>The training part.</summary>
    Train,

    /// <summary>The validation part (model selection, early stopping).</summary>
    Validation,

    /// <summary>The test part, for the final figures only.</summary>
    Test,
}
