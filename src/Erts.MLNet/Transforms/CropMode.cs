namespace Erts.MLNet.Transforms;

/// <summary>Which window of a longer signal <see cref="CropOrPadTransformer"/> keeps.</summary>
public enum CropMode
{
    /// <summary>The first samples (the paper's choice: truncate at the end).</summary>
    Start,

    /// <summary>The middle samples; a shorter signal is padded equally on both sides.</summary>
    Center,

    /// <summary>A window drawn per row and per pass over the data (training augmentation), reproducible for a seed.</summary>
    Random,
}
