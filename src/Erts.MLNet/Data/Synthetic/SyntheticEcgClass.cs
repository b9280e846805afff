namespace Erts.MLNet.Data.Synthetic;

/// <summary>The classes the synthetic ECG generator draws; <see cref="SyntheticEcgClassExtensions.ToLabel"/> gives the label text.</summary>
public enum SyntheticEcgClass
{
    /// <summary>"NORM": normal sinus rhythm with respiratory sinus arrhythmia and Mayer waves.</summary>
    Normal,

    /// <summary>"AF": atrial-fibrillation-like rhythm: irregular RR intervals, no P waves, fibrillatory f-waves (4.5-8 Hz).</summary>
    AtrialFibrillation,

    /// <summary>"PVC": sinus rhythm with one to three premature, wide, P-less ventricular beats and a compensatory pause.</summary>
    PrematureVentricularContraction,

    /// <summary>"BBB": every QRS wide (about 140 ms) and notched, right- or left-bundle-branch-block-like, with discordant T.</summary>
    BundleBranchBlock,

    /// <summary>"ST": sinus rhythm with an injury current that elevates or depresses the ST segment in one territory's leads.</summary>
    StChange,
}

/// <summary>Label text of the synthetic classes.</summary>
public static class SyntheticEcgClassExtensions
{
    /// <summary>The label written to the <c>Label</c> column: NORM, AF, PVC, BBB or ST.</summary>
    /// <param name="ecgClass">The class.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined class.</exception>
    public static string ToLabel(this SyntheticEcgClass ecgClass) => ecgClass switch
    {
        SyntheticEcgClass.Normal => "NORM",
        SyntheticEcgClass.AtrialFibrillation => "AF",
        SyntheticEcgClass.PrematureVentricularContraction => "PVC",
        SyntheticEcgClass.BundleBranchBlock => "BBB",
        SyntheticEcgClass.StChange => "ST",
        _ => throw new ArgumentOutOfRangeException(nameof(ecgClass), ecgClass, "Not a synthetic ECG class."),
    };
}
