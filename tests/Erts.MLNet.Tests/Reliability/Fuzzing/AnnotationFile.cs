namespace Erts.MLNet.Tests.Reliability.Fuzzing;

/// <summary>A small valid MIT-format annotation file using every field kind: beats, NOTQRS, a user code, NUM, SUB, CHN, AUX and SKIP.</summary>
internal static class AnnotationFile
{
    private const int Skip = 59, Num = 60, Sub = 61, Chn = 62, Aux = 63;

    public static byte[] Generated()
    {
        var words = new List<ushort>();
        void Word(int type, int value) => words.Add((ushort)(type << 10 | value));
        Word(28, 0);                                  // rhythm change at sample 0 ...
        Word(Aux, 4);                                 // ... with aux "(N" and padding
        words.Add('(' | 'N' << 8);
        words.Add(0);
        for (int beat = 0; beat < 20; beat++)
        {
            Word(beat % 5 == 0 ? 5 : 1, 250 + beat);    // V every fifth beat, else N
            if (beat == 7) Word(Sub, 1);
            if (beat == 9) Word(Chn, 1);
            if (beat == 11) Word(Num, 3);
        }
        Word(0, 3);                                   // NOTQRS (code 0, nonzero interval): an annotation, not the end
        Word(53, 2);                                  // a user-defined code
        Word(Skip, 0);                                // a long gap: 32-bit interval, high word first
        words.Add(0x0001);
        words.Add(0x0000);
        Word(1, 0);
        words.Add(0);                                 // end of file
        return words.SelectMany(word => new[] { (byte)word, (byte)(word >> 8) }).ToArray();
    }
}
