namespace Erts.MLNet.Selection;

/// <summary>The three phases of progressive data dropout.</summary>
public enum TrainingPhase
{
    /// <summary>Epochs e &lt; W: every sample, so the model learns enough for confidence to mean something.</summary>
    Warmup,

    /// <summary>W &lt;= e &lt; R: the selection policy chooses the rows.</summary>
    Selection,

    /// <summary>e &gt;= R: every sample again, to revisit what was dropped.</summary>
    Revision,
}
