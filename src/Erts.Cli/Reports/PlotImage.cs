namespace Erts.Cli.Reports;

/// <summary>A rendered figure: PNG bytes plus what the report says about it.</summary>
/// <param name="FileName">File name inside the report's plots folder, e.g. "kept-fraction.png".</param>
/// <param name="Title">Short heading shown above the figure in the HTML page.</param>
/// <param name="Caption">One or two sentences telling the reader what to look at.</param>
/// <param name="Png">The image, PNG-encoded.</param>
internal sealed record PlotImage(string FileName, string Title, string Caption, byte[] Png);
