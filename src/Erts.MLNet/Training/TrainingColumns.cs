using Erts.MLNet.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Training;

/// <summary>The label and signal columns of a training view, checked, with the shape and classes they imply.</summary>
/// <param name="Label">Key-typed label column.</param>
/// <param name="Signal">Known-size Single vector column.</param>
/// <param name="Leads">Leads per signal.</param>
/// <param name="Samples">Samples per lead.</param>
/// <param name="ClassNames">Class names from the label's KeyValues ("0", "1", ... without them); index = key - 1.</param>
/// <param name="Length">The Int32 record-length column when the view has one (whole records, zero-padded), else null.</param>
/// <param name="Auxiliary">The auxiliary-feature column named in the options, else null.</param>
/// <param name="AuxiliarySize">Values per row of <paramref name="Auxiliary"/> (0 without it).</param>
internal sealed record TrainingColumns(
    DataViewSchema.Column Label,
    DataViewSchema.Column Signal,
    int Leads,
    int Samples,
    IReadOnlyList<string> ClassNames,
    DataViewSchema.Column? Length = null,
    DataViewSchema.Column? Auxiliary = null,
    int AuxiliarySize = 0)
{
    /// <summary>Finds and checks the columns named in <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type or size.</exception>
    public static TrainingColumns Bind(DataViewSchema schema, ErtsTrainer.Options options)
    {
        var label = ColumnRules.Find(schema, options.LabelColumnName, "label");
        var key = ColumnRules.RequireKeyLabel(label);
        var signal = ColumnRules.Find(schema, options.SignalColumnName, "signal");
        var vector = ColumnRules.RequireSignal(signal);
        var (leads, samples) = Shape(vector, signal.Name, options.Leads);
        if (key.Count < 2)
            throw new ArgumentOutOfRangeException("inputSchema", $"The label column '{label.Name}' has {key.Count} class; at least 2 are needed.");
        var length = schema.GetColumnOrNull(options.SignalLengthColumnName);
        if (length is { } found && found.Type != NumberDataViewType.Int32)
            throw new ArgumentOutOfRangeException("inputSchema",
                $"The record-length column '{found.Name}' must be Int32 (samples per lead that hold the record); it is {found.Type}.");
        DataViewSchema.Column? auxiliary = null;
        int auxiliarySize = 0;
        if (options.AuxiliaryFeaturesColumnName is { } auxiliaryName)
        {
            auxiliary = ColumnRules.Find(schema, auxiliaryName, "auxiliary features");
            if (auxiliary.Value.Type is not VectorDataViewType { ItemType: var item, IsKnownSize: true, Size: var size } || item != NumberDataViewType.Single)
                throw new ArgumentOutOfRangeException("inputSchema",
                    $"The auxiliary-features column '{auxiliaryName}' must be a known-size vector of Single; it is {auxiliary.Value.Type}.");
            auxiliarySize = size;
        }
        if (options.TrainingWindow is { } window && window > samples)
            throw new ArgumentOutOfRangeException(nameof(ErtsTrainer.Options.TrainingWindow), window,
                $"Options.TrainingWindow ({window} samples) is longer than the signal column '{signal.Name}' ({samples} samples per lead).");
        return new TrainingColumns(label, signal, leads, samples, ClassNamesOf(label, (int)key.Count), length, auxiliary, auxiliarySize);
    }

    /// <summary>Number of classes.</summary>
    public int Classes => ClassNames.Count;

    /// <summary>Checks that a validation view has the same signal shape and classes as the training view.</summary>
    /// <exception cref="ArgumentException">They differ.</exception>
    public void RequireCompatible(TrainingColumns validation)
    {
        if (validation.AuxiliarySize != AuxiliarySize)
            throw new ArgumentException($"The validation set has {validation.AuxiliarySize} auxiliary features per row; the training set has {AuxiliarySize}.",
                nameof(ErtsTrainer.Options.ValidationSet));
        if (validation.Leads != Leads || (validation.Samples != Samples && validation.Length is null && Length is null))
            throw new ArgumentException($"The validation set's signals are {validation.Leads} x {validation.Samples}; the training set's are {Leads} x {Samples}.",
                nameof(ErtsTrainer.Options.ValidationSet));
        if (!validation.ClassNames.SequenceEqual(ClassNames))
            throw new ArgumentException(
                $"The validation set's label keys are [{string.Join(", ", validation.ClassNames)}]; the training set's are [{string.Join(", ", ClassNames)}]. " +
                "Map both with the same fitted MapValueToKey transformer.", nameof(ErtsTrainer.Options.ValidationSet));
    }

    private static (int Leads, int Samples) Shape(VectorDataViewType vector, string column, int optionLeads)
    {
        if (vector.Dimensions.Length == 2) return (vector.Dimensions[0], vector.Dimensions[1]);
        if (vector.Size % optionLeads != 0)
            throw new ArgumentOutOfRangeException("inputSchema",
                $"The signal column '{column}' has {vector.Size} values, not a multiple of Options.Leads = {optionLeads}. " +
                "Give the column two dimensions (leads, samples) or set Options.Leads.");
        return (optionLeads, vector.Size / optionLeads);
    }

    private static string[] ClassNamesOf(DataViewSchema.Column label, int classes)
    {
        var keyValues = label.Annotations.Schema.GetColumnOrNull(ScoreAnnotations.KeyValues);
        if (keyValues?.Type is not VectorDataViewType { ItemType: TextDataViewType } type || type.Size != classes)
            return Enumerable.Range(0, classes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        label.Annotations.GetValue(ScoreAnnotations.KeyValues, ref names);
        return names.DenseValues().Select(name => name.ToString()).ToArray();
    }
}
