using System.Collections.Concurrent;

namespace Erts.MLNet.Networks;

/// <summary>
/// The size of the state dict (parameters and buffers) of a network <see cref="NetworkFactory"/> would build, found
/// without building it. A model file states the shape of its network; a corrupt or hostile one can state 2^24 leads or
/// classes, and building that network allocates gigabytes before its weights could be found not to fit. Comparing
/// what the shape implies with what the weights actually hold first rejects such a file at no cost.
/// </summary>
/// <remarks>
/// Every backbone's state dict grows linearly in the leads (the first layer's input channels; the 2-D backbones draw
/// the leads into one image channel and do not grow) and in the classes (the head), and the auxiliary-feature branch
/// adds <see cref="EcgNetwork.AuxiliaryBranchSize"/>. So four small probe builds per backbone and window (one at a
/// single lead, which may skip a layer), done once per process, give the size for any shape exactly
/// (<c>StateDictSizeTests</c> compares it with built networks of every backbone).
/// </remarks>
internal static class StateDictSize
{
    private static readonly ConcurrentDictionary<(Backbone, int), Lazy<Probe>> Probes = new();

    /// <summary>The bytes of the state dict's values and the number of its tensors.</summary>
    /// <param name="backbone">The architecture.</param>
    /// <param name="leads">Input leads, at least 1.</param>
    /// <param name="window">Samples per lead of the network's input, at least 1.</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <param name="auxiliaryFeatures">Auxiliary values per row (0: no branch).</param>
    public static (long Bytes, int Tensors) Of(Backbone backbone, int leads, int window, int classes, int auxiliaryFeatures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var probe = Probes.GetOrAdd((backbone, window), key => new Lazy<Probe>(() => Probe.Measure(key.Item1, key.Item2))).Value;
        long bytes = (leads == 1 ? probe.OneLeadBytes : probe.Bytes + (leads - 2L) * probe.BytesPerLead) + (classes - 2L) * probe.BytesPerClass;
        int tensors = leads == 1 ? probe.OneLeadTensors : probe.Tensors;
        if (auxiliaryFeatures > 0)
        {
            var (values, branchTensors) = EcgNetwork.AuxiliaryBranchSize(auxiliaryFeatures, classes);
            bytes += values * sizeof(float);
            tensors += branchTensors;
        }
        return (bytes, tensors);
    }

    /// <summary>
    /// The state dict of the backbone at 2 leads and 2 classes, what one more lead or class adds, and the state dict at
    /// 1 lead apart: a one-lead input may skip a layer (InceptionTime's first bottleneck), so growth is linear from 2 leads on.
    /// </summary>
    private sealed record Probe(long Bytes, long BytesPerLead, long BytesPerClass, int Tensors, long OneLeadBytes, int OneLeadTensors)
    {
        public static Probe Measure(Backbone backbone, int window)
        {
            var (bytes, tensors) = Build(backbone, 2, window, 2);
            var (oneLeadBytes, oneLeadTensors) = Build(backbone, 1, window, 2);
            return new Probe(bytes, Build(backbone, 3, window, 2).Bytes - bytes, Build(backbone, 2, window, 3).Bytes - bytes, tensors,
                oneLeadBytes, oneLeadTensors);
        }

        private static (long Bytes, int Tensors) Build(Backbone backbone, int leads, int window, int classes)
        {
            using var network = NetworkFactory.Create(backbone, leads, window, classes);
            var state = network.state_dict();
            return (state.Values.Sum(tensor => tensor.numel() * tensor.ElementSize), state.Count);
        }
    }
}
