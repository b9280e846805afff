using System.CommandLine;
using Erts.Cli.Commands;

var root = new RootCommand("erts: train ECG classifiers with explainability-guided data dropout (ERTS) on ML.NET + TorchSharp.");
root.Subcommands.Add(DemoCommand.Create());
return root.Parse(args).Invoke();
