using System.Globalization;
using ScottPlot;

namespace Erts.Cli.Reports;

/// <summary>
/// An ECG with its Grad-CAM evidence: leads stacked top to bottom, the time profile shaded behind them in red (darker =
/// more evidence) and drawn as a strip underneath; the prediction and its probability in the title.
/// </summary>
internal static class GradCamOverlayPlot
{
    private static readonly Color EvidenceColor = new(214, 39, 40);

    /// <summary>Renders "gradcam-&lt;record&gt;.png" for every example of the report.</summary>
    public static IReadOnlyList<PlotImage> Render(IReadOnlyList<ExplanationExample> examples) =>
        examples.Select(Render).ToArray();

    /// <summary>Renders one example.</summary>
    /// <exception cref="ArgumentException">The signal is empty or not a whole number of leads.</exception>
    public static PlotImage Render(ExplanationExample example)
    {
        if (example.Leads == 0 || example.Samples == 0 || example.Signal.Length != example.Leads * example.Samples)
            throw new ArgumentException(
                $"record {example.RecordId}: signal of {example.Signal.Length} values does not split into {example.Leads} leads.", nameof(example));

        double rate = example.SamplingRate > 0 ? example.SamplingRate : 1;
        double duration = example.Samples / rate;
        var layout = LeadLayout.Of(example);

        string truth = example.TrueLabel == null ? "" : $", true {example.TrueLabel}";
        var plot = PlotStyle.Create(
            $"{example.RecordId}: predicted {example.PredictedLabel} (p = {example.Probability.ToString("F2", CultureInfo.InvariantCulture)}){truth}",
            example.SamplingRate > 0 ? "time (s)" : "time (samples)",
            $"lead (one slot = {layout.Spacing.ToString("G3", CultureInfo.InvariantCulture)} mV)");

        var profile = example.NormalisedProfile();
        double cell = profile.Length == 0 ? 0 : duration / profile.Length;

        // Evidence behind the traces: one translucent band per profile cell, stretched over the record.
        for (int i = 0; i < profile.Length; i++)
            if (profile[i] > 0.02)
                plot.Add.HorizontalSpan(i * cell, (i + 1) * cell, EvidenceColor.WithAlpha(0.45 * profile[i])).LineWidth = 0;

        for (int lead = 0; lead < example.Leads; lead++)
        {
            var values = example.Signal.AsSpan(lead * example.Samples, example.Samples);
            var xs = new double[values.Length];
            var ys = new double[values.Length];
            for (int t = 0; t < values.Length; t++)
            {
                xs[t] = t / rate;
                ys[t] = values[t] - layout.Baselines[lead] + layout.Offsets[lead];
            }
            plot.Add.ScatterLine(xs, ys, Colors.Black).LineWidth = 1.2f;
        }

        // The profile itself as a filled strip under the leads, so its shape reads even where the shading is faint.
        double stripHeight = layout.Spacing * 0.7, stripBottom = layout.Bottom - layout.Spacing * 0.9;
        if (profile.Length > 0)
        {
            var xs = new double[profile.Length * 2];
            var lows = new double[xs.Length];
            var highs = new double[xs.Length];
            for (int i = 0; i < profile.Length; i++)
            {
                xs[2 * i] = i * cell;
                xs[2 * i + 1] = (i + 1) * cell;
                lows[2 * i] = lows[2 * i + 1] = stripBottom;
                highs[2 * i] = highs[2 * i + 1] = stripBottom + stripHeight * profile[i];
            }
            var strip = plot.Add.FillY(xs, highs, lows);
            strip.FillColor = EvidenceColor.WithAlpha(0.7);
            strip.LineWidth = 0;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. layout.Offsets, stripBottom + stripHeight / 2], [.. example.LeadNames, "Grad-CAM"]);
        plot.Axes.SetLimits(0, duration, stripBottom - layout.Spacing * 0.1, layout.Top);

        int height = Math.Clamp(220 + 110 * example.Leads, 380, 1600);
        return PlotStyle.Render(plot, $"gradcam-{PlotStyle.Slug(example.RecordId)}.png", $"Grad-CAM: {example.RecordId}",
            $"Where the model found the evidence for {example.PredictedLabel}: red shading (darker = stronger) and the strip under the leads.",
            width: 1100, height: height);
    }

    /// <summary>
    /// Where each lead is drawn: its median (the isoelectric line, roughly) sits on its tick, and slots are as tall as
    /// the largest rise plus the largest fall of any lead, so no two traces cross.
    /// </summary>
    private sealed record LeadLayout(double[] Baselines, double[] Offsets, double Spacing, double Top, double Bottom)
    {
        public static LeadLayout Of(ExplanationExample example)
        {
            var baselines = new double[example.Leads];
            double rise = 0, fall = 0;
            for (int lead = 0; lead < example.Leads; lead++)
            {
                var values = example.Signal.AsSpan(lead * example.Samples, example.Samples).ToArray();
                Array.Sort(values);
                baselines[lead] = values[values.Length / 2];
                rise = Math.Max(rise, values[^1] - baselines[lead]);
                fall = Math.Max(fall, baselines[lead] - values[0]);
            }
            double spacing = rise + fall > 0 ? (rise + fall) * 1.1 : 1;
            var offsets = Enumerable.Range(0, example.Leads).Select(lead => -lead * spacing).ToArray();
            return new LeadLayout(baselines, offsets, spacing, Top: rise * 1.1 + spacing * 0.05, Bottom: offsets[^1] - fall * 1.1);
        }
    }
}
