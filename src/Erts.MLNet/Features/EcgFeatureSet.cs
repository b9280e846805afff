namespace Erts.MLNet.Features;

/// <summary>Which features <c>ExtractFeatures</c> computes: those of one beat, or those of a rhythm strip.</summary>
public enum EcgFeatureSet
{
    /// <summary>
    /// For beat windows (e.g. <c>MitBeatDatabase</c> rows): the beat at the window's fiducial point. RR intervals
    /// (previous, next, local average over the window, their ratios), QRS width, amplitudes, area and slope, P and T
    /// amplitudes, moments of the beat and its waveform sampled at fixed offsets from the R peak.
    /// </summary>
    Beat,

    /// <summary>
    /// For rhythm strips (e.g. CinC 2017 records): heart-rate variability (mean, SDNN, RMSSD, pNN50, coefficient of
    /// variation, sample entropy, irregular fraction) and the median beat morphology with the beats' similarity to it.
    /// </summary>
    Rhythm,
}
