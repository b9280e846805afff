using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// The network inputs of training rows in one epoch: each row's window (drawn at random from its record when
/// <see cref="ErtsTrainer.Options.TrainingWindow"/> is shorter than the records) and augmentation
/// (<see cref="EcgAugmentation"/>), both drawn from <see cref="RowRandom"/>(seed, epoch, row). A row therefore gets
/// the same input from the confidence pass, Grad-CAM and the update of one epoch, and a new one the next epoch.
/// </summary>
internal sealed class TrainingInputs
{
    private readonly EcgTensorData _data;
    private readonly EcgAugmentation? _augmentation;
    private readonly int _seed;
    // Whole stored rows, unaugmented: the batch is the stored signal, as before windows existed.
    private readonly bool _asStored;

    /// <summary>Inputs of <paramref name="data"/> under <paramref name="options"/>.</summary>
    public TrainingInputs(EcgTensorData data, ErtsTrainer.Options options)
    {
        _data = data;
        Window = RecordWindows.Of(options, data.Samples).Window;
        _augmentation = options.Augmentation is { IsNone: false } augmentation ? augmentation : null;
        _seed = options.Seed;
        _asStored = Window == data.Samples && _augmentation is null;
    }

    /// <summary>The training data.</summary>
    public EcgTensorData Data => _data;

    /// <summary>Samples per lead of every input (the network's input length).</summary>
    public int Window { get; }

    /// <summary>Inputs of training rows <paramref name="rows"/> in <paramref name="epoch"/>, (rows, leads, window), on <paramref name="device"/>.</summary>
    public Tensor Signals(IReadOnlyList<int> rows, int epoch, Device device)
    {
        if (_asStored) return EcgBatches.Signals(_data, rows, device);
        int leads = _data.Leads, stored = leads * _data.Samples, size = leads * Window;
        var batch = empty([rows.Count, leads, Window], ScalarType.Float32);
        using var values = batch.data<float>();
        var record = new float[stored];
        var input = new float[size];
        for (int i = 0; i < rows.Count; i++)
        {
            int row = rows[i];
            _data.CopySignal(row, record);
            var random = new RowRandom(_seed, epoch, row);
            Draw(record, _data.LengthOf(row), ref random, input);
            values.CopyFrom(input, 0, (long)i * size);
        }
        return device.type == DeviceType.CPU ? batch : batch.to(device);
    }

    /// <summary>Auxiliary features of rows <paramref name="rows"/>, (rows, k) on <paramref name="device"/>, or null without them.</summary>
    public Tensor? Auxiliary(IReadOnlyList<int> rows, Device device) => EcgBatches.Auxiliary(_data, rows, device);

    // The window, then the augmentation, always drawing in the same order so every row's stream is fixed.
    private void Draw(float[] record, int length, ref RowRandom random, Span<float> input)
    {
        int start = length > Window ? random.NextInt(length - Window + 1) : 0;
        int shift = 0;
        if (_augmentation is { MaxTimeShift: > 0 and var maxShift }) shift = random.NextInt(2 * maxShift + 1) - maxShift;
        RecordWindows.Copy(record, _data.Leads, _data.Samples, length, start, shift, input);
        if (_augmentation is not { } a) return;

        float scale = 1f + a.AmplitudeScale * (float)(2 * random.NextDouble() - 1);
        float wanderAmplitude = a.BaselineWanderAmplitude * (float)random.NextDouble();
        double cycles = 0.5 + 1.5 * random.NextDouble(), phase = 2 * Math.PI * random.NextDouble();
        double radiansPerSample = 2 * Math.PI * cycles / Window;
        for (int lead = 0; lead < _data.Leads; lead++)
        {
            var samples = input.Slice(lead * Window, Window);
            for (int t = 0; t < Window; t++)
            {
                float value = samples[t] * scale;
                if (a.NoiseStandardDeviation > 0) value += a.NoiseStandardDeviation * (float)random.NextGaussian();
                if (wanderAmplitude > 0) value += wanderAmplitude * (float)Math.Sin(radiansPerSample * t + phase);
                samples[t] = value;
            }
        }
    }
}
