using System.CommandLine;
using System.Text.Json.Nodes;
using Erts.Cli.Runs;
using Spectre.Console;

namespace Erts.Cli.Commands;

/// <summary><c>erts datasets</c>: list the known datasets, download one into the cache, verify a folder.</summary>
internal static class DatasetsCommand
{
    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("datasets", "List the known datasets, download one into the cache, or verify a dataset folder.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Download());
        return command;
    }

    private static Command List()
    {
        var cache = new Option<string?>("--cache") { Description = "Cache folder (default: $XDG_CACHE_HOME/erts or ~/.cache/erts)." };
        var command = new Command("list", "List the datasets erts knows and where their files are expected.") { cache };
        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            var rows = KnownDatasets.All.Select(dataset =>
            {
                string folder = DatasetLocation.Resolve(dataset, null, parseResult.GetValue(cache));
                string status = dataset.IsGenerated ? "built in"
                    : Directory.Exists(folder) && DatasetLocation.MissingMarkers(dataset, folder).Count == 0 ? "present" : "absent";
                return (dataset, folder: dataset.IsGenerated ? "" : folder, status);
            }).ToArray();

            if (context.IsNormal)
            {
                var table = new Table().AddColumns("name", "dataset", "status", "folder", "content");
                foreach (var (dataset, folder, status) in rows)
                    table.AddRow(dataset.Name, Markup.Escape(dataset.Title), status, Markup.Escape(folder), Markup.Escape(dataset.Summary));
                context.Console.Write(table);
            }
            else if (context.Mode == Console.OutputMode.Quiet)
                foreach (var row in rows) context.Output.WriteLine($"{row.dataset.Name}\t{row.status}\t{row.folder}");
            context.PrintJson(new JsonArray(rows.Select(row => (JsonNode?)new JsonObject
            {
                ["name"] = row.dataset.Name,
                ["title"] = row.dataset.Title,
                ["status"] = row.status,
                ["folder"] = row.folder,
                ["source"] = row.dataset.Source,
                ["summary"] = row.dataset.Summary,
            }).ToArray()));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Verify()
    {
        var name = new Argument<string>("name") { Description = "Dataset name (see 'erts datasets list')." };
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: $ERTS_DATA/<name>, else the cache folder)." };
        var cache = new Option<string?>("--cache") { Description = "Cache folder." };
        var command = new Command("verify", "Check that a dataset folder is complete: its marker files and, when present, SHA256SUMS.txt.") { name, data, cache };
        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            var dataset = KnownDatasets.Find(parseResult.GetValue(name)!);
            if (dataset.IsGenerated)
            {
                context.Say($"{dataset.Name} is generated on the fly: nothing to verify.");
                context.PrintJson(new JsonObject { ["name"] = dataset.Name, ["verified"] = true, ["checked"] = 0 });
                return ExitCodes.Success;
            }
            string folder = DatasetLocation.Resolve(dataset, parseResult.GetValue(data), parseResult.GetValue(cache));
            DatasetLoader.RequireFolder(dataset, folder);
            var result = ChecksumVerifier.Verify(folder);
            if (result is { Problems.Count: > 0 })
            {
                foreach (string problem in result.Problems.Take(20)) context.Error.WriteLine($"erts: {problem}");
                throw new InvalidDataException($"{result.Problems.Count} of {result.Checked} files in {folder} do not match {ChecksumVerifier.FileName}.");
            }
            string summary = result == null
                ? $"{dataset.Name}: {folder} has the expected files (no {ChecksumVerifier.FileName} to check contents against)"
                : $"{dataset.Name}: {result.Checked} files in {folder} match {ChecksumVerifier.FileName}";
            context.Say(summary);
            if (context.Mode == Console.OutputMode.Quiet) context.Output.WriteLine(folder);
            context.PrintJson(new JsonObject { ["name"] = dataset.Name, ["folder"] = folder, ["verified"] = true, ["checked"] = result?.Checked ?? 0 });
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Download()
    {
        var name = new Argument<string>("name") { Description = "Dataset name (see 'erts datasets list')." };
        var cache = new Option<string?>("--cache") { Description = "Cache folder to download into." };
        var command = new Command("download", "Download a dataset into the cache folder and verify it.") { name, cache };
        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            var dataset = KnownDatasets.Find(parseResult.GetValue(name)!);
            if (dataset.IsGenerated)
            {
                context.Say($"{dataset.Name} is generated on the fly: nothing to download.");
                return ExitCodes.Success;
            }
            throw new NotAvailableException($"downloading datasets (get {dataset.Name} from {dataset.Source} and pass --data <folder>)");
        });
        return command;
    }
}
