using System.Diagnostics;
using Xunit.Abstractions;

namespace Erts.MLNet.Tests.Reliability.Fuzzing;

/// <summary>
/// Runs a reader on many mutated inputs and collects every failure that is not one of the documented exceptions,
/// every input that took too long and every input that allocated too much. The whole campaign runs on a worker
/// thread with a deadline, so a reader that hangs fails the test instead of stalling the run.
/// </summary>
internal sealed class FuzzCampaign(string name, params Type[] documentedExceptions)
{
    private const long AllocationBudgetBytes = 64L << 20;
    private static readonly TimeSpan InputTimeLimit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CampaignDeadline = TimeSpan.FromSeconds(120);

    private readonly List<string> _findings = [];
    private readonly Dictionary<string, int> _outcomes = [];

    /// <summary>Inputs tried.</summary>
    public int Inputs { get; private set; }

    /// <summary>How many inputs ended in each outcome ("accepted" or an exception type name).</summary>
    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    /// <summary>Calls <paramref name="read"/> on <paramref name="count"/> inputs made by <paramref name="makeInput"/>(i).</summary>
    public FuzzCampaign Run<TInput>(int count, Func<int, TInput> makeInput, Action<TInput> read, Func<TInput, string> describe)
    {
        var worker = Task.Factory.StartNew(() =>
        {
            for (int i = 0; i < count; i++) Try(makeInput(i), read, describe);
        }, TaskCreationOptions.LongRunning);
        if (!worker.Wait(CampaignDeadline))
            throw new TimeoutException($"{name}: the campaign did not finish in {CampaignDeadline.TotalSeconds} s after {Inputs} inputs (a reader hangs?)");
        return this;
    }

    /// <summary>Fails with the first findings, naming the input that triggered each; else writes the outcome counts to <paramref name="output"/>.</summary>
    public void AssertNoFindings(ITestOutputHelper output)
    {
        Assert.True(_findings.Count == 0, $"{name}: {_findings.Count} of {Inputs} inputs misbehaved:\n" + string.Join("\n---\n", _findings.Take(5)));
        output.WriteLine($"{name}: {Inputs} inputs; " + string.Join(", ", _outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
    }

    private void Try<TInput>(TInput input, Action<TInput> read, Func<TInput, string> describe)
    {
        Inputs++;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        string outcome = "accepted";
        try
        {
            read(input);
        }
        catch (Exception e) when (documentedExceptions.Any(type => type.IsInstanceOfType(e)))
        {
            outcome = e.GetType().Name;
        }
        catch (Exception e)
        {
            outcome = "UNDOCUMENTED " + e.GetType().Name;
            _findings.Add($"{e.GetType().Name}: {e.Message}\n{e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}\ninput: {describe(input)}");
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (clock.Elapsed > InputTimeLimit) _findings.Add($"took {clock.Elapsed.TotalSeconds:F1} s\ninput: {describe(input)}");
        if (allocated > AllocationBudgetBytes) _findings.Add($"allocated {allocated >> 20} MB\ninput: {describe(input)}");
        _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
    }
}
