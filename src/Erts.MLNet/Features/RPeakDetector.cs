using Erts.MLNet.Dsp;

namespace Erts.MLNet.Features;

/// <summary>
/// Finds the R peaks of one ECG lead in O(n): Pan-Tompkins (1985) preprocessing with the decision rules of
/// Hamilton and Tompkins (1986), as in Hamilton's open-source detector (EP Limited / OSEA, 2002).
/// </summary>
/// <remarks>
/// <para>Preprocessing: 5-15 Hz zero-phase Butterworth band-pass (the QRS band, <see cref="FilterDesign"/>), the
/// five-point derivative, absolute value, and an 80 ms moving-window integration; zero-phase, centred filters put
/// the integrated peak on the QRS rather than after it.</para>
/// <para>Decision rules, on the peaks of the integrated signal: a peak is held for 200 ms and replaced by any larger
/// one in that time (refractory blanking). It is a QRS when it exceeds the threshold
/// <c>noise + 0.3125 (qrs - noise)</c>, where qrs and noise are the means of the last 8 QRS and noise peak heights;
/// within 360 ms of the previous QRS it must also have at least half that QRS's maximum slope, else it is a T wave.
/// When no QRS has been found for 1.5 mean RR intervals (mean of the last 8), the largest noise peak since 360 ms
/// after the last QRS is taken if it exceeds half the threshold (search back). The first 8 seconds seed the
/// estimates: each second's largest peak is a QRS height, the noise starts at 0 and the RR mean at 1 s.</para>
/// <para>The reported position is the largest deflection of the band-passed lead within 80 ms of the integrated
/// peak, i.e. the R (or, for a negative QRS, the S or QS) peak.</para>
/// <para>Scored on all 48 MIT-BIH Arrhythmia records (first channel, 150 ms tolerance): see <c>docs/results.md</c>.</para>
/// </remarks>
public sealed class RPeakDetector
{
    private const double LowCutoffHz = 5;
    private const double HighCutoffHz = 15;
    private const double IntegrationSeconds = 0.080;
    private const double RefractorySeconds = 0.200;
    private const double TWaveWindowSeconds = 0.360;
    private const double RefinementSeconds = 0.080;
    private const double SlopeWindowSeconds = 0.075;
    private const int SeedSeconds = 8;
    private const double ThresholdFraction = 0.3125;
    private const double SearchBackRrFactor = 1.5;
    private const int History = 8;

    private readonly SecondOrderSections _bandPass;

    /// <summary>Prepares a detector for signals sampled at <paramref name="samplingRate"/> Hz.</summary>
    /// <param name="samplingRate">Samples per second; above 30 Hz (the band-pass needs 15 Hz below Nyquist).</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not a finite number above 30.</exception>
    public RPeakDetector(double samplingRate)
    {
        if (!(samplingRate > 2 * HighCutoffHz) || !double.IsFinite(samplingRate))
            throw new ArgumentOutOfRangeException(nameof(samplingRate), samplingRate, $"the R-peak detector needs a sampling rate above {2 * HighCutoffHz} Hz");
        SamplingRate = samplingRate;
        _bandPass = FilterDesign.Butterworth(2, LowCutoffHz, HighCutoffHz, samplingRate);
    }

    /// <summary>Samples per second of the signals this detector reads.</summary>
    public double SamplingRate { get; }

    /// <summary>Sample indices of the R peaks of <paramref name="lead"/>, ascending; empty for a flat or too short lead.</summary>
    /// <param name="lead">One lead, any units; NaN samples count as 0.</param>
    public int[] Detect(ReadOnlySpan<float> lead)
    {
        int n = lead.Length;
        if (n <= _bandPass.PadLength) return [];
        var filtered = new float[n];
        for (int i = 0; i < n; i++) filtered[i] = float.IsFinite(lead[i]) ? lead[i] : 0;
        _bandPass.FilterZeroPhase(filtered, filtered);
        float[] slope = AbsoluteSlope(filtered);
        float[] integrated = MovingAverage(slope, Samples(IntegrationSeconds) | 1);
        var peaks = new DecisionRules(this, slope).Run(integrated);
        return Refine(peaks, filtered);
    }

    private int Samples(double seconds) => Math.Max(1, (int)Math.Round(seconds * SamplingRate));

    // Pan-Tompkins' five-point derivative, centred: (-x[n-2] - 2x[n-1] + 2x[n+1] + x[n+2]) / 8, absolute value.
    private static float[] AbsoluteSlope(float[] x)
    {
        var slope = new float[x.Length];
        for (int i = 2; i < x.Length - 2; i++)
            slope[i] = Math.Abs(2 * (x[i + 1] - x[i - 1]) + x[i + 2] - x[i - 2]) / 8;
        return slope;
    }

    // Centred moving average of odd width (a running sum, O(n)).
    private static float[] MovingAverage(float[] x, int width)
    {
        var average = new float[x.Length];
        int half = width / 2;
        double sum = 0;
        for (int i = 0; i < Math.Min(half, x.Length); i++) sum += x[i];
        for (int i = 0; i < x.Length; i++)
        {
            if (i + half < x.Length) sum += x[i + half];
            if (i - half - 1 >= 0) sum -= x[i - half - 1];
            average[i] = (float)(sum / width);
        }
        return average;
    }

    private int[] Refine(List<int> peaks, float[] filtered)
    {
        int reach = Samples(RefinementSeconds);
        var refined = new int[peaks.Count];
        for (int p = 0; p < peaks.Count; p++)
        {
            int best = peaks[p];
            int from = Math.Max(0, best - reach), to = Math.Min(filtered.Length - 1, best + reach);
            for (int i = from; i <= to; i++)
                if (Math.Abs(filtered[i]) > Math.Abs(filtered[best])) best = i;
            refined[p] = best;
        }
        // Two integrated peaks of one wide complex may refine to the same sample.
        return refined.Distinct().Order().ToArray();
    }

    /// <summary>The Hamilton-Tompkins rules applied to the peaks of the integrated signal, in time order.</summary>
    private sealed class DecisionRules
    {
        private readonly float[] _slope;
        private readonly int _refractory, _tWaveWindow, _slopeWindow, _oneSecond;
        private readonly RunningMean _qrsHeights = new(History), _noiseHeights = new(History), _rrIntervals = new(History);
        private readonly List<int> _qrs = [];
        private int _lastQrs = -1;
        private float _lastQrsSlope;
        private (int Index, float Height) _searchBack = (-1, 0);

        public DecisionRules(RPeakDetector detector, float[] slope)
        {
            _slope = slope;
            _refractory = detector.Samples(RefractorySeconds);
            _tWaveWindow = detector.Samples(TWaveWindowSeconds);
            _slopeWindow = detector.Samples(SlopeWindowSeconds);
            _oneSecond = detector.Samples(1);
            _rrIntervals.Fill(_oneSecond);
        }

        private double Threshold => _noiseHeights.Mean + ThresholdFraction * (_qrsHeights.Mean - _noiseHeights.Mean);

        public List<int> Run(float[] integrated)
        {
            Seed(integrated);
            int pending = -1;
            for (int i = 1; i < integrated.Length - 1; i++)
            {
                if (!(integrated[i] > integrated[i - 1] && integrated[i] >= integrated[i + 1])) continue;
                // Refractory blanking: a peak stands only if nothing larger follows within 200 ms.
                if (pending >= 0 && i - pending <= _refractory)
                {
                    if (integrated[i] > integrated[pending]) pending = i;
                    continue;
                }
                if (pending >= 0) Classify(pending, integrated[pending]);
                pending = i;
            }
            if (pending >= 0) Classify(pending, integrated[pending]);
            SearchBack(integrated.Length);
            return _qrs;
        }

        private void Seed(float[] integrated)
        {
            int seconds = Math.Clamp(integrated.Length / _oneSecond, 1, SeedSeconds);
            for (int s = 0; s < seconds; s++)
            {
                float max = 0;
                for (int i = s * _oneSecond; i < Math.Min(integrated.Length, (s + 1) * _oneSecond); i++) max = Math.Max(max, integrated[i]);
                _qrsHeights.Add(max);
            }
            _noiseHeights.Fill(0);
        }

        private void Classify(int peak, float height)
        {
            SearchBack(peak);
            if (height > Threshold && !IsTWave(peak))
            {
                Accept(peak, height);
                return;
            }
            _noiseHeights.Add(height);
            if ((_lastQrs < 0 || peak - _lastQrs >= _tWaveWindow) && height > _searchBack.Height) _searchBack = (peak, height);
        }

        // A peak soon after a QRS with less than half its steepest slope is that beat's T wave.
        private bool IsTWave(int peak) => _lastQrs >= 0 && peak - _lastQrs < _tWaveWindow && MaxSlope(peak) < 0.5f * _lastQrsSlope;

        // No QRS for 1.5 mean RR intervals: the largest noise peak since then is a missed beat if above half the threshold.
        private void SearchBack(int now)
        {
            if (_lastQrs < 0 || now - _lastQrs <= SearchBackRrFactor * _rrIntervals.Mean) return;
            if (_searchBack.Index > _lastQrs && _searchBack.Height > 0.5 * Threshold) Accept(_searchBack.Index, _searchBack.Height);
            _searchBack = (-1, 0);
        }

        private void Accept(int peak, float height)
        {
            if (_lastQrs >= 0) _rrIntervals.Add(peak - _lastQrs);
            _qrsHeights.Add(height);
            _qrs.Add(peak);
            _lastQrs = peak;
            _lastQrsSlope = MaxSlope(peak);
            _searchBack = (-1, 0);
        }

        private float MaxSlope(int peak)
        {
            float max = 0;
            for (int i = Math.Max(0, peak - _slopeWindow); i <= Math.Min(_slope.Length - 1, peak + _slopeWindow); i++) max = Math.Max(max, _slope[i]);
            return max;
        }
    }

    /// <summary>Mean of the last <c>capacity</c> values added (a ring buffer).</summary>
    private sealed class RunningMean(int capacity)
    {
        private readonly double[] _values = new double[capacity];
        private int _count, _next;
        private double _sum;

        public double Mean => _count == 0 ? 0 : _sum / _count;

        public void Add(double value)
        {
            if (_count == _values.Length) _sum -= _values[_next];
            else _count++;
            _values[_next] = value;
            _sum += value;
            _next = (_next + 1) % _values.Length;
        }

        public void Fill(double value)
        {
            for (int i = 0; i < _values.Length; i++) Add(value);
        }
    }
}
