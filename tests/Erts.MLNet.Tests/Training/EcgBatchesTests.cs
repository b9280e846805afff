using Erts.MLNet.Training;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Training;

public class EcgBatchesTests
{
    [Fact]
    public void Signals_GathersTheRequestedRows_InOrder_AsALeadsBySamplesTensor()
    {
        // 5 examples of 2 leads x 3 samples; value = 100 x example + 10 x lead + sample.
        var values = Enumerable.Range(0, 5 * 2 * 3).Select(i => (float)(100 * (i / 6) + 10 * (i / 3 % 2) + i % 3)).ToArray();
        var data = new EcgTensorData(values, [0, 1, 0, 1, 0], leads: 2, samples: 3, ["a", "b"]);

        using var batch = EcgBatches.Signals(data, [4, 0, 2], CPU);

        Assert.Equal([3L, 2, 3], batch.shape);
        Assert.Equal([400f, 401, 402, 410, 411, 412, 0, 1, 2, 10, 11, 12, 200, 201, 202, 210, 211, 212], batch.data<float>().ToArray());
    }
}
