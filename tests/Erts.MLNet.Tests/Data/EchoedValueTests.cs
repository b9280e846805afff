using Erts.MLNet.Data;

namespace Erts.MLNet.Tests.Data;

public class EchoedValueTests
{
    [Fact]
    public void Quote_ShowsAShortValueWhole()
    {
        Assert.Equal("'A00001'", EchoedValue.Quote("A00001"));
        Assert.Equal("''", EchoedValue.Quote(""));
        Assert.Equal($"'{new string('a', 200)}'", EchoedValue.Quote(new string('a', 200)));
    }

    [Fact]
    public void Quote_CutsALongValueAt200Characters_AndGivesItsLength()
    {
        string value = new string('a', 200) + new string('b', 104_857_400);

        Assert.Equal($"'{new string('a', 200)}…' (104857600 characters)", EchoedValue.Quote(value));
        Assert.Equal($"{new string('a', 200)}… (104857600 characters)", EchoedValue.Cap(value));
    }

    [Fact]
    public void Quote_EscapesLineBreaksAndControlCharacters_SoTheMessageStaysOnOneLine()
    {
        Assert.Equal(@"'N\r\nA\tB\u001b[2J'", EchoedValue.Quote("N\r\nA\tB\u001b[2J"));
    }

    [Fact]
    public void DataFormatException_CapsThePathAndTheFieldItEchoes()
    {
        string name = new('r', 10_000);

        var error = new DataFormatException("/data/" + name + ".hea", 3, name, "problem");

        Assert.Equal("/data/" + name + ".hea", error.FilePath);
        Assert.True(error.Message.Length < 600, $"message of {error.Message.Length} characters");
        Assert.Contains("(10010 characters):3: field '", error.Message);
        Assert.EndsWith("… (10000 characters)': problem", error.Message);
    }

    [Fact]
    public void DataWarning_MessageHasTheFormOfADataFormatExceptionMessage()
    {
        var warning = new DataWarning("RECORDS", 4, null, "record '100' is listed again (first on line 1); read once");

        Assert.Equal(new DataFormatException("RECORDS", 4, null, warning.Problem).Message, warning.Message);
        Assert.Equal("RECORDS:4: record '100' is listed again (first on line 1); read once", warning.ToString());
    }
}
