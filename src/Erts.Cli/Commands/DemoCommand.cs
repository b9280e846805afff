using System.CommandLine;
using System.Diagnostics;
using Erts.MLNet.Networks;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.Cli.Commands;

/// <summary>`erts demo`: trains a small 1-D CNN on generated ECG-like data and prints its metrics.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 8 };
        var threads = new Option<int>("--threads") { Description = "Torch intra-op threads.", DefaultValueFactory = _ => 2 };
        var command = new Command("demo", "Train on built-in generated data (no download needed) and print a metrics table.") { epochs, threads };
        command.SetAction(result => Run(result.GetValue(epochs), result.GetValue(threads)));
        return command;
    }

    private static int Run(int epochs, int threads)
    {
        torch.set_num_threads(threads);
        torch.manual_seed(42);
        const int classes = 3, samples = 256, train = 600, test = 300;
        var (xTrain, yTrain) = Generate(train, samples, seed: 1);
        var (xTest, yTest) = Generate(test, samples, seed: 2);

        using var network = new SmallCnn1d(leads: 1, classes: classes);
        var optimizer = optim.AdamW(network.parameters(), lr: 3e-3);
        var clock = Stopwatch.StartNew();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            network.train();
            for (int start = 0; start < train; start += 32)
            {
                using var scope = NewDisposeScope();
                long count = Math.Min(32, train - start);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(network.call(xTrain.narrow(0, start, count)), yTrain.narrow(0, start, count));
                loss.backward();
                optimizer.step();
            }
        }
        network.eval();
        long[] predicted;
        using (no_grad()) predicted = network.call(xTest).argmax(1).data<long>().ToArray();
        long[] truth = yTest.data<long>().ToArray();

        var table = new Table().Title("demo: SmallCnn1d on generated ECG-like data").AddColumns("class", "F1", "support");
        double macro = 0;
        for (int c = 0; c < classes; c++)
        {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.Length; i++)
            {
                if (predicted[i] == c && truth[i] == c) tp++;
                else if (predicted[i] == c) fp++;
                else if (truth[i] == c) fn++;
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            macro += f1 / classes;
            table.AddRow(c.ToString(), f1.ToString("F3"), (tp + fn).ToString());
        }
        table.AddRow("[bold]macro[/]", $"[bold]{macro:F3}[/]", truth.Length.ToString());
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"trained {epochs} epochs in {clock.Elapsed.TotalSeconds:F1} s on {threads} threads");
        return 0;
    }

    /// <summary>Pulse trains whose class sets the pulse width; noise on top.</summary>
    private static (Tensor X, Tensor Y) Generate(int count, int samples, int seed)
    {
        var random = new Random(seed);
        var x = new float[count * samples];
        var y = new long[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % 3;
            y[i] = label;
            double width = 2 + 4 * label, period = 40 + random.Next(30), phase = random.Next(40);
            for (int t = 0; t < samples; t++)
            {
                double distance = (t + phase) % period - period / 2;
                x[i * samples + t] = (float)(Math.Exp(-distance * distance / (2 * width * width)) + 0.2 * (random.NextDouble() - 0.5));
            }
        }
        return (tensor(x, [count, 1, samples]), tensor(y));
    }
}
