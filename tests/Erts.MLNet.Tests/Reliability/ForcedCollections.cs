namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// While alive, another thread forces garbage collections and waits for finalizers in a loop, so a native object
/// (TorchSharp <c>Scalar</c> or <c>Tensor</c>) left to its finalizer is freed as early as the GC allows: if libtorch
/// is still reading it, the call fails or computes with freed memory.
/// </summary>
internal sealed class ForcedCollections : IDisposable
{
    private readonly ManualResetEventSlim _done = new();
    private readonly Thread _thread;
    private Exception? _failure;

    /// <summary>Starts the collecting thread.</summary>
    public ForcedCollections()
    {
        _thread = new Thread(Collect) { IsBackground = true, Name = "forced collections" };
        _thread.Start();
    }

    /// <summary>Collections forced so far.</summary>
    public int Count { get; private set; }

    /// <summary>Stops the thread; throws if it failed.</summary>
    public void Dispose()
    {
        _done.Set();
        _thread.Join();
        _done.Dispose();
        if (_failure is not null) throw new InvalidOperationException("The collecting thread failed.", _failure);
    }

    private void Collect()
    {
        try
        {
            for (int i = 0; !_done.IsSet; i++)
            {
                // Mostly cheap gen-0 collections (a step's Scalars are young), a full one now and then.
                GC.Collect(i % 16 == 0 ? GC.MaxGeneration : 0);
                GC.WaitForPendingFinalizers();
                Count = i + 1;
            }
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }
}
