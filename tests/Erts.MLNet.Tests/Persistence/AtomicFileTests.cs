using Erts.MLNet.Persistence;

namespace Erts.MLNet.Tests.Persistence;

/// <summary>A write that dies midway never replaces the previous good file and leaves no temporary file behind.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Target => Path.Combine(_folder, "model.zip");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    public void Write_KeepsThePreviousFileAndLeavesNoTemporary_WhenTheWriterFailsMidway(int bytesBeforeFailure)
    {
        byte[] good = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(Target, good);

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(Target, stream =>
        {
            stream.Write(new byte[bytesBeforeFailure]);
            throw new IOException("disk full (simulated)");
        }));

        Assert.Equal("disk full (simulated)", error.Message);
        Assert.Equal(good, File.ReadAllBytes(Target));
        Assert.Equal([Target], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Write_ReplacesTheFile_WhenTheWriterSucceeds()
    {
        File.WriteAllText(Target, "old");

        AtomicFile.Write(Target, stream => stream.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(Target));
        Assert.Equal([Target], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Write_CreatesNoFile_WhenTheWriterFailsAndThereWasNone()
    {
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(Target, _ => throw new InvalidOperationException()));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Write_RemovesTheTemporaryFilesOfDeadWriters_ButNotOfLiveRecentOrOtherTargets()
    {
        string target = Path.Combine(_folder, "model.zip");
        string Temporary(string id, string name = "model.zip") => Path.Combine(_folder, $".{name}.{id}.tmp");
        string dead = Temporary("dead"), live = Temporary("live"), recent = Temporary("recent"), other = Temporary("old", "other.zip");
        foreach (string file in new[] { dead, live, recent, other }) File.WriteAllText(file, "partial");
        foreach (string file in new[] { dead, live, other }) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-5));

        // "live" is held as a running writer holds its temporary file.
        using (new FileStream(live, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            AtomicFile.Write(target, stream => stream.WriteByte(1));

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(other));
        Assert.Equal([1], File.ReadAllBytes(target));
    }
}
