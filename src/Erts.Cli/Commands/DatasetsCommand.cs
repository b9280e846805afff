using System.CommandLine;
using System.Text.Json.Nodes;
using Erts.Cli.Console;
using Erts.Cli.Runs;
using Erts.MLNet.Data.Download;
using Spectre.Console;

namespace Erts.Cli.Commands;

/// <summary>
/// <c>erts datasets</c>: list the known datasets, download one into the cache (the library's
/// <see cref="DatasetDownloader"/>), verify a folder against its <c>SHA256SUMS.txt</c>.
/// </summary>
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

    private static Option<string?> CacheOption() => new("--cache") { Description = DatasetOptionSet.CacheDescription };

    private static Argument<string> NameArgument() => new("name") { Description = "Dataset name (see 'erts datasets list')." };

    private static Command List()
    {
        var cache = CacheOption();
        var command = new Command("list", "List the datasets erts knows, whether erts can train on them, and where their files are expected.") { cache };
        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            var rows = KnownDatasets.All.Select(dataset =>
            {
                string folder = DatasetLocation.Resolve(dataset, null, parseResult.GetValue(cache));
                return (dataset, folder, status: Status(dataset, folder), use: dataset.CanTrain ? "train, evaluate" : "download only");
            }).ToArray();

            if (context.IsNormal)
            {
                var table = new Table().AddColumns("name", "dataset", "erts can", "status", "folder", "content");
                foreach (var (dataset, folder, status, use) in rows)
                    table.AddRow(dataset.Name, Markup.Escape(dataset.Title), use, status, Markup.Escape(folder), Markup.Escape(dataset.Summary));
                context.Console.Write(table);
                context.Console.WriteLine("'download only': erts downloads and verifies these for your own pipelines but cannot train on them yet.");
            }
            else if (context.Mode == Console.OutputMode.Quiet)
                foreach (var row in rows) context.Output.WriteLine($"{row.dataset.Name}\t{row.status}\t{row.folder}");
            context.PrintJson(new JsonArray(rows.Select(row => (JsonNode?)new JsonObject
            {
                ["name"] = row.dataset.Name,
                ["title"] = row.dataset.Title,
                ["trainable"] = row.dataset.CanTrain,
                ["status"] = row.status,
                ["folder"] = row.folder,
                ["source"] = row.dataset.Source,
                ["summary"] = row.dataset.Summary,
            }).ToArray()));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"built in", "present" (marker files found), "incomplete" (folder without them) or "absent".</summary>
    private static string Status(DatasetInfo dataset, string root)
    {
        if (dataset.IsGenerated) return "built in";
        if (!Directory.Exists(root)) return "absent";
        return DatasetLocation.MissingMarkers(dataset, DatasetLocation.DataFolderIn(dataset, root)).Count == 0 ? "present" : "incomplete";
    }

    private static Command Verify()
    {
        var name = NameArgument();
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: $ERTS_DATA/<name>, else the cache folder)." };
        var cache = CacheOption();
        var command = new Command("verify", "Check that a dataset folder is complete: its marker files and, when present, every file its SHA256SUMS.txt lists.") { name, data, cache };
        CommandHandler.SetHandler(command, async (parseResult, context) =>
        {
            var dataset = KnownDatasets.Find(parseResult.GetValue(name)!);
            if (dataset.IsGenerated)
            {
                context.Say($"{dataset.Name} is generated on the fly: nothing to verify.");
                context.PrintJson(new JsonObject { ["name"] = dataset.Name, ["verified"] = true, ["checked"] = 0 });
                return ExitCodes.Success;
            }
            string root = DatasetLocation.Resolve(dataset, parseResult.GetValue(data), parseResult.GetValue(cache));
            DatasetLoader.RequireFolder(dataset, DatasetLocation.DataFolderIn(dataset, root));
            string sumsPath = Path.Combine(root, PhysioNetDataset.ChecksumFileName);
            int checkedFiles = 0;
            if (File.Exists(sumsPath))
            {
                checkedFiles = Sha256Sums.Parse(await File.ReadAllTextAsync(sumsPath), sumsPath).Entries.Count;
                using var signal = new TerminationSignal();
                await DatasetDownloader.UseLocalFolderAsync(root, verify: true, signal.Token);
            }
            context.Say(checkedFiles == 0
                ? $"{dataset.Name}: {root} has the expected files (no {PhysioNetDataset.ChecksumFileName} to check contents against)"
                : $"{dataset.Name}: {checkedFiles} files in {root} match {PhysioNetDataset.ChecksumFileName}");
            if (context.Mode == Console.OutputMode.Quiet) context.Output.WriteLine(root);
            context.PrintJson(new JsonObject { ["name"] = dataset.Name, ["folder"] = root, ["verified"] = true, ["checked"] = checkedFiles });
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Download()
    {
        var name = NameArgument();
        var cache = CacheOption();
        var sourceUrl = new Option<string?>("--source-url")
        {
            Description = "Download from this address instead of PhysioNet: the root of the dataset version, where its SHA256SUMS.txt is (a mirror, a local server).",
        };
        var command = new Command("download",
            "Download a dataset from PhysioNet into the cache, checking every file against the published SHA256SUMS.txt; an interrupted download resumes where it stopped.")
            { name, cache, sourceUrl };
        CommandHandler.SetHandler(command, async (parseResult, context) =>
        {
            var dataset = KnownDatasets.Find(parseResult.GetValue(name)!);
            if (dataset.Download is not { } catalogued)
            {
                context.Say($"{dataset.Name} is generated on the fly: nothing to download.");
                context.PrintJson(new JsonObject { ["name"] = dataset.Name, ["downloaded"] = false });
                return ExitCodes.Success;
            }
            var source = WithSource(catalogued, parseResult.GetValue(sourceUrl));
            using var downloader = new DatasetDownloader(parseResult.GetValue(cache));
            string folder = downloader.GetDatasetFolder(source);
            context.Say($"{dataset.Name}: {source.Title} {source.Version}, about {DownloadLine.Bytes(source.ApproximateBytes)}, licence {source.Licence}");
            context.Say($"from {source.BaseUri} into {folder}");

            long received;
            using (var signal = new TerminationSignal())
            {
                try
                {
                    received = await DownloadProgressView.RunAsync(context, dataset.Name,
                        progress => downloader.DownloadAsync(source, progress, signal.Token));
                }
                catch (OperationCanceledException) when (signal.Token.IsCancellationRequested)
                {
                    throw new OperationCanceledException(
                        $"download of {dataset.Name} cancelled; the parts received stay in {folder}: run the same command again to resume.");
                }
            }

            string sumsPath = Path.Combine(folder, PhysioNetDataset.ChecksumFileName);
            int files = Sha256Sums.Parse(await File.ReadAllTextAsync(sumsPath), sumsPath).Entries.Count;
            context.Say($"{dataset.Name}: {files} files verified in {folder} ({DownloadLine.Bytes(received)} received)");
            context.Say(dataset.CanTrain
                ? $"use it: erts train --dataset {dataset.Name}"
                : $"erts cannot train on {dataset.Name} yet; the files are ready for your own pipelines.");
            context.Say($"cite: {source.Citation}");
            if (context.Mode == Console.OutputMode.Quiet) context.Output.WriteLine(folder);
            context.PrintJson(new JsonObject
            {
                ["name"] = dataset.Name,
                ["downloaded"] = true,
                ["folder"] = folder,
                ["files"] = files,
                ["bytesReceived"] = received,
                ["source"] = source.BaseUri.ToString(),
                ["version"] = source.Version,
                ["licence"] = source.Licence,
                ["citation"] = source.Citation,
                ["trainable"] = dataset.CanTrain,
            });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The catalogue entry, fetched from <paramref name="sourceUrl"/> when one is given.</summary>
    /// <exception cref="UsageException">The address is not an absolute http(s) URL.</exception>
    private static PhysioNetDataset WithSource(PhysioNetDataset dataset, string? sourceUrl)
    {
        if (string.IsNullOrEmpty(sourceUrl)) return dataset;
        if (!Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new UsageException($"--source-url '{sourceUrl}' must be an absolute http:// or https:// address.");
        // Relative file paths resolve against the last '/': the root must end with one.
        return dataset with { BaseUri = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/") };
    }
}
