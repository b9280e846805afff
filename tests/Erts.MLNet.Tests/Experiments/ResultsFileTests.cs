using Erts.Experiments.Grid;
using Erts.MLNet.Networks;

namespace Erts.MLNet.Tests.Experiments;

public sealed class ResultsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-results-").FullName;

    private string FilePath => Path.Combine(_folder, "results.json");

    [Fact]
    public void Add_WritesEveryRecord_AndLoadReadsThemBack()
    {
        var file = ResultsFile.Load(FilePath);
        file.Add(TestResults.Make("full", 1, 0.8, 100));
        file.Add(TestResults.Make("erts-dbpd", 1, 0.82, 60, flips: new FlipAnalysis(10, 90, 0.8, 0.3, 0.7, 0.5)));

        var reloaded = ResultsFile.Load(FilePath);
        Assert.Equal(2, reloaded.Results.Count);
        var erts = reloaded.Results[1];
        Assert.Equal(new GridCell("mitbih", Backbone.ResNet1d, "erts-dbpd", 1, 0), erts.Cell);
        Assert.Equal(0.82, erts.MacroF1);
        Assert.Equal(0.3, erts.Flips!.ReliabilityAuc);
        Assert.Equal(7, erts.ComponentSeconds["update"]);
    }

    [Fact]
    public void Add_LeavesNoTemporaryFile_AndReplacesTheSameCell()
    {
        var file = ResultsFile.Load(FilePath);
        file.Add(TestResults.Make("full", 1, 0.8, 100));
        file.Add(TestResults.Make("full", 1, 0.7, 90));

        Assert.Equal([".results.json.lock", "results.json"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0.7, Assert.Single(ResultsFile.Load(FilePath).Results).MacroF1);
    }

    [Fact]
    public void Add_KeepsTheRecordsOfAnotherWriterOfTheSameFile()
    {
        // Two grid processes (one per core) each hold their own ResultsFile of the shared results.json.
        var first = ResultsFile.Load(FilePath);
        var second = ResultsFile.Load(FilePath);
        first.Add(TestResults.Make("full", 1, 0.8, 100));
        second.Add(TestResults.Make("dbpd", 1, 0.75, 70));
        first.Add(TestResults.Make("erts-dbpd", 1, 0.82, 60));

        Assert.Equal(["full", "dbpd", "erts-dbpd"], ResultsFile.Load(FilePath).Results.Select(r => r.Cell.Policy));
    }

    [Fact]
    public void Refresh_SeesTheRecordsAnotherWriterAdded()
    {
        var mine = ResultsFile.Load(FilePath);
        ResultsFile.Load(FilePath).Add(TestResults.Make("dbpd", 1, 0.75, 70));
        var cell = new GridCell("mitbih", Backbone.ResNet1d, "dbpd", 1, 0);
        string protocol = ResultsFile.Load(FilePath).Results[0].Protocol;
        Assert.False(mine.IsDone(cell, protocol));

        mine.Refresh();

        Assert.True(mine.IsDone(cell, protocol));
    }

    [Fact]
    public async Task Add_WaitsForTheLock_WhileAnotherWriterHoldsIt()
    {
        var file = ResultsFile.Load(FilePath);
        var other = ResultsFile.Load(FilePath);
        var reportedUnderLock = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = Task.Run(() => other.Add(TestResults.Make("dbpd", 1, 0.75, 70), _ => { reportedUnderLock.Set(); release.Wait(); }));
        Assert.True(reportedUnderLock.Wait(TimeSpan.FromSeconds(30)));

        var waiter = Task.Run(() => file.Add(TestResults.Make("full", 1, 0.8, 100)));
        var first = await Task.WhenAny(waiter, Task.Delay(500));
        Assert.NotSame(waiter, first);
        release.Set();
        await Task.WhenAll(holder, waiter).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["dbpd", "full"], ResultsFile.Load(FilePath).Results.Select(r => r.Cell.Policy));
    }

    [Fact]
    public void IsDone_IsTrueOnlyForTheSameCellAndProtocol()
    {
        var file = ResultsFile.Load(FilePath);
        file.Add(TestResults.Make("full", 1, 0.8, 100, protocol: "mitbih; 10 epochs"));
        var cell = new GridCell("mitbih", Backbone.ResNet1d, "full", 1, 0);

        Assert.True(file.IsDone(cell, "mitbih; 10 epochs"));
        Assert.False(file.IsDone(cell, "mitbih; 20 epochs"));
        Assert.False(file.IsDone(cell with { Seed = 2 }, "mitbih; 10 epochs"));
    }

    [Fact]
    public void Load_Throws_WhenTheFileIsNotAResultsFile()
    {
        File.WriteAllText(FilePath, "{ \"not\": \"an array\" }");
        var error = Assert.Throws<InvalidDataException>(() => ResultsFile.Load(FilePath));
        Assert.Contains(FilePath, error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
