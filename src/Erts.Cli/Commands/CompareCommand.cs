using System.CommandLine;
using Erts.Cli.Console;
using Erts.Cli.Reports;
using Erts.Cli.Runs;

namespace Erts.Cli.Commands;

/// <summary><c>erts compare</c>: trains several policies (and seeds) on the same data and compares them.</summary>
internal static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var data = new DatasetOptionSet();
        var training = new TrainingOptionSet();
        var policies = ListOption.Names("--policies", "Policies to compare, e.g. full,dbpd,erts-dbpd.", ["full", "dbpd", "erts-dbpd"])
            .Each(p => TrainingOptionSet.PolicyNames.Contains(p), $"must name known policies ({string.Join(", ", TrainingOptionSet.PolicyNames)})");
        var seeds = ListOption.Integers("--seeds", "Seeds; each policy is trained once per seed (the data keep --seed).", [42]);
        var output = OutputFolderOption.Create("compare");

        var command = new Command("compare", "Train several selection policies (and seeds) on one dataset; table and plots side by side.");
        data.AddTo(command);
        training.AddTo(command, withPolicy: false);
        command.Options.Add(policies);
        command.Options.Add(seeds);
        command.Options.Add(output);

        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            var policyNames = parseResult.GetValue(policies)!.Distinct().ToArray();
            var seedValues = parseResult.GetValue(seeds)!.Distinct().ToArray();
            if (policyNames.Length == 0) throw new UsageException("--policies: name at least one policy.");
            if (seedValues.Length == 0) throw new UsageException("--seeds: give at least one seed.");
            var schedule = training.Schedule(parseResult);
            var firstOptions = training.ToTrainerOptions(parseResult, policyNames[0]);   // checks the options before any data is read
            float? resample = training.ResampleRate(parseResult);
            var request = data.ToRequest(parseResult, parseResult.GetValue(training.Seed), wholeRecordsByDefault: training.HasWindow(parseResult));

            context.Say($"data: {request.Describe()}");
            var splits = DatasetLoader.Load(request);
            TrainingOptionSet.RequireFits(firstOptions, splits);
            context.Say($"splits: {splits.Describe()}; {policyNames.Length} policies x {seedValues.Length} seeds, {schedule.Describe()}");
            context.Say($"input: {TrainAndTest.Input(firstOptions, resample)}");

            var runs = new List<RunResult>();
            foreach (int seed in seedValues)
                foreach (string policy in policyNames)
                {
                    var options = training.ToTrainerOptions(parseResult, policy, seed);
                    string name = seedValues.Length == 1 ? policy : $"{policy} seed {seed}";
                    var (result, model) = TrainAndTest.Run(context, splits, name, options, resample);
                    model.Dispose();
                    runs.Add(result);
                }

            var settings = TrainAndTest.Settings(splits, firstOptions, schedule, resample);
            settings.Add(new("policies", string.Join(", ", policyNames)));
            settings.Add(new("seeds", string.Join(", ", seedValues)));
            var report = new ExperimentReport
            {
                Title = $"erts compare: {string.Join(" vs ", policyNames)} on {request.Dataset.Name}",
                Command = context.CommandLine,
                Settings = settings,
                Runs = runs,
            };
            if (context.IsNormal)
            {
                context.Console.Write(ResultTables.Runs(runs, "test results per run"));
                if (seedValues.Length > 1) context.Console.Write(ResultTables.ByPolicy(runs, "mean ± sd over seeds"));
            }
            ReportPublisher.Publish(context, report, Path.GetFullPath(parseResult.GetValue(output)!));
            return ExitCodes.Success;
        });
        return command;
    }
}
