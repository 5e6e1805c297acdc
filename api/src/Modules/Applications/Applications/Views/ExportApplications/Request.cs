using FastEndpoints;
using FluentValidation;

namespace Jiebang.Applications.Views.ExportApplications;

// Shared by the export and the export job (whose body it is): kept under this namespace's last segment, its schema stays
// ExportApplicationsRequest.

/// <summary>Which applications to export: those of a batch, of a challenge, or both filters at once.</summary>
internal sealed class Request
{
    public Guid? Batch { get; set; }
    public Guid? Challenge { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Batch).NotNull().When(x => x.Challenge is null)
            .WithMessage("须指定批次（batch）或技术需求（challenge） / Give a batch or a challenge to export");
    }
}
