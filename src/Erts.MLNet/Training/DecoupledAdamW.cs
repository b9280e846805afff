using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// AdamW (Adam with decoupled weight decay, Loshchilov and Hutter) over one group of parameters: the same update,
/// operation by operation, as PyTorch's and TorchSharp's <c>optim.AdamW</c> without AMSGrad or maximize, and the
/// same state format, but safe against the garbage collector.
/// </summary>
/// <remarks>
/// <para>Why not TorchSharp's: its <c>AdamW.step</c> (0.107) passes every coefficient as an implicitly converted
/// <see cref="Scalar"/> (<c>param.addcdiv_(exp_avg, denom, value: -step_size)</c> and the like). A Scalar owns a
/// native <c>c10::Scalar</c> and has a finalizer that frees it; the implicit conversion registers it nowhere, and the
/// <c>Tensor</c> methods read <c>scalar.Handle</c> and call native code without <c>GC.KeepAlive</c>. In optimised
/// code the Scalar is unreachable from that moment, so a collection during the native call lets the finalizer thread
/// free the <c>c10::Scalar</c> while libtorch still reads it: "Expected false to be true ... toFloat/toDouble" from
/// <c>addcdiv_</c>, <c>add_</c> or <c>div</c>, or, when the freed block is reused first, a silently wrong update.</para>
/// <para>Here every Scalar is created explicitly in a <c>using</c> declaration, so it is reachable (its
/// <see cref="Scalar.Dispose"/> is still to come) until after the native call that reads it, and it is freed right
/// after the step rather than by the finalizer. Temporary tensors are disposed the same way, and the moments are
/// detached from any dispose scope, so a scope open when the optimiser is built (a caller's around a whole fit)
/// cannot free them.</para>
/// <para><see cref="Save"/> writes what TorchSharp's <c>save_state_dict</c> writes for an <c>AdamW</c> with one
/// parameter group, and <see cref="Load"/> reads it, so training checkpoints keep their format.</para>
/// </remarks>
internal sealed class DecoupledAdamW : IDisposable
{
    // The type name TorchSharp's OptimizerHelper.save_state_dict writes first.
    private const string StateTypeName = "AdamW";

    private readonly Parameter[] _parameters;
    private readonly Moments[] _moments;
    private double _beta1;
    private double _beta2;
    private double _epsilon;
    private double _weightDecay;
    private bool _disposed;

    /// <summary>Creates the optimiser with zero moments for each parameter.</summary>
    /// <param name="parameters">The parameters to update (kept by reference; their gradients are read by <see cref="Step"/>).</param>
    /// <param name="learningRate">Initial learning rate, at least 0.</param>
    /// <param name="weightDecay">Decoupled weight decay, at least 0: each step multiplies the weights by 1 − lr · decay.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is out of its range.</exception>
    public DecoupledAdamW(IEnumerable<Parameter> parameters, double learningRate, double weightDecay, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(learningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be 0 or more.");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be 0 or more.");
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1).");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1).");
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be 0 or more.");
        _parameters = parameters.ToArray();
        _moments = _parameters.Select(parameter => new Moments(parameter)).ToArray();
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
        _weightDecay = weightDecay;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
    }

    /// <summary>The learning rate of the next <see cref="Step"/>; a schedule sets it between steps.</summary>
    public double LearningRate { get; set; }

    /// <summary>The learning rate the optimiser was created with (saved and loaded with the state, as TorchSharp does).</summary>
    public double InitialLearningRate { get; private set; }

    /// <summary>Number of parameters updated.</summary>
    public int ParameterCount => _parameters.Length;

    /// <summary>Zeroes the gradients that exist (TorchSharp's <c>zero_grad</c>: gradients are zeroed, not removed).</summary>
    public void ZeroGrad()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var parameter in _parameters)
        {
            using var grad = parameter.grad;
            grad?.zero_();
        }
    }

    /// <summary>
    /// One AdamW update of every parameter that has a gradient (parameters without one are skipped, their step
    /// count unchanged): w ← w · (1 − lr · λ); m ← β1 · m + (1 − β1) · g; v ← β2 · v + (1 − β2) · g²;
    /// w ← w − lr / (1 − β1^t) · m / (√v / √(1 − β2^t) + ε).
    /// </summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var noGrad = no_grad();
        // Each Scalar stays referenced until its Dispose at the end of its block, after the native calls that read it.
        using var decay = (1 - LearningRate * _weightDecay).ToScalar();
        using var beta1 = _beta1.ToScalar();
        using var oneMinusBeta1 = (1 - _beta1).ToScalar();
        using var beta2 = _beta2.ToScalar();
        using var oneMinusBeta2 = (1 - _beta2).ToScalar();
        using var epsilon = _epsilon.ToScalar();
        // Tensor.add_(Scalar) adds with an int64 alpha of 1; the same alpha, held here.
        using var one = 1L.ToScalar();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            using var grad = parameter.grad;
            if (grad is null) continue;
            var moments = _moments[i];
            moments.Step++;

            parameter.mul_(decay);
            double biasCorrection1 = 1 - Math.Pow(_beta1, moments.Step);
            double biasCorrection2 = 1 - Math.Pow(_beta2, moments.Step);
            moments.Mean.mul_(beta1).add_(grad, oneMinusBeta1);
            moments.SquaredMean.mul_(beta2).addcmul_(grad, grad, oneMinusBeta2);

            using var rootCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
            using var root = moments.SquaredMean.sqrt();
            using var denominator = root.div(rootCorrection2);
            denominator.add_(epsilon, one);
            using var stepSize = (-(LearningRate / biasCorrection1)).ToScalar();
            parameter.addcdiv_(moments.Mean, denominator, stepSize);
        }
    }

    /// <summary>
    /// Writes the state as TorchSharp's <c>AdamW.save_state_dict</c> does for one parameter group: type name, counts,
    /// the group's options (learning rates included), then per parameter its step count and both moments.
    /// </summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ObjectDisposedException.ThrowIf(_disposed, this);
        writer.Write(StateTypeName);
        WriteCount(writer, 1);
        WriteCount(writer, _parameters.Length);
        writer.Write(InitialLearningRate);
        writer.Write(LearningRate);
        writer.Write(_beta1);
        writer.Write(_beta2);
        writer.Write(_epsilon);
        writer.Write(_weightDecay);
        writer.Write(false); // AMSGrad
        writer.Write(false); // maximize
        foreach (var moments in _moments)
        {
            writer.Write(moments.Step);
            moments.Mean.Save(writer);
            moments.SquaredMean.Save(writer);
            writer.Write(false); // no AMSGrad maximum
        }
    }

    /// <summary>Replaces the state (options, step counts and moments) with one written by <see cref="Save"/> or by TorchSharp's AdamW for the same parameters.</summary>
    /// <exception cref="InvalidDataException">The state is of another optimiser, or uses AMSGrad or maximize.</exception>
    /// <exception cref="ArgumentException">The state has another number of parameter groups or parameters, or a moment of another shape or type.</exception>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ObjectDisposedException.ThrowIf(_disposed, this);
        string type = reader.ReadString();
        if (type != StateTypeName)
            throw new InvalidDataException($"Mismatched optimizer type: expected '{StateTypeName}', but found '{type}' in the loaded stream.");
        long groups = ReadCount(reader), states = ReadCount(reader);
        if (groups != 1) throw new ArgumentException($"Invalid optimizer state: {groups} parameter groups, expected 1.");
        if (states != _parameters.Length) throw new ArgumentException($"Invalid optimizer state: {states} parameters, expected {_parameters.Length}.");
        InitialLearningRate = reader.ReadDouble();
        LearningRate = reader.ReadDouble();
        _beta1 = reader.ReadDouble();
        _beta2 = reader.ReadDouble();
        _epsilon = reader.ReadDouble();
        _weightDecay = reader.ReadDouble();
        if (reader.ReadBoolean()) throw new InvalidDataException("The optimizer state uses AMSGrad, which this AdamW does not implement.");
        if (reader.ReadBoolean()) throw new InvalidDataException("The optimizer state maximizes, which this AdamW does not implement.");
        foreach (var moments in _moments)
        {
            moments.Step = reader.ReadInt64();
            moments.Mean.Load(reader);
            moments.SquaredMean.Load(reader);
            if (reader.ReadBoolean()) throw new InvalidDataException("The optimizer state holds AMSGrad maxima, which this AdamW does not implement.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var moments in _moments) moments.Dispose();
    }

    // TorchSharp's counts: unsigned LEB128.
    private static void WriteCount(BinaryWriter writer, long value)
    {
        do
        {
            byte low = (byte)(value & 0x7F);
            value >>= 7;
            writer.Write(value == 0 ? low : (byte)(low | 0x80));
        }
        while (value != 0);
    }

    private static long ReadCount(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 56) throw new InvalidDataException("A count in the optimizer state is malformed.");
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }

    // Step count and moments of one parameter, on its device, outside any dispose scope.
    private sealed class Moments(Parameter parameter) : IDisposable
    {
        /// <summary>Updates applied to the parameter (t of the bias corrections).</summary>
        public long Step { get; set; }

        /// <summary>First moment m, shaped like the parameter.</summary>
        public Tensor Mean { get; } = zeros_like(parameter).DetachFromDisposeScope();

        /// <summary>Second moment v, shaped like the parameter.</summary>
        public Tensor SquaredMean { get; } = zeros_like(parameter).DetachFromDisposeScope();

        /// <inheritdoc />
        public void Dispose()
        {
            Mean.Dispose();
            SquaredMean.Dispose();
        }
    }
}
