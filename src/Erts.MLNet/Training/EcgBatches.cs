using Erts.MLNet.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>Turns rows of <see cref="EcgTensorData"/> into tensors (whole stored rows; <see cref="TrainingInputs"/> draws windows).</summary>
internal static class EcgBatches
{
    /// <summary>Examples <paramref name="rows"/> as a (rows, leads, samples) float tensor on <paramref name="device"/>.</summary>
    /// <remarks>
    /// Rows are copied straight into the tensor's memory: a managed batch array (256 KB and up, so on the large
    /// object heap) per batch would be garbage the GC lets pile up in proportion to the live heap, and with the
    /// training data in memory that roughly doubled the peak resident memory (spilled-fit-memory benchmark).
    /// </remarks>
    public static Tensor Signals(EcgTensorData data, IReadOnlyList<int> rows, Device device)
    {
        int stride = data.Leads * data.Samples;
        var batch = empty([rows.Count, data.Leads, data.Samples], ScalarType.Float32);
        // TensorAccessor.CopyFrom's tensorIndex has not honoured the offset in every TorchSharp version:
        // EcgBatchesTests pins the layout, so an upgrade that breaks it fails there, not silently in training.
        using var values = batch.data<float>();
        var row = new float[stride];
        for (int i = 0; i < rows.Count; i++)
        {
            data.CopySignal(rows[i], row);
            values.CopyFrom(row, 0, (long)i * stride);
        }
        return device.type == DeviceType.CPU ? batch : batch.to(device);
    }

    /// <summary>Auxiliary features of examples <paramref name="rows"/> as a (rows, k) float tensor on <paramref name="device"/>, or null when the data has none.</summary>
    public static Tensor? Auxiliary(EcgTensorData data, IReadOnlyList<int> rows, Device device)
    {
        if (data.AuxiliarySize == 0) return null;
        var values = new float[rows.Count * data.AuxiliarySize];
        for (int i = 0; i < rows.Count; i++) data.AuxiliaryOf(rows[i]).CopyTo(values.AsSpan(i * data.AuxiliarySize));
        return tensor(values, [rows.Count, data.AuxiliarySize], device: device);
    }

    /// <summary>Labels of examples <paramref name="rows"/> as an int64 tensor on <paramref name="device"/>.</summary>
    public static Tensor Labels(EcgTensorData data, IReadOnlyList<int> rows, Device device) =>
        tensor(rows.Select(row => (long)data.Labels[row]).ToArray(), device: device);
}
