using System.Text;

namespace Erts.MLNet.Tests.Data.Wfdb;

/// <summary>Builds the bytes of an MIT-format annotation file word by word, laid out as WFDB's <c>putann</c> writes them.</summary>
internal sealed class MitAnnotationBuilder
{
    private readonly List<byte> bytes = [];

    /// <summary>One 16-bit word, low byte first: type A in the top 6 bits, value I in the low 10.</summary>
    public MitAnnotationBuilder Word(int type, int value) => Raw((ushort)(type << 10 | value & 0x3FF));

    /// <summary>SKIP (59) and its 32-bit interval, high 16-bit word first (PDP-11 order).</summary>
    public MitAnnotationBuilder Skip(int interval) => Word(59, 0).Raw((ushort)(interval >>> 16)).Raw((ushort)interval);

    /// <summary>AUX (63): the byte count, the Latin-1 text, and a pad byte when the count is odd.</summary>
    public MitAnnotationBuilder Aux(string text)
    {
        Word(63, text.Length);
        bytes.AddRange(Encoding.Latin1.GetBytes(text));
        if (text.Length % 2 == 1) bytes.Add(0);
        return this;
    }

    /// <summary>The end-of-file word 0.</summary>
    public MitAnnotationBuilder End() => Raw(0);

    /// <summary>The file's bytes.</summary>
    public byte[] ToArray() => bytes.ToArray();

    private MitAnnotationBuilder Raw(ushort word)
    {
        bytes.Add((byte)word);
        bytes.Add((byte)(word >> 8));
        return this;
    }
}
