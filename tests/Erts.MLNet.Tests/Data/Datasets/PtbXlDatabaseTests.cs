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
        // Single label (highest-likelihood diagnostic code), recomputed independently with Python's csv + ast.literal_eval.
        var single = PtbXlDatabase.Superclasses.Select(c => database.Entries.Count(e => e.Superclass == c));
        Assert.Equal([224, 30, 44, 40, 15], single);
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

        Assert.Equal(["HYP", "NORM", "MI"], database.Entries.Select(e => e.Superclass));
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
}
