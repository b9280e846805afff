namespace Erts.MLNet.Data.Datasets;

/// <summary>Which part of a record longer than the fixed length is kept; shorter records are zero-padded at the end.</summary>
public enum CropPosition
{
    /// <summary>Keep the first samples (as the ERTS paper does for CPSC 2018: "first 1000 samples").</summary>
    Start,

    /// <summary>Keep the middle samples.</summary>
    Center,
}
