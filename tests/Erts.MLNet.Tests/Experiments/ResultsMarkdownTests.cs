using Erts.Experiments.Grid;
using Erts.Experiments.Reporting;

namespace Erts.MLNet.Tests.Experiments;

public class ResultsMarkdownTests
{
    private static readonly CellResult[] Results =
    [
        TestResults.Make("full", 1, 0.80, 100, effectiveEpochs: 10),
        TestResults.Make("full", 2, 0.70, 100, effectiveEpochs: 10),
        TestResults.Make("erts-dbpd", 1, 0.85, 40, effectiveEpochs: 6),
        TestResults.Make("erts-dbpd", 2, 0.75, 40, effectiveEpochs: 6),
        TestResults.Make("full", 1, 0.60, 100, noise: 0.2),
        TestResults.Make("erts-dbpd", 1, 0.78, 40, noise: 0.2, flips: new FlipAnalysis(50, 450, 0.85, 0.30, 0.80, 0.60)),
    ];

    [Fact]
    public void Render_GivesMeanStdAndRatiosToFull()
    {
        string markdown = ResultsMarkdown.Render(Results);

        // F1 0.85/0.75 -> 0.800 ± 0.071; +0.050 over Full's 0.750; wall-clock 40/100; CPU 80/200; effective epochs 6/10.
        Assert.Contains("| erts-dbpd | 2 | 0.800 ± 0.071 | 0.900 ± 0.000 | 6.0 ± 0.0 | 40 ± 0 | 80 ± 0 | +0.050 | 0.40 | 0.40 | 0.60 |", markdown);
        Assert.Contains("| full | 2 | 0.750 ± 0.071 |", markdown);
    }

    [Fact]
    public void Render_StatesWhetherTheGoalsAreMet()
    {
        string markdown = ResultsMarkdown.Render(Results);

        Assert.Contains("- mitbih, ResNet1d: ERTS-DBPD macro-F1 0.800 ± 0.071 vs Full 0.750 ± 0.071 (2 vs 2 seed(s)): **met**; wall-clock 40 % of Full (goal ≤ 50 %): **met** (CPU 40 %)", markdown);
        Assert.Contains("- cinc2017, ResNet1d: ERTS-DBPD vs Full **not yet run**.", markdown);
        // Drops under 20 % noise: Full 0.60 - 0.75 = -0.150, ERTS-DBPD 0.78 - 0.80 = -0.020; DBPD has not run.
        Assert.Contains("- Label noise 20 % on mitbih/ResNet1d, change in macro-F1 vs clean labels: full -0.150, erts-dbpd -0.020. ERTS-DBPD loses less than Full and DBPD: **incomplete**", markdown);
    }

    [Fact]
    public void Render_ReportsTheFlippedLabelAnalysis_AndWhatIsNotYetRun()
    {
        string markdown = ResultsMarkdown.Render(Results);

        Assert.Contains("| mitbih / ResNet1d | erts-dbpd | 20 % | 1 | 50 / 450 | 0.85 | 0.30 | 80 % | 60 % |", markdown);
        Assert.Contains("| mitbih | ResNet1d | 0 % | full, dbpd, smrd, srd, erts-dbpd, erts-smrd, erts-srd, erts-dbpd-fast | 1, 2, 3 | 20 |", markdown);
        Assert.Contains(ResultsMarkdown.GridCommand, markdown);
    }
}
