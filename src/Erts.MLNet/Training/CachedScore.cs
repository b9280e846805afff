namespace Erts.MLNet.Training;

/// <summary>A sample's score as <see cref="ScoreCache"/> holds it.</summary>
/// <param name="Confidence">p(true class).</param>
/// <param name="Predicted">Arg-max class.</param>
/// <param name="Focus">Focus of the true class, NaN when not known.</param>
/// <param name="Epoch">Epoch of the forward that produced it.</param>
internal readonly record struct CachedScore(float Confidence, int Predicted, float Focus, int Epoch)
{
    /// <summary>True when the cached forward also gave a focus score.</summary>
    public bool HasFocus => !float.IsNaN(Focus);
}
