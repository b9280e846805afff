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
    private readonly int[]? _lengths;
    private readonly float[]? _auxiliary;

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
    /// <param name="store">The signals, one row of leads x samples each.</param>
    /// <param name="labels">Class index per example.</param>
    /// <param name="leads">Leads per example.</param>
    /// <param name="samples">Samples per lead of a stored row.</param>
    /// <param name="classNames">Class names.</param>
    /// <param name="rows">Store row of each example, or null for row i = example i.</param>
    /// <param name="lengths">Samples per lead that hold the record, per example (the rest is zero padding), or null when every row is full.</param>
    /// <param name="auxiliary">Auxiliary features, example-major (Count x <paramref name="auxiliarySize"/>), or null.</param>
    /// <param name="auxiliarySize">Auxiliary values per example (0 without them).</param>
    internal EcgTensorData(ISignalStore store, int[] labels, int leads, int samples, IReadOnlyList<string> classNames, int[]? rows,
        int[]? lengths = null, float[]? auxiliary = null, int auxiliarySize = 0)
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
        if (lengths is not null)
        {
            if (lengths.Length != labels.Length) throw new ArgumentException($"{lengths.Length} lengths for {labels.Length} examples.", nameof(lengths));
            for (int i = 0; i < lengths.Length; i++)
                if (lengths[i] < 1 || lengths[i] > samples)
                    throw new ArgumentException($"length {lengths[i]} of example {i} is outside [1, {samples}].", nameof(lengths));
        }
        if ((auxiliary is null) != (auxiliarySize == 0) || (auxiliary is not null && auxiliary.Length != (long)labels.Length * auxiliarySize))
            throw new ArgumentException($"auxiliary features must be {labels.Length} x {auxiliarySize} values.", nameof(auxiliary));
        _store = store;
        _rows = rows;
        _lengths = lengths;
        _auxiliary = auxiliary;
        AuxiliarySize = auxiliarySize;
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
            examples.Select(i => _rows is null ? i : _rows[i]).ToArray(),
            _lengths is null ? null : examples.Select(i => _lengths[i]).ToArray(),
            _auxiliary is null ? null : examples.SelectMany(i => _auxiliary.AsSpan(i * AuxiliarySize, AuxiliarySize).ToArray()).ToArray(),
            AuxiliarySize);

    /// <summary>Samples per lead of example <paramref name="example"/> that hold its record (all of <see cref="Samples"/> unless the data has lengths).</summary>
    public int LengthOf(int example) => _lengths?[example] ?? Samples;

    /// <summary>True when examples have lengths of their own (whole records, zero-padded to <see cref="Samples"/>).</summary>
    public bool HasLengths => _lengths is not null;

    /// <summary>Auxiliary values per example (0 without them).</summary>
    public int AuxiliarySize { get; }

    /// <summary>The auxiliary features of example <paramref name="example"/> (empty without them).</summary>
    public ReadOnlySpan<float> AuxiliaryOf(int example) =>
        _auxiliary is null ? ReadOnlySpan<float>.Empty : _auxiliary.AsSpan(example * AuxiliarySize, AuxiliarySize);

    /// <summary>This set with its auxiliary features replaced (same examples, same store); used to standardise them.</summary>
    internal EcgTensorData WithAuxiliary(float[] auxiliary) =>
        new(_store, Labels, Leads, Samples, ClassNames, _rows, _lengths, auxiliary, AuxiliarySize);

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
