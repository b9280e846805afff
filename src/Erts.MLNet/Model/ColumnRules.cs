using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// The input rules of the ERTS trainer and transformer, checked on a real schema (<see cref="DataViewSchema"/>) and
/// on a pipeline's schema shape (<see cref="SchemaShape"/>), with messages that name the column, the rule and what
/// was found. Like ML.NET's own schema mismatches, violations throw <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
internal static class ColumnRules
{
    private const string SchemaParameter = "inputSchema";

    /// <summary>The column <paramref name="name"/>, which must exist.</summary>
    public static DataViewSchema.Column Find(DataViewSchema schema, string name, string role) =>
        schema.GetColumnOrNull(name) ?? throw Missing(name, role, schema.Where(c => !c.IsHidden).Select(c => c.Name));

    /// <summary>The column <paramref name="name"/> of a schema shape, which must exist.</summary>
    public static SchemaShape.Column Find(SchemaShape schema, string name, string role)
    {
        foreach (var column in schema)
            if (column.Name == name) return column;
        throw Missing(name, role, schema.Select(c => c.Name));
    }

    /// <summary>The label must be a key with a known count: the number of classes.</summary>
    public static KeyDataViewType RequireKeyLabel(DataViewSchema.Column label)
    {
        if (label.Type is KeyDataViewType { Count: > 0 } key) return key;
        throw NotAKey(label.Name, $"{label.Type}");
    }

    /// <summary>Shape-level label check (the key count is only known on the real schema).</summary>
    public static void RequireKeyLabel(SchemaShape.Column label)
    {
        if (!label.IsKey || label.Kind != SchemaShape.Column.VectorKind.Scalar)
            throw NotAKey(label.Name, Describe(label));
    }

    /// <summary>The signal must be a known-size vector of Single.</summary>
    public static VectorDataViewType RequireSignal(DataViewSchema.Column signal)
    {
        if (signal.Type is VectorDataViewType { IsKnownSize: true } vector && vector.ItemType == NumberDataViewType.Single) return vector;
        throw NotASignal(signal.Name, $"{signal.Type}");
    }

    /// <summary>Shape-level signal check: a fixed-size (not variable) vector of Single.</summary>
    public static void RequireSignal(SchemaShape.Column signal)
    {
        if (signal.Kind != SchemaShape.Column.VectorKind.Vector || signal.IsKey || signal.ItemType != NumberDataViewType.Single)
            throw NotASignal(signal.Name, Describe(signal));
    }

    /// <summary>The signal column a trained model scores: a known-size Single vector of exactly the trained length.</summary>
    public static void RequireTrainedSignal(DataViewSchema schema, ModelDescription model)
    {
        var vector = RequireSignal(Find(schema, model.SignalColumnName, "signal"));
        if (vector.Size != model.SignalLength)
            throw new ArgumentOutOfRangeException(SchemaParameter,
                $"Schema mismatch for signal column '{model.SignalColumnName}': the model was trained on {model.Leads} lead(s) x " +
                $"{model.Samples} samples = {model.SignalLength} values per row, got {vector}.");
    }

    private static ArgumentOutOfRangeException Missing(string name, string role, IEnumerable<string> available) =>
        new(SchemaParameter, $"The {role} column '{name}' was not found. Columns present: {string.Join(", ", available.Distinct())}.");

    private static ArgumentOutOfRangeException NotAKey(string name, string found) =>
        new(SchemaParameter,
            $"Schema mismatch for label column '{name}': expected a key type with a known number of classes, got {found}. " +
            $"Add mlContext.Transforms.Conversion.MapValueToKey(\"{name}\") before the trainer.");

    private static ArgumentOutOfRangeException NotASignal(string name, string found) =>
        new(SchemaParameter,
            $"Schema mismatch for signal column '{name}': expected a known-size vector of Single (leads x samples, " +
            $"lead-major), got {found}. Crop or pad the ECGs to a fixed length first.");

    private static string Describe(SchemaShape.Column column) =>
        column.IsKey ? $"Key<{column.ItemType}>" : column.Kind switch
        {
            SchemaShape.Column.VectorKind.Scalar => $"{column.ItemType}",
            SchemaShape.Column.VectorKind.Vector => $"Vector<{column.ItemType}, fixed size>",
            _ => $"Vector<{column.ItemType}> of variable size",
        };
}
