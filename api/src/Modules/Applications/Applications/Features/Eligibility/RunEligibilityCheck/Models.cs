namespace Jiebang.Applications.Features.Eligibility.RunEligibilityCheck;

/// <summary>What the formal check did.</summary>
internal sealed class Response
{
    public int Checked { get; init; }
    public int Eligible { get; init; }
    public int Ineligible { get; init; }
    /// <summary>Applications decided earlier and left as they were.</summary>
    public int AlreadyDecided { get; init; }
}
