namespace Erts.MLNet.Model;

/// <summary>What a forward pass computes besides the class probabilities, which it always gives.</summary>
[Flags]
internal enum ExtraOutputs
{
    /// <summary>Probabilities only.</summary>
    None = 0,

    /// <summary>The Grad-CAM time profile of each row's predicted class (needs a backward pass unless the head is GAP + linear).</summary>
    Explanation = 1,

    /// <summary>The network's embedding of each row, from the same trunk activations as the probabilities.</summary>
    Embedding = 2,
}
