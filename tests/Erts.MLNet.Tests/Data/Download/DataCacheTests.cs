using Erts.MLNet.Data.Download;

namespace Erts.MLNet.Tests.Data.Download;

public sealed class DataCacheTests
{
    [Fact]
    public void GetDatasetFolder_IsRootNameVersion_TheFolderTheDownloaderFills()
    {
        string root = Path.Combine(Path.GetTempPath(), "erts-cache-layout");
        using var downloader = new DatasetDownloader(root);

        string folder = DataCache.GetDatasetFolder(PhysioNetCatalog.PtbXl, root);

        Assert.Equal(Path.Combine(root, "ptb-xl", "1.0.3"), folder);
        Assert.Equal(folder, downloader.GetDatasetFolder(PhysioNetCatalog.PtbXl));
    }
}
