namespace Erts.Cli.Reports;

/// <summary>Everything one command run produced, as the report folder shows it.</summary>
internal sealed class ExperimentReport
{
    /// <summary>Headline of the HTML page, e.g. "erts demo: full training vs ERTS".</summary>
    public required string Title { get; init; }

    /// <summary>The command line that produced the report.</summary>
    public required string Command { get; init; }

    /// <summary>When the report was made (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Choices that shaped the results (dataset, network, schedule, threads...), in display order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    /// <summary>The models trained and/or evaluated.</summary>
    public IReadOnlyList<RunResult> Runs { get; init; } = [];

    /// <summary>Example ECGs with their Grad-CAM evidence.</summary>
    public IReadOnlyList<ExplanationExample> Explanations { get; init; } = [];

    /// <summary>Free-text remarks shown under the results (e.g. what the demo scaled down and why).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
