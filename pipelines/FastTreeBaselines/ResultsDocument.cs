using System.Globalization;
using Erts.MLNet.Reporting;
using Microsoft.Data.Analysis;

namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// Keeps the "Classic baselines (FastTree)" section of <c>docs/results.md</c>: a table with one row per dataset and
/// model, rebuilt from a <see cref="DataFrame"/>; rows of models not rerun are kept.
/// </summary>
internal static class ResultsDocument
{
    private const string Heading = "## Classic baselines (FastTree)";

    public static void Update(string path, IReadOnlyList<BaselineResult> results)
    {
        string[] lines = File.Exists(path) ? File.ReadAllLines(path) : ["# Results", ""];
        int start = Array.IndexOf(lines, Heading);
        int end = start < 0 ? lines.Length : Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        if (end < 0) end = lines.Length;
        var section = start < 0 ? [] : lines[(start + 1)..end];

        string[] table = ToFrame(results).ToMarkdown("0.000").TrimEnd('\n').Split('\n');
        var rerun = results.Select(r => "| " + r.Dataset + " | " + r.Model + " |").ToArray();
        var keptRows = section.SkipWhile(l => !l.StartsWith("| dataset", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Where(l => !rerun.Any(prefix => l.StartsWith(prefix, StringComparison.Ordinal)));

        string[] body =
        [
            Heading,
            "",
            "Hand-made ECG features (`mlContext.Transforms.Ecg.ExtractFeatures`: R peaks by Pan-Tompkins filtering with",
            "Hamilton-Tompkins decision rules, RR intervals, QRS width/amplitudes/area, P/T amplitudes, waveform samples; HRV",
            "for rhythm strips) fed to ML.NET FastTree, one-vs-all, default FastTree options (100 trees, 20 leaves, learning",
            "rate 0.2), classes weighted by inverse frequency. Macro-F1 is the unweighted mean of the per-class test F1.",
            "Train time = feature extraction on the training rows + FastTree fit (2-core reference machine). MIT-BIH: 8 s MLII",
            "windows around each annotated beat, plus the record's mean detected RR; class Q left out. CinC 2017: the records",
            "present in the data folder (A00001-A02000 in the shared copy), up to 60 s each, the loader's seeded split.",
            "No hyper-parameter was tuned; the test split was used once.",
            "",
            "Hybrid (`--hybrid`): the ERTS network (SmallCnn1d, policy erts-dbpd, AdamW 1e-3, class-balanced loss, best",
            "validation macro-F1 checkpoint on a 10 % stratified hold-out of its training rows) is trained briefly on its own",
            "view of the signal (schedule in the model column), then `ErtsTrainer.Options.EmbeddingColumnName` adds its",
            "penultimate embedding (64 values: the last convolution stage averaged over time) to every row, and FastTree is",
            "trained as above on the embedding alone and on the embedding concatenated with the hand-made features. The",
            "network's own row reports its test predictions, from the same forward pass as the test embeddings. Train time",
            "of the FastTree rows includes training the network and one pass that extracts both embedding and features.",
            "Wall-clock times depend on the machine's load: the hybrid rows were measured while other jobs shared the 2 cores.",
            "",
            .. table[..2],
            .. keptRows,
            .. table[2..],
            "",
        ];
        var updated = start < 0 ? [.. lines, "", .. body] : lines[..start].Concat(body).Concat(lines[end..]);
        File.WriteAllLines(path, updated);
    }

    private static DataFrame ToFrame(IReadOnlyList<BaselineResult> results) => new(
        new StringDataFrameColumn("dataset", results.Select(r => r.Dataset)),
        new StringDataFrameColumn("model", results.Select(r => r.Model)),
        new DoubleDataFrameColumn("macro-F1", results.Select(r => r.MacroF1)),
        new DoubleDataFrameColumn("accuracy", results.Select(r => r.Accuracy)),
        new StringDataFrameColumn("per-class F1", results.Select(r => string.Join(", ",
            r.PerClassF1.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.000}"))))),
        new StringDataFrameColumn("train / test rows", results.Select(r => $"{r.TrainRows} / {r.TestRows}")),
        new StringDataFrameColumn("train time (s)", results.Select(r => r.TrainSeconds.ToString("0.0", CultureInfo.InvariantCulture))),
        new Int32DataFrameColumn("threads", results.Select(r => r.Threads)),
        new StringDataFrameColumn("command", results.Select(r => "`" + r.Command + "`")));
}
