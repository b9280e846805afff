namespace Erts.MLNet.Explainability;

/// <summary>The time axis on which <see cref="FocusScore"/> measures a Grad-CAM profile.</summary>
/// <remarks>
/// The score averages the top tenth of the positions (at least one). On the explained layer that tenth is counted in
/// the layer's own positions T', so a coarse layer makes the score coarse: with T' &lt; 20 the top "tenth" is the
/// single maximum, which min-max normalisation sets to 1, and every non-flat profile scores exactly 1. ResNet1d
/// explains at 1/32 of the input, so a 252-sample heartbeat (MIT-BIH, 0.7 s at 360 Hz) has T' = 8, and any input
/// under about 620 samples has T' &lt; 20: the focus filter then ranks by confidence alone. Stretching the profile
/// to the input length first, the usual way of overlaying Grad-CAM on its input, makes the tenth a tenth of the
/// ECG's duration on every backbone.
/// </remarks>
public enum FocusResolution
{
    /// <summary>Score the profile at the explained layer's resolution T' (the reference code).</summary>
    ExplainedLayer,

    /// <summary>
    /// Stretch the profile to the input length by linear interpolation (as <see cref="GradCam.Explain"/> shows it),
    /// then score it: the top tenth is a tenth of the ECG's duration, whatever the backbone's downsampling.
    /// </summary>
    Input,
}
