namespace Erts.MLNet.Tests.Reliability.Fuzzing;

/// <summary>Small valid PTB-XL metadata tables with the columns the loader reads.</summary>
internal static class PtbXlTables
{
    public const string Statements =
        ",description,diagnostic,form,rhythm,diagnostic_class,diagnostic_subclass\n" +
        "NORM,normal ECG,1.0,,,NORM,NORM\n" +
        "IMI,inferior myocardial infarction,1.0,,,MI,IMI\n" +
        "NDT,non-diagnostic T abnormalities,1.0,1.0,,STTC,STTC\n" +
        "LVH,left ventricular hypertrophy,1.0,,,HYP,LVH\n" +
        "CLBBB,complete left bundle branch block,1.0,,,CD,CLBBB\n" +
        "SR,sinus rhythm,,,1.0,,\n";

    public static readonly string Database =
        "ecg_id,patient_id,scp_codes,strat_fold,filename_lr,filename_hr\n" + string.Join('\n', Enumerable.Range(1, 12).Select(i =>
            $"{i},{15000 + i}.0,\"{{'{(new[] { "NORM", "IMI", "NDT", "LVH", "CLBBB" })[i % 5]}': 100.0, 'SR': 0.0}}\",{1 + i % 10},records100/00000/{i:00000}_lr,records500/00000/{i:00000}_hr"));
}
