using Erts.MLNet.Data.Download;

namespace Erts.MLNet.Tests.Data.Download;

public class PhysioNetCatalogTests
{
    [Fact]
    public void All_HasTheKnownDatasets_AtPhysioNetAddresses()
    {
        Assert.Equal(["mitdb", "ptb-xl", "challenge-2017", "cpsc-2018", "georgia", "incartdb", "svdb"], PhysioNetCatalog.All.Select(d => d.Name));
        Assert.All(PhysioNetCatalog.All, d =>
        {
            Assert.StartsWith("https://physionet.org/files/", d.BaseUri.AbsoluteUri);
            Assert.EndsWith($"/{d.Version}/", d.BaseUri.AbsoluteUri);
            Assert.NotEmpty(d.Licence);
            Assert.NotEmpty(d.Citation);
            Assert.True(d.ApproximateBytes > 0);
        });
        Assert.Equal("https://physionet.org/content/mitdb/1.0.0/", PhysioNetCatalog.Mitdb.LandingPage.AbsoluteUri);
    }

    [Fact]
    public void Get_Throws_ListingKnownNames_WhenNameIsUnknown()
    {
        Assert.Same(PhysioNetCatalog.Svdb, PhysioNetCatalog.Get("SVDB"));
        var error = Assert.Throws<KeyNotFoundException>(() => PhysioNetCatalog.Get("nope"));
        Assert.Contains("mitdb", error.Message);
    }

    [Fact]
    public void Includes_SelectsChallenge2020Subfolder()
    {
        Assert.True(PhysioNetCatalog.Georgia.Includes("training/georgia/g1/E00001.hea"));
        Assert.False(PhysioNetCatalog.Georgia.Includes("training/cpsc_2018/g1/A0001.hea"));
        Assert.True(PhysioNetCatalog.Mitdb.Includes("100.dat"));
    }
}
