using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Progress.SubmitProgressReport;

/// <summary>Actual investment made for a milestone, as the parties claim it.</summary>
internal sealed class Request
{
    /// <summary>0-based index of the agreement milestone the report is for.</summary>
    public int MilestoneIndex { get; set; }
    /// <summary>The issuer's actual R&amp;D investment in this period, in fen.</summary>
    public long IssuerInvestmentFen { get; set; }
    /// <summary>The applicants' actual R&amp;D investment in this period, in fen.</summary>
    public long ApplicantInvestmentFen { get; set; }
    public string? Note { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.MilestoneIndex).GreaterThanOrEqualTo(0);
        RuleFor(x => x.IssuerInvestmentFen).GreaterThanOrEqualTo(0);
        RuleFor(x => x.ApplicantInvestmentFen).GreaterThanOrEqualTo(0);
        RuleFor(x => x).Must(x => x.IssuerInvestmentFen + x.ApplicantInvestmentFen > 0).OverridePropertyName("issuerInvestmentFen")
            .WithMessage("须申报实际投入 / Some actual investment must be claimed");
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}
