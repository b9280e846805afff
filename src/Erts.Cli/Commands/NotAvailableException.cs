namespace Erts.Cli.Commands;

/// <summary>A command needs a part of ERTS.MLNet that this build does not contain yet.</summary>
/// <param name="feature">What is missing, e.g. "dataset download".</param>
internal sealed class NotAvailableException(string feature) : Exception($"{feature} is not available yet in this build of erts.");
