using Erts.Experiments.Reporting;

namespace Erts.MLNet.Tests.Experiments;

public class MarkdownSectionTests
{
    [Fact]
    public void Replace_ChangesOnlyTheGeneratedBlock()
    {
        string before = $"# Results\n\nIntro.\n\n{MarkdownSection.Begin}\nold table\n{MarkdownSection.End}\n\n## Classic baselines (FastTree)\nkept\n";

        string after = MarkdownSection.Replace(before, "new table");

        Assert.Equal($"# Results\n\nIntro.\n\n{MarkdownSection.Begin}\nnew table\n{MarkdownSection.End}\n\n## Classic baselines (FastTree)\nkept\n", after);
    }

    [Fact]
    public void Replace_AppendsTheBlock_WhenTheFileHasNone()
    {
        Assert.Equal($"# Results\n\n{MarkdownSection.Begin}\nt\n{MarkdownSection.End}\n", MarkdownSection.Replace("", "t"));
        Assert.Equal($"## Other\ntext\n\n{MarkdownSection.Begin}\nt\n{MarkdownSection.End}\n", MarkdownSection.Replace("## Other\ntext\n", "t"));
    }
}
