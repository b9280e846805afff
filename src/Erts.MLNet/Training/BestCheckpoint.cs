using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>An in-memory copy of a network's state dict (parameters and buffers), kept outside any dispose scope.</summary>
internal sealed class BestCheckpoint : IDisposable
{
    private Dictionary<string, Tensor>? _state;

    /// <summary>0-based epoch of the captured weights; -1 before the first capture.</summary>
    public int Epoch { get; private set; } = -1;

    /// <summary>Replaces the stored copy with the module's current state.</summary>
    public void Capture(nn.Module module, int epoch)
    {
        DisposeState();
        // The scope takes the temporaries (detached views); only the copies leave it.
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _state = module.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.detach().clone().DetachFromDisposeScope());
        Epoch = epoch;
    }

    /// <summary>Loads the stored copy back into the module; does nothing before the first capture.</summary>
    public void Restore(nn.Module module)
    {
        if (_state is null) return;
        using var scope = NewDisposeScope();
        module.load_state_dict(_state);
    }

    /// <summary>Writes the epoch and the stored tensors (TorchSharp's tensor format), for a training checkpoint.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Epoch);
        writer.Write(_state?.Count ?? 0);
        foreach (var (name, tensor) in _state ?? [])
        {
            writer.Write(name);
            tensor.Save(writer);
        }
    }

    /// <summary>Replaces the stored copy with one written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The stored state is inconsistent (a negative count, or an epoch without tensors).</exception>
    public void Read(BinaryReader reader)
    {
        DisposeState();
        int epoch = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (count < 0 || (epoch >= 0) != (count > 0))
            throw new InvalidDataException($"best weights of epoch {epoch} with {count} tensors");
        if (count == 0)
        {
            Epoch = -1;
            return;
        }
        var state = new Dictionary<string, Tensor>(count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                state[name] = TensorExtensionMethods.Load(reader).DetachFromDisposeScope();
            }
        }
        catch
        {
            foreach (var tensor in state.Values) tensor.Dispose();
            throw;
        }
        _state = state;
        Epoch = epoch;
    }

    /// <inheritdoc />
    public void Dispose() => DisposeState();

    private void DisposeState()
    {
        if (_state is null) return;
        foreach (var tensor in _state.Values) tensor.Dispose();
        _state = null;
    }
}
