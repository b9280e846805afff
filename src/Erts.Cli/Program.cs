return Erts.Cli.ErtsCommandLine.Run(args);
