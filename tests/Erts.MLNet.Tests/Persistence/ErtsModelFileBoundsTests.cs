using System.Diagnostics;
using Erts.MLNet.Catalog;
using Erts.MLNet.Persistence;
using Erts.MLNet.Tests.Reliability.Fuzzing;
using Erts.MLNet.Tests.Training;
using Microsoft.ML;
using Mono.Unix.Native;
using static Erts.MLNet.Tests.Reliability.Fuzzing.ModelFileSurgery;

namespace Erts.MLNet.Tests.Persistence;

/// <summary>
/// Issue 15, defects 6 and 7 (model files): every size read from a model file is bounded by what the file can hold
/// before anything is allocated or extracted, and a path that is not a regular file is refused without opening it.
/// </summary>
public sealed class ErtsModelFileBoundsTests : IDisposable
{
    private readonly MLContext _mlContext = new(seed: 1);
    private readonly string _directory = Directory.CreateTempSubdirectory("erts-model-bounds-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(Field.Leads, 1 << 21)]    // SmallCnn1d's first layer alone would be 16 x 2^21 x 7 floats (about 1 GB)
    [InlineData(Field.Leads, 1 << 24)]
    [InlineData(Field.Leads, 3)]          // small, but still not what the weights hold
    [InlineData(Field.Classes, 1 << 24)]  // 2^24 class names would be allocated before being read
    [InlineData(Field.Classes, 5)]
    public void LoadErtsModel_RefusesAShapeTheWeightsDoNotHold_BeforeBuildingTheNetwork(Field field, int value)
    {
        string path = Write("edited.zip", WithField(GoodModel(), "SmallCnn1d", field, value));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ErtsModelFormatException>(() => _mlContext.Model.LoadErtsModel(path, out _));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20);
        if (field == Field.Leads) Assert.Matches("weights .* holds .* bytes of values", error.Message);
        if (value == 1 << 24) Assert.Matches("weights .* holds .* bytes of values|class count is 16777216, which its entry cannot hold", error.Message);
    }

    [Fact]
    public void LoadErtsModel_RefusesAnEntryFarLargerThanItsCompressedSize_BeforeExtractingIt()
    {
        // 200 MB of zeros deflate to about 0.2 MB: ML.NET would copy the entry to a temporary file to read it.
        string path = Write("bomb.zip", WithWeights(GoodModel(), 200 << 20));
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ErtsModelFormatException>(() => _mlContext.Model.LoadErtsModel(path, out _));

        Assert.Contains("TSModel", error.Message);
        Assert.Contains($"more than {ZipEntryLimits.MaxCompressionRatio} times its compressed size", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void LoadErtsModel_RefusesWeightsOfTheWrongSize_WithinTheRatio()
    {
        // A plausible ratio but not the network's size: refused by the description-implied size, not by the network.
        string path = Write("padded.zip", WithWeights(GoodModel(), 4 << 20, seed: 1));

        var error = Assert.Throws<ErtsModelFormatException>(() => _mlContext.Model.LoadErtsModel(path, out _));

        Assert.Matches("weights \\('TSModel'\\) are 4,194,304 bytes, but a SmallCnn1d of 2 lead\\(s\\), 3 classes .* holds", error.Message);
    }

    [Fact]
    public async Task LoadErtsModel_And_PackageLoad_RefuseAFifo_WithoutBlocking()
    {
        string fifo = Path.Combine(_directory, "model.zip");
        Assert.Equal(0, Syscall.mkfifo(fifo, FilePermissions.DEFFILEMODE));

        // Opening a FIFO for reading blocks until a writer comes: run on a worker so that a regression fails instead of hanging.
        var loads = Task.Run(() => (
            Assert.Throws<ErtsModelFormatException>(() => _mlContext.Model.LoadErtsModel(fifo, out _)),
            Assert.Throws<ErtsModelFormatException>(() => EcgModelPackage.Load(_mlContext, fifo, out _))));
        var (load, package) = await loads.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains("not a regular file (it is a FIFO (named pipe))", load.Message);
        Assert.Contains("not a regular file", package.Message);
        Assert.Contains("not a regular file", Assert.Throws<ErtsModelFormatException>(() => _mlContext.Model.LoadErtsModel("/dev/zero", out _)).Message);
    }

    private byte[] GoodModel()
    {
        string path = Path.Combine(_directory, "good.zip");
        using (var transformer = ErtsTrainerTestRows.UntrainedTransformer())
            _mlContext.Model.SaveErtsModel(transformer, ErtsTrainerTestRows.View(_mlContext, count: 2).Schema, path);
        return File.ReadAllBytes(path);
    }

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
