using System.Text;
using ScottPlot;

namespace Erts.Cli.Reports;

/// <summary>The look every report figure shares: size, fonts, run colours and phase shading.</summary>
internal static class PlotStyle
{
    /// <summary>Default figure width in pixels.</summary>
    public const int Width = 900;

    /// <summary>Default figure height in pixels.</summary>
    public const int Height = 460;

    /// <summary>Font of every label (DejaVu Sans ships with Debian and most Linux distributions).</summary>
    public const string FontName = "DejaVu Sans";

    private static readonly IPalette RunPalette = new ScottPlot.Palettes.Category10();

    /// <summary>A new plot with a title and labelled axes (units belong in the labels).</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);   // a sans-serif present on Debian; ScottPlot falls back to its default when absent
        plot.Title(title, size: 18);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        return plot;
    }

    /// <summary>Puts ticks on whole numbers only: epochs are counted, never fractional.</summary>
    public static void IntegerTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>The colour of the run at <paramref name="index"/> in a report (the same in every figure).</summary>
    public static Color RunColor(int index) => RunPalette.GetColor(index);

    /// <summary>Renders <paramref name="plot"/> to PNG.</summary>
    public static PlotImage Render(Plot plot, string fileName, string title, string caption, int width = Width, int height = Height) =>
        new(fileName, title, caption, plot.GetImageBytes(width, height, ImageFormat.Png));

    /// <summary>
    /// Shades, behind the curves, the epochs (1-based x) in which <paramref name="epochs"/> were not in the selection
    /// phase: warm-up and revision train on all data, so kept fractions and costs change at their borders.
    /// </summary>
    public static void ShadeFullDataPhases(Plot plot, IReadOnlyList<Erts.MLNet.Training.EpochReport> epochs)
    {
        if (!epochs.Any(e => e.Phase == "selection")) return;   // a run without selection has nothing to contrast
        int start = 0;
        while (start < epochs.Count)
        {
            int end = start;
            while (end + 1 < epochs.Count && epochs[end + 1].Phase == epochs[start].Phase) end++;
            if (epochs[start].Phase != "selection")
            {
                var span = plot.Add.HorizontalSpan(epochs[start].Epoch + 0.5, epochs[end].Epoch + 1.5, Colors.Gray.WithAlpha(0.15));
                span.LegendText = "";
            }
            start = end + 1;
        }
    }

    /// <summary>
    /// Fits the axes to the data, then pins the bounds given (e.g. scores to [0, 1], costs from 0) so figures of
    /// different runs compare at a glance.
    /// </summary>
    public static void PinAxes(Plot plot, double? left = null, double? right = null, double? bottom = null, double? top = null)
    {
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimits(left ?? limits.Left, right ?? limits.Right, bottom ?? limits.Bottom, top ?? limits.Top);
    }

    /// <summary>A file-name-safe form of a run or record name: lower case, letters, digits and dashes.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant())
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        string result = slug.ToString().Trim('-');
        while (result.Contains("--", StringComparison.Ordinal)) result = result.Replace("--", "-", StringComparison.Ordinal);
        return result.Length == 0 ? "run" : result;
    }
}
