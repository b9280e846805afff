namespace Erts.MLNet.Data.Synthetic;

/// <summary>One generated heartbeat: where its R peak (or ectopic QRS centre) lies and whether it is ectopic.</summary>
/// <param name="TimeSeconds">Time of the R peak from the start of the record (s); can lie slightly outside the record.</param>
/// <param name="IsEctopic">True for a premature ventricular (PVC-like) beat.</param>
public readonly record struct SyntheticBeat(float TimeSeconds, bool IsEctopic);
