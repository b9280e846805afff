using Erts.MLNet.Networks;

namespace Erts.Experiments.Grid;

/// <summary>What a grid run covers and where it writes. Null filters mean "the plan's own choice" (see <see cref="GridPlan"/>).</summary>
public sealed record GridSettings
{
    /// <summary>Datasets to run, or null for each arm's own.</summary>
    public IReadOnlyList<string>? Datasets { get; init; }

    /// <summary>Policy labels to run, or null for each arm's own.</summary>
    public IReadOnlyList<string>? Policies { get; init; }

    /// <summary>Backbones to run, or null for each arm's own.</summary>
    public IReadOnlyList<Backbone>? Backbones { get; init; }

    /// <summary>Seeds to run, or null for the plan's budget.</summary>
    public IReadOnlyList<int>? Seeds { get; init; }

    /// <summary>Noise levels: 0 selects the main arm, a positive level the label-noise arm at that level. Null: 0, 0.1, 0.2.</summary>
    public IReadOnlyList<double>? Noise { get; init; }

    /// <summary>Smoke test: tiny subsets, one seed, two policies, two epochs.</summary>
    public bool Quick { get; init; }

    /// <summary>Epochs instead of each dataset's own (e.g. a short schedule for the 2-D backbones), or null.</summary>
    public int? Epochs { get; init; }

    /// <summary>Torch threads per cell (training and evaluation). Default 1: see <see cref="GridPlan.DefaultThreads"/>.</summary>
    public int Threads { get; init; } = GridPlan.DefaultThreads;

    /// <summary>Folder holding mitdb/, cinc2017/, ptbxl/.</summary>
    public required string DataRoot { get; init; }

    /// <summary>results.json.</summary>
    public required string ResultsPath { get; init; }

    /// <summary>The log file (appended).</summary>
    public required string LogPath { get; init; }

    /// <summary>Markdown file whose grid section is regenerated after every cell, or null.</summary>
    public string? MarkdownPath { get; init; }
}
