using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace Erts.MLNet.Training;

/// <summary>
/// What makes two training runs the same run: every option that shapes the trajectory of the weights, the
/// network's layout and a hash of the training and validation data. A checkpoint stores it, and a run resumes from a
/// checkpoint only when the two agree; otherwise the error lists each difference.
/// </summary>
/// <remarks>
/// Deliberately left out: <see cref="ErtsTrainer.Options.Threads"/> and <see cref="ErtsTrainer.Options.Device"/>
/// (resuming elsewhere is legitimate; results are then equal up to floating-point summation order, not bit for bit),
/// column names, logging and progress.
/// </remarks>
internal sealed class RunFingerprint
{
    private RunFingerprint(IReadOnlyList<KeyValuePair<string, string>> entries) => Entries = entries;

    /// <summary>Name and value of each setting, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; }

    /// <summary>The fingerprint of a run of <paramref name="options"/> training <paramref name="network"/> on the given data.</summary>
    public static RunFingerprint Of(ErtsTrainer.Options options, torch.nn.Module network, EcgTensorData train, EcgTensorData? validation)
    {
        var entries = new List<KeyValuePair<string, string>>();
        void Add(string name, object value) => entries.Add(new(name, Convert.ToString(value, CultureInfo.InvariantCulture)!));
        Add(nameof(options.Network), options.Network);
        Add(nameof(options.SelectionPolicy), options.SelectionPolicy.ToLowerInvariant());
        Add(nameof(options.Epochs), options.Epochs);
        Add(nameof(options.WarmupEpochs), options.WarmupEpochs);
        Add(nameof(options.RevisionStartEpoch), options.RevisionStartEpoch);
        Add(nameof(options.CamDelayEpochs), options.CamDelayEpochs);
        Add(nameof(options.ConfidenceThreshold), options.ConfidenceThreshold.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.KeepFraction), options.KeepFraction.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.ReliabilityRanking), options.ReliabilityRanking);
        Add(nameof(options.FocusResolution), options.FocusResolution);
        Add(nameof(options.BatchSize), options.BatchSize);
        Add(nameof(options.LearningRate), options.LearningRate.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.WeightDecay), options.WeightDecay.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.LearningRateDecay), options.LearningRateDecay.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.ClassBalancedLoss), options.ClassBalancedLoss);
        Add(nameof(options.ClassBalancedBeta), options.ClassBalancedBeta.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.Seed), options.Seed);
        Add(nameof(options.CompactKeptRows), options.CompactKeptRows);
        Add(nameof(options.ScoreReuseEpochs), options.ScoreReuseEpochs);
        Add(nameof(options.TrainingWindow), options.TrainingWindow?.ToString(CultureInfo.InvariantCulture) ?? "whole input");
        Add(nameof(options.InferenceStride), options.InferenceStride?.ToString(CultureInfo.InvariantCulture) ?? "half window");
        Add(nameof(options.Augmentation), options.Augmentation?.ToString() ?? "none");
        Add(nameof(options.LearningRateSchedule), options.LearningRateSchedule);
        Add(nameof(options.LearningRateWarmupEpochs), options.LearningRateWarmupEpochs.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.HeadDropout), options.HeadDropout.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.LabelSmoothing), options.LabelSmoothing.ToString("R", CultureInfo.InvariantCulture));
        Add(nameof(options.EarlyStoppingPatience), options.EarlyStoppingPatience?.ToString(CultureInfo.InvariantCulture) ?? "none");
        Add("network layout", Layout(network));
        Add("training data", Describe(train));
        Add("validation data", validation is null ? "none" : Describe(validation));
        return new RunFingerprint(entries);
    }

    /// <summary>Writes the entries.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Entries.Count);
        foreach (var (name, value) in Entries)
        {
            writer.Write(name);
            writer.Write(value);
        }
    }

    /// <summary>Reads entries written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The entry count is implausible.</exception>
    public static RunFingerprint Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count is < 0 or > 1000) throw new InvalidDataException($"fingerprint with {count} entries");
        var entries = new List<KeyValuePair<string, string>>(count);
        for (int i = 0; i < count; i++) entries.Add(new(reader.ReadString(), reader.ReadString()));
        return new RunFingerprint(entries);
    }

    /// <summary>"Epochs is 6 now but 4 in the checkpoint", one phrase per setting that differs; empty when the runs agree.</summary>
    public IReadOnlyList<string> DifferencesFrom(RunFingerprint stored)
    {
        var before = stored.Entries.ToDictionary(e => e.Key, e => e.Value);
        var now = Entries.ToDictionary(e => e.Key, e => e.Value);
        return now.Keys.Union(before.Keys)
            .Where(name => now.GetValueOrDefault(name) != before.GetValueOrDefault(name))
            .Select(name => $"{name} is {now.GetValueOrDefault(name) ?? "absent"} now but {before.GetValueOrDefault(name) ?? "absent"} in the checkpoint")
            .ToList();
    }

    // Names and shapes of the state dict: a different backbone, width, lead count or class count changes it.
    private static string Layout(torch.nn.Module network)
    {
        var tensors = network.state_dict();
        string layout = string.Join(";", tensors.Select(t => $"{t.Key}[{string.Join(",", t.Value.shape)}]"));
        return $"{tensors.Count} tensors, {tensors.Values.Sum(t => t.numel())} values, sha256 {Hex(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(layout)))}";
    }

    private static string Describe(EcgTensorData data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Row by row (the data may be on disk); the hash is that of all signal bytes in example order.
        var row = new float[data.Leads * data.Samples];
        for (int example = 0; example < data.Count; example++)
        {
            data.CopySignal(example, row);
            hash.AppendData(MemoryMarshal.AsBytes(row.AsSpan()));
            if (data.HasLengths) hash.AppendData(BitConverter.GetBytes(data.LengthOf(example)));
            hash.AppendData(MemoryMarshal.AsBytes(data.AuxiliaryOf(example)));
        }
        hash.AppendData(MemoryMarshal.AsBytes(data.Labels.AsSpan()));
        return $"{data.Count} ECGs of {data.Leads} x {data.Samples}, classes [{string.Join(", ", data.ClassNames)}], sha256 {Hex(hash.GetHashAndReset())}";
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash.AsSpan(0, 8));
}
