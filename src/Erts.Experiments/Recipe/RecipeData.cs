using Microsoft.ML;

namespace Erts.Experiments.Recipe;

/// <summary>
/// A dataset prepared for the recipe benchmark: the three parts as cached ML.NET views (preprocessed once and shared
/// by every run), the columns the models read, and where each record went (for the PyTorch peer's --split file).
/// </summary>
/// <param name="Train">Training part: Signal (and SignalLength for whole records), Label as text, the feature column.</param>
/// <param name="Validation">Validation part: checkpoint choice and early stopping, nothing else.</param>
/// <param name="Test">Test part: used once per reported figure.</param>
/// <param name="FusedColumn">Features (finite values) the fused network takes before its head.</param>
/// <param name="BaselineColumn">Features FastTree is trained on (the classic baseline on the same rows).</param>
/// <param name="Description">Rows per part and their shape, for the results.</param>
/// <param name="SplitLines">Lines "record,train|validation|test" when a peer can run on exactly these parts, else null.</param>
public sealed record RecipeData(IDataView Train, IDataView Validation, IDataView Test, string FusedColumn, string BaselineColumn, string Description,
    IReadOnlyList<string>? SplitLines);
