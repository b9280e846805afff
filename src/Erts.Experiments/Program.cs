using System.CommandLine;
using Erts.Experiments.Commands;

// erts-experiments: the reproducible experiments of ERTS.MLNet.
//   dotnet run --project src/Erts.Experiments -c Release -- grid [--quick] [--datasets ...] [--policies ...] [--backbones ...] [--seeds ...] [--noise ...]
//   dotnet run --project src/Erts.Experiments -c Release -- report
//   dotnet run --project src/Erts.Experiments -c Release -- recipe [--datasets cinc2017,mitbih,ptbxl] [--models network,fused,fasttree,peer] [--seeds 1,2,3]
//   dotnet run --project src/Erts.Experiments -c Release -- logit-adjustment --part dev|test|report [--seeds 1,2,3] [--threads 1]
var root = new RootCommand("ERTS.MLNet experiments: the Full / PDD / ERTS comparison grid on real ECG.");
root.Subcommands.Add(GridCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(RecipeCommand.Create());
root.Subcommands.Add(LogitAdjustmentCommand.Create());
return await root.Parse(args).InvokeAsync();
