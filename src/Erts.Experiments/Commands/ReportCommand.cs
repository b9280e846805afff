using System.CommandLine;
using Erts.Experiments.Grid;
using Erts.Experiments.Reporting;

namespace Erts.Experiments.Commands;

/// <summary><c>report</c>: regenerates the grid section of docs/results.md from a results.json, without training.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var results = new Option<string?>("--results") { Description = "results.json (default docs/grid/results.json)." };
        var markdown = new Option<string?>("--markdown") { Description = "Markdown file to update (default docs/results.md)." };
        var command = new Command("report", "Regenerate the grid section of docs/results.md from results.json.") { results, markdown };
        command.SetAction(result =>
        {
            string root = Repository.Root();
            var file = ResultsFile.Load(result.GetValue(results) ?? GridCommand.DefaultResults(root));
            string target = result.GetValue(markdown) ?? Path.Combine(root, "docs", "results.md");
            ResultsMarkdown.Update(target, file);
            Console.WriteLine($"{target}: grid section regenerated from {file.Results.Count} record(s) of {file.Path}.");
            return 0;
        });
        return command;
    }
}
