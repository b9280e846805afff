namespace Erts.MLNet.Tests.Reliability.Fuzzing;

/// <summary>
/// Seeded damage of the kind label files and record lists suffer silently, as opposed to the byte-level damage of
/// <see cref="Mutator"/>: a line repeated as is or with another label, every line but the header gone, one class
/// left, a PTB-XL row with <c>scp_codes {}</c>, a value of up to 1.2 million characters.
/// </summary>
internal sealed class LabelFileDamage(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>
    /// A line-oriented file (lines after the first <paramref name="headerLines"/> are records, their first
    /// comma-separated field the id) with one to three of: a line repeated exactly, a line repeated with field
    /// <paramref name="changedField"/> replaced by one of <paramref name="alternatives"/>, every record line removed,
    /// blank lines inserted, every value of <paramref name="changedField"/> made the same (one class), a field
    /// replaced by a huge value.
    /// </summary>
    public string Damage(string text, int headerLines, int changedField, IReadOnlyList<string> alternatives)
    {
        var lines = text.Split('\n').ToList();
        int count = 1 + _random.Next(3);
        for (int i = 0; i < count && lines.Count > headerLines; i++)
        {
            int at = headerLines + _random.Next(lines.Count - headerLines);
            switch (_random.Next(6))
            {
                case 0:
                    lines.Insert(headerLines + _random.Next(lines.Count - headerLines + 1), lines[at]);
                    break;
                case 1:
                    lines.Insert(headerLines + _random.Next(lines.Count - headerLines + 1), WithField(lines[at], changedField, Pick(alternatives)));
                    break;
                case 2:
                    lines.RemoveRange(headerLines, lines.Count - headerLines);
                    break;
                case 3:
                    lines.Insert(headerLines + _random.Next(lines.Count - headerLines + 1), _random.Next(2) == 0 ? "" : " \r");
                    break;
                case 4:
                    string single = Pick(alternatives);
                    for (int k = headerLines; k < lines.Count; k++) lines[k] = WithField(lines[k], changedField, single);
                    break;
                default:
                    int field = _random.Next(Math.Max(1, lines[at].Split(',').Length));
                    lines[at] = WithField(lines[at], field, Huge());
                    break;
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>
    /// A value of 201 to 1,200,200 characters (beyond the CSV reader's longest field), digits, letters or a quoted run,
    /// so a message echoing it must cut it.
    /// </summary>
    public string Huge()
    {
        int length = 201 + _random.Next(_random.Next(2) == 0 ? 2_000 : 1_200_000);
        return _random.Next(3) switch
        {
            0 => new string('9', length),
            1 => new string('N', length),
            _ => "\"{'" + new string('X', length) + "': 100.0}\"",
        };
    }

    private string Pick(IReadOnlyList<string> values) => values[_random.Next(values.Count)];

    // Splits on commas outside double quotes, so PTB-XL's quoted scp_codes dict stays one field.
    private static string WithField(string line, int index, string value)
    {
        var fields = new List<string>();
        int start = 0;
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ',' && !quoted) { fields.Add(line[start..i]); start = i + 1; }
        }
        fields.Add(line[start..]);
        if (index < fields.Count) fields[index] = value;
        return string.Join(',', fields);
    }
}
