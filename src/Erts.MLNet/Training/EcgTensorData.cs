using Erts.MLNet.Training.Storage;

namespace Erts.MLNet.Training;

/// <summary>
/// A training or validation set as TorchSharp batches need it: lead-major signals read row by row, and labels as
/// 0-based class indices. The ML.NET trainer builds it from an <c>IDataView</c> (in memory, or in a temporary file
/// beyond <see cref="ErtsTrainer.Options.InMemoryDataLimitMegabytes"/>); tests build it directly from arrays.
/// </summary>
public sealed class EcgTensorData
{
    private readonly ISignalStore _store;
    // Row of the store holding each example; null when example i is row i. A hold-out split shares the store.
    private readonly int[]? _rows;

    /// <summary>Wraps existing arrays (not copied).</summary>
    /// <param name="signals">Count x Leads x Samples values, example-major then lead-major.</param>
    /// <param name="labels">Count class indices in [0, classes).</param>
    /// <param name="leads">Leads per example, at least 1.</param>
    /// <param name="samples">Samples per lead, at least 1.</param>
    /// <param name="classNames">Names of the classes, index = label value.</param>
    /// <exception cref="ArgumentException">Sizes disagree or a label is out of range.</exception>
    public EcgTensorData(float[] signals, int[] labels, int leads, int samples, IReadOnlyList<string> classNames)
        : this(Wrap(signals, labels, leads, samples), labels, leads, samples, classNames, rows: null)
    {
    }

    /// <summary>Examples <paramref name="rows"/> (or every row, in order) of <paramref name="store"/>.</summary>
    internal EcgTensorData(ISignalStore store, int[] labels, int leads, int samples, IReadOnlyList<string> classNames, int[]? rows)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        if (classNames.Count < 2) throw new ArgumentException("At least two classes are needed.", nameof(classNames));
        if (store.Stride != leads * samples) throw new ArgumentException($"The store's rows have {store.Stride} values, not {leads} x {samples}.", nameof(store));
        if ((rows?.Length ?? store.Count) != labels.Length)
            throw new ArgumentException($"{labels.Length} labels for {rows?.Length ?? store.Count} examples.", nameof(labels));
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw new ArgumentException($"label {labels[i]} of example {i} is outside [0, {classNames.Count}).", nameof(labels));
        _store = store;
        _rows = rows;
        Labels = labels;
        Leads = leads;
        Samples = samples;
        ClassNames = classNames;
    }

    /// <summary>Copies the Leads x Samples values of example <paramref name="example"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such example, or the destination is too short.</exception>
    public void CopySignal(int example, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)example, (uint)Count, nameof(example));
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, _store.Stride, nameof(destination));
        _store.Read(_rows is null ? example : _rows[example], destination);
    }

    /// <summary>Examples <paramref name="examples"/> of this set, sharing its signal store (nothing is copied).</summary>
    internal EcgTensorData Subset(IReadOnlyList<int> examples) =>
        new(_store, examples.Select(i => Labels[i]).ToArray(), Leads, Samples, ClassNames,
            examples.Select(i => _rows is null ? i : _rows[i]).ToArray());

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

    private static MemorySignalStore Wrap(float[] signals, int[] labels, int leads, int samples)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(labels);
        if (signals.Length != (long)labels.Length * leads * samples)
            throw new ArgumentException($"signals has {signals.Length} values; {labels.Length} examples x {leads} leads x {samples} samples need {(long)labels.Length * leads * samples}.", nameof(signals));
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        return new MemorySignalStore(signals, leads * samples);
    }
}
