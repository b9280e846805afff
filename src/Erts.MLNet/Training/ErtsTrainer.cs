namespace Erts.MLNet.Training;

/// <summary>The ERTS multiclass trainer for ECG signals (the ML.NET surface is being written).</summary>
public sealed partial class ErtsTrainer
{
}
