namespace Erts.MLNet.Data.Wfdb;

/// <summary>One annotation of a WFDB annotation file (e.g. a beat label at its R peak, or a rhythm change).</summary>
/// <param name="Sample">Sample index it refers to (WFDB <c>sample</c>/<c>time</c>).</param>
/// <param name="Code">Annotation type code, 0..58 (WFDB <c>anntyp</c>), e.g. 1 for a normal beat, 0 for NOTQRS; 50..58 are user-defined.</param>
/// <param name="Subtype">WFDB <c>subtyp</c>, 0 unless a SUB field set it.</param>
/// <param name="Channel">WFDB <c>chan</c>: carried over from the previous annotation unless a CHN field changes it.</param>
/// <param name="Number">WFDB <c>num</c>: carried over from the previous annotation unless a NUM field changes it.</param>
/// <param name="Aux">Auxiliary text (WFDB <c>aux_note</c>), e.g. "(AFIB" on a rhythm change; null when absent.</param>
public sealed record WfdbAnnotation(long Sample, int Code, int Subtype, int Channel, int Number, string? Aux)
{
    /// <summary>The code's mnemonic symbol (WFDB <c>symbol</c>), e.g. "N", "V", "+".</summary>
    public string Symbol => WfdbAnnotationCodes.Symbol(Code);

    /// <summary>True for beat (QRS) annotations, as WFDB's <c>isqrs</c>.</summary>
    public bool IsBeat => WfdbAnnotationCodes.IsBeat(Code);
}
