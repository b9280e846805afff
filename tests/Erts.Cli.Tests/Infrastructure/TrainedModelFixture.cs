using System.Text.Json;

namespace Erts.Cli.Tests.Infrastructure;

/// <summary>
/// Runs <c>erts train</c> once on tiny synthetic data (SmallCnn1d, 2 epochs, 1 lead x 100 samples) and keeps the
/// model and report for the tests that read them.
/// </summary>
public sealed class TrainedModelFixture : IDisposable
{
    /// <summary>The synthetic-data options every command of these tests passes, so they all see the same records.</summary>
    public static readonly string[] TinyData =
        ["--examples-per-class", "10", "--leads", "I", "--duration", "2", "--sampling-rate", "50", "--seed", "7"];

    private readonly TempFolder _folder = new();

    public TrainedModelFixture()
    {
        Train = CliRun.Invoke(
        [
            "train", .. TinyData, "--network", "SmallCnn1d", "--epochs", "2", "--policy", "erts-dbpd", "--threads", "1",
            "--explain-examples", "2", "--out", ReportFolder, "--json",
        ]);
        if (Train.ExitCode == 0) Results = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportFolder, "results.json")));
    }

    internal CliRun Train { get; }

    public JsonDocument? Results { get; }

    public string ReportFolder => _folder.Combine("train");

    public string ModelPath => Path.Combine(ReportFolder, "model.zip");

    public string NewFolder(string name) => _folder.Combine(name);

    public void Dispose()
    {
        Results?.Dispose();
        _folder.Dispose();
    }
}
