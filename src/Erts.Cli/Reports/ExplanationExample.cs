namespace Erts.Cli.Reports;

/// <summary>One ECG with the Grad-CAM evidence of the model's prediction, ready to draw.</summary>
/// <param name="RecordId">Record identifier shown in the title.</param>
/// <param name="Signal">Leads x samples values in mV, lead-major.</param>
/// <param name="LeadNames">One name per lead.</param>
/// <param name="SamplingRate">Samples per second per lead (Hz).</param>
/// <param name="Profile">Grad-CAM time profile (any length; stretched over the signal), not necessarily normalised.</param>
/// <param name="TrueLabel">The record's label, or null when unknown.</param>
/// <param name="PredictedLabel">The class the model chose.</param>
/// <param name="Probability">The model's probability of <paramref name="PredictedLabel"/>, in [0, 1].</param>
internal sealed record ExplanationExample(
    string RecordId,
    float[] Signal,
    IReadOnlyList<string> LeadNames,
    float SamplingRate,
    float[] Profile,
    string? TrueLabel,
    string PredictedLabel,
    float Probability)
{
    /// <summary>Number of leads.</summary>
    public int Leads => LeadNames.Count;

    /// <summary>Samples per lead.</summary>
    public int Samples => Leads == 0 ? 0 : Signal.Length / Leads;

    /// <summary>The profile min-max scaled to [0, 1] (all zeros when it is flat), the way focus scores see it.</summary>
    public float[] NormalisedProfile()
    {
        if (Profile.Length == 0) return [];
        float min = Profile.Min(), max = Profile.Max();
        return max > min ? Profile.Select(v => (v - min) / (max - min)).ToArray() : new float[Profile.Length];
    }
}
