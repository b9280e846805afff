using Erts.MLNet.Data;

namespace Erts.MLNet.Tests.Data.Synthetic;

/// <summary>
/// Simple measurements on noise-free generated signals, independent of the generator's internals: R peaks from a QRS
/// energy envelope, RR variability, QRS width, beat-synchronous averages.
/// </summary>
internal static class EcgMeasurements
{
    /// <summary>
    /// QRS detections: local maxima of the summed squared slope of all leads (smoothed over 40 ms), above 8 % of the
    /// record's largest value (wide ectopic beats have much less slope than sinus ones), at least 250 ms apart.
    /// Also returns the envelope.
    /// </summary>
    public static (List<int> Peaks, float[] Envelope) DetectQrs(EcgExample example)
    {
        int n = example.Length;
        var slope = new float[n];
        for (int lead = 0; lead < example.Leads; lead++)
            for (int i = 1; i < n; i++)
            {
                float d = example.Signal[lead * n + i] - example.Signal[lead * n + i - 1];
                slope[i] += d * d;
            }
        int half = (int)(0.02f * example.SamplingRate);
        var envelope = new float[n];
        for (int i = 0; i < n; i++)
        {
            float sum = 0;
            int count = 0;
            for (int j = Math.Max(0, i - half); j <= Math.Min(n - 1, i + half); j++) { sum += slope[j]; count++; }
            envelope[i] = sum / count;
        }
        float threshold = 0.08f * envelope.Max();
        int refractory = (int)(0.25f * example.SamplingRate);
        var peaks = new List<int>();
        for (int i = 1; i < n - 1; i++)
        {
            if (envelope[i] < threshold || envelope[i] < envelope[i - 1] || envelope[i] < envelope[i + 1]) continue;
            if (peaks.Count > 0 && i - peaks[^1] < refractory)
            {
                if (envelope[i] > envelope[peaks[^1]]) peaks[^1] = i;
                continue;
            }
            peaks.Add(i);
        }
        return (peaks, envelope);
    }

    /// <summary>Coefficient of variation of the RR intervals between detected QRS complexes.</summary>
    public static double RrVariation(EcgExample example)
    {
        var peaks = DetectQrs(example).Peaks;
        var rr = peaks.Zip(peaks.Skip(1), (a, b) => (double)(b - a)).ToArray();
        double mean = rr.Average();
        return Math.Sqrt(rr.Sum(v => (v - mean) * (v - mean)) / (rr.Length - 1)) / mean;
    }

    /// <summary>Width (s) of each detected QRS: the span around the peak where the envelope stays above 10 % of the peak.</summary>
    public static List<double> QrsWidths(EcgExample example)
    {
        var (peaks, envelope) = DetectQrs(example);
        var widths = new List<double>();
        foreach (int peak in peaks)
        {
            float level = 0.1f * envelope[peak];
            int start = peak, end = peak;
            while (start > 0 && envelope[start - 1] > level) start--;
            while (end < envelope.Length - 1 && envelope[end + 1] > level) end++;
            if (start == 0 || end == envelope.Length - 1) continue; // cut by the record's edge
            widths.Add((end - start) / (double)example.SamplingRate);
        }
        return widths;
    }

    /// <summary>
    /// Mean of one lead over [peak + from, peak + to] (s), averaged over detected beats whose window lies inside the
    /// record and, when <paramref name="minPrecedingRr"/> is given, whose preceding RR interval is at least that long.
    /// Averaging across beats keeps what is locked to the QRS (P wave, ST level) and cancels what is not (f-waves).
    /// </summary>
    public static double BeatLockedMean(EcgExample example, int lead, double from, double to, double minPrecedingRr = 0)
    {
        var peaks = DetectQrs(example).Peaks;
        int n = example.Length;
        double fs = example.SamplingRate, sum = 0;
        int count = 0;
        for (int k = 1; k < peaks.Count; k++)
        {
            if ((peaks[k] - peaks[k - 1]) / fs < minPrecedingRr) continue;
            int a = peaks[k] + (int)Math.Round(from * fs), b = peaks[k] + (int)Math.Round(to * fs);
            if (a < 0 || b >= n) continue;
            for (int i = a; i <= b; i++) sum += example.Signal[lead * n + i];
            count += b - a + 1;
        }
        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Magnitude of the discrete Fourier transform of one lead at <paramref name="frequency"/> (Hz), per sample.</summary>
    public static double Amplitude(EcgExample example, int lead, double frequency)
    {
        int n = example.Length;
        double re = 0, im = 0;
        for (int i = 0; i < n; i++)
        {
            double angle = 2 * Math.PI * frequency * i / example.SamplingRate;
            re += example.Signal[lead * n + i] * Math.Cos(angle);
            im -= example.Signal[lead * n + i] * Math.Sin(angle);
        }
        return 2 * Math.Sqrt(re * re + im * im) / n;
    }
}
