using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Tests.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;

namespace Erts.MLNet.Tests.Data.Datasets;

public class PtbXlDatabaseTests
{
    private const string StatementsHeader = ",description,diagnostic,form,rhythm,diagnostic_class,diagnostic_subclass\n";
    private const string Statements = StatementsHeader +
        "NORM,normal ECG,1.0,,,NORM,NORM\nIMI,inferior MI,1.0,,,MI,IMI\nLVH,left ventricular hypertrophy,1.0,,,HYP,LVH\nSR,sinus rhythm,,,1.0,,\n";
    private const string DatabaseHeader = "ecg_id,patient_id,scp_codes,strat_fold,filename_lr,filename_hr\n";

    [SkippableFact]
    public void Entries_GivePublishedSuperclassCounts_ForTheSharedSubset()
    {
        var database = new PtbXlDatabase(RepositoryPaths.RequireDataset("ptbxl"));

        Assert.Equal(353, database.Entries.Count);
        // Multi-label counts from the data README (any listed diagnostic code counts); 1 record has none.
        var multi = PtbXlDatabase.Superclasses.Select(c => database.Entries.Count(e => e.Superclasses.Contains(c)));
        Assert.Equal([225, 49, 59, 57, 25], multi);
        Assert.Equal(1, database.Entries.Count(e => e.Superclasses.Count == 0));
        // Single label (highest-likelihood diagnostic code), recomputed independently with Python's csv + ast.literal_eval;
        // the record with no diagnostic code has none (it was counted as NORM before) and is the one warning.
        var single = PtbXlDatabase.Superclasses.Select(c => database.Entries.Count(e => e.Superclass == c));
        Assert.Equal([223, 30, 44, 40, 15], single);
        PtbXlEntry unlabelled = database.Entries.Single(e => e.Superclass is null);
        Assert.Empty(unlabelled.Superclasses);
        Assert.Contains($"ecg_id {unlabelled.EcgId} lists no diagnostic statement", Assert.Single(database.Warnings).Message);
        Assert.Equal([58, 51, 34, 42, 47, 33, 44, 44], Enumerable.Range(1, 8).Select(f => database.Entries.Count(e => e.StratFold == f)));
        Assert.Equal(339, database.Entries.Select(e => e.PatientId).Distinct().Count());
    }

    [SkippableFact]
    public void Load_Yields12LeadTenSecondRecordsInMillivolts_ForTheTrainFolds()
    {
        var database = new PtbXlDatabase(RepositoryPaths.RequireDataset("ptbxl"));

        EcgExample first = database.Load(DatasetSplit.Train).First();

        Assert.Empty(database.Load(DatasetSplit.Test)); // the shared subset holds folds 1-8 only
        Assert.Equal(("1", "15709", 12, 1000, 100f, "NORM"), (first.RecordId, first.PatientId, first.Leads, first.Length, first.SamplingRate, first.Label));
        Assert.Equal(["I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"], first.LeadNames);
        Assert.Equal(-0.119f, first.Signal[0], 1e-6f); // header init_value -119 at gain 1000 adu/mV
    }

    [Fact]
    public void Constructor_ResolvesSuperclasses_FromHighestLikelihoodDiagnosticCode()
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("scp_statements.csv", Statements);
        folder.WriteText("ptbxl_database.csv", DatabaseHeader +
            "1,7.0,\"{'IMI': 35.0, 'LVH': 100.0, 'SR': 0.0}\",9,a,b\n" +
            "2,8.0,\"{'SR': 0.0}\",10,c,d\n" +
            "3,9.0,\"{'IMI': 50.0, 'NORM': 50.0}\",1,e,f\n");

        var database = new PtbXlDatabase(folder.Path, new PtbXlDatabase.Options { SamplingRate = 500 });

        Assert.Equal(["HYP", null, "MI"], database.Entries.Select(e => e.Superclass));
        Assert.Equal(["HYP", "MI"], database.Entries[0].Superclasses.Order());
        Assert.Empty(database.Entries[1].Superclasses);
        Assert.Equal(["b", "d", "f"], database.Entries.Select(e => e.RecordPath));
        Assert.Equal([DatasetSplit.Validation, DatasetSplit.Test, DatasetSplit.Train], database.Entries.Select(e => database.SplitOf(e.StratFold)));
    }

    [Theory]
    [InlineData("1,7.0,\"{'XYZ': 100.0}\",1,a,b\n", 2, "scp_codes", "unknown SCP code 'XYZ'")]
    [InlineData("1,7.0,\"{'NORM' 100.0}\",1,a,b\n", 2, "scp_codes", "expected 'CODE': likelihood")]
    [InlineData("1,7.0,\"{'NORM': 100.0}\",11,a,b\n", 2, "strat_fold", "must be 1..10")]
    [InlineData("1,7.0,\"{'NORM': 100.0},1,a,b\n", 2, "column 3", "never closes")]
    [InlineData("x,7.0,\"{'NORM': 100.0}\",1,a,b\n", 2, "ecg_id", "'x'")]
    public void Constructor_ThrowsNamingLineAndField_ForBadRows(string row, int line, string field, string fragment)
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("scp_statements.csv", Statements);
        string csv = folder.WriteText("ptbxl_database.csv", DatabaseHeader + row);

        var error = Assert.Throws<DataFormatException>(() => new PtbXlDatabase(folder.Path));

        Assert.Equal((csv, line, field), (error.FilePath, error.LineNumber, error.Field));
        Assert.Contains(fragment, error.Message);
    }

    [Theory]
    [InlineData("\"{}\"", "'{}'")]
    [InlineData("\"{'SR': 0.0}\"", "'SR'")]
    public void Load_LeavesOutRowsWithoutADiagnosticStatement_WithAWarning_InsteadOfLabellingThemNorm(string codes, string echoed)
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("scp_statements.csv", Statements);
        string csv = folder.WriteText("ptbxl_database.csv", DatabaseHeader + $"5,7.0,{codes},1,records100/00000/00005_lr,b\n");

        var database = new PtbXlDatabase(folder.Path);

        Assert.Null(Assert.Single(database.Entries).Superclass);
        Assert.Empty(database.Load()); // no record file exists: the row is left out before any read
        var warning = Assert.Single(database.Warnings);
        Assert.Equal((csv, 2, "scp_codes"), (warning.FilePath, warning.LineNumber, warning.Field));
        Assert.Contains($"ecg_id 5 lists no diagnostic statement ({echoed})", warning.Message);
    }

    [Fact]
    public void Constructor_ThrowsNamingBothLines_WhenAnEcgIdIsRepeated()
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("scp_statements.csv", Statements);
        string csv = folder.WriteText("ptbxl_database.csv", DatabaseHeader +
            "1,7.0,\"{'NORM': 100.0}\",1,a,b\n2,8.0,\"{'IMI': 100.0}\",2,c,d\n1,7.0,\"{'NORM': 100.0}\",10,a,b\n");

        var error = Assert.Throws<DataFormatException>(() => new PtbXlDatabase(folder.Path));

        Assert.Equal((csv, 4, "ecg_id"), (error.FilePath, error.LineNumber, error.Field));
        Assert.Contains("ecg_id 1 is on line 2 too", error.Message);
    }

    [Fact]
    public void Constructor_ThrowsNamingTheFile_WhenTheTableHasOnlyAHeader()
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("scp_statements.csv", Statements);
        string csv = folder.WriteText("ptbxl_database.csv", DatabaseHeader);

        var error = Assert.Throws<DataFormatException>(() => new PtbXlDatabase(folder.Path));

        Assert.Equal(csv, error.FilePath);
        Assert.Contains("no ECG row", error.Message);
    }

    [Fact]
    public void Constructor_Throws_WhenARowListsACodeTwice_OrTheStatementsDefineOneTwice()
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("scp_statements.csv", Statements);
        string csv = folder.WriteText("ptbxl_database.csv", DatabaseHeader + "1,7.0,\"{'NORM': 100.0, 'IMI': 50.0, 'NORM': 0.0}\",1,a,b\n");

        var twice = Assert.Throws<DataFormatException>(() => new PtbXlDatabase(folder.Path));
        Assert.Equal((csv, 2, "scp_codes"), (twice.FilePath, twice.LineNumber, twice.Field));
        Assert.Contains("SCP code 'NORM' is listed twice", twice.Message);

        folder.WriteText("ptbxl_database.csv", DatabaseHeader + "1,7.0,\"{'NORM': 100.0}\",1,a,b\n");
        string statements = folder.WriteText("scp_statements.csv", Statements + "NORM,normal ECG,1.0,,,MI,NORM\n");
        var defined = Assert.Throws<DataFormatException>(() => new PtbXlDatabase(folder.Path));
        Assert.Equal((statements, 6), (defined.FilePath, defined.LineNumber));
        Assert.Contains("SCP code 'NORM' is defined again (first on line 2)", defined.Message);
    }

    [Fact]
    public void Constructor_EchoesAtMost200CharactersOfAHugeField()
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("scp_statements.csv", Statements);
        folder.WriteText("ptbxl_database.csv", DatabaseHeader + $"1,{new string('9', 1_000_000)}x,\"{{'NORM': 100.0}}\",1,a,b\n");

        var error = Assert.Throws<DataFormatException>(() => new PtbXlDatabase(folder.Path));

        Assert.True(error.Message.Length < 600, $"message of {error.Message.Length} characters");
        Assert.EndsWith($"'{new string('9', 200)}…' (1000001 characters)", error.Message);
    }
}
