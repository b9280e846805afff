using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Persistence;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Keeps the leads named in <see cref="LeadNames"/>, in that order, found by the column's <c>LeadNames</c>
/// annotation (case-insensitive: "avr" finds "aVR"). Selecting ["II", "V1"] from a 12-lead record gives 2 leads.
/// </summary>
[ModelLoader("ECGLEADS", "EcgSelectLeads")]
public sealed class SelectLeadsTransformer : SignalTransformerBase
{
    internal SelectLeadsTransformer(IReadOnlyList<string> leadNames, string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
        ArgumentNullException.ThrowIfNull(leadNames);
        if (leadNames.Count == 0) throw new ArgumentException("name at least one lead to keep", nameof(leadNames));
        var repeated = leadNames.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated != null) throw new ArgumentException($"lead '{repeated.Key}' is named more than once", nameof(leadNames));
        LeadNames = leadNames.ToArray();
    }

    /// <summary>Leads kept, in output order.</summary>
    public IReadOnlyList<string> LeadNames { get; }

    private protected override string TransformName => "SelectLeads";

    private protected override IReadOnlyList<string> RequiredAnnotations => [EcgColumns.LeadNamesAnnotation];

    private protected override SignalMapping Map(SignalColumn input)
    {
        var available = RequireLeadNames(input);
        var indices = LeadNames.Select(name =>
        {
            int index = available.ToList().FindIndex(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index
                : throw Mismatch(input, $"has no lead '{name}'", $"leads {string.Join(", ", available)}");
        }).ToArray();
        var output = input with { Leads = indices.Length, LeadNames = indices.Select(i => available[i]).ToArray() };
        return new SignalMapping(output, (source, destination, in row) =>
        {
            for (int k = 0; k < indices.Length; k++)
            {
                var lead = destination.Slice(k * input.Samples, input.Samples);
                source.Slice(indices[k] * input.Samples, row.Length).CopyTo(lead);
                lead[row.Length..].Clear();
            }
        });
    }

    private protected override void SaveParameters(BinaryWriter writer)
    {
        writer.Write(LeadNames.Count);
        foreach (string name in LeadNames) writer.Write(name);
    }

    private static SelectLeadsTransformer Create(IHostEnvironment env, object context)
    {
        var reader = LoadHeader<SelectLeadsTransformer>(context, out string output, out string input);
        var names = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToArray();
        return new SelectLeadsTransformer(names, output, input);
    }
}
