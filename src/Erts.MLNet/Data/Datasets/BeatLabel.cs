namespace Erts.MLNet.Data.Datasets;

/// <summary>What a beat example's label is.</summary>
public enum BeatLabel
{
    /// <summary>The AAMI class N, S, V, F or Q of the beat symbol (see <see cref="AamiBeatClasses"/>).</summary>
    Aami,

    /// <summary>The MIT beat symbol itself, e.g. "L" or "V".</summary>
    Symbol,

    /// <summary>The rhythm in effect at the beat, from the last rhythm-change aux note before it, e.g. "AFIB" for "(AFIB".</summary>
    Rhythm,
}
