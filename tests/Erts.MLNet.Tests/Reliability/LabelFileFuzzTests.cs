using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Tests.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Tests.Reliability.Fuzzing;
using Xunit.Abstractions;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// Property: label files and record lists with the silent kinds of damage (<see cref="LabelFileDamage"/>: repeated or
/// conflicting ids, no record left, one class, PTB-XL rows without a diagnostic code, huge values), on top of the byte
/// damage of <see cref="Mutator"/> for some inputs, are either read without a guess or refused with a
/// <see cref="DataFormatException"/> whose message is one line that echoes at most 200 characters of any value. What
/// is read must hold each id once, and every row left out must be listed in the loader's warnings.
/// </summary>
public sealed class LabelFileFuzzTests(ITestOutputHelper output) : IDisposable
{
    // A path of the temporary folder, a line number, a field and a rule, plus at most three echoed values of 200.
    private const int MessageLimit = 1200;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Cinc2017Database_ReadsWithoutGuessingOrThrowsACappedDataFormatException_OnDamagedGeneratedReference() =>
        FuzzCinc2017(string.Join('\n', Enumerable.Range(1, 40).Select(i => $"A{i:00000},{Cinc2017Database.Labels[i % 4]}")), 1000, seed: 21);

    [SkippableFact]
    public void Cinc2017Database_ReadsWithoutGuessingOrThrowsACappedDataFormatException_OnDamagedRealReference()
    {
        string reference = Path.Combine(RepositoryPaths.RequireDataset("cinc2017"), "REFERENCE.csv");
        FuzzCinc2017(string.Join('\n', File.ReadLines(reference).Take(60)), 400, seed: 22);
    }

    [Fact]
    public void PtbXlDatabase_ReadsWithoutGuessingOrThrowsACappedDataFormatException_OnDamagedGeneratedTables()
    {
        var damage = new LabelFileDamage(seed: 23);
        var mutator = new Mutator(seed: 24);
        string[] codes = ["\"{}\"", "\"{'SR': 0.0}\"", "\"{'NORM': 100.0}\"", "\"{'IMI': 100.0, 'IMI': 0.0}\"", "\"{'LVH': 50.0, 'SR': 0.0}\""];
        string[] classes = [.. PtbXlDatabase.Superclasses, "XYZ", ""];

        Run("PTB-XL tables (label damage)", 800,
            i =>
            {
                string statements = i % 5 == 0 ? damage.Damage(PtbXlTables.Statements, 1, 5, classes) : PtbXlTables.Statements;
                string database = damage.Damage(PtbXlTables.Database, 1, 2, codes);
                return (Statements: statements, Database: i % 4 == 3 ? mutator.MutateText(database) : database);
            },
            input =>
            {
                _folder.WriteText("scp_statements.csv", input.Statements);
                _folder.WriteText("ptbxl_database.csv", input.Database);
                var ptbxl = new PtbXlDatabase(_folder.Path);
                Assert.Equal(ptbxl.Entries.Count, ptbxl.Entries.Select(e => e.EcgId).Distinct().Count());
                Assert.Equal(ptbxl.Entries.Count(e => e.Superclass is null), ptbxl.Warnings.Count);
                Assert.All(ptbxl.Entries.Where(e => e.Superclass is not null), e => Assert.Contains(e.Superclass!, e.Superclasses));
                AssertOneLineAndCapped(ptbxl.Warnings);
            },
            input => $"scp_statements.csv:\n{Shorten(input.Statements)}\nptbxl_database.csv:\n{Shorten(input.Database)}");
    }

    [Fact]
    public void MitBeatDatabase_ReadsEachRecordOnceOrThrowsACappedDataFormatException_OnDamagedRecordsFiles()
    {
        var damage = new LabelFileDamage(seed: 25);
        var mutator = new Mutator(seed: 26);
        string records = string.Join('\n', Enumerable.Range(100, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Run("RECORDS (label damage)", 1000,
            i => i % 4 == 3 ? mutator.MutateText(damage.Damage(records, 0, 0, ["100", "101", "139"])) : damage.Damage(records, 0, 0, ["100", "101", "139"]),
            text =>
            {
                _folder.WriteText("RECORDS", text);
                var database = new MitBeatDatabase(_folder.Path);
                int listed = System.Text.RegularExpressions.Regex.Split(text, "\r\n|\r|\n").Count(line => line.Trim().Length > 0);
                Assert.Equal(database.Records.Count, database.Records.Distinct().Count());
                Assert.Equal(listed - database.Records.Count, database.Warnings.Count);
                AssertOneLineAndCapped(database.Warnings);
            },
            Shorten);
    }

    private void FuzzCinc2017(string reference, int count, int seed)
    {
        var damage = new LabelFileDamage(seed);
        var mutator = new Mutator(seed + 100);
        Run("CinC 2017 REFERENCE.csv (label damage)", count,
            i => i % 4 == 3 ? mutator.MutateText(damage.Damage(reference, 0, 1, Cinc2017Database.Labels)) : damage.Damage(reference, 0, 1, Cinc2017Database.Labels),
            text =>
            {
                _folder.WriteText("REFERENCE.csv", text);
                var database = new Cinc2017Database(_folder.Path);
                Assert.Equal(database.Records.Count, database.Records.Select(r => r.RecordId).Distinct().Count());
                AssertOneLineAndCapped(database.Warnings);
            },
            Shorten);
    }

    private void Run<TInput>(string name, int count, Func<int, TInput> makeInput, Action<TInput> read, Func<TInput, string> describe) =>
        new FuzzCampaign(name, typeof(DataFormatException))
            .Run(count, makeInput,
                input =>
                {
                    try
                    {
                        read(input);
                    }
                    catch (DataFormatException e)
                    {
                        AssertOneLineAndCapped(e.Message);
                        throw;
                    }
                },
                describe)
            .AssertNoFindings(output);

    private static void AssertOneLineAndCapped(IEnumerable<DataWarning> warnings)
    {
        foreach (DataWarning warning in warnings) AssertOneLineAndCapped(warning.Message);
    }

    private static void AssertOneLineAndCapped(string message)
    {
        if (message.Length > MessageLimit) Assert.Fail($"a message of {message.Length} characters: {message[..300]}...");
        Assert.DoesNotContain('\n', message);
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + $"... ({text.Length} characters)";
}
