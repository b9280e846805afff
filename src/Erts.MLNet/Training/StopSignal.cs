namespace Erts.MLNet.Training;

/// <summary>
/// The two ways training is stopped: <see cref="ErtsTrainer.Options.CancellationToken"/> and ML.NET's
/// cancellation of the context (<c>MLContext.CancelExecution</c>, seen through the trainer's host). Checked before every batch.
/// </summary>
/// <param name="token">The options' token.</param>
/// <param name="hostCancelled">True once ML.NET cancelled the host; null outside ML.NET.</param>
internal readonly struct StopSignal(CancellationToken token, Func<bool>? hostCancelled)
{
    /// <summary>True once either source asked to stop.</summary>
    public bool IsRaised => token.IsCancellationRequested || (hostCancelled?.Invoke() ?? false);
}
