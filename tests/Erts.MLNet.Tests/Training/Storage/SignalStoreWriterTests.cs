using Erts.MLNet.Training.Storage;

namespace Erts.MLNet.Tests.Training.Storage;

public sealed class SignalStoreWriterTests : IDisposable
{
    private const int Stride = 6;
    private static readonly long RowBytes = Stride * sizeof(float);
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-spill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// On Linux and macOS the spill file is unlinked as soon as it exists, so a killed process leaves nothing: no name
    /// is visible even while the store is open. (On Windows the system deletes it when the handle closes.)
    /// </summary>
    private void AssertNothingOutlivesAKill()
    {
        if (!OperatingSystem.IsWindows()) Assert.Empty(Directory.GetFiles(_folder));
    }

    private static float[] Row(int index) => Enumerable.Range(0, Stride).Select(i => index * 10f + i).ToArray();

    private static ISignalStore Write(SignalStoreWriter writer, int rows)
    {
        for (int i = 0; i < rows; i++) writer.Append(Row(i));
        return writer.Complete();
    }

    private static void AssertRows(ISignalStore store, int rows)
    {
        Assert.Equal(rows, store.Count);
        var buffer = new float[Stride];
        for (int i = 0; i < rows; i++)
        {
            store.Read(i, buffer);
            Assert.Equal(Row(i), buffer);
        }
    }

    [Fact]
    public void Complete_KeepsTheRowsInMemory_WhenTheyFitTheLimit()
    {
        using var writer = new SignalStoreWriter(Stride, memoryLimitBytes: 10 * RowBytes, _folder);
        using var store = Write(writer, 10);

        Assert.IsType<MemorySignalStore>(store);
        Assert.Equal(10 * RowBytes, store.BytesInMemory);
        AssertRows(store, 10);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Complete_MovesEveryRowToATemporaryFile_OnceTheLimitIsPassed()
    {
        using var writer = new SignalStoreWriter(Stride, memoryLimitBytes: 10 * RowBytes, _folder);
        using (var store = Write(writer, 11))
        {
            Assert.IsType<FileSignalStore>(store);
            Assert.Equal(0, store.BytesInMemory);
            AssertRows(store, 11); // the 10 rows written before the spill were carried over, in order
            AssertNothingOutlivesAKill();
        }
        Assert.Empty(Directory.GetFiles(_folder)); // gone on dispose on every system
    }

    [Fact]
    public void Complete_PutsEveryRowOnDisk_WhenTheLimitIsZero()
    {
        using var writer = new SignalStoreWriter(Stride, memoryLimitBytes: 0, _folder);
        using var store = Write(writer, 3);

        Assert.IsType<FileSignalStore>(store);
        AssertRows(store, 3);
    }

    [Fact]
    public void Dispose_DeletesTheTemporaryFile_WhenReadingFailedBeforeComplete()
    {
        using (var writer = new SignalStoreWriter(Stride, memoryLimitBytes: 0, _folder))
        {
            writer.Append(Row(0));
            AssertNothingOutlivesAKill();
        }
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Append_Throws_WhenTheSpillFolderCannotHoldAFile()
    {
        string notAFolder = Path.Combine(_folder, "file");
        File.WriteAllText(notAFolder, "");
        using var writer = new SignalStoreWriter(Stride, memoryLimitBytes: 0, notAFolder);

        var error = Assert.Throws<IOException>(() => writer.Append(Row(0)));
        Assert.Contains(notAFolder, error.Message);
        Assert.Contains("SpillDirectory", error.Message);
    }

    [Fact]
    public void MemoryStore_SpansBlocks_WithoutCopyingEarlierRows()
    {
        // Rows of 300 Ki floats: three to a 1 Mi-float block, so 7 rows use three blocks.
        const int wide = 300 << 10;
        using var store = new MemorySignalStore(wide);
        for (int i = 0; i < 7; i++) store.Append(Enumerable.Repeat((float)i, wide).ToArray());

        var buffer = new float[wide];
        for (int i = 0; i < 7; i++)
        {
            store.Read(i, buffer);
            Assert.Equal((i, i), (buffer[0], buffer[^1]));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Read(7, buffer));
    }
}
