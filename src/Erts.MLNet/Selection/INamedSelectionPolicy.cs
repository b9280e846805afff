using Erts.MLNet.Training;

namespace Erts.MLNet.Selection;

/// <summary>
/// A policy <see cref="SelectionPolicies"/> can build by name. Implementing this interface in a new class is all it
/// takes to add a policy: the registry discovers implementations in this assembly by reflection.
/// </summary>
public interface INamedSelectionPolicy : ISelectionPolicy
{
    /// <summary>The name users pass in <see cref="ErtsTrainer.Options.SelectionPolicy"/>, lower case.</summary>
    static abstract string PolicyName { get; }

    /// <summary>Builds the baseline policy from the trainer options.</summary>
    /// <param name="options">Validated trainer options.</param>
    static abstract ISelectionPolicy Create(ErtsTrainer.Options options);

    /// <summary>
    /// Builds the candidate rule the ERTS <see cref="FocusFilter"/> wraps to form "erts-" + <see cref="PolicyName"/>;
    /// null (the default) when the policy has no ERTS variant.
    /// </summary>
    static virtual Func<ErtsTrainer.Options, ISelectionPolicy>? CreateFocusCandidates => null;
}
