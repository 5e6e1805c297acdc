using Jiebang.Challenges.Contracts;

namespace Jiebang.Challenges.Views;

/// <summary>A measurable target the solution must meet (技术指标).</summary>
internal sealed class IndicatorInput
{
    /// <summary>Indicator name, e.g. 定位精度.</summary>
    public string Name { get; set; } = "";
    /// <summary>Target value as stated in the call, e.g. ≤0.5.</summary>
    public string Target { get; set; } = "";
    public string? Unit { get; set; }
    /// <summary>How the result will be verified (第三方检测, 用户验证, ...).</summary>
    public string? Verification { get; set; }
}

/// <summary>The issuer's intention to buy the result (谁牵头谁采购).</summary>
internal sealed class ProcurementCommitment
{
    /// <summary>Intended purchase amount in fen (分); the SPA shows 万元.</summary>
    public long? AmountFen { get; set; }
    /// <summary>Intended quantity, free text (e.g. 200台/年).</summary>
    public string? Quantity { get; set; }
    public string? Terms { get; set; }
}

internal sealed class ContactInfo
{
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? Email { get; set; }
}

/// <summary>What an issuer writes about a technical need; shared by create and update.</summary>
internal abstract class ChallengeContent
{
    public ChallengeField Field { get; set; }
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    /// <summary>Why the technology blocks the supply chain (需求背景).</summary>
    public string Background { get; set; } = "";
    public List<IndicatorInput> Indicators { get; set; } = [];
    public List<string> Deliverables { get; set; } = [];
    /// <summary>R&amp;D period in months.</summary>
    public int RdMonths { get; set; }
    /// <summary>The issuer's own planned R&amp;D investment in fen (谁出题谁出资).</summary>
    public long PlannedInvestmentFen { get; set; }
    public ProcurementCommitment Procurement { get; set; } = new();
    public ContactInfo Contact { get; set; } = new();
}

internal sealed class Indicator
{
    public Guid Id { get; init; }
    public int Ordinal { get; init; }
    public string Name { get; init; } = "";
    public string Target { get; init; } = "";
    public string? Unit { get; init; }
    public string? Verification { get; init; }
}

/// <summary>A technical need with its window and state as the caller may see it.</summary>
internal sealed class ChallengeDetail
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required Guid BatchId { get; init; }
    public required string BatchCode { get; init; }
    public required string BatchName { get; init; }
    public required Guid OrganisationId { get; init; }
    public required string IssuerName { get; init; }
    public required ChallengeField Field { get; init; }
    /// <summary>Field name in Chinese.</summary>
    public required string FieldName { get; init; }
    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    public required string Background { get; init; }
    public required IReadOnlyList<Indicator> Indicators { get; init; }
    public required IReadOnlyList<string> Deliverables { get; init; }
    public required int RdMonths { get; init; }
    public required long PlannedInvestmentFen { get; init; }
    public required ProcurementCommitment Procurement { get; init; }
    public required ContactInfo Contact { get; init; }
    public required ChallengeStatus Status { get; init; }
    /// <summary>Reason given with the last rejection, withdrawal or termination.</summary>
    public string? StatusReason { get; init; }
    /// <summary>Derived from the batch window (Asia/Shanghai days) and the server clock.</summary>
    public required ApplicationPhase Phase { get; init; }
    public required DateOnly OpensOn { get; init; }
    public required DateOnly ClosesOn { get; init; }
    public required DateTimeOffset OpensAt { get; init; }
    /// <summary>First instant after the window (exclusive end), UTC.</summary>
    public required DateTimeOffset ClosesAt { get; init; }
    public string TimeZone { get; init; } = Platform.Time.Shanghai.ZoneId;
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Where the facts come from, and which parts are demo placeholders.</summary>
    public string? SourceNote { get; init; }
    public required bool IsDemo { get; init; }
    /// <summary>Send back in If-Match to update.</summary>
    public required int Version { get; init; }
}

/// <summary>One line of the challenge list.</summary>
internal sealed class ChallengeSummary
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string? TitleEn { get; init; }
    public ChallengeField Field { get; init; }
    public string FieldName { get; set; } = "";
    public Guid OrganisationId { get; init; }
    public string IssuerName { get; init; } = "";
    public Guid BatchId { get; init; }
    public string BatchCode { get; init; } = "";
    public ChallengeStatus Status { get; init; }
    public ApplicationPhase Phase { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public DateTimeOffset ClosesAt { get; init; }
    public int RdMonths { get; init; }
    public long PlannedInvestmentFen { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public bool IsDemo { get; init; }
    public int Version { get; init; }
}
