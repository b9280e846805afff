using System.Text.Json;
using Erts.MLNet.Tests.Infrastructure;

namespace Erts.MLNet.Tests.Dsp;

/// <summary>One golden case written by <c>Fixtures/scipy/make_fixtures.py</c>: parameters, input and SciPy's output.</summary>
internal sealed class ScipyFixture
{
    private readonly JsonElement _root;

    private ScipyFixture(string name, JsonElement root)
    {
        Name = name;
        _root = root;
        Input = root.GetProperty("input").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        Expected = root.GetProperty("expected").EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }

    public string Name { get; }
    public float[] Input { get; }
    public double[] Expected { get; }

    public static ScipyFixture Load(string name)
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "Erts.MLNet.Tests", "Fixtures", "scipy", name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new ScipyFixture(name, document.RootElement.Clone());
    }

    public double Number(string parameter) => _root.GetProperty(parameter).GetDouble();

    public double? OptionalNumber(string parameter) =>
        _root.GetProperty(parameter).ValueKind == JsonValueKind.Null ? null : _root.GetProperty(parameter).GetDouble();

    /// <summary>Asserts the acceptance rule: max |actual - SciPy| below 1e-4 of the input's range.</summary>
    public void AssertMatches(ReadOnlySpan<float> actual)
    {
        Assert.Equal(Expected.Length, actual.Length);
        double range = Input.Max() - Input.Min(), worst = 0;
        for (int i = 0; i < actual.Length; i++) worst = Math.Max(worst, Math.Abs(actual[i] - Expected[i]));
        Assert.True(worst < 1e-4 * range, $"{Name}: max |difference| {worst:G3} is not below 1e-4 of the range {range:G4}");
    }
}
