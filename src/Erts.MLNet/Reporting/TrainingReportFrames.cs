using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Training;
using Microsoft.Data.Analysis;

namespace Erts.MLNet.Reporting;

/// <summary>
/// Training reports and dataset metadata as <see cref="DataFrame"/>s, for analysis in notebooks or
/// <c>Microsoft.Data.Analysis</c>: one row per epoch, per focus histogram bin, or per PTB-XL record.
/// </summary>
/// <example><code>
/// DataFrame epochs = model.Report.ToDataFrame();
/// Console.WriteLine(epochs["ValidationMacroF1"].Max());
/// </code></example>
public static class TrainingReportFrames
{
    /// <summary>One row per epoch, one column per <see cref="EpochReport"/> value (plus <c>KeptFraction</c> and <c>TotalSeconds</c>).</summary>
    /// <param name="report">The training report.</param>
    public static DataFrame ToDataFrame(this TrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Epochs.ToDataFrame();
    }

    /// <summary>One row per epoch report, one column per value (plus <c>KeptFraction</c> and <c>TotalSeconds</c>).</summary>
    /// <param name="epochs">Epoch reports, in order.</param>
    public static DataFrame ToDataFrame(this IReadOnlyList<EpochReport> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        return new DataFrame(
            new Int32DataFrameColumn(nameof(EpochReport.Epoch), epochs.Select(e => e.Epoch)),
            new StringDataFrameColumn(nameof(EpochReport.Phase), epochs.Select(e => e.Phase)),
            new Int32DataFrameColumn(nameof(EpochReport.SamplesSeen), epochs.Select(e => e.SamplesSeen)),
            new Int32DataFrameColumn(nameof(EpochReport.SamplesKept), epochs.Select(e => e.SamplesKept)),
            new DoubleDataFrameColumn(nameof(EpochReport.KeptFraction), epochs.Select(e => e.KeptFraction)),
            new DoubleDataFrameColumn(nameof(EpochReport.CumulativeEffectiveEpochs), epochs.Select(e => e.CumulativeEffectiveEpochs)),
            new Int32DataFrameColumn(nameof(EpochReport.ConfidencePassSamples), epochs.Select(e => e.ConfidencePassSamples)),
            new Int32DataFrameColumn(nameof(EpochReport.GradCamSamples), epochs.Select(e => e.GradCamSamples)),
            new DoubleDataFrameColumn(nameof(EpochReport.ConfidenceSeconds), epochs.Select(e => e.ConfidenceSeconds)),
            new DoubleDataFrameColumn(nameof(EpochReport.GradCamSeconds), epochs.Select(e => e.GradCamSeconds)),
            new DoubleDataFrameColumn(nameof(EpochReport.UpdateSeconds), epochs.Select(e => e.UpdateSeconds)),
            new DoubleDataFrameColumn(nameof(EpochReport.ValidationSeconds), epochs.Select(e => e.ValidationSeconds)),
            new DoubleDataFrameColumn(nameof(EpochReport.TotalSeconds), epochs.Select(e => e.TotalSeconds)),
            new DoubleDataFrameColumn(nameof(EpochReport.TrainLoss), epochs.Select(e => e.TrainLoss)),
            new DoubleDataFrameColumn(nameof(EpochReport.ValidationMacroF1), epochs.Select(e => e.ValidationMacroF1)),
            new DoubleDataFrameColumn(nameof(EpochReport.ValidationAccuracy), epochs.Select(e => e.ValidationAccuracy)),
            new DoubleDataFrameColumn(nameof(EpochReport.LearningRate), epochs.Select(e => e.LearningRate)));
    }

    /// <summary>
    /// One row per bin of every focus histogram: <c>Epoch</c>, <c>Kept</c>, <c>Flagged</c>, <c>BinStart</c> (the bin's
    /// lower edge) and the counts of that bin, <c>Confidence</c>, <c>Focus</c> and <c>Reliability</c>.
    /// </summary>
    /// <param name="histograms">The report's <see cref="TrainingReport.FocusHistograms"/>.</param>
    public static DataFrame ToDataFrame(this IReadOnlyList<FocusHistogram> histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        var bins = histograms.SelectMany(h => Enumerable.Range(0, FocusHistogram.Bins).Select(bin => (Histogram: h, Bin: bin))).ToArray();
        return new DataFrame(
            new Int32DataFrameColumn(nameof(FocusHistogram.Epoch), bins.Select(b => b.Histogram.Epoch)),
            new BooleanDataFrameColumn(nameof(FocusHistogram.Kept), bins.Select(b => b.Histogram.Kept)),
            new BooleanDataFrameColumn(nameof(FocusHistogram.Flagged), bins.Select(b => b.Histogram.Flagged)),
            new DoubleDataFrameColumn("BinStart", bins.Select(b => b.Bin / (double)FocusHistogram.Bins)),
            new Int32DataFrameColumn("Confidence", bins.Select(b => b.Histogram.ConfidenceCounts[b.Bin])),
            new Int32DataFrameColumn("Focus", bins.Select(b => b.Histogram.FocusCounts[b.Bin])),
            new Int32DataFrameColumn("Reliability", bins.Select(b => b.Histogram.ReliabilityCounts[b.Bin])));
    }

    /// <summary>
    /// PTB-XL metadata as parsed by <see cref="PtbXlDatabase"/> (no second CSV parser): one row per record with its
    /// id, patient, fold, path, single-label superclass and the multi-label superclasses joined by '|'.
    /// </summary>
    /// <param name="entries">The database's <see cref="PtbXlDatabase.Entries"/>.</param>
    public static DataFrame ToDataFrame(this IReadOnlyList<PtbXlEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new DataFrame(
            new Int32DataFrameColumn(nameof(PtbXlEntry.EcgId), entries.Select(e => e.EcgId)),
            new StringDataFrameColumn(nameof(PtbXlEntry.PatientId), entries.Select(e => e.PatientId)),
            new Int32DataFrameColumn(nameof(PtbXlEntry.StratFold), entries.Select(e => e.StratFold)),
            new StringDataFrameColumn(nameof(PtbXlEntry.RecordPath), entries.Select(e => e.RecordPath)),
            new StringDataFrameColumn(nameof(PtbXlEntry.Superclass), entries.Select(e => e.Superclass)),
            new StringDataFrameColumn(nameof(PtbXlEntry.Superclasses), entries.Select(e => string.Join('|', e.Superclasses.Order(StringComparer.Ordinal)))));
    }
}
