using System.Security.Cryptography;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>Rebuilds a training checkpoint around edited bytes, so that a test reaches the parser instead of the SHA-256 check.</summary>
internal static class CheckpointBytes
{
    /// <summary>The payload followed by its SHA-256, as <c>TrainingCheckpoint</c> writes it.</summary>
    public static byte[] WithHash(byte[] payload) => [.. payload, .. SHA256.HashData(payload)];
}
