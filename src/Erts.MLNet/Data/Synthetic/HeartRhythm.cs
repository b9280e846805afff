namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// Beat times of a record. Sinus rhythm follows an RR tachogram with respiratory sinus arrhythmia (at the breathing
/// frequency) and Mayer waves (about 0.1 Hz), the two spectral peaks of ECGSYN's RR model; AF draws independent,
/// widely spread RR intervals; PVCs replace sinus beats early and leave a compensatory pause.
/// </summary>
internal static class HeartRhythm
{
    // Beats start before 0 and end after the record so that P and T waves of beats just outside spill in.
    private const float LeadIn = 0.45f;
    private const float LeadOut = 0.3f;

    /// <summary>Mean RR interval (s) for the class: sinus 55-95 bpm, AF 70-140 bpm (uncontrolled ventricular rate).</summary>
    public static float DrawMeanRr(SyntheticEcgClass ecgClass, SplitMixRandom random)
    {
        float bpm = ecgClass == SyntheticEcgClass.AtrialFibrillation ? random.Uniform(70f, 140f) : random.Uniform(55f, 95f);
        return 60f / bpm;
    }

    public static List<SyntheticBeat> Sinus(float duration, float meanRr, Respiration respiration, SplitMixRandom random)
    {
        float rsaDepth = random.Uniform(0.02f, 0.06f);
        float mayerDepth = random.Uniform(0.01f, 0.04f);
        float mayerFrequency = random.Uniform(0.08f, 0.12f);
        float mayerPhase = random.Uniform(0f, 2f * MathF.PI);

        var beats = new List<SyntheticBeat>((int)(duration / meanRr) + 4);
        for (float t = -LeadIn + random.Uniform(0f, meanRr); t < duration + LeadOut;)
        {
            beats.Add(new SyntheticBeat(t, IsEctopic: false));
            float modulation = rsaDepth * respiration.At(t)
                             + mayerDepth * MathF.Sin(2f * MathF.PI * mayerFrequency * t + mayerPhase)
                             + 0.01f * (float)random.NextGaussian();
            t += meanRr * (1f + modulation);
        }
        return beats;
    }

    /// <summary>Atrial fibrillation: log-normal RR intervals with a coefficient of variation of about 12-25 %.</summary>
    public static List<SyntheticBeat> Fibrillation(float duration, float meanRr, SplitMixRandom random)
    {
        float spread = random.Uniform(0.12f, 0.25f);
        var beats = new List<SyntheticBeat>((int)(duration / meanRr) + 4);
        for (float t = -LeadIn + random.Uniform(0f, meanRr); t < duration + LeadOut;)
        {
            beats.Add(new SyntheticBeat(t, IsEctopic: false));
            float rr = meanRr * MathF.Exp(spread * (float)random.NextGaussian() - spread * spread / 2f);
            t += Math.Clamp(rr, 0.3f, 2f);
        }
        return beats;
    }

    /// <summary>
    /// Replaces one to three non-adjacent sinus beats inside the record by premature ventricular beats at 55-70 % of
    /// the preceding RR interval. The sinus node is not reset, so the next sinus beat keeps its time (compensatory
    /// pause).
    /// </summary>
    public static void InsertPrematureBeats(List<SyntheticBeat> beats, float duration, SplitMixRandom random)
    {
        var candidates = new List<int>();
        for (int k = 1; k < beats.Count - 1; k++)
            if (beats[k].TimeSeconds > 0.2f && beats[k].TimeSeconds < duration - 0.2f)
                candidates.Add(k);

        int wanted = 1 + random.NextInt(3);
        for (int placed = 0; placed < wanted && candidates.Count > 0; placed++)
        {
            int k = candidates[random.NextInt(candidates.Count)];
            float previous = beats[k - 1].TimeSeconds;
            float coupling = random.Uniform(0.55f, 0.7f);
            beats[k] = new SyntheticBeat(previous + coupling * (beats[k].TimeSeconds - previous), IsEctopic: true);
            candidates.RemoveAll(c => Math.Abs(c - k) <= 1);
        }
    }
}
