using System.CommandLine;
using Erts.Experiments.Commands;

// erts-experiments: the reproducible experiments of ERTS.MLNet.
//   dotnet run --project src/Erts.Experiments -c Release -- grid [--quick] [--datasets ...] [--policies ...] [--backbones ...] [--seeds ...] [--noise ...]
//   dotnet run --project src/Erts.Experiments -c Release -- report
var root = new RootCommand("ERTS.MLNet experiments: the Full / PDD / ERTS comparison grid on real ECG.");
root.Subcommands.Add(GridCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
return await root.Parse(args).InvokeAsync();
