using System.Reflection;
using Erts.MLNet.Training;

namespace Erts.MLNet.Selection;

/// <summary>
/// Finds selection policies by name. Every <see cref="INamedSelectionPolicy"/> in this assembly is a policy, and
/// each one offering focus candidates also gets an ERTS variant named <see cref="FocusFilter.NamePrefix"/> + name.
/// </summary>
public static class SelectionPolicies
{
    private static readonly IReadOnlyDictionary<string, Func<ErtsTrainer.Options, ISelectionPolicy>> Factories = Discover();

    /// <summary>Every known name, sorted: "dbpd", "erts-dbpd", "erts-smrd", "erts-srd", "full", "smrd", "srd".</summary>
    public static IReadOnlyList<string> Names { get; } = Factories.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Builds the policy named <paramref name="name"/> (case-insensitive) from the trainer options.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <param name="options">Trainer options giving τ, ρ, W and C0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The name is unknown; the message lists the known ones.</exception>
    public static ISelectionPolicy Create(string name, ErtsTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !Factories.TryGetValue(name, out var factory))
            throw new ArgumentOutOfRangeException(nameof(ErtsTrainer.Options.SelectionPolicy), name,
                $"Unknown selection policy; known policies: {string.Join(", ", Names)}.");
        return factory(options);
    }

    private static Dictionary<string, Func<ErtsTrainer.Options, ISelectionPolicy>> Discover()
    {
        var factories = new Dictionary<string, Func<ErtsTrainer.Options, ISelectionPolicy>>(StringComparer.OrdinalIgnoreCase);
        var register = typeof(SelectionPolicies).GetMethod(nameof(Register), BindingFlags.NonPublic | BindingFlags.Static)!;
        var policyTypes = typeof(SelectionPolicies).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(INamedSelectionPolicy).IsAssignableFrom(type));
        foreach (var type in policyTypes)
            register.MakeGenericMethod(type).Invoke(null, [factories]);
        return factories;
    }

    // Generic so the static abstract members can be called; invoked once per policy type by Discover.
    private static void Register<TPolicy>(Dictionary<string, Func<ErtsTrainer.Options, ISelectionPolicy>> factories)
        where TPolicy : INamedSelectionPolicy
    {
        factories.Add(TPolicy.PolicyName, TPolicy.Create);
        if (TPolicy.CreateFocusCandidates is not { } createCandidates) return;
        factories.Add(FocusFilter.NamePrefix + TPolicy.PolicyName, options =>
            new FocusFilter(createCandidates(options), options.KeepFraction, options.WarmupEpochs + options.CamDelayEpochs, options.ReliabilityRanking));
    }
}
