using System.CommandLine;

namespace Erts.Cli.Commands;

/// <summary>The required --model option of commands that read a model file.</summary>
internal static class ModelOption
{
    /// <summary>A required --model option.</summary>
    public static Option<string> Create() => new("--model", "-m")
    {
        Description = "Model file written by 'erts train'.",
        Required = true,
    };

    /// <summary>The full path, checked to exist.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"model file not found: {full}", full);
        return full;
    }
}
