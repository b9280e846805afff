namespace Erts.MLNet.Training;

/// <summary>
/// A training or validation set materialised for TorchSharp: signals as one contiguous lead-major block and labels
/// as 0-based class indices. The ML.NET trainer builds it from an <c>IDataView</c>; tests build it directly.
/// </summary>
public sealed class EcgTensorData
{
    /// <summary>Wraps existing arrays (not copied).</summary>
    /// <param name="signals">Count x Leads x Samples values, example-major then lead-major.</param>
    /// <param name="labels">Count class indices in [0, classes).</param>
    /// <param name="leads">Leads per example, at least 1.</param>
    /// <param name="samples">Samples per lead, at least 1.</param>
    /// <param name="classNames">Names of the classes, index = label value.</param>
    /// <exception cref="ArgumentException">Sizes disagree or a label is out of range.</exception>
    public EcgTensorData(float[] signals, int[] labels, int leads, int samples, IReadOnlyList<string> classNames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        if (classNames.Count < 2) throw new ArgumentException("At least two classes are needed.", nameof(classNames));
        if (signals.Length != (long)labels.Length * leads * samples)
            throw new ArgumentException($"signals has {signals.Length} values; {labels.Length} examples x {leads} leads x {samples} samples need {(long)labels.Length * leads * samples}.", nameof(signals));
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw new ArgumentException($"label {labels[i]} of example {i} is outside [0, {classNames.Count}).", nameof(labels));
        Signals = signals;
        Labels = labels;
        Leads = leads;
        Samples = samples;
        ClassNames = classNames;
    }

    /// <summary>Count x Leads x Samples values.</summary>
    public float[] Signals { get; }

    /// <summary>0-based class index of each example.</summary>
    public int[] Labels { get; }

    /// <summary>Leads per example.</summary>
    public int Leads { get; }

    /// <summary>Samples per lead.</summary>
    public int Samples { get; }

    /// <summary>Class names; index = label value.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of examples.</summary>
    public int Count => Labels.Length;

    /// <summary>Number of classes.</summary>
    public int Classes => ClassNames.Count;
}
