using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// Scores whole records with a network trained on shorter windows: every record is cut into windows of the
/// network's input length (<see cref="RecordWindows.Starts"/>), all windows go through the network in batches, and a
/// record's class probabilities (and embedding) are the mean over its windows; its Grad-CAM profile is the windows'
/// profiles for the record's predicted class laid back on the record's time axis and averaged where they overlap.
/// With windows as long as the records this is the ordinary forward pass. Used by validation during training and by
/// the trained transformer, so both score records the same way.
/// </summary>
internal static class WindowedInference
{
    /// <summary>Windows per forward pass.</summary>
    public const int WindowsPerPass = 256;

    /// <summary>
    /// Probabilities, and the embeddings and profiles asked for, of <paramref name="records"/>. Runs in eval mode;
    /// opens its own dispose scopes and returns managed arrays.
    /// </summary>
    /// <param name="network">The trained network.</param>
    /// <param name="records">The records to score.</param>
    /// <param name="window">The network's input length in samples.</param>
    /// <param name="stride">Step between windows.</param>
    /// <param name="device">The network's device.</param>
    /// <param name="embed">Also return each record's embedding (mean over its windows).</param>
    /// <param name="explain">Also return each record's Grad-CAM profile over its <see cref="RecordBatch.Samples"/> samples.</param>
    public static (float[] Probabilities, float[]? Embeddings, float[]? Profiles) Run(
        EcgNetwork network, RecordBatch records, int window, int stride, Device device, bool embed, bool explain)
    {
        int count = records.Count;
        var windows = new List<(int Record, int Start)>();
        for (int r = 0; r < count; r++)
            foreach (int start in RecordWindows.Starts(records.LengthOf(r), window, stride)) windows.Add((r, start));

        int classes = -1, width = 0;
        float[] probabilities = [];
        float[]? embeddings = null;
        var windowsPerRecord = new int[count];
        foreach (var (record, _) in windows) windowsPerRecord[record]++;

        network.eval();
        for (int first = 0; first < windows.Count; first += WindowsPerPass)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var part = windows.GetRange(first, Math.Min(WindowsPerPass, windows.Count - first));
            var activations = network.Trunk(Inputs(records, part, window, device));
            var windowProbabilities = ToArray(nn.functional.softmax(network.Logits(activations, Auxiliary(records, part, device)), 1));
            if (classes < 0)
            {
                classes = windowProbabilities.Length / part.Count;
                probabilities = new float[count * classes];
            }
            Accumulate(windowProbabilities, part, classes, probabilities, windowsPerRecord);
            if (embed)
            {
                var windowEmbeddings = ToArray(network.EmbeddingOf(activations));
                width = windowEmbeddings.Length / part.Count;
                embeddings ??= new float[count * width];
                Accumulate(windowEmbeddings, part, width, embeddings, windowsPerRecord);
            }
        }
        float[]? profiles = explain ? Profiles(network, records, windows, window, device, Predicted(probabilities, count, classes)) : null;
        return (probabilities, embeddings, profiles);
    }

    /// <summary>
    /// Arg-max class of every example of <paramref name="data"/>, scored by windows as <see cref="Run"/> does; -1 for
    /// an example whose probabilities are not finite (a diverged network).
    /// </summary>
    public static int[] Predict(EcgNetwork network, EcgTensorData data, int window, int stride, Device device)
    {
        const int recordsPerRead = 64;
        var predicted = new int[data.Count];
        for (int first = 0; first < data.Count; first += recordsPerRead)
        {
            var batch = RecordBatch.From(data, first, Math.Min(recordsPerRead, data.Count - first));
            var (probabilities, _, _) = Run(network, batch, window, stride, device, embed: false, explain: false);
            int classes = probabilities.Length / batch.Count;
            Predicted(probabilities, batch.Count, classes).CopyTo(predicted, first);
            // NaN compares false with everything, so a NaN row would silently be "class 0": mark it instead.
            for (int r = 0; r < batch.Count; r++)
                if (Data.FiniteValues.IndexOfNonFinite(probabilities.AsSpan(r * classes, classes)) >= 0) predicted[first + r] = -1;
        }
        return predicted;
    }

    private static int[] Predicted(float[] probabilities, int count, int classes)
    {
        var predicted = new int[count];
        for (int r = 0; r < count; r++)
        {
            var row = probabilities.AsSpan(r * classes, classes);
            for (int c = 1; c < classes; c++) if (row[c] > row[predicted[r]]) predicted[r] = c;
        }
        return predicted;
    }

    // Profiles need gradients on the general path, so they get passes of their own, after the record's class is known.
    private static float[] Profiles(EcgNetwork network, RecordBatch records, List<(int Record, int Start)> windows, int window, Device device, int[] predicted)
    {
        int samples = records.Samples;
        var sums = new float[records.Count * samples];
        var coverage = new int[records.Count * samples];
        for (int first = 0; first < windows.Count; first += WindowsPerPass)
        {
            using var scope = NewDisposeScope();
            var part = windows.GetRange(first, Math.Min(WindowsPerPass, windows.Count - first));
            Tensor activations;
            using (no_grad()) activations = network.Trunk(Inputs(records, part, window, device));
            var targets = tensor(part.Select(w => (long)predicted[w.Record]).ToArray(), device: device);
            var profiles = ToArray(GradCam.Stretch(GradCam.TimeProfiles(network, activations, targets), window));
            for (int i = 0; i < part.Count; i++)
            {
                var (record, start) = part[i];
                int valid = Math.Min(window, records.LengthOf(record) - start);
                for (int t = 0; t < valid; t++)
                {
                    sums[record * samples + start + t] += profiles[i * window + t];
                    coverage[record * samples + start + t]++;
                }
            }
        }
        for (int i = 0; i < sums.Length; i++) if (coverage[i] > 1) sums[i] /= coverage[i];
        return sums;
    }

    private static Tensor Inputs(RecordBatch records, List<(int Record, int Start)> part, int window, Device device)
    {
        int leads = records.Leads, size = leads * window;
        var values = new float[part.Count * size];
        for (int i = 0; i < part.Count; i++)
        {
            var (record, start) = part[i];
            RecordWindows.Copy(records.Signal(record), leads, records.Samples, records.LengthOf(record), start, 0, values.AsSpan(i * size, size));
        }
        return tensor(values, [part.Count, leads, window], device: device);
    }

    private static Tensor? Auxiliary(RecordBatch records, List<(int Record, int Start)> part, Device device)
    {
        if (records.AuxiliarySize == 0) return null;
        var values = new float[part.Count * records.AuxiliarySize];
        for (int i = 0; i < part.Count; i++) records.AuxiliaryOf(part[i].Record).CopyTo(values.AsSpan(i * records.AuxiliarySize));
        return tensor(values, [part.Count, records.AuxiliarySize], device: device);
    }

    // Adds each window's row / (windows of its record) into its record's row: the mean over the record's windows.
    private static void Accumulate(float[] perWindow, List<(int Record, int Start)> part, int width, float[] perRecord, int[] windowsPerRecord)
    {
        for (int i = 0; i < part.Count; i++)
        {
            int record = part[i].Record;
            float share = 1f / windowsPerRecord[record];
            for (int j = 0; j < width; j++) perRecord[record * width + j] += perWindow[i * width + j] * share;
        }
    }

    private static float[] ToArray(Tensor values) => values.cpu().data<float>().ToArray();
}
