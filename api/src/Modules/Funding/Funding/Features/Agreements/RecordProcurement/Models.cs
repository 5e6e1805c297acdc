using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Agreements.RecordProcurement;

/// <summary>A procurement contract the issuer signed for the result (谁牵头谁采购).</summary>
internal sealed class Request
{
    public DateOnly ContractDate { get; set; }
    public long AmountFen { get; set; }
    /// <summary>What was bought (product, model, quantity).</summary>
    public string Product { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.ContractDate).NotEqual(default(DateOnly)).WithMessage("需要合同日期 / The contract date is required");
        RuleFor(x => x.AmountFen).GreaterThan(0).WithMessage("采购金额须大于零 / The amount must be positive");
        RuleFor(x => x.Product).NotEmpty().MaximumLength(300);
    }
}
