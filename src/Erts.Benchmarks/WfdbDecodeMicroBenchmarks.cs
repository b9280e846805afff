using BenchmarkDotNet.Attributes;
using Erts.MLNet.Data.Wfdb;

namespace Erts.Benchmarks;

/// <summary>BenchmarkDotNet micro-benchmark of the format 212 and 16 decoders (one million samples per call).</summary>
/// <remarks>Run: <c>dotnet run --project src/Erts.Benchmarks -c Release -- bdn --filter *WfdbDecode*</c>.</remarks>
[MemoryDiagnoser]
public class WfdbDecodeMicroBenchmarks
{
    private const int Samples = 1_000_000;
    private readonly int[] decoded = new int[Samples];
    private byte[] format212 = [], format16 = [];

    /// <summary>Builds the encoded inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        format212 = WfdbDecodeBenchmark.RandomEncoded(WfdbSignalFormat.Find(212)!, Samples, seed: 42);
        format16 = WfdbDecodeBenchmark.RandomEncoded(WfdbSignalFormat.Find(16)!, Samples, seed: 42);
    }

    /// <summary>Decodes one million format 212 samples.</summary>
    [Benchmark]
    public void Decode212() => WfdbSignalFormat.Find(212)!.Decode(format212, decoded);

    /// <summary>Decodes one million format 16 samples.</summary>
    [Benchmark(Baseline = true)]
    public void Decode16() => WfdbSignalFormat.Find(16)!.Decode(format16, decoded);
}
