using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.Agreements.GetAgreement;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<AgreementDetail>
{
    public override void Configure()
    {
        Get("/api/v1/agreements/{id:guid}");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("Agreements_Get", "Funding",
                "合作研发协议详情（含台账与余额） / An agreement with its ledger and balances",
                "The task force and auditors see every agreement; issuer and applicant users only those their organisation is a party to.")
            .Ok<AgreementDetail>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var row = await AgreementStore.GetAsync(connection, Route<Guid>("id"));
        var detail = row is null ? null : await AgreementDetail.LoadAsync(connection, row);
        if (detail is not null && (caller.ReadsEverything || (caller.OrganisationId is { } org && (caller.IsIssuer || caller.IsApplicant)
                && detail.Parties.Any(p => p.OrganisationId == org))))
        {
            HttpContext.Response.Headers.ETag = Versioning.ETag(detail.Version);
            await Send.OkAsync(detail, ct);
        }
        else
        {
            await Send.ResultAsync(Problems.NotFound("agreement"));
        }
    }
}
