using System.Numerics;

namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// Renders records into lead-major signals: beats as sums of Gaussian dipole events projected on each lead, then
/// fibrillatory waves (AF) and noise. Holds scratch buffers, so one instance serves one thread.
/// </summary>
internal sealed class SyntheticEcgRenderer
{
    private readonly SyntheticEcgOptions _options;
    private readonly Vector3[] _leadVectors;
    private readonly int _samples;
    private readonly float _rate;
    private readonly float[] _kernel;
    private readonly float[] _leadGain;
    private readonly float[] _projection;
    private readonly float[][] _tables;

    public SyntheticEcgRenderer(SyntheticEcgOptions options, Vector3[] leadVectors)
    {
        _options = options;
        _leadVectors = leadVectors;
        _samples = options.SamplesPerLead;
        _rate = options.SamplingRate;
        // The widest Gaussian (T wave, width <= 0.1 s) spans +-4 widths.
        _kernel = new float[(int)MathF.Ceiling(0.8f * _rate) + 3];
        _leadGain = new float[leadVectors.Length];
        _projection = new float[leadVectors.Length];
        _tables = Enumerable.Range(0, 6).Select(_ => new float[_samples]).ToArray();
    }

    /// <summary>Renders the signal of one record of <paramref name="ecgClass"/>; also returns its beats.</summary>
    public (float[] Signal, List<SyntheticBeat> Beats) Render(SyntheticEcgClass ecgClass, SplitMixRandom random)
    {
        // Each noise draws from its own generator: switching one off leaves the heart and the other noises unchanged.
        var wanderRandom = random.Fork();
        var muscleRandom = random.Fork();
        var mainsRandom = random.Fork();

        float duration = _options.DurationSeconds;
        var respiration = Respiration.Draw(random);
        float meanRr = HeartRhythm.DrawMeanRr(ecgClass, random);
        var morphology = BeatMorphology.Create(ecgClass, meanRr, random);
        var beats = ecgClass == SyntheticEcgClass.AtrialFibrillation
            ? HeartRhythm.Fibrillation(duration, meanRr, random)
            : HeartRhythm.Sinus(duration, meanRr, respiration, random);
        if (ecgClass == SyntheticEcgClass.PrematureVentricularContraction)
            HeartRhythm.InsertPrematureBeats(beats, duration, random);

        // Electrode placement and skin contact differ between recordings: a gain per lead.
        for (int lead = 0; lead < _leadGain.Length; lead++)
            _leadGain[lead] = random.Uniform(0.85f, 1.15f);

        var signal = new float[_leadVectors.Length * _samples];
        foreach (var beat in beats)
        {
            // Breathing moves the heart relative to the electrodes: QRS amplitude follows it by a few percent.
            float breathing = beat.IsEctopic ? 1f : 1f + 0.05f * respiration.At(beat.TimeSeconds);
            foreach (var wave in beat.IsEctopic ? morphology.Ectopic : morphology.Sinus)
                AddGaussian(signal, beat.TimeSeconds + wave.Offset, wave.Width, wave.Dipole * breathing);
        }

        if (ecgClass == SyntheticEcgClass.AtrialFibrillation)
            AddFibrillatoryWaves(signal, random);
        AddBaselineWander(signal, respiration, wanderRandom);
        AddMuscleNoise(signal, muscleRandom);
        AddMainsHum(signal, mainsRandom);
        return (signal, beats);
    }

    private void AddGaussian(float[] signal, float centreSeconds, float widthSeconds, Vector3 dipole)
    {
        float centre = centreSeconds * _rate;
        float width = widthSeconds * _rate;
        float reach = MathF.Min(4f * width, (_kernel.Length - 1) / 2f);
        int first = Math.Max(0, (int)MathF.Ceiling(centre - reach));
        int last = Math.Min(_samples - 1, (int)MathF.Floor(centre + reach));
        if (last < first) return;

        var kernel = _kernel.AsSpan(0, last - first + 1);
        float inverseTwoVariance = 1f / (2f * width * width);
        for (int n = 0; n < kernel.Length; n++)
        {
            float d = first + n - centre;
            kernel[n] = MathF.Exp(-d * d * inverseTwoVariance);
        }
        AddProjected(signal, first, kernel, dipole);
    }

    /// <summary>Adds <paramref name="waveform"/> (one heart dipole direction over time) to every lead, scaled by the lead's projection.</summary>
    private void AddProjected(float[] signal, int firstSample, ReadOnlySpan<float> waveform, Vector3 dipole)
    {
        for (int lead = 0; lead < _leadVectors.Length; lead++)
        {
            float gain = Vector3.Dot(_leadVectors[lead], dipole) * _leadGain[lead];
            if (MathF.Abs(gain) < 1e-6f) continue;
            SpanArithmetic.AddScaled(signal.AsSpan(lead * _samples + firstSample, waveform.Length), waveform, gain);
        }
    }

    /// <summary>
    /// Fibrillatory f-waves: a 4.5-8 Hz atrial oscillation with wandering frequency and amplitude (plus a second
    /// harmonic), projected along an atrial axis that favours V1 and the inferior leads.
    /// </summary>
    private void AddFibrillatoryWaves(float[] signal, SplitMixRandom random)
    {
        float frequency = random.Uniform(4.5f, 8f);
        float millivolts = random.Uniform(0.03f, 0.1f);
        float wanderPhase = random.Uniform(0f, 2f * MathF.PI);
        float amplitudePhase = random.Uniform(0f, 2f * MathF.PI);
        float harmonic = random.Uniform(0.1f, 0.35f);
        var atrial = _tables[0];
        double phase = random.Uniform(0f, 2f * MathF.PI);
        for (int n = 0; n < _samples; n++)
        {
            float t = n / _rate;
            float instantaneous = frequency + 0.6f * MathF.Sin(2f * MathF.PI * 0.13f * t + wanderPhase);
            phase += 2.0 * Math.PI * instantaneous / _rate;
            float envelope = 1f + 0.35f * MathF.Sin(2f * MathF.PI * 0.3f * t + amplitudePhase);
            atrial[n] = envelope * (MathF.Sin((float)phase) + harmonic * MathF.Sin(2f * (float)phase));
        }
        AddProjected(signal, 0, atrial, Vector3.Normalize(new Vector3(-0.2f, 0.5f, 0.85f)) * millivolts);
    }

    /// <summary>Baseline wander: a component at the breathing frequency and a slower drift (0.03-0.12 Hz), per lead.</summary>
    private void AddBaselineWander(float[] signal, Respiration respiration, SplitMixRandom random)
    {
        float level = _options.BaselineWander * RecordLevel(random);
        if (level <= 0) return;
        Oscillator.Fill(_tables[0], _tables[1], respiration.Frequency, _rate);
        Oscillator.Fill(_tables[2], _tables[3], random.Uniform(0.03f, 0.12f), _rate);
        for (int lead = 0; lead < _leadVectors.Length; lead++)
        {
            var target = signal.AsSpan(lead * _samples, _samples);
            Oscillator.AddSinusoid(target, _tables[0], _tables[1], level * random.Uniform(0.3f, 1f), random.Uniform(0f, 2f * MathF.PI));
            Oscillator.AddSinusoid(target, _tables[2], _tables[3], level * random.Uniform(0.3f, 1f), random.Uniform(0f, 2f * MathF.PI));
        }
    }

    /// <summary>Muscle (EMG-like) noise: broadband Gaussian noise, its level drawn per lead.</summary>
    private void AddMuscleNoise(float[] signal, SplitMixRandom random)
    {
        float level = _options.MuscleNoise * RecordLevel(random);
        if (level <= 0) return;
        for (int lead = 0; lead < _leadVectors.Length; lead++)
        {
            float rms = level * random.Uniform(0.5f, 1.5f);
            var target = signal.AsSpan(lead * _samples, _samples);
            for (int n = 0; n < target.Length; n++)
                target[n] += rms * random.NextGaussianFast();
        }
    }

    /// <summary>Mains hum: a sinusoid at the mains frequency with its own amplitude and phase on each lead.</summary>
    private void AddMainsHum(float[] signal, SplitMixRandom random)
    {
        float level = _options.MainsHum * RecordLevel(random);
        // A recorder sampling at or below twice the mains frequency low-pass filters it away before sampling.
        if (level <= 0 || _options.MainsFrequency >= _rate / 2) return;
        Oscillator.Fill(_tables[4], _tables[5], _options.MainsFrequency, _rate);
        for (int lead = 0; lead < _leadVectors.Length; lead++)
            Oscillator.AddSinusoid(signal.AsSpan(lead * _samples, _samples), _tables[4], _tables[5],
                level * random.Uniform(0.5f, 1.5f), random.Uniform(0f, 2f * MathF.PI));
    }

    /// <summary>
    /// This record's factor on a noise level: uniform in [0.25, 1.75], and three times that for one record in ten (a
    /// badly recorded one), so a set mixes clean, typical and noisy records as real collections do.
    /// </summary>
    private static float RecordLevel(SplitMixRandom random)
    {
        float factor = random.Uniform(0.25f, 1.75f);
        return random.Chance(0.1) ? 3f * factor : factor;
    }
}
